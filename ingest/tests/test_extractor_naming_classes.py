"""How names are read and who they belong to: middle names that are also common words, titles
written before a name, people named together, and bodies and prizes named like people. Each
class is checked on invented sentences."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.people import cluster_people, find_name_runs, find_short_mentions
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


def test_a_one_word_name_with_executives_and_a_manager_is_a_company():
    text = (
        "Two executives from Corvana are still held in Lagos. Ilse Marwick, Corvana's regional "
        "manager, was detained on February 2. Corvana said it was working for her release."
    )
    assert _names(text) == ["Ilse Marwick"]


def _all_people(text: str) -> list[str]:
    sentences = split_sentences(text, 0)
    runs = find_name_runs(text, sentences)
    people = cluster_people(runs)
    find_short_mentions(text, sentences, people, runs)
    return [person.name for person in people]


def test_a_one_word_name_that_speaks_is_a_person_and_one_with_a_manager_is_not():
    text = (
        "Ilse Marwick, Corvana's regional manager, was detained in Lagos on February 2. "
        "Corvana said it was working for her release. Okonkwo said the case was under review. "
        "Okonkwo added that she had a lawyer."
    )
    assert _all_people(text) == ["Ilse Marwick", "Okonkwo"]


def test_the_negotiator_of_a_swap_is_not_one_of_the_people_swapped():
    text = (
        "Maris Kolbe, a Latvian aid worker, was freed in a prisoner swap on Sunday. She was "
        "greeted at the border by the group's chief prisoner swap negotiator, Oren Talvik. "
        "Kolbe had been held for two years."
    )
    assert _names(text) == ["Maris Kolbe"]


def test_a_compound_office_written_with_a_spaced_hyphen_is_still_an_office():
    text = (
        "The Latvian Cabinet Secretary -General Edvins Ruga said at a press conference that a "
        "Latvian man was arrested in Minsk for suspected spying. Ruga said the embassy was in "
        "touch with him."
    )
    assert _names(text) == []


def test_bodies_and_prizes_named_like_people_are_no_people():
    text = (
        "The Financial Crimes Directorate arrested Dutch trader Pieter Smit in Lagos on Monday. "
        "A Joint Task Force had followed him for a year. Smit, a former Golden Pen Prize winner, "
        "denies the charges. He won a Silver Quill Award, backs Jeunesse Sportive and once "
        "wrote about the Sea Tigers."
    )
    assert _people(text) == ["Pieter Smit"]
    assert _names(text) == ["Pieter Smit"]


def test_parliaments_gatherings_causes_cups_and_agencies_named_like_people_are_no_people():
    text = (
        "Dutch trader Pieter Smit was arrested in Lagos on Monday. The Verkhovna Rada said "
        "nothing; a Ministerial Meeting, Heritage Protection and Agence France-Presse reported "
        "the arrest, made on the day of the Super Cup; an Islamic Revolutionary Guards unit "
        "took part."
    )
    assert _people(text) == ["Pieter Smit"]


def test_surnames_that_are_also_words_of_places_stay_names():
    for text, name in (
        ("Serbian activist Rada Petrovic was arrested in Moscow on Monday.", "Rada Petrovic"),
        ("American writer Lucas Fort was arrested in Caracas on Monday.", "Lucas Fort"),
        ("French student Camille Tours was arrested in Minsk on Monday.", "Camille Tours"),
    ):
        assert _names(text) == [name]
