import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery

from cases.models import Detainee

from .constants import VisitOutcome


class ConsularVisitQuerySet(models.QuerySet):
    def completed(self) -> "ConsularVisitQuerySet":
        return self.filter(outcome=VisitOutcome.COMPLETED)

    def visible_to(self, user) -> "ConsularVisitQuerySet":
        return self.filter(detainee__in=Detainee.objects.visible_to(user))


def with_last_visit(detainees: models.QuerySet) -> models.QuerySet:
    """Annotates `last_visit_on`: the date of the latest completed visit, or None."""
    from .models import ConsularVisit

    latest = (
        ConsularVisit.objects.completed()
        .filter(detainee=OuterRef("pk"))
        .order_by("-visited_on")
        .values("visited_on")[:1]
    )
    return detainees.annotate(last_visit_on=Subquery(latest))


def overdue_for_visit(
    detainees: models.QuerySet, *, today: dt.date, interval_days: int | None = None
) -> models.QuerySet:
    """Held detainees with no completed visit in the last `interval_days` days,
    longest-waiting first (never visited at the top)."""
    interval = interval_days or settings.CONSULAR_VISIT_INTERVAL_DAYS
    cutoff = today - dt.timedelta(days=interval)
    return (
        with_last_visit(detainees.held())
        .filter(Q(last_visit_on__isnull=True) | Q(last_visit_on__lt=cutoff))
        .order_by(models.F("last_visit_on").asc(nulls_first=True), "full_name")
    )


__all__ = ["ConsularVisitQuerySet", "with_last_visit", "overdue_for_visit"]
