"""Charges told in the ways news stories list them: after "as well as", inside a quotation,
after the people accused, after a harm done to someone, or by the count. Each class is
checked on invented sentences."""

import datetime as dt

from ingest.extractor import extract

PUBLISHED = dt.date(2024, 5, 10)


def _charges(text: str) -> dict[str, list[str]]:
    return {d.name: [c.phrase for c in d.charges] for d in extract(text, PUBLISHED).detainees}


def test_every_item_of_a_quoted_list_of_charges_is_a_charge():
    text = (
        'Tomas Varga, a Slovak trader, was charged in Riyadh with "hoarding foreign currency, '
        'insulting the Crown, as well as aiding and financing smugglers," a newspaper said.'
    )
    assert _charges(text) == {
        "Tomas Varga": [
            "hoarding foreign currency",
            "insulting the Crown",
            "aiding and financing smugglers",
        ]
    }


def test_a_charge_of_two_nouns_joined_by_and_stays_whole_in_a_list():
    text = (
        "Oskar Lind, a Swedish coder, was arrested in Bangkok. He faces an indictment in "
        "Ohio, including charges of bank fraud, conspiracy to commit wire fraud and abuse, "
        "and extortion."
    )
    phrases = _charges(text)["Oskar Lind"]
    assert "conspiracy to commit wire fraud and abuse" in phrases
    assert "extortion" in phrases


def test_charges_after_the_people_accused_with_their_ages_and_after_a_date():
    text = (
        "Ruritania accused Anna Kell, 29, and Rose Dunn, 41, of crossing the border illegally "
        "in May and taking part in hostile acts, and a court jailed both Canadians."
    )
    assert _charges(text) == {
        "Anna Kell": ["crossing the border illegally", "taking part in hostile acts"],
        "Rose Dunn": ["crossing the border illegally", "taking part in hostile acts"],
    }


def test_a_harm_done_to_someone_after_prison_or_a_sentence_is_the_charge():
    prison = (
        "Maria Cruz, a Filipina maid, has been in prison in Kuwait since 2019 for the murder "
        "of her employer."
    )
    sentence = (
        "Ivo Petrov, a Bulgarian guard, is serving a life sentence in Austria for the 2015 "
        "assassination of a banker in Vienna."
    )
    assert _charges(prison) == {"Maria Cruz": ["murder of her employer"]}
    assert _charges(sentence) == {"Ivo Petrov": ["assassination of a banker"]}


def test_an_indictment_or_counts_name_the_charges():
    indicted = (
        "Lev Orlov, a Russian coder held in Prague, was indicted in Texas on several counts "
        "of computer fraud and identity theft."
    )
    indictment = (
        "Nora Lisk, an Estonian broker, was handed over by Spain after a federal "
        "indictment for bribery, embezzlement, and tax evasion."
    )
    assert _charges(indicted) == {"Lev Orlov": ["computer fraud", "identity theft"]}
    assert _charges(indictment) == {"Nora Lisk": ["bribery", "embezzlement", "tax evasion"]}


def test_an_accusation_told_with_a_place_or_as_a_noun_is_a_charge():
    place = (
        "Arman Sadeghi, an Iranian engineer, was arrested in Nice. He is accused in the "
        "United States of evading export controls."
    )
    noun = "Kurt Fenn, a German pilot, was held in Lagos and faces accusations of smuggling gold."
    assert _charges(place) == {"Arman Sadeghi": ["evading export controls"]}
    assert _charges(noun) == {"Kurt Fenn": ["smuggling gold"]}


def test_the_offences_a_text_names_as_such_and_a_conviction_before_a_sentence():
    offences = (
        "Jon Hale, a British tourist, was jailed in Dubai. A court ruled he would be imprisoned "
        "and later expelled for the offences of drink driving and public disorder."
    )
    conviction = (
        "Piotr Nowak, a Polish trader, was serving a three-year sentence in Belarus for a 2019 "
        "smuggling conviction when he was also charged with spying."
    )
    assert _charges(offences) == {"Jon Hale": ["drink driving", "public disorder"]}
    assert _charges(conviction) == {"Piotr Nowak": ["smuggling", "spying"]}


