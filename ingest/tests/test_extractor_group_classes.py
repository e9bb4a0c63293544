"""People and their states told in ways the rules missed, each checked on invented sentences
and invented people: names listed and then described together ("A and B, two Slovak
engineers," and "A, B and C, all Slovak citizens,"), and a list whose first names a comma
joins; a person described and then named as the object of a sentencing ("sentenced a Slovak
woman, X, to"); a demonym before an employer's name and a trade ("Canadian Acme Mining
executive X"), where a capital after other words starts another phrase and a capitalised
person noun in a name ("Criminal Court") heads none; a group phrase that ends at a small word
("the freed Slovaks on his Instagram account"); the state whose consuls visited the person when
the story gives no nationality, a headline's "gain access to", and "Canadian officials met
with X in prison" as a consular visit; a campaign's "Free" and a platform around a name
("the Free X Y Twitter account"); a term one "gets"; a surrender that names no destination
goes where the person "arrived in"; a handover "at" a place surrenders from its state; a date
after "since" told before a sentencing does not date it; an armed movement that holds people
("freed by the Taliban", "held by the Houthis") places them where it rules; a relative named
in a caption whom the story, by name, says was held is the one held; "a naturalized Swedish
citizen"; the place a person arrived in, and a government that condemned the verdict, hold no
one; a town before a person noun ("the Perth retiree") makes a phrase
that refers back; "New South Wales" is a state of Australia; a consular officer "allowed to
briefly see" the person, consular officers and embassy personnel named as visitors, and the
person held "meeting with consular officials"; people "captured" are held, people "captured on
camera" are not; a town or state right before a person noun and a name ("Texas missionary X")
tells where the person is from, and "X, Norway's best-known climber," whose people X is."""

import datetime as dt

from ingest.extractor.locations import find_places
from ingest.extractor.nationality import find_person_phrases

from .reading import facts as _facts
from .reading import read as _read

PUBLISHED = dt.date(2024, 5, 10)


def test_names_listed_and_then_described_together_each_take_the_description():
    two = _read("Tomas Varga and Jan Novak, two Slovak engineers, were arrested in Lima in March.")
    assert [_facts(p) for p in two] == [
        ("Tomas Varga", ["SK"], "PE", "detained"),
        ("Jan Novak", ["SK"], "PE", "detained"),
    ]
    three = _read(
        "Eva Kral, Tomas Varga and Jan Novak, all Slovak citizens, were detained in Peru on Monday."
    )
    assert [_facts(p) for p in three] == [
        ("Eva Kral", ["SK"], "PE", "detained"),
        ("Tomas Varga", ["SK"], "PE", "detained"),
        ("Jan Novak", ["SK"], "PE", "detained"),
    ]


def test_a_comma_inside_a_list_that_and_closes_joins_the_first_name_to_the_event():
    people = _read("Eva Kral, Tomas Varga and Jan Novak were detained in Peru on Monday.")
    assert [p.name for p in people] == ["Eva Kral", "Tomas Varga", "Jan Novak"]
    assert {p.status for p in people} == {"detained"}


def test_a_person_described_then_named_as_the_object_of_a_sentencing_takes_the_term():
    (varga,) = _read(
        "A Bolivian court has sentenced a Slovak woman, Eva Varga, to five years and four months."
    )
    assert (varga.sentence.years, varga.sentence.months) == (5, 4)
    assert _facts(varga) == ("Eva Varga", ["SK"], "BO", "convicted")


def test_a_demonym_before_an_employers_name_and_a_trade_is_the_persons_nationality():
    (morrow,) = _read(
        "Canadian Acme Mining executive Daniel Morrow has been sentenced to eight years by a "
        "court in Ghana for bribery."
    )
    assert _facts(morrow) == ("Daniel Morrow", ["CA"], "GH", "convicted")


