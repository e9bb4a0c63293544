"""Sign-in locks after a few failures, per username and per address; the API limits each
token and wrong tokens per address, answering 429 with Retry-After in its error shape."""

import pytest
from rest_framework.test import APIClient

from config.api import token_issue

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # the factories' password


@pytest.fixture
def signin_throttle(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_sign_in_works_with_the_throttle_on(client, signin_throttle, caseworker):
    response = sign_in(client, "caseworker", PASSWORD)
    assert response.status_code == 302


def test_a_username_locks_after_a_few_failures_from_any_address(
    client, signin_throttle, caseworker
):
    for n in range(2):
        assert sign_in(client, "caseworker", "wrong", address=f"198.51.100.{n}").status_code == 200
    # The third failure reaches the limit: from now on even the right password waits.
    assert sign_in(client, "caseworker", "wrong", address="198.51.100.2").status_code == 429
    locked = sign_in(client, "caseworker", PASSWORD, address="198.51.100.99")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_locks_after_a_few_failures_for_any_username(
    client, signin_throttle, caseworker
):
    for name in ("alice", "bob", "carol"):
        sign_in(client, name, "wrong")
    assert sign_in(client, "caseworker", PASSWORD).status_code == 429
    # Another address is not locked.
    assert sign_in(client, "caseworker", PASSWORD, address="192.0.2.1").status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(client, signin_throttle, caseworker):
    for n in range(3):
        client.post(
            "/accounts/login/",
            {"username": f"guess{n}", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = client.post(
        "/accounts/login/",
        {"username": "caseworker", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="10.0.0.99",
    )
    assert response.status_code == 429


def test_the_admin_sign_in_is_throttled_too(client, signin_throttle, admin_user):
    for _ in range(3):
        client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 429


def test_a_token_is_limited_with_retry_after(settings, viewer):
    settings.API_THROTTLE_RATES = {"user": "3/minute", "failed_token": None}
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=viewer).key}")
    for _ in range(3):
        assert client.get("/api/v1/detainees/").status_code == 200
    response = client.get("/api/v1/detainees/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "throttled"
    assert set(body) == {"status", "code", "detail", "fields"}


def test_wrong_tokens_lock_out_their_address(settings, viewer):
    settings.API_THROTTLE_RATES = {"user": None, "failed_token": "3/hour"}
    good = token_issue(user=viewer).key
    client = APIClient(REMOTE_ADDR="203.0.113.50")
    for n in range(3):
        client.credentials(HTTP_AUTHORIZATION=f"Token {'0' * 39}{n}")
        assert client.get("/api/v1/detainees/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {'f' * 40}")
    response = client.get("/api/v1/detainees/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"
    # Even the right token waits from that address; another address is served.
    client.credentials(HTTP_AUTHORIZATION=f"Token {good}")
    assert client.get("/api/v1/detainees/").status_code == 429
    forged = APIClient(REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR="192.0.2.77")
    forged.credentials(HTTP_AUTHORIZATION=f"Token {good}")
    assert forged.get("/api/v1/detainees/").status_code == 429
    other = APIClient(REMOTE_ADDR="203.0.113.51")
    other.credentials(HTTP_AUTHORIZATION=f"Token {good}")
    assert other.get("/api/v1/detainees/").status_code == 200


def test_wrong_tokens_at_once_are_each_counted(settings):
    """Two requests with wrong tokens that both read the count before either adds its own
    failure: both failures are counted (one read-and-write-back would lose one)."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from config.throttling import FailedTokenThrottle

    settings.API_THROTTLE_RATES = {"user": None, "failed_token": "2/hour"}
    cache.clear()
    request = RequestFactory().get("/api/v1/detainees/", REMOTE_ADDR="203.0.113.60")
    first, second = FailedTokenThrottle(), FailedTokenThrottle()
    assert not first.blocked(request) and not second.blocked(request)
    first.record_failure()
    second.record_failure()
    third = FailedTokenThrottle()
    assert third.blocked(request)
    assert 0 < third.wait() <= 3600