def test_the_nearest_reason_for_a_sentence_and_a_charge_sent_to_prison_for():
    nearest = (
        "Ewan Doyle, an Australian adviser, was sentenced in Yangon to three years, reportedly "
        "over visa violations and for keeping secret papers."
    )
    sent = (
        "Igor Lutsenko, an American, was arrested in Moscow in 2021. He was tried in Minsk "
        "and sent to prison for allegedly inciting unrest."
    )
    convicting = (
        "Ruritania jailed Hugo Brandt, a Belgian aid worker, after convicting him of espionage."
    )
    assert _charges(nearest) == {"Ewan Doyle": ["visa violations"]}
    assert _charges(sent) == {"Igor Lutsenko": ["inciting unrest"]}
    assert _charges(convicting) == {"Hugo Brandt": ["espionage"]}


def test_a_charge_stops_before_in_connection_with():
    text = (
        "Dan Kerr, a Canadian, is charged with conspiracy to damage protected computers and to "
        "send ransom demands in connection with his role in a global ransomware scheme."
    )
    assert _charges(text) == {
        "Dan Kerr": ["conspiracy to damage protected computers and to send ransom demands"]
    }


def test_people_listed_one_to_a_line_after_a_colon_share_what_it_says_of_them():
    text = (
        "Washington and Tehran completed a prisoner swap on Monday.\n\n"
        "Three Iranians convicted of export violations in the United States were pardoned "
        "under the deal:\n\n"
        "Hamid Tavakoli\nReza Karimian\nBehzad Nouri\n\n"
        "More details are expected this week.\n"
    )
    detainees = extract(text, PUBLISHED).detainees
    assert [d.name for d in detainees] == ["Hamid Tavakoli", "Reza Karimian", "Behzad Nouri"]
    for detainee in detainees:
        assert [c.phrase for c in detainee.charges] == ["export violations"]
        assert [n.country for n in detainee.nationality] == ["IR"]
        assert detainee.detaining_country.country == "US"


def test_a_quoted_reason_for_a_sentence_is_the_charge_but_a_quoted_span_of_time_is_not():
    reason = (
        "Omid Rahimi, a Swedish doctor, was arrested in Tehran in 2016. A court sentenced him "
        "to death in 2017 for “aiding a hostile state.”"
    )
    time = "Anna Kral, a Czech student, has been detained in Caracas for “months”."
    assert _charges(reason) == {"Omid Rahimi": ["aiding a hostile state"]}
    assert _charges(time) == {"Anna Kral": []}


def test_charges_told_as_counts_and_an_involvement_in_a_quoted_plot():
    counts = (
        "Yuri Lesnoy, a Russian coder, was extradited from Georgia. He faces 6 charges on "
        "several smuggling counts, as well as bribery and three counts of forgery."
    )
    plot = (
        "Ravi Menon, an Indian trader held in Prague, is accused of involvement in the "
        "“murder-for-hire” scheme against an activist."
    )
    assert _charges(counts) == {"Yuri Lesnoy": ["smuggling", "bribery", "three counts of forgery"]}
    assert _charges(plot) == {"Ravi Menon": ["murder-for-hire"]}


def test_someone_held_on_named_charges_has_been_charged():
    text = "Marco Ferri, an Italian aid worker, is being held in a Minsk jail on espionage charges."
    assert [(d.name, d.status) for d in extract(text, PUBLISHED).detainees] == [
        ("Marco Ferri", "charged")
    ]


def test_a_deed_told_by_its_verb_in_a_list_after_charges_of_is_a_charge():
    deeds = (
        "Lena Voss, a Dutch engineer, was extradited from Peru to Chile, where she faces "
        "charges of bribery, obstructing a judge, and falsifying port records."
    )
    circumstance = (
        "Karl Ruus, an Estonian sailor held in Lagos, was charged with smuggling, including "
        "hiding fuel in tanks."
    )
    assert _charges(deeds) == {
        "Lena Voss": ["bribery", "obstructing a judge", "falsifying port records"]
    }
    closing = "Lena Voss, a Dutch engineer, was convicted of bribery, prompting a protest."
    assert _charges(circumstance) == {"Karl Ruus": ["smuggling"]}
    assert _charges(closing) == {"Lena Voss": ["bribery"]}


