"""Each dashboard figure against a small dataset counted by hand."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cases import partial_dates, services
from cases.constants import DatePrecision, DetaineeStatus, ExtraditionStatus
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    NationalityFactory,
    SentenceFactory,
)
from consular.constants import VisitOutcome
from consular.tests.factories import ConsularVisitFactory
from stats import services as stats_services

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def person(nationality="RU", status=DetaineeStatus.DETAINED, **kwargs):
    detainee = DetaineeFactory(status=status, **kwargs)
    NationalityFactory(detainee=detainee, country=nationality)
    return detainee


def rows(data) -> dict:
    return {row["key"]: row["count"] for row in data}


def get(client, name: str, **params):
    response = client.get(f"/api/v1/stats/{name}/", params)
    assert response.status_code == 200, response.content
    return response.json()


class TestSummary:
    def test_counts_by_status_and_held_by_detaining_country(self, viewer):
        # `detaining_country` as derived from their dated facts.
        a = person(status=DetaineeStatus.CONVICTED, detaining_country="US")
        b = person(status=DetaineeStatus.DETAINED, detaining_country="DE")
        c = person(status=DetaineeStatus.RELEASED)
        d = person(status=DetaineeStatus.CHARGED, nationality="UA", detaining_country="US")
        CaseFactory(detainee=a, country="US")
        CaseFactory(detainee=a, country="US")  # two cases, one person
        CaseFactory(detainee=b, country="DE")
        CaseFactory(detainee=c, country="US")  # released: not held
        CaseFactory(detainee=d, country="US")
        data = get(client_for(viewer), "summary")
        assert data["totals"] == {"detainees": 4, "held": 3, "detaining_countries": 2}
        by_status = rows(data["by_status"])
        assert by_status["convicted"] == 1 and by_status["released"] == 1
        assert by_status["deceased"] == 0 and sum(by_status.values()) == 4
        assert data["held_by_country"] == [
            {"key": "US", "label": "United States of America", "count": 2},
            {"key": "DE", "label": "Germany", "count": 1},
        ]
        ru = get(client_for(viewer), "summary", nationality="RU")
        assert ru["totals"]["detainees"] == 3
        assert rows(ru["held_by_country"]) == {"US": 1, "DE": 1}

    def test_held_by_country_is_the_country_holding_them_now(self, viewer, admin_user):
        # Arrested in the Czech Republic, surrendered to the United States: the older case
        # there is the past, and the person counts once, where they are held now.
        moved = person(status=DetaineeStatus.DETAINED)
        services.detainee_country_record(
            detainee=moved, country="CZ", as_of=partial_dates.parse("2016-10")
        )
        CaseFactory(detainee=moved, country="CZ", arrested_on=dt.date(2016, 10, 5))
        services.extradition_record(
            detainee=moved,
            from_country="CZ",
            to_country="US",
            status=ExtraditionStatus.SURRENDERED,
            surrendered=partial_dates.parse("2018-03-30"),
        )
        moved.refresh_from_db()
        assert moved.detaining_country.code == "US"
        data = get(client_for(viewer), "summary")
        assert data["held_by_country"] == [
            {"key": "US", "label": "United States of America", "count": 1}
        ]
        assert data["totals"]["detaining_countries"] == 1

    def test_period_keeps_people_arrested_in_it(self, viewer):
        CaseFactory(detainee=person(), arrested_on=dt.date(2019, 5, 1))
        CaseFactory(detainee=person(), arrested_on=dt.date(2021, 5, 1))
        data = get(client_for(viewer), "summary", date_from="2021", date_to="2021")
        assert data["totals"]["detainees"] == 1

    def test_restricted_cases_of_others_are_not_counted(self, caseworker, other_caseworker):
        person()
        person(is_restricted=True, assigned_caseworker=other_caseworker)
        assert get(client_for(caseworker), "summary")["totals"]["detainees"] == 1
        assert get(client_for(other_caseworker), "summary")["totals"]["detainees"] == 2


class TestExtraditions:
    @pytest.fixture
    def dataset(self):
        # Four Russians surrendered by third countries, one of them twice; one still
        # contested; one surrendered by Russia itself; one Ukrainian.
        a, b, c, d = (person() for _ in range(4))
        ExtraditionFactory(detainee=a, from_country="TH", surrendered_on=dt.date(2021, 3, 1))
        ExtraditionFactory(detainee=a, from_country="ES", surrendered_on=dt.date(2022, 1, 1))
        ExtraditionFactory(detainee=b, from_country="TH", surrendered_on=dt.date(2022, 7, 1))
        ExtraditionFactory(detainee=c, from_country="GE", surrendered_on=dt.date(2022, 9, 1))
        ExtraditionFactory(
            detainee=d,
            from_country="ES",
            status=ExtraditionStatus.CONTESTED,
            surrendered_on=None,
            surrendered_on_precision="",
        )
        ExtraditionFactory(detainee=person(), from_country="RU", surrendered_on=dt.date(2022, 2, 1))
        ExtraditionFactory(
            detainee=person(nationality="UA"), from_country="PL", surrendered_on=dt.date(2022, 4, 1)
        )

    def test_people_from_third_countries_by_country_and_year(self, viewer, dataset):
        data = get(client_for(viewer), "extraditions", nationality="RU")
        assert data["total"] == 3
        assert data["extraditions"] == 4
        assert data["by_country"] == [
            {"key": "TH", "label": "Thailand", "count": 2},
            {"key": "ES", "label": "Spain", "count": 1},
            {"key": "GE", "label": "Georgia", "count": 1},
        ]
        assert data["by_year"] == [
            {"key": 2021, "label": "2021", "count": 1},
            {"key": 2022, "label": "2022", "count": 3},
        ]
        assert [(row["year"], row["country"], row["count"]) for row in data["by_country_year"]] == [
            (2021, "TH", 1),
            (2022, "ES", 1),
            (2022, "GE", 1),
            (2022, "TH", 1),
        ]

    def test_recent_years_only(self, viewer, dataset):
        data = get(client_for(viewer), "extraditions", nationality="RU", date_from="2022")
        assert data["total"] == 3 and rows(data["by_year"]) == {2022: 3}
        everyone = get(client_for(viewer), "extraditions", date_from="2022")
        # Without a nationality, Russia's own surrender and the Ukrainian count too.
        assert everyone["total"] == 5


def test_charges_by_category(viewer):
    old_case = CaseFactory(detainee=person(), arrested_on=dt.date(2018, 1, 1))
    new_case = CaseFactory(detainee=person(), arrested_on=dt.date(2022, 1, 1))
    ChargeFactory(case=old_case, description="a", category="fraud")
    ChargeFactory(case=old_case, description="b", category="fraud")
    ChargeFactory(case=new_case, description="c", category="fraud")
    ChargeFactory(case=new_case, description="d", category="cybercrime")
    data = get(client_for(viewer), "charges")
    assert data["total"] == 4
    first, second = data["by_category"][:2]
    assert first == {"key": "fraud", "label": "Fraud", "count": 3, "detainees": 2}
    assert second == {"key": "cybercrime", "label": "Cybercrime", "count": 1, "detainees": 1}
    assert len(data["by_category"]) == 11
    recent = get(client_for(viewer), "charges", date_from="2020")
    assert rows(recent["by_category"])["fraud"] == 1


def test_sentence_buckets(viewer):
    terms = [
        (0, 6, False),  # under 1
        (1, 0, False),  # 1–5
        (5, 0, False),  # 1–5 (upper bound inclusive)
        (5, 1, False),  # 5–10
        (10, 0, False),  # 5–10
        (20, 0, False),  # 10–20
        (27, 0, False),  # over 20
        (None, None, True),  # life
        (None, None, False),  # a fine only
    ]
    for years, months, life in terms:
        SentenceFactory(case__detainee=person(), term_years=years, term_months=months, is_life=life)
    data = get(client_for(viewer), "sentences")
    assert data["total"] == 9
    assert [(r["key"], r["count"]) for r in data["by_term"]] == [
        ("under_1", 1),
        ("1_5", 2),
        ("5_10", 2),
        ("10_20", 1),
        ("over_20", 1),
        ("life", 1),
        ("no_term", 1),
    ]
    assert data["by_term"][1]["label"] == "1–5 years"


def test_visits_per_month(viewer):
    someone = person()
    for day in (dt.date(2023, 1, 5), dt.date(2023, 1, 20), dt.date(2023, 3, 2)):
        ConsularVisitFactory(detainee=someone, visited_on=day)
    ConsularVisitFactory(
        detainee=someone, visited_on=dt.date(2023, 2, 1), outcome=VisitOutcome.ACCESS_DENIED
    )
    ConsularVisitFactory(
        detainee=someone, visited_on=dt.date(2023, 1, 1), visited_on_precision=DatePrecision.YEAR
    )
    data = get(client_for(viewer), "visits")
    assert data["total"] == 4
    assert data["per_month"] == [
        {"key": "2023-01", "label": "Jan 2023", "count": 2},
        {"key": "2023-02", "label": "Feb 2023", "count": 0},
        {"key": "2023-03", "label": "Mar 2023", "count": 1},
    ]
    march = get(client_for(viewer), "visits", date_from="2023-03", date_to="2023-03")
    assert march["per_month"] == [{"key": "2023-03", "label": "Mar 2023", "count": 1}]


@time_machine.travel(dt.datetime(2023, 7, 1, 12, tzinfo=dt.UTC))
def test_overdue_for_a_visit(viewer, settings):
    settings.CONSULAR_VISIT_INTERVAL_DAYS = 90
    never = person(full_name="Never Visited")
    stale = person(full_name="Stale Visit")
    ConsularVisitFactory(
        detainee=stale, visited_on=dt.date(2023, 1, 1), visited_on_precision=DatePrecision.MONTH
    )
    recent = person(full_name="Recent Visit")
    ConsularVisitFactory(detainee=recent, visited_on=dt.date(2023, 6, 1))
    denied = person(full_name="Denied Access")
    ConsularVisitFactory(
        detainee=denied, visited_on=dt.date(2023, 6, 1), outcome=VisitOutcome.ACCESS_DENIED
    )
    person(full_name="Released Person", status=DetaineeStatus.RELEASED)
    data = get(client_for(viewer), "overdue")
    assert data["interval_days"] == 90 and data["count"] == 3
    assert [
        (r["full_name"], r["last_visit_on"], r["days_since_last_visit"]) for r in data["detainees"]
    ] == [
        ("Denied Access", None, None),
        ("Never Visited", None, None),
        ("Stale Visit", "2023-01", 181),
    ]
    assert never.pk in {r["id"] for r in data["detainees"]}
    longer = get(client_for(viewer), "overdue", interval_days=200)
    assert longer["count"] == 2
    assert get(client_for(viewer), "overdue", limit=1)["detainees"][0]["full_name"] == (
        "Denied Access"
    )


@time_machine.travel(dt.datetime(2023, 7, 1, 12, tzinfo=dt.UTC))
def test_the_overdue_count_is_kept_per_count_of_the_rows_and_per_scope(viewer, caseworker):
    person(full_name="First Waiting")
    client = client_for(viewer)
    assert get(client, "overdue")["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        assert get(client, "overdue")["count"] == 1
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert counts == []  # read again from the same rows: not counted again

    person(full_name="Second Waiting")
    person(full_name="Restricted Waiting", is_restricted=True, assigned_caseworker=caseworker)
    assert get(client, "overdue")["count"] == 1  # the rows are not counted anew yet
    # Counted anew at the same instant (the clock stands still here): the count follows.
    stats_services.summaries_refresh()
    assert get(client, "overdue")["count"] == 2
    assert get(client_for(caseworker), "overdue")["count"] == 3  # and their restricted one
    assert get(client, "overdue")["count"] == 2
    assert get(client, "overdue", nationality="UA")["count"] == 0


def test_facilities_holding_the_most(viewer):
    big, small, empty = (
        FacilityFactory(name="Big"),
        FacilityFactory(name="Small"),
        FacilityFactory(),
    )
    for _ in range(3):
        CustodyPeriodFactory(detainee=person(), facility=big)
    CustodyPeriodFactory(detainee=person(), facility=small)
    CustodyPeriodFactory(detainee=person(status=DetaineeStatus.RELEASED), facility=small)
    CustodyPeriodFactory(
        detainee=person(),
        facility=empty,
        ended_on=dt.date(2023, 1, 1),
        ended_on_precision=DatePrecision.DAY,
    )
    data = get(client_for(viewer), "facilities")
    assert [(r["name"], r["count"]) for r in data["by_facility"]] == [("Big", 3), ("Small", 1)]
    assert data["by_facility"][0]["label"] == "Big (United States of America)"
    assert len(get(client_for(viewer), "facilities", limit=1)["by_facility"]) == 1


def test_bad_parameters_are_named(viewer):
    response = client_for(viewer).get(
        "/api/v1/stats/summary/", {"nationality": "XX", "date_from": "2023", "date_to": "2020"}
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"nationality"}
    response = client_for(viewer).get(
        "/api/v1/stats/summary/", {"date_from": "2023", "date_to": "2020"}
    )
    assert list(response.json()["fields"]) == ["date_to"]
    response = client_for(viewer).get("/api/v1/stats/overdue/", {"limit": "100000"})
    assert list(response.json()["fields"]) == ["limit"]


@pytest.mark.parametrize(
    "name", ["summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities"]
)
def test_figures_come_from_a_fixed_number_of_queries(viewer, name):
    def count() -> int:
        client = client_for(viewer)
        client.get(f"/api/v1/stats/{name}/")  # warm the permission cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/stats/{name}/").status_code == 200
        return len(queries)

    small = count()
    for _ in range(5):
        detainee = person()
        CaseFactory(detainee=detainee)
        ChargeFactory(case__detainee=detainee)
        SentenceFactory(case__detainee=detainee)
        ExtraditionFactory(detainee=detainee)
        CustodyPeriodFactory(detainee=detainee)
        ConsularVisitFactory(detainee=detainee, visited_on=dt.date(2020, 1, 1))
    assert count() == small
