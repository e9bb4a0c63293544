"""Dates known to a year, a month or a day, as news reports them.

A partial date is stored as the first day of its period plus its precision, so that it
sorts and filters as a date and still displays as "2019" or "June 2022".
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser
from django.utils import dateformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

YEAR, MONTH, DAY = "year", "month", "day"
PRECISIONS = (YEAR, MONTH, DAY)

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_WORDS = re.compile(r"^\s*(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s*(?:(\d{1,2}),?\s+)?(\d{4})\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_FULL_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Other written dates ("6 апреля 2024", "апрель 2024 г.", "06.04.2024") are read by dateparser
# in Russian and English: only absolute dates, and only with a year (it would otherwise take
# the current one). Day before month, as Russian writes it.
_WRITTEN = DateDataParser(
    languages=["ru", "en"],
    settings={
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["year"],
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    },
)
_PRECISION_OF_PERIOD = {"day": DAY, "month": MONTH, "year": YEAR}


class PartialDateError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class PartialDate:
    value: dt.date
    precision: str = DAY

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise PartialDateError(f"Unknown precision {self.precision!r}.")
        expected = truncate(self.value, self.precision)
        if expected != self.value:
            raise PartialDateError(f"{self.value} is not the first day of its {self.precision}.")

    @classmethod
    def of(cls, value: dt.date, precision: str) -> "PartialDate":
        return cls(truncate(value, precision), precision)

    @property
    def last_day(self) -> dt.date:
        """The last day of the period, for range filters and 'days since' sums."""
        if self.precision == YEAR:
            return dt.date(self.value.year, 12, 31)
        if self.precision == MONTH:
            days = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=days)
        return self.value

    def isoformat(self) -> str:
        if self.precision == YEAR:
            return f"{self.value.year:04d}"
        if self.precision == MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def display(self) -> str:
        """In the active language: "June 2022", "21 June 2022"; "Июнь 2022", "21 июня 2022"."""
        if self.precision == YEAR:
            return str(self.value.year)
        if self.precision == MONTH:
            return dateformat.format(self.value, "F Y")
        # E: the month's form after a day number (Russian genitive; English as F).
        return dateformat.format(self.value, "j E Y")

    def __str__(self) -> str:
        return self.display()


def truncate(value: dt.date, precision: str) -> dt.date:
    if precision == YEAR:
        return value.replace(month=1, day=1)
    if precision == MONTH:
        return value.replace(day=1)
    return value


def parse(text: str) -> PartialDate:
    """Read "2019", "2019-06", "2019-06-21", "June 2019", "21 June 2019", "June 21, 2019",
    and in Russian "6 апреля 2024", "апрель 2024"; "06.04.2024" only when the interface is
    Russian (an English reader may mean the 4th of June)."""
    if isinstance(text, dt.date):
        return PartialDate(text, DAY)
    match = _ISO.match(text or "")
    try:
        if match:
            year, month, day = match.groups()
            if day:
                return PartialDate(dt.date(int(year), int(month), int(day)), DAY)
            if month:
                return PartialDate(dt.date(int(year), int(month), 1), MONTH)
            return PartialDate(dt.date(int(year), 1, 1), YEAR)
        match = _WORDS.match(text or "")
        if match and match.group(2).lower() in _MONTHS:
            day_before, month_name, day_after, year = match.groups()
            month = _MONTHS[month_name.lower()]
            day = day_before or day_after
            if day:
                return PartialDate(dt.date(int(year), month, int(day)), DAY)
            return PartialDate(dt.date(int(year), month, 1), MONTH)
    except ValueError as exc:
        raise PartialDateError(_("%(text)r is not a real date.") % {"text": text}) from exc
    written = _written(text or "")
    if written is not None:
        return written
    raise PartialDateError(
        _("%(text)r is not a date: write 2019, 2019-06 or 2019-06-21 (or June 2019).")
        % {"text": text}
    )


def _written(text: str) -> PartialDate | None:
    text = text.strip()
    # Figures alone ("06.04.2024") are read day first only in a Russian interface; a month
    # named in words is unambiguous in either.
    if not text or not (_LETTER.search(text) or (get_language() or "").startswith("ru")):
        return None
    # dateparser would take "May 32" for May 2032: a year is written in full.
    if not _FULL_YEAR.search(text):
        return None
    found = _WRITTEN.get_date_data(text[:64])
    precision = _PRECISION_OF_PERIOD.get(found.period)
    if found.date_obj is None or precision is None:
        return None
    return PartialDate.of(found.date_obj.date(), precision)


def earliest(known: PartialDate | None, new: PartialDate | None) -> PartialDate | None:
    """The earlier of two dates a fact is reported as of. A date inside the other keeps
    the finer of the two ("2016" and "5 October 2016" are one date, told more precisely);
    otherwise the one that starts first."""
    if known is None or new is None:
        return known or new
    inside_known = known.value <= new.value <= known.last_day
    inside_new = new.value <= known.value <= new.last_day
    if inside_known or inside_new:
        return new if (new.last_day - new.value) < (known.last_day - known.value) else known
    return new if new.value < known.value else known
