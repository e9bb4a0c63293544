"""Fetching a web page safely on behalf of a user.

Only http and https, only public addresses (checked after DNS resolution and again for every
redirect, which are followed by hand), a connect and read timeout plus an overall deadline,
a size cap, and a content-type check. The connection goes to the address that was checked,
so a second DNS answer cannot point it elsewhere.

`INGEST_FETCH_ALLOWED_HOSTS` lists hosts that skip the address check (empty by default);
tests use it to reach a server on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

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


def _allowed_hosts() -> set[str]:
    return {h.strip().lower() for h in settings.INGEST_FETCH_ALLOWED_HOSTS if h.strip()}


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


def check_url(url: str) -> tuple[str, str, int, str]:
    """Validates a URL and resolves its host; returns (scheme, host, port, address).

    Raises FetchError for anything but a public http(s) address.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{url!r} is not a valid URL.", field="url") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http and https URLs can be fetched.", field="url")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError("The URL has no host name.", field="url")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched.", field="url")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransientFetchError(f"The host {host} could not be resolved.") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise TransientFetchError(f"The host {host} has no address.")
    if host not in _allowed_hosts():
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


def _open(url: str, *, deadline: float):
    scheme, host, port, address = check_url(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TransientFetchError("Timed out.")
    timeout = urllib3.Timeout(
        connect=min(settings.INGEST_FETCH_TIMEOUT_SECONDS, remaining),
        read=min(settings.INGEST_FETCH_TIMEOUT_SECONDS, remaining),
    )
    pool_kwargs = {"timeout": timeout, "retries": False, "maxsize": 1}
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            **pool_kwargs,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, **pool_kwargs)
    host_header = host if port in (80, 443) else f"{host}:{port}"
    try:
        return pool.urlopen(
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
        # Never retried without verification.
        raise FetchError(f"The site's TLS certificate could not be verified: {exc}") from exc
    except (TimeoutError, urllib3.exceptions.TimeoutError) as exc:
        raise TransientFetchError(f"Timed out connecting to {host}.") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise TransientFetchError(f"Could not connect to {host}: {exc}") from exc


def _read_capped(response, *, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"The page is larger than the {limit // 1_000_000} MB limit.")
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"The page is larger than the {limit // 1_000_000} MB limit.")
            if time.monotonic() > deadline:
                raise TransientFetchError("Timed out reading the page.")
            chunks.append(chunk)
    except (TimeoutError, urllib3.exceptions.TimeoutError) as exc:
        raise TransientFetchError("Timed out reading the page.") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise TransientFetchError(f"The connection broke while reading: {exc}") from exc
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
    """GETs a page, following up to INGEST_FETCH_MAX_REDIRECTS redirects by hand."""
    deadline = time.monotonic() + settings.INGEST_FETCH_DEADLINE_SECONDS
    for _hop in range(settings.INGEST_FETCH_MAX_REDIRECTS + 1):
        response = _open(url, deadline=deadline)
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
