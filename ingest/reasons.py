"""The reasons and notes the pipeline writes on an article, shown in the reader's language.

They are stored in English, as the API returns them. Each one the pipeline words itself
(a state change, and every class of fetch or processing failure the worker meets) has its
translated message here; a failure's raw detail (an exception's own text, in English) is
shown to staff only. A note that none of these readings knows is shown as a failure of an
unnamed kind, its text kept for staff."""

import re
from collections.abc import Callable

from django.utils.translation import gettext, ngettext

# What a reading answers: the message in the active language, and the raw detail (for
# staff) when the note carried one.
_Reading = Callable[[re.Match, bool], str]


def _with_detail(message: str, detail: str, staff: bool) -> str:
    detail = (detail or "").strip()
    if not staff or not detail:
        return message
    return gettext("%(message)s Detail: %(detail)s") % {"message": message, "detail": detail}


def _fixed(message: Callable[[], str]) -> _Reading:
    return lambda m, staff: message()


def _nested(template: Callable[[], str], group: int = 1, **params) -> _Reading:
    """A note wrapping another one ("will retry: …"): the inner note is read too."""

    def read(m: re.Match, staff: bool) -> str:
        values = {name: m[index] for name, index in params.items()}
        return template() % {"why": reason_display(m[group], staff=staff), **values}

    return read


def _detailed(message: Callable[[re.Match], str], group: int) -> _Reading:
    return lambda m, staff: _with_detail(message(m), m[group], staff)


_WORDED: list[tuple[re.Pattern, _Reading]] = [
    (
        re.compile(r"(\d+) drafts? to review"),
        lambda m, staff: (
            ngettext("%(n)s draft to review", "%(n)s drafts to review", int(m[1])) % {"n": m[1]}
        ),
    ),
    (
        re.compile(r"not extracted: language (\S+)"),
        lambda m, staff: gettext("not extracted: language %(language)s") % {"language": m[1]},
    ),
    (
        re.compile(r"Already stored \(same (URL|text)\) as article (\d+)\."),
        lambda m, staff: (
            (
                gettext("Already stored (same URL) as article %(id)s.")
                if m[1] == "URL"
                else gettext("Already stored (same text) as article %(id)s.")
            )
            % {"id": m[2]}
        ),
    ),
    (
        re.compile(r"draft (\d+) undone"),
        lambda m, staff: gettext("draft %(id)s undone") % {"id": m[1]},
    ),
    (
        re.compile(r"new item in feed (\d+)"),
        lambda m, staff: gettext("new item in feed %(id)s") % {"id": m[1]},
    ),
    (re.compile(r"will retry: (.*)", re.S), _nested(lambda: gettext("will retry: %(why)s"))),
    (
        re.compile(r"Gave up after (\d+) attempts: (.*)", re.S),
        lambda m, staff: (
            ngettext(
                "Gave up after %(n)s attempt: %(why)s",
                "Gave up after %(n)s attempts: %(why)s",
                int(m[1]),
            )
            % {"n": m[1], "why": reason_display(m[2], staff=staff)}
        ),
    ),
    (
        re.compile(r"Abandoned by its worker (\d+) times; not retried\."),
        lambda m, staff: (
            ngettext(
                "Abandoned by its worker %(n)s time; not retried.",
                "Abandoned by its worker %(n)s times; not retried.",
                int(m[1]),
            )
            % {"n": m[1]}
        ),
    ),
    (
        re.compile(
            r"Stopped: processing took longer than (\d+) seconds\. "
            r"Re-run the extraction to try again\."
        ),
        lambda m, staff: (
            ngettext(
                "Stopped: processing took longer than %(n)s second. Re-run the extraction to "
                "try again.",
                "Stopped: processing took longer than %(n)s seconds. Re-run the extraction to "
                "try again.",
                int(m[1]),
            )
            % {"n": m[1]}
        ),
    ),
    (
        re.compile(r"The extractor failed: (.*)", re.S),
        _detailed(lambda m: gettext("The extractor failed."), 1),
    ),
    # Failures of fetching a page, one reading per class (ingest.fetching words them).
    (
        re.compile(r"The host (\S+) could not be resolved\."),
        lambda m, staff: gettext("The site %(host)s could not be found.") % {"host": m[1]},
    ),
    (
        re.compile(r"The host (\S+) has no address\."),
        lambda m, staff: gettext("The site %(host)s could not be found.") % {"host": m[1]},
    ),
    (re.compile(r"Timed out\."), _fixed(lambda: gettext("The site took too long to answer."))),
    (
        re.compile(r"Timed out (?:waiting for|connecting to) (\S+)\."),
        lambda m, staff: gettext("%(host)s took too long to answer.") % {"host": m[1]},
    ),
    (
        re.compile(r"Timed out reading the page\."),
        _fixed(lambda: gettext("The page took too long to arrive.")),
    ),
    (
        re.compile(r"Could not connect to ([^\s:]+): (.*)", re.S),
        _detailed(
            lambda m: gettext("Could not connect to %(host)s.") % {"host": m[1]},
            2,
        ),
    ),
    (
        re.compile(r"The connection broke while reading: (.*)", re.S),
        _detailed(lambda m: gettext("The connection broke while the page was read."), 1),
    ),
    (
        re.compile(r"The site answered (\d{3})\."),
        lambda m, staff: (
            gettext("The site answered with error %(status)s; it may pass.") % {"status": m[1]}
        ),
    ),
    (
        re.compile(r"The site answered (\d{3}) without a Location\."),
        lambda m, staff: (
            gettext("The site answered %(status)s (a redirect) without saying where to.")
            % {"status": m[1]}
        ),
    ),
    (
        re.compile(r"The site answered (\d{3}) for (.*)\.", re.S),
        _detailed(
            lambda m: gettext("The site answered with error %(status)s.") % {"status": m[1]},
            2,
        ),
    ),
    (
        re.compile(r"Refused: (\S+) resolves to a private or local address \((.*)\)\.", re.S),
        _detailed(
            lambda m: gettext("Refused: %(host)s is a private or local address.") % {"host": m[1]},
            2,
        ),
    ),
    (
        re.compile(r"The site's TLS certificate could not be verified: (.*)", re.S),
        _detailed(lambda m: gettext("The site's TLS certificate could not be verified."), 1),
    ),
    (
        re.compile(r"The page is larger than the (\d+) MB limit\."),
        lambda m, staff: gettext("The page is larger than the %(mb)s MB limit.") % {"mb": m[1]},
    ),
    (
        re.compile(r"The URL serves (.*), not a web page or text\.", re.S),
        _detailed(lambda m: gettext("The address serves something other than a web page."), 1),
    ),
    (
        re.compile(r"Not a readable feed: (.*)", re.S),
        _detailed(lambda m: gettext("This address does not serve a readable feed."), 1),
    ),
    (
        re.compile(r"'(.*)' is not a valid URL\.", re.S),
        _detailed(lambda m: gettext("The address is not a valid URL."), 1),
    ),
]

