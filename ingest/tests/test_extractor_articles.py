"""Whole articles, written for these tests, through `extract()`."""

from pathlib import Path

import pytest

from ingest.extractor import EXTRACTOR_VERSION, extract, to_record

ARTICLES = Path(__file__).parent / "articles"


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def people(name: str) -> dict:
    text = read(name)
    return {d.name: d for d in extract(text).detainees}


def quote(text: str, span) -> str:
    return text[span.start : span.end]


def test_two_way_exchange_gives_each_prisoner_his_own_facts():
    text = read("prisoner_swap.txt")
    found = {d.name: d for d in extract(text).detainees}
    assert set(found) == {"Marcus Delaney", "Ernesto Salcedo Rivas"}
    delaney, salcedo = found["Marcus Delaney"], found["Ernesto Salcedo Rivas"]
    assert [n.country for n in delaney.nationality] == ["US"]
    assert [n.country for n in salcedo.nationality] == ["VE"]
    assert delaney.detaining_country.country == "VE"
    assert salcedo.detaining_country.country == "US"
    assert (delaney.sentence.years, delaney.sentence.months, delaney.sentence.date) == (
        16,
        0,
        "2022",
    )
    assert (salcedo.sentence.years, salcedo.sentence.months, salcedo.sentence.date) == (
        8,
        6,
        "2020",
    )
    assert [c.category for c in salcedo.charges] == ["money_laundering"]
    assert delaney.status == salcedo.status == "exchanged"
    assert "Rodeo I prison" in delaney.facility.name
    # The evidence for a sentence is the sentence of the article that states it.
    assert "16 years" in quote(text, delaney.sentence.evidence)
    assert "eight years and six months" in quote(text, salcedo.sentence.evidence)


def test_officials_in_an_exchange_story_are_not_detainees():
    names = set(people("prisoner_swap.txt"))
    assert "Helen Marsh" not in names and "Julio Arteaga" not in names


def test_dual_national_keeps_both_nationalities_and_denied_access_is_no_visit():
    farrokhzad = people("dual_national_denied.txt")["Nadia Farrokhzad"]
    assert {n.country for n in farrokhzad.nationality} == {"FR", "IR"}
    assert farrokhzad.detaining_country.country == "IR"
    assert farrokhzad.facility.name == "Evin prison"
    assert farrokhzad.sentence.years == 8
    assert farrokhzad.sentence.date == "2023-05"  # "last month", published in June 2023
    assert "espionage" in {c.category for c in farrokhzad.charges}
    assert [v.denied for v in farrokhzad.consular_visits] == [True]
    record = to_record(farrokhzad)
    assert record["consular_visits"] == []
    assert len(record["consular_access_denied"]) == 1


def test_judge_lawyer_and_relatives_are_not_detainees():
    names = set(people("dual_national_denied.txt"))
    assert names == {"Nadia Farrokhzad"}


def test_death_sentence_commuted_to_life():
    obi = people("commuted_to_life.txt")["Chukwuemeka Obi"]
    assert obi.sentence.life and obi.sentence.commuted and not obi.sentence.death
    assert obi.sentence.years is None
    assert [c.category for c in obi.charges] == ["drugs"]
    assert obi.detaining_country.country == "MY"
    assert obi.facility.name == "Kajang prison"
    (visit,) = obi.consular_visits
    assert visit.visitor == "Nigerian High Commission" and visit.date == "2024-01-15"


def test_refused_extradition_is_kept_but_not_reported_as_the_extradition():
    nurgaliyev = people("refused_extradition.txt")["Askar Nurgaliyev"]
    assert [e.status for e in nurgaliyev.extraditions] == ["refused"]
    assert nurgaliyev.extraditions[0].from_country == "CZ"
    assert nurgaliyev.extradition is None
    assert to_record(nurgaliyev)["extradition"] is None
    assert nurgaliyev.status == "released"
    assert nurgaliyev.detaining_country.country == "CZ"
    assert nurgaliyev.max_penalty.years == 12
    assert nurgaliyev.sentence is None  # "faces up to 12 years" is no sentence
    assert "Tomas Hruby" not in people("refused_extradition.txt")


def test_cyrillic_and_transliterated_spellings_are_one_person():
    text = read("transliterated_names.txt")
    (kovalyov,) = extract(text).detainees
    assert kovalyov.name == "Yevgeny Kovalyov"
    assert {"Евгений Ковалёв", "Kovalev", "Evgeny Kovalev"} <= set(kovalyov.name_variants)
    for mention in kovalyov.mentions:
        assert quote(text, mention.span) == mention.text
    assert kovalyov.extradition.status == "contested"
    assert kovalyov.extradition.to_country == "US"
    assert kovalyov.detaining_country.country == "GE"
    assert {"computer intrusion", "wire fraud conspiracy"} <= {c.phrase for c in kovalyov.charges}
    assert kovalyov.consular_visits[0].date == "2021-11-25"


def test_article_without_a_detainee():
    result = extract(read("no_detainee.txt"))
    assert result.detainees == ()
    assert result.language == "en"


def test_non_english_article_is_not_read():
    result = extract(read("spanish_article.txt"))
    assert result.language == "other"
    assert result.detainees == ()
    assert result.warnings


