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
        "Marlow Harrington & Co. and a handful of other companies, among them the Dale "
        "Porter media group."
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
        "Ten men went free late on Tuesday thanks to talks led by Saudi Crown Prince Faisal bin "
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
        "Velez and Malir Jail superintendent Imran Qazi briefed journalists on Tuesday about "
        "three Filipino workers detained in China for spying."
    )
    assert _names(text) == []


def test_an_officer_of_such_a_service_is_not_made_an_official():
    text = (
        "Russian military intelligence officer Pavel Zorin was one of three men released "
        "by Britain under the deal. Zorin, a Russian citizen, had been convicted of spying."
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
        "Iran freed Luc Marceau, a French academic, on Friday. His partner, Ines Farzan, who "
        "holds two passports, is still being held in Evin on spying charges."
    )
    assert "Ines Farzan" in _names(text)


def test_a_death_in_custody_does_not_make_the_person_a_crime_victim():
    text = (
        "The professor, Darius Fahimi, was arrested in Tehran in January. The death of Darius "
        "Fahimi in Evin prison was announced on Saturday by his son."
    )
    assert _names(text) == ["Darius Fahimi"]


def test_authors_on_a_by_line_and_a_sign_off_are_not_detainees():
    text = (
        "By Clara Hunt and Jonas Weller | Associated Press\n\n"
        "Michael Dorsey, an American teacher, was freed from a Caracas prison on Saturday. He "
        "had been held for two years.\n"
        "The release followed months of talks. — Paula Ries"
    )
    roles = _roles(text)
    assert [name for name, role in roles.items() if role.eligible] == ["Michael Dorsey"]


def test_someone_speaking_for_a_charity_or_a_watchdog_is_not_held():
    text = (
        "Two Indian fishermen died in a Karachi jail before they could be released. Omar "
        "Khalidi of the Sea Relief Welfare Trust said the others were handed over to India."
    )
    assert _roles(text)["Omar Khalidi"].official


def test_an_office_of_a_body_before_a_name_and_a_short_given_name_after_an_office():
    text = (
        "Kuwaiti Minister of State for Foreign Affairs Khalid Al Harbi said the men were freed. "
        "“We did what we could,” DFA spokesperson Ma. Lourdes C. Santos told reporters."
    )
    roles = _roles(text)
    assert roles["Khalid Al Harbi"].official
    assert roles["Ma. Lourdes C. Santos"].official


def test_people_a_list_names_after_a_return_from_captivity_are_each_found():
    text = (
        "Ten men came home from captivity late on Tuesday, helped by Qatari mediators.\n\n"
        "They included Britons Liam Ashdown, Owen Pryce, Dale Hartley, Ryan Coates and Neil "
        "Burrows, who arrived in London on Thursday."
    )
    assert _names(text) == [
        "Liam Ashdown",
        "Owen Pryce",
        "Dale Hartley",
        "Ryan Coates",
        "Neil Burrows",
    ]


def test_the_others_listed_after_a_release_are_each_found():
    text = (
        "Australian economist Neil Brandt was freed by the junta on Thursday. He is one of "
        "four foreigners released. The others are former British diplomat Vera Holm, Japanese "
        "film-maker Kenji Mori and US citizen Aung Min."
    )
    assert _names(text) == ["Neil Brandt", "Vera Holm", "Kenji Mori", "Aung Min"]


def test_names_after_including_share_the_release_and_the_count_of_prisoners():
    text = (
        "Russia freed 16 prisoners under the exchange deal, including former soldier Carl Weaver "
        "and reporter Dana Pike. Eight prisoners, including Ruth Anders, were flown to Germany."
    )
    assert _names(text) == ["Carl Weaver", "Dana Pike", "Ruth Anders"]


def test_a_counted_group_of_one_nationality_leaves_out_people_of_another():
    text = (
        "Moscow said five Germans had been freed in the swap. Russian activist Oleg Sarin was "
        "also freed. Anke Vogel and Jens Ritter, both German citizens, flew to Berlin."
    )
    for record in extract(text, PUBLISHED).detainees:
        if record.name == "Oleg Sarin":
            assert [n.country for n in record.nationality] == ["RU"]


def test_a_leader_of_a_people_and_a_producer_take_the_nationality_named_before():
    text = (
        "Liam Ross was advising former Burmese leader Daw Khin Hla before the coup. Nadia "
        "Farouk, an Egyptian producer, worked with him."
    )
    roles = _roles(text)
    assert [c.code for c in roles["Daw Khin Hla"].nationality] == ["MM"]
    assert [c.code for c in roles["Nadia Farouk"].nationality] == ["EG"]


def test_capitalised_words_of_a_title_case_headline_are_names_only_if_the_prose_has_them():
    text = (
        "Tehran Swaps French Researchers, Top Engineers For Convicted Agents\n\n"
        "Iran freed Luc Marceau, a French academic, on Friday in exchange for an Iranian "
        "engineer held in France."
    )
    assert _people(text) == ["Luc Marceau"]
    text = (
        "Paris Court Sentences Luc Marceau To Four Years\n\n"
        "A French court sentenced Marceau, an Iranian engineer, to four years on Friday."
    )
    assert _people(text) == ["Luc Marceau"]


def test_a_second_name_of_a_list_is_no_apposition_and_freed_from_is_no_hometown():
    text = (
        "Carl Novak, Peter Lund freed from China after three years\n\n"
        "Carl Novak and Peter Lund, two Canadians, were released from detention in China on "
        "Friday. Anna Berg, a nurse from Toronto, met them at the airport."
    )
    roles = _roles(text)
    assert roles["Carl Novak"].nationality == []
    assert [c.code for c in roles["Anna Berg"].nationality] == ["CA"]


