"""Writes through the case services: what counts as the same record told twice."""

import pytest

from cases import services
from cases.tests.factories import DetaineeFactory

pytestmark = pytest.mark.django_db


def test_facility_names_that_differ_in_generic_words_are_one_facility():
    butner = services.facility_get_or_create(
        name="Federal Correctional Complex Butner", country="US", locality="Butner, NC"
    )
    assert services.facility_get_or_create(name="Butner prison complex", country="US") == butner
    assert services.facility_get_or_create(name="FCC Butner", country="US") == butner
    assert services.facility_get_or_create(name="butner", country="CA") != butner
    assert services.facility_get_or_create(name="Federal Prison Camp", country="US") != butner
    brooklyn = services.facility_get_or_create(name="MDC Brooklyn", country="US")
    assert brooklyn not in (butner,)
    assert (
        services.facility_get_or_create(name="Metropolitan Detention Center Brooklyn", country="US")
        == brooklyn
    )


def test_a_charge_told_at_two_lengths_is_one_charge():
    case = services.case_open(detainee=DetaineeFactory(), country="US")
    long = services.charge_add(case=case, description="computer hacks that hit 200 businesses")
    assert services.charge_add(case=case, description="Computer hacks") == long
    assert services.charge_add(case=case, description="wire fraud") != long
    assert case.charges.count() == 2
