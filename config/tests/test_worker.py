import pytest

from config.celery import app


@pytest.mark.worker
def test_a_real_worker_answers_over_the_broker():
    replies = app.control.ping(timeout=10)
    assert replies, "no Celery worker answered"
