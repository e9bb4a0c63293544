"""Each held detainee's next due visit and state under the cadence rules."""

import datetime as dt
import random
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases.constants import DatePrecision, DetaineeStatus, Priority
from cases.models import Detainee
from cases.tests.factories import DetaineeFactory, SourceFactory
from casework.cadence import (
    cadence_for,
    cadence_of,
    cadence_queryset,
    detainee_cadences,
    overdue_cadences,
    strictest,
)
from casework.constants import CadenceState
from casework.models import CadenceRule, WelfareFlag
from consular.constants import VisitOutcome
from consular.models import ConsularVisit, ConsularVisitCitation
from consular.tests.factories import ConsularVisitFactory

from .factories import CadenceRuleFactory, WelfareFlagFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def default_rule():
    """The rule the migration stores, with known values."""
    CadenceRule.objects.all().delete()
    return CadenceRuleFactory(first_visit_days=14, visit_interval_days=90, due_soon_days=14)


def visited(detainee, on: dt.date, precision=DatePrecision.DAY, **kwargs):
    return ConsularVisitFactory(
        detainee=detainee, visited_on=on, visited_on_precision=precision, **kwargs
    )


def test_the_migration_stores_a_default_rule_for_everyone():
    rule = CadenceRule.objects.get(priority="", country="", welfare_concern=False)
    assert (rule.first_contact_hours, rule.first_visit_days, rule.visit_interval_days) == (
        24,
        14,
        90,
    )


def test_states_on_time_due_soon_overdue_and_never_visited(default_rule):
    on_time = DetaineeFactory(full_name="On Time")
    visited(on_time, TODAY - dt.timedelta(days=10))
    soon = DetaineeFactory(full_name="Due Soon")
    visited(soon, TODAY - dt.timedelta(days=80))
    late = DetaineeFactory(full_name="Late")
    visited(late, TODAY - dt.timedelta(days=100))
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)):
        never = DetaineeFactory(full_name="Never Seen")
    released = DetaineeFactory(full_name="Released", status=DetaineeStatus.RELEASED)

    with time_machine.travel(dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC)):
        rows = {c.detainee.full_name: c for c in detainee_cadences(Detainee.objects.all())}

    assert "Released" not in rows and released.pk
    assert rows["On Time"].state == CadenceState.ON_TIME
    assert rows["On Time"].next_due_on == TODAY + dt.timedelta(days=80)
    assert rows["Due Soon"].state == CadenceState.DUE_SOON
    assert rows["Late"].state == CadenceState.OVERDUE and rows["Late"].days_overdue == 10
    # Learned of on 1 June: first visit due 15 June, first contact due 2 June 09:00.
    assert rows["Never Seen"].state == CadenceState.NEVER_VISITED
    assert rows["Never Seen"].next_due_on == dt.date(2026, 6, 15)
    assert rows["Never Seen"].days_overdue == 15
    assert rows["Never Seen"].first_contact_due_at == dt.datetime(2026, 6, 2, 9, 0, tzinfo=dt.UTC)
    assert never.pk


def test_month_precision_and_undated_completed_visits_still_count(default_rule):
    month = DetaineeFactory()
    visited(month, dt.date(2026, 5, 1), DatePrecision.MONTH)
    undated = DetaineeFactory()
    visit = ConsularVisitFactory(detainee=undated, visited_on=None, visited_on_precision="")
    ConsularVisitCitation.objects.create(
        visit=visit,
        source=SourceFactory(published_on=dt.date(2026, 4, 1), published_on_precision="day"),
    )
    denied = DetaineeFactory()
    visited(denied, TODAY - dt.timedelta(days=5), outcome=VisitOutcome.ACCESS_DENIED)

    month_cadence = cadence_for(month, today=TODAY)
    # Counted from the first day of the month: the safe side.
    assert month_cadence.last_visit_on == dt.date(2026, 5, 1)
    assert month_cadence.next_due_on == dt.date(2026, 7, 30)
    assert cadence_for(undated, today=TODAY).last_visit_on == dt.date(2026, 4, 1)
    # A refused visit is no visit.
    assert cadence_for(denied, today=TODAY).state == CadenceState.NEVER_VISITED


