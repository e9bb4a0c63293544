"""A reviewer's decisions on a draft short of accepting it (rejecting it; saying a candidate
is not its person), the match judgements kept from every decision, and the checks all
review steps share: who may review, and when the article is reviewed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import names
from cases.errors import Conflict, DomainError, NotPermitted
from cases.models import Detainee

from ..constants import ALLOWED_TRANSITIONS, ArticleState, DraftStatus, FactDecision, MatchVerdict
from ..models import Article, Draft, MatchJudgement
from .article_states import article_transition


def _require_reviewer(user) -> None:
    if not (user and user.is_authenticated and user.has_perm("ingest.review_draft")):
        raise NotPermitted("Only reviewers can accept or reject drafts.")


def _article_reviewed_if_done(article: Article, user) -> None:
    if article.drafts.filter(status=DraftStatus.PENDING).exists():
        return
    if ArticleState.REVIEWED in ALLOWED_TRANSITIONS.get(
        Article.objects.values_list("state", flat=True).get(pk=article.pk), ()
    ):
        article_transition(
            article=article, to_state=ArticleState.REVIEWED, actor=user, note="all drafts reviewed"
        )


def match_judgement_record(
    *,
    draft: Draft,
    detainee: Detainee,
    verdict: str,
    user,
    now=None,
    note: str = "",
    from_accept: bool = False,
) -> MatchJudgement:
    """Keeps a reviewer's word that the draft's name is, or is not, `detainee`."""
    return MatchJudgement.objects.create(
        name=draft.name[:200],
        name_key=names.fold(draft.name)[:200] or draft.name.casefold()[:200],
        detainee=detainee,
        verdict=verdict,
        draft=draft,
        decided_by=user,
        decided_at=now or timezone.now(),
        note=note[:300],
        from_accept=from_accept,
    )


def draft_not_this_person(
    *, draft: Draft, detainee_id: int, user, note: str = ""
) -> MatchJudgement:
    """The reviewer's explicit "not this person" on a candidate: that detainee is never
    again offered as the same person for this name."""
    _require_reviewer(user)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        detainee = Detainee.objects.visible_to(user).filter(pk=detainee_id).first()
        if detainee is None:
            raise DomainError(_("There is no such detainee that you can see."), field="detainee")
        if draft.detainee_id == detainee.pk:
            raise Conflict(
                f"Part of this draft already went to {detainee}: it cannot be someone else.",
                field="detainee",
            )
        return match_judgement_record(
            draft=draft, detainee=detainee, verdict=MatchVerdict.DIFFERENT, user=user, note=note
        )


def draft_reject(*, draft: Draft, user, reason: str) -> Draft:
    """Rejects a draft with a reason; nothing is written to the case records."""
    _require_reviewer(user)
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError(_("Say why the draft is rejected."), field="reason")
    now = timezone.now()
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        if draft.facts.filter(decision=FactDecision.ACCEPTED).exists():
            raise Conflict(
                _("Part of this draft is already accepted: finish it instead."), field="draft"
            )
        draft.facts.filter(decision=FactDecision.PENDING).update(
            decision=FactDecision.REJECTED, decided_by=user, decided_at=now, note="draft rejected"
        )
        draft.status = DraftStatus.REJECTED
        draft.reject_reason = reason[:2000]
        draft.reviewed_by, draft.reviewed_at = user, now
        draft.save()
        _article_reviewed_if_done(draft.article, user)
    return draft
