import datetime as dt
import json

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from cases import services
from cases.constants import ChargeCategory, DatePrecision, DetaineeStatus
from cases.fields import sensitive_field_names
from cases.models import Detainee
from cases.partial_dates import parse
from cases.serializers import DetaineeListSerializer
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    NationalityFactory,
    SentenceFactory,
    SourceFactory,
)
from consular.constants import VisitOutcome
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/detainees/"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def seleznyov():
    source = SourceFactory(title="Envoy visits prisoners")
    person = services.detainee_create(
        full_name="Roman Seleznyov",
        name_original_script="Роман Селезнёв",
        name_variants=["Seleznev"],
        nationalities=["RU"],
        status=DetaineeStatus.CONVICTED,
        welfare_notes="Health is poor.",
        next_of_kin="Father, by phone",
        source=source,
        quote="the ambassador visited him",
    )
    butner = FacilityFactory(name="FCC Butner", country="US")
    services.custody_period_record(detainee=person, facility=butner)
    case = services.case_open(detainee=person, country="US", arrested=parse("2014-07"))
    services.charge_add(case=case, description="computer intrusion", category="cybercrime")
    services.sentence_record(case=case, sentenced=parse("2017-04-21"), term_years=27)
    services.extradition_record(
        detainee=person, from_country="MV", to_country="US", status="surrendered"
    )
    ConsularVisitFactory(
        detainee=person,
        facility=butner,
        visited_on=dt.date(2023, 4, 1),
        visited_on_precision=DatePrecision.MONTH,
        observations="Complains of untreated illness",
    )
    return person


@pytest.mark.parametrize("query", ["Seleznev", "Селезнёв", "seleznyov", "SELEZNYOUV"])
def test_search_finds_every_spelling(viewer, seleznyov, query):
    DetaineeFactory(full_name="Ivan Petrov")
    response = client_for(viewer).get(LIST, {"search": query})
    assert response.status_code == 200
    assert [row["full_name"] for row in response.data["results"]] == ["Roman Seleznyov"]


@time_machine.travel(dt.datetime(2023, 6, 30, 12, tzinfo=dt.UTC))
def test_detail_carries_the_whole_person(caseworker, seleznyov):
    response = client_for(caseworker).get(f"{LIST}{seleznyov.pk}/")
    assert response.status_code == 200
    data = response.data
    assert data["full_name"] == "Roman Seleznyov"
    assert {v["name"] for v in data["name_variants"]} >= {"Seleznev", "Роман Селезнёв"}
    [nationality] = data["nationalities"]
    assert (nationality["code"], nationality["name"]) == ("RU", "Russia")
    assert nationality["as_of"]
    assert data["status"] == "convicted" and data["status_label"] == "Convicted"
    assert data["current_facility"]["name"] == "FCC Butner"
    [case] = data["cases"]
    assert case["arrested_on"] == "2014-07"
    assert case["charges"][0]["category"] == "cybercrime"
    assert case["sentences"][0]["term_years"] == 27
    assert case["sentences"][0]["sentenced_on"] == "2017-04-21"
    assert data["extraditions"][0]["from_country"] == {"code": "MV", "name": "Maldives"}
    assert data["latest_visit"]["visited_on"] == "2023-04"
    assert data["latest_visit"]["observations"] == "Complains of untreated illness"
    assert data["days_since_last_visit"] == (dt.date(2023, 6, 30) - dt.date(2023, 4, 1)).days
    assert data["sources"][0]["title"] == "Envoy visits prisoners"
    assert data["sources"][0]["quote"] == "the ambassador visited him"
    assert data["welfare_notes"] == "Health is poor."


def _has_key(data, key: str) -> bool:
    if isinstance(data, dict):
        return key in data or any(_has_key(value, key) for value in data.values())
    if isinstance(data, list):
        return any(_has_key(item, key) for item in data)
    return False


def test_viewer_never_sees_sensitive_fields(viewer, seleznyov):
    client = client_for(viewer)
    detail = client.get(f"{LIST}{seleznyov.pk}/").json()
    listing = client.get(LIST).json()
    for data in (detail, listing):
        for key in ("welfare_notes", "next_of_kin", "observations"):
            assert not _has_key(data, key), key
    assert detail["latest_visit"]["visitors"]  # the rest of the visit is there
    body = client.get(f"{LIST}{seleznyov.pk}/").content.decode()
    assert "Health is poor" not in body and "untreated illness" not in body


