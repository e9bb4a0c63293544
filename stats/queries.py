"""Figures for dashboards, each computed by the database with one aggregate query.

Every function takes the detainees to count (already narrowed to what the user may see
and to a nationality) and returns chart-friendly rows: `{"key", "label", "count"}`.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncMonth
from django.db.models.lookups import LessThan, LessThanOrEqual
from django.utils import dateformat

from cases.constants import (
    HELD_STATUSES,
    ChargeCategory,
    DetaineeStatus,
    ExtraditionStatus,
)
from cases.models import Case as LegalCase
from cases.models import Charge, Detainee, Extradition, Facility, Nationality, Sentence
from cases.partial_dates import DAY, MONTH, PartialDate
from config.api import country_label
from consular.models import ConsularVisit
from consular.querysets import overdue_for_visit


@dataclass(frozen=True)
class Period:
    """A date range from the first day of `start` to the last day of `end`."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    def q(self, field: str) -> Q:
        query = Q()
        if self.start:
            query &= Q(**{f"{field}__gte": self.start.value})
        if self.end:
            query &= Q(**{f"{field}__lte": self.end.last_day})
        return query

    def __bool__(self) -> bool:
        return bool(self.start or self.end)


def detainees_for(*, user, nationality: str | None = None) -> QuerySet:
    """The detainees `user` may see, of one nationality when given."""
    detainees = Detainee.objects.visible_to(user)
    if nationality:
        same = Nationality.objects.filter(detainee=OuterRef("pk"), country=nationality)
        detainees = detainees.filter(Exists(same))
    return detainees


def _row(key, label: str, count: int, **extra) -> dict:
    return {"key": key, "label": label, "count": count, **extra}


# --- Summary -----------------------------------------------------------------------------


def summary(*, detainees: QuerySet, period: Period | None = None) -> dict:
    """Detainees by status, those held by detaining country, and totals. A period keeps
    the detainees with a case whose arrest date falls in it."""
    period = period or Period()
    if period:
        arrested = LegalCase.objects.filter(period.q("arrested_on"), detainee=OuterRef("pk"))
        detainees = detainees.filter(Exists(arrested))
    counts = {
        row["status"]: row["count"]
        for row in detainees.order_by().values("status").annotate(count=Count("pk"))
    }
    # The country holding each person now, derived from the latest dated facts
    # (`cases.services.detainee_facts_derive`): an older case elsewhere does not count.
    held_in = {
        row["detaining_country"]: row["count"]
        for row in detainees.held()
        .exclude(detaining_country="")
        .order_by()
        .values("detaining_country")
        .annotate(count=Count("pk"))
    }
    return summary_answer(status_counts=counts, held_in=held_in)


def summary_answer(*, status_counts: dict[str, int], held_in: dict[str, int]) -> dict:
    """The summary's answer from the people counted by status and, of those held, by the
    country holding them."""
    by_status = [
        _row(status.value, status.label, status_counts.get(status.value, 0))
        for status in DetaineeStatus
    ]
    held_by_country = [
        _row(country, country_label(country), count)
        for country, count in sorted(held_in.items(), key=lambda item: (-item[1], item[0]))
    ]
    totals = {
        "detainees": sum(status_counts.values()),
        "held": sum(status_counts.get(status, 0) for status in HELD_STATUSES),
        "detaining_countries": len(held_by_country),
    }
    return {"totals": totals, "by_status": by_status, "held_by_country": held_by_country}


# --- Extraditions ------------------------------------------------------------------------


def extraditions(
    *, detainees: QuerySet, period: Period | None = None, nationality: str | None = None
) -> dict:
    """People surrendered in an extradition, by surrendering country and by year of
    surrender. Counts are of people: someone surrendered twice counts once in a total.
    With a nationality, surrenders by that country itself are left out (third countries
    only)."""
    period = period or Period()
    surrendered = Extradition.objects.filter(
        period.q("surrendered_on"),
        detainee__in=detainees,
        status=ExtraditionStatus.SURRENDERED,
    )
    if nationality:
        surrendered = surrendered.exclude(from_country=nationality)
    surrendered = surrendered.order_by()
    by_country = {
        row["from_country"]: row["count"]
        for row in surrendered.values("from_country").annotate(
            count=Count("detainee", distinct=True)
        )
    }
    with_year = surrendered.annotate(year=ExtractYear("surrendered_on"))
    by_year = {
        row["year"]: row["count"]
        for row in with_year.values("year").annotate(count=Count("detainee", distinct=True))
    }
    by_country_year = {
        (row["year"], row["from_country"]): row["count"]
        for row in with_year.values("year", "from_country").annotate(
            count=Count("detainee", distinct=True)
        )
    }
    total = surrendered.aggregate(people=Count("detainee", distinct=True), extraditions=Count("pk"))
    return extraditions_answer(
        people=total["people"],
        extraditions=total["extraditions"],
        by_country=by_country,
        by_year=by_year,
        by_country_year=by_country_year,
    )