def test_the_strictest_applicable_rule_wins(default_rule):
    CadenceRuleFactory(priority=Priority.URGENT, visit_interval_days=30, first_visit_days=7)
    CadenceRuleFactory(welfare_concern=True, visit_interval_days=21)
    CadenceRuleFactory(country="IR", visit_interval_days=45, first_contact_hours=6)
    last = TODAY - dt.timedelta(days=40)

    plain = DetaineeFactory()
    urgent = DetaineeFactory(priority=Priority.URGENT)
    unwell = DetaineeFactory(priority=Priority.URGENT)
    WelfareFlagFactory(detainee=unwell)
    in_iran = DetaineeFactory()
    Detainee.objects.filter(pk=in_iran.pk).update(detaining_country="IR")
    for person in (plain, urgent, unwell, in_iran):
        visited(person, last)

    def interval(person):
        person.refresh_from_db()
        return cadence_for(person, today=TODAY).deadlines.visit_interval_days

    assert interval(plain) == 90
    assert interval(urgent) == 30
    assert interval(unwell) == 21  # urgent (30) and welfare (21): the shorter
    assert interval(in_iran) == 45
    in_iran.refresh_from_db()
    iran = cadence_for(in_iran, today=TODAY)
    assert iran.deadlines.first_contact_hours == 6 and iran.deadlines.first_visit_days == 14
    assert cadence_for(urgent, today=TODAY).state == CadenceState.OVERDUE


def test_without_any_rule_the_settings_apply(settings):
    CadenceRule.objects.all().delete()
    settings.CONSULAR_VISIT_INTERVAL_DAYS = 60
    person = DetaineeFactory()
    visited(person, TODAY - dt.timedelta(days=61))
    assert cadence_for(person, today=TODAY).days_overdue == 1


def test_overdue_list_is_ranked_by_how_overdue(default_rule):
    a = DetaineeFactory(full_name="A Little Late")
    visited(a, TODAY - dt.timedelta(days=95))
    b = DetaineeFactory(full_name="Very Late")
    visited(b, TODAY - dt.timedelta(days=400))
    c = DetaineeFactory(full_name="Fine")
    visited(c, TODAY - dt.timedelta(days=3))
    names = [r.detainee.full_name for r in overdue_cadences(Detainee.objects.all(), today=TODAY)]
    assert names == ["Very Late", "A Little Late"]


def test_a_planned_visit_ahead_is_shown_and_does_not_count_as_done(default_rule):
    person = DetaineeFactory()
    visited(person, TODAY - dt.timedelta(days=100))
    visited(person, TODAY + dt.timedelta(days=3), outcome=VisitOutcome.PLANNED)
    visited(person, TODAY - dt.timedelta(days=2), outcome=VisitOutcome.PLANNED)
    cadence = cadence_for(person, today=TODAY)
    assert cadence.state == CadenceState.OVERDUE
    assert cadence.planned_on == TODAY + dt.timedelta(days=3)


def test_planned_visits_in_the_past_are_not_recorded_not_upcoming():
    person = DetaineeFactory()
    ahead = visited(person, TODAY + dt.timedelta(days=1), outcome=VisitOutcome.PLANNED)
    lapsed = visited(person, TODAY - dt.timedelta(days=1), outcome=VisitOutcome.PLANNED)
    this_month = visited(
        person,
        dt.date(2026, 6, 1),
        DatePrecision.MONTH,
        visitors="Consul B",
        outcome=VisitOutcome.PLANNED,
    )
    last_month = visited(
        person,
        dt.date(2026, 5, 1),
        DatePrecision.MONTH,
        visitors="Consul C",
        outcome=VisitOutcome.PLANNED,
    )
    visits = ConsularVisit.objects.all()
    assert set(visits.upcoming(TODAY)) == {ahead, this_month}
    assert set(visits.not_recorded(TODAY)) == {lapsed, last_month}


# --- The database's answer is the rules' answer ------------------------------------------