def test_a_charge_of_after_an_ordinal_and_an_accusation_of_involvement_in_a_plot():
    ordinal = (
        "Ola Berg, a Norwegian pilot, is held in Quito and faces a second charge of "
        "forging flight logs."
    )
    involved = (
        "Prosecutors in Ohio charged Ivan Sokol, a Ukrainian coder, in 2015, accusing him of "
        "having been involved in a scheme to sell stolen card numbers. He was arrested in Kyiv."
    )
    assert _charges(ordinal) == {"Ola Berg": ["forging flight logs"]}
    assert _charges(involved) == {"Ivan Sokol": ["scheme to sell stolen card numbers"]}


def test_kickbacks_are_an_offence_after_a_loose_accusation():
    text = "Rui Lopes, a Portuguese broker held in Dubai, is accused of taking kickbacks."
    assert _charges(text) == {"Rui Lopes": ["taking kickbacks"]}


def test_two_fields_of_offence_before_one_word_charges_are_two_charges():
    fields = (
        "Tom Hale, a British mercenary, spent a year in a Harare jail on weapons and public "
        "order charges."
    )
    offences = "Jan Bek, a Czech trader, was arrested in Minsk on fraud and bribery charges."
    assert _charges(fields) == {"Tom Hale": ["weapons charges", "public order charges"]}
    assert _charges(offences) == {"Jan Bek": ["fraud", "bribery"]}


def test_a_guilty_verdict_inside_the_reach_of_a_sentence_for_is_read_with_a_quoted_item():
    text = (
        "Paulo Reis, a Brazilian courier, was sentenced to nine years after being found guilty "
        'of carrying cocaine through Lagos and "for bribing a customs officer".'
    )
    assert _charges(text) == {
        "Paulo Reis": ["carrying cocaine through Lagos", "bribing a customs officer"]
    }


def test_being_a_spy_is_spying_and_a_deed_joined_to_it_is_a_charge():
    text = (
        "Ana Sola, a Chilean student, held in Minsk since May, is accused of being a spy and "
        "joining street marches."
    )
    assert _charges(text) == {"Ana Sola": ["spying", "joining street marches"]}


def test_a_charge_stops_before_the_intent_or_alleged_grounds_but_not_at_in_after_a_part():
    intent = (
        "Ana Sola, a Chilean student, was arrested in Minsk and convicted of inciting students "
        "to join street marches with the intent to block roads near the main square."
    )
    grounds = (
        "Piet Mol, a Dutch coder held in Peru, was charged with membership in a banned group "
        "over alleged links with a militia in the east of the country."
    )
    plea = (
        "Piet Mol, a Dutch coder held in Peru, pleaded guilty last month to running a "
        "smuggling ring."
    )
    assert _charges(intent) == {"Ana Sola": ["inciting students to join street marches"]}
    assert _charges(grounds) == {"Piet Mol": ["membership in a banned group"]}
    assert _charges(plea) == {"Piet Mol": ["running a smuggling ring"]}


def test_kinds_of_one_offence_share_its_noun_and_offending_in_general_is_no_charge():
    kinds = (
        "Piet Mol, a Dutch coder extradited from Spain, faces multiple counts of bank, wire and "
        "insurance fraud."
    )
    general = (
        "Piet Mol, a Dutch coder, is held in Lima. He is wanted for similar offences in Chile "
        "and for crimes in Bolivia."
    )
    assert _charges(kinds) == {"Piet Mol": ["bank fraud", "wire fraud", "insurance fraud"]}
    assert _charges(general) == {"Piet Mol": []}


def test_a_gloss_in_brackets_and_a_quoted_item_inside_a_list_and_one_deed_by_two_verbs():
    text = (
        "Omar Talib, a Dutch-Iraqi engineer held in Basra, was found guilty of founding and "
        "running a cell called Al-Fajr (the Dawn) and “waging war on God”, a court said."
    )
    assert _charges(text) == {
        "Omar Talib": ["founding and running a cell called Al-Fajr", "waging war on God"]
    }


