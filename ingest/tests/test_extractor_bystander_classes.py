"""People named beside the ones held: heads of state who pardon them or come to fetch them,
a speaker who reports on a group, the target of the attacks they are accused of planning,
and the head of a body of state that follows their case. Each class is checked on invented
sentences."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.nationality import find_person_phrases

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
        "Twelve Chileans were arrested in Dubai on Friday. Police said the twelve were "
        "supporters of former President Ramon Vidal who had gathered at a cafe."
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


def test_a_title_case_headline_closed_by_initials_is_still_a_headline():
    text = (
        "Briton Accused Of Dodging Tariffs Flees House Arrest Before Extradition To U.S.\n\n"
        "Gareth Lowe, a British trader, was arrested in Rome in May on an American "
        "warrant. He fled from house arrest on Sunday, police said."
    )
    assert _names(text) == ["Gareth Lowe"]


def test_a_demonym_made_from_a_state_or_city_name_is_no_part_of_the_name():
    text = (
        "Tasmanian Oliver James Hart was sentenced in Jakarta on Monday to six years for "
        "smuggling, and Londoner Priya Kaur Bains was jailed in Dubai the same week."
    )
    detainees = extract(text, PUBLISHED).detainees
    assert [d.name for d in detainees] == ["Oliver James Hart", "Priya Kaur Bains"]
    assert [n.country for n in detainees[0].nationality] == ["AU"]


def test_an_international_body_and_a_piece_of_malware_are_not_people():
    text = (
        "Pavel Orlov, a Russian national, was extradited to the United States on Friday over "
        "the Night Owl ransomware. Night Owl, a ransomware strain, hit hundreds of hospitals. "
        "Orlov and Night Owl were named in a United Nations report, and he was arrested."
    )
    assert _names(text) == ["Pavel Orlov"]


def test_the_intended_victim_of_a_plot_is_not_held():
    text = (
        "Marek Novak, the Slovak national accused of a plot against exiled activist Lina "
        "Ferreira Costa, was extradited by Austria to the United States on Friday."
    )
    assert _names(text) == ["Marek Novak"]


def test_people_released_from_a_country_were_held_there_and_keep_their_suffix():
    text = (
        "Two Americans have been released from Iraq, a spokesman announced this week. Relatives "
        "of the two Americans, Dana Cole and Henry J. Voss III, welcomed the news. "
        "Cole was detained in Iraq in 2022, while Voss had not been named before."
    )
    detainees = extract(text, PUBLISHED).detainees
    assert [d.name for d in detainees] == ["Dana Cole", "Henry J. Voss III"]
    assert [d.detaining_country.country for d in detainees] == ["IQ", "IQ"]


def _facility(text: str) -> str | None:
    (detainee,) = extract(text, PUBLISHED).detainees
    return detainee.facility.name if detainee.facility else None


def test_a_prison_named_after_its_head_or_described_after_its_name_is_a_facility():
    assert (
        _facility(
            "Paul Lemaire, a French tourist, was sentenced in Iran to five years. He is held "
            "in the prison of Dizelabad in Kermanshah."
        )
        == "Dizelabad in Kermanshah"
    )
    assert (
        _facility(
            "Paul Lemaire, a French tourist, was sentenced in Iran to five years. He was "
            "moved to Ghezel Hesar, a crowded high security prison near Karaj."
        )
        == "Ghezel Hesar"
    )


def test_a_figure_of_home_politics_in_a_swap_told_from_abroad_is_held_at_home():
    swap = (
        "Germany freed a Russian agent, Ivan Sokol, who was serving a life term in Berlin. In "
        "return, Russia released American reporter Tom Reed and Russian opposition figure Oleg "
        "Rudin. The deal had at first included Russian opposition leader Pavel Orlov, but he "
        "died in prison in March."
    )
    abroad = "Russian opposition figure Oleg Rudin was arrested in Tbilisi on Monday."
    assert "Oleg Rudin" not in _names(swap)
    assert "Pavel Orlov" not in _names(swap)
    assert _names(abroad) == ["Oleg Rudin"]


def test_a_speaker_who_names_the_one_held_as_his_sister_is_of_her_family():
    text = (
        "Maria Santos, a Filipina maid, was hanged in Riyadh on Friday. Capt. Ramon Santos told "
        "reporters Maria, his sister, had called him the night before. She was convicted of "
        "killing her employer in 2015."
    )
    assert _names(text) == ["Maria Santos"]


def test_a_speaker_on_the_release_of_unnamed_prisoners_is_not_released():
    text = (
        "Marta Quill, a Danish teacher, was detained in Qatar in March. Tobias Rennel, a "
        "former envoy who once served in the Gulf, said the release of Danish prisoners "
        "would ease relations. Quill was sentenced to five years in prison in June."
    )
    (quill,) = extract(text, PUBLISHED).detainees
    assert quill.name == "Marta Quill"
    assert quill.status == "convicted"
    assert _names(text) == ["Marta Quill"]


def test_the_release_of_a_named_prisoner_is_that_prisoners():
    text = (
        "Tobias Rennel, a former envoy, welcomed the release of Danish teacher Marta Quill, "
        "who had been detained in Qatar in March."
    )
    (quill,) = extract(text, PUBLISHED).detainees
    assert quill.name == "Marta Quill"
    assert quill.status == "released"


def test_a_counted_pair_is_the_two_named_before_a_later_clause_naming_a_third():
    text = (
        "Ola Brenn, a teacher, and engineer Per Lunde were detained in Minsk days after Ivo "
        "Sauer was arrested in Oslo. The two men were later found guilty of espionage in May."
    )
    records = {d.name: d for d in extract(text, PUBLISHED).detainees}
    for name in ("Ola Brenn", "Per Lunde"):
        assert records[name].status == "convicted"
        assert [c.phrase for c in records[name].charges] == ["espionage"]
    assert records["Ivo Sauer"].charges == ()


def test_a_phrase_after_a_demonym_that_heads_none_keeps_its_article():
    text = (
        "The Qatari government sentenced a 64-year-old Danish citizen to nine years in "
        "prison over his posts online. Jens Holm, 64, was arrested in March on landing in "
        "the capital."
    )
    (holm,) = extract(text, PUBLISHED).detainees
    assert holm.name == "Jens Holm"
    assert holm.status == "convicted"
    assert holm.sentence is not None and holm.sentence.years == 9


def test_a_person_phrase_is_read_whole_after_a_demonym_of_a_state_body():
    text = "The Qatari government sentenced a 64-year-old Danish citizen to nine years."
    (phrase,) = find_person_phrases(text)
    assert text[phrase.start : phrase.end] == "a 64-year-old Danish citizen"
    assert phrase.codes == ("DK",)


_NOTICE_ABOVE_A_STORY = (
    "We are sorry, this feature is not available.\n\nWe are working to restore it.\n\n"
    "Please try again later today.\n\n"
    "A Danish citizen has been sentenced to death by a Qatari court over drug charges.\n\n"
    "Officials in Doha later gave the Dane's name as Jens Holm.\n\n"
    "Jens Holm was sentenced in a court in Doha on May 2."
)


def test_short_notice_lines_above_a_story_are_not_its_opening():
    (holm,) = extract(_NOTICE_ABOVE_A_STORY, PUBLISHED).detainees
    assert holm.name == "Jens Holm"
    assert [c.phrase for c in holm.charges] == ["drug charges"]
    assert holm.sentence is not None and holm.sentence.death


def test_news_of_a_sentence_takes_the_date_the_story_gives_it_further_on():
    (holm,) = extract(_NOTICE_ABOVE_A_STORY, PUBLISHED).detainees
    assert holm.sentence is not None and holm.sentence.date == "2024-05-02"


def test_a_later_sentencing_with_a_term_of_its_own_dates_nothing_earlier():
    text = (
        "A Danish citizen has been sentenced to death by a Qatari court over drug charges. "
        "Jens Holm was first sentenced to 15 years behind bars back in 2021."
    )
    (holm,) = extract(text, PUBLISHED).detainees
    assert holm.sentence is not None and holm.sentence.date == "2024-05-10"


def test_the_target_of_attacks_the_people_held_are_accused_of_planning_is_not_held():
    text = (
        "Published: 2024-05-02\n"
        "Bolivia has arrested two Chilean citizens it accuses of planning attacks against "
        "Luis Ortega. The ministry said it would protect any Chilean held abroad. The two, "
        "Pedro Soto and Juan Rojas, were detained in La Paz on Monday."
    )
    assert _names(text) == ["Pedro Soto", "Juan Rojas"]


def test_the_head_of_a_body_of_state_named_by_it_is_not_held():
    text = (
        "Published: 2024-05-02\n"
        "Bolivia said two Chilean citizens, Pedro Soto and Juan Rojas, were detained in La Paz "
        "on Monday.\n"
        "A commission headed by Alberto Valdes has followed the case since the Chileans were "
        "detained in Bolivia."
    )
    assert _names(text) == ["Pedro Soto", "Juan Rojas"]


def test_what_the_target_and_head_rules_leave_alone():
    # Actions or attacks against a person that nobody planned, and an office or an agency
    # someone runs: the person may well be the one held.
    for text in (
        "Authorities stepped up actions against Dutch activist Anna de Wit, who was arrested "
        "in Tehran on Monday.",
        "Rights groups condemned the attacks against Dutch journalist Anna de Wit, who has been "
        "held in Evin prison since May.",
        "Police raided the aid office run by Dutch activist Anna de Wit in March. She was "
        "arrested in Tehran the next day.",
    ):
        assert _names("Published: 2024-05-02\n" + text) == ["Anna de Wit"]