_FIXED: dict[str, Callable[[], str]] = {
    "no detained person found": lambda: gettext("no detained person found"),
    "every draft already reviewed": lambda: gettext("every draft already reviewed"),
    "all drafts reviewed": lambda: gettext("all drafts reviewed"),
    "The article has no text.": lambda: gettext("The article has no text."),
    "Already stored as another article.": lambda: gettext("Already stored as another article."),
    "fetched": lambda: gettext("fetched"),
    "submitted": lambda: gettext("submitted"),
    "extraction re-run": lambda: gettext("extraction re-run"),
    "claimed by a worker": lambda: gettext("claimed by a worker"),
    "claim taken over": lambda: gettext("claim taken over"),
    "requeued: the worker's claim went stale": lambda: gettext(
        "requeued: the worker's claim went stale"
    ),
    "sent to a worker again": lambda: gettext("sent to a worker again"),
    "draft rejected": lambda: gettext("draft rejected"),
    "Too many redirects.": lambda: gettext("Too many redirects."),
    "Only http and https URLs can be fetched.": lambda: gettext(
        "Only http and https URLs can be fetched."
    ),
    "The URL has no host name.": lambda: gettext("The URL has no host name."),
    "URLs with a user name or password are not fetched.": lambda: gettext(
        "URLs with a user name or password are not fetched."
    ),
    "This is a binary file, not text or HTML.": lambda: gettext(
        "This is a binary file, not text or HTML."
    ),
    "No article text was found in this page.": lambda: gettext(
        "No article text was found in this page."
    ),
    "The text could not be decoded: save it as UTF-8, or declare its charset.": lambda: gettext(
        "The text could not be decoded: save it as UTF-8, or declare its charset."
    ),
}


def reason_display(note: str, *, staff: bool = False) -> str:
    """`note` in the active language. The raw detail a failure carries (an exception's
    text) is added for staff only; a note no reading knows is an unnamed failure, its text
    shown to staff."""
    note = (note or "").strip()
    if not note:
        return ""
    if note in _FIXED:
        return _FIXED[note]()
    for pattern, reading in _WORDED:
        match = pattern.fullmatch(note)
        if match:
            return reading(match, staff)
    return _with_detail(gettext("The page could not be fetched or read."), note, staff)
