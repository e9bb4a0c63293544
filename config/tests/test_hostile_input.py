"""Input an attacker (or a careless client) sends: every answer is a deliberate 4xx in the one
error shape, never a crash, an HTML page from the API, or megabytes of output."""

import json

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from cases.tests.factories import CaseFactory, DetaineeFactory, NationalityFactory
from consular.tests.factories import ConsularVisitFactory
from ingest.tests.factories import DraftFactFactory, DraftFactory

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"status", "code", "detail", "fields"}


@pytest.fixture
def api(admin_user):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(admin_user)
    return client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS and body["status"] == status
    return body


LISTS_WITH_DATES = [
    ("detainees", "arrested_to"),
    ("cases", "arrested_to"),
    ("charges", "arrested_from"),
    ("sentences", "sentenced_to"),
    ("extraditions", "extradited_from"),
    ("visits", "visited_to"),
    ("stats/summary", "date_to"),
]


@pytest.mark.parametrize(("path", "name"), LISTS_WITH_DATES)
def test_a_percent_sign_in_a_date_filter_is_a_400(api, path, name):
    body = _error(api.get(f"/api/v1/{path}/?{name}=q%"), 400)
    assert "'q%' is not a date" in body["fields"][name][0]


def test_json_nested_100000_deep_is_a_400(api):
    deep = "[" * 100_000 + "]" * 100_000
    body = _error(api.post("/api/v1/sources/", deep, content_type="application/json"), 400)
    assert body["code"] == "parse_error"


def test_a_nul_character_in_draft_edits_is_a_400(api, admin_user):
    fact = DraftFactFactory(draft=DraftFactory(name="Ivor Quill"))
    response = api.post(
        f"/api/v1/drafts/{fact.draft_id}/accept/",
        {"edits": {str(fact.pk): {"name": "Ivor\x00Quill"}}},
        format="json",
    )
    body = _error(response, 400)
    assert "control character" in json.dumps(body)
    fact.refresh_from_db()
    assert fact.value == {"name": "Ivor Quill"}


@pytest.mark.parametrize("end", ["9999", "9998"])
def test_visits_per_month_over_the_widest_range_is_small(api, end):
    ConsularVisitFactory(detainee=DetaineeFactory())
    response = api.get(f"/api/v1/stats/visits/?date_from=0001&date_to={end}")
    assert response.status_code == 200
    assert len(response.content) < 100_000
    assert 1 <= len(response.json()["per_month"]) <= 600


def test_the_browsable_api_shows_a_detainee(client, admin_user):
    detainee = DetaineeFactory(full_name="Ivor Quill")
    NationalityFactory(detainee=detainee, country="RU")
    CaseFactory(detainee=detainee)
    client.force_login(admin_user)
    response = client.get(f"/api/v1/detainees/{detainee.pk}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Ivor Quill" in response.content


def test_a_body_over_the_limit_is_a_413_in_the_error_shape(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    payload = json.dumps({"title": "x" * 20_000})
    body = _error(api.post("/api/v1/sources/", payload, content_type="application/json"), 413)
    assert body["code"] == "too_large"
    assert "5 MB" in body["detail"]


def test_the_body_limit_fits_the_largest_article_however_it_is_encoded():
    # Non-Latin text percent-encoded in a form, or \\u-escaped in JSON, takes three bytes on
    # the wire per byte of the article.
    assert settings.INGEST_MAX_DOCUMENT_BYTES == 5_000_000
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 3 * settings.INGEST_MAX_DOCUMENT_BYTES


@pytest.mark.parametrize(
    "path",
    ["/api/v1/detainees/1.5/", "/api/v1/detainees/abc/", "/api/v1/no-such-thing/"],
)
def test_addresses_that_match_nothing_are_a_json_404(api, path):
    _error(api.get(path), 404)


def test_pages_outside_the_api_keep_their_html_404(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("value", ["0", "-1", "abc", "null"])
def test_a_page_size_that_is_not_a_positive_number_is_a_400(api, value):
    body = _error(api.get(f"/api/v1/facilities/?page_size={value}"), 400)
    assert "page_size" in body["fields"]


def test_an_empty_filter_is_the_same_as_none(api):
    DetaineeFactory()
    response = api.get("/api/v1/detainees/?nationality=&arrested_from=&page_size=")
    assert response.status_code == 200 and response.json()["count"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/detainees/?mine=maybe",
        "/api/v1/custody-periods/?current=-5",
        "/api/v1/cases/?archived=maybe",
    ],
)
def test_a_boolean_filter_that_is_not_true_or_false_is_a_400(api, query):
    _error(api.get(query), 400)


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Butyrka", "country": {}},
        {"name": "Butyrka", "country": "RU", "notes": 5},
        {"name": 12, "country": "RU"},
    ],
)
def test_a_value_of_the_wrong_json_type_is_a_400_not_converted(api, body):
    _error(api.post("/api/v1/facilities/", body, format="json"), 400)


def test_a_flag_sent_as_text_is_a_400(api):
    detainee = DetaineeFactory()
    response = api.patch(
        f"/api/v1/detainees/{detainee.pk}/",
        {"priority": "high", "is_restricted": "no"},
        format="json",
    )
    _error(response, 400)


def test_a_malformed_page_is_a_400_for_a_csv_download_too(api):
    _error(api.get("/api/v1/sources/?page=%C3%AC&format=csv"), 400)
    assert api.get("/api/v1/sources/?page=&format=csv").status_code == 200
