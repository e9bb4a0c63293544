"""The dashboard's answers read from the summary rows (`stats.models.Figure`): each sums a
statistic's rows over the scopes the user may see, for one nationality or everyone, and
builds the same answer as the direct query in `stats.queries` would have at the moment the
rows were counted. A fixed number of queries whatever the number of records."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, Sum

from cases.models import Detainee, Facility, Nationality
from cases.querysets import is_admin

from . import queries
from .models import Figure, Statistic, WaitingForVisit

# How long a cached count of overdue people is kept: a little longer than the schedule of
# the counts, after which its key (the count it was read from) is never asked again.
OVERDUE_COUNT_SECONDS = 300


def _sums(*, user, nationality: str | None, statistics) -> dict[str, dict]:
    """{statistic: {(key, key2): (count, people)}} over the user's scopes, in one query."""
    rows = (
        Figure.objects.visible_to(user)
        .of_nationality(nationality)
        .filter(statistic__in=statistics)
        .values("statistic", "key", "key2")
        .annotate(total=Sum("count"), people=Sum("people"))
        .order_by()
    )
    found: dict[str, dict] = {statistic: {} for statistic in statistics}
    for row in rows:
        found[row["statistic"]][row["key"], row["key2"]] = (row["total"], row["people"])
    return found


def _year(key: str) -> int | None:
    return int(key) if key else None


def summary(*, user, nationality: str | None = None) -> dict:
    sums = _sums(
        user=user, nationality=nationality, statistics=[Statistic.STATUS, Statistic.HELD_IN]
    )
    return queries.summary_answer(
        status_counts={key: n for (key, _), (n, _) in sums[Statistic.STATUS].items()},
        held_in={key: n for (key, _), (n, _) in sums[Statistic.HELD_IN].items()},
    )


def extraditions(*, user, nationality: str | None = None) -> dict:
    sums = _sums(
        user=user,
        nationality=nationality,
        statistics=[
            Statistic.SURRENDERED,
            Statistic.SURRENDERED_BY_COUNTRY,
            Statistic.SURRENDERED_BY_YEAR,
            Statistic.SURRENDERED_BY_COUNTRY_YEAR,
        ],
    )
    extraditions, people = sums[Statistic.SURRENDERED].get(("", ""), (0, 0))
    return queries.extraditions_answer(
        people=people,
        extraditions=extraditions,
        by_country={key: n for (key, _), (n, _) in sums[Statistic.SURRENDERED_BY_COUNTRY].items()},
        by_year={_year(key): n for (key, _), (n, _) in sums[Statistic.SURRENDERED_BY_YEAR].items()},
        by_country_year={
            (_year(year), country): n
            for (year, country), (n, _) in sums[Statistic.SURRENDERED_BY_COUNTRY_YEAR].items()
        },
    )


def charges_by_category(*, user, nationality: str | None = None) -> dict:
    sums = _sums(user=user, nationality=nationality, statistics=[Statistic.CHARGES])
    return queries.charges_answer({key: row for (key, _), row in sums[Statistic.CHARGES].items()})


def sentence_terms(*, user, nationality: str | None = None) -> dict:
    sums = _sums(user=user, nationality=nationality, statistics=[Statistic.SENTENCES])
    return queries.sentences_answer(
        {key: n for (key, _), (n, _) in sums[Statistic.SENTENCES].items()}
    )


def visits_per_month(*, user, nationality: str | None = None) -> dict:
    sums = _sums(
        user=user,
        nationality=nationality,
        statistics=[Statistic.VISITS, Statistic.VISITS_BY_MONTH],
    )
    total, _ = sums[Statistic.VISITS].get(("", ""), (0, 0))
    return queries.visits_answer(
        counts={
            dt.date.fromisoformat(key): n
            for (key, _), (n, _) in sums[Statistic.VISITS_BY_MONTH].items()
        },
        total=total,
        period=queries.Period(),
    )


def _scope_key(user) -> str:
    """The scopes `user` may see, as a cache key's part: every scope for administrators,
    else the unrestricted people and the user's own restricted people."""
    return "all" if is_admin(user) else f"user-{user.pk}"


def overdue(
    *,
    user,
    nationality: str | None = None,
    today: dt.date,
    interval_days: int | None = None,
    limit: int = 50,
    counted: uuid.UUID | None = None,
) -> dict:
    """The held people (held at the count, and still held) whose latest completed visit
    as counted is older than the interval.

    With `counted` (`SummaryRefresh.counted`, new at every count), the number of them is
    cached under it: counting tens of thousands of waiting people on every request was
    most of this answer's time, and the rows cannot change until the next count replaces
    them."""
    interval = interval_days or settings.CONSULAR_VISIT_INTERVAL_DAYS
    cutoff = today - dt.timedelta(days=interval)
    waiting = WaitingForVisit.objects.visible_to(user).filter(
        Q(last_visit_on__isnull=True) | Q(last_visit_on__lt=cutoff)
    )
    if nationality:
        same = Nationality.objects.filter(detainee=OuterRef("detainee"), country=nationality)
        waiting = waiting.filter(Exists(same))
    listed = list(
        waiting.order_by("rank").values("detainee_id", "last_visit_on", "last_visit_precision")[
            :limit
        ]
    )
    # Names and statuses as they are now; who is overdue, as counted.
    people = Detainee.objects.filter(pk__in=[row["detainee_id"] for row in listed]).values(
        "id", "full_name", "status"
    )
    now = {person["id"]: person for person in people}
    rows = [{**now[row["detainee_id"]], **row} for row in listed if row["detainee_id"] in now]
    if counted is None:
        count = waiting.count()
    else:
        key = f"stats:overdue:{counted}:{cutoff}:{nationality or ''}:{_scope_key(user)}"
        count = cache.get_or_set(key, waiting.count, OVERDUE_COUNT_SECONDS)
    return queries.overdue_answer(rows=rows, count=count, today=today, interval_days=interval)


def facilities_holding_most(*, user, nationality: str | None = None, limit: int = 10) -> dict:
    counted = Figure.objects.visible_to(user).of_nationality(nationality)
    facilities = Facility.objects.filter(
        figures__in=counted.filter(statistic=Statistic.FACILITY)
    ).annotate(count=Sum("figures__count"))
    return queries.facilities_answer(facilities=facilities, limit=limit)


def nationalities(*, user) -> list[str]:
    """The nationalities of the people `user` may see, as counted."""
    return list(
        Figure.objects.visible_to(user)
        .filter(statistic=Statistic.STATUS)
        .exclude(nationality="")
        .values_list("nationality", flat=True)
        .distinct()
    )


__all__ = [
    "summary",
    "extraditions",
    "charges_by_category",
    "sentence_terms",
    "visits_per_month",
    "overdue",
    "facilities_holding_most",
    "nationalities",
]
