"""When each held detainee is next due for contact or a visit, and how late that is.

The deadlines come from the cadence rules (`CadenceRule`): every rule a detainee meets
applies, and for each deadline the strictest value wins. `cadence_queryset` works the
deadlines, how late each person is and their state out in the database, so that the
overdue list is ranked, filtered, counted and paged there at any size; `strictest` and
`cadence_of` say the same rules in Python for one row, and build what the pages, the API,
the daily digest and the calendar show from a page of that query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
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


class DaysBetween(Func):
    """Whole days from the date `start` to the date `end` (negative when `end` is earlier),
    on SQLite and PostgreSQL alike."""

    output_field = IntegerField()

    def __init__(self, start, end):
        super().__init__(start, end)

    def as_sql(self, compiler, connection, **extra_context):
        start, end = self.get_source_expressions()
        start_sql, start_params = compiler.compile(start)
        end_sql, end_params = compiler.compile(end)
        if connection.vendor == "postgresql":
            sql = f"(CAST({end_sql} AS date) - CAST({start_sql} AS date))"
        elif connection.vendor == "sqlite":
            sql = f"CAST(julianday({end_sql}) - julianday({start_sql}) AS INTEGER)"
        else:  # pragma: no cover - the project runs on these two
            raise NotImplementedError(f"DaysBetween on {connection.vendor}")
        return sql, (*end_params, *start_params)


# Each deadline as the SQL works it out: the field of `CadenceRule`, and its default.
_DEADLINE_FIELDS = {
    "first_contact_hours": "CADENCE_FIRST_CONTACT_HOURS",
    "first_visit_days": "CADENCE_FIRST_VISIT_DAYS",
    "visit_interval_days": "CONSULAR_VISIT_INTERVAL_DAYS",
    "due_soon_days": "CADENCE_DUE_SOON_DAYS",
}


def _strictest_value(field: str, rules: list[CadenceRule]):
    """The shortest value of one deadline among `rules` that apply to the detainee of the
    row (as `CadenceRule.applies_to` decides), else the default from the settings. The
    rules are few: they are written into the query as one CASE that tries them from the
    shortest value up, instead of being searched again for every row."""
    cases = []
    for rule in sorted(rules, key=lambda r: (getattr(r, field), r.pk)):
        applies = Q()
        if rule.priority:
            applies &= Q(priority=rule.priority)
        if rule.country:
            applies &= Q(detaining_country=rule.country)
        if rule.welfare_concern:
            applies &= Q(welfare_flagged=True)
        if not applies:
            # A rule for everyone: nothing after it can be shorter.
            return Case(*cases, default=Value(getattr(rule, field)), output_field=IntegerField())
        cases.append(When(applies, then=Value(getattr(rule, field))))
    default = Value(getattr(settings, _DEADLINE_FIELDS[field]))
    return Case(*cases, default=default, output_field=IntegerField())


def cadence_queryset(detainees: QuerySet, *, today: dt.date | None = None) -> QuerySet:
    """Held detainees among `detainees` (narrow them with `visible_to(user)` first), each
    annotated in the database with the strictest deadlines that apply to them, how many
    days past their next due visit they are (`overdue_by`: negative while it is ahead) and
    their `cadence_state`; most overdue first, then soonest due. The list can be filtered
    (`overdue_by__gt=0` is the overdue list), counted and paged by the database, and
    `cadences_of` turns a page of it into `Cadence`s."""
    today = today or timezone.localdate()
    planned = (
        ConsularVisit.objects.filter(
            detainee=OuterRef("pk"), outcome=VisitOutcome.PLANNED, visited_on__gte=today
        )
        .order_by("visited_on")
        .values("visited_on")[:1]
    )
    never_visited = Q(last_visit_on__isnull=True)
    rules = list(CadenceRule.objects.all())
    return (
        detainees.held()
        .with_last_visit()
        .annotate(
            welfare_flagged=Exists(WelfareFlag.objects.filter(detainee=OuterRef("pk"))),
            planned_on=Subquery(planned),
        )
        .annotate(**{f"cadence_{name}": _strictest_value(name, rules) for name in _DEADLINE_FIELDS})
        .annotate(
            # A first visit is due from the day the detention was learned of.
            counted_from=Coalesce(
                "last_visit_on", TruncDate("created_at"), output_field=DateField()
            ),
            interval_days=Case(
                When(never_visited, then=F("cadence_first_visit_days")),
                default=F("cadence_visit_interval_days"),
                output_field=IntegerField(),
            ),
        )
        .annotate(overdue_by=DaysBetween(F("counted_from"), Value(today)) - F("interval_days"))
        .annotate(
            cadence_state=Case(
                When(never_visited, then=Value(CadenceState.NEVER_VISITED.value)),
                When(overdue_by__gt=0, then=Value(CadenceState.OVERDUE.value)),
                When(
                    overdue_by__gte=-F("cadence_due_soon_days"),
                    then=Value(CadenceState.DUE_SOON.value),
                ),
                default=Value(CadenceState.ON_TIME.value),
                output_field=CharField(),
            )
        )
        # The caseworker's name is on every row of the lists.
        .select_related("assigned_caseworker")
        .order_by(F("overdue_by").desc(), "full_name", "pk")
    )


def overdue_queryset(detainees: QuerySet, *, today: dt.date | None = None) -> QuerySet:
    """Held detainees past their next due visit (a first visit included), most overdue
    first: the overdue list, for the database to count and page.

    Someone with a completed visit dated within the shortest visit interval that any rule
    (or the default) allows cannot be overdue, whatever rules apply to them: they are left
    out first, on their latest dated visit (`consular.models.LatestVisit`), so that the
    per-person deadline work is done only for the few who may be late rather than for
    everyone held."""
    today = today or timezone.localdate()
    shortest = min(
        [
            settings.CONSULAR_VISIT_INTERVAL_DAYS,
            *CadenceRule.objects.values_list("visit_interval_days", flat=True),
        ]
    )
    recently_visited = Q(latest_visit__dated_on__gte=today - dt.timedelta(days=shortest))
    may_be_late = detainees.filter(~recently_visited | Q(latest_visit__dated_on__isnull=True))
    return cadence_queryset(may_be_late, today=today).filter(overdue_by__gt=0)


def ranked_ids(rows: QuerySet) -> QuerySet:
    """The ids of `rows` (a `cadence_queryset`, filtered or not), in its order: what to count
    and page.

    Ranking reads every candidate (tens of thousands on an overdue list at scale); read
    with only the id selected, the ranking carries no wide rows, joins or per-row
    subqueries that only the shown rows need, which halves its cost. `page_rows` then reads
    the page's rows whole."""
    return rows.values_list("pk", flat=True)


