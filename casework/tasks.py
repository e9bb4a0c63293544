"""Background work of casework, run by Celery beat."""

from celery import shared_task

from . import reminders


@shared_task(name="casework.tasks.send_daily_digests")
def send_daily_digests() -> int:
    """Each caseworker's digest of the day; safe to run twice (one message a day)."""
    return reminders.digests_send()
