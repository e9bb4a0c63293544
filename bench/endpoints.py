"""What the load benchmark asks for, and the checks made before it is timed: the limit's
and the peer's answers equal the app's, and how many queries one request runs."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from cases.models import Detainee

STATS = ("summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities")
LIST_QUERY = "?nationality=RU&status=charged&page_size=50"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Endpoint:
    """One thing to time: the app's URL, and where the limit and the peer answer the same
    (None: no such variant). `login` is the role whose session signs in a page; API calls
    send the viewer's token."""

    name: str
    ours: str
    limit: str | None = None
    peer: str | None = None
    login: str | None = None

    def variants(self) -> dict[str, str]:
        found = {"ours": self.ours, "limit": self.limit, "peer": self.peer}
        return {kind: url for kind, url in found.items() if url}


def sample_detainee() -> Detainee:
    """A person the viewer may see with much on record: two cases, an extradition."""
    return (
        Detainee.objects.filter(is_restricted=False, extraditions__isnull=False)
        .annotate(n=Count("cases", distinct=True))
        .filter(n=2)
        .order_by("id")
        .first()
        or Detainee.objects.filter(is_restricted=False).order_by("id").first()
    )


def endpoints() -> list[Endpoint]:
    person = sample_detainee()
    surname = person.full_name.split()[-1]
    search = f"?search={surname}&page_size=50"
    found = [
        Endpoint(
            "list",
            f"/api/v1/detainees/{LIST_QUERY}",
            f"/bench/limit/detainees/{LIST_QUERY}",
            f"/bench/peer/detainees/{LIST_QUERY}",
        ),
        Endpoint(
            "detail",
            f"/api/v1/detainees/{person.pk}/",
            f"/bench/limit/detainees/{person.pk}/",
            f"/bench/peer/detainees/{person.pk}/",
        ),
        Endpoint(
            "search",
            f"/api/v1/detainees/{search}",
            f"/bench/limit/detainees/{search}",
            f"/bench/peer/detainees/{search}",
        ),
    ]
    found += [
        Endpoint(f"stats_{name}", f"/api/v1/stats/{name}/", f"/bench/limit/stats/{name}/")
        for name in STATS
    ]
    found += [
        Endpoint("dashboard", "/dashboard/", login="viewer"),
        Endpoint("visits_page", "/visits/", login="viewer"),
        Endpoint("review_queue", "/review/", login="reviewer"),
    ]
    return found


# --- Signing in --------------------------------------------------------------------------


def viewer_token() -> str:
    viewer = get_user_model().objects.get(username="viewer")
    token, _ = Token.objects.get_or_create(user=viewer)
    return token.key


def session_cookie(username: str) -> str:
    """A signed-in session of `username`, stored where the server reads sessions."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client.cookies["sessionid"].value


def headers(endpoint: Endpoint, token: str, sessions: dict[str, str]) -> dict[str, str]:
    if endpoint.login:
        return {"Cookie": f"sessionid={sessions[endpoint.login]}"}
    return {"Authorization": f"Token {token}"}


# --- Checks ------------------------------------------------------------------------------

# Keys whose value names the answer's own address (pagination links).
LINK_KEYS = {"next", "previous"}
# Keys that say when an answer was computed (statistics kept in summary tables).
MOMENT_KEYS = {"as_of"}


def differences(ours, theirs, *, their_path: str, our_path: str, where: str = "") -> list[str]:
    """Where two JSON answers differ: links compared with their own path swapped for ours,
    the moment a statistic was computed (`as_of` at the top) left out, and so is a list's
    count when both give an estimate."""
    found: list[str] = []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        # An estimated count is the planner's guess for each one's own query: both must
        # say it is an estimate, the numbers may differ.
        estimated = not where and ours.get("count_is_estimate") and theirs.get("count_is_estimate")
        for key in sorted(set(ours) | set(theirs)):
            if not where and key in MOMENT_KEYS:
                continue
            if estimated and key == "count":
                continue
            if key not in ours or key not in theirs:
                found.append(f"{where}.{key}: only in {'ours' if key in ours else 'theirs'}")
            elif key in LINK_KEYS and isinstance(theirs[key], str):
                if theirs[key].replace(their_path, our_path, 1) != ours[key]:
                    found.append(f"{where}.{key}: {ours[key]!r} != {theirs[key]!r}")
            else:
                found += differences(
                    ours[key],
                    theirs[key],
                    their_path=their_path,
                    our_path=our_path,
                    where=f"{where}.{key}",
                )
    elif isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            found.append(f"{where}: {len(ours)} items != {len(theirs)}")
        for index, (a, b) in enumerate(zip(ours, theirs, strict=False)):
            found += differences(
                a, b, their_path=their_path, our_path=our_path, where=f"{where}[{index}]"
            )
    elif ours != theirs or type(ours) is not type(theirs):
        found.append(f"{where or 'answer'}: {ours!r} != {theirs!r}")
    return found


class PayloadMismatch(AssertionError):
    pass


def client_for(endpoint: Endpoint, token: str) -> Client:
    if endpoint.login:
        client = Client(HTTP_HOST=HOST)
        client.force_login(get_user_model().objects.get(username=endpoint.login))
        return client
    return Client(HTTP_HOST=HOST, HTTP_AUTHORIZATION=f"Token {token}")


def check_payloads(endpoint: Endpoint, token: str) -> None:
    """Raises PayloadMismatch unless the limit's and the peer's answers equal ours."""
    client = client_for(endpoint, token)
    ours = client.get(endpoint.ours)
    if ours.status_code != 200:
        raise PayloadMismatch(f"{endpoint.ours} answered {ours.status_code}")
    for kind, url in endpoint.variants().items():
        if kind == "ours":
            continue
        theirs = client.get(url)
        if theirs.status_code != 200:
            raise PayloadMismatch(f"{url} answered {theirs.status_code}: {theirs.content[:300]}")
        found = differences(
            ours.json(),
            theirs.json(),
            their_path=urlsplit(url).path,
            our_path=urlsplit(endpoint.ours).path,
        )
        if found:
            listed = "\n  ".join(found[:20])
            raise PayloadMismatch(
                f"The {kind}'s answer to {url} is not ours ({len(found)} differences):\n  {listed}"
            )


@dataclass(frozen=True)
class OneRequest:
    queries: int
    seconds: float


def one_request(endpoint: Endpoint, token: str) -> dict[str, OneRequest]:
    """The queries one request runs and the time it takes in-process, for each variant
    (after one request to warm caches)."""
    client = client_for(endpoint, token)
    found = {}
    for kind, url in endpoint.variants().items():
        client.get(url)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        seconds = time.perf_counter() - started
        if response.status_code != 200:
            raise PayloadMismatch(f"{url} answered {response.status_code}")
        found[kind] = OneRequest(len(captured.captured_queries), seconds)
    return found
