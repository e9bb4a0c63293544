"""The database out of reach for a moment: 503 with Retry-After, JSON for the API and
`/healthz`, a page in the app's layout for people, and service again once it is back."""

import copy
import socket
import urllib.error
import urllib.request

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client

from config.unavailable import server_error


@pytest.fixture
def unreachable_database(db, tmp_path):
    """Points the default connection at a database that cannot be reached: a SQLite file in
    a folder that does not exist, or a PostgreSQL port nobody listens on. `.restore()` (or
    the end of the test) puts the real connection back."""
    real = connections["default"]
    settings_dict = copy.deepcopy(real.settings_dict)
    closed = socket.socket()  # bound, never listening: connections to it are refused
    closed.bind(("127.0.0.1", 0))
    if real.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    else:
        settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", closed.getsockname()[1]
    broken = real.__class__(settings_dict, alias="default")
    connections["default"] = broken

    class Outage:
        @staticmethod
        def restore():
            connections["default"] = real

    yield Outage
    Outage.restore()
    broken.close()
    closed.close()


@pytest.fixture
def signed_in(client, caseworker):
    # The test client raises what a view raises: the 503 must come as an answer.
    client.force_login(caseworker)
    return client


def test_the_api_answers_503_in_its_error_shape(signed_in, unreachable_database):
    response = signed_in.get("/api/v1/detainees/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": 503,
        "code": "database_unavailable",
        "detail": "The database cannot be reached at the moment. Please try again shortly.",
        "fields": {},
    }


def test_a_page_answers_503_in_the_app_layout(signed_in, unreachable_database, settings):
    settings.UNAVAILABLE_RETRY_AFTER_SECONDS = 45
    response = signed_in.get("/detainees/")
    assert response.status_code == 503
    assert response["Retry-After"] == "45"
    page = response.content.decode()
    assert "Temporarily unavailable · Case tracker" in page
    assert 'class="topbar"' in page and "Skip to content" in page
    assert "The database cannot be reached" in page


def test_the_health_check_answers_503(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["code"] == "database_unavailable"


def test_service_comes_back_with_the_database(signed_in, unreachable_database):
    assert signed_in.get("/detainees/").status_code == 503
    assert signed_in.get("/api/v1/detainees/").status_code == 503
    unreachable_database.restore()
    assert signed_in.get("/detainees/").status_code == 200
    assert signed_in.get("/api/v1/detainees/").status_code == 200


def test_a_database_error_outside_any_view_is_503_too(rf, unreachable_database):
    # e.g. a middleware saving the session after the view: Django calls handler500.
    try:
        connection.ensure_connection()
    except OperationalError:
        response = server_error(rf.get("/detainees/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def _get(url: str, cookie: str = "") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def allow_connections(allowed: bool) -> None:
    """Opens or closes the test database to new connections, from the maintenance database
    (PostgreSQL refuses to close the database a session is connected to)."""
    import psycopg

    params = connection.get_connection_params()
    name = params.pop("dbname")
    params = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
        maintenance.execute(
            f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if allowed else "false"}'
        )


@pytest.mark.django_db(transaction=True)
def test_a_real_outage_answers_503_and_service_returns_without_a_restart(live_server, caseworker):
    if connection.vendor != "postgresql":
        pytest.skip("closes a PostgreSQL database to new connections (ALLOW_CONNECTIONS)")
    client = Client()
    client.force_login(caseworker)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    assert _get(f"{live_server.url}/detainees/", cookie)[0] == 200

    # The server's request threads open a new connection for each request.
    allow_connections(False)
    try:
        status, headers, body = _get(f"{live_server.url}/healthz")
        assert (status, headers["Retry-After"]) == (503, "30")
        status, headers, body = _get(f"{live_server.url}/detainees/", cookie)
        assert status == 503 and b"Temporarily unavailable" in body
        status, headers, body = _get(f"{live_server.url}/api/v1/detainees/", cookie)
        assert status == 503 and b'"database_unavailable"' in body
    finally:
        allow_connections(True)

    assert _get(f"{live_server.url}/healthz")[0] == 200
    assert _get(f"{live_server.url}/detainees/", cookie)[0] == 200
    assert _get(f"{live_server.url}/api/v1/detainees/", cookie)[0] == 200
