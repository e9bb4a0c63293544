"""Every list endpoint of the case record: the query count does not grow with the page, and
rows of restricted cases stay out of sight."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    NameVariantFactory,
    SentenceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "detainees",
    "name-variants",
    "cases",
    "charges",
    "sentences",
    "custody-periods",
    "extraditions",
    "facilities",
    "sources",
]


def _rich_detainee(restricted_for=None):
    detainee = DetaineeFactory(
        is_restricted=restricted_for is not None, assigned_caseworker=restricted_for
    )
    source = SourceFactory()
    detainee.citations.create(source=source, quote="reported")
    NameVariantFactory(detainee=detainee)
    case = CaseFactory(detainee=detainee)
    case.citations.create(source=source)
    ChargeFactory(case=case)
    ChargeFactory(case=case, description="second charge")
    SentenceFactory(case=case)
    CustodyPeriodFactory(detainee=detainee)
    ExtraditionFactory(detainee=detainee)
    return detainee


@pytest.mark.parametrize("resource", LISTS)
def test_same_queries_for_one_row_and_a_hundred(viewer, resource):
    for _ in range(4):
        _rich_detainee()
    client = APIClient()
    client.force_authenticate(viewer)
    url = f"/api/v1/{resource}/"
    client.get(url)

    def count(page_size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"page_size": page_size})
        assert response.status_code == 200
        assert len(response.data["results"]) == min(page_size, response.data["count"])
        return len(queries)

    # A hundred rows, all on one page, need no count query: never more than one row does.
    assert count(100) <= count(1)


@pytest.mark.parametrize(
    "resource",
    [
        "detainees",
        "name-variants",
        "cases",
        "charges",
        "sentences",
        "custody-periods",
        "extraditions",
    ],
)
def test_rows_of_another_caseworkers_restricted_case_are_hidden(
    caseworker, other_caseworker, resource
):
    _rich_detainee(restricted_for=other_caseworker)
    mine = APIClient()
    mine.force_authenticate(caseworker)
    theirs = APIClient()
    theirs.force_authenticate(other_caseworker)
    assert mine.get(f"/api/v1/{resource}/").data["count"] == 0
    assert theirs.get(f"/api/v1/{resource}/").data["count"] > 0


def test_a_country_filter_takes_a_country_code_and_refuses_anything_else(viewer):
    from rest_framework.test import APIClient

    from cases.tests.factories import DetaineeFactory, NationalityFactory

    client = APIClient()
    client.force_authenticate(viewer)
    NationalityFactory(detainee=DetaineeFactory(full_name="Ona Russkaya"), country="RU")
    NationalityFactory(detainee=DetaineeFactory(full_name="Ein Deutscher"), country="DE")
    found = client.get("/api/v1/detainees/", {"nationality": "RU"}).data["results"]
    assert [row["full_name"] for row in found] == ["Ona Russkaya"]
    for wrong in ("XX", "ru", "Russia", "R"):
        answer = client.get("/api/v1/detainees/", {"nationality": wrong})
        assert answer.status_code == 400, wrong
        assert "nationality" in answer.content.decode()
    assert client.get("/api/v1/visits/", {"nationality": "XX"}).status_code == 400
    assert client.get("/api/v1/visits/", {"nationality": "RU"}).status_code == 200


def test_a_filter_on_a_restricted_person_answers_each_user_by_what_they_may_see(
    caseworker, other_caseworker
):
    # Filter forms are built once per language (RecordFilterSet.get_form_class), except
    # those offering a choice among the rows the user may see: one user's choices must
    # never reach the next.
    person = _rich_detainee(restricted_for=other_caseworker)
    mine = APIClient()
    mine.force_authenticate(caseworker)
    theirs = APIClient()
    theirs.force_authenticate(other_caseworker)
    for _ in range(2):
        assert theirs.get("/api/v1/cases/", {"detainee": person.pk}).data["count"] == 1
        assert mine.get("/api/v1/cases/", {"detainee": person.pk}).status_code == 400


def test_a_filter_form_is_built_once_per_language():
    from django.utils import translation

    from cases.filters import DetaineeFilter

    def form_class():
        return type(DetaineeFilter(data={"status": "charged"}).form)

    with translation.override("en"):
        english = form_class()
        assert form_class() is english
    with translation.override("ru"):
        assert form_class() is not english
    assert DetaineeFilter(data={"status": "nonsense"}).is_valid() is False
