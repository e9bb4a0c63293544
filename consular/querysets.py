import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate

from cases.constants import DatePrecision
from cases.models import Detainee
from cases.querysets import ArchivableQuerySet

from .constants import VisitOutcome


class ConsularVisitQuerySet(ArchivableQuerySet):
    def completed(self) -> "ConsularVisitQuerySet":
        return self.filter(outcome=VisitOutcome.COMPLETED)

    def with_counted_date(self) -> "ConsularVisitQuerySet":
        """Annotates `counted_on`: the date a visit counts from. Its own date (the first day
        of its month or year when that is all that is known); for an undated visit, the
        publication date of the first source that reports it, else the day it was
        recorded. An undated completed visit is still a visit."""
        from .models import ConsularVisitCitation

        reported = (
            ConsularVisitCitation.objects.filter(
                visit=OuterRef("pk"), source__published_on__isnull=False
            )
            .order_by("source__published_on")
            .values("source__published_on")[:1]
        )
        return self.annotate(
            counted_on=Coalesce("visited_on", Subquery(reported), TruncDate("created_at"))
        )

    def planned(self) -> "ConsularVisitQuerySet":
        return self.filter(outcome=VisitOutcome.PLANNED)

    def _past_q(self, today: dt.date) -> Q:
        """Visits whose whole date lies before `today` (a month or year that is over)."""
        return Q(visited_on__isnull=False) & (
            Q(visited_on_precision=DatePrecision.DAY, visited_on__lt=today)
            | Q(visited_on_precision=DatePrecision.MONTH, visited_on__lt=today.replace(day=1))
            | Q(visited_on_precision=DatePrecision.YEAR, visited_on__lt=dt.date(today.year, 1, 1))
        )

    def upcoming(self, today: dt.date) -> "ConsularVisitQuerySet":
        """Planned visits still ahead (or planned without a date)."""
        return self.planned().exclude(self._past_q(today))

    def not_recorded(self, today: dt.date) -> "ConsularVisitQuerySet":
        """Planned visits whose date has passed without anyone recording whether they were
        held: neither upcoming nor done, until a caseworker records the outcome."""
        return self.planned().filter(self._past_q(today))

    def log(self) -> "ConsularVisitQuerySet":
        """Visits that took place or were meant to (every outcome but planned), newest
        first: the visit log, read page by page off the visits' date index."""
        return self.exclude(outcome=VisitOutcome.PLANNED).order_by("-visited_on", "-id")

    def visible_to(self, user) -> "ConsularVisitQuerySet":
        return self.filter(detainee__in=Detainee.objects.visible_to(user))


def overdue_for_visit(
    detainees: models.QuerySet, *, today: dt.date, interval_days: int | None = None
) -> models.QuerySet:
    """Held detainees with no completed visit in the last `interval_days` days,
    longest-waiting first (never visited at the top), then by name (and id, so that two
    people of one name keep one order, the summary rows' `rank`)."""
    interval = interval_days or settings.CONSULAR_VISIT_INTERVAL_DAYS
    cutoff = today - dt.timedelta(days=interval)
    return (
        detainees.held()
        .with_last_visit()
        .filter(Q(last_visit_on__isnull=True) | Q(last_visit_on__lt=cutoff))
        .order_by(models.F("last_visit_on").asc(nulls_first=True), "full_name", "pk")
    )


__all__ = ["ConsularVisitQuerySet", "overdue_for_visit"]
