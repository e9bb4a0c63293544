"""Turning what a user or a site hands us into article text: decoding bytes, reading HTML,
detecting the language, normalising URLs and hashing text. Pure functions, no database."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import nh3
import py3langid
from charset_normalizer import from_bytes
from django.utils.translation import gettext

from cases.errors import DomainError
from cases.partial_dates import PartialDate, PartialDateError
from cases.partial_dates import parse as parse_partial_date

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ocid|cmpid)$", re.I)
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LOOKS_HTML = re.compile(r"<\s*(html|head|body|p|div|article|!doctype)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleContent:
    text: str
    title: str = ""
    outlet: str = ""
    published: PartialDate | None = None
    canonical_url: str = ""
    html: str = ""


# --- Bytes to text -----------------------------------------------------------------------


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first few KB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _decode_as(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> str:
    """UTF-8 first; then the declared charset (HTTP header or the page's meta tag); then a
    charset detector. Raises DomainError when none of them reads the bytes."""
    if looks_binary(data):
        raise DomainError(gettext("This is a binary file, not text or HTML."), field="file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for candidate in ("utf-8", declared, meta_charset(data) if html else None):
        text = _decode_as(data, candidate)
        if text is not None:
            return text
    matches = list(from_bytes(data))
    if matches:
        best = matches[0]
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        # On a tie, windows-1252: what browsers assume for undeclared Latin text.
        preferred = next((m for m in tied if m.encoding in _WESTERN), best)
        return str(preferred)
    raise DomainError(
        gettext("The text could not be decoded: save it as UTF-8, or declare its charset."),
        field="file",
    )


def clean_text(text: str) -> str:
    """Normalised line endings and no control characters; paragraphs kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).replace("\ufeff", "")
    return text.strip()


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:2000]))


# --- HTML --------------------------------------------------------------------------------


# Nothing that a browser fetches by itself: an image (or image map) in an ingested page would
# tell its publisher, or a tracker, who is reading it and when.
_SHOWN_TAGS = frozenset(nh3.ALLOWED_TAGS) - {"img", "map", "area"}
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitise_html(html: str) -> str:
    """Safe to show: no scripts, styles, event handlers, images or other remote resources,
    and links only to absolute http(s) or mailto addresses (a relative link would point into
    this application)."""
    return nh3.clean(
        html,
        tags=set(_SHOWN_TAGS),
        url_schemes=set(_LINK_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer nofollow",
    )


def _partial_date(value) -> PartialDate | None:
    if not value:
        return None
    try:
        return parse_partial_date(str(value)[:10])
    except PartialDateError:
        return None


def read_html(html: str, *, url: str = "") -> ArticleContent:
    """Main text and metadata of a page, read by trafilatura from HTML we fetched ourselves."""
    # Imported here, where a page is read (mostly in the worker): with lxml and its
    # companions it is about 45 MB that a web worker serving lists never needs.
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if document is None:
        raise DomainError(gettext("No article text was found in this page."), field="html")
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = clean_text(meta.get("text") or "")
    if not text:
        raise DomainError(gettext("No article text was found in this page."), field="html")
    canonical = meta.get("url") or ""
    return ArticleContent(
        text=text,
        title=(meta.get("title") or "")[:500],
        outlet=(meta.get("sitename") or meta.get("hostname") or "")[:200],
        published=_partial_date(meta.get("date")),
        canonical_url=canonical if canonical.startswith(("http://", "https://")) else "",
        html=sanitise_html(html),
    )


# --- Identity ----------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """One spelling per address: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, query parameters sorted."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.match(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def text_hash(text: str) -> str:
    """The same article pasted twice, with different spacing or case, hashes the same."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(folded.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    sample = text[:20000]
    if not sample.strip():
        return ""
    language, _score = py3langid.classify(sample)
    return language


def published_from_date(value: dt.date | None) -> PartialDate | None:
    return PartialDate(value) if value else None
