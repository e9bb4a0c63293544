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


def _nationalities(text: str) -> dict[str, list[str]]:
    return {d.name: [n.country for n in d.nationality] for d in extract(text, PUBLISHED).detainees}


def test_a_counted_group_introducing_a_list_after_a_colon_gives_each_their_nationality():
    text = (
        "Police in Denpasar arrested six people in May. They included two Brits: Hugh "
        "Pellow and Ada Quarrie. Both were jailed in Indonesia."
    )
    assert _nationalities(text) == {"Hugh Pellow": ["GB"], "Ada Quarrie": ["GB"]}


def test_a_plural_demonym_before_two_names_gives_both_their_nationality():
    text = "Norwegians Eirik Dahle and Sigrid Moen have been detained in Iran since March."
    assert _nationalities(text) == {"Eirik Dahle": ["NO"], "Sigrid Moen": ["NO"]}


def test_a_nationality_said_of_a_name_with_is_a():
    text = (
        "Kasimir Bortnik was picked up at a Phuket guesthouse in 2019. A judge declined to "
        "extradite him because Bortnik is a Ukrainian citizen."
    )
    assert _nationalities(text) == {"Kasimir Bortnik": ["UA"]}


def _charges(text: str) -> dict[str, list[str]]:
    return {d.name: [c.phrase for c in d.charges] for d in extract(text, PUBLISHED).detainees}


def test_charges_listed_as_what_the_charges_include():
    text = (
        "Anton Rybak, a Russian programmer, was arrested in Prague in 2021. Charges against "
        "Rybak include computer intrusion and identity theft."
    )
    phrases = _charges(text)["Anton Rybak"]
    assert any("computer intrusion" in p for p in phrases)
    assert any("identity theft" in p for p in phrases)


def test_a_charge_named_before_the_word_charges_after_face():
    text = (
        "Switzerland extradited Pavel Drozdov, a Russian businessman, to the United States, "
        "where he faces insider trading charges."
    )
    assert _charges(text)["Pavel Drozdov"] == ["insider trading"]


def test_an_arrest_on_suspicion_of_an_offence_and_a_court_between_convicted_and_of():
    suspicion = (
        "Maeve Tully, a Scottish nurse, has been held in Qatar since police arrested her "
        "on suspicion of forging documents."
    )
    court = "Hal Brennan, an Irish engineer, was convicted by a Vietnamese court of spying in 2016."
    assert _charges(suspicion) == {"Maeve Tully": ["forging documents"]}
    assert _charges(court) == {"Hal Brennan": ["spying"]}


def _visitors(text: str) -> dict[str, list[str | None]]:
    return {
        d.name: [v.visitor for v in d.consular_visits if not v.denied]
        for d in extract(text, PUBLISHED).detainees
    }


def test_consular_access_granted_to_a_mission_is_a_visit_by_that_mission():
    text = (
        "Police in Muscat arrested Arvid Holm and Linnea Berg, two Swedish engineers, in "
        "June. The Swedish embassy learnt of their detention weeks later. The Swedish "
        "mission in Muscat was then granted consular access."
    )
    assert _visitors(text) == {
        "Arvid Holm": ["Swedish mission in Muscat"],
        "Linnea Berg": ["Swedish mission in Muscat"],
    }


def test_a_person_granted_a_consular_visit_and_officials_arranged_to_visit():
    granted = (
        "Ewan Stroud, a Canadian jailed in Harbin since 2019, was granted a consular visit "
        "on Friday after a wait of ten months."
    )
    arranged = (
        "Ewan Stroud, a Canadian businessman, was convicted of spying by a court in China. "
        "The foreign ministry said it had arranged for Canadian officials to visit him."
    )
    assert _visitors(granted) == {"Ewan Stroud": [None]}
    assert _visitors(arranged) == {"Ewan Stroud": ["Canadian officials"]}


def test_welfare_checks_by_embassy_officials_are_visits():
    text = (
        "Tessa Marlow and her husband were arrested in Iran in January and charged with "
        "espionage. Updates on Tessa Marlow came from welfare checks by UK embassy officials."
    )
    assert _visitors(text)["Tessa Marlow"] == ["UK embassy officials"]