def test_capitalised_words_after_other_words_or_without_a_person_noun_head_no_phrase():
    court = "Prosecutors said the Swiss Criminal Appeals Court may hear it."
    assert find_person_phrases(court) == []
    sentence = "A Thai court sentenced Australian citizen Grant Ellery to life in prison."
    (phrase,) = find_person_phrases(sentence)
    assert (sentence[phrase.start : phrase.end], phrase.codes) == ("Australian citizen", ("AU",))


def test_a_group_phrase_ends_at_a_small_word():
    text = "The minister put the names of the freed Slovaks on his Instagram account."
    assert [(p.codes, p.head) for p in find_person_phrases(text)] == [(("SK",), "people")]


def test_the_state_whose_consuls_visited_the_person_is_their_nationality_when_none_is_told():
    (kenyan,) = _read(
        "Kenyan diplomats gain access to jailed Amina Odhiambo in Vietnam.\n\nOdhiambo got a "
        "death sentence in Ho Chi Minh City last year for drug trafficking."
    )
    assert _facts(kenyan) == ("Amina Odhiambo", ["KE"], "VN", "convicted")
    (visit,) = [v for v in kenyan.consular_visits if not v.denied]
    assert visit.visitor == "Kenyan diplomats"


def test_a_state_never_takes_the_nationality_of_the_people_it_holds_from_its_own_visit():
    (odhiambo,) = _read(
        "Odhiambo was sentenced to death in Ho Chi Minh City last year for drug trafficking. "
        "Vietnamese consular officials gain access to Amina Odhiambo in prison, the court said."
    )
    assert odhiambo.nationality == ()


def test_a_states_officials_meeting_the_person_in_prison_make_a_consular_visit():
    (alaoui,) = _read(
        "Karim Alaoui has been held in Doha since 2021 on charges of bribing a port official. "
        "When Canadian officials first met with Alaoui in prison, they found him "
        "thin and tired."
    )
    assert _facts(alaoui)[:3] == ("Karim Alaoui", ["CA"], "QA")
    assert [v.visitor for v in alaoui.consular_visits] == ["Canadian officials"]


def test_a_platform_after_a_name_is_not_part_of_it():
    people = _read(
        "Karim Alaoui, a shipping clerk, was sentenced in Doha to four years. The Free Karim "
        "Alaoui Twitter account says his appeal will be heard in the spring."
    )
    assert [p.name for p in people] == ["Karim Alaoui"]


def test_a_term_one_gets_is_a_sentence():
    (varga,) = _read("Slovak Tomas Varga gets nearly 7 years in prison in Peru for drug smuggling.")
    assert (varga.sentence.years, varga.status) == (7, "convicted")
    (maximum,) = _read(
        "Tomas Varga, a Slovak engineer held in Peru, could get up to 7 years in prison."
    )
    assert maximum.sentence is None


def test_a_surrender_with_no_destination_goes_where_the_person_arrived():
    (varga,) = _read(
        "Tomas Varga, a Ukrainian national, arrived in the United States on Monday after "
        "being extradited from Spain."
    )
    (done,) = varga.extraditions
    assert (done.from_country, done.to_country, varga.detaining_country.country) == (
        "ES",
        "US",
        "US",
    )


def test_a_handover_at_a_place_surrenders_from_that_places_state():
    (varga,) = _read(
        "Ukrainian hacker Tomas Varga was handed over to US authorities at Prague airport on "
        "May 2 and flown to New York."
    )
    (done,) = varga.extraditions
    assert (done.from_country, done.to_country, done.date) == ("CZ", "US", "2024-05-02")


def test_a_date_after_since_told_before_a_sentencing_does_not_date_it():
    (varga,) = _read(
        "Tomas Varga, a Slovak engineer who has been held in Evin prison since 2022, was "
        "sentenced to eight years."
    )
    assert (varga.sentence.years, varga.sentence.date) == (8, None)


