"""People named beside the ones held: heads of state who pardon them or come to fetch them,
and a speaker who reports on a group. Each class is checked on invented sentences."""

import datetime as dt

from ingest.extractor import extract

PUBLISHED = dt.date(2024, 5, 10)


def _names(text: str) -> list[str]:
    return [d.name for d in extract(text, PUBLISHED).detainees]


def test_a_former_head_of_state_who_comes_for_a_release_is_not_held():
    text = (
        "Ruritanian leader Otto Brandl has pardoned two Canadian teachers convicted of spying, "
        "and he let them go during a visit by former Canadian President Paul Mercer. Brandl "
        "pardoned the teachers, Anne Lacroix and Marc Girard, on Monday."
    )
    assert _names(text) == ["Anne Lacroix", "Marc Girard"]


def test_a_former_president_whose_supporters_were_arrested_is_not_held():
    text = (
        "Twelve Chileans were arrested in Dubai on Friday. Officials said those arrested were "
        "supporters of former President Ramon Vidal who had met in a park."
    )
    assert _names(text) == []


def test_the_voice_of_a_quote_after_a_counted_group_is_not_one_of_the_group():
    text = (
        "Three Kenyans found guilty of smuggling heroin have been executed in Vietnam, the "
        "Kenyan deputy president has said. \u201cOur three citizens were put to death today,\u201d "
        "Samuel Otieno said on Tuesday. The three, Grace Wanjiru, Peter Kamau and Joseph "
        "Mwangi, were arrested in Hanoi in 2019."
    )
    assert _names(text) == ["Grace Wanjiru", "Peter Kamau", "Joseph Mwangi"]


def test_people_named_as_the_likes_of_citizens_held_are_each_held():
    text = (
        "Dale Morrow was sentenced in Minsk on Monday to four years for theft. He is the latest "
        "of several Americans detained in Belarus this year, and joins the likes of sailor "
        "Jon Peck, teacher Lisa Crane and reporter Omar Haddad."
    )
    assert _names(text) == ["Dale Morrow", "Jon Peck", "Lisa Crane", "Omar Haddad"]


def test_a_star_named_with_a_demonym_keeps_it_against_a_group_counted_before():
    text = (
        "Moscow freed five prisoners in exchange for a hitman and three other Russians. Months "
        "earlier the American tennis star Dana Wells was released from a Russian prison."
    )
    [wells] = extract(text, PUBLISHED).detainees
    assert wells.name == "Dana Wells"
    assert [n.country for n in wells.nationality] == ["US"]
