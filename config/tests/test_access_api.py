"""Who may change restriction and assignment, one transaction per request, and filters
that never tell a restricted case from a missing one."""

import pytest
from rest_framework.test import APIClient

from cases import services
from cases.models import Detainee
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
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db

MISSING_ID = 987654


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def restricted(other_caseworker):
    """A restricted person assigned to someone else, with a record of every kind."""
    person = DetaineeFactory(
        full_name="Hidden Person", is_restricted=True, assigned_caseworker=other_caseworker
    )
    case = CaseFactory(detainee=person)
    ChargeFactory(case=case)
    SentenceFactory(case=case)
    CustodyPeriodFactory(detainee=person)
    ExtraditionFactory(detainee=person, case=case)
    NameVariantFactory(detainee=person, name="Hidden Persson")
    ConsularVisitFactory(detainee=person)
    source = SourceFactory(title="Only about the hidden person")
    services.cite(person, source, "the quote")
    return person


# --- Restriction and assignment -----------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [{"is_restricted": True}, {"assigned_caseworker": "self"}],
    ids=["restrict", "assign"],
)
def test_a_caseworker_cannot_restrict_or_assign(caseworker, change):
    person = DetaineeFactory(full_name="Open Person")
    if change.get("assigned_caseworker") == "self":
        change = {"assigned_caseworker": caseworker.pk}
    response = client_for(caseworker).patch(f"/api/v1/detainees/{person.pk}/", change)
    assert response.status_code == 403, response.data
    assert response.data["code"] == "not_permitted"
    person.refresh_from_db()
    assert (person.is_restricted, person.assigned_caseworker) == (False, None)


def test_a_caseworker_cannot_create_a_restricted_case(caseworker):
    response = client_for(caseworker).post(
        "/api/v1/detainees/",
        {"full_name": "New Person", "is_restricted": True, "assigned_caseworker": caseworker.pk},
    )
    assert response.status_code == 403
    assert not Detainee.objects.filter(full_name="New Person").exists()


def test_sending_the_same_restriction_back_is_no_change(caseworker):
    person = DetaineeFactory(assigned_caseworker=caseworker)
    response = client_for(caseworker).patch(
        f"/api/v1/detainees/{person.pk}/",
        {"priority": "high", "is_restricted": False, "assigned_caseworker": caseworker.pk},
    )
    assert response.status_code == 200, response.data
    person.refresh_from_db()
    assert person.priority == "high"


def test_restricting_without_a_caseworker_is_a_clear_400(admin_user):
    person = DetaineeFactory()
    response = client_for(admin_user).patch(
        f"/api/v1/detainees/{person.pk}/", {"is_restricted": True}
    )
    assert response.status_code == 400
    assert "assigned_caseworker" in response.data["fields"]
    person.refresh_from_db()
    assert person.is_restricted is False


def test_an_administrator_restricts_and_assigns(admin_user, caseworker):
    person = DetaineeFactory()
    response = client_for(admin_user).patch(
        f"/api/v1/detainees/{person.pk}/",
        {"is_restricted": True, "assigned_caseworker": caseworker.pk},
    )
    assert response.status_code == 200, response.data
    assert response.data["is_restricted"] is True
    assert client_for(caseworker).get(f"/api/v1/detainees/{person.pk}/").status_code == 200


def test_the_permission_lets_a_non_administrator_restrict_only_within_sight(
    caseworker, other_caseworker
):
    from django.contrib.auth.models import Permission

    caseworker.user_permissions.add(Permission.objects.get(codename="restrict_detainee"))
    person = DetaineeFactory()
    # A fresh user object: permissions are cached on the one in hand.
    client = client_for(type(caseworker).objects.get(pk=caseworker.pk))
    away = client.patch(
        f"/api/v1/detainees/{person.pk}/",
        {"is_restricted": True, "assigned_caseworker": other_caseworker.pk},
    )
    assert away.status_code == 400
    kept = client.patch(
        f"/api/v1/detainees/{person.pk}/",
        {"is_restricted": True, "assigned_caseworker": caseworker.pk},
    )
    assert kept.status_code == 200, kept.data


