"""People named in a list beside the group they belong to, and people given in return in a
swap, each checked on invented sentences and invented people: a counted group whose names
follow after a colon (and after the place where it was held) shares what is told of the
group; people "kept in" a remand ward are held; a return "as part of the swap" is an
exchange; the people a swap gave "in exchange for" another were exchanged too; a maximum
penalty alone tells of no charge brought, one "if found guilty" does."""

from .reading import facts as _facts
from .reading import read as _read


def test_a_counted_group_shares_its_detention_with_the_names_listed_after_a_colon():
    listed = _read(
        "In May 2022 the police of Ruritania detained four Slovaks in Freedonia: Tomas Varga, "
        "Jan Novak, Peter Horvath, and Milan Kral."
    )
    assert [_facts(p) for p in listed] == [
        ("Tomas Varga", ["SK"], None, "detained"),
        ("Jan Novak", ["SK"], None, "detained"),
        ("Peter Horvath", ["SK"], None, "detained"),
        ("Milan Kral", ["SK"], None, "detained"),
    ]
    exact = _read("Peru detained three Slovaks: Tomas Varga, Jan Novak and Peter Horvath.")
    assert [_facts(p) for p in exact] == [
        ("Tomas Varga", ["SK"], "PE", "detained"),
        ("Jan Novak", ["SK"], "PE", "detained"),
        ("Peter Horvath", ["SK"], "PE", "detained"),
    ]


def test_people_kept_in_a_ward_are_held_and_a_return_as_part_of_a_swap_is_an_exchange():
    kept = _read(
        "The embassy found two Slovak citizens - Tomas Varga and Jan Novak. They are kept in "
        "the Volna remand ward."
    )
    assert [p.status for p in kept] == ["detained", "detained"]
    returned = _read(
        "Officials said two Slovak citizens, Tomas Varga and Jan Novak, had been returned to "
        "Slovakia as part of the swap."
    )
    assert [(p.name, p.status) for p in returned] == [
        ("Tomas Varga", "exchanged"),
        ("Jan Novak", "exchanged"),
    ]


def test_the_people_given_in_return_in_a_swap_were_exchanged_too():
    two = _read(
        "Anna Kell, a Canadian teacher, was released in exchange for two Ruritanian "
        "smugglers, Pavel Dorov and Ilya Kurov."
    )
    assert [(p.name, p.status) for p in two] == [
        ("Anna Kell", "exchanged"),
        ("Pavel Dorov", "exchanged"),
        ("Ilya Kurov", "exchanged"),
    ]
    described = _read("Anna Kell was swapped for a convicted arms dealer, Pavel Dorov.")
    assert [(p.name, p.status) for p in described] == [
        ("Anna Kell", "exchanged"),
        ("Pavel Dorov", "exchanged"),
    ]


def test_what_the_list_and_swap_rules_leave_alone():
    # information about someone is no person given in return; a list one name short of its
    # count is not taken as the group; keeping a promise holds no one
    about = _read("Anna Kell was freed in exchange for information about Pavel Dorov.")
    assert [p.name for p in about] == ["Anna Kell"]
    short = _read("Peru detained five Slovaks: Tomas Varga, Jan Novak and Peter Horvath.")
    assert [_facts(p)[1] for p in short] == [["SK"], ["SK"], ["SK"]]
    promise = _read("Minister Jan Novak kept in touch with the family of Tomas Varga.")
    assert list(promise) == []


def test_a_maximum_penalty_alone_leaves_the_person_held_a_charge_brought_charges():
    held = _read(
        "Tomas Varga, a Slovak tourist, was detained at the airport in Lima. He faces up to "
        "eight years behind bars for bringing in cannabis."
    )
    charged = _read(
        "Tomas Varga, a Slovak tourist, was charged in Lima with drug smuggling. He faces up "
        "to eight years behind bars."
    )
    to_be_tried = _read(
        "Tomas Varga, a Slovak tourist, was detained at the airport in Lima. If found guilty, "
        "the Slovak faces up to eight years behind bars."
    )
    assert [p.status for p in held] == ["detained"]
    assert [p.status for p in charged] == ["charged"]
    assert [p.status for p in to_be_tried] == ["charged"]


