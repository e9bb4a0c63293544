"""Duties towards the people on file: export everything held about one person (subject
access), and anonymise a person on request.

Both start from the detainee and follow every relation that points at them, and at the
rows found, through the app registry: a table added later that refers to a person is
covered without a change here, and `cases` needs to import neither `consular` nor `ingest`
for it. Change history rows of those tables (including rows since deleted, such as a
removed spelling of the name) are found by the same foreign keys.
"""

import re
from collections.abc import Iterable

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.utils.translation import gettext, gettext_noop

from cases.errors import DomainError
from cases.fields import sensitive_field_names
from cases.models import Detainee, NameVariant, Source
from cases.relations import history_of, referring_row_ids
from cases.services import name_variant_add

from .constants import PersonDataAction
from .models import PersonDataEvent, SensitiveRead

# The change reason of the history rows anonymising writes (shown in the reader's language).
ANONYMISED_REASON = gettext_noop("anonymised on request")

# Tables that refer to a person but are not data about them: the audit trail itself.
_NOT_PERSON_DATA = {"audit"}
# Documents a person's records cite or came from: public, shared with other people.
_DOCUMENTS = ("cases.source", "ingest.article")

REDACTED = "[anonymised]"


def anonymised_name(detainee_id: int) -> str:
    return f"Anonymised person {detainee_id}"


# --- Finding the rows ----------------------------------------------------------------------


def _history_model(model):
    history = history_of(model)
    return history.model if history is not None else None


def _follows(relation) -> bool:
    """Reverse relations into tables that hold data about a person (not the audit trail).
    (History tables link with hidden relations, and are reached through their own
    models.)"""
    return relation.related_model._meta.app_label not in _NOT_PERSON_DATA


def person_row_ids(detainee: Detainee) -> dict[type[models.Model], set[int]]:
    """The primary keys, by table, of every row that refers to the person directly or
    through another such row, live or archived, and of rows since deleted that history
    still holds."""
    return referring_row_ids(Detainee, [detainee.pk], follows=_follows, with_history=True)


# Rows about another person, by table, beyond those that name another detainee: a "not the
# same person" judgement holds someone else's name (the draft's) beside this person's id.
_ABOUT_OTHERS = {"ingest.matchjudgement": models.Q(verdict="different")}


def _about_someone_else(model, detainee: Detainee) -> models.Q | None:
    """The rows of `model` that are about another person: those that name another detainee
    (a "not the same person" judgement on a draft of this person names the other one), and
    those of `_ABOUT_OTHERS`."""
    condition = _ABOUT_OTHERS.get(model._meta.label_lower, models.Q())
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is Detainee:
            named = models.Q(**{f"{field.attname}__isnull": False})
            condition |= named & ~models.Q(**{field.attname: detainee.pk})
    return condition or None


def _own(ids: dict, detainee: Detainee) -> dict[type[models.Model], set[int]]:
    """`ids` less the rows about another person: an export gives no one else's data."""
    out = {}
    for model, pks in ids.items():
        other = _about_someone_else(model, detainee)
        if other is not None:
            theirs = model._base_manager.filter(other, pk__in=pks).values_list("pk", flat=True)
            pks = pks - set(theirs)
        out[model] = pks
    return out


def _documents(ids: dict) -> dict[type[models.Model], set[int]]:
    """Sources and articles that the person's rows cite or came from."""
    wanted = {apps.get_model(label) for label in _DOCUMENTS if _installed(label)}
    found: dict[type[models.Model], set[int]] = {}
    for model, pks in ids.items():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in wanted:
                values = model._base_manager.filter(pk__in=pks).values_list(
                    field.attname, flat=True
                )
                found.setdefault(field.related_model, set()).update(v for v in values if v)
    article = apps.get_model("ingest.article") if _installed("ingest.article") else None
    if article is not None and found.get(article):
        sources = article._base_manager.filter(pk__in=found[article]).values_list(
            "source_id", flat=True
        )
        found.setdefault(Source, set()).update(s for s in sources if s)
    return found


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


