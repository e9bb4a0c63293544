"""Where an article stands: moves between states by the transitions table, each recorded
as an event; a worker's claim on it; sending it to a worker once the transaction
commits; and the sweep that takes back stale claims and lost messages."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.errors import Conflict

from ..constants import ALLOWED_TRANSITIONS, BUSY_STATES, ArticleState
from ..models import Article, ArticleEvent

log = logging.getLogger(__name__)


def _record_event(article: Article, from_state: str, to_state: str, actor=None, note: str = ""):
    ArticleEvent.objects.create(
        article=article, from_state=from_state, to_state=to_state, actor=actor, note=note[:2000]
    )


_STATES_WITH_REASON = (ArticleState.FAILED, ArticleState.NOT_EXTRACTED, ArticleState.QUEUED)


def article_transition(
    *, article: Article, to_state: str, actor=None, note: str = "", reason: str | None = None
) -> Article:
    """Moves an article to `to_state` if the transitions table allows it from where it is."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if to_state not in ALLOWED_TRANSITIONS.get(locked.state, ()):
            raise Conflict(
                _("An article that is %(state)s cannot become %(to_state)s.")
                % {
                    "state": locked.get_state_display().lower(),
                    "to_state": ArticleState(to_state).label.lower(),
                },
                field="state",
            )
        from_state = locked.state
        now = timezone.now()
        # A worker moving on (fetching -> extracting) keeps its claim, renewed; any other
        # move releases it.
        keeps_claim = from_state in BUSY_STATES and to_state in BUSY_STATES
        Article.objects.filter(pk=locked.pk).update(
            state=to_state,
            state_reason=(note if to_state in _STATES_WITH_REASON else "")
            if reason is None
            else reason,
            claimed_at=now if keeps_claim else None,
            claimed_by=locked.claimed_by if keeps_claim else "",
            updated_at=now,
        )
        _record_event(locked, from_state, to_state, actor, note)
    article.refresh_from_db()
    return article


def _stale_claims(now) -> Q:
    stale = now - dt.timedelta(seconds=settings.INGEST_CLAIM_TIMEOUT_SECONDS)
    return Q(state__in=BUSY_STATES) & (Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True))


def article_claim(*, article_id: int, to_state: str, task_id: str = "") -> Article | None:
    """Takes a queued article for one worker with a conditional UPDATE. A claim left by a
    worker that died long ago may be taken over, and so may a claim of the same task
    (`task_id`): its message comes back only when the worker running it was lost. Returns
    None when someone else has it."""
    now = timezone.now()
    claimable = Q(state=ArticleState.QUEUED) | _stale_claims(now)
    if task_id:
        claimable |= Q(state__in=BUSY_STATES, claimed_by=task_id)
    with transaction.atomic():
        before = Article.objects.filter(pk=article_id).values_list("state", flat=True).first()
        claimed = Article.objects.filter(claimable, pk=article_id).update(
            state=to_state,
            claimed_at=now,
            claimed_by=task_id[:64],
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        if not claimed:
            return None
        article = Article.objects.get(pk=article_id)
        note = "claimed by a worker" if before == ArticleState.QUEUED else "claim taken over"
        _record_event(article, before or "", to_state, None, note)
    return article


def _unsent(now) -> Q:
    """Queued articles whose message never reached the broker (it was down when they were
    queued), or reached it longer ago than a worker takes to claim one (the message was
    lost)."""
    stale = now - dt.timedelta(seconds=settings.INGEST_CLAIM_TIMEOUT_SECONDS)
    return Q(state=ArticleState.QUEUED) & (Q(sent_at__isnull=True) | Q(sent_at__lt=stale))


def articles_requeue_stale() -> int:
    """Run by Celery beat: puts back in the queue every article whose worker's claim went
    stale (the worker died, or its message was lost), and sends it to a worker again; an
    article abandoned more often than INGEST_FETCH_MAX_RETRIES allows fails instead. A
    queued article whose message never reached the broker, or was lost there, is sent
    again. Returns how many were requeued, sent again or failed."""
    now = timezone.now()
    done = 0
    unsent = list(Article.objects.filter(_unsent(now)).values_list("pk", flat=True)[:500])
    for article_id in unsent:
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(_unsent(now), pk=article_id)
            article = article.first()
            if article is None:  # sent or claimed meanwhile
                continue
            _record_event(article, article.state, article.state, None, "sent to a worker again")
            _enqueue(article)
            done += 1
    ids = list(Article.objects.filter(_stale_claims(now)).values_list("pk", flat=True)[:500])
    for article_id in ids:
        with transaction.atomic():
            article = (
                Article.objects.select_for_update().filter(_stale_claims(now), pk=article_id)
            ).first()
            if article is None:  # finished or taken over meanwhile
                continue
            if article.attempts > settings.INGEST_FETCH_MAX_RETRIES:
                article_transition(
                    article=article,
                    to_state=ArticleState.FAILED,
                    note=f"Abandoned by its worker {article.attempts} times; not retried.",
                )
            else:
                article_transition(
                    article=article,
                    to_state=ArticleState.QUEUED,
                    note="requeued: the worker's claim went stale",
                )
                _enqueue(article)
            done += 1
    return done


def _enqueue(article: Article) -> None:
    """Sends the article to a worker once the transaction commits. With the broker out of
    reach the article stays queued, unsent, and the sweeper sends it later: the request
    that queued it has already succeeded."""
    from ..tasks import process_article

    article_id = article.pk

    def send() -> None:
        try:
            process_article.delay(article_id)
        except Exception:  # the broker is out of reach: kombu's errors vary by transport
            log.warning("article %s queued but not sent: broker unreachable", article_id)
            return
        Article.objects.filter(pk=article_id, state=ArticleState.QUEUED).update(
            sent_at=timezone.now()
        )

    transaction.on_commit(send)


def article_retry_due(*, article_id: int, seconds: float) -> None:
    """A transient failure's retry is on its way, due in `seconds`: the sweeper leaves the
    article to it."""
    Article.objects.filter(pk=article_id, state=ArticleState.QUEUED).update(
        sent_at=timezone.now() + dt.timedelta(seconds=seconds)
    )
