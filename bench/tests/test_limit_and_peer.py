"""The load benchmark compares the app with the limit and the peer only when their answers
are the app's: these tests hold the check itself to that, for the list and the detail."""

import datetime as dt

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from bench import endpoints, peer
from bench.caseload import generate
from cases.models import Detainee

POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def caseload(db, settings):
    settings.ROOT_URLCONF = "bench.urls"
    generate(40, seed=11, today=dt.date(2026, 6, 1))


def _variants(path: str) -> dict:
    """The limit runs PostgreSQL's JSON functions: on other databases only the peer."""
    return {
        "limit": f"/bench/limit/{path}" if POSTGRES else None,
        "peer": f"/bench/peer/{path}",
    }


def _list() -> endpoints.Endpoint:
    query = "detainees/?nationality=RU&page_size=7&page=2"
    return endpoints.Endpoint("list", f"/api/v1/{query}", **_variants(query))


def _detail(detainee: Detainee) -> endpoints.Endpoint:
    path = f"detainees/{detainee.pk}/"
    return endpoints.Endpoint("detail", f"/api/v1/{path}", **_variants(path))


def test_the_answers_of_the_limit_and_the_peer_are_ours(caseload):
    token = endpoints.viewer_token()
    endpoints.check_payloads(_list(), token)
    for detainee in Detainee.objects.filter(is_restricted=False).order_by("id")[:10]:
        endpoints.check_payloads(_detail(detainee), token)


def _search(query: str) -> endpoints.Endpoint:
    path = f"detainees/?search={query}&page_size=50"
    return endpoints.Endpoint("search", f"/api/v1/{path}", **_variants(path))


def test_a_name_search_finds_and_ranks_the_same_people_in_all_three(caseload, settings):
    token = endpoints.viewer_token()
    # A surname of the caseload, a prefix of one (which ranks whole words first), two words,
    # and beyond the exact-count limit (an estimated count on PostgreSQL).
    person = Detainee.objects.filter(is_restricted=False).order_by("id").first()
    given, surname = person.full_name.split()[0], person.full_name.split()[-1]
    for query in [surname, surname[:3], f"{given} {surname}"]:
        endpoints.check_payloads(_search(query), token)
    settings.EXACT_COUNT_LIMIT = 2
    endpoints.check_payloads(_search(surname[:2]), token)


def test_a_caseworker_sees_sensitive_fields_in_all_three(caseload):
    detainee = Detainee.objects.filter(assigned_caseworker__isnull=False).first()
    Detainee.objects.filter(pk=detainee.pk).update(
        is_restricted=True, welfare_notes="Needs insulin."
    )
    token = Token.objects.create(user=detainee.assigned_caseworker).key
    endpoints.check_payloads(_detail(detainee), token)
    endpoints.check_payloads(_list(), token)


def test_an_answer_that_differs_fails_the_check(caseload, monkeypatch):
    shown = peer.PeerListSerializer.to_representation

    def one_field_off(self, detainee):
        data = shown(self, detainee)
        data["status_label"] = data["status_label"].upper()
        return data

    monkeypatch.setattr(peer.PeerListSerializer, "to_representation", one_field_off)
    with pytest.raises(endpoints.PayloadMismatch, match="status_label"):
        endpoints.check_payloads(_list(), endpoints.viewer_token())


@pytest.mark.skipif(not POSTGRES, reason="the limit runs PostgreSQL's JSON functions")
def test_a_restricted_person_is_missing_from_the_limit_as_from_ours(caseload, client):
    detainee = Detainee.objects.first()
    Detainee.objects.filter(pk=detainee.pk).update(is_restricted=True)
    auth = {"HTTP_AUTHORIZATION": f"Token {endpoints.viewer_token()}"}
    assert client.get(f"/api/v1/detainees/{detainee.pk}/", **auth).status_code == 404
    assert client.get(f"/bench/limit/detainees/{detainee.pk}/", **auth).status_code == 404
