"""What a dead worker leaves behind: the same message takes its claim back, the sweeper
requeues stale claims, and the Celery settings that keep a killed task's message alive."""

import pytest
import time_machine

from config.celery import app
from ingest import services
from ingest.constants import ArticleState
from ingest.models import Draft

from . import extracted
from .conftest import ARTICLE_QUILL
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_after_commit(django_capture_on_commit_callbacks):
    """Runs what a service schedules after commit (the tasks, in-process)."""

    def run(func, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(**kwargs)

    return run


def _claimed(article, task_id: str, when: str, to_state=ArticleState.EXTRACTING):
    with time_machine.travel(when, tick=False):
        return services.article_claim(article_id=article.pk, to_state=to_state, task_id=task_id)


def test_the_same_task_takes_its_claim_back_and_no_other_task_does():
    # A message comes back to a worker only when the worker running it was lost.
    article = ArticleFactory(state=ArticleState.QUEUED)
    assert _claimed(article, "task-1", "2025-01-01 10:00:00+00:00")
    assert _claimed(article, "task-2", "2025-01-01 10:00:05+00:00") is None
    assert _claimed(article, "", "2025-01-01 10:00:05+00:00") is None
    again = _claimed(article, "task-1", "2025-01-01 10:00:06+00:00")
    assert again is not None and again.attempts == 2 and again.claimed_by == "task-1"
    assert [(e.from_state, e.to_state, e.note) for e in article.events.all()][-1] == (
        "extracting",
        "extracting",
        "claim taken over",
    )


def test_a_finished_article_is_not_claimed_again_by_its_task():
    article = ArticleFactory(state=ArticleState.QUEUED)
    assert _claimed(article, "task-1", "2025-01-01 10:00:00+00:00")
    services.article_transition(article=article, to_state=ArticleState.READY)
    article.refresh_from_db()
    assert (article.claimed_by, article.claimed_at) == ("", None)
    assert _claimed(article, "task-1", "2025-01-01 10:00:06+00:00") is None


def test_a_worker_keeps_its_claim_from_fetching_to_extracting():
    article = ArticleFactory(state=ArticleState.QUEUED)
    _claimed(article, "task-1", "2025-01-01 10:00:00+00:00", to_state=ArticleState.FETCHING)
    with time_machine.travel("2025-01-01 10:00:20+00:00", tick=False):
        services.article_transition(article=article, to_state=ArticleState.EXTRACTING)
    article.refresh_from_db()
    # Claimed, so that the sweeper finds it if the worker dies while extracting.
    assert article.claimed_by == "task-1"
    assert article.claimed_at.isoformat() == "2025-01-01T10:00:20+00:00"


@pytest.mark.parametrize("busy", [ArticleState.FETCHING, ArticleState.EXTRACTING])
def test_the_sweeper_requeues_a_stale_claim_and_it_is_extracted_once(
    settings, run_after_commit, fake_extractor, busy
):
    settings.INGEST_CLAIM_TIMEOUT_SECONDS = 600
    fake_extractor.result = lambda text: extracted.result(extracted.person(text, "Ivor Quill"))
    article = ArticleFactory(state=ArticleState.QUEUED, text=ARTICLE_QUILL)
    _claimed(article, "dead-task", "2025-01-01 10:00:00+00:00", to_state=busy)
    fresh = ArticleFactory(state=ArticleState.QUEUED)
    _claimed(fresh, "live-task", "2025-01-01 10:09:00+00:00")

    with time_machine.travel("2025-01-01 10:10:01+00:00", tick=False):
        assert run_after_commit(services.articles_requeue_stale) == 1

    article.refresh_from_db()
    assert article.state == ArticleState.READY, article.state_reason
    assert Draft.objects.filter(article=article).count() == 1
    assert fake_extractor.calls == 1
    notes = [e.note for e in article.events.all()]
    assert "requeued: the worker's claim went stale" in notes
    fresh.refresh_from_db()
    assert fresh.state == ArticleState.EXTRACTING  # its worker is still within its time
    # The dead task's message, delivered again later, finds nothing to do.
    with time_machine.travel("2025-01-01 11:00:00+00:00", tick=False):
        services.article_process(article_id=article.pk, task_id="dead-task")
    assert Draft.objects.filter(article=article).count() == 1
    assert fake_extractor.calls == 1


def test_an_article_abandoned_again_and_again_fails(settings, run_after_commit):
    settings.INGEST_FETCH_MAX_RETRIES = 1
    article = ArticleFactory(state=ArticleState.QUEUED)
    for minute in ("10:00", "10:20"):
        _claimed(article, f"task-{minute}", f"2025-01-01 {minute}:00+00:00", ArticleState.FETCHING)
        with time_machine.travel(f"2025-01-01 {minute}:15+00:00", tick=False):
            services.article_transition(article=article, to_state=ArticleState.EXTRACTING)
    with time_machine.travel("2025-01-01 11:00:00+00:00", tick=False):
        assert run_after_commit(services.articles_requeue_stale) == 1
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "Abandoned by its worker 2 times" in article.state_reason


def test_celery_keeps_a_killed_tasks_message_and_bounds_every_task(settings):
    conf = app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.task_time_limit < settings.INGEST_CLAIM_TIMEOUT_SECONDS
    visibility = conf.broker_transport_options["visibility_timeout"]
    longest_retry_wait = settings.INGEST_RETRY_MAX_SECONDS * 1.25
    assert visibility > conf.task_time_limit + longest_retry_wait
    sweeps = [e for e in conf.beat_schedule.values() if e["task"].endswith("stale_articles")]
    assert sweeps == [
        {"task": "ingest.tasks.requeue_stale_articles", "schedule": settings.INGEST_SWEEP_SECONDS}
    ]


def test_an_article_queued_while_the_broker_was_down_is_sent_by_the_sweeper(
    settings, monkeypatch, run_after_commit, fake_extractor, reviewer
):
    from kombu.exceptions import OperationalError

    from ingest.tasks import process_article

    settings.INGEST_CLAIM_TIMEOUT_SECONDS = 600
    fake_extractor.result = lambda text: extracted.result(extracted.person(text, "Ivor Quill"))

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as patch:
        patch.setattr(process_article, "delay", broker_down)
        with time_machine.travel("2025-01-01 10:00:00+00:00", tick=False):
            # The submission succeeds: the article is kept, queued but not sent.
            article = run_after_commit(
                services.article_submit_text, text=ARTICLE_QUILL, user=reviewer
            )
    article.refresh_from_db()
    assert (article.state, article.sent_at, fake_extractor.calls) == ("queued", None, 0)

    # The broker is back: the next sweep sends it, and it is extracted once.
    with time_machine.travel("2025-01-01 10:02:00+00:00", tick=False):
        assert run_after_commit(services.articles_requeue_stale) == 1
    article.refresh_from_db()
    assert article.state == ArticleState.READY, article.state_reason
    assert fake_extractor.calls == 1
    assert "sent to a worker again" in [e.note for e in article.events.all()]


def test_the_sweeper_leaves_a_queued_article_whose_message_is_on_its_way(
    settings, run_after_commit, fake_extractor, reviewer
):
    settings.INGEST_CLAIM_TIMEOUT_SECONDS = 600
    article = ArticleFactory(state=ArticleState.QUEUED)
    with time_machine.travel("2025-01-01 10:00:00+00:00", tick=False):
        services.article_retry_due(article_id=article.pk, seconds=1800)
    with time_machine.travel("2025-01-01 10:20:00+00:00", tick=False):
        assert run_after_commit(services.articles_requeue_stale) == 0
    article.refresh_from_db()
    assert article.state == ArticleState.QUEUED
