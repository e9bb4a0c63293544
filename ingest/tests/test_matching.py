"""Candidates for a drafted person: tiers, evidence beyond the name, and judgements."""

import pytest
from django.utils import timezone

from cases import services as case_services
from cases.models import Detainee
from cases.partial_dates import parse
from ingest.constants import MatchTier, MatchVerdict
from ingest.matching import find_matches
from ingest.models import MatchJudgement

pytestmark = pytest.mark.django_db


def _find(spellings, **kwargs):
    return find_matches(spellings=spellings, queryset=Detainee.objects.all(), **kwargs)


def test_the_same_name_in_cyrillic_or_another_transliteration_is_the_suggestion():
    target = case_services.detainee_create(
        full_name="Pavel Zhuravlyov", name_original_script="Павел Журавлёв", nationalities=["RU"]
    )
    case_services.detainee_create(full_name="Pavel Orlov", nationalities=["RU"])
    for spelling in ("Pavel Zhuravlev", "Павел Журавлёв", "Pasha Zhuravlyov"):
        matches = _find([spelling], nationalities=["RU"])
        assert matches.suggested_match == target.pk, spelling
        assert [c.detainee for c in matches.candidates] == [target]
        assert matches.candidates[0].tier == MatchTier.SAME
    best = _find(["Pavel Zhuravlev"], nationalities=["RU"]).candidates[0]
    assert "surname matches" in best.reasons[0] and "Pavel Zhuravlev" in best.reasons[0]
    assert "nationality RU matches" in best.reasons[1]


def test_a_bare_surname_is_possible_and_never_suggested():
    target = case_services.detainee_create(full_name="Pavel Zhuravlyov")
    matches = _find(["Zhuravlyov"])
    assert matches.suggested is None
    assert [(c.detainee, c.tier) for c in matches.candidates] == [(target, MatchTier.POSSIBLE)]


def test_a_different_surname_is_not_a_candidate_however_close_the_given_name():
    case_services.detainee_create(full_name="Evgeniya Silina", nationalities=["RU"])
    matches = _find(["Yevgeniy Nikulin", "Nikulin"], nationalities=["RU"])
    assert matches.candidates == [] and matches.suggested is None


def test_a_surname_shared_with_another_given_name_is_not_suggested():
    other = case_services.detainee_create(full_name="Aleksei Smirnov", nationalities=["RU"])
    matches = _find(["Izyaslav Smirnov", "Smirnov"], nationalities=["RU"])
    assert matches.suggested is None
    assert other not in [c.detainee for c in matches.candidates if c.tier == MatchTier.SAME]


def test_inflected_surnames_find_the_record():
    target = case_services.detainee_create(
        full_name="Roman Seleznyov", name_original_script="Роман Селезнёв"
    )
    assert _find(["Романа Селезнёва"]).suggested_match == target.pk
    woman = case_services.detainee_create(full_name="Evgeniya Silina")
    assert _find(["Evgeniya Silin"]).suggested_match == woman.pk


def test_nationality_and_date_of_birth_add_or_subtract_evidence():
    person = case_services.detainee_create(
        full_name="Lena Marsh", nationalities=["GB"], date_of_birth=parse("1980-04-02")
    )
    plain = _find(["Lena Marsh"]).candidates[0]
    assert plain.detainee == person and plain.score == 100
    agreeing = _find(["Lena Marsh"], nationalities=["GB"], date_of_birth=parse("1980"))
    assert agreeing.suggested_match == person.pk
    other = _find(["Lena Marsh"], nationalities=["IE"], date_of_birth=parse("1991-01-01"))
    assert other.candidates == []
    worse = _find(["Lena Marsh"], nationalities=["IE"]).candidates[0]
    assert worse.score == 85 and "nationality differs" in worse.reasons[1]
    initial = _find(["L. Marsh"], date_of_birth=parse("1980-04")).candidates[0]
    assert initial.tier == MatchTier.SAME and "date of birth" in initial.reasons[-1]


def test_a_not_the_same_person_judgement_keeps_the_pair_out_of_the_top_tier(reviewer):
    person = case_services.detainee_create(full_name="Pavel Zhuravlyov")
    assert _find(["Pavel Zhuravlev"]).suggested_match == person.pk
    MatchJudgement.objects.create(
        name="pavel zhuravlev",
        name_key="pavel zhuravlev",
        detainee=person,
        verdict=MatchVerdict.DIFFERENT,
        decided_by=reviewer,
        decided_at=timezone.now(),
    )
    matches = _find(["Pavel Zhuravlev"])
    assert matches.suggested is None
    [candidate] = matches.candidates
    assert candidate.tier == MatchTier.POSSIBLE
    assert (
        "reviewer judged" in candidate.reasons[-1] and "is not this person" in candidate.reasons[-1]
    )
    # Another spelling nobody has judged is still offered.
    assert _find(["Pasha Zhuravlyov"]).suggested_match == person.pk


def test_two_records_that_both_look_like_the_person_are_not_suggested():
    one = case_services.detainee_create(full_name="Pavel Zhuravlyov")
    two = case_services.detainee_create(full_name="Pavel Zhuravlev")
    matches = _find(["Pavel Zhuravlyov"])
    assert matches.suggested is None
    assert {c.detainee for c in matches.candidates} == {one, two}
    assert {c.tier for c in matches.candidates} == {MatchTier.POSSIBLE}


def test_strangers_and_empty_names_find_nothing():
    case_services.detainee_create(full_name="Lena Marsh")
    case_services.detainee_create(full_name="Oskar Brandt")
    assert _find(["Lena Okafor"]).candidates == []
    assert _find(["Viktor Hale"]).candidates == []
    assert _find([""]).candidates == []
    assert _find(["Marine"]).candidates == []
