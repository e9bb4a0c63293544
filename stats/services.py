"""Counting the dashboard's figures into the summary rows (`stats.models`).

`summaries_refresh` replaces every row in one transaction, from one grouped query per
statistic and per nationality split: readers see the old rows until it commits, then the
new ones, never a mix. The counts follow the direct queries of `stats.queries` (the same
records, the same rules); the tests hold each summary answer to them."""

import time
import uuid

from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, RowNumber, TruncMonth
from django.utils import timezone

from cases.constants import ExtraditionStatus
from cases.models import Charge, Detainee, Extradition, Facility, Sentence
from cases.partial_dates import DAY, MONTH
from consular.models import ConsularVisit

from .models import Figure, Statistic, SummaryRefresh, WaitingForVisit
from .queries import sentence_bucket

# Rows written per INSERT.
BATCH = 2000


def _scope(person: str) -> dict:
    """The scope of the person reached through `person` (a lookup path ending in `__`, or
    '' for the detainee itself): restricted or not, and if so, whose."""
    restricted = f"{person}is_restricted"
    return {
        "_restricted": F(restricted),
        "_caseworker": Case(
            When(**{restricted: True}, then=F(f"{person}assigned_caseworker")),
            default=Value(None),
            output_field=IntegerField(),
        ),
    }


