"""Reading invented sentences with the extractor, for the tests of its classes of rules."""

import datetime as dt

from ingest.extractor import extract

PUBLISHED = dt.date(2024, 5, 10)


def read(text: str):
    """The detainees the extractor reports in `text`, published on `PUBLISHED`."""
    return extract("Published: 2024-05-10\n\n" + text, PUBLISHED).detainees


def facts(person) -> tuple:
    """(name, nationalities, detaining country, status) of a reported person."""
    return (
        person.name,
        [n.country for n in person.nationality],
        person.detaining_country.country if person.detaining_country else None,
        person.status,
    )
