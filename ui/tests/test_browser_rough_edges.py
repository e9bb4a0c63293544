"""The rough edges a new user met, in a real browser: the error pages keep the app around
them, the submit page and the API docs are in the navigation, the review page's buttons
look like the app's, the doughnut chart names its figures and the visits page is short."""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import expect

from cases.constants import DetaineeStatus
from cases.tests.factories import DetaineeFactory
from ingest.tests.factories import DraftFactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART_FILE = Path(settings.BASE_DIR) / "static" / "ui" / "vendor" / "chart.umd.min.js"


def test_a_caseworker_is_refused_the_queue_kindly_and_finds_the_submit_page(
    page, sign_in, live_server, caseworker, screenshot
):
    sign_in(caseworker)
    page.goto(f"{live_server.url}/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your role does not open this page")
    expect(page.get_by_test_id("error-reason")).to_contain_text("The review queue is for reviewers")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Detainees")).to_be_visible()
    screenshot("forbidden")
    nav.get_by_role("link", name="Submit an article").click()
    expect(page).to_have_url(f"{live_server.url}/review/submit/")

    page.goto(f"{live_server.url}/detainees/987654/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(nav.get_by_role("link", name="Visits")).to_be_visible()
    screenshot("not-found")

    nav.get_by_text("More").click()
    nav.get_by_role("link", name="API docs").click()
    expect(page).to_have_url(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("API")
    page.wait_for_load_state("networkidle")


def test_review_buttons_look_like_the_apps_buttons(page, sign_in, live_server, reviewer):
    draft = DraftFactFactory(draft__name="Button Check").draft
    sign_in(reviewer)
    page.goto(f"{live_server.url}/detainees/")
    apply = page.get_by_role("button", name="Apply")
    reference = apply.evaluate("b => getComputedStyle(b).backgroundColor")
    page.goto(f"{live_server.url}/review/drafts/{draft.pk}/")
    accept = page.get_by_test_id("accept-selected")
    expect(accept).to_be_visible()
    style = accept.evaluate(
        "b => { const s = getComputedStyle(b); return [s.backgroundColor, s.borderRadius]; }"
    )
    assert style == [reference, "6px"]
    reject = page.get_by_test_id("reject")
    assert reject.evaluate("b => getComputedStyle(b).borderRadius") == "6px"
    page.wait_for_load_state("networkidle")


def test_the_status_doughnut_names_each_figure(page, sign_in, live_server, viewer, screenshot):
    if not CHART_FILE.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is missing, so Chart.js could not be installed by `make assets`")
        pytest.fail("Chart.js is not installed: run `make assets` (make test does it).")
    for _ in range(3):
        DetaineeFactory(status=DetaineeStatus.CONVICTED)
    DetaineeFactory(status=DetaineeStatus.RELEASED)
    sign_in(viewer)
    page.goto(f"{live_server.url}/dashboard/")
    card = page.locator('[data-chart="status"]')
    expect(card).to_have_attribute("data-drawn", "true")
    legend = page.evaluate(
        """() => Chart.getChart(document.getElementById("canvas-status"))
            .legend.legendItems.map((item) => item.text)"""
    )
    assert sorted(legend) == ["Convicted: 3 (75%)", "Released: 1 (25%)"]
    expect(page.get_by_test_id("total-status")).to_have_text("Total: 4")
    screenshot("doughnut")


def test_the_visits_page_is_a_screen_or_two_long(page, sign_in, live_server, caseworker):
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) - dt.timedelta(days=30)):
        for i in range(60):
            DetaineeFactory(full_name=f"Waiting {i:02d}", status=DetaineeStatus.CONVICTED)
    sign_in(caseworker)
    page.goto(f"{live_server.url}/visits/")
    expect(page.get_by_test_id("overdue-count")).to_have_text("60")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 2000, height
    pager = page.get_by_test_id("pager-overdue_page")
    expect(pager).to_contain_text("Page 1 of 6")
    pager.get_by_role("link", name=re.compile("Next")).click()
    expect(pager).to_contain_text("Page 2 of 6")
    expect(page.get_by_test_id("overdue")).to_contain_text("Waiting 1")


def test_the_navigation_is_one_line_at_1280_pixels(page, sign_in, live_server, admin_user):
    """An administrator has the most entries (the review queue, import, the admin); the
    pages used less often sit under "More", so the bar does not wrap on a laptop."""
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(admin_user)
    nav = page.get_by_role("navigation", name="Main")
    tops = page.evaluate(
        """() => [...document.querySelectorAll(
              ".nav > .brand, .nav-links > li, .nav > .who, .nav > .language-switch")]
            .map((e) => Math.round(e.getBoundingClientRect().top))"""
    )
    assert len(tops) >= 9 and max(tops) - min(tops) <= 6, tops
    height = page.evaluate("() => document.querySelector('.nav').getBoundingClientRect().height")
    assert height < 64, height
    # The menu opens in place, without a script, and leads to its pages.
    expect(nav.get_by_role("link", name="Admin")).to_be_hidden()
    nav.get_by_text("More").click()
    expect(nav.get_by_role("link", name="Admin")).to_be_visible()
    nav.get_by_role("link", name="Import").click()
    expect(page).to_have_url(f"{live_server.url}/transfer/import/")