# Days since a visit: around each rule's interval and due-soon window, and long ago.
AGES = [2, 10, 18, 25, 40, 50, 55, 70, 80, 86, 95, 150, 400]


def _caseload(count: int, *, seed: int = 7) -> None:
    """Held people of every priority, in and out of the countries with rules of their own,
    some flagged, visited long ago, lately, to the month, or never (learned of on
    different days), with released people among them."""
    pick = random.Random(seed)
    for n in range(count):
        learned = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(
            days=pick.randrange(180), hours=pick.randrange(24)
        )
        with time_machine.travel(learned):
            person = DetaineeFactory(
                full_name=f"Person {n:03d}",
                priority=pick.choice(Priority.values),
                status=pick.choice(
                    [DetaineeStatus.DETAINED, DetaineeStatus.CONVICTED, DetaineeStatus.RELEASED]
                ),
            )
        Detainee.objects.filter(pk=person.pk).update(
            detaining_country=pick.choice(["IR", "US", ""])
        )
        if pick.random() < 0.3:
            WelfareFlagFactory(detainee=person)
        for _ in range(pick.randrange(3)):
            day = TODAY - dt.timedelta(days=pick.choice(AGES) + pick.randrange(5))
            if pick.random() < 0.2:
                visited(person, day.replace(day=1), DatePrecision.MONTH)
            else:
                visited(person, day, outcome=pick.choice([VisitOutcome.COMPLETED] * 3 + ["denied"]))


def _rules() -> None:
    CadenceRule.objects.all().delete()
    CadenceRuleFactory(first_visit_days=14, visit_interval_days=90, due_soon_days=14)
    CadenceRuleFactory(priority=Priority.URGENT, visit_interval_days=30, first_visit_days=7)
    CadenceRuleFactory(priority=Priority.HIGH, visit_interval_days=60, due_soon_days=21)
    CadenceRuleFactory(welfare_concern=True, visit_interval_days=21, first_contact_hours=6)
    CadenceRuleFactory(country="IR", visit_interval_days=45, first_visit_days=5)


def _in_python(today: dt.date) -> list:
    """Each held person's cadence worked out row by row in Python from the rules."""
    rules = list(CadenceRule.objects.all())
    flagged = set(WelfareFlag.objects.values_list("detainee_id", flat=True))
    result = []
    # The last visit worked out from the visits, not read from the row the database keeps.
    for person in Detainee.objects.held().with_counted_last_visit():
        deadlines = strictest(
            rules,
            priority=person.priority,
            country=person.detaining_country.code or "",
            welfare_concern=person.pk in flagged,
        )
        result.append(
            cadence_of(
                detainee=person,
                deadlines=deadlines,
                last_visit_on=person.counted_last_visit_on,
                today=today,
            )
        )
    result.sort(key=lambda c: (-c.days_overdue, c.next_due_on, c.detainee.full_name))
    return result


def _summary(cadences) -> list[tuple]:
    return [
        (c.detainee.pk, c.state, c.next_due_on, c.days_overdue, c.deadlines, c.last_visit_on)
        for c in cadences
    ]


def test_the_database_ranks_and_states_every_person_as_the_rules_say():
    _rules()
    _caseload(60)
    expected = _in_python(TODAY)
    assert {c.state for c in expected} == set(CadenceState.values)  # every state is tried

    assert _summary(detainee_cadences(Detainee.objects.all(), today=TODAY)) == _summary(expected)
    overdue = [c for c in expected if c.is_overdue]
    assert _summary(overdue_cadences(Detainee.objects.all(), today=TODAY)) == _summary(overdue)
    # Filtering and counting happen in the query.
    rows = cadence_queryset(Detainee.objects.all(), today=TODAY)
    for state in CadenceState.values:
        assert rows.filter(cadence_state=state).count() == sum(
            1 for c in expected if c.state == state
        )
    in_iran = [c.detainee.pk for c in overdue if c.detainee.detaining_country == "IR"]
    assert [p.pk for p in rows.filter(overdue_by__gt=0, detaining_country="IR")] == in_iran