def _year_order(year: int | None) -> tuple:
    return (year is None, year or 0)


def extraditions_answer(
    *,
    people: int,
    extraditions: int,
    by_country: dict[str, int],
    by_year: dict[int | None, int],
    by_country_year: dict[tuple[int | None, str], int],
) -> dict:
    """The extraditions' answer from the people surrendered (in all, by country, by year
    of surrender, by both) and the number of surrenders. A year of None: date unknown."""
    return {
        "total": people,
        "extraditions": extraditions,
        "by_country": [
            _row(country, country_label(country), count)
            for country, count in sorted(by_country.items(), key=lambda i: (-i[1], i[0]))
        ],
        "by_year": [
            _row(year, str(year) if year else "Date unknown", count)
            for year, count in sorted(by_year.items(), key=lambda i: _year_order(i[0]))
        ],
        "by_country_year": [
            {
                "year": year,
                "country": country,
                "country_label": country_label(country),
                "count": count,
            }
            for (year, country), count in sorted(
                by_country_year.items(), key=lambda i: (_year_order(i[0][0]), i[0][1])
            )
        ],
    }


# --- Charges and sentences ---------------------------------------------------------------


def charges_by_category(*, detainees: QuerySet, period: Period | None = None) -> dict:
    """Charges by category (every category, most frequent first), with how many people
    face them. A period keeps the charges of cases whose arrest date falls in it."""
    period = period or Period()
    charges = Charge.objects.filter(period.q("case__arrested_on"), case__detainee__in=detainees)
    rows = {
        row["category"]: (row["count"], row["detainees"])
        for row in charges.order_by()
        .values("category")
        .annotate(count=Count("pk"), detainees=Count("case__detainee", distinct=True))
    }
    return charges_answer(rows)


def charges_answer(rows: dict[str, tuple[int, int]]) -> dict:
    """The charges' answer from (charges, people facing them) by category."""
    by_category = [
        _row(
            category.value,
            category.label,
            rows.get(category.value, (0, 0))[0],
            detainees=rows.get(category.value, (0, 0))[1],
        )
        for category in ChargeCategory
    ]
    by_category.sort(key=lambda row: -row["count"])
    return {"total": sum(row["count"] for row in by_category), "by_category": by_category}


# Upper bounds in months, inclusive: 5 years exactly is in "1–5 years".
SENTENCE_BUCKETS = (
    ("under_1", "Under 1 year"),
    ("1_5", "1–5 years"),
    ("5_10", "5–10 years"),
    ("10_20", "10–20 years"),
    ("over_20", "Over 20 years"),
    ("life", "Life"),
    ("no_term", "No prison term"),
)


def sentence_terms(*, detainees: QuerySet, period: Period | None = None) -> dict:
    """Sentences by length of prison term, bucketed in SQL. A period keeps the sentences
    passed in it. Every sentence counts (a resentencing is a second sentence)."""
    period = period or Period()
    counts = {
        row["bucket"]: row["count"]
        for row in Sentence.objects.filter(period.q("sentenced_on"), case__detainee__in=detainees)
        .annotate(bucket=sentence_bucket())
        .order_by()
        .values("bucket")
        .annotate(count=Count("pk"))
    }
    return sentences_answer(counts)


def sentence_bucket() -> Case:
    """A sentence's bucket (a key of SENTENCE_BUCKETS), as an SQL expression."""
    months = Coalesce("term_years", 0) * 12 + Coalesce("term_months", 0)
    return Case(
        When(is_life=True, then=Value("life")),
        When(term_years__isnull=True, term_months__isnull=True, then=Value("no_term")),
        When(LessThan(months, 12), then=Value("under_1")),
        When(LessThanOrEqual(months, 60), then=Value("1_5")),
        When(LessThanOrEqual(months, 120), then=Value("5_10")),
        When(LessThanOrEqual(months, 240), then=Value("10_20")),
        default=Value("over_20"),
        output_field=CharField(),
    )


def sentences_answer(counts: dict[str, int]) -> dict:
    """The sentences' answer from the sentences counted by bucket."""
    by_term = [_row(key, label, counts.get(key, 0)) for key, label in SENTENCE_BUCKETS]
    return {"total": sum(counts.values()), "by_term": by_term}


# --- Visits ------------------------------------------------------------------------------


