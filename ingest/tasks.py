"""Background work of the ingest app. Tasks take ids, call a service and are safe to run
twice; only transient fetch failures are retried, with exponential backoff.

Messages are acknowledged after the task (`acks_late`) and given back to the broker when the
worker running them dies (`reject_on_worker_lost`), so a killed worker loses no article;
`requeue_stale_articles` (Celery beat) catches what is left behind anyway.
"""

from __future__ import annotations

import logging
import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from . import services
from .fetching import TransientFetchError
from .models import Feed

log = logging.getLogger(__name__)


def backoff_seconds(retries: int) -> int:
    """30 s, 60 s, 120 s … capped at INGEST_RETRY_MAX_SECONDS, with up to a quarter more of
    jitter so retries do not bunch up."""
    base = min(settings.INGEST_RETRY_MAX_SECONDS, 30 * 2**retries)
    return base + random.randint(0, base // 4)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def process_article(self, article_id: int) -> str | None:
    try:
        article = services.article_process(article_id=article_id, task_id=self.request.id or "")
    except SoftTimeLimitExceeded:
        article = services.article_fail(
            article_id=article_id,
            reason=f"Stopped: processing took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} "
            "seconds. Re-run the extraction to try again.",
        )
        return article.state if article else None
    except TransientFetchError as exc:
        if self.request.retries >= settings.INGEST_FETCH_MAX_RETRIES:
            article = services.article_fail(
                article_id=article_id,
                reason=f"Gave up after {self.request.retries + 1} attempts: {exc}",
            )
            return article.state if article else None
        log.info("article %s: %s; retrying", article_id, exc)
        countdown = backoff_seconds(self.request.retries)
        services.article_retry_due(article_id=article_id, seconds=countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
    return article.state if article else None


@shared_task(acks_late=True, reject_on_worker_lost=True)
def poll_feed(feed_id: int) -> int:
    feed = Feed.objects.filter(pk=feed_id, is_active=True).first()
    return services.feed_poll(feed=feed) if feed else 0


@shared_task
def poll_feeds() -> int:
    """Run by Celery beat: queues one poll per active feed."""
    feed_ids = list(Feed.objects.active().values_list("pk", flat=True))
    for feed_id in feed_ids:
        poll_feed.delay(feed_id)
    return len(feed_ids)


@shared_task
def requeue_stale_articles() -> int:
    """Run by Celery beat: articles whose worker's claim went stale go back to a worker."""
    return services.articles_requeue_stale()
