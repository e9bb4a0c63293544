"""A reviewer in a real browser pastes an article about a person whose nearest record has
another surname, keeps every default and accepts: a new detainee is written and the other
record is untouched."""

import pytest
from playwright.sync_api import expect

from cases import services as case_services
from cases.constants import DetaineeStatus
from cases.models import Detainee
from ingest.name_comparison import warm_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Invented report; the person and the court's words are made up.
ARTICLE = """Published: 2024-03-30

Russian programmer charged in Prague

A court in Prague on Monday charged Russian citizen Yevgeniy Nikulin with computer \
hacking, prosecutors said.

Nikulin, 29, was detained in the Czech capital in October and is held in Pankrac prison. \
He denies the charges.
"""


def test_a_draft_whose_nearest_record_has_another_surname_becomes_a_new_detainee(
    page, sign_in, reviewer, screenshot
):
    silina = case_services.detainee_create(
        full_name="Evgeniya Silina", nationalities=["RU"], status=DetaineeStatus.CONVICTED
    )
    warm_up()  # as the web server does when it starts
    sign_in(reviewer)
    page.goto(page.url.replace("/detainees/", "/review/submit/"))
    page.get_by_role("textbox", name="Text").fill(ARTICLE)
    page.get_by_role("button", name="Submit text").click()
    page.get_by_role("link", name="Yevgeniy Nikulin").click()

    expect(page.get_by_test_id("target-new")).to_be_checked()
    expect(page.get_by_text("No existing detainee looks like this person.")).to_be_visible()
    screenshot("defaults")
    page.get_by_test_id("accept-all").click()

    expect(page.get_by_test_id("draft-status")).to_have_text("Accepted")
    expect(page.get_by_test_id("draft-detainee")).to_have_text("Yevgeniy Nikulin")
    screenshot("accepted")
    nikulin = Detainee.objects.get(full_name="Yevgeniy Nikulin")
    assert nikulin.pk != silina.pk
    assert nikulin.cases.filter(country="CZ").exists()
    silina.refresh_from_db()
    assert silina.status == DetaineeStatus.CONVICTED
    assert not silina.cases.exists()
    assert list(silina.name_variants.values_list("name", flat=True)) == ["Evgeniya Silina"]