def test_captain_and_crew_do_not_share_facts():
    found = people("crew_several_people.txt")
    captain = found["Nguyen Van Thanh"]
    assert (captain.sentence.years, captain.sentence.months) == (2, 6)
    assert (captain.sentence.fine_amount, captain.sentence.fine_currency) == (500_000_000, "IDR")
    assert captain.sentence.date == "2022-08-25"
    assert captain.status == "convicted"
    assert [n.country for n in captain.nationality] == ["VN"]
    for crewman in ("Tran Quoc Bao", "Le Minh Duc"):
        assert found[crewman].sentence is None
        assert found[crewman].status == "deported"
    assert "Pham Thi Lan" not in found
    assert [v.visitor for v in captain.consular_visits] == ["Pham Thi Lan"]


def test_opening_phrase_names_the_person_introduced_next():
    tanaka = people("cataphoric_lead.txt")["Hideo Tanaka"]
    assert [n.country for n in tanaka.nationality] == ["JP"]
    assert tanaka.sentence.years == 12
    assert tanaka.detaining_country.country == "CN"
    (visit,) = tanaka.consular_visits
    assert (visit.visitor, visit.date) == ("Kenji Mori", "2019-05")


def test_group_named_after_including_gets_the_groups_nationality():
    found = people("us_soldier_russia.txt")
    assert {"Gordon Blake", "Trevor Hale", "Owen Mercer"} <= set(found)
    assert [n.country for n in found["Trevor Hale"].nationality] == ["US"]
    blake = found["Gordon Blake"]
    assert [n.country for n in blake.nationality] == ["US"]
    assert (blake.sentence.years, blake.sentence.months) == (3, 9)
    assert "Alexandra Vashchuk" not in found and "Mark Hollis" not in found
    (visit,) = blake.consular_visits
    # The spokesman who reported the visit did not make it: the embassy's consular officers did.
    assert visit.visitor == "U.S. Embassy in Moscow"


def test_pair_share_a_maximum_penalty_and_a_phone_call():
    found = people("two_britons_bahrain.txt")
    assert set(found) == {"Sarah Okafor", "James Whitfield"}
    for person in found.values():
        assert person.max_penalty.years == 2
        assert person.facility.name == "Jau Prison"
        # "could face up to two years": no charge is told as brought, so they are held
        assert person.status == "detained"
        assert [(v.kind, v.date) for v in person.consular_visits] == [("phone", "2023-08-29")]
    assert {n.country for n in found["James Whitfield"].nationality} == {"GB", "IE"}
    assert "Grace Okafor" not in found


def test_spans_are_relative_to_the_text_given_including_the_published_line():
    text = read("cataphoric_lead.txt")
    (tanaka,) = extract(text).detainees
    first = tanaka.mentions[0]
    assert text[first.span.start : first.span.end] == "Hideo Tanaka"
    assert text.index("Hideo Tanaka") == first.span.start


def test_published_argument_overrides_and_result_carries_version():
    import datetime as dt

    text = read("cataphoric_lead.txt").split("\n", 1)[1]  # without the Published line
    result = extract(text, published=dt.date(2019, 7, 5))
    assert result.published == "2019-07-05"
    assert result.extractor_version == EXTRACTOR_VERSION
    undated = extract(text)
    assert undated.published is None and undated.warnings


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_every_span_points_into_the_text(name):
    text = read(name)
    for detainee in extract(text).detainees:
        record = to_record(detainee)
        spans = [s for value in record["evidence"].values() for s in _flatten(value)]
        assert spans
        for start, end in spans:
            assert 0 <= start < end <= len(text)


def _flatten(value):
    if value is None:
        return []
    if value and isinstance(value[0], int):
        return [value]
    return [v for v in value if v]


def test_short_inline_article_with_life_sentence_and_no_publication_date():
    text = (
        "A Thai court sentenced Australian citizen Grant Ellery to life in prison on Tuesday "
        "for smuggling heroin. Ellery, 39, was arrested at Bangkok airport in 2021."
    )
    (ellery,) = extract(text).detainees
    assert ellery.sentence.life and ellery.sentence.date is None  # Tuesday of an unknown week
    assert [n.country for n in ellery.nationality] == ["AU"]
    assert ellery.detaining_country.country == "TH"
    assert ellery.status == "convicted"


def test_home_country_prisoner_is_not_a_detainee_abroad():
    text = (
        "Published: 2021-05-05\n\nA court in Accra jailed two men on Monday. Yaw Mensah, a "
        "Ghanaian national, received a five-year sentence for fraud. His co-accused, a Nigerian "
        "citizen named Emeka Eze, was sentenced to seven years."
    )
    found = {d.name: d for d in extract(text).detainees}
    assert set(found) == {"Emeka Eze"}
    assert found["Emeka Eze"].sentence.years == 7


def test_detained_journalist_is_a_detainee_but_his_editor_is_not():
    found = people("journalist_detained.txt")
    assert set(found) == {"Jan van der Berg"}
    berg = found["Jan van der Berg"]
    assert [n.country for n in berg.nationality] == ["NL"]
    assert berg.detaining_country.country == "ET"
    assert berg.status == "detained"  # "he has not been charged"
    assert berg.charges == ()
    assert berg.consular_visits == ()  # access was only requested


def test_kidnapped_aid_worker_released_and_her_husband_left_out():
    found = people("hostage_freed.txt")
    assert set(found) == {"Grace Wanjiru Mwangi"}
    mwangi = found["Grace Wanjiru Mwangi"]
    assert mwangi.status == "released"
    assert mwangi.detaining_country.country == "SO"
    assert [n.country for n in mwangi.nationality] == ["KE"]
