"""Date expressions in news text, resolved to ISO strings at the precision the text gives.

"April 21, 2017" -> "2017-04-21", "in May 2018" -> "2018-05", "in 2019" -> "2019". Relative
expressions ("on Wednesday", "in August", "last month") resolve against the publication date
and stay unresolved (value None) without one. A small hand-written resolver: it is exact for
the forms news uses and fast enough to run on every sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .gazetteers import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = WEEKDAY_NAMES
_YEAR_LEAD = (
    r"(?:in|since|during|until|till|by|from|of|early|late|mid|before|after|between|and|to|"
    r"around|through|throughout|spring|summer|autumn|fall|winter)"
)
_MONTH_LEAD = (
    r"(?:in|since|during|until|till|by|from|of|early|late|mid|mid-|end of|beginning of|"
    r"start of|last|this|next|earlier in|later in|before|after|until)"
)

_DATE_PATTERN = re.compile(
    r"(?P<iso>\b(?P<iy>" + _YEAR + r")-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    r"|(?P<mdy>\b(?P<m1>" + _MONTH + r")\s+(?P<d1>" + _DAY + r"),?\s+(?P<y1>" + _YEAR + r")\b)"
    r"|(?P<dmy>\b(?P<d2>"
    + _DAY
    + r")\s+(?:of\s+)?(?P<m2>"
    + _MONTH
    + r"),?\s+(?P<y2>"
    + _YEAR
    + r")\b)"
    r"|(?P<my>\b(?P<m3>" + _MONTH + r"),?\s+(?P<y3>" + _YEAR + r")\b)"
    r"|(?P<md>\b(?P<m4>" + _MONTH + r")\s+(?P<d4>" + _DAY + r")\b(?!\s*[-:.]\s*\d))"
    r"|(?P<dm>\b(?P<d5>" + _DAY + r")\s+(?:of\s+)?(?P<m5>" + _MONTH + r")\b)"
    r"|(?P<m>\b(?P<mlead>" + _MONTH_LEAD + r")\s+(?P<m6>" + _MONTH + r")\b(?!,?\s*\d))"
    r"|(?P<y>\b(?:" + _YEAR_LEAD + r")\s+(?:(?:early|late|mid|the\s+summer\s+of|the\s+end\s+of)"
    r"[\s-]+)?(?P<y7>" + _YEAR + r")\b(?!\s*[-–]\s*\d))"
    r"|(?P<wd>\b(?:(?P<wlead>last|next|this|on|On|Last|Next|This)\s+)?(?P<w>" + _WEEKDAY + r")\b)"
    r"|(?P<rel>\b(?:yesterday|today|last\s+(?:week|month|year)|this\s+(?:week|month|year)"
    r"|earlier\s+this\s+(?:week|month|year)|next\s+(?:week|month|year)"
    r"|(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago)\b)",
    re.IGNORECASE,
)

_SMALL = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# A date that only says when someone spoke ("the ministry said on Thursday") dates no event.
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|announced|reported|stated|added|confirmed|"
    r"revealed|wrote|tweeted|posted)(?:\s+in\s+a\s+\w+(?:\s+\w+)?)?\s*,?\s*$",
    re.IGNORECASE,
)
_FUTURE_CONTEXT = re.compile(
    r"\b(?:will|next|scheduled|due|expected|planned|plans|until|adjourned)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class DateMention:
    """A date expression at [start, end) of the searched text; `value` None when it cannot be
    resolved (a weekday with no publication date, say)."""

    start: int
    end: int
    value: str | None
    reporting: bool
    text: str


def _month_number(token: str) -> int:
    return MONTH_NAMES[token.lower().rstrip(".")]


def _day_number(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date | None, future: bool) -> int | None:
    """Year of a day or month given without one: the publication year, or the year before
    when that would put a past event after publication."""
    if published is None:
        return None
    if future:
        return published.year
    if (month, day) > (published.month, published.day):
        return published.year - 1
    return published.year


def _weekday(name: str, lead: str | None, published: dt.date | None) -> str | None:
    if published is None:
        return None
    target = WEEKDAYS[name.lower()]
    lead = (lead or "").lower()
    if lead == "next":
        delta = (target - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=delta)).isoformat()
    delta = (published.weekday() - target) % 7
    if lead == "last" and delta == 0:
        delta = 7
    return (published - dt.timedelta(days=delta)).isoformat()


def _relative(match: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    phrase = " ".join(match.group("rel").lower().split())
    if phrase == "today":
        return published.isoformat()
    if phrase == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if phrase.endswith("ago"):
        count_token = match.group("n").lower()
        count = _SMALL.get(count_token) or int(count_token)
        unit = match.group("unit").lower().rstrip("s")
        if unit == "day":
            return (published - dt.timedelta(days=count)).isoformat()
        if unit == "week":
            return (published - dt.timedelta(weeks=count)).isoformat()[:7]
        if unit == "month":
            return _shift_month(published, -count)
        return str(published.year - count)
    period = phrase.split()[-1]
    if phrase.startswith("last"):
        offset = -1
    elif phrase.startswith("next"):
        offset = 1
    else:
        offset = 0
    if period == "year":
        return str(published.year + offset)
    if period == "month":
        return _shift_month(published, offset)
    # A week has no ISO precision short of a day; give the month when the week lies in one.
    first = published + dt.timedelta(weeks=offset, days=-published.weekday())
    last = first + dt.timedelta(days=6)
    return first.isoformat()[:7] if first.month == last.month else None


def _shift_month(day: dt.date, offset: int) -> str:
    index = day.year * 12 + day.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _resolve(match: re.Match[str], published: dt.date | None, future: bool) -> str | None:
    kind = _outer_group(match)
    if kind == "iso":
        return _iso_day(int(match["iy"]), int(match["im"]), int(match["id"]))
    if kind == "mdy":
        return _iso_day(int(match["y1"]), _month_number(match["m1"]), _day_number(match["d1"]))
    if kind == "dmy":
        return _iso_day(int(match["y2"]), _month_number(match["m2"]), _day_number(match["d2"]))
    if kind == "my":
        return f"{int(match['y3']):04d}-{_month_number(match['m3']):02d}"
    if kind in ("md", "dm"):
        month = _month_number(match["m4"] or match["m5"])
        day = _day_number(match["d4"] or match["d5"])
        year = _year_for(month, day, published, future)
        return _iso_day(year, month, day) if year else None
    if kind == "m":
        month = _month_number(match["m6"])
        lead = match["mlead"].lower()
        year = _year_for(month, 1, published, future or lead == "next")
        if year is None:
            return None
        if lead == "last" and published and month >= published.month:
            year = published.year - 1
        return f"{year:04d}-{month:02d}"
    if kind == "y":
        return match["y7"]
    if kind == "wd":
        return _weekday(match["w"], match["wlead"], published)
    if kind == "rel":
        return _relative(match, published)
    return None


_OUTER = ("iso", "mdy", "dmy", "my", "md", "dm", "m", "y", "wd", "rel")


def _outer_group(match: re.Match[str]) -> str | None:
    for name in _OUTER:
        if match.group(name) is not None:
            return name
    return None


def _trim_lead(match: re.Match[str], kind: str | None) -> int:
    """Start of the date itself, past a leading preposition the pattern needed for context."""
    if kind == "m":
        return (
            match.start("m6")
            if match["mlead"].lower() not in ("last", "next", "this")
            else (match.start("m"))
        )
    if kind == "y":
        return match.start("y7")
    if kind == "wd" and match["wlead"] and match["wlead"].lower() == "on":
        return match.start("w")
    return match.start()


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against `published`."""
    found: list[DateMention] = []
    for match in _DATE_PATTERN.finditer(text):
        kind = _outer_group(match)
        if kind in ("m", "md", "dm", "my", "mdy", "dmy") and not _month_capitalised(match):
            continue
        start = _trim_lead(match, kind)
        window = text[max(0, match.start() - 40) : match.start()]
        future = bool(_FUTURE_CONTEXT.search(text[max(0, match.start() - 60) : match.start()]))
        value = _resolve(match, published, future)
        if kind in ("md", "dm", "m") and _SAME_YEAR.match(text, match.end()):
            value = _in_year_before(match, kind, found) or value
        elif kind in ("md", "dm", "m") and _FOLLOWING_YEAR.match(text, match.end()):
            value = _in_year_before(match, kind, found, later=1) or value
        reporting = bool(_REPORTING_BEFORE.search(window))
        found.append(DateMention(start, match.end(), value, reporting, text[start : match.end()]))
    return _following_years(text, found)


