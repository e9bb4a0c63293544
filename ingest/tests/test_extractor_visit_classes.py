"""Consular visits told by their count, to a family by its name, or through the delay
before the first one, and a mission's one official named as the visitor. Each class is
checked on invented sentences."""

import datetime as dt

from ingest.extractor import extract

PUBLISHED = dt.date(2024, 5, 10)


def _visitors(text: str) -> dict[str, list[str | None]]:
    return {
        d.name: [v.visitor for v in d.consular_visits if not v.denied]
        for d in extract(text, PUBLISHED).detainees
    }


def test_counted_welfare_checks_by_a_mission_are_each_a_visit():
    text = (
        "Owen Pryce, a Welsh sailor, has been held in Tehran since January. His family has "
        "heard of him only through two welfare checks by UK embassy officials."
    )
    assert _visitors(text) == {"Owen Pryce": ["UK embassy officials", "UK embassy officials"]}


def test_access_to_a_family_by_its_plural_name_reaches_those_of_it_who_are_held():
    text = (
        "Canadian teachers Kevin Marsh and Julia Marsh were detained in Dandong in August. "
        "Ottawa said consular officials have had frequent access to the Marshes and will go "
        "on seeking their freedom. Their son Tom Marsh said he was worried."
    )
    assert _visitors(text) == {
        "Kevin Marsh": ["consular officials"],
        "Julia Marsh": ["consular officials"],
    }


def test_a_visit_told_through_the_delay_before_it_took_place():
    text = (
        "Karim Haddad, a Dutch engineer, was arrested in Doha in 2020. His brother said "
        "no one from the Dutch embassy in Qatar had visited him until five weeks after "
        "he was taken."
    )
    assert _visitors(text) == {"Karim Haddad": ["Dutch embassy in Qatar"]}


def test_a_last_line_cut_off_mid_sentence_is_still_read():
    text = (
        "Karim Haddad, a Dutch engineer, was arrested in Doha in 2020.\n\n"
        "His brother said no one from the Dutch embassy in Qatar had visited him until "
        "five weeks after he was taken to"
    )
    assert _visitors(text) == {"Karim Haddad": ["Dutch embassy in Qatar"]}


def test_a_call_told_first_without_its_caller_and_then_with_it_is_one_call():
    text = (
        "BANGALORE, May 16 - An Indian diplomat has been allowed to speak by telephone to an "
        "Indian sailor held in Iran since his ship was seized last month.\n\n"
        "Arjun Mehta, 31, is being held in Bushehr central prison. On Tuesday, consul Meera "
        "Iyer was permitted to speak with him by phone."
    )
    assert _visitors(text) == {"Arjun Mehta": ["Meera Iyer"]}


def test_a_missions_one_official_is_the_visitor_named():
    one = _visitors(
        "Canadian teacher Anne Lacroix, jailed in Shanghai, was visited by a Canadian Embassy "
        "official on Monday."
    )
    assert one == {"Anne Lacroix": ["Canadian Embassy official"]}
    # The mission alone and its officials stay as they were told.
    mission = _visitors(
        "Canadian teacher Anne Lacroix, jailed in Shanghai, was visited by the Canadian Embassy "
        "on Monday."
    )
    assert mission == {"Anne Lacroix": ["Canadian Embassy"]}
    many = _visitors(
        "Canadian teacher Anne Lacroix, jailed in Shanghai, was visited by Canadian Embassy "
        "officials on Monday."
    )
    assert many == {"Anne Lacroix": ["Canadian Embassy officials"]}
