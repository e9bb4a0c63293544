"""Comparing person names part by part, and the labelled name pairs the tiers are held to."""

import csv
from pathlib import Path

import pytest

from ingest import name_comparison
from ingest.matching import POSSIBLE_SCORE, SAME_PERSON_SCORE, best_name_comparison, tier_of

PAIRS = Path(__file__).parent / "data" / "name_pairs.csv"


def _pairs():
    with PAIRS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_labelled_name_pairs_hold_precision_and_recall_of_the_same_person_tier():
    rows = _pairs()
    assert len(rows) >= 200
    assert {r["same"] for r in rows} == {"yes", "no"}
    true_pos = false_pos = false_neg = 0
    misses = []
    for row in rows:
        recorded = [row["record_name"], *filter(None, row["record_variants"].split("|"))]
        comparison, _ours, _theirs = best_name_comparison([row["draft_name"]], recorded)
        offered = tier_of(comparison.score) == "same"
        same = row["same"] == "yes"
        true_pos += offered and same
        false_pos += offered and not same
        false_neg += same and not offered
        if offered != same:
            misses.append((row["draft_name"], row["record_name"], comparison.score))
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"\nname pairs: {len(rows)}, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.99, misses
    assert recall >= 0.90, misses


@pytest.mark.parametrize(
    ("draft", "record"),
    [
        ("Yevgeniy Nikulin", "Evgeniya Silina"),
        ("Nikulin", "Evgeniya Silina"),
        ("John Hale", "John Hall"),
    ],
)
def test_a_different_surname_is_never_listed_however_close_the_given_name(draft, record):
    comparison = name_comparison.compare(draft, record)
    assert comparison.surname_differs
    assert comparison.score < POSSIBLE_SCORE
    assert any("surname differs" in r for r in comparison.reasons)


def test_a_shared_surname_with_another_given_name_is_not_listed():
    comparison = name_comparison.compare("Izyaslav Smirnov", "Aleksei Smirnov")
    assert comparison.score < POSSIBLE_SCORE
    assert "given name differs (izyaslav / aleksei)" in comparison.reasons[1]


@pytest.mark.parametrize(
    ("draft", "record", "how"),
    [
        ("Yevgeniy Nikulin", "Evgeny Nikulin", "another spelling"),
        ("Евгений Никулин", "Yevgeniy Nikulin", "another spelling"),
        ("Sasha Vinokurov", "Aleksandr Vinokurov", "diminutive"),
        ("Kate Fairbanks", "Katherine Fairbanks", "diminutive"),
        ("Pavel Dorsky", "Paul Dorsky", "variant"),
    ],
)
def test_given_names_match_across_transliterations_and_diminutives(draft, record, how):
    comparison = name_comparison.compare(draft, record)
    assert comparison.score >= SAME_PERSON_SCORE
    assert how in comparison.given.how


@pytest.mark.parametrize(
    ("draft", "record"),
    [
        ("Evgeniya Silin", "Evgeniya Silina"),
        ("Marina Ukrainsky", "Marina Ukrainskaya"),
        ("Романа Селезнёва", "Роман Селезнёв"),
        ("Анатолием Легкодымовым", "Анатолий Легкодымов"),
    ],
)
def test_russian_surnames_inflected_by_sex_or_case_are_one_surname(draft, record):
    comparison = name_comparison.compare(draft, record)
    assert comparison.surname.how == "inflected form"
    assert comparison.score >= SAME_PERSON_SCORE


def test_male_and_female_forms_of_a_given_name_are_different_people():
    comparison = name_comparison.compare("Yevgeniy Nikulin", "Yevgeniya Nikulina")
    assert comparison.score < POSSIBLE_SCORE
    assert "male and female forms" in comparison.reasons[1]


def test_an_initial_or_a_bare_surname_is_possible_never_the_same_person():
    for draft in ("A. Legkodymov", "Legkodymov"):
        comparison = name_comparison.compare(draft, "Anatoly Legkodymov")
        assert tier_of(comparison.score) == "possible", draft


def test_parts_are_read_in_russian_order_with_a_patronymic():
    name = name_comparison.parse("Никулин Евгений Александрович")
    assert name.surname == ("nikulin",)
    assert name.given == ("evgeniy",)
    assert name.patronymic == "aleksandrovich"
    assert name_comparison.parse("Denis Popovich").surname == ("popovich",)


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("U.S. Marine Paul Whelan", "Paul Whelan"),
        ("Marine", ""),
        ("Commander Oleg Dyatlov", "Oleg Dyatlov"),
        ("Dr. Ivan Petrenko", "Ivan Petrenko"),
        ("former Army Sergeant Kevin Doyle", "Kevin Doyle"),
        ("Mrs Anna Smith", "Anna Smith"),
        ("Anna Smith", "Anna Smith"),
    ],
)
def test_titles_and_ranks_are_removed_from_names(written, clean):
    assert name_comparison.remove_titles(written) == clean
