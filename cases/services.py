"""Writes to the case record that span rows. Each function validates, writes and cites
its source in one transaction; callers (admin, API, ingest review, demo data) all come
through here."""

import re
from decimal import Decimal
from typing import TypeVar

import pycountry
from django.db import transaction
from django.db.models import Model

from .constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    SourceKind,
)
from .errors import Conflict, DomainError, NotPermitted, StaleVersion
from .models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    Facility,
    NameVariant,
    Nationality,
    Sentence,
    Source,
)
from .partial_dates import PRECISIONS, PartialDate, truncate
from .querysets import is_admin

M = TypeVar("M", bound=Model)


def _date_kwargs(field: str, value: PartialDate | None) -> dict:
    if value is None:
        return {field: None, f"{field}_precision": ""}
    return {field: value.value, f"{field}_precision": value.precision}


def cite(fact: Model, source: Source | None, quote: str = "") -> None:
    """Records that `source` supports `fact`; citing twice keeps the first quote."""
    if source is None:
        return
    fact.citations.get_or_create(source=source, defaults={"quote": quote[:5000]})


def check_currency(code: str) -> str:
    code = (code or "").upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise DomainError(
            f"{code or 'An empty code'} is not an ISO 4217 currency.", field="fine_currency"
        )
    return code


# --- Sources -----------------------------------------------------------------------------


def source_get_or_create(
    *,
    url: str = "",
    title: str = "",
    outlet: str = "",
    published: PartialDate | None = None,
    language: str = "",
    kind: str = SourceKind.ARTICLE,
) -> Source:
    """One row per URL; a source without a URL is matched on title and outlet."""
    lookup = {"url": url} if url else {"url": "", "title": title, "outlet": outlet}
    source, _ = Source.objects.get_or_create(
        **lookup,
        defaults={
            "title": title,
            "outlet": outlet,
            "language": language,
            "kind": kind,
            **_date_kwargs("published_on", published),
        },
    )
    return source


# --- People ------------------------------------------------------------------------------

# Who may see a case depends on these two fields; changing them takes this permission.
ACCESS_FIELDS = ("is_restricted", "assigned_caseworker")
RESTRICT_PERMISSION = "cases.restrict_detainee"


def detainee_access_check(*, user, changes: dict, detainee: Detainee | None = None) -> None:
    """Refuses a change of restriction or assignment (in `changes`) that `user` may not
    make: only holders of `cases.restrict_detainee` (administrators by default) change
    them; a restricted case needs its assigned caseworker; and nobody but an administrator
    restricts a case out of their own sight. Values sent unchanged pass."""
    current = {
        "is_restricted": detainee.is_restricted if detainee else False,
        "assigned_caseworker": detainee.assigned_caseworker if detainee else None,
    }
    sent = {name: changes[name] for name in ACCESS_FIELDS if name in changes}
    changed = [name for name, value in sent.items() if value != current[name]]
    if not changed:
        return
    if not user.has_perm(RESTRICT_PERMISSION):
        raise NotPermitted(
            "Only administrators restrict a case or assign its caseworker.", field=changed[0]
        )
    after = {**current, **sent}
    if after["is_restricted"] and after["assigned_caseworker"] is None:
        raise DomainError(
            "A restricted case needs an assigned caseworker: only they and administrators see it.",
            field="assigned_caseworker",
        )
    if after["is_restricted"] and after["assigned_caseworker"] != user and not is_admin(user):
        raise DomainError(
            "You would no longer see this case: assign it to yourself or ask an administrator.",
            field="assigned_caseworker",
        )