def test_an_armed_movement_that_holds_people_places_them_where_it_rules():
    (freed,) = _read("The Taliban freed Tomas Varga, a Slovak aid worker, on Tuesday.")
    (held,) = _read("Tomas Varga, a Slovak aid worker held by the Houthis, was freed on Tuesday.")
    assert (freed.detaining_country.country, held.detaining_country.country) == ("AF", "YE")


def test_a_relative_in_a_caption_whom_the_story_says_was_held_is_the_one_held():
    people = _read(
        "Lena Hvalby holds up a photograph of her husband, Anders Hvalby.\n\n"
        "Anders Hvalby, who was sentenced in Turkey to six years on terrorism charges, "
        "arrived in Stockholm on Tuesday. Hvalby is a naturalized Swedish citizen."
    )
    assert [_facts(p) for p in people] == [("Anders Hvalby", ["SE"], "TR", "convicted")]
    assert people[0].sentence.years == 6


def test_where_a_person_arrived_or_a_government_that_judged_from_outside_holds_no_one():
    (hvalby,) = _read(
        "Anders Hvalby, who was sentenced to six years for spying after a trial roundly "
        "condemned by the Swedish government, arrived in Stockholm on Tuesday. Hvalby had "
        "been held in Turkey since 2016."
    )
    assert hvalby.detaining_country.country == "TR"
    (varga,) = _read("Tomas Varga, a Slovak engineer living in Dubai, was arrested last year.")
    assert varga.detaining_country.country == "AE"  # where one lives may be where one is held


def test_a_town_before_a_person_noun_makes_a_phrase_that_refers_back():
    (wendtorf,) = _read(
        "Karl Wendtorf, a retired plumber, was arrested in Bangkok in January. The Perth "
        "retiree was sentenced on Monday to nine years."
    )
    assert (wendtorf.sentence.years, wendtorf.status) == (9, "convicted")


def test_a_states_region_named_like_another_country_is_that_states():
    # "New South Wales" is Australian, not a mention of Wales.
    found = find_places("convicted for a senior post in the New South Wales branch")
    assert [(p.text, p.code) for p in found] == [("New South Wales", "AU")]


def _visitors(person):
    return [v.visitor for v in person.consular_visits if not v.denied]


def test_a_consular_officer_allowed_to_briefly_see_the_person_made_a_visit():
    (varga,) = _read(
        "Tomas Varga, a Slovak engineer, has been held in Beijing since March. Chinese "
        "authorities had reportedly allowed a Slovak consular officer to briefly see Varga at "
        "a police station."
    )
    assert _visitors(varga) == ["Slovak consular officer"]
    (hoped,) = _read(
        "Tomas Varga, a Slovak engineer, has been held in Beijing since March. His family hopes "
        "to see him soon, and says diplomats will see what can be done."
    )
    assert _visitors(hoped) == []


def test_consular_officers_and_embassy_personnel_are_named_as_the_visitors():
    (varga,) = _read(
        "Tomas Varga, a Slovak engineer, has been held in Beijing since March. Embassy "
        "personnel met with Varga in the detention centre on Friday."
    )
    assert _visitors(varga) == ["Embassy personnel"]


def test_the_person_held_meeting_with_consular_officials_is_visited_by_them():
    (varga,) = _read(
        "Tomas Varga, a Slovak engineer, is held in a detention centre in Sofia. Varga is "
        "meeting with consular officials every day this week."
    )
    assert _visitors(varga) == ["consular officials"]
    (other,) = _read(
        "Tomas Varga, a Slovak engineer, is held in a detention centre in Sofia. The foreign "
        "minister met with Bulgarian diplomats on Friday to discuss the case."
    )
    assert _visitors(other) == []


def test_people_captured_are_held_and_people_captured_on_camera_are_not():
    people = _read(
        "Eva Kral, Tomas Varga, Jan Novak, Petr Dvorak and Karel Zbiroh were captured near "
        "Gomel in 2022."
    )
    assert [(p.name, p.status) for p in people] == [
        ("Eva Kral", "detained"),
        ("Tomas Varga", "detained"),
        ("Jan Novak", "detained"),
        ("Petr Dvorak", "detained"),
        ("Karel Zbiroh", "detained"),
    ]
    assert _read("Tomas Varga, a Slovak tourist, was captured on camera buying flowers.") == ()