# --- Subject access ------------------------------------------------------------------------


def _serialize(rows: Iterable[models.Model]) -> list[dict]:
    return [{"id": item["pk"], **item["fields"]} for item in serializers.serialize("python", rows)]


# Of an article, what the export carries: its text is a public document about several
# people, and is large.
_ARTICLE_FIELDS = ("url", "canonical_url", "title", "outlet", "published_on", "language")


def person_export(*, detainee: Detainee, user, reason: str = "") -> dict:
    """Everything held about one person, as JSON-ready data: their record and every row
    that refers to it, the change history of each, the sources and articles those rows
    cite, who read their sensitive details, and what was done with their data before.
    The export itself is audited."""
    ids = _own(person_row_ids(detainee), detainee)
    records, history = {}, {}
    for model, pks in sorted(ids.items(), key=lambda item: item[0]._meta.label_lower):
        rows = model._base_manager.filter(pk__in=pks).order_by("pk")
        records[model._meta.label_lower] = _serialize(rows)
        history_model = _history_model(model)
        if history_model is not None:
            past = history_model.objects.filter(id__in=pks).order_by("history_date", "pk")
            history[model._meta.label_lower] = _serialize(past)
    documents = {}
    for model, pks in _documents(ids).items():
        rows = model._base_manager.filter(pk__in=pks).order_by("pk")
        fields = _ARTICLE_FIELDS if model._meta.label_lower == "ingest.article" else None
        documents[model._meta.label_lower] = [
            {"id": item["pk"], **item["fields"]}
            for item in serializers.serialize("python", rows, fields=fields)
        ]
    reads = SensitiveRead.objects.none()
    for model, pks in ids.items():
        reads = reads | SensitiveRead.objects.filter(
            record_type=model._meta.label_lower, record_id__in=pks
        )
    event = _audit(PersonDataAction.EXPORTED, detainee=detainee, user=user, reason=reason)
    return {
        "generated_at": event.created_at.isoformat(),
        "detainee": detainee.pk,
        "records": records,
        "history": history,
        "documents": documents,
        "tags": list(detainee.tags.values_list("name", flat=True)),
        "sensitive_reads": list(
            reads.order_by("read_at", "id").values(
                "username", "read_at", "record_type", "record_id", "path"
            )
        ),
        "person_data_events": list(
            PersonDataEvent.objects.filter(detainee=detainee)
            .order_by("created_at", "id")
            .values("action", "actor_name", "reason", "created_at")
        ),
    }


def _audit(action: str, *, detainee: Detainee, user, reason: str) -> PersonDataEvent:
    return PersonDataEvent.objects.create(
        action=action,
        detainee_id=detainee.pk,
        actor=user if getattr(user, "pk", None) else None,
        actor_name=user.get_username() if getattr(user, "pk", None) else "",
        reason=reason,
    )


# --- Anonymisation -------------------------------------------------------------------------

# Columns replaced outright (beyond names and sensitive fields), by table: identifiers,
# narrative free text about the person, and the sentences quoted from articles.
_CLEARED = {
    "cases.detainee": {
        "name_original_script": "",
        "sex": "",
        "date_of_birth": None,
        "date_of_birth_precision": "",
    },
    "cases.case": {"case_number": "", "summary": ""},
    "cases.sentence": {"notes": ""},
    "cases.extradition": {"notes": ""},
    "consular.consularvisit": {"follow_up": ""},
    "ingest.draft": {"date_of_birth": None, "date_of_birth_precision": ""},
}


