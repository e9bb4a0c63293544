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


def test_a_sentence_glued_to_the_full_stop_before_it_is_a_sentence_of_its_own():
    # A paragraph break lost in scraping: "... her son.Maria Lopez, 34, was ..."
    text = (
        "A British woman is held in Qatar after she tried to leave with her son.Mary Tolland, "
        "34, was detained in Doha. Mrs.Tolland met the U.S.Army attache and Dr.Shaw."
    )
    sentences = [s.text for s in split_sentences(text, 0)]
    assert sentences == [
        "A British woman is held in Qatar after she tried to leave with her son.",
        "Mary Tolland, 34, was detained in Doha.",
        "Mrs.Tolland met the U.S.Army attache and Dr.Shaw.",
    ]
    held = {d.name: d.nationality for d in extract(text, dt.date(2024, 5, 10)).detainees}
    assert [n.country for n in held["Mary Tolland"]] == ["GB"]


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
        "Pavel Dorn, a Russian trader, was extradited from Estonia to the United States, and "
        "he now awaits trial on conspiracy and charges linked to an arms deal."
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
        "guilty to charges of carrying forged passports and claimed the police had threatened "
        "them."
    )
    assert _charges(text) == {
        "Lars Eck": ["carrying forged passports"],
        "Timo Rask": ["carrying forged passports"],
    }


def _statuses(text: str) -> dict[str, str]:
    return {d.name: d.status for d in extract(text, PUBLISHED).detainees}


def test_a_release_in_a_story_that_opens_with_a_swap_is_an_exchange():
    text = (
        "Tehran frees Danish teacher in swap\n\n"
        "Danish teacher Mette Lund returned to Copenhagen on Saturday after months in an "
        "Iranian prison.\n\n"
        "Iran freed Lund after Denmark released Iranian engineer Reza Karimi, whom American "
        "prosecutors want to try for breaking export rules."
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
        "In a case watched closely by banks, the U.S. has extradited Oleg Varin, a 37-year-old "
        "Russian programmer, from Israel."
    )
    assert _extradition(text) == ("IL", "US", "surrendered")


def test_a_surrendering_state_as_subject_still_reads_as_the_origin():
    text = "Greece has now extradited Oleg Varin, a Russian national, to the United States."
    assert _extradition(text) == ("GR", "US", "surrendered")


def test_extradited_to_face_a_states_charges_names_the_destination():
    text = (
        "Oleg Varin, a Russian hacker, was extradited to face US fraud charges, prosecutors "
        "announced. Police had detained him in the Netherlands in 2022."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.extraditions[0].to_country == "US"
    assert detainee.detaining_country.country == "US"
    assert [n.country for n in detainee.nationality] == ["RU"]


def test_extradited_and_in_a_states_custody_names_the_destination():
    text = (
        "Oleg Varin, a Russian hacker, was arrested in the Netherlands in 2022. Varin was "
        "extradited the next spring and is in US custody."
    )
    assert _extradition(text)[1:] == ("US", "surrendered")


def test_charges_in_the_murder_of_over_offences_and_including_charges_of():
    text = (
        "Ivo Marsh, a Canadian, was sentenced to death in Riyadh in the murder of his "
        "business partner. Sean Tull, an Australian economist, was sentenced to three years "
        "in Yangon, reportedly over immigration offences. Pavel Kirsch, a Russian hacker, is "
        "held in New York. He faces an indictment, including charges of wire fraud and "
        "extortion. He could face 20 years for each wire fraud count."
    )
    assert _charges(text) == {
        "Ivo Marsh": ["murder of his business partner"],
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
        "The 52-year-old was charged with collecting naval secrets."
    )
    assert _charges(text) == {"Luc Ferrand": ["collecting naval secrets"]}


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
        "drug smuggling. Ada Voss, an American reporter, is being held by Russia pending a "
        "treason trial."
    )
    assert _held_in(text) == {"Dale Corbin": "RU", "Ada Voss": "RU"}


def test_a_court_installed_by_an_occupying_state_holds_a_foreign_fighter():
    text = (
        "Owen Jarvis, a 41-year-old Australian carpenter, was jailed for 14 years by a "
        "Russian-installed court in occupied Donetsk. Russian soldiers had captured him near "
        "a village where he fought for Kyiv."
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
        "Tadeo was visited by his brother and a Philippine embassy official last week."
    )
    assert _visits(text) == {"Ramon Tadeo": ["Philippine embassy official"]}


def test_unnamed_consular_staff_visit_for_the_mission_named_just_before():
    text = (
        "Neil Carver, a British man, was arrested in Kerala on drug charges in 1994. Staff of "
        "the British Deputy High Commission in Kolkata assisted him. He was visited every few "
        "weeks by one of our consular officers."
    )
    assert _visits(text)["Neil Carver"][-1] == "British Deputy High Commission in Kolkata"


