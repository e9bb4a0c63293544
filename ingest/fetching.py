"""Fetching a web page safely on behalf of a user.

Only http and https, only public addresses (checked after DNS resolution and again for every
redirect, which are followed by hand), a connect and read timeout plus an overall deadline,
a size cap, and a content-type check. The connection goes to the address that was checked,
so a second DNS answer cannot point it elsewhere.

The deadline bounds the whole fetch, not each read: when it passes, the fetch's sockets are
shut down, so a server that sends its headers or body a byte at a time cannot hold a worker
past it.

`INGEST_FETCH_ALLOWED_HOSTS` lists `host:port` pairs that skip the address check (empty by
default, and empty in production); tests use it to reach a server on 127.0.0.1. It applies
to the submitted URL and to redirects that stay on that same host and port, never to a
redirect elsewhere.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext

from cases.errors import DomainError

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
REDIRECT_CODES = (301, 302, 303, 307, 308)
USER_AGENT = "CaseTrackerIngest/1.0 (+news intake for consular caseworkers)"


class FetchError(DomainError):
    """The URL cannot be fetched and trying again will not help."""


class TransientFetchError(Exception):
    """The fetch failed in a way that may pass: a timeout, a dropped connection, a 5xx."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _is_allowed(scheme: str, host: str, port: int) -> bool:
    """Whether `INGEST_FETCH_ALLOWED_HOSTS` names this host on this port; an entry without a
    port stands for the scheme's default port only."""
    for entry in settings.INGEST_FETCH_ALLOWED_HOSTS:
        entry = entry.strip().lower()
        if not entry:
            continue
        try:
            parts = urlsplit(f"//{entry}")
            allowed_port = parts.port or _default_port(scheme)
        except ValueError:
            continue
        if parts.hostname == host and allowed_port == port:
            return True
    return False


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of a URL, or None when it has none."""
    try:
        parts = urlsplit(url.strip())
        return (
            parts.scheme,
            (parts.hostname or "").lower(),
            parts.port or _default_port(parts.scheme),
        )
    except ValueError:
        return None


def check_url(url: str, *, use_allowed_hosts: bool = True) -> tuple[str, str, int, str]:
    """Validates a URL and resolves its host; returns (scheme, host, port, address).

    Raises FetchError for anything but a public http(s) address, unless `use_allowed_hosts`
    and INGEST_FETCH_ALLOWED_HOSTS names the host and port.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(
            gettext("%(url)r is not a valid URL.") % {"url": url}, field="url"
        ) from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(gettext("Only http and https URLs can be fetched."), field="url")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(gettext("The URL has no host name."), field="url")
    if parts.username or parts.password:
        raise FetchError(gettext("URLs with a user name or password are not fetched."), field="url")
    port = port or _default_port(parts.scheme)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransientFetchError(f"The host {host} could not be resolved.") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise TransientFetchError(f"The host {host} has no address.")
    if not (use_allowed_hosts and _is_allowed(parts.scheme, host, port)):
        blocked = [a for a in addresses if not _is_public(a)]
        if blocked:
            raise FetchError(
                f"Refused: {host} resolves to a private or local address ({blocked[0]}).",
                field="url",
            )
    return parts.scheme, host, port, addresses[0]