def _key(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _figures(
    statistic: str,
    records: QuerySet,
    *,
    person: str,
    keys: dict | None = None,
    counts: dict,
    other_country: str | None = None,
) -> list[Figure]:
    """The rows of one statistic: `records` grouped by scope and `keys` (at most two, in
    `key` and `key2`; `facility` as such) with `counts` (`count`, and `people` if given),
    once over everyone and once per nationality of the person. `other_country` names a
    field whose value must differ from the nationality counted (third countries only)."""
    keys = keys or {}
    grouped = records.annotate(**_scope(person), **keys).order_by()
    names = ["_restricted", "_caseworker", *keys]
    by_nationality = grouped.annotate(_nationality=F(f"{person}nationalities__country"))
    if other_country:
        by_nationality = by_nationality.exclude(**{other_country: F("_nationality")})
    rows = [("", row) for row in grouped.values(*names).annotate(**counts)]
    rows += [
        (row["_nationality"], row)
        for row in by_nationality.values("_nationality", *names).annotate(**counts)
        if row["_nationality"]  # None: people of no recorded nationality
    ]
    figures = []
    for nationality, row in rows:
        values = [row[name] for name in keys]
        facility = values.pop(0) if "_facility" in keys else None
        values += ["", ""]
        figures.append(
            Figure(
                statistic=statistic,
                restricted=row["_restricted"],
                caseworker_id=row["_caseworker"],
                nationality=nationality,
                key=_key(values[0]),
                key2=_key(values[1]),
                facility_id=facility,
                count=row["count"],
                people=row.get("people", 0),
            )
        )
    return figures


def _all_figures() -> list[Figure]:
    people = Detainee.objects.all()
    figures = _figures(
        Statistic.STATUS, people, person="", keys={"_status": F("status")}, counts=_COUNT
    )
    figures += _figures(
        Statistic.HELD_IN,
        people.held().exclude(detaining_country=""),
        person="",
        keys={"_country": F("detaining_country")},
        counts=_COUNT,
    )

    surrendered = Extradition.objects.filter(
        detainee__in=people, status=ExtraditionStatus.SURRENDERED
    )
    person_count = {"count": Count("detainee", distinct=True)}
    third = {"person": "detainee__", "other_country": "from_country"}
    figures += _figures(
        Statistic.SURRENDERED,
        surrendered,
        counts={"count": Count("pk"), "people": Count("detainee", distinct=True)},
        **third,
    )
    country = {"_country": F("from_country")}
    year = {"_year": ExtractYear("surrendered_on")}
    for statistic, keys in (
        (Statistic.SURRENDERED_BY_COUNTRY, country),
        (Statistic.SURRENDERED_BY_YEAR, year),
        (Statistic.SURRENDERED_BY_COUNTRY_YEAR, {**year, **country}),
    ):
        figures += _figures(statistic, surrendered, keys=keys, counts=person_count, **third)

    figures += _figures(
        Statistic.CHARGES,
        Charge.objects.filter(case__detainee__in=people),
        person="case__detainee__",
        keys={"_category": F("category")},
        counts={"count": Count("pk"), "people": Count("case__detainee", distinct=True)},
    )
    figures += _figures(
        Statistic.SENTENCES,
        Sentence.objects.filter(case__detainee__in=people),
        person="case__detainee__",
        keys={"_bucket": sentence_bucket()},
        counts=_COUNT,
    )

    visits = ConsularVisit.objects.completed().filter(detainee__in=people)
    figures += _figures(Statistic.VISITS, visits, person="detainee__", counts=_COUNT)
    figures += _figures(
        Statistic.VISITS_BY_MONTH,
        visits.filter(visited_on_precision__in=(MONTH, DAY)),
        person="detainee__",
        keys={"_month": TruncMonth("visited_on")},
        counts=_COUNT,
    )

    # One filter() call, so that the custody period counted is the open one.
    held_at = Facility.objects.filter(
        custody_periods__ended_on__isnull=True, custody_periods__detainee__in=people.held()
    )
    figures += _figures(
        Statistic.FACILITY,
        held_at,
        person="custody_periods__detainee__",
        keys={"_facility": F("pk")},
        counts={"count": Count("custody_periods__detainee", distinct=True)},
    )
    return figures


_COUNT = {"count": Count("pk")}


def _waiting_for_visit() -> list[WaitingForVisit]:
    """Each held person with the date their latest completed visit counts from, as
    `DetaineeQuerySet.with_last_visit` finds it, and that visit's precision."""
    latest = (
        ConsularVisit.objects.completed()
        .with_counted_date()
        .filter(detainee=OuterRef("pk"))
        .order_by("-counted_on", "-id")
    )
    # The overdue list's order (`consular.querysets.overdue_for_visit`), ranked by the
    # database so that names sort by its collation as the direct query's do.
    order = [F("last_visit_on").asc(nulls_first=True), F("full_name").asc(), F("pk").asc()]
    rows = (
        Detainee.objects.held()
        .with_last_visit()
        .annotate(
            precision=Subquery(latest.values("visited_on_precision")[:1]),
            rank=Window(RowNumber(), order_by=order),
            **_scope(""),
        )
        .order_by()
        .values_list("pk", "last_visit_on", "precision", "rank", "_restricted", "_caseworker")
    )
    return [
        WaitingForVisit(
            detainee_id=pk,
            last_visit_on=last,
            last_visit_precision=precision or "",
            rank=rank,
            restricted=restricted,
            caseworker_id=caseworker,
        )
        for pk, last, precision, rank, restricted, caseworker in rows.iterator(chunk_size=BATCH)
    ]


def summaries_refresh() -> SummaryRefresh:
    """Counts every figure anew and replaces the summary rows. While one count runs,
    another started meanwhile returns at once without counting (where the database locks
    rows), so that counts slower than the schedule do not queue up behind each other."""
    started = time.monotonic()
    with transaction.atomic():
        refresh = SummaryRefresh.objects.select_for_update(skip_locked=True).filter(pk=1).first()
        if refresh is None and SummaryRefresh.objects.filter(pk=1).exists():
            return SummaryRefresh.objects.get(pk=1)
        refresh = refresh or SummaryRefresh(pk=1)
        refresh.as_of = timezone.now()
        refresh.counted = uuid.uuid4()
        figures = _all_figures()
        waiting = _waiting_for_visit()
        Figure.objects.all().delete()
        WaitingForVisit.objects.all().delete()
        Figure.objects.bulk_create(figures, batch_size=BATCH)
        WaitingForVisit.objects.bulk_create(waiting, batch_size=BATCH)
        if connection.vendor == "postgresql":
            # Every row is new: plans fitted to the old (or no) statistics would misjudge.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE stats_figure, stats_waitingforvisit")
        refresh.seconds = time.monotonic() - started
        refresh.save()
    return refresh


def latest_refresh() -> SummaryRefresh:
    """The last count of the summary rows; counts them first if they never were."""
    refresh = SummaryRefresh.objects.filter(pk=1).first()
    if refresh is None:
        refresh = summaries_refresh()
    return refresh


def summaries_as_of():
    """When the summary rows were counted; counts them first if they never were."""
    return latest_refresh().as_of


__all__ = ["summaries_refresh", "latest_refresh", "summaries_as_of"]
