import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cases.tests.factories import DetaineeFactory, FacilityFactory, NationalityFactory
from consular.constants import VisitOutcome
from consular.models import ConsularVisit
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/visits/"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.data["results"]}


def test_caseworker_logs_a_visit_with_observations(caseworker):
    person, prison = DetaineeFactory(), FacilityFactory()
    response = client_for(caseworker).post(
        LIST,
        {
            "detainee": person.pk,
            "facility": prison.pk,
            "visited_on": "2023-04-26",
            "visitors": "Consul Jane Roe",
            "observations": "Lost weight",
            "follow_up": "Ask for a doctor",
        },
    )
    assert response.status_code == 201, response.data
    assert response.data["visited_on"] == "2023-04-26"
    assert response.data["observations"] == "Lost weight"
    assert response.data["facility"]["id"] == prison.pk
    response = client_for(caseworker).post(LIST, {"detainee": person.pk, "visitors": " "})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["visitors"]
    assert ConsularVisit.objects.count() == 1


def test_filters(viewer):
    ru, ua = DetaineeFactory(), DetaineeFactory()
    NationalityFactory(detainee=ru, country="RU")
    NationalityFactory(detainee=ua, country="UA")
    done = ConsularVisitFactory(detainee=ru, visited_on=dt.date(2023, 1, 10))
    denied = ConsularVisitFactory(
        detainee=ua, visited_on=dt.date(2023, 5, 10), outcome=VisitOutcome.ACCESS_DENIED
    )
    client = client_for(viewer)
    assert _ids(client.get(LIST, {"outcome": "denied"})) == {denied.pk}
    assert _ids(client.get(LIST, {"nationality": "RU"})) == {done.pk}
    assert _ids(client.get(LIST, {"visited_from": "2023-05"})) == {denied.pk}
    assert _ids(client.get(LIST, {"visited_to": "2023-01"})) == {done.pk}
    assert _ids(client.get(LIST, {"detainee": ua.pk})) == {denied.pk}


def test_visits_to_another_caseworkers_restricted_case_are_hidden(caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    visit = ConsularVisitFactory(detainee=hidden)
    client = client_for(caseworker)
    assert client.get(LIST).data["count"] == 0
    assert client.get(f"{LIST}{visit.pk}/").status_code == 404
    assert client.patch(f"{LIST}{visit.pk}/", {"follow_up": "x"}).status_code == 404
    assert client_for(other_caseworker).get(f"{LIST}{visit.pk}/").status_code == 200


def test_update_and_no_delete(caseworker, admin_user):
    visit = ConsularVisitFactory()
    response = client_for(caseworker).patch(
        f"{LIST}{visit.pk}/", {"outcome": "postponed", "visited_on": "2023-05"}
    )
    assert response.status_code == 200, response.data
    assert response.data["outcome"] == "postponed" and response.data["visited_on"] == "2023-05"
    assert client_for(admin_user).delete(f"{LIST}{visit.pk}/").status_code == 405


def test_list_runs_the_same_queries_for_one_row_and_a_hundred(viewer):
    for _ in range(5):
        ConsularVisitFactory(detainee=DetaineeFactory(), facility=FacilityFactory())
    client = client_for(viewer)
    client.get(LIST)

    def count(page_size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"page_size": page_size}).status_code == 200
        return len(queries)

    # A hundred rows, all on one page, need no count query: never more than one row does.
    assert count(100) <= count(1)


def test_csv_export_of_visits(caseworker):
    ConsularVisitFactory(observations="Needs glasses", visitors="Consul A")
    response = client_for(caseworker).get(LIST, {"format": "csv"})
    assert response.status_code == 200
    header, row = response.content.decode().splitlines()
    assert "observations" in header and "Needs glasses" in row
    assert 'filename="visit.csv"' in response["Content-Disposition"]