# Every key of a list row, in order; the last two only for roles that may read them.
LIST_ROW_KEYS = [
    "id",
    "version",
    "full_name",
    "name_original_script",
    "status",
    "status_label",
    "priority",
    "priority_label",
    "nationalities",
    "detaining_country",
    "current_facility",
    "assigned_caseworker",
    "assigned_caseworker_username",
    "is_restricted",
    "last_visit_on",
    "days_since_last_visit",
    "welfare_notes",
    "next_of_kin",
    "updated_at",
]
SENSITIVE = {"welfare_notes", "next_of_kin"}


@time_machine.travel(dt.datetime(2023, 6, 30, 12, tzinfo=dt.UTC))
def test_a_list_row_shows_every_field_and_hides_the_sensitive_ones_from_a_viewer(
    viewer, caseworker, seleznyov
):
    Detainee.objects.filter(pk=seleznyov.pk).update(assigned_caseworker=caseworker, priority="high")
    seleznyov.refresh_from_db()
    butner = seleznyov.current_facility
    expected = {
        "id": seleznyov.pk,
        "version": seleznyov.version,
        "full_name": "Roman Seleznyov",
        "name_original_script": "Роман Селезнёв",
        "status": "convicted",
        "status_label": "Convicted",
        "priority": "high",
        "priority_label": "High",
        "nationalities": [{"code": "RU", "name": "Russia"}],
        "detaining_country": {"code": "US", "name": "United States of America"},
        "current_facility": {
            "id": butner.pk,
            "name": "FCC Butner",
            "kind": butner.kind,
            "country": {"code": "US", "name": "United States of America"},
            "locality": butner.locality,
        },
        "assigned_caseworker": caseworker.pk,
        "assigned_caseworker_username": "caseworker",
        "is_restricted": False,
        "last_visit_on": "2023-04-01",
        "days_since_last_visit": 90,
        "welfare_notes": "Health is poor.",
        "next_of_kin": "Father, by phone",
        "updated_at": seleznyov.updated_at.isoformat().replace("+00:00", "Z"),
    }
    [row] = client_for(caseworker).get(LIST).json()["results"]
    assert list(row) == LIST_ROW_KEYS
    assert row == expected
    [row] = client_for(viewer).get(LIST).json()["results"]
    assert list(row) == [key for key in LIST_ROW_KEYS if key not in SENSITIVE]
    assert row == {key: value for key, value in expected.items() if key not in SENSITIVE}


def test_the_list_row_keys_are_the_row_serializers_fields():
    # The schema documents the serializer's fields; the rows must give exactly those.
    assert DetaineeListSerializer.Meta.fields == LIST_ROW_KEYS
    assert sensitive_field_names(Detainee) == SENSITIVE


def _field_by_field(people, user) -> list[dict]:
    """Each person as the row serializer shows one instance, field by field."""
    request = RequestFactory().get(LIST)
    request.user = user
    rows = []
    for person in Detainee.objects.with_last_visit().filter(pk__in=[p.pk for p in people]):
        data = DetaineeListSerializer(person, context={"request": request}).data
        rows.append(json.loads(JSONRenderer().render(data)))
    return sorted(rows, key=lambda row: row["id"])


@time_machine.travel(dt.datetime(2023, 6, 30, 12, tzinfo=dt.UTC))
def test_a_page_of_the_list_is_what_the_row_serializer_shows_for_each_person(
    viewer, caseworker, seleznyov
):
    # A page's rows are built by hand (DetaineeListSerializer.rows): they must not drift
    # from what the serializer's fields show, whatever a person has on record.
    bare = DetaineeFactory(full_name="Bare Person", name_original_script="")
    several = DetaineeFactory(full_name="Anna Example", detaining_country="TR", priority="urgent")
    for code in ("UA", "DE", "RU"):
        NationalityFactory(detainee=several, country=code)
    ConsularVisitFactory(detainee=several, visited_on=dt.date(2023, 6, 29))
    held = DetaineeFactory(
        full_name="Held Person",
        is_restricted=True,
        assigned_caseworker=caseworker,
        current_facility=FacilityFactory(country="KZ", locality=""),
        welfare_notes="",
        next_of_kin="Sister",
    )
    people = [seleznyov, bare, several, held]
    for user in (viewer, caseworker):
        results = client_for(user).get(LIST, {"page_size": 100}).json()["results"]
        listed = sorted(results, key=lambda row: row["id"])
        expected = _field_by_field([p for p in people if p is not held or user == caseworker], user)
        assert listed == expected
        assert [list(row) for row in listed] == [list(row) for row in expected]


