"""Registering news feeds and polling them: each item not seen before becomes a queued
article."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.errors import Conflict, DomainError
from cases.partial_dates import PartialDate

from .. import fetching, intake
from ..constants import ArticleOrigin
from ..models import Article, Feed
from .article_states import _enqueue, _record_event


def _entry_published(entry) -> PartialDate | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return PartialDate(dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday))
    except ValueError:
        return None


def feed_register(*, url: str, user, title: str = "") -> Feed:
    url = (url or "").strip()
    try:
        fetching.check_url(url)
    except fetching.TransientFetchError as exc:
        raise DomainError(str(exc), field="url") from exc
    feed, created = Feed.objects.get_or_create(
        url=url, defaults={"title": title[:300], "created_by": user}
    )
    if not created:
        raise Conflict(_("That feed is already registered."), field="url")
    return feed


def feed_poll(*, feed: Feed, limit: int = 50) -> int:
    """Fetches a feed and queues each item not seen before; returns how many were new."""
    now = timezone.now()
    try:
        page = fetching.fetch(feed.url, accept=fetching.FEED_TYPES + fetching.HTML_TYPES)
    except (fetching.FetchError, fetching.TransientFetchError) as exc:
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=str(exc)[:2000])
        return 0
    # Parsed from the bytes we fetched: feedparser never fetches anything itself here. It
    # is imported where feeds are polled (the worker), not by every web worker.
    import feedparser

    parsed = feedparser.parse(page.body)
    if parsed.bozo and not parsed.entries:
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=now, last_error=f"Not a readable feed: {parsed.get('bozo_exception')}"
        )
        return 0
    new = 0
    for entry in parsed.entries[:limit]:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        entry_id = (entry.get("id") or link)[:500]
        canonical = intake.canonical_url(link)
        if Article.objects.filter(
            Q(feed=feed, feed_entry_id=entry_id) | Q(canonical_url=canonical)
        ).exists():
            continue
        published = _entry_published(entry)
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    origin=ArticleOrigin.FEED,
                    url=link[:2000],
                    canonical_url=canonical[:2000],
                    title=(entry.get("title") or "")[:500],
                    outlet=(parsed.feed.get("title") or feed.title or "")[:200],
                    published_on=published.value if published else None,
                    published_on_precision=published.precision if published else "",
                    feed=feed,
                    feed_entry_id=entry_id,
                )
                _record_event(article, "", article.state, None, f"new item in feed {feed.pk}")
                _enqueue(article)
        except IntegrityError:
            continue
        new += 1
    Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error="")
    return new
