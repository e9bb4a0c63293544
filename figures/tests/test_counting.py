"""The record's count for each definition an official figure can have matches a direct
count of the rows, among the people the reader may see."""

import datetime as dt

import pytest

from cases.constants import HELD_STATUSES, DetaineeStatus, ExtraditionStatus
from cases.models import Case, Detainee, Extradition
from cases.tests.factories import (
    CaseFactory,
    DetaineeFactory,
    ExtraditionFactory,
    NationalityFactory,
)
from figures.constants import Definition
from figures.counting import describe, record_count
from figures.services import figure_compare, figures_compared

from .factories import OfficialFigureFactory

pytestmark = pytest.mark.django_db


def national(country="RU", **kwargs):
    person = DetaineeFactory(**kwargs)
    NationalityFactory(detainee=person, country=country)
    return person


@pytest.fixture
def caseload():
    """A mixed caseload: who is held where, arrested when, extradited from where."""
    for status in (DetaineeStatus.CONVICTED, DetaineeStatus.DETAINED, DetaineeStatus.RELEASED):
        for held_by in ("US", "DE"):
            national(status=status, detaining_country=held_by)
    national("UA", status=DetaineeStatus.CONVICTED, detaining_country="US")
    dual = national(status=DetaineeStatus.ON_TRIAL, detaining_country="US")
    NationalityFactory(detainee=dual, country="IL")
    national(status=DetaineeStatus.CONVICTED, detaining_country="US", is_restricted=True)
    archived = national(status=DetaineeStatus.CONVICTED, detaining_country="US")
    Detainee.all_objects.filter(pk=archived.pk).update(
        archived_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )

    for year, country in [(2015, "US"), (2019, "US"), (2021, "US"), (2023, "DE"), (2024, "US")]:
        CaseFactory(
            detainee=national(),
            country=country,
            arrested_on=dt.date(year, 1, 1),
            arrested_on_precision="year",
        )
    # Arrested twice in the US since 2019: one person.
    twice = national()
    CaseFactory(detainee=twice, country="US", arrested_on=dt.date(2020, 5, 1))
    CaseFactory(detainee=twice, country="US", arrested_on=dt.date(2022, 5, 1))
    CaseFactory(detainee=national(), country="US", arrested_on=None, arrested_on_precision="")

    for source, status, when in [
        ("TH", ExtraditionStatus.SURRENDERED, dt.date(2019, 6, 1)),
        ("CZ", ExtraditionStatus.SURRENDERED, dt.date(2022, 3, 1)),
        ("RU", ExtraditionStatus.SURRENDERED, dt.date(2021, 3, 1)),  # not a third country
        ("ES", ExtraditionStatus.SURRENDERED, dt.date(2012, 3, 1)),  # before the year
        ("GE", ExtraditionStatus.REFUSED, None),
    ]:
        ExtraditionFactory(
            detainee=national(),
            from_country=source,
            to_country="US",
            status=status,
            surrendered_on=when,
            surrendered_on_precision="day" if when else "",
        )


def direct_count(user, definition, *, nationality="RU", country="US", since=None):
    """The same question answered row by row in Python, from every table."""
    visible = set(Detainee.objects.visible_to(user).values_list("pk", flat=True))
    people = {
        d.pk
        for d in Detainee.objects.prefetch_related("nationalities")
        if d.pk in visible and nationality in {n.country.code for n in d.nationalities.all()}
    }
    if definition == Definition.HELD_IN:
        return sum(
            1
            for d in Detainee.objects.filter(pk__in=people)
            if d.status in HELD_STATUSES and d.detaining_country == country
        )
    start = dt.date(since, 1, 1)
    if definition == Definition.DETAINED_SINCE:
        return len(
            {
                c.detainee_id
                for c in Case.objects.all()
                if c.detainee_id in people
                and c.country == country
                and c.arrested_on
                and c.arrested_on >= start
            }
        )
    return len(
        {
            e.detainee_id
            for e in Extradition.objects.all()
            if e.detainee_id in people
            and e.to_country == country
            and e.from_country not in (country, nationality)
            and e.status == ExtraditionStatus.SURRENDERED
            and e.surrendered_on
            and e.surrendered_on >= start
        }
    )


@pytest.mark.parametrize(
    ("definition", "since", "expected"),
    [
        (Definition.HELD_IN, None, 3),
        (Definition.DETAINED_SINCE, 2019, 4),
        (Definition.DETAINED_SINCE, 2015, 5),
        (Definition.EXTRADITED_SINCE, 2019, 2),
        (Definition.EXTRADITED_SINCE, 2010, 3),
    ],
)
def test_the_record_count_matches_a_direct_count(caseload, viewer, definition, since, expected):
    detainees = Detainee.objects.visible_to(viewer)
    counted = record_count(
        definition=definition,
        nationality="RU",
        country="US",
        since_year=since,
        detainees=detainees,
    )
    assert counted == direct_count(viewer, definition, since=since) == expected


def test_restricted_people_count_only_for_those_who_see_them(caseload, viewer, admin_user):
    figure = OfficialFigureFactory(definition=Definition.HELD_IN, number=100)
    as_viewer = figure_compare(figure=figure, detainees=Detainee.objects.visible_to(viewer))
    as_admin = figure_compare(figure=figure, detainees=Detainee.objects.visible_to(admin_user))
    assert as_admin.record_count == as_viewer.record_count + 1
    assert as_admin.record_count == direct_count(admin_user, Definition.HELD_IN)
    assert (as_viewer.gap, as_admin.gap) == (97, 96)


def test_the_dashboard_list_is_newest_first_with_counts(caseload, viewer):
    old = OfficialFigureFactory(said_on=dt.date(2020, 1, 1), number=2)
    new = OfficialFigureFactory(
        said_on=dt.date(2025, 6, 1),
        definition=Definition.EXTRADITED_SINCE,
        since_year=2019,
        number=59,
    )
    compared = figures_compared(user=viewer)
    assert [c.figure for c in compared] == [new, old]
    assert [(c.record_count, c.gap) for c in compared] == [(2, 57), (3, -1)]


def test_a_question_reads_as_words():
    assert (
        describe(
            definition=Definition.EXTRADITED_SINCE, nationality="RU", country="US", since_year=2019
        )
        == "Nationals of Russia extradited from third countries to United States of America "
        "since 2019"
    )
    assert (
        describe(definition=Definition.HELD_IN, nationality="RU", country="US", since_year=None)
        == "Nationals of Russia held in United States of America now"
    )
