from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from cases.errors import DomainError
from cases.models import Detainee, Facility, Source
from cases.partial_dates import PartialDate
from cases.services import cite

from .constants import VisitKind, VisitOutcome
from .models import ConsularVisit, LatestVisit


@transaction.atomic
def visit_record(
    *,
    detainee: Detainee,
    visitors: str,
    visited: PartialDate | None = None,
    facility: Facility | None = None,
    kind: str = VisitKind.IN_PERSON,
    outcome: str = VisitOutcome.COMPLETED,
    observations: str = "",
    follow_up: str = "",
    source: Source | None = None,
    quote: str = "",
) -> ConsularVisit:
    """Logs a visit; the same visitors on the same date are one visit, reported twice."""
    visitors = " ".join((visitors or "").split())
    if not visitors:
        raise DomainError(_("Say who visited."), field="visitors")
    visit = ConsularVisit.objects.filter(
        detainee=detainee,
        visitors__iexact=visitors,
        visited_on=visited.value if visited else None,
    ).first()
    if visit is None and visited is None:
        # An undated report of a visit by someone already on record ("Ambassador X" for
        # "X") is that visit told again, not a new one.
        visit = (
            ConsularVisit.objects.filter(detainee=detainee, visitors__icontains=visitors)
            .order_by("-visited_on")
            .first()
        )
    if visit is None:
        visit = ConsularVisit.objects.create(
            detainee=detainee,
            facility=facility,
            visited_on=visited.value if visited else None,
            visited_on_precision=visited.precision if visited else "",
            visitors=visitors,
            kind=kind,
            outcome=outcome,
            observations=observations,
            follow_up=follow_up,
        )
    cite(visit, source, quote)
    return visit


def latest_visits_rebuild() -> int:
    """Every person's `LatestVisit` row worked out anew from the visits on file, for bulk
    loads written past the triggers that keep the rows (PostgreSQL's replica mode fires
    none). Returns the number of people with a live completed visit."""
    latest = (
        ConsularVisit.objects.completed()
        .order_by()
        .values("detainee")
        .annotate(
            dated_on=Max("visited_on"),
            undated=Count("pk", filter=Q(visited_on__isnull=True)),
        )
    )
    rows = [
        LatestVisit(
            detainee_id=row["detainee"], dated_on=row["dated_on"], has_undated=row["undated"] > 0
        )
        for row in latest.iterator(chunk_size=5000)
    ]
    with transaction.atomic():
        LatestVisit.objects.all().delete()
        LatestVisit.objects.bulk_create(rows, batch_size=5000)
    return len(rows)