# A query that ends in a limit (its subqueries have limits of their own).
PAGED = re.compile(r" LIMIT \d+(?: OFFSET \d+)?$")
# A page's rows read by their ids, once the ranking has given them.
BY_IDS = re.compile(r'"cases_detainee"\."id" IN \(((?:\d+, )*\d+)\)')


def _paged(sql: str) -> bool:
    """Limited, or reading at most a page of people (25, the pages' and the API's size here)
    by their ids."""
    ids = BY_IDS.search(sql)
    return bool(PAGED.search(sql)) or (ids is not None and ids[1].count(",") < 25)


def _queries(callable_) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return [q["sql"] for q in queries]


def test_the_overdue_list_takes_the_same_queries_for_any_number_of_people(client, viewer):
    _rules()
    client.force_login(viewer)

    def pages():
        assert client.get("/visits/overdue/").status_code == 200
        assert client.get("/visits/overdue/", {"page": 2}).status_code == 200
        assert client.get("/api/v1/cadence/", {"overdue": "true"}).status_code == 200

    _caseload(10, seed=1)
    few = _queries(pages)
    _caseload(70, seed=2)
    assert Detainee.objects.held().count() > 40
    many = _queries(pages)

    # Only counting may be added, for a list longer than its first page (one that fits is
    # counted by reading that page).
    def reading(queries):
        return [sql for sql in queries if "COUNT(" not in sql and not sql.startswith("EXPLAIN")]

    assert len(reading(many)) == len(reading(few))
    assert len(many) - len(reading(many)) <= 2 * 3
    # The people are read a page at a time: every query listing them is limited (counts
    # and the list of countries are worked out by the database).
    listing = [
        sql
        for sql in many
        if '"cases_detainee"."full_name"' in sql.split(" FROM ")[0] and "COUNT(" not in sql
    ]
    assert listing and all(_paged(sql) for sql in listing), listing
    # The ranking reads ids alone, and a page of them.
    ranking = [sql for sql in many if sql.startswith('SELECT "cases_detainee"."id" AS "pk" ')]
    assert ranking and all(PAGED.search(sql) for sql in ranking), ranking


def test_the_last_visit_is_the_latest_completed_visit_dated_or_reported():
    """`with_last_visit` against the rule worked out in Python from each person's visits: the
    latest completed visit, an undated one counting from its first report (else the day it
    was recorded); refused, planned and archived visits do not count."""
    pick = random.Random(7)
    people = []
    for _ in range(30):
        person = DetaineeFactory()
        people.append(person)
        for _ in range(pick.randint(0, 4)):
            dated = pick.random() < 0.7
            visit = ConsularVisitFactory(
                detainee=person,
                visited_on=TODAY - dt.timedelta(days=pick.randint(1, 900)) if dated else None,
                visited_on_precision=pick.choice(["day", "month"]) if dated else "",
                outcome=pick.choice([VisitOutcome.COMPLETED] * 3 + ["denied", "planned"]),
            )
            for _ in range(pick.randint(0, 2)):
                published = TODAY - dt.timedelta(days=pick.randint(1, 900))
                ConsularVisitCitation.objects.create(
                    visit=visit,
                    source=SourceFactory(published_on=published, published_on_precision="day"),
                )
            if pick.random() < 0.1:
                ConsularVisit.objects.filter(pk=visit.pk).update(archived_at=timezone.now())

    def counted_from(visit) -> dt.date:
        if visit.visited_on:
            return visit.visited_on
        reported = [c.source.published_on for c in visit.citations.all()]
        return min(reported) if reported else timezone.localtime(visit.created_at).date()

    expected = {}
    for person in people:
        completed = ConsularVisit.objects.filter(detainee=person).completed()
        dates = [counted_from(visit) for visit in completed]
        expected[person.pk] = max(dates) if dates else None
    found = dict(
        Detainee.objects.filter(pk__in=expected)
        .with_last_visit()
        .values_list("pk", "last_visit_on")
    )
    assert found == expected
    assert None in found.values() and len(set(found.values())) > 10
