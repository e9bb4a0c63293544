"""Classes of error seen on real news, each checked on invented sentences: relatives named by
another person's possessive, ranks and titles kept in names, photo credits and things read
as people."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.people import cluster_people, find_name_runs
from ingest.extractor.roles import analyse_roles
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _names(text: str) -> list[str]:
    return [d.name for d in extract(text, PUBLISHED).detainees]


def test_military_rank_is_not_part_of_the_name():
    text = (
        "Former U.S. Marine Corporal Jonah Pemberton was sentenced to nine years in prison "
        "by a Moscow court on Tuesday after being convicted of assaulting a police officer."
    )
    assert _names(text) == ["Jonah Pemberton"]


def test_police_rank_chain_marks_an_official_not_a_detainee():
    text = (
        "Thai police arrested Pavel Orlinsky, a Russian national, in Phuket on Monday. "
        "Tourist Police Commander Pol Maj Gen Anan Sirisak said that the suspect was "
        "arrested at his rented villa and was being held pending extradition."
    )
    assert _names(text) == ["Pavel Orlinsky"]


def test_historical_era_and_map_service_are_not_people():
    text = (
        "The exchange of prisoners was the largest since the Cold War, officials said. "
        "Rachel Odum, an American journalist, was released after 16 months in a Russian "
        "prison. Satellite pictures on Google Maps showed the airfield where she was freed."
    )
    assert _names(text) == ["Rachel Odum"]


def _roles(text: str) -> dict[str, object]:
    sentences = split_sentences(text, 0)
    people = cluster_people(find_name_runs(text, sentences))
    roles = analyse_roles(text, sentences, people)
    return {person.name: roles[person.pid] for person in people}


def test_apposition_with_another_persons_possessive_marks_a_relative():
    text = (
        "Darius Kamali was jailed in Tehran in 2021. \u201cWe never gave up,\u201d said "
        "Farid Kamali, Darius\u2019s brother. Ines Moreau, Paul's eldest daughter, spoke too."
    )
    roles = _roles(text)
    assert roles["Farid Kamali"].relative
    assert roles["Ines Moreau"].relative
    assert not roles["Darius Kamali"].relative


def test_rank_chain_before_a_name_is_read_as_the_office():
    text = "Tourist Police Commander Pol Maj Gen Anan Sirisak said the suspect was held."
    roles = _roles(text)
    assert list(roles) == ["Anan Sirisak"]
    assert roles["Anan Sirisak"].official


def test_photo_credits_are_not_name_runs():
    text = (
        "The court in Moscow. Oleg Barinov/TASS\n\n"
        "\u00a9 Wei Lanfang\n\nPhoto: Karin Holm\n\nMartin Lindqvist was jailed."
    )
    runs = find_name_runs(text, split_sentences(text, 0))
    assert [" ".join(r.tokens) for r in runs] == ["Martin Lindqvist"]


def test_counted_group_of_which_only_some_are_named_gives_each_named_member():
    text = (
        "Venezuela released 4 Americans held in the country in exchange for a businessman "
        "jailed in Florida. The plane carried engineers Colin Ashby and Marta Quist to "
        "Texas. The other two asked that their names be withheld."
    )
    assert sorted(_names(text)) == ["Colin Ashby", "Marta Quist"]


def test_people_listed_with_ranks_after_a_group_of_former_officers_are_each_found():
    text = (
        "A court in Ruritania has sentenced six former Danish Army officers to death.\n\n"
        "The six Danish veterans were arrested in Zenda in May 2023. They were named as "
        "Major Ole Brandt, Major Henrik Lund, Captain Jens Falk, Captain Bo Krogh, "
        "Lieutenant Mads Holm and Lieutenant Per Vinther."
    )
    result = extract(text, PUBLISHED)
    assert sorted(d.name for d in result.detainees) == [
        "Bo Krogh",
        "Henrik Lund",
        "Jens Falk",
        "Mads Holm",
        "Ole Brandt",
        "Per Vinther",
    ]
    assert {d.status for d in result.detainees} == {"convicted"}
    assert {n.country for d in result.detainees for n in d.nationality} == {"DK"}


def test_an_uncounted_group_named_later_gets_the_events_told_of_it_first():
    text = (
        "A court in Tehran sentenced the Swedish climbers to eight years in prison on "
        "Sunday.\n\nThe climbers, Lars Ekdahl and Nils Brenner, deny the charges."
    )
    result = extract(text, PUBLISHED)
    assert sorted(d.name for d in result.detainees) == ["Lars Ekdahl", "Nils Brenner"]
    assert {d.status for d in result.detainees} == {"convicted"}


def test_a_release_told_right_after_a_swap_is_an_exchange_and_one_told_apart_is_not():
    text = (
        "President Anna Kowal addressed the nation, describing the exchange as a triumph of "
        "diplomacy. "
        "Among those freed was Canadian teacher Colm Abernethy, who had been jailed in "
        "Ruritania since 2021.\n\nHis case recalls that of Dara Finch, a Canadian who was "
        "released from a Ruritanian prison in 2019 after an appeal. Finch had served four "
        "years. Officials praised the judges. Nobody commented further. The weather was fine."
    )
    statuses = {d.name: d.status for d in extract(text, PUBLISHED).detainees}
    assert statuses["Colm Abernethy"] == "exchanged"
    assert statuses["Dara Finch"] == "released"


def test_held_on_charges_of_is_a_detention_and_charged_with_is_a_charge():
    held = (
        "Oskar Wendt, a German engineer, has been jailed in Iran since May 2023 on charges "
        "of espionage."
    )
    charged = "Oskar Wendt, a German engineer, was charged with espionage by a court in Iran."
    assert [d.status for d in extract(held, PUBLISHED).detainees] == ["detained"]
    assert [d.status for d in extract(charged, PUBLISHED).detainees] == ["charged"]


def test_a_compound_office_marks_an_official():
    text = (
        "Greta Lindqvist, a Swedish aid worker, was arrested in Minsk in March. The envoy "
        "also met with Tomas Irribarra, secretary-general of the Andean Council, who said "
        "he had asked for her release."
    )
    assert _names(text) == ["Greta Lindqvist"]


def test_a_capitalised_word_with_a_lowercase_suffix_is_not_a_name():
    text = (
        "In a swap reminiscent of Cold War-era diplomacy, Russia released Owen Farraday, an "
        "American teacher jailed in Moscow since 2022. Kremlin-backed Media reported it."
    )
    assert _names(text) == ["Owen Farraday"]


def test_an_initial_and_a_surname_are_the_person_named_in_full():
    text = (
        "Police in Prague arrested Yaroslav Demchuk, a Russian hacker, in October 2016. "
        "Following Demchuk's arrest, the United States asked for his extradition. A court "
        "file names him as Y. Demchuk."
    )
    assert _names(text) == ["Yaroslav Demchuk"]
