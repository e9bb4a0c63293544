"""The list's country options come from `countries_on_file`: a loose index scan on
PostgreSQL, a DISTINCT elsewhere. Both must name exactly the countries of the live people
the user may see, as `visible_to` decides."""

import pytest
from django.utils import timezone

from cases.constants import DetaineeStatus
from cases.models import Detainee, Nationality
from cases.querysets import countries_on_file
from cases.tests.factories import DetaineeFactory, NationalityFactory

pytestmark = pytest.mark.django_db


def _person(nationalities, held_by="", **fields):
    person = DetaineeFactory(**fields)
    Detainee.objects.filter(pk=person.pk).update(detaining_country=held_by)
    for country in nationalities:
        NationalityFactory(detainee=person, country=country)
    return person


def _direct(user, of):
    """The same answer by the plain ORM, the rule `countries_on_file` must keep."""
    people = Detainee.objects.visible_to(user)
    if of == "nationality":
        rows = Nationality.objects.filter(detainee__in=people).values_list("country", flat=True)
    else:
        rows = people.values_list("detaining_country", flat=True)
    return sorted({code for code in rows if code})


def test_only_what_the_user_may_see_and_what_is_live(viewer, caseworker, admin_user):
    _person(["RU"], held_by="US")
    _person(["RU", "IL"], held_by="TH")
    _person(["BY"])  # held by no known country yet
    _person(["KZ"], held_by="CN", is_restricted=True, assigned_caseworker=caseworker)
    _person(["AM"], held_by="AE", archived_at=timezone.now())

    assert countries_on_file(viewer, "nationality") == ["BY", "IL", "RU"]
    assert countries_on_file(viewer, "detaining_country") == ["TH", "US"]
    # The restricted person's countries are offered to their caseworker and to admins only.
    assert countries_on_file(caseworker, "nationality") == ["BY", "IL", "KZ", "RU"]
    assert countries_on_file(admin_user, "detaining_country") == ["CN", "TH", "US"]
    for user in (viewer, caseworker, admin_user):
        for of in ("nationality", "detaining_country"):
            assert countries_on_file(user, of) == _direct(user, of), (user, of)


def test_of_the_people_still_held(viewer, admin_user):
    _person(["RU"], held_by="US", status=DetaineeStatus.CONVICTED)
    _person(["BY"], held_by="TH", status=DetaineeStatus.RELEASED)
    _person(["KZ"], held_by="CN", status=DetaineeStatus.DETAINED, is_restricted=True)
    assert countries_on_file(viewer, "detaining_country", held=True) == ["US"]
    assert countries_on_file(admin_user, "detaining_country", held=True) == ["CN", "US"]
    assert countries_on_file(admin_user, "nationality", held=True) == ["KZ", "RU"]


def test_no_people_no_countries(viewer):
    assert countries_on_file(viewer, "nationality") == []
    assert countries_on_file(viewer, "detaining_country") == []


def test_an_unknown_list_is_refused(admin_user):
    _person(["RU"], held_by="US")
    with pytest.raises(ValueError):
        countries_on_file(admin_user, "facility")
