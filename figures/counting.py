"""What the record counts for an official figure's question. Each definition is one
aggregate over the detainees the reader may see (`Detainee.objects.visible_to(user)`), so
a figure never reveals a restricted person."""

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django_countries import countries

from cases.constants import ExtraditionStatus
from cases.models import Case, Extradition, Nationality

from .constants import Definition


def _nationals(detainees: QuerySet, nationality: str) -> QuerySet:
    same = Nationality.objects.filter(detainee=OuterRef("pk"), country=nationality)
    return detainees.filter(Exists(same))


def record_count(
    *,
    definition: str,
    nationality: str,
    country: str,
    since_year: int | None,
    detainees: QuerySet,
) -> int:
    """The number of people among `detainees` that answer the figure's question:

    - held in: of the nationality, held now (a held status) by `country`;
    - detained since: of the nationality, with a case in `country` whose arrest date falls
      on or after 1 January of `since_year` (an arrest known only by its year or month
      counts from the first day of it);
    - extradited since: of the nationality, surrendered to `country` by a third country
      (neither `country` nor their own) on or after 1 January of `since_year`.

    Archived people, cases and extraditions are not counted."""
    people = _nationals(detainees, nationality)
    if definition == Definition.HELD_IN:
        return people.held().filter(detaining_country=country).count()
    start = dt.date(since_year, 1, 1)
    if definition == Definition.DETAINED_SINCE:
        cases = Case.objects.filter(
            detainee=OuterRef("pk"), country=country, arrested_on__gte=start
        )
        return people.filter(Exists(cases)).count()
    if definition == Definition.EXTRADITED_SINCE:
        surrendered = Extradition.objects.filter(
            detainee=OuterRef("pk"),
            to_country=country,
            status=ExtraditionStatus.SURRENDERED,
            surrendered_on__gte=start,
        ).exclude(from_country__in=[country, nationality])
        return people.filter(Exists(surrendered)).count()
    raise ValueError(f"unknown definition {definition!r}")


def describe(*, definition: str, nationality: str, country: str, since_year: int | None) -> str:
    """The question in words, as the dashboard shows it."""
    names = {
        "nationality": countries.name(nationality) or nationality,
        "country": countries.name(country) or country,
        "year": since_year,
    }
    if definition == Definition.HELD_IN:
        return _("Nationals of %(nationality)s held in %(country)s now") % names
    if definition == Definition.DETAINED_SINCE:
        return _("Nationals of %(nationality)s detained by %(country)s since %(year)s") % names
    return (
        _(
            "Nationals of %(nationality)s extradited from third countries to %(country)s "
            "since %(year)s"
        )
        % names
    )
