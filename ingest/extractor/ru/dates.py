"""Dates in Russian news: "21 апреля 2017 года", "6 апреля", "в августе 2016 года",
"в 2014 году", "в прошлом месяце", "в пятницу", "в минувший вторник", "вчера", resolved
against the publication date. ISO strings at the precision the text gives; a day without a
year stays unresolved when the article has no date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
    r"август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4,
    "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip

_PATTERNS = [
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("dm", re.compile(r"\b(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+" + _MONTH + r"\b", re.I)),
    ("my", re.compile(r"\b" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("numeric", re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")),
    ("m", re.compile(r"\bв\s+" + _MONTH + r"\b(?!\s+(?:19|20)\d\d)", re.I)),
    ("y", re.compile(r"\b(?:в|с|к|до)\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:году|года|г\.))", re.I)),
    # "в конце 2019 года": the year
    (
        "y",
        re.compile(
            r"\b(?:в|к)\s+(?:конце|начале|середине|концу|началу|середине)\s+"
            r"(?P<year>(?:19|20)\d\d)\s*(?:года|г\.)",
            re.I,
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>в\s+прошлом\s+(?:месяце|году)|в\s+этом\s+(?:месяце|году)|"
            r"в\s+позапрошлом\s+году|прошлым\s+летом|прошлой\s+осенью|прошлой\s+зимой|"
            r"прошлой\s+весной|вчера|сегодня|накануне)\b",
            re.I,
        ),
    ),
    (
        "wd",
        re.compile(
            r"\b(?:в|во)\s+(?:(?:минувш|прошл|прошедш)\w+\s+)?"
            r"(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    value: str | None  # ISO at the text's precision; None when it cannot be resolved
    start: int
    end: int


def _month(word: str) -> int:
    word = word.lower()
    for stem, number in MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or word in ("май", "мая", "мае")):
            return number
    return 0


def _year_for(month: int, day: int | None, published: dt.date | None) -> int | None:
    """The year of a day or month given without one: the latest not after publication."""
    if published is None:
        return None
    year = published.year
    if (month, day or 1) > (published.month, published.day):
        year -= 1
    return year


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _resolve(kind, m, published)
            found.append(DateMention(value, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match, published: dt.date | None) -> str | None:
    groups = m.groupdict()
    if kind == "numeric":
        try:
            return dt.date(int(groups["year"]), int(groups["mon"]), int(groups["day"])).isoformat()
        except ValueError:
            return None
    if kind in ("dmy", "dm", "my", "m"):
        month = _month(groups["month"])
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else _year_for(month, day, published)
        if year is None or not month:
            return None
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "y":
        return groups["year"]
    if published is None:
        return None
    if kind == "wd":
        weekday = _WEEKDAYS[groups["wd"].lower()]
        back = (published.weekday() - weekday) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    rel = " ".join(groups["rel"].lower().split())
    if rel == "вчера" or rel == "накануне":
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "сегодня":
        return published.isoformat()
    if rel == "в прошлом месяце":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if rel == "в этом месяце":
        return f"{published.year:04d}-{published.month:02d}"
    if rel == "в прошлом году":
        return str(published.year - 1)
    if rel == "в позапрошлом году":
        return str(published.year - 2)
    if rel == "в этом году":
        return str(published.year)
    if rel.startswith("прошл"):
        return str(published.year - 1)
    return None
