"""Article metadata carried in the text itself: the `Published:` line and scraped date stamps."""

from __future__ import annotations

import datetime as dt
import re

_PUBLISHED_LINE = re.compile(
    r"\A\ufeff?[ \t]*Published:[ \t]*(\d{4})-(\d{2})-(\d{2})[ \t]*(?:\r?\n|\Z)"
)

# Scraped pages often open with a stamp such as "date 2023-04-28" or "Updated: 2021-03-04".
_HEADER_STAMP = re.compile(
    r"(?:^|\s)(?:date|dated|published|updated(?: at)?|posted)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b",
    re.IGNORECASE,
)
_HEADER_WINDOW = 300
# "Post date: May 3, 2016 9:05:12 AM", "Published 7:15 PM, March 2, 2020": the same
# stamps with the month written out.
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_HEADER_STAMP_WORDS = re.compile(
    r"(?:^|\s)(?:post\s+date|date|dated|published|updated(?: at)?|posted)\s*:?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?,?\s*)?"
    r"(?P<month>[A-Z][a-z]{2})[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)


def _make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def split_metadata(text: str) -> tuple[str, dt.date | None]:
    """Split a leading `Published: YYYY-MM-DD` line from the article.

    Returns (body, published). The body is the text after that line; callers that need spans
    relative to the original text should use `metadata_length()` to shift them.
    """
    match = _PUBLISHED_LINE.match(text)
    if not match:
        return text, None
    return text[match.end() :], _make_date(*match.groups())


def metadata_length(text: str) -> int:
    """Number of leading characters that are metadata (the `Published:` line), else 0."""
    match = _PUBLISHED_LINE.match(text)
    return match.end() if match else 0


def header_date(body: str) -> dt.date | None:
    """A publication date stamped in the first lines of a scraped page, if there is one."""
    match = _HEADER_STAMP.search(body[:_HEADER_WINDOW])
    if match:
        return _make_date(*match.groups())
    worded = _HEADER_STAMP_WORDS.search(body[:_HEADER_WINDOW])
    month = _MONTHS.get(worded.group("month").lower()) if worded else None
    if worded and month:
        return _make_date(worded.group("year"), str(month), worded.group("day"))
    return None