def _names_of(detainee: Detainee, ids: dict) -> set[str]:
    """Every spelling of the person's name held anywhere: now, in the history, in drafts."""
    names = {detainee.full_name, detainee.name_original_script}
    history = _history_model(Detainee)
    for full, original in history.objects.filter(id=detainee.pk).values_list(
        "full_name", "name_original_script"
    ):
        names |= {full, original}
    names |= set(NameVariant._base_manager.filter(detainee=detainee).values_list("name", flat=True))
    names |= set(
        _history_model(NameVariant)
        .objects.filter(detainee_id=detainee.pk)
        .values_list("name", flat=True)
    )
    for model, pks in ids.items():
        if model._meta.label_lower == "ingest.draft":
            names |= set(model._base_manager.filter(pk__in=pks).values_list("name", flat=True))
    return {name for name in names if name}


def _name_pattern(names: set[str]) -> re.Pattern | None:
    """Each full spelling and each word of it (three letters or more: shorter words such as
    "de" or "Li" would match ordinary text), as whole words, ignoring case."""
    parts = set()
    for name in names:
        parts.add(name.strip())
        parts.update(word for word in re.findall(r"\w+", name) if len(word) >= 3)
    parts.discard("")
    if not parts:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class _Scrubber:
    def __init__(self, pattern: re.Pattern | None):
        self.pattern = pattern

    def text(self, value: str, *, keep_length: bool = False, replacement: str = REDACTED) -> str:
        if not value or self.pattern is None:
            return value
        if keep_length:
            # Evidence spans are offsets into an article's text: keep every offset.
            return self.pattern.sub(lambda m: "█" * len(m.group(0)), value)
        return self.pattern.sub(replacement, value)

    def json(self, value):
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, dict):
            return {key: self.json(item) for key, item in value.items()}
        return value

    def changes(self, model, row: models.Model, *, label: str, anonymous: str) -> dict:
        """The new value of every column of `row` that holds something about the person."""
        out = dict(_CLEARED.get(label, {}))
        for name in sensitive_field_names(model):
            out[name] = ""
        if label == "cases.detainee":
            out["full_name"] = anonymous
        elif label == "cases.namevariant":
            out["name"] = anonymous
        elif label == "ingest.draft":
            out["name"] = anonymous
            out["person_key"] = f"anonymised-{row.pk}"
        elif label in ("cases.factreport", "cases.factchoice") and row.fact == "date_of_birth":
            out["value"] = "anonymised"  # a source's or a caseworker's date of birth
        if "quote" in {f.name for f in model._meta.concrete_fields}:
            out["quote"] = ""  # a citation's or a draft fact's sentence, which named them
        # The row's own columns: a history row's differ a little from its model's.
        for field in type(row)._meta.concrete_fields:
            if field.name in out or field.primary_key or field.is_relation or field.choices:
                continue
            value = getattr(row, field.attname)
            if value is None:
                continue
            if isinstance(field, models.JSONField):
                new = self.json(value)
            elif isinstance(field, models.URLField):
                new = self.text(value, replacement="anonymised")
            elif isinstance(field, models.CharField | models.TextField):
                new = self.text(value)
                if field.max_length:
                    new = new[: field.max_length]
            else:
                continue
            if new != value:
                out[field.name] = new
        return out


def _apply(row: models.Model, changes: dict) -> bool:
    changed = False
    for name, value in changes.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