def test_a_byline_over_the_outlet_is_not_one_of_the_people_held():
    text = (
        "Son of couple held in Iran speaks out\n\nMira Castell\nCourier News\n\n"
        "The son of an Irish pair held in Iran says he found out about their arrest on "
        "television.\n\nBrendan Oakes and his wife were seized in March and then charged "
        "with espionage, a claim the family rejects."
    )
    roles = _roles(text)
    assert roles["Mira Castell"].byline and not roles["Mira Castell"].eligible
    assert "Mira Castell" not in _names(text)


def test_names_listed_one_a_line_are_not_bylines():
    text = (
        "Five prisoners were freed in a swap between the two countries on Monday. They "
        "were:\n\nKarim Sadeghi\nFarid Najafi\nOmid Rostami\n\nAll five had been convicted "
        "of sanctions violations in the United States."
    )
    roles = _roles(text)
    assert not any(roles[name].byline for name in ("Karim Sadeghi", "Farid Najafi"))


def test_two_given_names_sharing_one_family_name_are_two_people():
    text = (
        "Iran's authorities have charged British nationals Alden and Petra Haworth with "
        "espionage after their arrest in Kerman in January."
    )
    assert sorted(_names(text)) == ["Alden Haworth", "Petra Haworth"]


def test_a_family_name_that_is_also_a_town_and_a_partner_held_together():
    text = (
        "Odile Marchal and her partner Lucien Paris have been held in Iran since June 2021 "
        "on spying charges."
    )
    assert sorted(_names(text)) == ["Lucien Paris", "Odile Marchal"]


def test_a_quoted_nickname_names_the_same_person():
    text = (
        'A Canadian citizen, Yevgeny "Gene" Voronin, was sentenced to 12 years in prison '
        "in Moscow on espionage charges.\n\nFILE - Gene Voronin waits in a glass cage at a "
        "court in Yekaterinburg, Russia, on Thursday."
    )
    assert _names(text) == ["Yevgeny Voronin"]


def test_plural_ranks_head_a_list_of_a_counted_group_of_personnel():
    text = (
        "A court in Muscat on Monday jailed five former Kenyan Navy personnel who were detained "
        "in March 2023 on undisclosed charges. The ministry said the sentences given to the five "
        "men \u2014 Majors Otieno Kamau and Baraka Mwangi, Lieutenants Juma Odhiambo, JW Wafula "
        "and Peter Njoroge \u2014 were being studied."
    )
    names = _names(text)
    assert names == [
        "Otieno Kamau",
        "Baraka Mwangi",
        "Juma Odhiambo",
        "JW Wafula",
        "Peter Njoroge",
    ]


def test_a_family_name_after_initials_does_not_lend_itself_to_the_next_name():
    text = (
        "Police in Jakarta detained three Australian surfers, Liam Carter, RT Hollis and "
        "Owen Baird, on Friday on suspicion of drug possession."
    )
    assert "Hollis Baird" not in _names(text)


def _extradition(text: str):
    (detainee,) = extract(text, PUBLISHED).detainees
    (extradition,) = detainee.extraditions
    return extradition


def test_a_country_as_subject_of_the_extradition_is_the_surrendering_state():
    extradition = _extradition(
        "Portugal extradited Russian engineer Pavel Orlov to the United States on Saturday, "
        "where he faces fraud charges."
    )
    assert (extradition.from_country, extradition.to_country) == ("PT", "US")
    assert extradition.status == "surrendered"


def test_extradited_by_a_country_with_the_journey_and_its_day_in_the_same_sentence():
    extradition = _extradition(
        "Russian trader Pavel Orlov was flown to the United States late on Thursday after "
        "being extradited by Portugal, where police had held him since 2019."
    )
    assert (extradition.from_country, extradition.to_country) == ("PT", "US")
    assert extradition.date == "2024-05-09"


def _facility(text: str) -> str | None:
    (detainee,) = extract(text, PUBLISHED).detainees
    return detainee.facility.name if detainee.facility else None


