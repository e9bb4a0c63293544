"""The API against the demo data, as a client with a token uses it."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from config.api import token_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(caseworker):
    call_command("load_demo", "--count", "40", "--no-users", verbosity=0)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=caseworker).key}")
    return client


def test_a_token_client_works_through_the_demo_data(client):
    listing = client.get("/api/v1/detainees/", {"page_size": 100})
    assert listing.status_code == 200 and listing.data["count"] >= 40
    for query in ("Seleznev", "Селезнёв"):
        found = client.get("/api/v1/detainees/", {"search": query}).data["results"]
        assert [row["full_name"] for row in found] == ["Roman Seleznyov"]
    seleznyov = client.get(f"/api/v1/detainees/{found[0]['id']}/").data
    # Released in the exchange of 1 August 2024: held at Butner before, by no one now.
    assert (seleznyov["status"], seleznyov["current_facility"]) == ("exchanged", None)
    assert seleznyov["custody_periods"][0]["facility"]["name"] == (
        "Federal Correctional Complex Butner"
    )
    assert seleznyov["cases"][0]["sentences"][0]["term_years"] == 27
    held = client.get("/api/v1/detainees/", {"nationality": "RU", "detaining_country": "US"})
    assert held.status_code == 200 and held.data["count"] >= 2
    for name in (
        "summary",
        "extraditions",
        "charges",
        "sentences",
        "visits",
        "overdue",
        "facilities",
    ):
        response = client.get(f"/api/v1/stats/{name}/", {"nationality": "RU"})
        assert response.status_code == 200, (name, response.content)
    summary = client.get("/api/v1/stats/summary/").data
    assert summary["totals"]["detainees"] == listing.data["count"]

    person = client.post(
        "/api/v1/detainees/", {"full_name": "Test Person", "nationalities": ["RU"]}
    )
    case = client.post(
        "/api/v1/cases/",
        {
            "detainee": person.data["id"],
            "country": "US",
            "charges": [{"description": "wire fraud", "category": "fraud"}],
            "sentence": {"term_years": 4},
        },
        format="json",
    )
    assert case.status_code == 201, case.data
    extradition = client.post(
        "/api/v1/extraditions/",
        {
            "detainee": person.data["id"],
            "from_country": "TH",
            "to_country": "US",
            "status": "surrendered",
            "surrendered_on": "2024-02",
        },
        format="json",
    )
    assert extradition.status_code == 201, extradition.data