def test_a_deed_done_without_leave_and_aid_to_rebels_are_charges_after_for():
    leave = (
        "Sami Haddad, a Canadian-Saudi doctor, was jailed in Riyadh for reportedly flying a "
        "drone without a military permit."
    )
    rebels = (
        "Nora Quinn, an Irish nurse, was arrested in Bamako in 2018. She has spent four "
        "years in desert prisons for aiding rebel fighters."
    )
    assert _charges(leave) == {"Sami Haddad": ["flying a drone without a military permit"]}
    assert _charges(rebels) == {"Nora Quinn": ["aiding rebel fighters"]}


def test_the_offence_of_a_conviction_named_before_the_word_is_the_charge():
    named = (
        "Eva Lind, a Swedish banker, was sentenced in Moscow to a suspended term after an "
        "embezzlement conviction."
    )
    unnamed = "Eva Lind, a Swedish banker, was jailed in Moscow. A previous conviction was quashed."
    assert _charges(named) == {"Eva Lind": ["embezzlement"]}
    assert _charges(unnamed) == {"Eva Lind": []}


def test_a_prison_named_with_initials_still_leads_to_the_offence_after_for():
    text = (
        "Pavel Orlov, a Russian pilot jailed in a U.S. federal penitentiary for alleged "
        "cocaine smuggling, was visited by consuls."
    )
    assert _charges(text) == {"Pavel Orlov": ["cocaine smuggling"]}


def test_every_offence_of_a_list_after_convicted_of_and_its_last_before_by():
    text = (
        "Lars Berge, a Danish guide, was convicted of espionage, criminal association, arson "
        "and attempted murder by a military court in Kinshasa."
    )
    assert _charges(text) == {
        "Lars Berge": ["espionage", "criminal association", "arson", "attempted murder"]
    }


def test_death_row_for_an_offence_is_a_charge():
    death_row = "Omar Said, an Egyptian cook on death row in Riyadh for murder, appealed."
    assert _charges(death_row) == {"Omar Said": ["murder"]}


def test_a_charge_ends_before_its_day_or_how_long_ago_and_loses_alleged():
    text = (
        "Nina Holt, a Norwegian nurse, was charged in Minsk with fraud and theft on Monday. "
        "Her colleague Eva Lund was detained there for alleged espionage, and Aron Dahl was "
        "put in jail on charges of spying for Norway three years ago."
    )
    assert _charges(text) == {
        "Nina Holt": ["fraud", "theft"],
        "Eva Lund": ["espionage"],
        "Aron Dahl": ["spying for Norway"],
    }


def test_what_the_new_charge_rules_leave_alone():
    # a confession is no charge; a list whose next item is none; "by" inside an offence
    text = (
        "Ida Moss, a Swedish engineer, was arrested in Tehran. She was forced to confess to "
        "crimes she did not commit. She was charged with fraud, and her lawyer appealed by "
        "letter."
    )
    assert _charges(text) == {"Ida Moss": ["fraud"]}
    driving = (
        "Ida Moss, a Swedish engineer, was charged in Dubai with drink-driving, speeding and "
        "causing death by dangerous driving."
    )
    assert _charges(driving) == {
        "Ida Moss": ["drink-driving", "speeding", "causing death by dangerous driving"]
    }


def test_what_a_reporter_told_of_is_no_charge():
    for topic in (
        "filming the destruction of a historic mosque",
        "writing about abuse of power by local officials",
        "reporting child abuse at a clinic",
        "making a documentary about piracy off the coast",
    ):
        text = f"Ida Moss, a Swedish reporter, was arrested in Cairo for {topic}."
        assert _charges(text) == {"Ida Moss": []}, topic
    # a time after one capital is no sentence to read a charge across
    block = (
        "Ida Moss, a Swedish reporter, has been held since May in Block C. For her family, "
        "espionage charges came as a shock."
    )
    assert "espionage charges came as a shock" not in str(_charges(block))