# The most months `visits_per_month` lists: 50 years of rows, a few kilobytes.
MAX_MONTHS = 600


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _months(first: dt.date, last: dt.date):
    """The first day of each month from `first` to `last`, without date arithmetic that
    could run past the year 9999."""
    for index in range(_month_index(first), _month_index(last) + 1):
        yield dt.date(index // 12, index % 12 + 1, 1)


def visits_per_month(*, detainees: QuerySet, period: Period | None = None) -> dict:
    """Completed consular visits per month, months without a visit included. Visits known
    only to the year are counted in the total but in no month.

    The months run over the range asked for (or from the first to the last month with a
    visit); a span longer than MAX_MONTHS is narrowed to the months with visits, and then to
    the latest MAX_MONTHS of them, so that no query string can ask for megabytes of zeros."""
    period = period or Period()
    visits = ConsularVisit.objects.completed().filter(
        period.q("visited_on"), detainee__in=detainees
    )
    counts = {
        row["month"]: row["count"]
        for row in visits.filter(visited_on_precision__in=(MONTH, DAY))
        .annotate(month=TruncMonth("visited_on"))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
    }
    return visits_answer(counts=counts, total=visits.count(), period=period)


def visits_answer(*, counts: dict[dt.date, int], total: int, period: Period) -> dict:
    """The visits' answer from the completed visits counted by month (the first day of
    each) and in all."""
    per_month = []
    if counts:
        first = period.start.value if period.start else min(counts)
        last = period.end.last_day if period.end else max(counts)
        if _month_index(last) - _month_index(first) >= MAX_MONTHS:
            first, last = max(first, min(counts)), min(last, max(counts))
        if _month_index(last) - _month_index(first) >= MAX_MONTHS:
            latest = _month_index(last) - MAX_MONTHS + 1
            first = dt.date(latest // 12, latest % 12 + 1, 1)
        per_month = [
            _row(month.strftime("%Y-%m"), dateformat.format(month, "M Y"), counts.get(month, 0))
            for month in _months(first, last)
        ]
    return {"total": total, "per_month": per_month}


def overdue(
    *, detainees: QuerySet, today: dt.date, interval_days: int | None = None, limit: int = 50
) -> dict:
    """Held detainees with no completed visit for longer than the interval, longest
    waiting first, with the days since their last visit (None: never visited)."""
    interval = interval_days or settings.CONSULAR_VISIT_INTERVAL_DAYS
    waiting = overdue_for_visit(detainees, today=today, interval_days=interval)
    latest = (
        ConsularVisit.objects.completed()
        .with_counted_date()
        .filter(detainee=OuterRef("pk"))
        .order_by("-counted_on", "-id")
        .values("visited_on_precision")[:1]
    )
    rows = waiting.annotate(last_visit_precision=Subquery(latest)).values(
        "id", "full_name", "status", "last_visit_on", "last_visit_precision"
    )[:limit]
    return overdue_answer(rows=rows, count=waiting.count(), today=today, interval_days=interval)


def overdue_answer(*, rows, count: int, today: dt.date, interval_days: int) -> dict:
    """The overdue answer from the people listed (dicts of `id`, `full_name`, `status`,
    `last_visit_on` and `last_visit_precision`, in order) and the number overdue."""
    labels = dict(DetaineeStatus.choices)
    detainees_out = []
    for row in rows:
        last = row["last_visit_on"]
        detainees_out.append(
            {
                "id": row["id"],
                "full_name": row["full_name"],
                "status": row["status"],
                "status_label": labels.get(row["status"], row["status"]),
                "last_visit_on": (
                    PartialDate.of(last, row["last_visit_precision"] or DAY).isoformat()
                    if last
                    else None
                ),
                "days_since_last_visit": (today - last).days if last else None,
            }
        )
    return {
        "interval_days": interval_days,
        "today": today.isoformat(),
        "count": count,
        "detainees": detainees_out,
    }


# --- Facilities --------------------------------------------------------------------------


def facilities_holding_most(*, detainees: QuerySet, limit: int = 10) -> dict:
    """Facilities by the number of held detainees with an open custody period there."""
    # Filtering before annotating counts only the open periods of held detainees.
    rows = Facility.objects.filter(
        custody_periods__ended_on__isnull=True,
        custody_periods__detainee__in=detainees.held(),
    ).annotate(count=Count("custody_periods__detainee", distinct=True))
    return facilities_answer(facilities=rows, limit=limit)


def facilities_answer(*, facilities: QuerySet, limit: int = 10) -> dict:
    """The facilities' answer from facilities annotated with the people `count`ed there."""
    rows = facilities.order_by("-count", "name").values(
        "id", "name", "country", "locality", "count"
    )[:limit]
    return {
        "by_facility": [
            _row(
                row["id"],
                f"{row['name']} ({country_label(row['country'])})",
                row["count"],
                name=row["name"],
                country=row["country"],
                country_label=country_label(row["country"]),
                locality=row["locality"],
            )
            for row in rows
        ]
    }


__all__ = [
    "Period",
    "detainees_for",
    "summary",
    "extraditions",
    "charges_by_category",
    "sentence_terms",
    "visits_per_month",
    "overdue",
    "facilities_holding_most",
]
