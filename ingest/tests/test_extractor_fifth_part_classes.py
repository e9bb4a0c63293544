"""Classes of error met on real news after the fifth held-out part was scored: nationalities
written in brackets, after a bare demonym or before a trade, the two sides of a swap,
bystanders (witnesses, relatives named "the brother of"), photo credits, saints' names and
movements taken for people, and a sentence reported as the day's news. Each is checked on
invented sentences about invented people."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.gazetteers import region_country
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
        "A firing squad in Jakarta put Pedro Alvarez (Peruvian), Tom Riley and Sean Walsh "
        "(both Irish), and Kofi Mensah, Yaw Boateng and Kwame Asante (all of Ghana) to death "
        "on Tuesday."
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
        "Police in Dubai arrested Marta Kowalska and Jan Novak (Czech) on Monday on charges of "
        "fraud."
    )
    people = _people(text)
    assert _nationality(people["Jan Novak"]) == ["CZ"]
    assert _nationality(people["Marta Kowalska"]) != ["CZ"]


def test_a_city_in_brackets_is_no_nationality():
    text = "Tom Reed (Moscow) said Anna Berg, a Swedish citizen, was arrested in Tehran."
    assert [c.code for c in _roles(text)["Tom Reed"].nationality] == []


def test_a_bare_demonym_followed_by_with_is_the_persons_nationality():
    text = (
        "Arjun Pillai, a Malaysian with a long history of illness, was found guilty of drug "
        "trafficking by a court in Singapore in March."
    )
    assert _nationality(_people(text)["Arjun Pillai"]) == ["MY"]


def test_a_demonym_before_a_trade_or_a_former_office_gives_the_nationality():
    text = (
        "Cyprus extradited Russian money launderer Pavel Orlov to the United States on Thursday. "
        "In Oslo, former Iranian official Reza Karimi was given a life term for torture."
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
        "US contractor Dale Whitmore, a captive of the Taliban in Afghanistan since 2020, "
        "walked free on Monday, traded in return for Afghan tribal leader, Gul Rahman, who "
        "was also released in the swap. Rahman had been convicted of heroin smuggling in 2008. "
        "He later spoke to reporters in Kabul."
    )
    people = _people(text)
    assert people["Dale Whitmore"].detaining_country.country == "AF"
    assert _nationality(people["Gul Rahman"]) == ["AF"]
    assert people["Gul Rahman"].detaining_country.country == "US"


def test_someone_jailed_at_home_and_freed_in_the_same_swap_stays_out():
    text = (
        "Russia freed American teacher John Smith and Russian artist Anna Petrova, jailed in "
        "St Petersburg for a protest, in exchange for Russian agent Oleg Krasov, a convict "
        "serving life for murder in a German jail."
    )
    people = _people(text)
    assert "Anna Petrova" not in people
    assert people["John Smith"].detaining_country.country == "RU"


def test_someone_held_by_their_own_state_with_no_swap_stays_out():
    text = (
        "Afghan tribal leader Gul Rahman was arrested in Kabul by the Taliban on Monday on "
        "charges of treason."
    )
    assert "Gul Rahman" not in _people(text)


def test_a_photo_credit_after_an_agency_and_a_slash_is_no_person():
    text = (
        "Briton Chloe Adams, 24, arrives for a hearing in Lima, Peru, on Monday (AP "
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


def test_a_declaration_and_a_movement_named_like_people_are_no_people():
    text = (
        "Minister Ion Popa spoke when the Declaration Against Unlawful Detention in State "
        "Relations opened for signature on Monday. The Muslim Brotherhood called a protest."
    )
    names = [p.name for p in cluster_people(find_name_runs(text, split_sentences(text, 0)))]
    assert "Ion Popa" in names
    assert not any("Declaration" in n or "Brotherhood" in n for n in names)


def test_a_witness_and_the_brother_of_a_detainee_are_no_detainees():
    text = (
        "Kenji Mori, a French executive, was convicted of fraud in Tokyo in March. A "
        "prosecution witness, Hiroshi Sato, who had been arrested with him, had struck a plea "
        "deal. Takeshi Mori, the brother of Kenji Mori, said the family would appeal."
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
        "sentenced to 11 years by a Beijing court."
    )
    assert _people(text)["Paul Tremblay"].sentence.date == "2024-05-10"


def test_a_sentence_told_in_the_past_with_no_date_stays_undated():
    text = (
        "Paul Tremblay, a Canadian engineer, was sentenced to 11 years by a Beijing court for "
        "espionage. He is appealing."
    )
    assert _people(text)["Paul Tremblay"].sentence.date is None


def test_a_hometown_in_a_named_county_province_or_state_gives_the_nationality():
    text = (
        "Stephen Walsh, 45, from Blaby, Leicestershire, was arrested in Thailand in 2003 for "
        "drug possession. Mark Dunn, a teacher from East Sussex, was detained in Iran in "
        "January."
    )
    people = _people(text)
    assert _nationality(people["Stephen Walsh"]) == ["GB"]
    assert _nationality(people["Mark Dunn"]) == ["GB"]


def test_a_region_named_like_a_country_a_city_or_in_several_countries_gives_none():
    assert region_country("New South Wales") == "AU"
    assert region_country("Georgia") is None  # a state, and a country
    assert region_country("Punjab") is None  # in India and in Pakistan
    assert region_country("Santa Fe") is None  # a province, better known as a US city
    text = "Tom Reed, a teacher from Santa Fe, was detained in Iran in January."
    assert _nationality(_people(text)["Tom Reed"]) == []


def test_a_count_of_charges_is_the_charges_it_goes_on_to_name():
    text = (
        "Emeka Obi, a British citizen held in Abuja, pleaded not guilty to 12 charges, including "
        "bribery and fraud, at his first hearing."
    )
    assert [c.phrase for c in _people(text)["Emeka Obi"].charges] == ["bribery", "fraud"]


def test_the_people_charged_alongside_are_no_charge():
    text = (
        "Jean Habimana, a Belgian citizen, was detained in Kigali in August. Prosecutors "
        "charged him on 3 May together with 14 other people."
    )
    assert _people(text)["Jean Habimana"].charges == ()


def test_charges_including_a_list_are_the_charges_listed():
    text = (
        "Liam Byrne, an Irish citizen, was held in Alexandria from 2014. A court in Egypt "
        "cleared him of charges including rioting, theft and holding explosives."
    )
    charges = [c.phrase for c in _people(text)["Liam Byrne"].charges]
    assert charges == ["rioting", "theft", "holding explosives"]


def test_a_guilty_plea_in_any_tense_names_the_charge():
    text = (
        "Anna Berg, a Swedish woman, has been given a five-year term in Peru after pleading "
        "guilty to drug trafficking."
    )
    assert [c.phrase for c in _people(text)["Anna Berg"].charges] == ["drug trafficking"]


def test_the_people_named_before_a_fellow_national_are_of_that_nation():
    text = (
        "Anna Cole and Tom Reed flew home from Iran on Sunday, while fellow British citizen "
        "Omid Farahani remains held there. Cole and Reed were freed on Monday."
    )
    people = _people(text)
    assert {name: _nationality(p) for name, p in people.items()} == {
        "Anna Cole": ["GB"],
        "Tom Reed": ["GB"],
        "Omid Farahani": ["GB"],
    }


def test_a_fellow_national_says_nothing_of_someone_with_a_nationality_of_their_own():
    text = (
        "Ahmed Hassan, an Egyptian, was arrested in Tehran with Tom Reed, while fellow British "
        "citizen Omid Farahani remains held."
    )
    assert _nationality(_people(text)["Ahmed Hassan"]) == ["EG"]


def test_a_hometown_said_of_both_of_a_couple_is_each_ones():
    text = "Sam and Jo Hart, both 40, from East Sussex, were detained in Iran in March."
    people = _people(text)
    assert _nationality(people["Sam Hart"]) == _nationality(people["Jo Hart"]) == ["GB"]


def test_a_two_syllable_given_name_with_a_hyphen_is_a_name_and_a_prefix_is_not():
    text = (
        "Chen Wei-lun, a Taiwanese activist, was sentenced by a court in Hunan to five years "
        "in jail for subversion. Ex-spy Ivan Petrov was arrested in London the same day."
    )
    assert list(_people(text)) == ["Chen Wei-lun", "Ivan Petrov"]


def test_a_fight_against_crime_is_no_fight_against_extradition():
    text = (
        "In what police called a win in the fight against fraud, Taras Melnyk, a Ukrainian, has "
        "been extradited from Spain to the United States. In Amsterdam, "
        "Oleg Bran is fighting against extradition to the United States, and Lev Dorn lost "
        "the fight against his extradition to Canada."
    )
    # The extradition readings of every candidate: two people named once, with nothing else
    # told of them, are what the learned filter doubts, and it is not what is tested here.
    people = {d.name: d for d in extract(text, PUBLISHED, detainee_filter=False).detainees}
    steps = {name: [e.status for e in p.extraditions] for name, p in people.items()}
    assert steps == {
        "Taras Melnyk": ["surrendered"],
        "Oleg Bran": ["contested"],
        "Lev Dorn": ["contested"],
    }


def test_a_mission_permitted_a_visit_or_to_check_on_someone_made_a_visit():
    first = (
        "Samuel Bekele, a Briton, was detained in Ethiopia in 2014. Worries grew some weeks "
        "after Britain was permitted a consular visit to Mr Bekele."
    )
    assert len(_people(first)["Samuel Bekele"].consular_visits) == 1
    second = (
        "Samuel Bekele, a Briton, was detained in Ethiopia in 2014. UK diplomats were finally "
        "allowed to check on him on 3 May. He has not been permitted to see a lawyer."
    )
    visits = _people(second)["Samuel Bekele"].consular_visits
    assert [(v.visitor, v.date) for v in visits] == [("UK diplomats", "2024-05-03")]


def test_a_paragraph_ending_in_a_bracketed_link_is_running_text():
    text = (
        "The envoy saw him in May. Talks go on. (https://example.org/node/1)\n\n"
        "He remains in custody."
    )
    assert not any(s.is_title for s in split_sentences(text, 0))
    assert split_sentences("Detained abroad (Updated)\n\nHe was held.", 0)[0].is_title


def test_a_national_sentenced_abroad_and_extradited_home_was_held_by_the_sender():
    text = (
        "Canada has extradited to Poland a Polish national, Marek Nowak, whom a court in "
        "Toronto had sentenced to six years for fraud, so that he may serve the term at home."
    )
    person = _people(text)["Marek Nowak"]
    assert person.detaining_country.country == "CA"
    assert [(e.from_country, e.to_country) for e in person.extraditions] == [("CA", "PL")]


def test_a_national_extradited_home_to_face_trial_is_held_at_home():
    text = (
        "Kazakhstan extradited Ivan Petrov, a Russian national, to Russia on Monday to face "
        "fraud charges."
    )
    assert "Ivan Petrov" not in _people(text)


def test_a_title_after_of_in_an_apposition_is_another_persons():
    text = (
        "As part of the deal, Alvaro Rios, a close friend of Colombian President Luis "
        "Gomez, walks free from a US jail, where he was held on money laundering charges."
    )
    people = _people(text)
    assert "Alvaro Rios" in people
    assert "Luis Gomez" not in people


def test_an_official_named_as_the_one_freed_is_held():
    text = (
        "Belgium sent home a Belgian aid worker held in Iran on Friday. Iranian media later "
        "said the diplomat, Reza Amini, was freed too after serving part of a 20-year term "
        "in Belgium."
    )
    assert _people(text)["Reza Amini"].status == "released"


def test_a_term_of_years_and_a_half_written_with_hyphens():
    text = (
        "Dana Levi, an Israeli, was given seven-and-a-half years in a penal colony by a court "
        "near Moscow on Friday."
    )
    sentence = _people(text)["Dana Levi"].sentence
    assert (sentence.years, sentence.months) == (7, 6)