def test_what_the_new_rules_leave_alone():
    # A cameraman who captures a moment, or is caught on footage, is held by no one.
    assert (
        _read("Tomas Varga, a Slovak cameraman, captured the moment the bridge fell in Lima.") == ()
    )
    assert _read("Tomas Varga, a Slovak tourist, was captured on security camera footage.") == ()
    # An arrival before the surrender, or someone else's, is not where the surrender went.
    (earlier,) = _read(
        "Tomas Varga, a Ukrainian national who arrived in Spain in 2019, was extradited on Monday."
    )
    (lawyer,) = _read(
        "Tomas Varga, a Ukrainian national, was extradited from Poland on Monday. His lawyer, "
        "who had arrived in Germany the day before, said he would appeal."
    )
    assert [e.to_country for e in earlier.extraditions + lawyer.extraditions] == [None, None]
    # Officials met by the person's wife or lawyer, or kept away from the person, visit no one.
    for told in (
        "Varga's wife met with consular officials on Friday.",
        "His lawyer is meeting with Slovak embassy staff this week.",
        "Chinese authorities have not allowed a Slovak consular officer to see Varga.",
    ):
        (varga,) = _read(f"Tomas Varga, a Slovak engineer, is held in Beijing. {told}")
        assert _visitors(varga) == [], told
    # The officials of the state the story has placed the person in are not consular staff.
    (jailed,) = _read(
        "Tomas Varga was arrested in Lima in May. When Peruvian officials finally met with Varga "
        "in prison, they questioned him."
    )
    assert _visitors(jailed) == []
    # A protecting power's diplomats give no nationality; police officers are no mission.
    (protected,) = _read(
        "Tomas Varga has been held in Tehran since May. Swiss diplomats, who represent US "
        "interests in Iran, visited him on Friday."
    )
    assert protected.nationality == ()
    (policed,) = _read(
        "Tomas Varga, a Slovak engineer, has been held in Beijing since March. Police officers "
        "visited him in prison in June, consular officials said."
    )
    assert _visitors(policed) == ["consular officials"]


def test_a_town_or_state_before_a_person_noun_and_a_name_tells_where_they_are_from():
    (gray,) = _read(
        "Another prisoner, North Carolina missionary Tom Gray, has been held in a Turkish jail "
        "since 2022."
    )
    assert _facts(gray) == ("Tom Gray", ["US"], "TR", "detained")
    (lee,) = _read("Perth retiree Sam Lee was arrested in Bali in March.")
    assert _facts(lee) == ("Sam Lee", ["AU"], "ID", "detained")


def test_a_countrys_person_in_an_apposition_is_one_of_its_people():
    (karimi,) = _read("Sara Karimi, Norway's best known climber, was detained in Tehran in May.")
    assert _facts(karimi) == ("Sara Karimi", ["NO"], "IR", "detained")
    # One of the holding state's own people is not held abroad.
    assert _read("Sara Karimi, Iran's best known rights activist, was jailed in Tehran.") == ()


def test_what_the_town_and_possessive_rules_leave_alone():
    # A foreign captive of the state whose possessive leads the phrase is none of its people.
    (gray,) = _read(
        "Tom Gray, Iran's longest-held foreign detainee, has been in Evin prison since 2019."
    )
    assert _facts(gray) == ("Tom Gray", [], "IR", "detained")
    # A town before a trade may be only where the person lives: never enough to drop a person
    # held in that town's country as one of its own.
    (surfer,) = _read("Bali surfer Tom Gray was arrested in Indonesia on Monday.")
    assert _facts(surfer) == ("Tom Gray", [], "ID", "detained")