def test_all_of_them_now_free_releases_everyone_just_named_and_home_holds_no_one():
    text = (
        "Olena Pik and Valery Matus, civilians, had been held captive since 2017. "
        "Bogdan Helt and Ivan Levko, priests, were captured in Zenda. All of them are finally "
        "free and safely home in Ukraine, the president wrote."
    )
    found = _read(text)
    assert [(p.name, p.status) for p in found] == [
        ("Olena Pik", "released"),
        ("Valery Matus", "released"),
        ("Bogdan Helt", "released"),
        ("Ivan Levko", "released"),
    ]
    assert all(p.detaining_country is None or p.detaining_country.country != "UA" for p in found)
    they = _read(
        text.replace("All of them are finally free and safely home in", "They were all freed in")
    )
    assert [p.status for p in they] == ["released"] * 4


def test_a_group_that_detains_people_is_not_their_nationality():
    found = _read(
        "Ivo Kral, Jan Ruzek and Petr Nemec were named by the family. In May 2022 the Russians "
        "detained three Ukrainians in Crimea: Ivo Kral, Jan Ruzek and Petr Nemec."
    )
    assert [(p.name, [n.country for n in p.nationality]) for p in found] == [
        ("Ivo Kral", ["UA"]),
        ("Jan Ruzek", ["UA"]),
        ("Petr Nemec", ["UA"]),
    ]


def test_what_the_all_and_free_rules_leave_alone():
    # free to do something is no release; "most of them" is part of a group
    free_to = _read(
        "Omar Haddad, an Egyptian cook, was detained in Riyadh. He is free to call his family, "
        "his lawyer said."
    )
    assert [p.status for p in free_to] == ["detained"]
    some = _read(
        "Ivo Kral and Jan Ruzek were arrested in Lima in May. Most of them were released on "
        "Friday, the police said."
    )
    assert [p.status for p in some] == ["detained", "detained"]


def test_what_the_captors_free_swap_and_ward_rules_leave_alone():
    # a time after "detained" is no object: the people detained keep their nationality
    dated = _read(
        "Two Americans detained Tuesday in Moscow, Mark Hill and Jane Cole, appeared in court "
        "on Friday."
    )
    assert [(p.name, [n.country for n in p.nationality]) for p in dated] == [
        ("Mark Hill", ["US"]),
        ("Jane Cole", ["US"]),
    ]
    # "free" that tells of no release
    for said in (
        "Before his arrest, Hill had said the vote was free and fair.",
        "His sister said he was free until the police came.",
        "His lawyer said the hearing is free for the press to attend.",
    ):
        held = _read(f"Mark Hill, a British teacher, was detained in Minsk in May. {said}")
        assert [p.status for p in held] == ["detained"], said
    # a student exchange is no swap
    student = _read(
        "Mark Hill, an American student who came to Russia as part of a student exchange "
        "programme, was arrested in Kazan."
    )
    assert [p.status for p in student] == ["detained"]
    # a speaker after the name given in return, and someone's testimony, are not traded
    speaker = _read(
        "Anna Kell, a Canadian teacher, was freed on Friday in exchange for Pavel Dorov, "
        "Claire Dubois told reporters."
    )
    assert [p.name for p in speaker] == ["Anna Kell", "Pavel Dorov"]
    assert speaker[1].detaining_country is None
    testimony = _read(
        "Anna Kell, a Canadian teacher, was released in exchange for Marc Olsen's testimony."
    )
    assert [p.name for p in testimony] == ["Anna Kell"]
    # a hospital ward after a release holds no one
    ward = _read(
        "Mark Hill, a British pilot, was released by Russia on Monday. He is being kept in a "
        "hospital ward in Germany for observation."
    )
    assert ward[0].detaining_country is None or ward[0].detaining_country.country != "DE"


def test_all_of_them_stops_at_a_sentence_about_one_person_and_trials_stay_charged():
    text = (
        "Paul Durand, a French teacher, was released by Iran last year. Anna Berg and Lukas "
        "Meier, two Swedes, were arrested in Tehran in March. They were all charged with "
        "espionage."
    )
    charges = {p.name: [c.phrase for c in p.charges] for p in _read(text)}
    assert charges == {
        "Paul Durand": [],
        "Anna Berg": ["espionage"],
        "Lukas Meier": ["espionage"],
    }
    for told in (
        "His trial opened in Lima on Monday, and he faces up to 12 years.",
        "He faces up to 12 years behind bars if he were convicted.",
        "He could get up to 12 years behind bars if proven guilty.",
    ):
        found = _read(f"Tomas Varga, a Slovak tourist, was detained in Lima. {told}")
        assert [p.status for p in found] == ["charged"], told
