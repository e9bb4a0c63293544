"""Accepting drafts from articles of different dates: the record's current values follow
the latest dated facts, older articles add to the timeline, and a surrendering country is
an extradition, not a second prosecution."""

import datetime as dt

import pytest

from cases.constants import DetaineeStatus, ExtraditionStatus, ReportedFact
from cases.models import Case, Detainee, Extradition, FactReport
from consular.models import ConsularVisit
from consular.querysets import overdue_for_visit
from ingest import services
from ingest.constants import FactKind

from .factories import dated_draft

pytestmark = pytest.mark.django_db

NAME = "Yevgeniy Nikulin"


def draft_of(published: dt.date, facts: list[tuple[str, dict]], title: str):
    return dated_draft(name=NAME, published=published, title=title, facts=facts, quote=title)


def newer_article():
    return draft_of(
        dt.date(2024, 3, 1),
        [
            (FactKind.STATUS, {"status": DetaineeStatus.CONVICTED}),
            (FactKind.DETAINING_COUNTRY, {"country": "US"}),
            (FactKind.CHARGE, {"description": "computer intrusion", "category": "cybercrime"}),
            (
                FactKind.EXTRADITION,
                {
                    "from_country": "CZ",
                    "to_country": "US",
                    "status": ExtraditionStatus.SURRENDERED,
                    "date": "2018-03-30",
                },
            ),
        ],
        "newer",
    )


def older_article():
    return draft_of(
        dt.date(2017, 2, 1),
        [
            (FactKind.STATUS, {"status": DetaineeStatus.EXTRADITION_PENDING}),
            (FactKind.DETAINING_COUNTRY, {"country": "CZ"}),
            (FactKind.FACILITY, {"name": "Pankrac prison", "country": "CZ"}),
            (FactKind.CHARGE, {"description": "hacking LinkedIn", "category": "cybercrime"}),
            (
                FactKind.EXTRADITION,
                {"from_country": "CZ", "to_country": "US", "status": ExtraditionStatus.REQUESTED},
            ),
        ],
        "older",
    )


def current(detainee: Detainee) -> tuple:
    detainee.refresh_from_db()
    extradition = Extradition.objects.get(detainee=detainee)
    return (
        detainee.status,
        detainee.detaining_country.code,
        extradition.status,
        extradition.surrendered.isoformat() if extradition.surrendered else None,
    )


def test_an_older_article_merged_into_a_newer_record_leaves_the_current_values(reviewer):
    services.draft_accept(draft=newer_article(), user=reviewer)
    detainee = Detainee.objects.get(full_name=NAME)
    before = current(detainee)
    assert before == ("convicted", "US", "surrendered", "2018-03-30")

    services.draft_accept(draft=older_article(), user=reviewer, merge_into=detainee.pk)

    assert current(detainee) == before
    # Its facts joined the timeline, dated by the older article.
    statuses = FactReport.objects.filter(detainee=detainee, fact=ReportedFact.STATUS)
    assert {(r.value, r.reported_as_of.isoformat()) for r in statuses} == {
        ("convicted", "2024-03-01"),
        ("extradition_pending", "2017-02-01"),
    }
    assert detainee.custody_periods.filter(facility__name="Pankrac prison").exists()
    assert set(detainee.cases.get().charges.values_list("description", flat=True)) == {
        "computer intrusion",
        "hacking LinkedIn",
    }
    # The surrendering country arrested and handed him over: no case of its own.
    assert list(Case.objects.filter(detainee=detainee).values_list("country", flat=True)) == ["US"]


def test_a_newer_article_moves_the_current_values_forward(reviewer):
    services.draft_accept(draft=older_article(), user=reviewer)
    detainee = Detainee.objects.get(full_name=NAME)
    assert current(detainee) == ("extradition_pending", "CZ", "requested", None)
    assert detainee.current_facility.name == "Pankrac prison"
    # No Czech prosecution: the charges wait in the requesting country's case.
    assert list(detainee.cases.values_list("country", flat=True)) == ["US"]

    services.draft_accept(draft=newer_article(), user=reviewer, merge_into=detainee.pk)

    assert current(detainee) == ("convicted", "US", "surrendered", "2018-03-30")
    assert detainee.current_facility is None  # Pankrac was the word of 2017, before the surrender
    assert detainee.cases.count() == 1


def test_an_undated_completed_visit_counts_as_a_visit(reviewer):
    draft = draft_of(
        dt.date(2023, 4, 6),
        [
            (FactKind.STATUS, {"status": DetaineeStatus.CONVICTED}),
            (FactKind.CONSULAR_VISIT, {"visitor": "Ambassador Anatoly Antonov"}),
        ],
        "visit",
    )
    services.draft_accept(draft=draft, user=reviewer)
    detainee = Detainee.objects.with_last_visit().get(full_name=NAME)
    assert ConsularVisit.objects.get(detainee=detainee).visited_on is None
    assert detainee.last_visit_on == dt.date(2023, 4, 6)
    today = dt.date(2023, 5, 1)
    assert detainee not in overdue_for_visit(Detainee.objects.all(), today=today)
    assert detainee in overdue_for_visit(Detainee.objects.all(), today=dt.date(2024, 1, 1))


def _dated(rows) -> dict:
    return {str(row): row.reported_as_of.isoformat() for row in rows}


def test_names_nationalities_and_charges_carry_the_date_they_speak_of(reviewer):
    newer = draft_of(
        dt.date(2024, 3, 1),
        [
            (FactKind.NATIONALITY, {"country": "RU"}),
            (FactKind.DETAINING_COUNTRY, {"country": "US"}),
            (FactKind.CHARGE, {"description": "computer intrusion", "category": "cybercrime"}),
            # The reviewer gives the date the text states.
            (FactKind.CHARGE, {"description": "trafficking in stolen data", "date": "2016-10"}),
        ],
        "dated-newer",
    )
    services.draft_accept(draft=newer, user=reviewer)
    detainee = Detainee.objects.get(full_name=NAME)
    charges = detainee.cases.get().charges.all()
    assert _dated(charges) == {
        "computer intrusion": "2024-03-01",
        "trafficking in stolen data": "2016-10",
    }
    assert _dated(detainee.name_variants.all()) == {NAME: "2024-03-01"}
    assert _dated(detainee.nationalities.all()) == {"Russia": "2024-03-01"}

    # An older article reporting the same facts: they are known since its date.
    older = draft_of(
        dt.date(2017, 2, 1),
        [
            (FactKind.NATIONALITY, {"country": "RU"}),
            (FactKind.CHARGE, {"description": "computer intrusion", "category": "cybercrime"}),
        ],
        "dated-older",
    )
    services.draft_accept(draft=older, user=reviewer, merge_into=detainee.pk)
    assert _dated(detainee.cases.get().charges.all())["computer intrusion"] == "2017-02-01"
    assert _dated(detainee.name_variants.all()) == {NAME: "2017-02-01"}
    assert _dated(detainee.nationalities.all()) == {"Russia": "2017-02-01"}
