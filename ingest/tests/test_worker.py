"""From a submitted URL to a draft, with a real Celery worker over the broker.

Each test starts a worker of its own (`own_worker`: prefork, one child, its own queue): a
separate process that reads the test database through DATABASE_URL and may fetch the local
server because its environment names it in INGEST_FETCH_ALLOWED_HOSTS.
"""

import time

import pytest
from django.db import transaction

from ingest import services
from ingest.constants import ArticleState
from ingest.models import Article, Draft

from .conftest import ARTICLE_MERGE

PAGE = (
    "<html><head><title>Pilot jailed</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE_MERGE.split("\n\n")[1:])
    + "</article></body></html>"
)


def _wait_for(predicate, timeout: float = 90.0):
    # Polling a separate process; this waits on the worker, it does not stand in for time.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def _settled(article):
    def done():
        article.refresh_from_db()
        return article.state not in (
            ArticleState.QUEUED,
            ArticleState.FETCHING,
            ArticleState.EXTRACTING,
        )

    return done


@pytest.mark.worker
def test_a_submitted_url_becomes_a_draft_through_the_worker(own_worker, web, caseworker):
    web.add("/story", PAGE)
    with transaction.atomic():
        article = services.article_submit_url(url=web.ip_url("/story"), user=caseworker)

    assert _wait_for(_settled(article)), f"still {article.state}\n{own_worker.log()}"
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


@pytest.mark.worker
def test_a_worker_killed_mid_task_loses_nothing_and_extracts_once(own_worker, web, caseworker):
    web.add("/story", PAGE)
    # The first fetch is held unanswered: the task is certainly running when it is killed.
    fetching = web.hold_first("/story")
    with transaction.atomic():
        article = services.article_submit_url(url=web.ip_url("/story"), user=caseworker)
    assert fetching.wait(timeout=90), f"the worker never fetched\n{own_worker.log()}"
    article.refresh_from_db()
    assert article.state == ArticleState.FETCHING

    killed = own_worker.kill_child()

    # The message goes back to the broker; the pool's new process runs it again.
    assert _wait_for(_settled(article)), f"still {article.state}\n{own_worker.log()}"
    assert own_worker.children() != [killed]
    assert article.state == ArticleState.READY, article.state_reason
    assert web.hits.count("/story") == 2
    assert Draft.objects.filter(article=article).count() == 1
    assert article.drafts.get().name == "Marta Velikova"
    assert [(e.from_state, e.to_state) for e in article.events.all()] == [
        ("", "queued"),
        ("queued", "fetching"),
        ("fetching", "fetching"),  # the same task takes its claim back
        ("fetching", "extracting"),
        ("extracting", "ready"),
    ]
    assert article.attempts == 2
