"""The extractor's arrest: date, country, place and the country that asked for it. Invented
texts; any likeness is accidental."""

import datetime as dt

import pytest

from ingest.extractor import extract, to_record

PUBLISHED = dt.date(2024, 3, 15)


def _arrest(text: str) -> dict | None:
    [person] = extract(text, published=PUBLISHED).detainees
    return to_record(person)["arrest"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Swedish programmer Oskar Lindqvist was arrested in Prague in October 2016 at the "
            "request of US prosecutors. He was charged with fraud.",
            {"date": "2016-10", "country": "CZ", "place": "Prague", "requested_by": "US"},
        ),
        (
            "Irish teacher Aoife Brennan was detained at Noi Bai International Airport in Hanoi "
            "on 3 May 2022 and charged with drug smuggling, her family said.",
            {
                "date": "2022-05-03",
                "country": "VN",
                "place": "Noi Bai International Airport",
                "requested_by": None,
            },
        ),
        (
            "Polish driver Marek Zielinski was taken into custody in Lisbon in 2019. "
            "He denies the charges of smuggling.",
            {"date": "2019", "country": "PT", "place": "Lisbon", "requested_by": None},
        ),
        (
            "Chilean engineer Pablo Rojas was detained by Turkish police in February on a US "
            "warrant. He faces charges of money laundering.",
            {"date": "2024-02", "country": "TR", "place": None, "requested_by": "US"},
        ),
    ],
)
def test_an_arrest_is_read_with_its_date_place_and_country(text, expected):
    assert _arrest(text) == expected


def test_the_arrest_names_its_sentence_as_evidence():
    text = "Norwegian sailor Erik Dahl was arrested in Mombasa in June 2023 and charged with theft."
    [person] = extract(text, published=PUBLISHED).detainees
    evidence = person.arrest.evidence
    assert text[evidence.start : evidence.end].startswith("Norwegian sailor Erik Dahl was arrested")


@pytest.mark.parametrize(
    "text",
    [
        # Held, not arrested: no arrest to report.
        "Danish trader Jens Holm is serving a sentence of six years in Butner prison for fraud.",
        # A possible arrest is not an arrest.
        "Danish trader Jens Holm, convicted of fraud in absentia, could be arrested in Madrid "
        "in May if he travels.",
        # Arrested, but the text says neither when nor where.
        "Danish trader Jens Holm was arrested and charged with fraud, his lawyer said.",
    ],
)
def test_no_arrest_when_the_text_has_none(text):
    assert _arrest(text) is None