@transaction.atomic
def detainee_create(
    *,
    full_name: str,
    name_original_script: str = "",
    nationalities: list[str] | tuple[str, ...] = (),
    name_variants: list[str] | tuple[str, ...] = (),
    status: str = DetaineeStatus.UNKNOWN,
    sex: str = "",
    date_of_birth: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
    **fields,
) -> Detainee:
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise DomainError("A detainee needs a name.", field="full_name")
    detainee = Detainee.objects.create(
        full_name=full_name,
        name_original_script=name_original_script,
        status=status,
        sex=sex,
        **_date_kwargs("date_of_birth", date_of_birth),
        **fields,
    )
    cite(detainee, source, quote)
    for country in nationalities:
        nationality_add(detainee=detainee, country=country, source=source, quote=quote)
    for variant in (full_name, name_original_script, *name_variants):
        if variant:
            name_variant_add(detainee=detainee, name=variant, source=source, quote=quote)
    return detainee


def name_variant_add(
    *, detainee: Detainee, name: str, source: Source | None = None, quote: str = ""
) -> NameVariant:
    """Adds a spelling unless the detainee already has it (ignoring case and spacing)."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("A name variant cannot be empty.", field="name")
    folded = name.casefold()
    variant = next((v for v in detainee.name_variants.all() if v.name.casefold() == folded), None)
    if variant is None:
        variant = NameVariant.objects.create(detainee=detainee, name=name)
    cite(variant, source, quote)
    return variant


def nationality_add(
    *, detainee: Detainee, country: str, source: Source | None = None, quote: str = ""
) -> Nationality:
    code = (country or "").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(f"{country!r} is not an ISO 3166 country code.", field="nationality")
    nationality, _ = Nationality.objects.get_or_create(detainee=detainee, country=code)
    cite(nationality, source, quote)
    return nationality


# --- Custody and legal facts -------------------------------------------------------------


# Words every prison name may carry; what is left names the place ("Butner").
_GENERIC_FACILITY_WORDS = frozenset(
    [
        "prison",
        "jail",
        "gaol",
        "complex",
        "federal",
        "correctional",
        "correction",
        "institution",
        "facility",
        "centre",
        "center",
        "detention",
        "pretrial",
        "pre",
        "trial",
        "remand",
        "penal",
        "colony",
        "penitentiary",
        "central",
        "state",
        "metropolitan",
        "national",
        "county",
        "city",
        "municipal",
        "women",
        "men",
        "maximum",
        "minimum",
        "medium",
        "security",
        "high",
        "no",
        "the",
        "of",
        "in",
        "at",
        "and",
        "de",
        "del",
        "la",
        "le",
        "fci",
        "fcc",
        "fdc",
        "mdc",
        "mcc",
        "usp",
        "sizo",
    ]
)


def _facility_words(name: str) -> frozenset[str]:
    words = {w for w in re.findall(r"[^\W\d_]+|\d+", name.casefold())}
    return frozenset(words - _GENERIC_FACILITY_WORDS)


def facility_get_or_create(
    *, name: str, country: str, kind: str = FacilityKind.PRISON, locality: str = ""
) -> Facility:
    """The facility of that name in that country. Names that differ only in generic words
    ("Butner prison complex", "Federal Correctional Complex Butner") are one facility."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("A facility needs a name.", field="facility")
    exact = Facility.objects.filter(name__iexact=name, country=country).first()
    if exact:
        return exact
    words = _facility_words(name)
    if words:
        for candidate in Facility.objects.filter(country=country):
            if _facility_words(candidate.name) == words:
                return candidate
    return Facility.objects.create(name=name, country=country, kind=kind, locality=locality)


