"""From a submitted URL to a draft, with a real Celery worker over the broker.

The worker is a separate process: it reads the test database through DATABASE_URL and
fetches the local server because its environment sets INGEST_FETCH_ALLOWED_HOSTS.
"""

import time

import pytest
from django.db import transaction

from ingest import services
from ingest.constants import ArticleState
from ingest.models import Article

from .conftest import ARTICLE_MERGE


def _wait_for(predicate, timeout: float = 60.0):
    # Polling a separate process; this waits on the worker, it does not stand in for time.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_submitted_url_becomes_a_draft_through_the_worker(web, settings, caseworker):
    settings.INGEST_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_MERGE.split("\n\n")[1:])
    web.add(
        "/story",
        f"<html><head><title>Pilot jailed</title></head><body><article>"
        f"{paragraphs}</article></body></html>",
    )
    with transaction.atomic():
        article = services.article_submit_url(url=web.ip_url("/story"), user=caseworker)

    def done():
        article.refresh_from_db()
        return article.state not in (
            ArticleState.QUEUED,
            ArticleState.FETCHING,
            ArticleState.EXTRACTING,
        )

    assert _wait_for(done), f"still {article.state}"
    assert article.state == ArticleState.READY, article.state_reason
    assert "/story" in web.hits
    assert article.drafts.filter(name="Marta Velikova").exists()
    assert Article.objects.count() == 1
    assert [e.to_state for e in article.events.all()] == [
        "queued",
        "fetching",
        "extracting",
        "ready",
    ]