def test_a_prison_named_only_by_its_town_or_country_is_no_facility():
    assert (
        _facility(
            "Tomas Varga, a Slovak citizen, was sentenced to three years in prison in Dubai "
            "on Monday for carrying cannabis."
        )
        is None
    )
    assert (
        _facility(
            "Tomas Varga, a Slovak citizen, has sat in a Vienna prison ever since police "
            "detained him in 2019 on a US warrant."
        )
        is None
    )
    assert (
        _facility(
            "Tomas Varga, a Slovak citizen, spent two years in a prison in France before he "
            "was extradited to the United States."
        )
        is None
    )


def test_the_town_of_an_arrest_is_no_facility_but_a_named_prison_is():
    assert (
        _facility("Tomas Varga, a Slovak national, was detained in Tehran in 2021 for spying.")
        is None
    )
    assert (
        _facility("Tomas Varga, a Slovak citizen, is held in Qezel Hesar prison on spying charges.")
        == "Qezel Hesar prison"
    )


def test_a_span_of_time_after_sentenced_is_no_prison_term():
    text = (
        "An American teacher serving a 12-year sentence in Russia for cannabis possession "
        "has been freed, the White House said.\nA statement called the release of Rafael "
        "Souza a gesture of goodwill. It added that an envoy had left Russian airspace with "
        "Souza, whom customs officers stopped at a Moscow airport in 2021 with cannabis in "
        "his bag. He was sentenced a year later."
    )
    (detainee,) = extract(text, PUBLISHED).detainees
    assert (detainee.sentence.years, detainee.sentence.months) == (12, 0)


def test_bring_home_a_list_of_names_releases_each_of_them():
    text = (
        "\u201cAt last, after years of wrongful imprisonment in Bolivia, we bring home Ana Ruiz, "
        "Tomas Berg and Peter Lund,\u201d the president said in a statement. Berg, a Navy "
        "veteran, was arrested in 2020."
    )
    statuses = {d.name: d.status for d in extract(text, PUBLISHED).detainees}
    assert statuses == {"Ana Ruiz": "released", "Tomas Berg": "released", "Peter Lund": "released"}


def test_two_demonyms_side_by_side_in_a_predicate_give_both_nationalities():
    text = (
        "Emil Haddad, 59, is a Lebanese American architect who settled in Syria in 2016. "
        "Security forces arrested him two years later, and a court gave him ten years in prison."
    )
    (detainee,) = extract(text, PUBLISHED).detainees
    assert [n.country for n in detainee.nationality] == ["LB", "US"]


# --- Officials, credits and victims named beside the people held ---------------------------


def test_house_member_abbreviated_rep_is_an_official():
    text = (
        "Marta Lindqvist, a Swedish engineer, was arrested in Minsk in March. "
        "Rep. Tom Barrow, R-Ohio, said the case against her was weak."
    )
    assert _names(text) == ["Marta Lindqvist"]


def test_special_officer_placed_by_a_region_is_an_official():
    text = (
        "Marta Lindqvist, a Swedish engineer, was arrested in Minsk in March and released on "
        "Tuesday. The special officer for the Middle East Greg Dunmore and other advisers "
        "negotiated the release of Lindqvist."
    )
    assert _names(text) == ["Marta Lindqvist"]


def test_film_credit_and_crime_victim_are_not_detainees():
    text = (
        "Following the discovery of Oren Vask's body in a morgue in Minsk, police detained "
        "Ilse Brandt, a German tourist. Her case inspired a film starring Kevin Hale, who was "
        "detained in Minsk for a week."
    )
    assert _names(text) == ["Ilse Brandt"]


def test_apposition_after_a_speech_verb_is_not_the_speakers_title():
    text = (
        "Iran freed a Belgian aid worker on Friday in exchange for an Iranian diplomat. "
        "Belgian Prime Minister Jan Smit said the aid worker, Pieter Claes, had been freed. "
        "Claes had been sentenced to 40 years in prison for espionage in January."
    )
    assert _names(text) == ["Pieter Claes"]


def test_relatives_event_does_not_make_the_speaker_a_detainee():
    text = (
        'Jan Vos, a Dutch engineer, was executed in Tehran on Monday. "Nothing will change," '
        "Eva Vos said days after her father's conviction in 2022."
    )
    assert _names(text) == ["Jan Vos"]


