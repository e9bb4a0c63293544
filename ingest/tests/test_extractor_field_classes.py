"""Field classes that real news states in ways the rules missed, each checked on invented
sentences and invented people: a surrender told as "handed over to" a state's authorities
after an arrest in the same sentence; charges judged before they are named ("false charges
of"); a sentence "for a ... fraud scheme" or "for a 1990 double murder"; an extradition the
story opens with, later than a conviction it leaves undated; a term told by its length after
a possessive ("after his seven-year sentence"); a term reduced to another; a sentencing
dated "in August of the following year" or "the following year"; of two transfers, the one
into the custody of the state that holds the person; the surrendering state a relative
clause opens on ("leaving Freedonia, which extradited him"); an undated surrender does not
take the year of the arrest told before it; a handover to the Red Cross's committee is no
extradition; a release in a story that opens on "a third exchange" is the exchange's; a
town's possessive after "detained at" names no facility; the nationality from a demonym
before a title of any trade and a name ("Peruvian drug lord X"), from "a citizen of both A
and B", from two demonyms joined by a hyphen ("Chilean-Peruvian X", no part of the name),
from "who is from A" after a name, from a predicate with words of degree ("was the most
recently jailed Chilean tourist"); a release told as a return "after spending ... in prison"
or "on their way back to ... after ... in detention", as parole granted or a pardon won, and
no release when the same sentence says the person is still held; a court appearance is a
step of the case; a sentence the person "has had ... upheld" is a conviction; the holding
state from a wire dateline ("BANGKOK :") when nothing else places the story, and from "A's
president has pardoned"; a fine in "£3-million"; a sum paid as restitution is no fine; a
sentence served in a town places the person there; "The Haverkamps" at a sentence's head is
each of the family; "fled to X and was extradited" surrenders from X, a refuge of years
before does not; an upheld death sentence dates from the first trial; a term served for
years is not dated by the story; a term told again with "the" takes the date told there; an
added term told with its total is the total; "a maximum sentence of" is no sentence; a
travel ban reduced to a term is no prison term; countries given as examples ("contacts in
countries including A, B and C") hold no one; a state that "handed X over to" another's
authorities, or "handed over" a named person to them, surrendered the person; "following his
extradition to" a state is a surrender, "after his extradition hearing" is none."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.dates import find_dates

PUBLISHED = dt.date(2024, 5, 10)


def _only(text: str):
    detainees = extract(text, PUBLISHED).detainees
    assert len(detainees) == 1, [d.name for d in detainees]
    return detainees[0]


def test_arrested_and_handed_over_to_a_states_authorities_is_a_surrender():
    text = (
        "Published: 2024-05-10\n\n"
        "Tomas Varga, a Slovak engineer, was detained in Almaty on May 2, 2023 and later "
        "handed over to the Chinese security services in July 2023. He remains in Urumqi."
    )
    done = _only(text).completed_extradition
    assert done is not None
    assert (done.from_country, done.to_country, done.date) == ("KZ", "CN", "2023-07")


def test_charges_judged_false_before_they_are_named_are_still_the_charges():
    text = (
        "Published: 2024-05-10\n\n"
        "Oskar Lind, a Swedish sailor, has been held in a jail in Lome since March, reportedly "
        "on false charges of fraud and aiding smugglers."
    )
    assert [c.phrase for c in _only(text).charges] == ["fraud", "aiding smugglers"]


def test_a_sentence_for_a_named_offence_after_an_article_names_the_charge():
    text = (
        "Published: 2024-05-10\n\n"
        "A court in Boston sentenced Pavel Drozd, a Latvian citizen, to eight years in prison "
        "for a mobile payment fraud scheme, prosecutors said."
    )
    assert [c.phrase for c in _only(text).charges] == ["mobile payment fraud scheme"]
    text = (
        "Published: 2024-05-10\n\n"
        "Karim Haddad, a Lebanese citizen, was sentenced to life in prison for a 1990 double "
        "murder, and remains held in Cyprus."
    )
    assert [c.phrase for c in _only(text).charges] == ["double murder"]


def test_a_related_offence_or_where_it_was_committed_is_no_part_of_the_charge():
    text = (
        "Published: 2024-05-10\n\n"
        "Ivo Brandt, a German national, was jailed in Madrid for a related attack. He is now "
        "serving 12 years in prison in Bangkok for a drug offence committed in Phuket."
    )
    assert [c.phrase for c in _only(text).charges] == ["drug offence"]


def test_an_extradition_the_story_opens_with_is_later_than_an_undated_conviction():
    text = (
        "Published: 2024-05-10\n\n"
        "Portugal has extradited to the United States the Estonian programmer Mart Kask, "
        "convicted in Lisbon of money laundering. He was flown to New York on Thursday.\n\n"
        "Kask had denied the charges."
    )
    record = _only(text)
    assert record.status == "extradited"


def _term(record) -> tuple[int | None, int | None] | None:
    sentence = record.sentence
    return None if sentence is None else (sentence.years, sentence.months)


def test_a_term_told_by_its_length_after_a_possessive_is_the_persons_sentence():
    text = (
        "Published: 2024-05-10\n\n"
        "Canadian photographer Rory Dunmore has returned to Ottawa after his seven-year "
        "sentence for espionage in Laos."
    )
    assert _term(_only(text)) == (7, 0)
    text = (
        "Published: 2024-05-10\n\n"
        "Greta Holm, a Danish activist held in a Bolivian prison, was granted parole but must "
        "stay in La Paz until her 12-year sentence ends in 2026."
    )
    assert _term(_only(text)) == (12, 0)


def test_a_possessive_term_opening_a_sentence_is_not_given_by_the_sentence_alone():
    text = (
        "Published: 2024-05-10\n\n"
        "A court in Kigali sentenced Jean Mugisha, a Belgian resident, to 20 years in prison. "
        "The ruling was condemned by director Alan Frost. His 20-year prison sentence was "
        "criticised abroad."
    )
    names = {d.name for d in extract(text, PUBLISHED).detainees}
    assert names == {"Jean Mugisha"}


def test_a_term_reduced_to_another_is_the_new_term():
    text = (
        "Published: 2024-05-10\n\n"
        "American reporter Nora Quill was freed on Monday after an appeals court in Tehran "
        "reduced her six-year jail sentence to a one-year suspended sentence."
    )
    record = _only(text)
    assert _term(record) == (1, 0)
    assert record.sentence.commuted


def test_the_following_year_is_a_year_after_the_last_year_told():
    found = find_dates(
        "She was arrested in Minsk in May 2019 and sentenced in March of the following year.",
        PUBLISHED,
    )
    assert [d.value for d in found] == ["2019-05", "2020-03"]
    found = find_dates("He was detained in 2016 and tried the following year.", PUBLISHED)
    assert [d.value for d in found] == ["2016", "2017"]
    assert find_dates("He will be tried the following year.", PUBLISHED) == []


def test_a_sentence_dated_in_a_month_of_the_following_year():
    text = (
        "Published: 2024-05-10\n\n"
        "Lena Vogt, 61, a German citizen, was arrested in Tashkent in November 2021 and "
        "sentenced to nine years in prison in June of the following year on spying charges."
    )
    record = _only(text)
    assert _term(record) == (9, 0)
    assert record.sentence.date == "2022-06"


def test_of_two_transfers_the_one_into_the_holding_states_custody_is_the_extradition():
    text = (
        "Published: 2024-05-10\n\n"
        "The United States has extradited to Romania a Romanian national sentenced to seven "
        "years in prison for bank fraud, the Romanian interior ministry said on May 9.\n\n"
        "A federal judge in Ohio sentenced Dorin Lupu in March last year.\n\n"
        "Lupu was extradited to the United States in October 2021."
    )
    record = _only(text)
    assert record.detaining_country is not None
    assert record.detaining_country.country == "US"
    done = record.completed_extradition
    assert done is not None
    assert (done.to_country, done.date) == ("US", "2021-10")


def test_the_country_a_relative_clause_opens_on_is_the_one_that_extradited():
    text = (
        "Published: 2024-05-10\n\n"
        "Marek Novak, a Slovak programmer, was stopped in June 2020 on his way out of Georgia, "
        "which extradited him to Germany in May 2022."
    )
    done = _only(text).completed_extradition
    assert done is not None
    assert (done.from_country, done.to_country, done.date) == ("GE", "DE", "2022-05")


def test_an_undated_surrender_does_not_take_the_year_of_the_arrest_before_it():
    text = (
        "Published: 2024-05-10\n\n"
        "Farid Anwar Qasimi, a Canadian businessman, was arrested in 2011 and spent four years in "
        "a Texas prison for fraud, but was extradited to India in the end."
    )
    done = _only(text).completed_extradition
    assert done is not None
    assert (done.to_country, done.date) == ("IN", None)


def test_a_handover_to_the_red_cross_committee_is_no_extradition():
    text = (
        "Published: 2024-05-10\n\n"
        "Militants freed Omar Haddad, a Jordanian engineer held for two years in Lebanon. "
        "Haddad was handed over to an International Committee of the Red Cross team."
    )
    record = _only(text)
    assert record.completed_extradition is None
    assert record.status == "released"


def test_a_release_in_a_story_opening_on_a_numbered_exchange_is_an_exchange():
    text = (
        "Published: 2024-05-10\n\n"
        "The truce held on Sunday as the rebels freed nine more captives in a second exchange "
        "under the ceasefire. In turn, the government released 20 prisoners.\n\n"
        "Officials confirmed that Nils Berg, a Norwegian aid worker held by the rebels, was "
        "released on Sunday."
    )
    assert _only(text).status == "exchanged"


def test_held_at_a_towns_possessive_names_no_facility():
    text = (
        "Published: 2024-05-10\n\n"
        "Mia Brandt, a Danish tourist, was detained at Nairobi’s busiest airport late on "
        "Monday when she landed from Dubai."
    )
    assert _only(text).facility is None


def test_a_demonym_and_a_title_of_any_trade_before_a_name_give_the_nationality():
    cases = [
        ("fugitive Brazilian jeweller Tomas Verdal", "BR"),
        ("alleged Chilean spy Rafael Quintero", "CL"),
        ("Peruvian drug lord Hugo Saldana", "PE"),
    ]
    for named, code in cases:
        text = (
            "Published: 2024-05-10\n\n"
            f"A court in Lisbon on Monday ordered the extradition of {named} to Spain, where "
            "he is wanted for fraud."
        )
        assert [n.country for n in _only(text).nationality] == [code], named


def test_a_plural_or_a_verb_after_a_demonym_is_no_title():
    text = (
        "Published: 2024-05-10\n\n"
        "Chilean state television said Rafael Quintero was arrested in Lima on Monday."
    )
    assert [n.country for n in _only(text).nationality] == []


def test_a_citizen_of_both_of_two_states_has_both_nationalities():
    text = (
        "Published: 2024-05-10\n\n"
        "Lena Farrokh, a citizen of both Peru and Norway, was arrested in Lima in 2021 and "
        "charged with espionage."
    )
    assert sorted(n.country for n in _only(text).nationality) == ["NO", "PE"]


def test_a_hyphened_pair_of_demonyms_before_a_name_gives_both_and_is_no_part_of_it():
    text = (
        "Published: 2024-05-10\n\n"
        "Chilean-Peruvian Hugo Saldana was sentenced to six years in prison in La Paz on "
        "Monday for smuggling."
    )
    held = _only(text)
    assert held.name == "Hugo Saldana"
    assert sorted(n.country for n in held.nationality) == ["CL", "PE"]


def test_where_a_person_comes_from_told_in_a_relative_clause_gives_the_nationality():
    text = (
        "Published: 2024-05-10\n\n"
        "Nora Lind was arrested in Tehran last year. Ms Lind, who is from Peru but lives in "
        "Spain, was accused of espionage."
    )
    assert [n.country for n in _only(text).nationality] == ["PE"]


def test_a_return_to_a_country_after_time_in_prison_is_a_release():
    text = (
        "Published: 2024-05-10\n\n"
        "Lars Holm, a Norwegian cartoonist, returned to Norway in March after spending "
        "fourteen months in a Freedonian prison on charges he denies."
    )
    assert _only(text).status == "released"


def test_a_return_to_the_country_that_then_arrests_is_no_release():
    text = (
        "Published: 2024-05-10\n\n"
        "Lars Holm, a Norwegian engineer, returned to Iran after spending ten years in Canada, "
        "and was arrested in Tehran in 2021."
    )
    assert _only(text).status == "detained"


def test_on_their_way_back_after_time_in_detention_is_a_release():
    text = (
        "Published: 2024-05-10\n\n"
        "Officials said the two Brazilians, Tomas Verdal and Rafael Quintero, are now on "
        "their way back to Recife after spending some 1,200 nights in detention in Freedonia. "
        "Verdal had been sentenced to nine years in 2022."
    )
    statuses = {d.name: d.status for d in extract(text, PUBLISHED).detainees}
    assert statuses == {"Tomas Verdal": "released", "Rafael Quintero": "released"}


def test_parole_granted_or_a_pardon_won_is_a_release():
    for granted in ("has been granted parole", "won a pardon"):
        text = (
            "Published: 2024-05-10\n\n"
            "Hugo Saldana, a Chilean farmer sentenced to nine years in Lima for smuggling in "
            f"2019, {granted} after five years in prison."
        )
        assert _only(text).status == "released", granted


def test_a_release_the_same_sentence_says_did_not_happen_is_no_release():
    text = (
        "Published: 2024-05-10\n\n"
        "Lars Holm, a Norwegian reporter, was given a suspended sentence in Ankara last month. "
        "A judge ordered Holm freed on Monday, but he is still in custody because of a "
        "second case."
    )
    assert _only(text).status == "convicted"


def test_a_court_appearance_is_a_step_of_the_case():
    text = (
        "Published: 2024-05-10\n\n"
        "Nora Lind, a Danish student, was arrested in Tbilisi in March. Lind, who is held in a "
        "jail near the capital, appeared in a city court last week, where prosecutors said "
        "she had imported drugs."
    )
    assert _only(text).status == "charged"


def test_a_sentence_the_person_has_had_upheld_is_a_conviction():
    text = (
        "Published: 2024-05-10\n\n"
        "Aid worker Nora Lind has had a seven-year prison sentence for spying upheld by an "
        "appeals court. Lind was arrested in 2022 while on a visit to her family."
    )
    assert _only(text).status == "convicted"
    # With no term told, only the verb says a court has ruled.
    untold = (
        "Published: 2024-05-10\n\n"
        "Aid worker Nora Lind, a Danish national held in Minsk since 2022, has had her "
        "sentence upheld by an appeals court."
    )
    assert _only(untold).status == "convicted"


def test_a_demonym_after_words_of_degree_in_a_predicate_gives_the_nationality():
    text = (
        "Published: 2024-05-10\n\n"
        "Ana Petrovic was the most recently jailed Chilean tourist in Freedonia. She was "
        "arrested at the border in 2023."
    )
    assert [n.country for n in _only(text).nationality] == ["CL"]


def test_a_wire_dateline_places_a_story_nothing_else_places():
    text = (
        "Published: 2024-05-10\n\n"
        "BANGKOK : Convicted Danish smuggler Nora Lind was moved on Friday to a hospital "
        "ward after weeks of illness, her family said."
    )
    country = _only(text).detaining_country
    assert country is not None and country.country == "TH"


def test_a_head_of_state_who_pardons_is_of_the_holding_state():
    text = (
        "Published: 2024-05-10\n\n"
        "Freedom at last: Peru's president has pardoned a Danish chemist jailed for fraud."
        "\n\nNora Lind, given two years in March, walked out of prison on Sunday and will fly "
        "to Copenhagen this week."
    )
    country = _only(text).detaining_country
    assert country is not None and country.country == "PE"


def test_a_fine_whose_millions_are_joined_by_a_hyphen_is_read_in_full():
    text = (
        "Published: 2024-05-10\n\n"
        "Harald Brenne, a Norwegian pilot, was convicted in Malabo of arms smuggling. A judge "
        "gave him nine years behind bars; he must also pay a fine of £3-million."
    )
    sentence = _only(text).sentence
    assert sentence is not None
    assert (sentence.fine_amount, sentence.fine_currency) == (3_000_000, "GBP")


def test_a_sum_ordered_paid_as_restitution_is_no_fine():
    for wording in (
        "ordered to pay $40 million in restitution to the banks",
        "ordered to pay restitution of $40 million to the banks",
    ):
        text = (
            "Published: 2024-05-10\n\n"
            "Pavel Ostrovsky, a Belarusian programmer, was sentenced in Boston to twelve years "
            f"in prison for wire fraud and {wording}."
        )
        sentence = _only(text).sentence
        assert sentence is not None and sentence.years == 12
        assert sentence.fine_amount is None


def test_serving_a_sentence_in_a_town_places_the_person_there():
    text = (
        "Published: 2024-05-10\n\n"
        "Gleb Arkhipov, a Russian coder, flew home on Friday. Arkhipov served his whole "
        "term in Danbury, Connecticut, after a trial for card fraud."
    )
    facility = _only(text).facility
    assert facility is not None and facility.name.startswith("Danbury")


def test_a_family_named_at_the_head_of_a_sentence_is_each_of_its_members():
    text = (
        "Published: 2024-05-10\n\n"
        "Iran has detained a Dutch couple, Pieter and Marijke Haverkamp, on spying charges. "
        "A Belgian cyclist, Jan Smet, was arrested with them and freed a day later. "
        "The Haverkamps are being held in Tabriz, their relatives said."
    )
    detainees = extract(text, PUBLISHED).detainees
    couple = [d for d in detainees if d.name.endswith("Haverkamp")]
    assert sorted(d.name for d in couple) == ["Marijke Haverkamp", "Pieter Haverkamp"]
    assert all(d.facility is not None and d.facility.name == "Tabriz" for d in couple)


def test_a_flight_to_a_country_before_the_surrender_names_the_state_it_left():
    text = (
        "Published: 2024-05-10\n\n"
        "Rashid Velayati, an Iranian trader wanted in a fraud case, escaped to Malaysia "
        "and was then extradited by its police to Thailand in a week."
    )
    done = _only(text).completed_extradition
    assert done is not None
    assert (done.from_country, done.to_country) == ("MY", "TH")


def test_a_refuge_of_years_before_an_arrest_elsewhere_is_not_the_state_it_left():
    text = (
        "Published: 2024-05-10\n\n"
        "On a trip to Uzbekistan in 2019, Dilshod Karimli, a teacher who had fled to Canada "
        "in 2001, was arrested by the Uzbek secret police, who later handed him over to "
        "the Chinese security services."
    )
    done = _only(text).completed_extradition
    assert done is not None
    assert (done.from_country, done.to_country) == ("UZ", "CN")


def test_a_sentencing_after_a_dated_trial_takes_the_trials_date():
    text = (
        "Published: 2024-05-10\n\n"
        "Anand Rawal, a retired Nepali sailor, was sentenced to death by a military court on "
        "charges of sabotage after a secret trial in March 2021. His family denies the charges."
    )
    sentence = _only(text).sentence
    assert sentence is not None and sentence.death
    assert sentence.date == "2021-03"


def test_the_upper_bound_of_a_range_faced_is_the_maximum():
    for wording in ("faces four to nine years in prison", "faces between 4 and 9 years in jail"):
        text = (
            "Published: 2024-05-10\n\n"
            "Turkish police detained Lena Marquardt, a German aid worker, in April on terrorism "
            f"charges. She {wording}."
        )
        penalty = _only(text).max_penalty
        assert penalty is not None and penalty.years == 9


def test_a_maximum_told_as_an_adjective_of_the_term_is_the_maximum():
    text = (
        "Published: 2024-05-10\n\n"
        "Oliver Dunmore, an American teacher, went on trial in Kursk on smuggling charges. "
        "Prosecutors asked for three years of a maximum six-year sentence."
    )
    penalty = _only(text).max_penalty
    assert penalty is not None and penalty.years == 6


def test_a_maximum_told_of_the_offence_after_a_conviction_is_the_convicted_persons():
    text = (
        "Published: 2024-05-10\n\n"
        "Edwin Harrow, a Canadian banker, was found guilty of fraud by a Moscow court on "
        "Tuesday. Fraud is punishable by up to eight years in prison under Russian law."
    )
    penalty = _only(text).max_penalty
    assert penalty is not None and penalty.years == 8


def test_a_term_an_appeal_court_upheld_is_the_sentence():
    text = (
        "Published: 2024-05-10\n\n"
        "Aid worker Tamsin Reeve has had a nine-year prison sentence for spying upheld on "
        "appeal in Tehran, her family said."
    )
    sentence = _only(text).sentence
    assert sentence is not None and (sentence.years, sentence.months) == (9, 0)


def test_a_term_prosecutors_requested_is_not_the_sentence():
    text = (
        "Published: 2024-05-10\n\n"
        "Judges in Porto handed a suspended sentence to Warren Pike, a Canadian "
        "surveyor charged with falsifying land records. Prosecutors had requested Pike be "
        "sentenced to a three-year term."
    )
    pike = _only(text)
    assert pike.sentence is None or pike.sentence.years != 3
    assert pike.status == "convicted"


def test_an_upheld_death_sentence_is_dated_by_the_first_trial():
    text = (
        "Published: 2024-05-10\n\n"
        "Officials said on Thursday that a court in Xiamen had upheld the death sentence for "
        "Canadian citizen Rory Feld. Feld was convicted of drug smuggling in 2020."
    )
    sentence = _only(text).sentence
    assert sentence is not None and sentence.death
    assert sentence.date == "2020"


def test_a_sentence_being_served_for_years_is_not_dated_by_the_story():
    text = (
        "Published: 2024-05-10\n\n"
        "Lars Mendel, a Dutch citizen, has been serving a 20-year prison sentence in Chile for "
        "a murder. He will be flown to Texas soon to stand trial for fraud."
    )
    sentence = _only(text).sentence
    assert sentence is not None and sentence.years == 20
    assert sentence.date is None


def test_a_term_told_again_with_the_takes_the_date_told_there():
    text = (
        "Published: 2024-05-10\n\n"
        "Erik Dahlgren, a Swedish student, was sentenced to life in Qatar for spying but "
        "has since been pardoned. Officials there still say he was a spy.\n\n"
        "Once the court in Doha had pronounced the life sentence last month, Sweden recalled "
        "its envoy."
    )
    sentence = _only(text).sentence
    assert sentence is not None and sentence.life
    assert sentence.date == "2024-04"


def test_an_added_term_told_with_its_total_is_the_total():
    text = (
        "Published: 2024-05-10\n\n"
        "A court in Omsk on Monday found Daniel Ferro, an Italian engineer, guilty of spying "
        "and sentenced him to a further eight years, for a total of 11 years in a colony."
    )
    sentence = _only(text).sentence
    assert sentence is not None and (sentence.years, sentence.months) == (11, 0)


def test_a_maximum_sentence_of_a_term_is_no_sentence():
    text = (
        "Published: 2024-05-10\n\n"
        "Ruben Marsh, a Canadian, is held in Lima on a charge that carries a maximum "
        "sentence of 12 years under local law. His trial opens next month."
    )
    marsh = _only(text)
    assert marsh.sentence is None
    assert marsh.max_penalty is not None and marsh.max_penalty.years == 12


def test_a_travel_ban_cut_to_a_term_is_no_prison_term():
    text = (
        "Published: 2024-05-10\n\n"
        "Nadim Aziz, an American doctor, was sentenced to five years in jail in Riyadh; a "
        "five-year travel ban was later reduced to 30 months."
    )
    sentence = _only(text).sentence
    assert sentence is not None and (sentence.years, sentence.months) == (5, 0)


def test_countries_given_as_examples_hold_no_one():
    soto = _only(
        "Chilean Pedro Soto was also jailed for ten years, charged with spying for foreign "
        "agencies and with contacts in countries including Peru, Argentina and Brazil."
    )
    assert soto.detaining_country is None
    listed = _only(
        "Chilean Pedro Soto was also jailed for ten years, charged with contacts in Countries "
        "such as the Netherlands, Peru, and Brazil."
    )
    assert listed.detaining_country is None
    placed = _only(
        "Chilean Pedro Soto was jailed for ten years by a court in La Paz, charged with "
        "contacts in countries such as Peru and Brazil."
    )
    assert placed.detaining_country.country == "BO"


def _surrender(person):
    (extradition,) = person.extraditions
    return extradition.status, extradition.from_country, extradition.to_country


def test_a_state_that_handed_a_named_person_over_surrendered_them():
    subject = _only("Spain handed Petro Ivanenko over to US marshals in Madrid on Friday.")
    assert _surrender(subject) == ("surrendered", "ES", "US")
    described = _only(
        "The Bahamas government handed over software founder Petro Ivanenko to the US "
        "authorities on Tuesday."
    )
    assert _surrender(described) == ("surrendered", "BS", "US")


def test_a_surrender_told_as_what_followed_is_one():
    person = _only(
        "Mark Ivanenko pleaded not guilty to wire fraud in Boston on Monday, three weeks after "
        "his extradition from Norway to the United States."
    )
    assert _surrender(person) == ("surrendered", "NO", "US")


def test_an_extradition_still_ahead_or_only_asked_for_is_no_surrender():
    for text in (
        "Petro Ivanenko, a Ukrainian held in Madrid, will be tried in Texas upon his "
        "extradition to America.",
        "Petro Ivanenko, a Ukrainian held in Madrid, could face life in prison after his "
        "extradition to Texas.",
        "Petro Ivanenko, a Ukrainian, has been held in Madrid since his extradition was "
        "requested by the United States.",
        "Petro Ivanenko, a Ukrainian held in Madrid, was freed after his extradition to the "
        "US was delayed.",
    ):
        person = _only(text)
        assert all(e.status != "surrendered" for e in person.extraditions), text
        assert person.detaining_country.country == "ES", text


def test_things_handed_over_and_people_handed_to_mediators_or_in_a_swap_are_no_surrender():
    held = _only(
        "Spanish police handed over evidence against Petro Ivanenko to US prosecutors; "
        "Ivanenko remains held in Madrid."
    )
    assert held.extraditions == () and held.detaining_country.country == "ES"
    freed = _only(
        "The Taliban handed over American citizen Ryan Cobb to Qatari mediators on Monday after "
        "two years in captivity."
    )
    assert freed.extraditions == () and freed.status == "released"
    swapped = _only(
        "Belarus handed German Rico Kramer over to German authorities on Thursday as part of a "
        "prisoner swap."
    )
    assert swapped.extraditions == () and swapped.status == "exchanged"


def test_what_the_handover_and_following_rules_leave_alone():
    # Papers handed over are no person; a hearing after which nothing is told is no surrender.
    assert (
        extract(
            "Spain handed over the documents to US prosecutors, who want Petro Ivanenko tried in "
            "New York.",
            PUBLISHED,
        ).detainees
        == ()
    )
    held = _only(
        "Mark Ivanenko, held in Oslo since March, hopes to stay in Norway after his extradition "
        "hearing next week."
    )
    assert all(e.status != "surrendered" for e in held.extraditions)
