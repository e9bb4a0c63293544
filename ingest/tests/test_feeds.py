import pytest

from ingest import services
from ingest.constants import ArticleOrigin, ArticleState
from ingest.models import Article

from .factories import FeedFactory

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>First story</title><link>{base}/one</link><guid>one</guid>
<pubDate>Tue, 04 Jun 2024 10:00:00 GMT</pubDate></item>
<item><title>Second story</title><link>{base}/two?utm_source=rss</link><guid>two</guid></item>
<item><title>Not a web link</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

STORY = "<html><body><article><p>{}</p></article></body></html>"


def test_new_feed_items_come_in_by_themselves(web, allow_local, django_capture_on_commit_callbacks):
    base = web.url("").rstrip("/")
    web.add("/feed.xml", RSS.format(base=base), Content_Type="application/rss+xml")
    web.add("/one", STORY.format("A lorry driver was detained at the border on Monday."))
    web.add("/two", STORY.format("A student was released from custody after a week."))
    feed = FeedFactory(url=web.url("/feed.xml"))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.feed_poll(feed=feed) == 2
    articles = Article.objects.order_by("id")
    assert [a.title for a in articles] == ["First story", "Second story"]
    assert all(a.origin == ArticleOrigin.FEED and a.feed == feed for a in articles)
    assert articles[0].published.isoformat() == "2024-06-04"
    assert articles[0].outlet == "Example Wire"
    assert all(a.state != ArticleState.QUEUED for a in articles)
    assert "lorry driver" in articles[0].text
    # Polling again brings nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.feed_poll(feed=feed) == 0
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.last_polled_at and feed.last_error == ""


def test_a_feed_that_cannot_be_read_records_the_error(web, allow_local):
    web.add("/broken.xml", "this is not a feed", Content_Type="application/xml")
    feed = FeedFactory(url=web.url("/broken.xml"))
    assert services.feed_poll(feed=feed) == 0
    feed.refresh_from_db()
    assert "Not a readable feed" in feed.last_error


def test_a_feed_on_a_private_address_is_refused(reviewer):
    from cases.errors import DomainError

    with pytest.raises(DomainError, match="private or local"):
        services.feed_register(url="http://192.168.0.5/rss", user=reviewer)


def test_the_beat_schedule_polls_feeds(settings):
    from ingest.tasks import poll_feeds

    assert settings.CELERY_BEAT_SCHEDULE["ingest-poll-feeds"]["task"] == poll_feeds.name