def test_a_day_that_year_takes_the_year_of_the_date_before_it():
    text = (
        "Rani Kapoor, an Indian cook, had been held in Sharjah since 4 March 2021 and was found "
        "guilty and sentenced to death on 12 September that year."
    )
    [detainee] = extract(text, None).detainees
    assert detainee.sentence.death
    assert detainee.sentence.date == "2021-09-12"


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
        "smuggling. Keller, arrested in 2013, was initially sentenced to 12 years in jail in "
        "2015."
    )
    [keller] = extract(text, PUBLISHED).detainees
    assert keller.sentence.death
    assert keller.sentence.years is None


def test_the_members_listed_after_a_swap_share_what_the_group_was_charged_with():
    text = (
        "The five Russians whom Washington handed back in a 2013 exchange had been detained by "
        "the FBI that spring and charged with posing as Canadian citizens to spy. From top "
        "left: Ivan Belov; Olga Sokol; and Petr Zima. From bottom left: Anna Lisova and Lev "
        "Orlov."
    )
    charges = _charges(text)
    assert sorted(charges) == ["Anna Lisova", "Ivan Belov", "Lev Orlov", "Olga Sokol", "Petr Zima"]
    assert all(c == ["posing as Canadian citizens to spy"] for c in charges.values())


def test_an_offender_noun_before_a_name_gives_the_charge_and_the_conviction():
    text = (
        "Kuwait has delayed several hangings, among them that of Nepali murder convict Arjun "
        "Basnet, by a month."
    )
    [basnet] = extract(text, PUBLISHED).detainees
    assert basnet.name == "Arjun Basnet"
    assert [c.phrase for c in basnet.charges] == ["murder"]
    assert basnet.status == "convicted"


def test_a_charge_named_with_a_determiner_before_the_word_charge():
    text = (
        "Wen Bo, a British publisher, is held in Hong Kong. On Monday his defence team asked "
        "judges to throw out a colonial-era sedition charge."
    )
    assert _charges(text) == {"Wen Bo": ["colonial-era sedition"]}


def test_people_freed_in_a_swap_are_not_dropped_for_a_guessed_nationality():
    text = (
        "WASHINGTON -- An American teacher jailed in Russia for 14 years has been freed in a "
        "trade that the White House described as a goodwill gesture by Moscow. "
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
        "In early June Washington and Tehran completed an unusual trade of prisoners. An "
        "American doctoral student, Li Hang, was released in Oman in exchange for Reza Tavana, "
        "an Iranian chemist jailed in Texas. Li had been detained in Tehran in 2017 and given "
        "eight years in an Iranian jail for espionage."
    )
    assert "OM" not in _held_in(text).values()


def test_a_page_notice_above_the_story_is_not_its_opening_paragraph():
    text = (
        "Turn alerts on or off in your settings.\n\n"
        "Indian nurse executed in Dubai\n\n"
        "An Indian woman condemned to death in Dubai over the killing of a toddler was put to "
        "death on 3 March, her relatives said on Friday.\n\n"
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
        "American nurse Neil Foss, arrested in Russia with cannabis oil in 2022, has been freed "
        "and is back home in Ohio. He had been serving a nine-year sentence. Foss was detained "
        "at a St Petersburg airport in March 2022."
    )
    assert _statuses(text) == {"Neil Foss": "released"}


def test_a_sentence_reported_as_news_of_the_day_takes_the_story_date():
    text = (
        "A court in China has sentenced Ross Keller, a Canadian man, to death for drug "
        "smuggling, a verdict that may strain ties between Ottawa and Beijing."
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
        "Oleg Varin, a Russian hacker, was detained at the request of Washington while on "
        "holiday in the Netherlands in 2013. Varin was extradited the following year and is in "
        "US custody."
    )
    assert _extradition(text) == ("NL", "US", "surrendered")


def test_convicted_of_without_an_object_is_the_subjects_conviction():
    text = (
        "Beijing confirmed it had detained British trader Owen Hart, weeks after he was tried "
        "behind closed doors and convicted of \u201cleaking secrets\u201d to foreigners."
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
        "faces charges of bank fraud and computer intrusion. Taken together, those counts "
        "carry a maximum sentence of 30 years."
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
        "Ivan Belov, a Russian, was arrested in Greece. The Russian faces 14 charges in the "
        "United States, including tax evasion, complicity in arms trafficking and bribery."
    )
    assert _charges(text) == {
        "Ivan Belov": ["tax evasion", "complicity in arms trafficking", "bribery"]
    }


def test_glued_abbreviations_capitalised_words_and_web_names_end_no_sentence():
    text = (
        "Russian Maj.Gen.Ivan Petrov said so. Rev.Anna Cole agreed. Mark Hill, who ran the "
        "website Hill-Travel.Com, was detained in Minsk."
    )
    sentences = [s.text for s in split_sentences(text, 0)]
    assert sentences == [
        "Russian Maj.Gen.Ivan Petrov said so.",
        "Rev.Anna Cole agreed.",
        "Mark Hill, who ran the website Hill-Travel.Com, was detained in Minsk.",
    ]
