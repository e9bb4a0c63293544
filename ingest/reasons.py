"""The reasons and notes the pipeline writes on an article, shown in the reader's language.

They are stored in English, as the API returns them; a page translates the ones the
pipeline words itself and shows any other note (an error's own text) as it is."""

import re
from collections.abc import Callable

from django.utils.translation import gettext, ngettext

_Reading = Callable[[re.Match], str]

_WORDED: list[tuple[re.Pattern, _Reading]] = [
    (
        re.compile(r"(\d+) drafts? to review"),
        lambda m: (
            ngettext("%(n)s draft to review", "%(n)s drafts to review", int(m[1])) % {"n": m[1]}
        ),
    ),
    (
        re.compile(r"not extracted: language (\S+)"),
        lambda m: gettext("not extracted: language %(language)s") % {"language": m[1]},
    ),
    (
        re.compile(r"Already stored \(same (URL|text)\) as article (\d+)\."),
        lambda m: (
            (
                gettext("Already stored (same URL) as article %(id)s.")
                if m[1] == "URL"
                else gettext("Already stored (same text) as article %(id)s.")
            )
            % {"id": m[2]}
        ),
    ),
    (re.compile(r"draft (\d+) undone"), lambda m: gettext("draft %(id)s undone") % {"id": m[1]}),
    (
        re.compile(r"will retry: (.*)", re.S),
        lambda m: gettext("will retry: %(why)s") % {"why": m[1]},
    ),
    (
        re.compile(r"The extractor failed: (.*)", re.S),
        lambda m: gettext("The extractor failed: %(why)s") % {"why": m[1]},
    ),
]

_FIXED: dict[str, Callable[[], str]] = {
    "no detained person found": lambda: gettext("no detained person found"),
    "every draft already reviewed": lambda: gettext("every draft already reviewed"),
    "all drafts reviewed": lambda: gettext("all drafts reviewed"),
    "The article has no text.": lambda: gettext("The article has no text."),
    "Already stored as another article.": lambda: gettext("Already stored as another article."),
    "fetched": lambda: gettext("fetched"),
    "extraction re-run": lambda: gettext("extraction re-run"),
    "claimed by a worker": lambda: gettext("claimed by a worker"),
    "claim taken over": lambda: gettext("claim taken over"),
    "requeued: the worker's claim went stale": lambda: gettext(
        "requeued: the worker's claim went stale"
    ),
    "draft rejected": lambda: gettext("draft rejected"),
}


def reason_display(note: str) -> str:
    """`note` in the active language when the pipeline worded it, else as stored."""
    if note in _FIXED:
        return _FIXED[note]()
    for pattern, reading in _WORDED:
        match = pattern.fullmatch(note)
        if match:
            return reading(match)
    return note
