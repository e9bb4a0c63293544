"""Each held detainee's next due visit and state under the cadence rules."""

import datetime as dt

import pytest
import time_machine

from cases.constants import DatePrecision, DetaineeStatus, Priority
from cases.models import Detainee
from cases.tests.factories import DetaineeFactory, SourceFactory
from casework.cadence import cadence_for, detainee_cadences, overdue_cadences
from casework.constants import CadenceState
from casework.models import CadenceRule
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
