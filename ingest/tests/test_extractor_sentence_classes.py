"""Sentences told without a verb of sentencing: a prisoner on death row. Each class is
checked on invented sentences."""

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
