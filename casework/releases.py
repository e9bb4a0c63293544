"""When a sentence is expected to end: its start, plus its term, less the credit for time
already served. The result is as precise as the start date (a sentence known only to the
year gives a release known only to the year).

An expected-release task keeps the computation as values (`Task.computed`), and its title
and explanation are worded from them in the reader's language; the columns `title` and
`computed_from` hold the English wording, as the API's writers and searches see it."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Sentence
from cases.partial_dates import PartialDate

# The language the title and explanation columns are written in.
STORED_LANGUAGE = "en"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1
    month is 28 or 29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _term_display(years: int | None, months: int | None) -> str:
    parts = []
    if years:
        parts.append(ngettext("%(n)d year", "%(n)d years", years) % {"n": years})
    if months:
        parts.append(ngettext("%(n)d month", "%(n)d months", months) % {"n": months})
    return " ".join(parts)


@dataclass(frozen=True)
class ComputedRelease:
    released: PartialDate
    start: PartialDate
    term_years: int
    term_months: int
    credit_days: int

    @property
    def explanation(self) -> str:
        """How the date was reached, in the active language."""
        parts = [
            _("sentence start %(start)s") % {"start": self.start.display()},
            _("plus a term of %(term)s")
            % {"term": _term_display(self.term_years, self.term_months)},
        ]
        if self.credit_days:
            parts.append(
                ngettext(
                    "less %(days)d day of credit for time served",
                    "less %(days)d days of credit for time served",
                    self.credit_days,
                )
                % {"days": self.credit_days}
            )
        return ", ".join(parts)

    @property
    def title(self) -> str:
        """The task's title in the active language."""
        return _("Expected release (%(when)s)") % {"when": self.released.display()}

    @property
    def computed_from(self) -> str:
        """The task's explanation in the active language."""
        return _("Computed: %(how)s.") % {"how": self.explanation}

    def as_values(self) -> dict:
        """What `Task.computed` keeps: no words, only dates and numbers."""
        return {
            "released": self.released.value.isoformat(),
            "precision": self.released.precision,
            "start": self.start.value.isoformat(),
            "start_precision": self.start.precision,
            "term_years": self.term_years,
            "term_months": self.term_months,
            "credit_days": self.credit_days,
        }

    @classmethod
    def from_values(cls, values: dict | None) -> ComputedRelease | None:
        if not values:
            return None
        try:
            return cls(
                released=PartialDate(
                    dt.date.fromisoformat(values["released"]), values["precision"]
                ),
                start=PartialDate(
                    dt.date.fromisoformat(values["start"]), values["start_precision"]
                ),
                term_years=int(values.get("term_years") or 0),
                term_months=int(values.get("term_months") or 0),
                credit_days=int(values.get("credit_days") or 0),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def stored(self) -> tuple[str, str]:
        """The title and explanation as the columns keep them."""
        with translation.override(STORED_LANGUAGE):
            return self.title, self.computed_from


def release_compute(
    *,
    start: PartialDate | None,
    term_years: int | None,
    term_months: int | None,
    is_life: bool,
    credit_days: int | None,
) -> ComputedRelease | None:
    """The release from a sentence's values; None when there is nothing to compute from."""
    months = None if is_life else (term_years or 0) * 12 + (term_months or 0)
    if start is None or not months:
        return None
    credit = credit_days or 0
    day = add_months(start.value, months) - dt.timedelta(days=credit)
    return ComputedRelease(
        released=PartialDate.of(day, start.precision),
        start=start,
        term_years=term_years or 0,
        term_months=term_months or 0,
        credit_days=credit,
    )


def expected_release_compute(sentence: Sentence) -> ComputedRelease | None:
    """None when there is nothing to compute from: no start date, no term, or a life
    sentence."""
    return release_compute(
        start=sentence.sentenced,
        term_years=sentence.term_years,
        term_months=sentence.term_months,
        is_life=sentence.is_life,
        credit_days=sentence.time_served_credit_days,
    )


def worded(title: str, computed_from: str, values: dict | None) -> tuple[str, str]:
    """A task's title and explanation for the reader: worded from its computation when it
    has one and its title is still the computed one (a title a caseworker typed is theirs,
    shown as typed)."""
    release = ComputedRelease.from_values(values)
    if release is None:
        return title, computed_from
    stored_title, stored_from = release.stored()
    shown_title = release.title if title == stored_title else title
    shown_from = release.computed_from if computed_from == stored_from else computed_from
    return shown_title, shown_from
