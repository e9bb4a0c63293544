"""When each held detainee is next due for contact or a visit, and how late that is.

The deadlines come from the cadence rules (`CadenceRule`): every rule a detainee meets
applies, and for each deadline the strictest value wins. The inputs are read in one query;
the dates are worked out here, so that the rules stay readable and any caller (the pages,
the API, the daily digest, the statistics) gets the same answer from `detainee_cadences`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from cases.models import Detainee
from consular.constants import VisitOutcome
from consular.models import ConsularVisit

from .constants import CadenceState
from .models import CadenceRule, WelfareFlag


@dataclass(frozen=True)
class Deadlines:
    first_contact_hours: int
    first_visit_days: int
    visit_interval_days: int
    due_soon_days: int


def default_deadlines() -> Deadlines:
    """What applies when no rule is stored at all (settings, then sensible defaults)."""
    return Deadlines(
        first_contact_hours=settings.CADENCE_FIRST_CONTACT_HOURS,
        first_visit_days=settings.CADENCE_FIRST_VISIT_DAYS,
        visit_interval_days=settings.CONSULAR_VISIT_INTERVAL_DAYS,
        due_soon_days=settings.CADENCE_DUE_SOON_DAYS,
    )


def strictest(
    rules: Iterable[CadenceRule], *, priority: str, country: str, welfare_concern: bool
) -> Deadlines:
    """The shortest value of each deadline among the rules that apply."""
    applicable = [
        r
        for r in rules
        if r.applies_to(priority=priority, country=country, welfare_concern=welfare_concern)
    ]
    if not applicable:
        return default_deadlines()
    return Deadlines(
        first_contact_hours=min(r.first_contact_hours for r in applicable),
        first_visit_days=min(r.first_visit_days for r in applicable),
        visit_interval_days=min(r.visit_interval_days for r in applicable),
        due_soon_days=min(r.due_soon_days for r in applicable),
    )


@dataclass
class Cadence:
    """One held detainee's standing against their deadlines, as of `today`."""

    detainee: Detainee
    deadlines: Deadlines
    last_visit_on: dt.date | None
    learned_at: dt.datetime
    next_due_on: dt.date
    first_contact_due_at: dt.datetime | None
    state: str
    days_overdue: int
    planned_on: dt.date | None

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def first_contact_late(self) -> bool:
        return self.first_contact_due_at is not None and self.first_contact_due_at < timezone.now()

    @property
    def state_label(self) -> str:
        return CadenceState(self.state).label


def cadence_of(
    *,
    detainee: Detainee,
    deadlines: Deadlines,
    last_visit_on: dt.date | None,
    today: dt.date,
    planned_on: dt.date | None = None,
) -> Cadence:
    """`last_visit_on` is the date the latest completed visit counts from (a visit known
    only to the month counts from its first day; an undated one from when it was
    reported), as `DetaineeQuerySet.with_last_visit` gives it."""
    learned_at = detainee.created_at
    if last_visit_on is None:
        learned_on = timezone.localdate(learned_at)
        next_due = learned_on + dt.timedelta(days=deadlines.first_visit_days)
        contact_due = learned_at + dt.timedelta(hours=deadlines.first_contact_hours)
        state = CadenceState.NEVER_VISITED
    else:
        next_due = last_visit_on + dt.timedelta(days=deadlines.visit_interval_days)
        contact_due = None
        if next_due < today:
            state = CadenceState.OVERDUE
        elif (next_due - today).days <= deadlines.due_soon_days:
            state = CadenceState.DUE_SOON
        else:
            state = CadenceState.ON_TIME
    return Cadence(
        detainee=detainee,
        deadlines=deadlines,
        last_visit_on=last_visit_on,
        learned_at=learned_at,
        next_due_on=next_due,
        first_contact_due_at=contact_due,
        state=state,
        days_overdue=max((today - next_due).days, 0),
        planned_on=planned_on,
    )


def _with_inputs(detainees: QuerySet, *, today: dt.date) -> QuerySet:
    """Everything the computation reads, in the same query as the detainees."""
    planned = (
        ConsularVisit.objects.filter(
            detainee=OuterRef("pk"), outcome=VisitOutcome.PLANNED, visited_on__gte=today
        )
        .order_by("visited_on")
        .values("visited_on")[:1]
    )
    return (
        detainees.held()
        .with_last_visit()
        .annotate(
            welfare_flagged=Exists(WelfareFlag.objects.filter(detainee=OuterRef("pk"))),
            planned_on=Subquery(planned),
        )
        # The caseworker's name is on every row of the lists.
        .select_related("assigned_caseworker")
    )


def detainee_cadences(detainees: QuerySet, *, today: dt.date | None = None) -> list[Cadence]:
    """The cadence of every held detainee among `detainees` (narrow them with
    `visible_to(user)` first), most overdue first, then soonest due."""
    today = today or timezone.localdate()
    rules = list(CadenceRule.objects.all())
    result = []
    for person in _with_inputs(detainees, today=today):
        deadlines = strictest(
            rules,
            priority=person.priority,
            country=person.detaining_country.code or "",
            welfare_concern=person.welfare_flagged,
        )
        result.append(
            cadence_of(
                detainee=person,
                deadlines=deadlines,
                last_visit_on=person.last_visit_on,
                today=today,
                planned_on=person.planned_on,
            )
        )
    result.sort(key=lambda c: (-c.days_overdue, c.next_due_on, c.detainee.full_name))
    return result


def overdue_cadences(detainees: QuerySet, *, today: dt.date | None = None) -> list[Cadence]:
    """Held detainees past their next due visit (a first visit included), most overdue
    first."""
    return [c for c in detainee_cadences(detainees, today=today) if c.is_overdue]


def cadence_for(detainee: Detainee, *, today: dt.date | None = None) -> Cadence | None:
    """One detainee's cadence; None when they are not held."""
    found = detainee_cadences(Detainee.objects.filter(pk=detainee.pk), today=today)
    return found[0] if found else None