def test_restricted_case_of_another_caseworker_is_not_found(caseworker, other_caseworker):
    hidden = DetaineeFactory(full_name="Hidden Person", is_restricted=True)
    hidden.assigned_caseworker = other_caseworker
    hidden.save()
    client = client_for(caseworker)
    assert client.get(f"{LIST}{hidden.pk}/").status_code == 404
    assert client.patch(f"{LIST}{hidden.pk}/", {"status": "released"}).status_code == 404
    assert client.get(LIST, {"search": "Hidden"}).data["count"] == 0
    response = client_for(other_caseworker).get(f"{LIST}{hidden.pk}/")
    assert response.status_code == 200


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.data["results"]}


class TestFilters:
    def test_status_nationality_and_detaining_country(self, viewer):
        ru_us = DetaineeFactory(status=DetaineeStatus.CONVICTED, detaining_country="US")
        NationalityFactory(detainee=ru_us, country="RU")
        CaseFactory(detainee=ru_us, country="US")
        ua_de = DetaineeFactory(status=DetaineeStatus.DETAINED, detaining_country="DE")
        NationalityFactory(detainee=ua_de, country="UA")
        CaseFactory(detainee=ua_de, country="DE")
        client = client_for(viewer)
        assert _ids(client.get(LIST, {"status": "convicted"})) == {ru_us.pk}
        assert _ids(client.get(LIST, {"status": ["convicted", "detained"]})) == {
            ru_us.pk,
            ua_de.pk,
        }
        assert _ids(client.get(LIST, {"nationality": "UA"})) == {ua_de.pk}
        assert _ids(client.get(LIST, {"detaining_country": "US"})) == {ru_us.pk}

    def test_detaining_country_is_the_one_holding_them_now(self, viewer):
        # An older case in the country that arrested and surrendered them does not make
        # that country hold them now.
        moved = DetaineeFactory(status=DetaineeStatus.DETAINED)
        services.detainee_country_record(detainee=moved, country="CZ", as_of=parse("2016-10"))
        CaseFactory(detainee=moved, country="CZ")
        services.detainee_country_record(detainee=moved, country="US", as_of=parse("2018-03-30"))
        client = client_for(viewer)
        assert _ids(client.get(LIST, {"detaining_country": "US"})) == {moved.pk}
        assert _ids(client.get(LIST, {"detaining_country": "CZ"})) == set()

    def test_facility_is_the_current_one(self, viewer):
        old, new = FacilityFactory(), FacilityFactory()
        moved = DetaineeFactory()
        CustodyPeriodFactory(
            detainee=moved,
            facility=old,
            started_on=dt.date(2020, 1, 1),
            ended_on=dt.date(2021, 1, 1),
            ended_on_precision=DatePrecision.DAY,
        )
        CustodyPeriodFactory(detainee=moved, facility=new, started_on=dt.date(2021, 1, 1))
        client = client_for(viewer)
        assert _ids(client.get(LIST, {"facility": new.pk})) == {moved.pk}
        assert _ids(client.get(LIST, {"facility": old.pk})) == set()

    def test_charge_category_without_duplicates(self, viewer):
        person = DetaineeFactory()
        case = CaseFactory(detainee=person)
        ChargeFactory(case=case, description="a", category=ChargeCategory.FRAUD)
        ChargeFactory(case=case, description="b", category=ChargeCategory.FRAUD)
        DetaineeFactory()
        response = client_for(viewer).get(LIST, {"charge_category": "fraud"})
        assert response.data["count"] == 1 and _ids(response) == {person.pk}

    def test_date_ranges_take_partial_dates(self, viewer):
        early = DetaineeFactory()
        case = CaseFactory(detainee=early, arrested_on=dt.date(2019, 3, 1))
        SentenceFactory(case=case, sentenced_on=dt.date(2020, 1, 1))
        late = DetaineeFactory()
        CaseFactory(detainee=late, arrested_on=dt.date(2022, 6, 1))
        ExtraditionFactory(detainee=late, surrendered_on=dt.date(2022, 8, 1))
        ConsularVisitFactory(detainee=late, visited_on=dt.date(2023, 2, 10))
        client = client_for(viewer)
        assert _ids(client.get(LIST, {"arrested_from": "2019", "arrested_to": "2019"})) == {
            early.pk
        }
        assert _ids(client.get(LIST, {"arrested_from": "2020-01"})) == {late.pk}
        assert _ids(client.get(LIST, {"sentenced_to": "2020-12-31"})) == {early.pk}
        assert _ids(client.get(LIST, {"extradited_from": "2022-08"})) == {late.pk}
        assert _ids(client.get(LIST, {"visited_from": "2023-02", "visited_to": "2023-02"})) == {
            late.pk
        }

    def test_no_visit_since(self, viewer):
        recent, stale, never, denied = DetaineeFactory.create_batch(4)
        ConsularVisitFactory(detainee=recent, visited_on=dt.date(2023, 5, 1))
        ConsularVisitFactory(detainee=stale, visited_on=dt.date(2022, 1, 1))
        ConsularVisitFactory(
            detainee=denied, visited_on=dt.date(2023, 5, 1), outcome=VisitOutcome.ACCESS_DENIED
        )
        found = _ids(client_for(viewer).get(LIST, {"no_visit_since": "2023-01-01"}))
        assert found == {stale.pk, never.pk, denied.pk}

    def test_assigned_caseworker_and_mine(self, caseworker, other_caseworker):
        mine = DetaineeFactory(assigned_caseworker=caseworker)
        DetaineeFactory(assigned_caseworker=other_caseworker)
        client = client_for(caseworker)
        assert _ids(client.get(LIST, {"assigned_caseworker": caseworker.pk})) == {mine.pk}
        assert _ids(client.get(LIST, {"mine": "true"})) == {mine.pk}

    def test_bad_filter_values_name_the_parameter(self, viewer):
        response = client_for(viewer).get(LIST, {"arrested_from": "yesterday", "status": "x"})
        assert response.status_code == 400
        assert set(response.data["fields"]) == {"arrested_from", "status"}