@transaction.atomic
def person_anonymise(*, detainee: Detainee, user, reason: str) -> Detainee:
    """Replaces everything that identifies the person — every spelling of the name (also
    inside other text), the date of birth, sex, case numbers, narrative notes, sensitive
    fields and quoted sentences — in their rows, in the change history of those rows,
    in the drafts and articles they came from, in the sources their facts cite and in the
    admin's log. Kept: status, nationalities, countries, facilities, dates of the legal
    facts, charge categories and dispositions, sentence terms and fines, extradition and
    visit outcomes, so that every statistic stays the same. Audited with who, when and why.
    """
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError(gettext("Say why the person is anonymised."), field="reason")
    detainee = Detainee.all_objects.select_for_update().get(pk=detainee.pk)
    ids = person_row_ids(detainee)
    scrub = _Scrubber(_name_pattern(_names_of(detainee, ids)))
    anonymous = anonymised_name(detainee.pk)
    change_reason = ANONYMISED_REASON

    # Spellings of the name are the name: they go (their history is rewritten below).
    for variant in NameVariant._base_manager.filter(detainee=detainee):
        variant._change_reason = change_reason
        variant.delete()

    # Live rows, each saved on its own so that the change itself is in the history.
    for model, pks in ids.items():
        label = model._meta.label_lower
        if model is NameVariant:
            continue
        for row in model._base_manager.filter(pk__in=pks).order_by("pk"):
            if _apply(row, scrub.changes(model, row, label=label, anonymous=anonymous)):
                row._change_reason = change_reason
                row.save()
    name_variant_add(detainee=Detainee.all_objects.get(pk=detainee.pk), name=anonymous)
    ids = person_row_ids(detainee)

    # History rows, the old versions included.
    for model, pks in ids.items():
        history_model = _history_model(model)
        if history_model is None:
            continue
        label = model._meta.label_lower
        rows = list(history_model.objects.filter(id__in=pks))
        for row in rows:
            _apply(row, scrub.changes(model, row, label=label, anonymous=anonymous))
        _bulk_save(history_model, rows)

    _anonymise_documents(ids, scrub)
    _anonymise_admin_log(ids, scrub)
    _audit(PersonDataAction.ANONYMISED, detainee=detainee, user=user, reason=reason)
    return Detainee.all_objects.get(pk=detainee.pk)


def _bulk_save(model, rows: list) -> None:
    """History rows are not themselves tracked: written in batches."""
    if not rows:
        return
    fields = [
        f.name for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation
    ]
    model.objects.bulk_update(rows, fields, batch_size=200)


def _anonymise_documents(ids: dict, scrub: _Scrubber) -> None:
    """The person's name in the sources and articles their facts came from. An article's
    text keeps its length, so that other people's evidence still points at the right
    words."""
    for model, pks in _documents(ids).items():
        label = model._meta.label_lower
        for row in model._base_manager.filter(pk__in=pks):
            changes = {}
            for field in model._meta.concrete_fields:
                if field.primary_key or field.is_relation or field.choices:
                    continue
                value = getattr(row, field.attname)
                if not isinstance(value, str) or not value:
                    continue
                if label == "ingest.article" and field.name in ("text", "html"):
                    new = scrub.text(value, keep_length=True)
                elif isinstance(field, models.URLField):
                    new = scrub.text(value, replacement="anonymised")
                else:
                    new = scrub.text(value)
                if new != value:
                    changes[field.name] = new[: field.max_length] if field.max_length else new
            if _apply(row, changes):
                row._change_reason = ANONYMISED_REASON
                row.save()
            if label == "ingest.article":
                for event in row.events.all():
                    note = scrub.text(event.note)
                    if note != event.note:
                        event.note = note
                        event.save(update_fields=["note"])
        history_model = _history_model(model)
        if history_model is not None:
            rows = list(history_model.objects.filter(id__in=pks))
            for row in rows:
                for field in model._meta.concrete_fields:
                    value = getattr(row, field.attname, None)
                    if isinstance(value, str) and value and not field.choices:
                        replacement = (
                            "anonymised" if isinstance(field, models.URLField) else REDACTED
                        )
                        setattr(row, field.attname, scrub.text(value, replacement=replacement))
            _bulk_save(history_model, rows)


def _anonymise_admin_log(ids: dict, scrub: _Scrubber) -> None:
    """The admin's own log names the objects it changed."""
    for model, pks in ids.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        entries = list(
            LogEntry.objects.filter(
                content_type=content_type, object_id__in=[str(pk) for pk in pks]
            )
        )
        for entry in entries:
            entry.object_repr = scrub.text(entry.object_repr)[:200]
            entry.change_message = scrub.text(entry.change_message)
        if entries:
            LogEntry.objects.bulk_update(entries, ["object_repr", "change_message"])


__all__ = ["anonymised_name", "person_anonymise", "person_export", "person_row_ids"]