def _target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also on a TLS socket: it wakes a read blocked in another
    # thread without touching the TLS object that thread is using.
    with contextlib.suppress(OSError, ValueError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Deadline:
    """When a fetch must be over. A timer shuts down every socket the fetch opened when the
    time is up, so that no read, however slowly the server trickles, outlives it."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()

    def left(self) -> float:
        return self.at - time.monotonic()

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


class _WatchedConnectionMixin:
    """Hands every socket it opens (plain, then TLS) to the fetch's deadline."""

    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def _new_conn(self):
        sock = super()._new_conn()
        self._deadline.watch(sock)
        return sock

    def connect(self) -> None:
        super().connect()
        self._deadline.watch(self.sock)


class _HTTPConnection(_WatchedConnectionMixin, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_WatchedConnectionMixin, urllib3.connection.HTTPSConnection):
    pass


class _HTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _open(url: str, *, deadline: _Deadline, use_allowed_hosts: bool):
    scheme, host, port, address = check_url(url, use_allowed_hosts=use_allowed_hosts)
    remaining = deadline.left()
    if remaining <= 0 or deadline.expired:
        raise TransientFetchError("Timed out.")
    timeout = urllib3.Timeout(
        connect=min(settings.INGEST_FETCH_TIMEOUT_SECONDS, remaining),
        read=min(settings.INGEST_FETCH_TIMEOUT_SECONDS, remaining),
    )
    pool_kwargs = {"timeout": timeout, "retries": False, "maxsize": 1, "deadline": deadline}
    if scheme == "https":
        pool = _HTTPSConnectionPool(
            address,
            port,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            **pool_kwargs,
        )
    else:
        pool = _HTTPConnectionPool(address, port, **pool_kwargs)
    host_header = host if port in (80, 443) else f"{host}:{port}"
    try:
        response = pool.urlopen(
            "GET",
            _target(url),
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            },
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.SSLError as exc:
        if deadline.expired:
            raise TransientFetchError(f"Timed out waiting for {host}.") from exc
        # Never retried without verification.
        raise FetchError(f"The site's TLS certificate could not be verified: {exc}") from exc
    except (TimeoutError, urllib3.exceptions.TimeoutError) as exc:
        raise TransientFetchError(f"Timed out connecting to {host}.") from exc
    except urllib3.exceptions.HTTPError as exc:
        if deadline.expired:
            raise TransientFetchError(f"Timed out waiting for {host}.") from exc
        raise TransientFetchError(f"Could not connect to {host}: {exc}") from exc
    # Headers cut off by the deadline can parse as a complete (and wrong) answer.
    if deadline.expired:
        response.release_conn()
        raise TransientFetchError(f"Timed out waiting for {host}.")
    return response


def _read_capped(response, *, limit: int, deadline: _Deadline) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"The page is larger than the {limit // 1_000_000} MB limit.")
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"The page is larger than the {limit // 1_000_000} MB limit.")
            if deadline.expired:
                break
            chunks.append(chunk)
    except (TimeoutError, urllib3.exceptions.TimeoutError) as exc:
        raise TransientFetchError("Timed out reading the page.") from exc
    except urllib3.exceptions.HTTPError as exc:
        if deadline.expired:
            raise TransientFetchError("Timed out reading the page.") from exc
        raise TransientFetchError(f"The connection broke while reading: {exc}") from exc
    # A page cut off by the deadline may look complete when the server sent no length.
    if deadline.expired:
        raise TransientFetchError("Timed out reading the page.")
    return b"".join(chunks)


def _content_type(response) -> tuple[str, str | None]:
    raw = response.headers.get("Content-Type", "")
    media = raw.split(";")[0].strip().lower()
    charset = None
    for part in raw.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media, charset


def fetch(url: str, *, accept: tuple[str, ...] = HTML_TYPES + TEXT_TYPES) -> FetchedPage:
    """GETs a page, following up to INGEST_FETCH_MAX_REDIRECTS redirects by hand, all within
    INGEST_FETCH_DEADLINE_SECONDS."""
    origin = origin_of(url)
    with _Deadline(settings.INGEST_FETCH_DEADLINE_SECONDS) as deadline:
        for _hop in range(settings.INGEST_FETCH_MAX_REDIRECTS + 1):
            # The allowed hosts let a test server be reached, and redirect within itself;
            # a redirect to another host is checked like any address.
            response = _open(url, deadline=deadline, use_allowed_hosts=origin_of(url) == origin)
            try:
                if response.status in REDIRECT_CODES:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(f"The site answered {response.status} without a Location.")
                    url = urljoin(url, location)
                    continue
                if response.status == 429 or response.status >= 500:
                    raise TransientFetchError(f"The site answered {response.status}.")
                if response.status != 200:
                    raise FetchError(f"The site answered {response.status} for {url}.")
                media, charset = _content_type(response)
                if media not in accept:
                    raise FetchError(
                        f"The URL serves {media or 'an unknown type'}, not a web page or text."
                    )
                body = _read_capped(
                    response, limit=settings.INGEST_MAX_DOCUMENT_BYTES, deadline=deadline
                )
                return FetchedPage(url=url, content_type=media, charset=charset, body=body)
            finally:
                response.release_conn()
    raise FetchError("Too many redirects.")
