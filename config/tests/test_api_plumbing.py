"""Authentication, tokens, the one error shape, pagination and CSV: what every endpoint
shares."""

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient, APIRequestFactory

from cases.errors import Conflict, DomainError, NotPermitted
from cases.tests.factories import DetaineeFactory
from config.api import CSVRenderer, api_exception_handler

pytestmark = pytest.mark.django_db


def _issue(username: str) -> str:
    out = io.StringIO()
    call_command("api_token", "issue", username, stdout=out)
    return out.getvalue().strip()


def test_anonymous_gets_401_in_the_one_error_shape():
    response = APIClient().get("/api/v1/detainees/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "status": 401,
        "code": "not_authenticated",
        "detail": "Authentication credentials were not provided.",
        "fields": {},
    }


def test_token_issue_rotate_and_revoke(caseworker):
    first = _issue("caseworker")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert client.get("/api/v1/detainees/").status_code == 200
    second = _issue("caseworker")
    assert second != first
    assert client.get("/api/v1/detainees/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert client.get("/api/v1/detainees/").status_code == 200
    out = io.StringIO()
    call_command("api_token", "revoke", "caseworker", stdout=out)
    assert "Revoked" in out.getvalue()
    assert not Token.objects.filter(user=caseworker).exists()
    assert client.get("/api/v1/detainees/").status_code == 401


def test_token_command_refuses_unknown_and_inactive_users(viewer):
    with pytest.raises(CommandError, match="No user"):
        _issue("nobody")
    viewer.is_active = False
    viewer.save()
    with pytest.raises(CommandError, match="inactive"):
        _issue("viewer")


def test_session_authentication_for_the_browser(caseworker):
    client = APIClient()
    client.force_login(caseworker)
    assert client.get("/api/v1/detainees/").status_code == 200
    # A browser session must send the CSRF token to write.
    csrf_client = APIClient(enforce_csrf_checks=True)
    csrf_client.force_login(caseworker)
    response = csrf_client.post("/api/v1/detainees/", {"full_name": "X"})
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


@pytest.mark.parametrize(
    ("error", "status", "code", "fields"),
    [
        (
            DomainError("A detainee needs a name.", field="full_name"),
            400,
            "invalid",
            {"full_name": ["A detainee needs a name."]},
        ),
        (DomainError("Not now."), 400, "invalid", {"non_field_errors": ["Not now."]}),
        (Conflict("Already accepted."), 409, "conflict", {}),
        (NotPermitted("Reviewers only."), 403, "not_permitted", {}),
    ],
)
def test_domain_errors_map_to_their_status(error, status, code, fields):
    request = APIRequestFactory().get("/")
    response = api_exception_handler(error, {"request": request, "view": None})
    assert response.status_code == status
    assert response.data["code"] == code and response.data["fields"] == fields
    assert response.data["status"] == status and response.data["detail"]


def test_unknown_record_is_404_in_the_one_shape(viewer):
    client = APIClient()
    client.force_authenticate(viewer)
    response = client.get("/api/v1/detainees/999999/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_failed_csv_download_explains_in_json():
    response = APIClient().get("/api/v1/detainees/", {"format": "csv"})
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_authenticated"


def test_pages_are_bounded(viewer):
    DetaineeFactory.create_batch(3)
    client = APIClient()
    client.force_authenticate(viewer)
    response = client.get("/api/v1/detainees/", {"page_size": 2})
    assert len(response.data["results"]) == 2 and response.data["count"] == 3
    assert client.get("/api/v1/detainees/", {"page": 9}).status_code == 404


def test_csv_renderer_flattens_and_defuses_formulas():
    rows = [
        {
            "id": 1,
            "name": "+cmd",
            "country": {"code": "RU", "name": "Russia"},
            "tags": ["a", "b"],
            "facility": {"id": 3, "name": "Butner", "country": {"code": "US", "name": "US"}},
        },
    ]
    text = CSVRenderer().render(rows).decode()
    header, line = text.splitlines()
    assert header == "id,name,country,tags,facility.id,facility.name,facility.country"
    assert line == "1,'+cmd,Russia,a; b,3,Butner,US"


def _record_viewsets():
    from django.urls import get_resolver

    from config.api import RecordViewSet

    found = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            cls = getattr(pattern.callback, "cls", None)
            if cls is not None and issubclass(cls, RecordViewSet):
                found.add(cls)

    walk(get_resolver().url_patterns)
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.django_db
def test_every_record_viewset_names_the_model_its_permissions_are_checked_on(admin_user):
    # RolePermission takes the model from `permission_model` rather than building the
    # view's queryset: it must be the model the view reads, for every action.
    from rest_framework.request import Request

    viewsets = _record_viewsets()
    assert len(viewsets) >= 10
    for cls in viewsets:
        for action in ("list", "retrieve", "partial_update"):
            request = Request(APIRequestFactory().get("/"))
            request.user = admin_user
            view = cls(request=request, action=action, kwargs={"pk": "1"}, format_kwarg=None)
            assert view.permission_model is view.get_queryset().model, (cls.__name__, action)