def page_rows(rows: QuerySet, ids: Iterable[int]) -> list[Detainee]:
    """The rows of `rows` whose ids are `ids` (a page of `ranked_ids(rows)`), in the ranking's
    order, annotated as `rows` annotates them. Someone whose row changed between the two
    reads (visited meanwhile) is left out, as the ranking would now leave them out."""
    ids = list(ids)
    return list(rows.filter(pk__in=ids)) if ids else []


def cadences_of(rows: Iterable[Detainee], *, today: dt.date | None = None) -> list[Cadence]:
    """The `Cadence` of each row of `cadence_queryset` (a page of it), in order."""
    today = today or timezone.localdate()
    return [
        cadence_of(
            detainee=person,
            deadlines=Deadlines(
                **{name: getattr(person, f"cadence_{name}") for name in _DEADLINE_FIELDS}
            ),
            last_visit_on=person.last_visit_on,
            today=today,
            planned_on=person.planned_on,
        )
        for person in rows
    ]


def detainee_cadences(detainees: QuerySet, *, today: dt.date | None = None) -> list[Cadence]:
    """The cadence of every held detainee among `detainees`, most overdue first, then
    soonest due. For short lists (one caseworker's people); page `cadence_queryset`
    otherwise."""
    today = today or timezone.localdate()
    return cadences_of(cadence_queryset(detainees, today=today), today=today)


def overdue_cadences(detainees: QuerySet, *, today: dt.date | None = None) -> list[Cadence]:
    """Held detainees past their next due visit, most overdue first."""
    today = today or timezone.localdate()
    return cadences_of(overdue_queryset(detainees, today=today), today=today)


def cadence_for(detainee: Detainee, *, today: dt.date | None = None) -> Cadence | None:
    """One detainee's cadence; None when they are not held."""
    found = detainee_cadences(Detainee.objects.filter(pk=detainee.pk), today=today)
    return found[0] if found else None
