"""Accepting a draft and taking an acceptance back. Accepting writes case records only
through `cases.services` and `consular.services`, in one transaction, and cites the
article's Source with the evidence sentence of every fact; every history row it writes
carries `accept_label`, so that `draft_undo` can revert it all."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from cases import changesets as case_changesets
from cases import services as case_services
from cases.errors import Conflict, DomainError
from cases.models import Detainee, Source
from cases.partial_dates import PartialDate

from .. import facts
from ..constants import (
    FACT_WRITE_ORDER,
    ArticleState,
    DraftStatus,
    FactDecision,
    FactKind,
    MatchVerdict,
)
from ..models import Article, Draft, DraftFact
from .article_states import article_transition
from .fact_writer import _FactWriter
from .review_decisions import _article_reviewed_if_done, _require_reviewer, match_judgement_record


def article_source(article: Article) -> Source:
    """The cases.Source that every fact accepted from this article cites."""
    if article.source_id:
        return article.source
    source = case_services.source_get_or_create(
        url=article.canonical_url or article.url,
        title=(article.title or article.display_title)[:500],
        outlet=article.outlet,
        published=article.published,
        language=article.language,
    )
    Article.objects.filter(pk=article.pk).update(source=source)
    article.source = source
    return source


class FactErrors(DomainError):
    """Facts of a draft that could not be accepted; nothing was written. `errors` maps each
    fact id to its messages by field (`"value"` when the message is about the whole fact)."""

    def __init__(self, errors: dict[int, dict[str, str]]):
        count = len(errors)
        named = [m for messages in errors.values() for m in messages.values()]
        super().__init__(
            f"Nothing was written: {count} fact{'s' if count != 1 else ''} need"
            f"{'s' if count == 1 else ''} attention. " + " ".join(named[:3]),
            field="facts",
            details={"facts": {str(k): {f: [m] for f, m in v.items()} for k, v in errors.items()}},
        )
        self.errors = errors


def _fact_error(errors: dict, fact: DraftFact, exc: DomainError) -> None:
    messages = errors.setdefault(fact.pk, {})
    if exc.details and all(isinstance(m, str) for m in exc.details.values()):
        messages.update(exc.details)
    else:
        messages[exc.field or "value"] = exc.message


class MergeNotConfirmed(Conflict):
    """Merging into someone other than the suggested match takes an explicit choice: the
    reviewer (or API client) confirms after seeing what it would change on that record.
    `changes` lists them, one line each; nothing was written."""

    code = "confirmation_required"

    def __init__(self, detainee: Detainee, changes: list[str]):
        listed = "; ".join(changes) if changes else gettext("nothing new")
        super().__init__(
            gettext(
                "%(name)s is not the suggested match for this draft: merging into them takes "
                "an explicit confirmation (confirm_merge). It would change on that record: "
                "%(changes)s."
            )
            % {"name": detainee.full_name, "changes": listed},
            field="confirm_merge",
            details={
                "confirm_merge": changes
                or [gettext("Nothing new: every chosen fact is already recorded.")]
            },
        )
        self.detainee = detainee
        self.changes = changes


def _merge_confirm_check(*, draft: Draft, detainee: Detainee, chosen: list, user) -> None:
    """Refuses (MergeNotConfirmed) a first merge of `draft` into a detainee that is not its
    suggested match (the same-person tier): a possible match, or anyone else."""
    from ..matching import draft_matches
    from ..review import detainee_for_comparison, merge_changes

    if draft.detainee_id or draft_matches(draft, user).suggested_match == detainee.pk:
        return
    compared = detainee_for_comparison(detainee.pk, user) or detainee
    raise MergeNotConfirmed(detainee, merge_changes(chosen, compared))


def accept_label(draft_id: int) -> str:
    """The change reason of every history row that accepting this draft writes."""
    return f"accepted from draft {draft_id}"


def undo_label(draft_id: int) -> str:
    return f"undo of draft {draft_id}"


def draft_accept(
    *,
    draft: Draft,
    user,
    merge_into: int | None = None,
    fact_ids: list[int] | None = None,
    edits: dict[int, dict] | None = None,
    date_of_birth: PartialDate | None = None,
    finish: bool = True,
    confirm_merge: bool = False,
) -> Draft:
    """Writes the chosen facts (all of them when `fact_ids` is None) to a new detainee or to
    `merge_into`, citing the article for each, and records who accepted what and when.

    Merging into anyone but the suggested match takes `confirm_merge`: without it nothing is
    written and MergeNotConfirmed lists what the merge would change on that record.

    With `finish`, facts left unchosen are marked not accepted and the draft is done; without
    it, the draft stays open for the rest, tied to the same detainee. Facts the extractor left
    incomplete are skipped by "accept all" and named in their note.

    Every fact is checked, and every write tried, before anything is kept: when any fails,
    FactErrors names each failing fact and field and nothing is written. Every history row
    written carries `accept_label(draft)`, so that `draft_undo` can take it all back.
    """
    _require_reviewer(user)
    edits = {int(k): v for k, v in (edits or {}).items()}
    now = timezone.now()
    errors: dict[int, dict[str, str]] = {}
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        all_facts = list(draft.facts.select_for_update().order_by("position", "id"))
        pending = {f.pk: f for f in all_facts if f.decision == FactDecision.PENDING}
        for fact_id, raw in edits.items():
            if fact_id not in pending:
                raise DomainError(
                    _("Fact %(id)s is not an open fact of this draft.") % {"id": fact_id},
                    field="facts",
                )
            fact = pending[fact_id]
            try:
                fact.value = facts.clean_value(fact.kind, {**fact.value, **(raw or {})})
                fact.note = ""
            except DomainError as exc:
                _fact_error(errors, fact, exc)
        if fact_ids is None:
            chosen, skipped = [], []
            for fact in pending.values():
                if fact.pk in errors:
                    chosen.append(fact)
                    continue
                try:
                    fact.value = facts.clean_value(fact.kind, fact.value)
                    chosen.append(fact)
                except DomainError as exc:
                    fact.note = f"left out, incomplete: {exc.message}"[:300]
                    skipped.append(fact)
        else:
            wanted = {int(i) for i in fact_ids}
            unknown = wanted - set(pending)
            if unknown:
                raise DomainError(
                    f"Facts {sorted(unknown)} are not open facts of this draft.", field="facts"
                )
            chosen = [f for f in pending.values() if f.pk in wanted]
            skipped = []
            for fact in chosen:
                if fact.pk in errors:
                    continue
                try:
                    fact.value = facts.clean_value(fact.kind, fact.value)
                except DomainError as exc:
                    _fact_error(errors, fact, exc)
        if errors:
            raise FactErrors(errors)
        if not chosen:
            raise DomainError(_("Choose at least one fact to accept."), field="facts")

        # The record the facts go to.
        if draft.detainee_id:
            detainee = Detainee.objects.select_for_update().filter(pk=draft.detainee_id).first()
            if detainee is None:
                raise Conflict(
                    _(
                        "Part of this draft went to a record that has been archived since; "
                        "restore that record before accepting the rest."
                    ),
                    field="merge_into",
                )
            if merge_into and int(merge_into) != detainee.pk:
                raise Conflict(
                    f"Part of this draft already went to {detainee}; the rest goes there too.",
                    field="merge_into",
                )
        elif merge_into:
            detainee = (
                Detainee.objects.visible_to(user).select_for_update().filter(pk=merge_into).first()
            )
            if detainee is None:
                raise DomainError(
                    _("There is no such detainee that you can see."), field="merge_into"
                )
            if not confirm_merge:
                _merge_confirm_check(draft=draft, detainee=detainee, chosen=chosen, user=user)
        else:
            detainee = None
        source = article_source(draft.article)
        judged = _judgements_for_accept(draft=draft, user=user, merged=detainee)
        with case_changesets.recording(accept_label(draft.pk), user=user):
            if detainee is None:
                name_fact = next((f for f in chosen if f.kind == FactKind.NAME), None)
                if name_fact is None:
                    raise DomainError(
                        _("A new detainee needs a name: accept the name fact, or merge."), "facts"
                    )
                try:
                    # The status comes with its own fact, as a dated report (`_FactWriter`).
                    detainee = case_services.detainee_create(
                        full_name=name_fact.value["name"],
                        name_original_script=name_fact.value.get("original_script") or "",
                        date_of_birth=date_of_birth,
                        source=source,
                        quote=name_fact.quote,
                    )
                except DomainError as exc:
                    _fact_error(errors, name_fact, exc)
                    raise FactErrors(errors) from exc
            elif date_of_birth is not None:
                # A different date of birth is kept beside the record's, as a dispute.
                case_services.detainee_birth_date_record(
                    detainee=detainee, date_of_birth=date_of_birth, source=source
                )
            writer = _FactWriter(detainee=detainee, source=source, chosen=chosen, draft=draft)
            order = {kind: i for i, kind in enumerate(FACT_WRITE_ORDER)}
            for fact in sorted(chosen, key=lambda f: (order[f.kind], f.position)):
                try:
                    # Each write in a savepoint: a failing one is named, and the rest are
                    # still tried so that the reviewer sees every problem at once.
                    with transaction.atomic():
                        record = writer.write(fact)
                except DomainError as exc:
                    _fact_error(errors, fact, exc)
                    continue
                fact.decision = FactDecision.ACCEPTED
                fact.decided_by, fact.decided_at = user, now
                fact.record_type, fact.record_id = record._meta.label_lower, record.pk
            if errors:
                raise FactErrors(errors)
        left_open = [f for f in pending.values() if f.decision == FactDecision.PENDING]
        if finish or not left_open:
            for fact in left_open:
                fact.decision = FactDecision.REJECTED
                fact.decided_by, fact.decided_at = user, now
                if fact not in skipped:
                    fact.note = "not accepted by the reviewer"
        DraftFact.objects.bulk_update(
            list(pending.values()),
            ["value", "decision", "decided_by", "decided_at", "record_type", "record_id", "note"],
        )
        draft.detainee = detainee
        draft.reviewed_by, draft.reviewed_at = user, now
        if date_of_birth:
            draft.date_of_birth, draft.date_of_birth_precision = (
                date_of_birth.value,
                date_of_birth.precision,
            )
        if finish or not left_open:
            draft.status = DraftStatus.ACCEPTED
        draft.save()
        for verdict, other in judged:
            match_judgement_record(
                draft=draft,
                detainee=other or detainee,
                verdict=verdict,
                user=user,
                now=now,
                from_accept=True,
            )
        _article_reviewed_if_done(draft.article, user)
    return draft


def draft_undo(*, draft: Draft, user) -> Draft:
    """Takes back everything accepting `draft` wrote, in one transaction: the rows it created
    are deleted, the values it changed are restored (each step in the history, labelled
    `undo_label`), the draft awaits review again and its article is ready for review again.
    Refused (Conflict, naming the record) when any of those records changed since."""
    _require_reviewer(user)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        accepted_at = draft.facts.filter(decision=FactDecision.ACCEPTED).aggregate(
            first=Min("decided_at")
        )["first"]
        if draft.status == DraftStatus.REJECTED or accepted_at is None:
            raise Conflict(_("Only an accepted draft can be undone."), field="draft")
        # The draft's own link would keep a detainee it created from being deleted.
        Draft.objects.filter(pk=draft.pk).update(detainee=None)
        # What accepting said about who the person is goes too; an explicit "not this
        # person" stays.
        draft.judgements.filter(from_accept=True).delete()
        reverted = case_changesets.changes_revert(
            label=accept_label(draft.pk),
            undo_label=undo_label(draft.pk),
            user=user,
            # Every row the accept wrote is dated after its start (a margin for clock steps).
            since=accepted_at - dt.timedelta(minutes=5),
        )
        if not (reverted.deleted or reverted.restored):
            # Accepted before accepts were recorded for undo: reopening the draft would let
            # its facts be written a second time.
            raise Conflict(
                _(
                    "The history holds nothing this acceptance wrote, so it cannot be undone; "
                    "correct the record itself instead."
                ),
                field="draft",
            )
        reopened = list(draft.facts.all())
        for fact in reopened:
            fact.decision = FactDecision.PENDING
            fact.decided_by = fact.decided_at = None
            fact.record_type, fact.record_id = "", None
            try:
                facts.clean_value(fact.kind, fact.value)
                fact.note = ""
            except DomainError as exc:
                fact.note = exc.message[:300]
        DraftFact.objects.bulk_update(
            reopened, ["decision", "decided_by", "decided_at", "record_type", "record_id", "note"]
        )
        draft.status = DraftStatus.PENDING
        draft.detainee = None
        draft.reviewed_by, draft.reviewed_at = None, None
        draft.save()
        article = draft.article
        if Article.objects.values_list("state", flat=True).get(pk=article.pk) == (
            ArticleState.REVIEWED
        ):
            article_transition(
                article=article,
                to_state=ArticleState.READY,
                actor=user,
                # The article's log names no one: personal data stays on the draft and
                # the record, where anonymisation and access requests find it.
                note=f"draft {draft.pk} undone",
            )
    return draft


def _judgements_for_accept(*, draft: Draft, user, merged: Detainee | None):
    """What accepting says about who the draft's person is: merged into someone, it is that
    person; written as a new detainee, it is none of the candidates that were offered.
    (verdict, detainee) pairs; None stands for the detainee the facts went to. A draft
    accepted in several steps is judged once, at its first step."""
    from ..matching import draft_matches

    if draft.detainee_id:
        return []
    if merged is not None:
        return [(MatchVerdict.SAME, merged)]
    matches = draft_matches(draft, user)
    return [(MatchVerdict.DIFFERENT, c.detainee) for c in matches.candidates]
