"""Who is a detainee: organisations, brands, ships, titles, heads of services and photo credits
are nobody held; relatives and people who died in custody can be. Each class is checked on
invented sentences."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.people import cluster_people, find_name_runs
from ingest.extractor.roles import analyse_roles
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _names(text: str) -> list[str]:
    return [d.name for d in extract(text, PUBLISHED).detainees]


def _roles(text: str) -> dict[str, object]:
    sentences = split_sentences(text, 0)
    people = cluster_people(find_name_runs(text, sentences))
    roles = analyse_roles(text, sentences, people)
    return {person.name: roles[person.pid] for person in people}


def test_a_run_before_an_organisations_head_word_names_the_organisation_everywhere():
    text = (
        "Tomas Reyes, a Chilean engineer, was arrested in Beijing in March. The Hong Kong-based "
        "Lan Shui Foundation says at least 40 foreigners are detained there. Lan Shui said the "
        "engineer was held on charges of espionage. He worked for Kestrel Pharma Ltd."
    )
    assert _names(text) == ["Tomas Reyes"]


def _people(text: str) -> list[str]:
    runs = find_name_runs(text, split_sentences(text, 0))
    return [person.name for person in cluster_people(runs)]


def test_companies_written_with_an_ampersand_or_a_trade_after_them_are_not_people():
    text = (
        "A Russian, Oleg Danilov, was extradited to the United States on Friday over the theft "
        "of data from Marlow Harrington and Dale Porter, officials said. The scheme hit "
        "Marlow Harrington & Co. and other firms, previously identified as the Dale Porter "
        "media group."
    )
    assert _people(text) == ["Oleg Danilov"]


def test_words_with_a_capital_inside_are_brands_not_names():
    text = (
        "Kirill Volkov, a Russian national, was arrested in Prague on Monday. Prosecutors say "
        "he sold malware to RedHarbor Bank and posted the stolen files on QuickShare Hub."
    )
    assert _people(text) == ["Kirill Volkov"]


def test_family_names_with_a_capital_after_a_prefix_are_still_names():
    text = "Connor McAllister, an Irish student, was arrested in Dubai on Monday."
    assert _names(text) == ["Connor McAllister"]


def test_a_headline_with_country_initials_and_a_verb_is_no_name():
    text = (
        "U.S. Extradites BlackVault Developer\n\n"
        "Pavel Sorokin, a Russian national, was extradited from Israel to the United States on "
        "Thursday and is detained pending trial in New Jersey."
    )
    assert _people(text) == ["Pavel Sorokin"]


def test_an_armed_group_and_a_ship_named_after_their_noun_are_not_people():
    text = (
        "Yusuf Karimi, a Swedish citizen, was sentenced to death in Tehran for leading the "
        "militant group Saraya Dastan. The court said Saraya Dastan carried out attacks. "
        "Separately, the tanker MT Blue Meridian was seized with 20 crew members detained."
    )
    assert _names(text) == ["Yusuf Karimi"]


def test_royal_and_party_titles_are_not_names_and_mark_officials():
    text = (
        "Ten men were released on Wednesday after mediation by Saudi Crown Prince Faisal bin "
        "Khalid. The Crown Prince worked on the deal for months, said Republican Sen. Tom "
        "Harlow. Among them was Briton Gary Mills, who had been held by Russian forces."
    )
    assert _names(text) == ["Gary Mills"]


def test_an_academic_title_is_left_out_of_the_name():
    text = (
        "Australian economist Neil Brandt was freed by Myanmar's military government on "
        "Thursday. Professor Brandt had been detained since 2021."
    )
    assert _names(text) == ["Neil Brandt"]


def test_the_head_of_a_service_that_arrests_people_is_an_official():
    text = (
        "Military chief General Ramon Cruz, National Bureau of Investigation (NBI) chief Ana "
        "Velez and Malir Jail superintendent Imran Qazi spoke at a press conference about the "
        "arrest of three Filipino nationals in China on espionage charges."
    )
    assert _names(text) == []


def test_an_officer_of_such_a_service_is_not_made_an_official():
    text = (
        "Russian military intelligence officer Pavel Zorin was among the four people released "
        "by Britain in the swap. Zorin, a Russian citizen, had been convicted of spying."
    )
    roles = _roles(text)
    assert roles["Pavel Zorin"].eligible
    text = "Philippine military chief General Ramon Cruz spoke to reporters."
    assert not _roles(text)["Ramon Cruz"].eligible


def test_a_photo_credit_after_an_agency_and_a_slash_is_nobody_held():
    text = (
        "Three Filipino nationals were arrested in China on espionage charges, officials said.\n"
        "AFP / Jaime Tolentino\n"
        "Maria Santos, a Filipino teacher, was detained in Hainan in February."
    )
    assert _names(text) == ["Maria Santos"]


def test_a_partner_who_is_still_being_held_is_a_detainee():
    text = (
        "Iran freed Luc Marceau, a French academic, on Friday. His partner, Ines Farzan, a "
        "dual national, is still being held on conspiracy charges."
    )
    assert "Ines Farzan" in _names(text)


def test_a_death_in_custody_does_not_make_the_person_a_crime_victim():
    text = (
        "The professor, Darius Fahimi, was arrested in Tehran in January. The death of Darius "
        "Fahimi in Evin prison was announced on Saturday by his son."
    )
    assert _names(text) == ["Darius Fahimi"]
