"""Each person's latest visit (`LatestVisit`), kept by the database on every write of a
visit, against the same date worked out from the visits themselves; and the overdue list
that reads it, against the list worked out person by person in Python."""

import datetime as dt

import pytest
from django.db.models import Count, Max, Q

from cases.constants import DetaineeStatus, Priority
from cases.models import Detainee
from cases.partial_dates import PartialDate
from cases.services import (
    custody_period_record,
    detainee_status_record,
    record_archive,
    record_restore,
)
from cases.tests.factories import DetaineeFactory, FacilityFactory, SourceFactory
from casework.cadence import cadence_of, overdue_queryset, strictest
from casework.models import CadenceRule, WelfareFlag
from casework.tests.factories import CadenceRuleFactory, WelfareFlagFactory
from consular.constants import VisitOutcome
from consular.models import ConsularVisit, ConsularVisitCitation, LatestVisit
from consular.services import latest_visits_rebuild, visit_record

from .factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 30)


def _days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def _rows() -> dict:
    return {r.detainee_id: (r.dated_on, r.has_undated) for r in LatestVisit.objects.all()}


def _counted_rows() -> dict:
    """The rows worked out from the live completed visits."""
    latest = (
        ConsularVisit.objects.completed()
        .order_by()
        .values("detainee")
        .annotate(dated=Max("visited_on"), undated=Count("pk", filter=Q(visited_on__isnull=True)))
    )
    return {row["detainee"]: (row["dated"], row["undated"] > 0) for row in latest}


def _in_python() -> list[tuple]:
    """The overdue list worked out person by person: each held person's last visit from
    their visits, the strictest rules that apply, most overdue first, then by name."""
    rules = list(CadenceRule.objects.all())
    flagged = set(WelfareFlag.objects.values_list("detainee_id", flat=True))
    found = []
    for person in Detainee.objects.held().with_counted_last_visit():
        cadence = cadence_of(
            detainee=person,
            deadlines=strictest(
                rules,
                priority=person.priority,
                country=person.detaining_country.code or "",
                welfare_concern=person.pk in flagged,
            ),
            last_visit_on=person.counted_last_visit_on,
            today=TODAY,
        )
        # Whole days past the due date, negative while it is ahead.
        late = (TODAY - cadence.next_due_on).days
        if late > 0:
            found.append((-late, person.full_name, person.pk, cadence.last_visit_on))
    return [(pk, last) for _, _, pk, last in sorted(found)]


def _overdue() -> list[int]:
    return [p.pk for p in overdue_queryset(Detainee.objects.all(), today=TODAY)]


def assert_kept() -> None:
    """The rows equal the visits, and the overdue list equals the one worked out."""
    assert _rows() == _counted_rows()
    stored = Detainee.objects.with_last_visit().values_list("pk", "last_visit_on")
    counted = Detainee.objects.with_counted_last_visit().values_list("pk", "counted_last_visit_on")
    assert dict(stored) == dict(counted)
    overdue = overdue_queryset(Detainee.objects.all(), today=TODAY)
    assert [(p.pk, p.last_visit_on) for p in overdue] == _in_python()
    assert overdue.count() == len(_in_python())


def test_every_kind_of_write_keeps_each_persons_latest_visit(caseworker):
    CadenceRuleFactory(first_visit_days=14, visit_interval_days=90)
    CadenceRuleFactory(priority=Priority.URGENT, visit_interval_days=30)
    CadenceRuleFactory(welfare_concern=True, visit_interval_days=21)
    CadenceRuleFactory(country="IR", visit_interval_days=45)
    people = [
        DetaineeFactory(full_name=f"Person {n}", status=DetaineeStatus.DETAINED) for n in range(6)
    ]
    anna, boris, clara, dmitri, elena, fyodor = people
    Detainee.objects.filter(pk=dmitri.pk).update(priority=Priority.URGENT)
    WelfareFlagFactory(detainee=elena)
    prison = FacilityFactory(country="IR")
    custody_period_record(
        detainee=fyodor, facility=prison, started=PartialDate.of(dt.date(2024, 1, 10), "day")
    )
    for person, days in [(dmitri, 40), (elena, 25), (fyodor, 50)]:
        ConsularVisitFactory(detainee=person, visited_on=_days_ago(days))
    assert_kept()
    # Each is late by the rule that applies to them: 10, 5 and 4 days.
    assert _overdue() == [dmitri.pk, fyodor.pk, elena.pk]

    # A visit recorded, then a later one, then its date moved back.
    first = visit_record(
        detainee=anna, visitors="Consul Roe", visited=PartialDate.of(_days_ago(200), "day")
    )
    assert_kept()
    later = ConsularVisitFactory(detainee=anna, visited_on=_days_ago(100))
    assert _rows()[anna.pk] == (_days_ago(100), False)
    later.visited_on = _days_ago(300)
    later.save()
    assert _rows()[anna.pk] == (_days_ago(200), False)
    assert_kept()

    # A visit that did not take place counts for nothing; nor does one planned.
    first.outcome = VisitOutcome.ACCESS_DENIED
    first.save()
    ConsularVisitFactory(detainee=boris, visited_on=TODAY, outcome=VisitOutcome.PLANNED)
    assert _rows()[anna.pk] == (_days_ago(300), False)
    assert boris.pk not in _rows()
    assert_kept()

    # An undated visit counts from its first dated report, which a citation brings.
    undated = ConsularVisitFactory(detainee=boris, visited_on=None, visited_on_precision="")
    assert _rows()[boris.pk] == (None, True)
    assert_kept()
    ConsularVisitCitation.objects.create(
        visit=undated,
        source=SourceFactory(published_on=_days_ago(150), published_on_precision="day"),
    )
    assert Detainee.objects.with_last_visit().get(pk=boris.pk).last_visit_on == _days_ago(150)
    assert_kept()

    # Archived, the visit no longer counts; restored, it does again.
    record_archive(record=later, user=caseworker, reason="entered twice")
    assert anna.pk not in _rows()
    assert_kept()
    record_restore(record=later, user=caseworker)
    assert _rows()[anna.pk] == (_days_ago(300), False)
    assert_kept()

    # Moved to another person (a bulk update), and deleted.
    ConsularVisit.objects.filter(pk=later.pk).update(detainee=clara)
    assert anna.pk not in _rows()
    assert _rows()[clara.pk] == (_days_ago(300), False)
    assert_kept()
    later.refresh_from_db()
    later.delete()
    assert clara.pk not in _rows()
    assert_kept()

    # Custody ended by a move to a country without a rule of its own, and a person
    # released: the list follows without any write of a visit.
    custody_period_record(
        detainee=fyodor,
        facility=FacilityFactory(country="TR"),
        started=PartialDate.of(dt.date(2026, 6, 1), "day"),
    )
    assert fyodor.custody_periods.get(facility=prison).ended_on == dt.date(2026, 6, 1)
    assert fyodor.pk not in _overdue()
    assert_kept()
    detainee_status_record(
        detainee=anna, status=DetaineeStatus.RELEASED, as_of=PartialDate.of(TODAY, "day")
    )
    assert anna.pk not in _overdue()
    assert_kept()


def test_a_rebuild_gives_the_rows_the_triggers_keep():
    for days in (10, 400):
        ConsularVisitFactory(visited_on=_days_ago(days))
    ConsularVisitFactory(visited_on=None, visited_on_precision="")
    ConsularVisitFactory(outcome=VisitOutcome.CANCELLED)
    kept = _rows()
    assert len(kept) == 3

    LatestVisit.objects.all().delete()
    assert latest_visits_rebuild() == 3
    assert _rows() == kept == _counted_rows()
