"""The counted figures (summary rows) answer what the direct queries over the records answer,
for every role and nationality; the answers say when they were counted; beat counts them."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from rest_framework.test import APIClient

from cases import services as case_services
from cases.constants import DatePrecision, DetaineeStatus, ExtraditionStatus
from cases.models import Detainee
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    FineSentenceFactory,
    NationalityFactory,
    SentenceFactory,
)
from config.celery import app
from consular.constants import VisitOutcome
from consular.tests.factories import ConsularVisitFactory
from stats import queries, services, summaries, tasks
from stats.models import Figure, SummaryRefresh

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)
NATIONALITIES = [None, "RU", "UA", "KZ", "DE"]


def person(*nationalities, status=DetaineeStatus.DETAINED, **kwargs):
    detainee = DetaineeFactory(status=status, **kwargs)
    for country in nationalities:
        NationalityFactory(detainee=detainee, country=country)
    return detainee


@pytest.fixture
def records(caseworker, other_caseworker, admin_user):
    """A small caseload with what each statistic tells apart: roles' restricted people,
    two nationalities, archived records, third-country and undated surrenders, visits
    known to the day, month and year or not dated, open and ended custody."""
    prison, jail = FacilityFactory(name="Prison B"), FacilityFactory(name="Jail A", country="DE")
    people = [
        person("RU", status=DetaineeStatus.CONVICTED, detaining_country="US"),
        person("RU", "UA", status=DetaineeStatus.CHARGED, detaining_country="DE"),
        person("UA", status=DetaineeStatus.RELEASED, detaining_country="US"),
        person("RU", status=DetaineeStatus.EXTRADITION_PENDING, detaining_country="TH"),
        person("KZ", status=DetaineeStatus.ON_TRIAL),
        person(
            "RU",
            status=DetaineeStatus.DETAINED,
            detaining_country="US",
            is_restricted=True,
            assigned_caseworker=caseworker,
        ),
        person(
            "UA",
            status=DetaineeStatus.CONVICTED,
            detaining_country="DE",
            is_restricted=True,
            assigned_caseworker=other_caseworker,
        ),
        person("RU", status=DetaineeStatus.CHARGED, detaining_country="US", is_restricted=True),
        person("RU", status=DetaineeStatus.DETAINED, assigned_caseworker=caseworker),
        person(status=DetaineeStatus.CONVICTED, detaining_country="TH"),  # no nationality
    ]
    terms = [
        (None, 6),
        (5, 0),
        (12, 0),
        (25, 0),
        (None, None),
        (1, 0),
        (3, 2),
        (20, 0),
        (0, 11),
        (2, 0),
    ]
    for index, detainee in enumerate(people):
        case = CaseFactory(detainee=detainee, arrested_on=dt.date(2020 + index % 4, 1, 1))
        ChargeFactory(case=case)
        ChargeFactory(case=case, category="drugs" if index % 2 else "espionage")
        years, months = terms[index]
        if years is None and months is None:
            FineSentenceFactory(case=case, term_years=None, term_months=None)
        else:
            SentenceFactory(case=case, term_years=years, term_months=months)
        if detainee.status in (DetaineeStatus.CONVICTED, DetaineeStatus.CHARGED):
            CustodyPeriodFactory(detainee=detainee, facility=prison if index % 3 else jail)
        CustodyPeriodFactory(
            detainee=detainee,
            facility=jail,
            started_on=dt.date(2020, 1, 1),
            ended_on=dt.date(2021, 1, 1),
            ended_on_precision=DatePrecision.DAY,
        )
        if index % 3:
            ConsularVisitFactory(detainee=detainee, visited_on=dt.date(2026, 5 - index % 4, 2))
        ConsularVisitFactory(detainee=detainee, visited_on=dt.date(2024, 1 + index, 15))
    SentenceFactory(case__detainee=people[0], is_life=True, term_years=None, term_months=None)
    ConsularVisitFactory(
        detainee=people[1], visited_on=dt.date(2025, 3, 1), visited_on_precision=DatePrecision.MONTH
    )
    ConsularVisitFactory(
        detainee=people[4], visited_on=dt.date(2023, 1, 1), visited_on_precision=DatePrecision.YEAR
    )
    ConsularVisitFactory(detainee=people[3], visited_on=None, visited_on_precision="")
    ConsularVisitFactory(detainee=people[2], outcome=VisitOutcome.PLANNED)
    ExtraditionFactory(detainee=people[0], from_country="TH")
    ExtraditionFactory(detainee=people[0], from_country="TH", surrendered_on=dt.date(2023, 2, 1))
    ExtraditionFactory(detainee=people[1], from_country="RU")  # their own country
    ExtraditionFactory(
        detainee=people[3], from_country="DE", surrendered_on=None, surrendered_on_precision=""
    )
    ExtraditionFactory(detainee=people[5], from_country="TH")
    ExtraditionFactory(
        detainee=people[6],
        status=ExtraditionStatus.REFUSED,
        surrendered_on=None,
        surrendered_on_precision="",
    )
    archived = person("RU", status=DetaineeStatus.DETAINED, detaining_country="US")
    ChargeFactory(case__detainee=archived)
    ExtraditionFactory(detainee=archived)
    ConsularVisitFactory(detainee=archived)
    CustodyPeriodFactory(detainee=archived, facility=prison)
    case_services.record_archive(record=archived, user=admin_user)
    return people


def direct(name: str, *, user, nationality: str | None) -> dict:
    """The answer of the direct query over the records: the oracle."""
    detainees = queries.detainees_for(user=user, nationality=nationality)
    if name == "extraditions":
        return queries.extraditions(detainees=detainees, nationality=nationality)
    if name == "overdue":
        return queries.overdue(detainees=detainees, today=TODAY, interval_days=30, limit=4)
    if name == "facilities":
        return queries.facilities_holding_most(detainees=detainees, limit=1)
    return getattr(queries, DIRECT[name])(detainees=detainees)


def counted(name: str, *, user, nationality: str | None) -> dict:
    who = {"user": user, "nationality": nationality}
    if name == "overdue":
        return summaries.overdue(**who, today=TODAY, interval_days=30, limit=4)
    if name == "facilities":
        return summaries.facilities_holding_most(**who, limit=1)
    return getattr(summaries, DIRECT[name])(**who)


DIRECT = {
    "summary": "summary",
    "extraditions": "extraditions",
    "charges": "charges_by_category",
    "sentences": "sentence_terms",
    "visits": "visits_per_month",
    "overdue": "overdue",
    "facilities": "facilities_holding_most",
}


@pytest.mark.parametrize("name", DIRECT)
@pytest.mark.parametrize("role", ["viewer", "caseworker", "other_caseworker", "admin_user"])
def test_the_counted_answer_is_the_direct_count(records, request, role, name):
    user = request.getfixturevalue(role)
    services.summaries_refresh()
    for nationality in NATIONALITIES:
        expected = direct(name, user=user, nationality=nationality)
        assert counted(name, user=user, nationality=nationality) == expected, nationality


def test_the_dataset_tells_the_roles_and_nationalities_apart(records, viewer, admin_user):
    # Without differences between roles and nationalities the test above would prove little.
    everyone = direct("summary", user=admin_user, nationality=None)["totals"]["detainees"]
    assert direct("summary", user=viewer, nationality=None)["totals"]["detainees"] < everyone
    ru = direct("extraditions", user=admin_user, nationality="RU")
    assert ru["total"] < direct("extraditions", user=admin_user, nationality=None)["total"]
    assert direct("overdue", user=admin_user, nationality=None)["count"] > 4


def test_the_overdue_statistic_is_worked_out_from_the_visits(records, admin_user):
    """Both answers above read each person's latest visit from the row the database keeps
    (`consular.models.LatestVisit`); the oracle here works it out from the visits."""
    services.summaries_refresh()
    cutoff = TODAY - dt.timedelta(days=30)
    waiting = (
        Detainee.objects.held()
        .with_counted_last_visit()
        .filter(Q(counted_last_visit_on__isnull=True) | Q(counted_last_visit_on__lt=cutoff))
        .order_by(F("counted_last_visit_on").asc(nulls_first=True), "full_name", "pk")
    )
    expected = [
        (p.pk, (TODAY - p.counted_last_visit_on).days if p.counted_last_visit_on else None)
        for p in waiting
    ]
    answer = summaries.overdue(user=admin_user, today=TODAY, interval_days=30, limit=100)
    found = [(row["id"], row["days_since_last_visit"]) for row in answer["detainees"]]
    assert found == expected and answer["count"] == len(expected) > 1
    assert direct("overdue", user=admin_user, nationality=None)["count"] == len(expected)


def test_a_facility_tie_is_broken_by_name_as_the_direct_query_does(records, viewer):
    services.summaries_refresh()
    answer = summaries.facilities_holding_most(user=viewer, limit=5)
    expected = queries.facilities_holding_most(detainees=queries.detainees_for(user=viewer))
    assert answer == expected and answer["by_facility"]


def test_the_answers_are_as_of_the_last_count(viewer):
    client = APIClient()
    client.force_authenticate(viewer)
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        person("RU")
        first = client.get("/api/v1/stats/summary/").json()
        person("RU")
        again = client.get("/api/v1/stats/summary/").json()
    assert first["totals"]["detainees"] == again["totals"]["detainees"] == 1
    assert again["as_of"] == "2026-06-01T09:00:00Z"
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, 1, tzinfo=dt.UTC), tick=False):
        tasks.summaries_refresh.delay()
        later = client.get("/api/v1/stats/summary/").json()
    assert later["totals"]["detainees"] == 2
    assert later["as_of"] == "2026-06-01T09:01:00Z"


@pytest.mark.parametrize("name", DIRECT)
def test_every_answer_says_when_it_was_counted(viewer, name):
    client = APIClient()
    client.force_authenticate(viewer)
    person("RU")
    services.summaries_refresh()
    as_of = SummaryRefresh.objects.get().as_of
    answer = client.get(f"/api/v1/stats/{name}/").json()
    assert dt.datetime.fromisoformat(answer["as_of"]) == as_of
    if name not in ("overdue", "facilities"):
        # A date range is counted from the records when asked.
        before = timezone.now()
        answer = client.get(f"/api/v1/stats/{name}/", {"date_from": "2000"}).json()
        assert dt.datetime.fromisoformat(answer["as_of"]) >= before.replace(microsecond=0)


def test_beat_counts_the_figures_every_minute_or_so():
    entry = next(
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "stats.tasks.summaries_refresh"
    )
    assert float(entry["schedule"]) <= 300
    assert "stats.tasks.summaries_refresh" in app.tasks
    person("RU")
    tasks.summaries_refresh.delay()
    assert Figure.objects.filter(statistic="status", nationality="RU").exists()
