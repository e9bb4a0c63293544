"""Recording official figures: the rules of a cited claim, the API by role and the admin."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from cases.errors import DomainError
from cases.tests.factories import DetaineeFactory, NationalityFactory
from figures import services
from figures.constants import Definition, Qualifier
from figures.models import OfficialFigure

from .factories import OfficialFigureFactory

pytestmark = pytest.mark.django_db

CLAIM = {
    "said_by": "Ministry of Foreign Affairs",
    "said_on": dt.date(2025, 3, 1),
    "number": 59,
    "qualifier": Qualifier.EXACTLY,
    "definition": Definition.EXTRADITED_SINCE,
    "nationality": "RU",
    "country": "US",
    "since_year": 2019,
    "source_url": "https://mfa.example.org/briefing",
}


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_cited_claim_is_recorded_with_who_entered_it(caseworker):
    figure = services.figure_record(**CLAIM, user=caseworker)
    assert figure.created_by == caseworker
    assert figure.number_display == "59"
    assert str(figure) == "Ministry of Foreign Affairs, 2025-03-01: 59"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"since_year": None}, "since_year"),
        ({"since_year": 2026}, "since_year"),
        ({"definition": Definition.HELD_IN}, "since_year"),
        ({"source_url": "", "source_document": ""}, "source_url"),
        ({"said_on": dt.date.today() + dt.timedelta(days=2)}, "said_on"),
        ({"said_by": "  "}, "said_by"),
        ({"definition": "prisoners_everywhere"}, "definition"),
        ({"source_url": "ftp://mfa.example.org/briefing"}, "source_url"),
    ],
)
def test_a_claim_that_breaks_a_rule_is_refused(changes, field):
    with pytest.raises(DomainError) as error:
        services.figure_record(**{**CLAIM, **changes})
    assert error.value.field == field
    assert not OfficialFigure.objects.exists()


def test_a_document_without_a_link_is_a_source():
    figure = services.figure_record(
        **{**CLAIM, "source_url": "", "source_document": "Annual report 2024, p. 12"}
    )
    assert figure.source_document == "Annual report 2024, p. 12"


def test_the_database_keeps_the_rules():
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialFigure.objects.create(**{**CLAIM, "source_url": ""})
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialFigure.objects.create(**{**CLAIM, "since_year": None})


def test_the_api_lists_figures_and_gives_the_count_beside_one(viewer):
    person = DetaineeFactory(status="convicted", detaining_country="US")
    NationalityFactory(detainee=person, country="RU")
    figure = OfficialFigureFactory(number=100, definition=Definition.HELD_IN)
    listed = api(viewer).get("/api/v1/figures/")
    assert listed.status_code == 200
    row = listed.json()["results"][0]
    assert row["question"] == "Nationals of Russia held in United States of America now"
    assert row["number_display"] == "at least / more than 100"
    detail = api(viewer).get(f"/api/v1/figures/{figure.pk}/").json()
    assert (detail["record_count"], detail["gap"]) == (1, 99)


def test_a_viewer_cannot_record_a_figure_and_a_caseworker_can(viewer, caseworker):
    body = {**CLAIM, "said_on": "2025-03-01"}
    assert api(viewer).post("/api/v1/figures/", body, format="json").status_code == 403
    response = api(caseworker).post("/api/v1/figures/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["record_count"] == 0
    assert OfficialFigure.objects.get().created_by == caseworker


def test_the_api_answers_a_broken_rule_with_the_field(caseworker):
    body = {**CLAIM, "said_on": "2025-03-01", "since_year": None}
    response = api(caseworker).post("/api/v1/figures/", body, format="json")
    assert response.status_code == 400
    assert "since_year" in response.json()["fields"]
    figure = OfficialFigureFactory(definition=Definition.HELD_IN)
    response = api(caseworker).patch(
        f"/api/v1/figures/{figure.pk}/", {"definition": Definition.DETAINED_SINCE}, format="json"
    )
    assert response.status_code == 400 and "since_year" in response.json()["fields"]
    response = api(caseworker).patch(
        f"/api/v1/figures/{figure.pk}/",
        {"definition": Definition.DETAINED_SINCE, "since_year": 2020},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["question"].endswith("since 2020")


def test_the_admin_shows_the_count_and_checks_the_rules(client, admin_user):
    figure = OfficialFigureFactory(number=4, definition=Definition.HELD_IN)
    person = DetaineeFactory(status="detained", detaining_country="US")
    NationalityFactory(detainee=person, country="RU")
    client.force_login(admin_user)
    page = client.get(reverse("admin:figures_officialfigure_change", args=[figure.pk]))
    assert page.status_code == 200
    assert "1 (gap +3)" in page.content.decode()
    response = client.post(
        reverse("admin:figures_officialfigure_add"),
        {
            "said_by": "Embassy",
            "said_on": "2025-01-01",
            "qualifier": "about",
            "number": "10",
            "definition": Definition.DETAINED_SINCE,
            "nationality": "RU",
            "country": "US",
            "since_year": "",
            "source_url": "https://embassy.example.org/x",
            "record_version": "",
        },
    )
    assert response.status_code == 200
    assert "Give the year this figure counts from." in response.content.decode()
    assert OfficialFigure.objects.count() == 1