# --- One transaction per request ------------------------------------------------------------


def test_a_request_that_fails_after_a_first_write_leaves_nothing(caseworker, monkeypatch):
    person = DetaineeFactory(full_name="Before Change")
    source = SourceFactory()

    cite = services.cite

    def cite_then_fail(fact, source, quote=""):
        if source is not None:
            raise RuntimeError("the disk is full")
        return cite(fact, source, quote)

    # The update service writes the name (and its variants) and returns; then citing the
    # source, a second step of the same request, fails.
    monkeypatch.setattr(services, "cite", cite_then_fail)
    client = client_for(caseworker)
    client.raise_request_exception = False
    response = client.patch(
        f"/api/v1/detainees/{person.pk}/", {"full_name": "After Change", "source": source.pk}
    )
    assert response.status_code == 500
    person.refresh_from_db()
    assert person.full_name == "Before Change"
    assert not person.name_variants.filter(name="After Change").exists()


# --- Restricted and missing look the same ----------------------------------------------------

DETAINEE_FILTERS = [
    "name-variants",
    "cases",
    "charges",
    "sentences",
    "custody-periods",
    "extraditions",
    "sources",
    "visits",
]


@pytest.mark.parametrize("resource", DETAINEE_FILTERS)
def test_a_restricted_detainee_filters_like_a_missing_one(caseworker, restricted, resource):
    client = client_for(caseworker)
    hidden = client.get(f"/api/v1/{resource}/", {"detainee": restricted.pk})
    missing = client.get(f"/api/v1/{resource}/", {"detainee": MISSING_ID})
    assert hidden.status_code == missing.status_code == 400
    assert hidden.data["fields"].keys() == missing.data["fields"].keys() == {"detainee"}
    assert hidden.data["fields"]["detainee"] == [
        m.replace(str(MISSING_ID), str(restricted.pk)) for m in missing.data["fields"]["detainee"]
    ]


@pytest.mark.parametrize("resource", DETAINEE_FILTERS)
def test_the_assigned_caseworker_filters_by_their_restricted_detainee(
    other_caseworker, restricted, resource
):
    response = client_for(other_caseworker).get(f"/api/v1/{resource}/", {"detainee": restricted.pk})
    assert response.status_code == 200
    assert response.data["count"] >= 1


@pytest.mark.parametrize("resource", ["charges", "sentences", "extraditions"])
def test_a_restricted_case_filters_like_a_missing_one(caseworker, restricted, resource):
    client = client_for(caseworker)
    case = restricted.cases.get()
    hidden = client.get(f"/api/v1/{resource}/", {"case": case.pk})
    missing = client.get(f"/api/v1/{resource}/", {"case": MISSING_ID})
    assert hidden.status_code == missing.status_code == 400


def test_sources_of_a_restricted_detainee_are_not_listed(caseworker, restricted):
    response = client_for(caseworker).get("/api/v1/sources/", {"detainee": restricted.pk})
    assert "Only about the hidden person" not in str(response.data)


@pytest.mark.parametrize("resource", DETAINEE_FILTERS)
def test_the_outsider_gets_no_list_at_all(outsider, restricted, resource):
    response = client_for(outsider).get(f"/api/v1/{resource}/", {"detainee": restricted.pk})
    assert response.status_code == 403


# --- Schema and docs -------------------------------------------------------------------------


def test_the_schema_needs_credentials(client, viewer):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    client.force_login(viewer)
    assert client.get("/api/v1/schema/").status_code == 200


def test_the_docs_page_sends_people_to_sign_in(client, viewer):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(viewer)
    assert client.get("/api/v1/docs/").status_code == 200
