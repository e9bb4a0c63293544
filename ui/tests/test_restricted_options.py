"""Filter options and dashboard choices come only from people the user may see."""

import pytest

from cases.tests.factories import DetaineeFactory, NationalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_national(other_caseworker):
    person = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    NationalityFactory(detainee=person, country="IS")  # nobody else is Icelandic
    return person


@pytest.mark.parametrize("url", ["/detainees/", "/dashboard/"])
def test_a_restricted_persons_nationality_is_not_offered(
    client, caseworker, restricted_national, url
):
    client.force_login(caseworker)
    assert "Iceland" not in client.get(url).content.decode()


@pytest.mark.parametrize("url", ["/detainees/", "/dashboard/"])
def test_their_caseworker_is_offered_it(client, other_caseworker, restricted_national, url):
    client.force_login(other_caseworker)
    assert "Iceland" in client.get(url).content.decode()