def custody_period_record(
    *,
    detainee: Detainee,
    facility: Facility,
    started: PartialDate | None = None,
    ended: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> CustodyPeriod:
    """Opens (or finds) a period at a facility; an open period elsewhere is closed when a
    start date for the new one is known."""
    if started and ended and ended.value < started.value:
        raise DomainError("A custody period cannot end before it starts.", field="ended_on")
    with transaction.atomic():
        period = detainee.custody_periods.filter(facility=facility).order_by("-id").first()
        if period is None:
            if started:
                # Row by row, not one UPDATE: each close is in the history (and can be undone).
                still_open = (
                    detainee.custody_periods.select_for_update()
                    .filter(ended_on__isnull=True)
                    .exclude(started_on__gt=started.value)
                )
                for open_period in still_open:
                    open_period.ended_on = started.value
                    open_period.ended_on_precision = started.precision
                    open_period.save(update_fields=["ended_on", "ended_on_precision"])
            period = CustodyPeriod.objects.create(
                detainee=detainee,
                facility=facility,
                **_date_kwargs("started_on", started),
                **_date_kwargs("ended_on", ended),
            )
        cite(period, source, quote)
    return period


def case_open(
    *,
    detainee: Detainee,
    country: str,
    status: str = CaseStatus.INVESTIGATION,
    arrested: PartialDate | None = None,
    court: str = "",
    case_number: str = "",
    arrest_place: str = "",
    arrest_country: str = "",
    arrest_requested_by: str = "",
    summary: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Case:
    if arrest_requested_by and arrest_requested_by == arrest_country:
        raise DomainError(
            "An arrest made at another country's request names that other country.",
            field="arrest_requested_by",
        )
    case = Case.objects.create(
        detainee=detainee,
        country=country,
        status=status,
        court=court,
        case_number=case_number,
        arrest_place=arrest_place,
        arrest_country=arrest_country,
        arrest_requested_by=arrest_requested_by,
        summary=summary,
        **_date_kwargs("arrested_on", arrested),
    )
    cite(case, source, quote)
    return case


PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}


def _refines(recorded: PartialDate, reported: PartialDate) -> bool:
    """True when the two dates can be the same day ("2016-10" and "2016-10-05")."""
    coarse, fine = sorted((recorded, reported), key=lambda d: PRECISION_RANK[d.precision])
    return truncate(fine.value, coarse.precision) == coarse.value


def case_arrest_record(
    *,
    case: Case,
    arrested: PartialDate | None = None,
    country: str = "",
    place: str = "",
    requested_by: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Case:
    """Records the arrest that began `case`, as a source reports it, and cites the source.
    What the record lacks is filled in and a date is made more precise; a report that
    contradicts the recorded arrest is refused, naming the field, so that nothing recorded
    is silently replaced."""
    place = " ".join((place or "").split())[:200]
    country, requested_by = (country or "").upper(), (requested_by or "").upper()
    for field, code in (("country", country), ("requested_by", requested_by)):
        if code and pycountry.countries.get(alpha_2=code) is None:
            raise DomainError(f"{code!r} is not an ISO 3166 country code.", field=field)
    if requested_by and requested_by == country:
        raise DomainError(
            "An arrest made at another country's request names that other country.",
            field="requested_by",
        )
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        changes: dict = {}
        recorded = case.arrested
        if arrested is not None:
            if recorded is None or (
                _refines(recorded, arrested)
                and PRECISION_RANK[arrested.precision] > PRECISION_RANK[recorded.precision]
            ):
                changes.update(_date_kwargs("arrested_on", arrested))
            elif not _refines(recorded, arrested):
                raise DomainError(
                    f"The record has this arrest on {recorded}, not {arrested}: correct one of "
                    "them or leave this out.",
                    field="date",
                )
        for field, column, value in (
            ("country", "arrest_country", country),
            ("place", "arrest_place", place),
            ("requested_by", "arrest_requested_by", requested_by),
        ):
            current = str(getattr(case, column) or "")
            if not value or current.casefold() == value.casefold():
                continue
            if current:
                raise DomainError(
                    f"The record has this arrest's {field.replace('_', ' ')} as {current}, "
                    f"not {value}: correct one of them or leave this out.",
                    field=field,
                )
            changes[column] = value
        if changes.get("arrest_requested_by") and changes["arrest_requested_by"] == (
            changes.get("arrest_country") or case.arrest_country
        ):
            raise DomainError(
                "An arrest made at another country's request names that other country.",
                field="requested_by",
            )
        if changes:
            for column, value in changes.items():
                setattr(case, column, value)
            case.save(update_fields=list(changes))
        cite(case, source, quote)
    return case


def charge_add(
    *,
    case: Case,
    description: str,
    category: str = ChargeCategory.OTHER,
    disposition: str = ChargeDisposition.PENDING,
    statute: str = "",
    max_penalty_years: int | None = None,
    source: Source | None = None,
    quote: str = "",
) -> Charge:
    """Adds a charge; the same wording on the same case is one charge."""
    description = " ".join((description or "").split())
    if not description:
        raise DomainError("A charge needs a description.", field="description")
    charge = case.charges.filter(description__iexact=description).first()
    if charge is None:
        # "computer hacks" and "computer hacks that hit 200 businesses" are one charge
        # told at two lengths.
        folded = description.casefold()
        charge = next(
            (
                c
                for c in case.charges.all()
                if c.description.casefold().startswith(folded)
                or folded.startswith(c.description.casefold())
            ),
            None,
        )
    if charge is None:
        charge = Charge.objects.create(
            case=case,
            description=description[:500],
            category=category,
            disposition=disposition,
            statute=statute,
            max_penalty_years=max_penalty_years,
        )
    cite(charge, source, quote)
    return charge


def sentence_record(
    *,
    case: Case,
    sentenced: PartialDate | None = None,
    term_years: int | None = None,
    term_months: int | None = None,
    is_life: bool = False,
    fine_amount: Decimal | None = None,
    fine_currency: str = "",
    court: str = "",
    expected_release: PartialDate | None = None,
    time_served_credit_days: int | None = None,
    notes: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Sentence:
    if term_months is not None and term_months >= 12:
        term_years, term_months = (term_years or 0) + term_months // 12, term_months % 12
    if is_life and (term_years or term_months):
        raise DomainError("A life sentence has no term in years.", field="term_years")
    if fine_amount is not None:
        if fine_amount < 0:
            raise DomainError("A fine cannot be negative.", field="fine_amount")
        fine_currency = check_currency(fine_currency)
    else:
        fine_currency = ""
    sentence = case.sentences.filter(
        term_years=term_years,
        term_months=term_months,
        is_life=is_life,
        sentenced_on=sentenced.value if sentenced else None,
    ).first()
    if sentence is None:
        sentence = Sentence.objects.create(
            case=case,
            court=court,
            term_years=term_years,
            term_months=term_months,
            is_life=is_life,
            fine_amount=fine_amount,
            fine_currency=fine_currency,
            time_served_credit_days=time_served_credit_days,
            notes=notes,
            **_date_kwargs("sentenced_on", sentenced),
            **_date_kwargs("expected_release_on", expected_release),
        )
    cite(sentence, source, quote)
    return sentence


def extradition_record(
    *,
    detainee: Detainee,
    from_country: str,
    to_country: str,
    status: str = ExtraditionStatus.REQUESTED,
    arrested: PartialDate | None = None,
    decided: PartialDate | None = None,
    surrendered: PartialDate | None = None,
    case: Case | None = None,
    notes: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Extradition:
    """Records an extradition, or updates the one between the same two countries."""
    if not from_country or not to_country:
        raise DomainError("An extradition names both countries.", field="from_country")
    if from_country == to_country:
        raise DomainError("An extradition is between two different countries.", field="to_country")
    with transaction.atomic():
        extradition = (
            Extradition.objects.select_for_update()
            .filter(detainee=detainee, from_country=from_country, to_country=to_country)
            .first()
        )
        dates = {
            **(_date_kwargs("arrested_on", arrested) if arrested else {}),
            **(_date_kwargs("decided_on", decided) if decided else {}),
            **(_date_kwargs("surrendered_on", surrendered) if surrendered else {}),
        }
        if extradition is None:
            extradition = Extradition.objects.create(
                detainee=detainee,
                from_country=from_country,
                to_country=to_country,
                status=status,
                case=case,
                notes=notes,
                **dates,
            )
        else:
            # Saved only when something changes: a no-op save would still write history.
            changed = {
                name: value
                for name, value in {"status": status, **dates}.items()
                if getattr(extradition, name) != value
            }
            if changed:
                for name, value in changed.items():
                    setattr(extradition, name, value)
                extradition.save(update_fields=list(changed))
        cite(extradition, source, quote)
    return extradition


# --- Status and maximum penalty, as a source reports them ---------------------------------


def detainee_status_record(
    *, detainee: Detainee, status: str, source: Source | None = None, quote: str = ""
) -> Detainee:
    """Sets a detainee's status as a source reports it, and cites the source."""
    if status not in DetaineeStatus.values:
        raise DomainError(f"{status!r} is not a detainee status.", field="status")
    with transaction.atomic():
        if detainee.status != status:
            detainee.status = status
            detainee.save(update_fields=["status", "updated_at"])
        cite(detainee, source, quote)
    return detainee


def charge_max_penalty_record(
    *, charge: Charge, years: int, source: Source | None = None, quote: str = ""
) -> Charge:
    """Records the maximum penalty a charge carries, as a source states it."""
    if years is None or years < 0:
        raise DomainError("A maximum penalty is a number of years.", field="max_penalty_years")
    with transaction.atomic():
        if charge.max_penalty_years != years:
            charge.max_penalty_years = years
            charge.save(update_fields=["max_penalty_years"])
        cite(charge, source, quote)
    return charge


# --- Edits, and a whole case in one call -------------------------------------------------


def record_lock(*, record: M, expected_version: int | None = None) -> M:
    """The record as stored now, its row locked until the transaction ends. With
    `expected_version`, a record changed since the caller read that version raises
    StaleVersion instead. Call inside `transaction.atomic()`."""
    current = type(record)._base_manager.select_for_update().get(pk=record.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(current, expected=expected_version)
    return current


# What a caller may set on an instance for django-simple-history (who, why, when): the
# fresh copy that is saved carries them too.
_HISTORY_HINTS = ("_history_user", "_change_reason", "_history_date", "skip_history_when_saving")


def _refresh_from(record: Model, current: Model) -> None:
    """Gives the caller's instance the values just written (no query)."""
    for field in record._meta.concrete_fields:
        setattr(record, field.attname, getattr(current, field.attname))


def record_update(*, record: M, changes: dict, expected_version: int | None = None) -> M:
    """Sets fields of one fact (a partial date as a PartialDate or None), checks every field
    rule and constraint of the model, and saves. A broken rule is a DomainError naming the
    field.

    The row is locked and read afresh, and only the changed columns are written: a
    concurrent change to another field survives. With `expected_version` (the version the
    caller's edit is based on), a record changed in between raises StaleVersion and nothing
    is written. `record` is left holding the stored values."""
    from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

    from .fields import PartialDateField

    with transaction.atomic():
        current = record_lock(record=record, expected_version=expected_version)
        for hint in _HISTORY_HINTS:
            if hasattr(record, hint):
                setattr(current, hint, getattr(record, hint))
        columns: set[str] = set()
        for name, value in changes.items():
            field = current._meta.get_field(name)
            if isinstance(field, PartialDateField):
                for column, column_value in _date_kwargs(name, value).items():
                    setattr(current, column, column_value)
                    columns.add(column)
            else:
                setattr(current, name, value)
                columns.add(name)
        try:
            current.full_clean()
        except ValidationError as exc:
            name, messages = next(iter(exc.message_dict.items()))
            raise DomainError(
                " ".join(messages), field=None if name == NON_FIELD_ERRORS else name
            ) from exc
        if columns:
            auto_now = {
                f.name for f in current._meta.concrete_fields if getattr(f, "auto_now", False)
            }
            current.save(update_fields=columns | auto_now)
    _refresh_from(record, current)
    return record


@transaction.atomic
def detainee_update(
    *,
    detainee: Detainee,
    changes: dict,
    nationalities: list[str] | None = None,
    expected_version: int | None = None,
) -> Detainee:
    """Edits a detainee. A new full name keeps the old one findable as a name variant;
    `nationalities`, when given, is the complete new list. The detainee's version is raised
    by any change, nationalities included; `expected_version` as for record_update."""
    old_name = record_lock(record=detainee, expected_version=expected_version).full_name
    if "full_name" in changes:
        changes = {**changes, "full_name": " ".join((changes["full_name"] or "").split())}
    record_update(record=detainee, changes=changes)
    if detainee.full_name != old_name:
        for name in (old_name, detainee.full_name):
            name_variant_add(detainee=detainee, name=name)
    if nationalities is not None:
        wanted = {(code or "").upper() for code in nationalities}
        held = set(detainee.nationalities.values_list("country", flat=True))
        for code in sorted(wanted):
            nationality_add(detainee=detainee, country=code)
        detainee.nationalities.exclude(country__in=wanted).delete()
        if held != wanted and not changes:
            detainee.save(update_fields=["updated_at"])
    return detainee


@transaction.atomic
def case_open_complete(
    *,
    detainee: Detainee,
    charges: list[dict] | tuple[dict, ...] = (),
    sentence: dict | None = None,
    source: Source | None = None,
    quote: str = "",
    **case_fields,
) -> Case:
    """Opens a case with its charges and, when there is one, its sentence: all or nothing."""
    case = case_open(detainee=detainee, source=source, quote=quote, **case_fields)
    for charge in charges:
        charge_add(case=case, source=source, quote=quote, **charge)
    if sentence:
        sentence_record(case=case, source=source, quote=quote, **sentence)
    return case


# --- Archiving: case records are never deleted --------------------------------------------


def _is_archivable(model) -> bool:
    return any(f.name == "archived_at" for f in model._meta.concrete_fields)


def _rows_under(record: Model) -> list[Model]:
    """Every archivable record under `record` (a detainee's cases, custody, extraditions and
    visits; a case's charges, sentences and extraditions), through the reverse relations,
    so that records of other apps (visits) are found without importing them."""
    found: dict[tuple[str, int], Model] = {}
    todo = [record]
    while todo:
        parent = todo.pop()
        for relation in parent._meta.related_objects:
            if not relation.one_to_many or not _is_archivable(relation.related_model):
                continue
            rows = relation.related_model._base_manager.filter(**{relation.field.name: parent})
            for row in rows.order_by("pk"):
                key = (row._meta.label_lower, row.pk)
                if key not in found:
                    found[key] = row
                    todo.append(row)
    return list(found.values())


def _set_archived(row: Model, *, at, user, reason: str) -> None:
    row.archived_at = at
    row.archived_by = user
    # Kept in the change history with the change.
    row._change_reason = reason[:100]
    row.save(update_fields=["archived_at", "archived_by"])


@transaction.atomic
def record_archive(*, record: Model, user, reason: str = "") -> Model:
    """Archives a case record and every record under it: hidden from lists, pages and
    statistics, kept with its history for administrators. Each row is saved on its own,
    so each keeps a history entry."""
    from django.utils import timezone

    model = type(record)
    if not _is_archivable(model):
        raise DomainError(f"A {model._meta.verbose_name} is not archived.")
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is not None:
        raise Conflict("This record is already archived.")
    now = timezone.now()
    reason = " ".join((reason or "").split()) or "archived"
    for row in [record, *_rows_under(record)]:
        if row.archived_at is None:
            _set_archived(row, at=now, user=user, reason=reason)
    return record


@transaction.atomic
def record_restore(*, record: Model, user) -> Model:
    """Brings back an archived record and the records archived with it (not those
    archived on their own before)."""
    model = type(record)
    if not _is_archivable(model):
        raise DomainError(f"A {model._meta.verbose_name} is not archived.")
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is None:
        raise Conflict("This record is not archived.")
    when = record.archived_at
    for row in [record, *_rows_under(record)]:
        if row.archived_at == when:
            _set_archived(row, at=None, user=None, reason=f"restored by {user}")
    return record
