"""How names are read and who they belong to: middle names that are also common words, titles
written before a name, and people named together. Each class is checked on invented sentences."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.people import cluster_people, find_name_runs
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _names(text: str) -> list[str]:
    return [d.name for d in extract(text, PUBLISHED).detainees]


def _people(text: str) -> list[str]:
    runs = find_name_runs(text, split_sentences(text, 0))
    return [person.name for person in cluster_people(runs)]


def test_a_common_word_between_two_names_is_a_middle_name():
    text = (
        "Two Laotian men, Vong Sak Chanthala, 31, and Dao Long Keo, 27, were sentenced to nine "
        "years in prison in Vientiane. The trial did not take long."
    )
    assert "Dao Long Keo" in _people(text)
    # Both are Laotians held in Laos: neither is a national held abroad.
    assert _names(text) == []
