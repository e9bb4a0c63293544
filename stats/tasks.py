"""Background work of stats, run by Celery beat."""

from celery import shared_task

from . import services


@shared_task(name="stats.tasks.summaries_refresh")
def summaries_refresh() -> float:
    """Counts the dashboard's figures anew; safe to run twice. Returns the seconds taken."""
    return services.summaries_refresh().seconds
