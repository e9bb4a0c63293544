"""Classes of error met on real news after the fifth held-out part was scored: nationalities
written in brackets, after a bare demonym or before a trade, the two sides of a swap,
bystanders (witnesses, relatives named "the brother of"), photo credits, saints' names and
movements taken for people, and a sentence reported as the day's news. Each is checked on
invented sentences."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.people import cluster_people, find_name_runs
from ingest.extractor.roles import analyse_roles
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _people(text: str) -> dict[str, object]:
    return {d.name: d for d in extract(text, PUBLISHED).detainees}


def _roles(text: str) -> dict[str, object]:
    sentences = split_sentences(text, 0)
    people = cluster_people(find_name_runs(text, sentences))
    roles = analyse_roles(text, sentences, people)
    return {person.name: roles[person.pid] for person in people}


def _nationality(person) -> list[str]:
    return [n.country for n in person.nationality]


def test_a_nationality_in_brackets_after_a_name_or_a_list_of_names():
    text = (
        "Indonesia executed Pedro Alvarez (Peruvian), Tom Riley and Sean Walsh (both Irish), "
        "and Kofi Mensah, Yaw Boateng and Kwame Asante (all of Ghana) on Tuesday for drug "
        "smuggling."
    )
    cues = {name: [c.code for c in role.nationality] for name, role in _roles(text).items()}
    assert cues == {
        "Pedro Alvarez": ["PE"],
        "Tom Riley": ["IE"],
        "Sean Walsh": ["IE"],
        "Kofi Mensah": ["GH"],
        "Yaw Boateng": ["GH"],
        "Kwame Asante": ["GH"],
    }


def test_a_bracket_after_a_list_without_both_or_all_is_the_last_name_only():
    text = (
        "Police in Dubai arrested Marta Kowalska and Jan Novak (Czech) on Monday on charges "
        "of fraud."
    )
    people = _people(text)
    assert _nationality(people["Jan Novak"]) == ["CZ"]
    assert _nationality(people["Marta Kowalska"]) != ["CZ"]


def test_a_bare_demonym_followed_by_with_is_the_persons_nationality():
    text = (
        "Arjun Pillai, a Malaysian with a history of mental illness, was convicted of drug "
        "trafficking by a court in Singapore in March."
    )
    assert _nationality(_people(text)["Arjun Pillai"]) == ["MY"]


def test_a_demonym_before_a_trade_or_a_former_office_gives_the_nationality():
    text = (
        "Greece extradited Russian money launderer Pavel Orlov to the United States on "
        "Thursday. In Stockholm, former Iranian official Reza Karimi was sentenced to life in "
        "prison for war crimes."
    )
    people = _people(text)
    assert _nationality(people["Pavel Orlov"]) == ["RU"]
    assert _nationality(people["Reza Karimi"]) == ["IR"]


def test_a_serving_official_named_after_a_demonym_is_still_no_detainee():
    text = (
        "Iranian official Hassan Rostami said on Monday that Anna Berg, a Swedish citizen, "
        "had been arrested in Tehran on spying charges."
    )
    assert list(_people(text)) == ["Anna Berg"]


def test_the_people_a_swap_sends_home_were_held_by_the_other_side():
    # The tribal leader, written with a comma, is of that people too.
    text = (
        "American engineer Dale Whitmore, held by the Taliban in Afghanistan since 2020, was "
        "freed on Monday in exchange for Afghan tribal leader, Gul Rahman, who was also "
        "released in the swap. Rahman was convicted of drug trafficking in 2008. He was later "
        "seen at a news conference in Kabul."
    )
    people = _people(text)
    assert people["Dale Whitmore"].detaining_country.country == "AF"
    assert _nationality(people["Gul Rahman"]) == ["AF"]
    assert people["Gul Rahman"].detaining_country.country == "US"


def test_someone_held_by_their_own_state_with_no_swap_stays_out():
    text = (
        "Afghan tribal leader Gul Rahman was arrested in Kabul by the Taliban on Monday on "
        "charges of treason."
    )
    assert "Gul Rahman" not in _people(text)


def test_a_photo_credit_after_an_agency_and_a_slash_is_no_person():
    text = (
        "Briton Chloe Adams, 24, is led to a court hearing in Lima, Peru, on Monday (AP "
        "Photo/Martin Quispe). She was sentenced to six years in prison for drug smuggling."
    )
    assert list(_people(text)) == ["Chloe Adams"]


def test_a_saints_name_and_a_name_owning_an_organisation_are_no_people():
    text = (
        "Daniel Meyer, who worked for St. Brendan's Relief Services, was detained in Cairo in "
        "2021 during a protest called by the Muslim Brotherhood. He was charged with "
        "incitement. Ruth Harlow's Legal Foundation has taken up his case."
    )
    assert list(_people(text)) == ["Daniel Meyer"]


def test_a_declaration_named_after_its_first_words_is_no_person():
    text = (
        "Twelve states signed the Declaration Against Hostage Diplomacy on Monday. Ivan "
        "Sorokin, a Russian national, was detained in Tbilisi the same day."
    )
    assert list(_people(text)) == ["Ivan Sorokin"]


def test_a_witness_and_the_brother_of_a_detainee_are_no_detainees():
    text = (
        "Kenji Mori, a French executive, was convicted of fraud in Tokyo in March. A key "
        "witness, Hiroshi Sato, who had been arrested with him, had made a plea deal. Takeshi "
        "Mori, the brother of Kenji Mori, said the family would appeal."
    )
    assert list(_people(text)) == ["Kenji Mori"]


def test_a_father_of_two_is_not_a_relative_of_someone_named():
    text = (
        "Sergei Volkov, a father of two, was extradited from Greece to the United States on "
        "Friday to face money laundering charges."
    )
    assert list(_people(text)) == ["Sergei Volkov"]


def test_found_guilty_and_sentenced_as_the_days_news_takes_the_stories_date():
    text = (
        'A Canadian engineer, Paul Tremblay, has been found guilty of "espionage" and '
        "sentenced to 10 years in prison by a court in Beijing."
    )
    assert _people(text)["Paul Tremblay"].sentence.date == "2024-05-10"


def test_a_sentence_told_in_the_past_with_no_date_stays_undated():
    text = (
        "Paul Tremblay, a Canadian engineer, was sentenced to 10 years in prison by a court in "
        "Beijing for espionage. He is appealing."
    )
    assert _people(text)["Paul Tremblay"].sentence.date is None


def test_a_hometown_in_a_named_county_province_or_state_gives_the_nationality():
    text = (
        "Stephen Walsh, 45, from Blaby, Leicestershire, was arrested in Thailand in 2003 for "
        "drug possession. Mark Dunn, a teacher from East Sussex, was detained in Iran in "
        "January. Ahmad Fauzi, who hails from Perak, was hanged in Singapore."
    )
    people = _people(text)
    assert _nationality(people["Stephen Walsh"]) == ["GB"]
    assert _nationality(people["Mark Dunn"]) == ["GB"]


def test_a_region_whose_name_is_a_countrys_or_several_countries_gives_none():
    from ingest.extractor.gazetteers import region_country

    assert region_country("New South Wales") == "AU"
    assert region_country("Georgia") is None  # a state, and a country
    assert region_country("Punjab") is None  # in India and in Pakistan


def test_a_count_of_charges_is_the_charges_it_goes_on_to_name():
    text = (
        "Ibrahim Nour, a British citizen, has pleaded not guilty to 15 charges, including "
        "terrorism and treason, at a court in Abuja after his arrest in Kenya."
    )
    assert [c.phrase for c in _people(text)["Ibrahim Nour"].charges] == ["terrorism", "treason"]


def test_the_people_charged_alongside_are_no_charge():
    text = (
        "Paul Kagame, a Belgian citizen, was detained in Kigali in August. He was charged on "
        "September 20 along with 20 other people."
    )
    assert _people(text)["Paul Kagame"].charges == ()


def test_a_two_syllable_given_name_with_a_hyphen_is_a_name():
    text = (
        "Lee Ming-cheh, a Taiwanese activist, was sentenced by a court in Hunan to five years "
        "in jail for subversion. The Kremlin-backed court in Donetsk was not involved."
    )
    assert list(_people(text)) == ["Lee Ming-cheh"]


def test_charges_including_a_list_are_the_charges_listed():
    text = (
        "Ibrahim Nour, an Irish citizen, was detained in Cairo in 2013. An Egyptian court "
        "acquitted him of charges including murder, arson and illegal possession of weapons."
    )
    charges = [c.phrase for c in _people(text)["Ibrahim Nour"].charges]
    assert charges == ["murder", "arson", "illegal possession of weapons"]


def test_a_guilty_plea_in_any_tense_names_the_charge():
    text = (
        "Anna Berg, a Swedish woman, has been jailed for six years in Colombia after pleading "
        "guilty to drug trafficking."
    )
    assert [c.phrase for c in _people(text)["Anna Berg"].charges] == ["drug trafficking"]


def test_the_people_named_before_a_fellow_national_are_of_that_nation():
    text = (
        "Anna Cole and Tom Reed have returned to the UK after years in Iran, while fellow "
        "British citizen Morad Tahir remains held. Cole and Reed were freed on Monday."
    )
    people = _people(text)
    assert {name: _nationality(p) for name, p in people.items()} == {
        "Anna Cole": ["GB"],
        "Tom Reed": ["GB"],
        "Morad Tahir": ["GB"],
    }


def test_a_hometown_said_of_both_of_a_couple_is_each_ones():
    text = "Craig and Lindsay Ford, both 52 from East Sussex, were arrested in Iran in January."
    people = _people(text)
    assert _nationality(people["Craig Ford"]) == _nationality(people["Lindsay Ford"]) == ["GB"]


def test_a_fight_against_crime_is_no_fight_against_extradition():
    text = (
        "In a step forward in the fight against cybercrime, Ukrainian national Mark Sokol, 28, "
        "has been extradited to the United States from the Netherlands to face charges. "
        "Oleg Bran, held in Amsterdam, is fighting his extradition to the United States."
    )
    people = _people(text)
    steps = {name: [e.status for e in p.extraditions] for name, p in people.items()}
    assert steps == {"Mark Sokol": ["surrendered"], "Oleg Bran": ["contested"]}
    assert people["Mark Sokol"].status == "extradited"


def test_a_paragraph_ending_in_a_bracketed_source_is_running_text():
    from ingest.extractor.segment import split_sentences

    text = "The UK was last permitted to see him in May. Talks go on. (http://example.org/node/1)"
    assert not any(s.is_title for s in split_sentences(text, 0))


def test_a_mission_permitted_a_visit_or_to_check_on_someone_made_a_visit():
    first = (
        "Andy Tesfaye, a Briton, was detained in Ethiopia in 2014. Concerns grew three months "
        "after the UK was last permitted a consular visit to Mr Tesfaye."
    )
    assert len(_people(first)["Andy Tesfaye"].consular_visits) == 1
    second = (
        "Andy Tesfaye, a Briton, was detained in Ethiopia in 2014. UK diplomats were finally "
        "permitted to check on him on 3 May. He has not been permitted to see a lawyer."
    )
    visits = _people(second)["Andy Tesfaye"].consular_visits
    assert [(v.visitor, v.date) for v in visits] == [("UK diplomats", "2024-05-03")]


def test_a_national_extradited_home_was_held_by_the_state_that_sent_them():
    text = (
        "The United States has extradited to Russia a Russian national, Pavel Orlov, who was "
        "sentenced to nine years in prison by a court in Virginia for fraud."
    )
    person = _people(text)["Pavel Orlov"]
    assert person.detaining_country.country == "US"
    assert [(e.from_country, e.to_country) for e in person.extraditions] == [("US", "RU")]


def test_a_title_after_of_in_an_apposition_is_another_persons():
    text = (
        "In exchange, Alvaro Rios, a close ally of Venezuelan President Nicolas Maduro, is "
        "being released by the United States, where he was held on money laundering charges."
    )
    assert "Alvaro Rios" in _people(text)


def test_an_official_named_as_the_one_freed_is_held():
    text = (
        "Belgium released Olivier Vandel, a Belgian aid worker held in Iran, on Friday. State "
        "television later confirmed that the diplomat, Reza Amini, was freed as well after "
        "serving part of a 20-year sentence in Belgium."
    )
    assert "Reza Amini" in _people(text)


def test_a_term_of_years_and_a_half_written_with_hyphens():
    text = (
        "Naama Levi, an Israeli, was sentenced to seven-and-a-half years in jail by a Russian "
        "court on Friday."
    )
    sentence = _people(text)["Naama Levi"].sentence
    assert (sentence.years, sentence.months) == (7, 6)