# "sentenced in August of the following year", "sentenced the following year": a year after
# the last year told before it.
_FOLLOWING_YEAR = re.compile(r"\s+(?:of\s+)?the\s+(?:following|next)\s+year\b", re.IGNORECASE)
_FOLLOWING_YEAR_ALONE = re.compile(
    r"\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later)\b", re.IGNORECASE
)


def _following_years(text: str, found: list[DateMention]) -> list[DateMention]:
    added: list[DateMention] = []
    for match in _FOLLOWING_YEAR_ALONE.finditer(text):
        before = [d for d in found if d.end <= match.start()]
        if before and _FOLLOWING_YEAR.fullmatch(text[before[-1].end : match.end()]):
            continue  # "in August of the following year": read with its month
        year = _last_year(before)
        if year is None:
            continue
        added.append(DateMention(match.start(), match.end(), str(year + 1), False, match.group()))
    return sorted(found + added, key=lambda d: d.start) if added else found


# "held since 4 March 2021, sentenced on 9 June that year"
_SAME_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _in_year_before(
    match: re.Match[str], kind: str, before: list[DateMention], later: int = 0
) -> str | None:
    """A day or month "that year": in the year of the last dated mention before it (or, with
    `later`, that many years after it: "the following year")."""
    year = _last_year(before)
    if year is None:
        return None
    year += later
    month_name = match["m4"] or match["m5"] or match["m6"] or ""
    month = MONTH_NAMES.get(month_name.lower().rstrip("."))
    if month is None:
        return None
    if kind == "m":
        return f"{year}-{month:02d}"
    day = int(re.match(r"\d+", match["d4"] or match["d5"]).group())
    return f"{year}-{month:02d}-{day:02d}"


def _last_year(before: list[DateMention]) -> int | None:
    """The year of the last mention that gives one."""
    for mention in reversed(before):
        if mention.value and len(mention.value) >= 4:
            return int(mention.value[:4])
    return None


def _month_capitalised(match: re.Match[str]) -> bool:
    """News copy capitalises months; a lower-case "may" or "march" is a verb."""
    month_token = next(
        (match[g] for g in ("m1", "m2", "m3", "m4", "m5", "m6") if match[g] is not None), ""
    )
    return bool(month_token) and month_token[0].isupper()


def resolve_phrase(phrase: str, published: dt.date | None) -> str | None:
    """Resolve a single date phrase such as "in March 2022" or "on Tuesday"."""
    found = find_dates(phrase, published)
    return found[0].value if found else None