def test_misspelt_country_is_not_a_person():
    text = "A Filipino worker in Saudia Arabia has been executed, the foreign ministry said."
    assert _names(text) == []


# --- Executions ---------------------------------------------------------------------------


def test_an_execution_is_a_sentence_carried_out():
    text = (
        "The government confirmed the execution of Maria Delgado, a Filipina maid, in Kuwait. "
        "Tomas Ruiz, a Filipino driver, was hanged in Kuwait the same day."
    )
    result = extract(text, PUBLISHED)
    assert [(d.name, d.status, d.detaining_country.country) for d in result.detainees] == [
        ("Maria Delgado", "convicted", "KW"),
        ("Tomas Ruiz", "convicted", "KW"),
    ]


# --- Where a national is held, told from home -------------------------------------------------


def test_story_from_home_keeps_the_foreign_country_of_the_headline():
    text = (
        "Indonesia agrees to send Filipino drug convict home\n"
        "MANILA -- The Philippine president said on Wednesday that a deal had been reached to "
        "send home a Filipino convict. He thanked the Indonesian government for granting a "
        "request that Rosa Tamayo be allowed to come back and finish her term in her country. "
        "Tamayo was caught with heroin in 2011 and sentenced to death for drug trafficking. "
        "Philippine officials will discuss the terms of the transfer."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.name == "Rosa Tamayo"
    assert detainee.detaining_country.country == "ID"
    assert detainee.status == "convicted"


# --- Charges as stated, once each -------------------------------------------------------------


def _charge_lists(text: str) -> list[list[str]]:
    return [[c.phrase for c in d.charges] for d in extract(text, PUBLISHED).detainees]


def test_quoted_charge_noun_and_security_charges_are_read():
    text = (
        "Lena Hart, a British teacher, was detained in Tehran on fabricated \u201cespionage\u201d "
        "charges. Ivo Lenz, a German pilot, was imprisoned in Baku on national security charges."
    )
    assert _charge_lists(text) == [["espionage"], ["national security"]]


def test_charges_named_as_the_offences_of():
    text = (
        "Ola Brun and Kit Varga, two Danish tourists, were arrested in Dubai. They were jailed "
        "for the offences of public indecency and drunkenness."
    )
    assert _charge_lists(text) == [["public indecency", "drunkenness"]] * 2


def test_charge_stops_before_a_dash_and_a_trailing_conjunction():
    text = (
        "Ivo Lenz, a German pilot, was arrested in Baku. He was charged with espionage \u2013 "
        "accusations his family calls absurd. He also faces charges of conspiracy and "
        "of forgery."
    )
    assert _charge_lists(text) == [["espionage", "conspiracy", "forgery"]]


def test_long_quoted_accusation_gives_its_first_words():
    text = (
        "Ivo Lenz, a German banker, was arrested in Baku. He stands accused of \u201cinsider "
        "trading worth tens of millions of euros in concert with a ring of partners across "
        "three countries,\u201d a spokeswoman said."
    )
    [charges] = _charge_lists(text)
    assert charges and charges[0].startswith("insider trading")


def test_the_same_charge_told_twice_is_kept_once():
    text = (
        "Ivo Lenz, a German pilot, was arrested in Baku. He was charged with drug trafficking. "
        "Prosecutors say the trafficking went on for years, and he was convicted of "
        "trafficking in March."
    )
    assert _charge_lists(text) == [["drug trafficking"]]


# --- Swaps --------------------------------------------------------------------------------------


def test_people_named_in_a_swap_are_exchanged_and_not_held_where_it_happened():
    text = (
        "Sweden and Iran completed a prisoner swap in Oman. The deal freed Swedish engineers "
        "Erik Lund and Nils Berg in exchange for Reza Karimi, an Iranian official.\n\n"
        "Lund and Berg were released by Tehran and landed in Stockholm on Saturday. Lund had "
        "been arrested in Tehran in 2022."
    )
    result = extract(text, PUBLISHED)
    # The man given in return was held by the other side and exchanged too, official or not
    # (as the labelling rules count him).
    assert [(d.name, d.status) for d in result.detainees] == [
        ("Erik Lund", "exchanged"),
        ("Nils Berg", "exchanged"),
        ("Reza Karimi", "exchanged"),
    ]
    assert all(
        d.detaining_country is None or d.detaining_country.country != "OM" for d in result.detainees
    )


def test_swap_venue_is_not_the_detaining_country():
    text = (
        "Russia released 16 people in a prisoner swap at Ankara airport, including American "
        "journalist Dan Morrow, convicted of espionage in Russia."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.detaining_country.country == "RU"
    assert detainee.status == "exchanged"


# --- Dates -------------------------------------------------------------------------------------


def test_worded_post_date_stamp_dates_the_article():
    text = (
        "Post date: Jun 10, 2013 4:07:52 AM\n"
        "Tom Reid, a British tourist, was sentenced to four years in jail in Dubai on Monday."
    )
    result = extract(text)
    assert result.published == "2013-06-10"
    assert result.detainees[0].sentence.date == "2013-06-10"


def test_fine_without_a_term_takes_the_date_of_the_sentencing():
    text = (
        "Pieter Claes, a Belgian aid worker, was arrested in Tehran in 2022. In January, Iran "
        "sentenced Claes to a long prison term and 74 lashes. He was also fined $1 million."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.sentence.fine_amount == 1_000_000
    assert detainee.sentence.date == "2024-01"


def test_line_cut_off_with_an_ellipsis_is_prose_not_a_headline():
    text = (
        "Dale Brook, a businessman from Texas, has been held in China since 2012.\n\n"
        "He was convicted of manufacturing and selling drugs in 2020 by the Foshan "
        "Intermediate\u2026"
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert detainee.status == "convicted"
    assert [c.phrase for c in detainee.charges][:1] == ["manufacturing drugs"]


# --- Lists, access gained by a mission, surrender dated by the arrival ------------------------


def test_caption_list_after_a_swap_names_each_person_exchanged():
    text = (
        "The five Russians who were released by Washington in a 2010 spy swap had been held "
        "by the FBI since June.\n\n"
        "From left: Olga Brant; Pavel Sorin; Irina Kask; Lev Dorin; and Yana Petrik."
    )
    result = extract(text, PUBLISHED)
    assert [(d.name, d.status) for d in result.detainees] == [
        ("Olga Brant", "exchanged"),
        ("Pavel Sorin", "exchanged"),
        ("Irina Kask", "exchanged"),
        ("Lev Dorin", "exchanged"),
        ("Yana Petrik", "exchanged"),
    ]


def test_mission_that_gained_access_is_the_visitor_not_the_minister_speaking():
    text = (
        "Arjun Sandhu, a British citizen, was detained in Jalandhar a fortnight ago. "
        "Minister Rory Dale said on Monday the Deputy High Commission had now "
        "gained access to Mr. Sandhu."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    assert [(v.visitor, v.denied) for v in detainee.consular_visits] == [
        ("Deputy High Commission", False)
    ]


def test_mission_able_to_meet_the_detainee_on_a_date_is_a_visit():
    text = (
        "Arjun Sandhu, a British citizen, was arrested in Jalandhar on 4 November 2017. "
        "The British High Commission was first able to meet Sandhu in person on "
        "16 November 2017."
    )
    [detainee] = extract(text, PUBLISHED).detainees
    [visit] = detainee.consular_visits
    assert visit.visitor == "British High Commission"
    assert visit.date == "2017-11-16"


def test_undated_surrender_takes_the_date_of_the_arrival_reported_after_it():
    text = (
        "Dutch officials extradited a Russian citizen accused of money laundering to the United "
        "States, prosecutors said. The 29-year-old, Oleg Marov, is alleged to have helped "
        "others launder ransom money. He was detained in Rotterdam on 2 November. "
        "Prosecutors said the Russian citizen arrived in the United States on 15 August and "
        "was brought before a judge in Portland."
    )
    [detainee] = extract(text, dt.date(2022, 8, 18)).detainees
    [extradition] = detainee.extraditions
    assert (extradition.from_country, extradition.to_country) == ("NL", "US")
    assert extradition.date == "2022-08-15"
