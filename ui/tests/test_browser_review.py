"""A reviewer in a real browser: a failed accept keeps every edit with the error beside its
field, each accepted fact says where it went, the arrest counts days in custody, and undo
takes it all back."""

import pytest
from playwright.sync_api import expect

from cases.models import Detainee
from ingest.constants import FactKind
from ingest.tests.factories import DraftFactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def draft():
    draft = DraftFactFactory(draft__name="Ivor Quill").draft
    facts = [
        (FactKind.DETAINING_COUNTRY, {"country": "US"}),
        (FactKind.ARREST, {"date": "2016-10", "country": "CZ", "place": "Prague"}),
        (
            FactKind.SENTENCE,
            {
                "years": 9,
                "months": None,
                "life": False,
                "death": False,
                "fine_amount": None,
                "fine_currency": "",
                "date": "2017-04",
            },
        ),
    ]
    for position, (kind, value) in enumerate(facts, start=1):
        DraftFactFactory(draft=draft, kind=kind, value=value, position=position)
    return draft


def test_a_failed_accept_keeps_edits_then_accept_and_undo(
    page, sign_in, reviewer, draft, screenshot
):
    sentence = draft.facts.get(kind=FactKind.SENTENCE)
    name = draft.facts.get(kind=FactKind.NAME)
    sign_in(reviewer)
    page.goto(page.url.replace("/detainees/", f"/review/drafts/{draft.pk}/"))
    page.get_by_label("New detainee").check()
    page.locator(f'[name="fact-{name.pk}-name"]').fill("Ivor J. Quill")
    page.locator(f'[name="fact-{sentence.pk}-date"]').fill("the 32nd of May")
    page.get_by_test_id("accept-selected").click()

    error = page.locator(f'[data-field="fact-{sentence.pk}-date"]')
    expect(error).to_contain_text("is not a date")
    expect(page.locator(f'[name="fact-{name.pk}-name"]')).to_have_value("Ivor J. Quill")
    expect(page.locator(f'[name="fact-{sentence.pk}-date"]')).to_have_value("the 32nd of May")
    expect(page.get_by_test_id("draft-status")).to_have_text("Awaiting review")
    screenshot("failed-accept")
    assert not Detainee.objects.exists()

    page.locator(f'[name="fact-{sentence.pk}-date"]').fill("2017-04-21")
    page.get_by_test_id("accept-selected").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Accepted")
    written = page.locator(f"#fact-{sentence.pk}").get_by_test_id("fact-written")
    expect(written).to_contain_text("Recorded on Ivor J. Quill, sentence of 21 April 2017")
    screenshot("accepted")

    written.get_by_role("link", name="Ivor J. Quill").click()
    expect(page.get_by_test_id("days-in-custody")).to_contain_text("since October 2016")
    page.go_back()

    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Awaiting review")
    expect(page.get_by_test_id("fact-written")).to_have_count(0)
    screenshot("undone")
    assert not Detainee.objects.exists()
