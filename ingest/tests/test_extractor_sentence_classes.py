"""Sentences told without a verb of sentencing (a prisoner on death row), and prisons named
after their head or told again by their name alone. Each class is checked on invented
sentences."""

import datetime as dt

from ingest.extractor import extract


def test_a_death_row_inmate_is_under_a_death_sentence():
    text = (
        "Danish death row inmate Jens Holm was moved to a hospital in Doha on Monday, his "
        "lawyer Omar Saleh said."
    )
    (holm,) = extract(text, dt.date(2024, 5, 10)).detainees
    assert holm.name == "Jens Holm"
    assert holm.status == "convicted"
    assert holm.sentence is not None and holm.sentence.death


def test_a_term_a_court_imposed_tells_more_than_the_years_on_death_row():
    text = (
        "Jens Holm, a Dane who spent six years on death row in Qatar, had his sentence "
        "commuted to 20 years in prison in March."
    )
    (holm,) = extract(text, dt.date(2024, 5, 10)).detainees
    assert holm.sentence is not None and holm.sentence.years == 20
    assert not holm.sentence.death


def _facility(text: str) -> str | None:
    (detainee,) = extract(text, dt.date(2024, 5, 10)).detainees
    return detainee.facility.name if detainee.facility else None


def test_a_prison_named_after_its_head_is_the_facility():
    text = (
        "Jens Holm, a Danish reporter, was arrested in March. A consul visited him in the "
        "high-security prison Marsk, where he is held on spying charges."
    )
    assert _facility(text) == "Marsk"


def test_a_name_after_the_head_that_starts_a_clause_is_no_facility():
    text = (
        "Jens Holm, a Danish reporter, was arrested in March and held in a cell. The prison "
        "Holm described to his lawyer had no windows."
    )
    assert _facility(text) is None


def test_a_named_prison_told_again_by_its_name_alone_is_the_same_facility():
    text = (
        "Two Danes were freed from the Kharsa Central prison this week. Jens Holm, 71, a Danish "
        "engineer, has spent the last nine years in Kharsa on fraud charges."
    )
    records = extract(text, dt.date(2024, 5, 10)).detainees
    holm = next(d for d in records if d.name == "Jens Holm")
    assert holm.facility is not None and holm.facility.name == "Kharsa Central prison"
