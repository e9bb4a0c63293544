"""When a sentence is expected to end: its start, plus its term, less the credit for time
already served. The result is as precise as the start date (a sentence known only to the
year gives a release known only to the year)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Sentence
from cases.partial_dates import PartialDate


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1
    month is 28 or 29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class ComputedRelease:
    released: PartialDate
    explanation: str


def expected_release_compute(sentence: Sentence) -> ComputedRelease | None:
    """None when there is nothing to compute from: no start date, no term, or a life
    sentence."""
    start = sentence.sentenced
    months = sentence.term_in_months
    if start is None or not months:
        return None
    credit = sentence.time_served_credit_days or 0
    day = add_months(start.value, months) - dt.timedelta(days=credit)
    released = PartialDate.of(day, start.precision)
    parts = [
        _("sentence start %(start)s") % {"start": start.display()},
        _("plus a term of %(term)s") % {"term": sentence.term_display},
    ]
    if credit:
        parts.append(
            ngettext(
                "less %(days)d day of credit for time served",
                "less %(days)d days of credit for time served",
                credit,
            )
            % {"days": credit}
        )
    return ComputedRelease(released=released, explanation=", ".join(parts))
