"""A reviewer in a real browser merges an older article into a newer record: the current
values stay, its facts join the timeline, a term two sources disagree on shows as disputed
with both sources, and undo gives the record back exactly (its API payload before and
after)."""

import datetime as dt

import pytest
from playwright.sync_api import expect
from rest_framework.test import APIClient

from cases.constants import DetaineeStatus, ExtraditionStatus
from cases.models import Detainee
from ingest import services
from ingest.constants import FactKind
from ingest.tests.factories import dated_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Yevgeniy Nikulin"
SENTENCE = {"months": None, "life": False, "death": False, "fine_amount": None}


def draft_of(published: dt.date, title: str, facts: list[tuple[str, dict]]):
    """A draft as the extractor leaves it, from an invented article of that date."""
    return dated_draft(name=NAME, published=published, title=title, facts=facts)


def payload(user, pk: int) -> dict:
    """The detainee's API payload, less what any write renews (its time and versions)."""
    client = APIClient()
    client.force_authenticate(user)
    data = client.get(f"/api/v1/detainees/{pk}/").json()

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("version", "updated_at")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(data)


@pytest.fixture
def record(reviewer):
    """Nikulin as the record holds him after a 2024 article, and a second source (2020)
    that gives his sentence another term."""
    services.draft_accept(
        draft=draft_of(
            dt.date(2024, 3, 1),
            "Hacker sentenced",
            [
                (FactKind.STATUS, {"status": DetaineeStatus.CONVICTED}),
                (FactKind.DETAINING_COUNTRY, {"country": "US"}),
                (FactKind.CHARGE, {"description": "computer intrusion", "category": "cybercrime"}),
                (
                    FactKind.EXTRADITION,
                    {
                        "from_country": "CZ",
                        "to_country": "US",
                        "status": ExtraditionStatus.SURRENDERED,
                        "date": "2018-03-30",
                    },
                ),
                (FactKind.SENTENCE, {**SENTENCE, "years": 7, "date": "2020-09-29"}),
            ],
        ),
        user=reviewer,
    )
    detainee = Detainee.objects.get(full_name=NAME)
    services.draft_accept(
        draft=draft_of(
            dt.date(2020, 10, 1),
            "Another account of the sentence",
            [(FactKind.SENTENCE, {**SENTENCE, "years": 9, "date": "2020-09-29"})],
        ),
        user=reviewer,
        merge_into=detainee.pk,
    )
    return detainee


def test_an_older_article_merged_in_the_browser_and_undone(
    page, live_server, sign_in, reviewer, record, screenshot
):
    older = draft_of(
        dt.date(2017, 2, 1),
        "Russian held in Prague",
        [
            (FactKind.STATUS, {"status": DetaineeStatus.EXTRADITION_PENDING}),
            (FactKind.DETAINING_COUNTRY, {"country": "CZ"}),
            (FactKind.FACILITY, {"name": "Pankrac prison", "country": "CZ"}),
            (
                FactKind.EXTRADITION,
                {"from_country": "CZ", "to_country": "US", "status": ExtraditionStatus.REQUESTED},
            ),
        ],
    )
    before = payload(reviewer, record.pk)
    sign_in(reviewer)

    # Two sources disagree on the term: disputed, with both sources.
    page.goto(f"{live_server.url}/detainees/{record.pk}/")
    expect(page.get_by_test_id("disputed-sentence_term")).to_be_visible()
    disputes = page.get_by_test_id("disputes")
    expect(disputes).to_contain_text("7 years")
    expect(disputes).to_contain_text("9 years")
    expect(disputes).to_contain_text("Hacker sentenced")
    expect(disputes).to_contain_text("Another account of the sentence")
    screenshot("disputed-term")

    # The suggestion, pre-selected: the older article is merged with the defaults.
    page.goto(f"{live_server.url}/review/drafts/{older.pk}/")
    expect(page.get_by_test_id(f"candidate-{record.pk}").get_by_role("radio")).to_be_checked()
    page.get_by_test_id("accept-all").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Accepted")

    page.goto(f"{live_server.url}/detainees/{record.pk}/")
    summary = page.get_by_test_id("summary")
    expect(summary).to_contain_text("Convicted")
    expect(page.get_by_test_id("held-by")).to_contain_text("United States")
    timeline = page.get_by_test_id("timeline")
    expect(timeline).to_contain_text("Pankrac prison")
    # Not the current facility: the surrender of 2018 came after.
    expect(page.get_by_test_id("facility")).to_contain_text("none recorded")
    expect(timeline).to_contain_text("end not reported")
    screenshot("older-merged")
    merged = Detainee.objects.get(pk=record.pk)
    assert (merged.status, merged.detaining_country.code) == ("convicted", "US")
    assert merged.extraditions.get().status == ExtraditionStatus.SURRENDERED
    assert merged.cases.count() == 1

    # Undo gives the record back exactly.
    page.goto(f"{live_server.url}/review/drafts/{older.pk}/")
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Awaiting review")
    screenshot("undone")
    assert payload(reviewer, record.pk) == before