def test_ordering_and_bounded_page_size(viewer):
    for name in ("Charlie", "Alpha", "Bravo"):
        DetaineeFactory(full_name=name)
    client = client_for(viewer)
    names = [r["full_name"] for r in client.get(LIST, {"ordering": "-full_name"}).data["results"]]
    assert names == ["Charlie", "Bravo", "Alpha"]
    response = client.get(LIST, {"page_size": 1000})
    assert response.status_code == 200 and response.data["count"] == 3
    assert client.get(LIST, {"page_size": 2}).data["next"]


def _detainee_with_everything(index: int) -> Detainee:
    person = DetaineeFactory(full_name=f"Person {index}")
    NationalityFactory(detainee=person, country="RU")
    CustodyPeriodFactory(detainee=person)
    ConsularVisitFactory(detainee=person)
    return person


def test_list_runs_the_same_queries_for_one_row_and_a_hundred(viewer):
    for index in range(6):
        _detainee_with_everything(index)
    client = client_for(viewer)
    client.get(LIST)  # warm the permission cache of the user object

    def count(page_size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST, {"page_size": page_size})
        assert response.status_code == 200
        return len(queries)

    # A hundred rows, all on one page, need no count query: never more than one row does.
    assert count(100) <= count(1)


def test_csv_export_respects_filters_and_hides_sensitive_fields(viewer, caseworker, seleznyov):
    DetaineeFactory(full_name="Ivan Petrov", welfare_notes="private")
    response = client_for(viewer).get(LIST, {"format": "csv", "nationality": "RU"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert len(lines) == 2 and "Roman Seleznyov" in lines[1]
    assert "welfare_notes" not in lines[0] and "Health is poor" not in response.content.decode()
    assert "nationalities" in lines[0] and "Russia" in lines[1]
    rows = client_for(caseworker).get(LIST, {"format": "csv"}).content.decode()
    assert "welfare_notes" in rows.splitlines()[0]


def test_csv_cells_never_start_a_formula(caseworker):
    DetaineeFactory(full_name="=HYPERLINK(evil)")
    content = client_for(caseworker).get(LIST, {"format": "csv"}).content.decode()
    assert "'=HYPERLINK(evil)" in content
