import pytest

from cases import services as case_services
from cases.models import Detainee
from cases.partial_dates import parse
from ingest.matching import find_candidates

pytestmark = pytest.mark.django_db


def _find(spellings, **kwargs):
    return find_candidates(spellings=spellings, queryset=Detainee.objects.all(), **kwargs)


def test_the_same_name_in_cyrillic_or_another_transliteration_ranks_first():
    target = case_services.detainee_create(
        full_name="Pavel Zhuravlyov", name_original_script="Павел Журавлёв", nationalities=["RU"]
    )
    case_services.detainee_create(full_name="Pavel Orlov", nationalities=["RU"])
    for spelling in ("Pavel Zhuravlev", "Павел Журавлёв", "Zhuravlyov"):
        candidates = _find([spelling], nationalities=["RU"])
        assert candidates[0].detainee == target, spelling
        assert candidates[0].score >= 85
    [best, *_] = _find(["Pavel Zhuravlev"], nationalities=["RU"])
    assert best.score == 100
    assert "another spelling" in best.reasons[0]
    assert "nationality RU matches" in best.reasons[1]


def test_a_different_nationality_and_date_of_birth_lower_the_score():
    person = case_services.detainee_create(
        full_name="Lena Marsh", nationalities=["GB"], date_of_birth=parse("1980-04-02")
    )
    plain = _find(["Lena Marsh"])[0]
    assert plain.detainee == person and plain.score == 100
    assert _find(["Lena Marsh"], nationalities=["GB"], date_of_birth=parse("1980"))[0].score == 100
    other = _find(["Lena Marsh"], nationalities=["IE"], date_of_birth=parse("1991-01-01"))
    assert other == [] or other[0].score < 60
    worse = _find(["Lena Marsh"], nationalities=["IE"])[0]
    assert worse.score == 85 and "nationality differs" in worse.reasons[1]


def test_a_first_name_alone_is_a_weak_match_and_strangers_are_not_candidates():
    case_services.detainee_create(full_name="Lena Marsh")
    case_services.detainee_create(full_name="Oskar Brandt")
    assert [c.detainee.full_name for c in _find(["Lena Okafor"])] in ([], ["Lena Marsh"])
    assert all(c.score < 85 for c in _find(["Lena Okafor"]))
    assert _find(["Viktor Hale"]) == []
    assert _find([""]) == []
