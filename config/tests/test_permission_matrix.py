"""Every role against every endpoint and method of the API, with token authentication."""

import pytest
from rest_framework.test import APIClient

from cases import roles
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    NameVariantFactory,
    SentenceFactory,
    SourceFactory,
    UserFactory,
)
from config.api import token_issue
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", roles.VIEWER, roles.CASEWORKER, roles.REVIEWER, roles.ADMIN)
WRITERS = (roles.CASEWORKER, roles.REVIEWER, roles.ADMIN)

# resource: (record to read and edit, POST body, PATCH body, deletable)
RESOURCES = {
    "detainees": ("detainee", lambda r: {"full_name": "New Person"}, {"priority": "high"}, False),
    "name-variants": (
        "variant",
        lambda r: {"detainee": r["detainee"].pk, "name": "Another Spelling"},
        {"name": "Corrected Spelling"},
        True,
    ),
    "cases": (
        "case",
        lambda r: {"detainee": r["detainee"].pk, "country": "DE"},
        {"court": "District court"},
        False,
    ),
    "charges": (
        "charge",
        lambda r: {"case": r["case"].pk, "description": "money laundering"},
        {"statute": "18 U.S.C. 1956"},
        False,
    ),
    "sentences": (
        "sentence",
        lambda r: {"case": r["case"].pk, "term_years": 2},
        {"notes": "Under appeal"},
        False,
    ),
    "custody-periods": (
        "custody",
        lambda r: {"detainee": r["detainee"].pk, "facility": r["spare_facility"].pk},
        {"started_on": "2020"},
        False,
    ),
    "extraditions": (
        "extradition",
        lambda r: {"detainee": r["detainee"].pk, "from_country": "ES", "to_country": "US"},
        {"notes": "Appeal lost"},
        False,
    ),
    "facilities": (
        "spare_facility",
        lambda r: {"name": "New Prison", "country": "US"},
        {"locality": "Springfield"},
        True,
    ),
    "sources": ("spare_source", lambda r: {"title": "A new report"}, {"outlet": "Wire"}, True),
    "visits": (
        "visit",
        lambda r: {"detainee": r["detainee"].pk, "visitors": "Consul John Doe"},
        {"follow_up": "Send books"},
        False,
    ),
}
STATS = ("summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities")


@pytest.fixture
def records():
    detainee = DetaineeFactory(welfare_notes="Needs medication")
    case = CaseFactory(detainee=detainee)
    return {
        "detainee": detainee,
        "variant": NameVariantFactory(detainee=detainee, name="Spelling"),
        "case": case,
        "charge": ChargeFactory(case=case),
        "sentence": SentenceFactory(case=case),
        "custody": CustodyPeriodFactory(detainee=detainee),
        "extradition": ExtraditionFactory(detainee=detainee),
        "spare_facility": FacilityFactory(),
        "spare_source": SourceFactory(),
        "visit": ConsularVisitFactory(detainee=detainee, observations="Bruises"),
    }


@pytest.fixture
def client_as(role_groups):
    def make(role: str) -> APIClient:
        client = APIClient()
        if role == "anonymous":
            return client
        user = UserFactory(
            username=f"matrix-{role}",
            role=None if role == "outsider" else role,
            is_superuser=role == roles.ADMIN,
        )
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user).key}")
        return client

    return make


def expected(role: str, method: str, deletable: bool) -> int:
    if role == "anonymous":
        return 401
    if role == "outsider":
        return 403
    if method == "get":
        return 200
    if method == "delete":
        if role != roles.ADMIN:
            return 403
        return 204 if deletable else 405
    if role not in WRITERS:
        return 403
    return 201 if method == "post" else 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("resource", RESOURCES)
def test_resource(client_as, records, role, resource):
    key, post_body, patch_body, deletable = RESOURCES[resource]
    client = client_as(role)
    collection = f"/api/v1/{resource}/"
    item = f"{collection}{records[key].pk}/"
    calls = [
        ("list", "get", lambda: client.get(collection)),
        ("retrieve", "get", lambda: client.get(item)),
        ("create", "post", lambda: client.post(collection, post_body(records), format="json")),
        ("update", "patch", lambda: client.patch(item, patch_body, format="json")),
        ("delete", "delete", lambda: client.delete(item)),
    ]
    for name, method, call in calls:
        response = call()
        want = expected(role, method, deletable)
        assert response.status_code == want, (name, response.content)
        if want >= 400:
            body = response.json()
            assert body["status"] == want, name
            assert set(body) == {"status", "code", "detail", "fields"}, name
        if want == 401:
            assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("role", ROLES)
def test_stats(client_as, records, role):
    client = client_as(role)
    for name in STATS:
        response = client.get(f"/api/v1/stats/{name}/")
        assert response.status_code == expected(role, "get", False), (name, response.content)


@pytest.mark.parametrize("role", ROLES)
def test_sensitive_fields_follow_the_role(client_as, records, role):
    client = client_as(role)
    detainee = client.get(f"/api/v1/detainees/{records['detainee'].pk}/")
    visit = client.get(f"/api/v1/visits/{records['visit'].pk}/")
    if role in ("anonymous", "outsider"):
        return
    shows = role != roles.VIEWER
    assert ("welfare_notes" in detainee.data) is shows
    assert ("observations" in visit.data) is shows
    assert ("Needs medication" in detainee.content.decode()) is shows
    assert ("Bruises" in visit.content.decode()) is shows