def test_a_surname_alone_with_an_apposition_is_a_person_and_a_bureau_chief_no_official():
    text = (
        "A Cairo court convicted Haddad, the Cairo bureau chief of Al-Nour TV, and "
        "Mark Olsen, an Australian reporter, on charges of spreading false news. Haddad, an "
        "Egyptian-Canadian journalist, had worked for several outlets."
    )
    assert _names(text) == ["Haddad", "Mark Olsen"]


def test_a_name_cut_off_by_the_end_of_an_excerpt_is_the_person_named_in_full():
    text = (
        "Pakistan must review the conviction of Ravi Shankar Pillai, the court ruled. It found "
        "that Pakistan had denied India consular access to Mr Ravi Shank"
    )
    assert _people(text) == ["Ravi Shankar Pillai"]


def test_an_office_before_a_comma_and_an_honorific_marks_an_official():
    text = (
        "The pardon came from the emir of Qatar, Sheikh Nasser Al Rashid, in March. "
        "Her husband, Dr. Omid Karimi, had been sentenced to death in Tehran."
    )
    roles = _roles(text)
    assert roles["Nasser Al Rashid"].official
    assert roles["Omid Karimi"].eligible


def test_initials_written_together_and_a_single_name_after_a_trade_are_listed_people():
    text = (
        "A court in Doha sentenced eight former Indian Navy officers to death. They are "
        "Captains Arun Mehta and Vikram Rao, Commanders Ravi Nair, KP Menon and DS Iyer, and "
        "sailor Ragesh."
    )
    assert _names(text) == [
        "Arun Mehta",
        "Vikram Rao",
        "Ravi Nair",
        "KP Menon",
        "DS Iyer",
        "Ragesh",
    ]


def test_a_hometown_told_as_town_and_wider_place_after_the_name_gives_a_nationality():
    text = (
        "Joanna Bell, 36, of Wembley, north London, was arrested in Bali on Friday on "
        "suspicion of smuggling cannabis."
    )
    found = {d.name: [n.country for n in d.nationality] for d in extract(text, PUBLISHED).detainees}
    assert found == {"Joanna Bell": ["GB"]}


def test_a_month_between_a_given_name_and_a_family_name_is_a_middle_name_not_a_modal():
    prose = "Lucy May Farrow, from Leeds, was arrested in May at Tbilisi airport with cannabis."
    headline = "Court May Decide Fate of Sailors\n\nThe hearing opens today."
    assert _names(prose) == ["Lucy May Farrow"]
    # "May" the month is no modal either: the arrest is a fact
    assert _names("In May police in Bangkok arrested Tomas Grell, a Czech tourist.") == [
        "Tomas Grell"
    ]
    runs = find_name_runs(headline, split_sentences(headline, 0))
    assert [headline[r.start : r.end] for r in runs] == []


def test_one_of_their_sons_named_after_the_parents_is_of_their_family():
    text = (
        "Canadian teachers Paul Ostrow and Mary Ostrow were detained in Dandong in August. "
        "Soon after the arrests, one of their sons, Daniel Ostrow, told reporters the case "
        "was baseless."
    )
    assert _names(text) == ["Paul Ostrow", "Mary Ostrow"]
    assert _roles(text)["Daniel Ostrow"].relative


def test_clemency_received_under_a_swap_deal_is_the_exchange():
    text = (
        "Washington and Tehran completed a prisoner swap on Monday. Dara Sohrabi, an Iranian "
        "engineer convicted in Boston of export violations, received clemency under the deal."
    )
    assert [(d.name, d.status) for d in extract(text, PUBLISHED).detainees] == [
        ("Dara Sohrabi", "exchanged")
    ]


def test_money_raised_for_a_release_is_no_release_but_thanks_for_one_is():
    sought = (
        "Ravi Nair, an Indian driver, was sentenced to death in Riyadh in 2018. Friends in "
        "Kerala raised money for the release of Ravi Nair."
    )
    thanked = (
        "Ravi Nair, an Indian driver, was jailed in Riyadh in 2018. Delhi thanked the Saudi "
        "king for the release of Ravi Nair on Monday."
    )
    assert [d.status for d in extract(sought, PUBLISHED).detainees] == ["convicted"]
    assert [d.status for d in extract(thanked, PUBLISHED).detainees] == ["released"]


def test_a_ranked_demonym_phrase_and_a_fellow_national_give_a_nationality():
    ranked = (
        "Kenji Sato is a senior Japanese engineer with a trading firm. He was detained in "
        "Beijing in March on suspicion of spying."
    )
    fellow = (
        "Oleg Drozd, 34, was extradited from Spain to face hacking charges in New Jersey. "
        "Drozd and fellow Russian Ivan Minsky were charged in 2019."
    )
    assert {
        d.name: [n.country for n in d.nationality] for d in extract(ranked, PUBLISHED).detainees
    } == {"Kenji Sato": ["JP"]}
    assert {
        d.name: [n.country for n in d.nationality] for d in extract(fellow, PUBLISHED).detainees
    }["Oleg Drozd"] == ["RU"]


def test_the_employer_written_before_a_job_and_a_name_is_no_person():
    text = (
        "Canadian Harlow Tench executive Dana Holt has been sentenced to eight years by a "
        "Zambian court for accepting bribes. Ms Holt and three Harlow Tench Zambian staff were "
        "convicted of accepting bribes."
    )
    assert _names(text) == ["Dana Holt"]
