"""Facts about each detainee that real news states in ways the first rules missed, each checked
on invented sentences: charges named by their field ("drug charges") or as an offence ("a drug
offence"), a sentence that a bare "No." ends, an attribution opened by its verb."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _charges(text: str) -> dict[str, list[str]]:
    return {d.name: [c.phrase for c in d.charges] for d in extract(text, PUBLISHED).detainees}


def test_charges_named_by_their_field_keep_the_word_charges():
    text = (
        "Ana Silva, a Brazilian woman, was detained in Jakarta on drug charges. Tom Reed, a "
        "Briton, was held in Dubai on weapons charges. Li Wen was jailed in Macau on "
        "drug-related charges."
    )
    assert _charges(text) == {
        "Ana Silva": ["drug charges"],
        "Tom Reed": ["weapons charges"],
        "Li Wen": ["drug-related charges"],
    }


def test_a_charge_named_after_a_determiner_and_a_similar_one():
    text = (
        "Tom Reed, a British man, was arrested in Bangkok in 2019 on a similar drugs charge. "
        "He is serving 20 years in a Thai jail for a drug offence."
    )
    assert _charges(text) == {"Tom Reed": ["drugs charge"]}


def test_a_similar_offence_names_no_charge():
    text = "Tom Reed, a British man, was jailed in Bangkok in 2019 for a similar offence."
    assert _charges(text) == {"Tom Reed": []}


def test_an_offence_after_for_a_is_a_charge():
    text = "Tom Reed, a British man, is serving 20 years in a Thai jail for a drug offence."
    assert _charges(text) == {"Tom Reed": ["drug offence"]}


def test_a_bare_no_ends_a_sentence_but_not_before_a_number():
    text = "Was he free to go? No. He was charged with fraud. He sits in court No. 5 today."
    sentences = [s.text for s in split_sentences(text, 0)]
    assert sentences == [
        "Was he free to go?",
        "No.",
        "He was charged with fraud.",
        "He sits in court No. 5 today.",
    ]


def test_a_charge_after_a_bare_no_is_not_denied():
    text = (
        "Simon Hale, a British tourist, was detained at Phuket airport. Was he free to go? "
        "No. Hale was then charged with \u201crude behaviour\u201d towards an officer."
    )
    assert _charges(text) == {"Simon Hale": ["rude behaviour"]}


def test_an_attribution_opened_by_its_verb_is_not_part_of_a_name():
    text = (
        "Simon Hale, a British tourist, was detained at Phuket airport. Says Hale to the "
        "paper: \u201cI did nothing wrong.\u201d"
    )
    assert [d.name for d in extract(text, PUBLISHED).detainees] == ["Simon Hale"]


def test_a_charge_before_and_charges_loses_the_conjunction():
    text = (
        "Pavel Dorn, a Russian trader, was extradited from Estonia to the United States, where "
        "he will stand trial on conspiracy and charges related to a smuggling network."
    )
    assert _charges(text)["Pavel Dorn"][:1] == ["conspiracy"]


def test_an_opening_description_stands_for_a_person_named_first_in_the_headline():
    text = (
        "Briton Owen Marsh jailed in Dubai\n\n"
        "Owen Marsh pictured outside the court (Photo: Agency)\n\n"
        "DUBAI \u2014 A British engineer who had been accused of spying was sentenced to ten "
        "years in prison on Monday.\n\n"
        "Owen Marsh, 34, was arrested at the airport in May. His family said he was innocent."
    )
    [marsh] = extract(text, PUBLISHED).detainees
    assert marsh.name == "Owen Marsh"
    assert [c.phrase for c in marsh.charges] == ["spying"]
    assert marsh.sentence.years == 10


def test_a_charge_stops_before_a_verb_of_the_subject():
    text = (
        "Lars Eck and Timo Rask, two Danish tourists, were arrested in Doha. Both pleaded not "
        "guilty to charges of possessing illegal drugs and said guards had beaten them."
    )
    assert _charges(text) == {
        "Lars Eck": ["possessing illegal drugs"],
        "Timo Rask": ["possessing illegal drugs"],
    }


def _statuses(text: str) -> dict[str, str]:
    return {d.name: d.status for d in extract(text, PUBLISHED).detainees}


def test_a_release_in_a_story_that_opens_with_a_swap_is_an_exchange():
    text = (
        "Tehran frees Danish teacher in swap\n\n"
        "Danish teacher Mette Lund returned to Copenhagen on Saturday after months in an "
        "Iranian prison.\n\n"
        "Iran freed Lund after Denmark released Iranian engineer Reza Karimi, who is accused in "
        "the US of violating sanctions."
    )
    assert _statuses(text) == {"Mette Lund": "exchanged", "Reza Karimi": "exchanged"}


def test_an_earlier_release_in_a_swap_story_stays_a_release():
    text = (
        "Moscow frees two Americans in swap\n\n"
        "Russia freed two Americans on Thursday in exchange for an intelligence officer.\n\n"
        "The White House thanked the German government.\n\n"
        "Nora Quill, a US citizen, had been released from a Russian prison in 2019 after "
        "serving a year for fraud."
    )
    assert _statuses(text)["Nora Quill"] == "released"


def _extradition(text: str) -> tuple[str | None, str | None, str]:
    [detainee] = extract(text, PUBLISHED).detainees
    [step] = detainee.extraditions
    return step.from_country, step.to_country, step.status


def test_a_receiving_state_as_subject_with_the_surrendering_one_after_from():
    text = (
        "In a landmark move against cybercrime, the U.S. has successfully extradited Oleg "
        "Varin, a 40-year-old Russian national, from Israel following his arrest last year."
    )
    assert _extradition(text) == ("IL", "US", "surrendered")


def test_a_surrendering_state_as_subject_still_reads_as_the_origin():
    text = "Greece has now extradited Oleg Varin, a Russian national, to the United States."
    assert _extradition(text) == ("GR", "US", "surrendered")


def test_extradited_to_face_a_states_charges_names_the_destination():
    text = (
        "Oleg Varin, a Russian hacker, has been extradited to face US criminal charges, "
        "officials said. He was arrested in the Netherlands in 2022."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.extraditions[0].to_country == "US"
    assert detainee.detaining_country.country == "US"
    assert [n.country for n in detainee.nationality] == ["RU"]


def test_extradited_and_in_a_states_custody_names_the_destination():
    text = (
        "Oleg Varin, a Russian hacker, was arrested in the Netherlands in 2022. Varin was "
        "extradited months later and is in US custody."
    )
    assert _extradition(text)[1:] == ("US", "surrendered")


def test_charges_in_the_murder_of_over_offences_and_including_charges_of():
    text = (
        "Ivo Marsh, a Canadian, was sentenced to death in Riyadh in the murder of a "
        "four-month-old child. Sean Tull, an Australian economist, was sentenced to three years "
        "in Yangon, reportedly over immigration offences. Pavel Kirsch, a Russian hacker, is "
        "held in New York. He faces an indictment, including charges of wire fraud and "
        "extortion. He could face 20 years for each wire fraud count."
    )
    assert _charges(text) == {
        "Ivo Marsh": ["murder of a four-month-old child"],
        "Sean Tull": ["immigration offences"],
        "Pavel Kirsch": ["wire fraud", "extortion"],
    }


def test_a_charge_keeps_an_initialism_and_a_quoted_term_and_drops_allegedly():
    text = (
        "Dan Pike, a Briton, was arrested in Tehran for allegedly violating U.S. sanctions. "
        "Luc Ferrand, a French researcher, was charged in Moscow with gathering information "
        "without being registered as a \u201cforeign agent\u201d."
    )
    assert _charges(text) == {
        "Dan Pike": ["violating U.S. sanctions"],
        "Luc Ferrand": [
            "gathering information without being registered as a \u201cforeign agent\u201d"
        ],
    }


def test_an_age_opening_a_sentence_stands_for_the_person_named_before():
    text = (
        "A Moscow court has jailed Luc Ferrand, a French researcher, for three years. "
        "The 48-year-old was charged with gathering military information."
    )
    assert _charges(text) == {"Luc Ferrand": ["gathering military information"]}


def test_a_collusion_charge_that_the_person_faces():
    text = "Wen Bo, a British publisher, is held in Hong Kong. He faces two collusion charges."
    assert _charges(text) == {"Wen Bo": ["collusion"]}


def _held_in(text: str) -> dict[str, str | None]:
    return {
        d.name: d.detaining_country.country if d.detaining_country else None
        for d in extract(text, PUBLISHED).detainees
    }


def test_a_state_that_sentenced_on_a_day_or_holds_by_name_is_the_detaining_one():
    text = (
        "Russia on Thursday sentenced American citizen Dale Corbin to 13 years in prison for "
        "drug smuggling. Reporter Ada Voss, a US citizen, is being held by Russia on spying "
        "charges."
    )
    assert _held_in(text) == {"Dale Corbin": "RU", "Ada Voss": "RU"}


def test_a_court_installed_by_an_occupying_state_holds_a_foreign_fighter():
    text = (
        "Owen Jarvis, a 33-year-old Australian teacher, has been sentenced to 13 years in "
        "prison by a Russian-installed court in Luhansk, eastern Ukraine. He was captured by "
        "Russian forces while fighting alongside Ukrainian troops."
    )
    assert _held_in(text) == {"Owen Jarvis": "RU"}


def _visits(text: str) -> dict[str, list[str | None]]:
    return {
        d.name: [v.visitor for v in d.consular_visits if not v.denied]
        for d in extract(text, PUBLISHED).detainees
    }


def test_a_mission_among_those_by_whom_a_detainee_was_visited():
    text = (
        "Ramon Tadeo, a Filipino worker, is on death row in Riyadh for murder. Officials said "
        "Tadeo was visited by his mother and a Philippine embassy staff member on Tuesday."
    )
    assert _visits(text) == {"Ramon Tadeo": ["Philippine embassy"]}


def test_unnamed_consular_staff_visit_for_the_mission_named_just_before():
    text = (
        "Neil Carver, a British man, was arrested in Goa on drug charges in 1990. He was given "
        "consular help by the British Deputy High Commission in Bombay. He was visited "
        "regularly by one of our consular officers."
    )
    assert _visits(text)["Neil Carver"][-1] == "British Deputy High Commission in Bombay"


def test_a_day_that_year_takes_the_year_of_the_date_before_it():
    text = (
        "Rani Kapoor, an Indian woman, had been in custody in Abu Dhabi since 10 February 2023 "
        "before being convicted and sentenced to death on 31 July that year."
    )
    [detainee] = extract(text, None).detainees
    assert detainee.sentence.death
    assert detainee.sentence.date == "2023-07-31"


def test_a_release_dated_only_by_since_in_a_swap_story_is_an_exchange():
    text = (
        "Tehran frees Belgian aid worker in swap\n\n"
        "The Belgian government said on Saturday that Iran had freed Luc Dumont.\n\n"
        "The prime minister welcomed the release of Luc Dumont, imprisoned in Iran since June "
        "2022."
    )
    assert _statuses(text) == {"Luc Dumont": "exchanged"}


def test_a_deportation_in_a_story_that_opens_with_a_swap_is_an_exchange():
    text = (
        "Bangkok frees two Iranians in swap with academic\n\n"
        "Thailand has freed two Iranian men jailed over a bomb plot, officials said.\n\n"
        "Reza Amini was deported to Iran on Wednesday."
    )
    assert _statuses(text) == {"Reza Amini": "exchanged"}


def test_a_range_of_terms_for_a_group_is_no_ones_sentence():
    text = (
        "A Qatari court on Thursday commuted the death sentences of Ravi Menon and Ajit Rao, "
        "two former Indian sailors, and sentenced them to prison terms ranging from three years "
        "to 25 years."
    )
    assert [d.sentence for d in extract(text, PUBLISHED).detainees] == [None, None]


def test_a_term_first_imposed_gives_way_to_the_later_one():
    text = (
        "A court in Dalian has sentenced Ross Keller, a Canadian man, to death for drug "
        "smuggling. Keller was detained in 2014 and initially sentenced to 15 years in prison "
        "in 2016."
    )
    [keller] = extract(text, PUBLISHED).detainees
    assert keller.sentence.death
    assert keller.sentence.years is None


def test_the_members_listed_after_a_swap_share_what_the_group_was_charged_with():
    text = (
        "The Russian agents who were released by the United States in the 2011 spy swap had "
        "been arrested by the FBI in June and charged with acting as unregistered foreign "
        "agents. From top left: Ivan Belov; Olga Sokol; and Petr Zima. From bottom left: Anna "
        "Lisova and Lev Orlov."
    )
    charges = _charges(text)
    assert sorted(charges) == ["Anna Lisova", "Ivan Belov", "Lev Orlov", "Olga Sokol", "Petr Zima"]
    assert all(c == ["acting as unregistered foreign agents"] for c in charges.values())


def test_an_offender_noun_before_a_name_gives_the_charge_and_the_conviction():
    text = (
        "Saudi Arabia has postponed all executions, including that of Filipino murder convict "
        "Ramon Tadeo, until June 8."
    )
    [tadeo] = extract(text, PUBLISHED).detainees
    assert tadeo.name == "Ramon Tadeo"
    assert [c.phrase for c in tadeo.charges] == ["murder"]
    assert tadeo.status == "convicted"


def test_a_charge_named_with_a_determiner_before_the_word_charge():
    text = (
        "Wen Bo, a British publisher, is held in Hong Kong. His lawyers sought to dismiss a "
        "colonial-era sedition charge on Monday."
    )
    assert _charges(text) == {"Wen Bo": ["colonial-era sedition"]}


def test_people_freed_in_a_swap_are_not_dropped_for_a_guessed_nationality():
    text = (
        "WASHINGTON -- An American teacher serving a 14-year sentence in Russia has been freed "
        "in an exchange that the White House called a show of good faith from the Russians. "
        "The Russians said the deal was fair.\n\n"
        "The release of Carl Dorsey was also a sign of progress toward ending the war in "
        "Ukraine, an adviser said.\n\n"
        "Those freed earlier also included reporter Nate Ogden and executive Sam Pruitt."
    )
    found = {
        d.name: (d.detaining_country.country, [n.country for n in d.nationality])
        for d in extract(text, PUBLISHED).detainees
    }
    assert found == {
        "Carl Dorsey": ("RU", ["US"]),
        "Nate Ogden": ("RU", []),
        "Sam Pruitt": ("RU", []),
    }


def test_the_country_a_swap_handed_people_over_in_holds_neither():
    text = (
        "On December 7 the United States and Iran carried out a rare prisoner swap. An American "
        "student, Li Hang, was released in Switzerland in exchange for Reza Tavana, an Iranian "
        "scientist held in an Atlanta prison. Li had been arrested in Tehran in 2016 and "
        "sentenced to ten years in an Iranian prison for spying."
    )
    assert "CH" not in _held_in(text).values()


def test_a_page_notice_above_the_story_is_not_its_opening_paragraph():
    text = (
        "Notifications can be managed in browser preferences.\n\n"
        "Indian nurse executed in Abu Dhabi\n\n"
        "An Indian woman sentenced to death in Abu Dhabi in the murder of a child was executed "
        "on 15 February, her family was told on Monday.\n\n"
        "Rekha Sen, 33, had been in custody since 2022."
    )
    [sen] = extract(text, PUBLISHED).detainees
    assert sen.name == "Rekha Sen"
    assert [n.country for n in sen.nationality] == ["IN"]


def test_a_citizenship_received_is_a_nationality():
    text = (
        "Dr. Kamran Rostami, a scientist, was sentenced to death in Tehran in 2017 for spying. "
        "His wife said Rostami had received Swedish citizenship last month."
    )
    [rostami] = extract(text, PUBLISHED).detainees
    assert [n.country for n in rostami.nationality] == ["SE"]


def test_a_date_of_an_arrest_told_in_apposition_does_not_date_the_release():
    text = (
        "American teacher Neil Foss, arrested in Russia for carrying cannabis in 2021, has been "
        "freed and returned to the United States. He had been serving a 14-year sentence. "
        "Foss was detained at a Moscow airport in August 2021."
    )
    assert _statuses(text) == {"Neil Foss": "released"}


def test_a_sentence_reported_as_news_of_the_day_takes_the_story_date():
    text = (
        "A court in China has sentenced Ross Keller, a Canadian man, to death for drug "
        "smuggling, a ruling likely to deepen a diplomatic rift."
    )
    [keller] = extract(text, PUBLISHED).detainees
    assert keller.sentence.death
    assert keller.sentence.date == PUBLISHED.isoformat()


def test_an_undated_sentence_told_in_the_past_stays_undated():
    text = "Ross Keller, a Canadian man, was sentenced to ten years in prison for drug smuggling."
    [keller] = extract(text, PUBLISHED).detainees
    assert keller.sentence.years == 10
    assert keller.sentence.date is None


def test_an_arrest_while_travelling_in_a_country_is_where_an_extradition_starts():
    text = (
        "Oleg Varin, a Russian hacker, was arrested at the request of the United States while "
        "travelling in the Netherlands in 2012. Varin was extradited months later and is in US "
        "custody."
    )
    assert _extradition(text) == ("NL", "US", "surrendered")


def test_convicted_of_without_an_object_is_the_subjects_conviction():
    text = (
        "Beijing confirmed it had detained British businessman Owen Hart, months after he was "
        "put on trial in secret and convicted of \u201cproviding intelligence\u201d abroad."
    )
    assert _statuses(text) == {"Owen Hart": "convicted"}


def test_handed_over_to_a_quoted_government_is_a_release_not_an_extradition():
    text = (
        "Iranian state television reported that Nasrin Kaveh, a British-Iranian charity "
        "worker jailed in Tehran, had been handed over to \u201cthe British government\u201d at "
        "the airport on Wednesday."
    )
    [kaveh] = extract(text, PUBLISHED).detainees
    assert kaveh.extraditions == ()
    assert kaveh.status == "released"


def test_people_who_received_sentences_were_convicted():
    text = (
        "Police in Bali arrested several foreigners in 2012. Those suspects included two "
        "Britons: Carl Bright and Tessa Doyle. Bright and Doyle later received much lighter "
        "sentences."
    )
    assert _statuses(text) == {"Carl Bright": "convicted", "Tessa Doyle": "convicted"}


def test_a_verb_coordinated_with_a_modal_one_shares_the_modal():
    text = (
        "Ivo Stark, a British tourist, was sentenced in Dubai to three months in jail for "
        "public indecency. A court spokesman said Stark would be jailed and then deported."
    )
    assert _statuses(text) == {"Ivo Stark": "convicted"}


def test_a_prime_minister_or_a_son_who_spoke_to_a_detainee_made_no_consular_visit():
    text = (
        "Lena Park, an Australian journalist, was jailed in Beijing for spying. Australian "
        "Prime Minister Grant Howell said he had spoken to Park during a visit to Beijing. "
        "Her son Joel Park said he last visited his mother in May."
    )
    assert _visits(text) == {"Lena Park": []}


def test_a_verb_coordinated_with_one_dated_in_may_is_a_fact():
    text = (
        "Georgia freed Ilona Vasko, a Russian citizen whom a Tbilisi court found guilty in May "
        "2018 of spying and sentenced to 11 years."
    )
    [vasko] = extract(text, PUBLISHED).detainees
    assert vasko.sentence.years == 11


def test_a_maximum_told_of_the_charges_belongs_to_the_person_just_charged():
    text = (
        "Oleg Varin, a Russian hacker, was extradited from Georgia to the United States. He "
        "faces charges of wire fraud and computer hacking. The most serious charges carry a "
        "maximum sentence of 30 years in prison."
    )
    [varin] = extract(text, PUBLISHED).detainees
    assert varin.max_penalty.years == 30


def test_the_state_of_a_visiting_mission_is_not_the_one_that_holds():
    text = (
        "Mark Ellis is being held in Iran. He has had welfare checks by UK embassy officials "
        "and visits by British consular officials."
    )
    assert _held_in(text) == {"Mark Ellis": "IR"}


def test_charges_including_after_a_place_and_the_nationality_noun_as_subject():
    text = (
        "Ivan Belov, a Russian, was arrested in Greece. The Russian faces 21 charges in the "
        "United States, including identity theft, complicity in drug trafficking and money "
        "laundering."
    )
    assert _charges(text) == {
        "Ivan Belov": ["identity theft", "complicity in drug trafficking", "money laundering"]
    }
