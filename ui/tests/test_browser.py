"""A caseworker's day in a real browser: sign in, find a person by another spelling, log a
visit and see it on the timeline, read the dashboard's charts; a viewer sees no sensitive
fields."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Detainee
from consular.models import ConsularVisit
from demo.caseload import generate_caseload
from demo.reported_cases import load_reported_cases
from ingest.constants import FactKind
from ingest.tests.factories import DraftFactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART_FILE = Path(settings.BASE_DIR) / "static" / "ui" / "vendor" / "chart.umd.min.js"


@pytest.fixture
def reported():
    load_reported_cases()
    return Detainee.objects.get(full_name="Roman Seleznyov")


@pytest.fixture
def caseload(reported):
    generate_caseload(40, seed=7, today=timezone.localdate())
    return reported


def test_sign_in_shows_user_and_role_then_sign_out(page, live_server, caseworker, screenshot):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill("caseworker")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("correct username and password")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/detainees/")
    expect(page.get_by_test_id("current-user")).to_have_text("caseworker")
    expect(page.get_by_test_id("current-role")).to_have_text("caseworker")
    nav = page.get_by_role("navigation", name="Main")
    for link in ("Detainees", "Visits", "Dashboard"):
        expect(nav.get_by_role("link", name=link)).to_be_visible()
    screenshot("signed-in")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_have_count(0)
    page.goto(f"{live_server.url}/detainees/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/detainees/"))


def test_search_another_spelling_and_open_the_person(
    page, sign_in, caseworker, caseload, screenshot
):
    sign_in(caseworker)
    results = page.locator("#results")
    everyone = Detainee.objects.count()
    expect(page.get_by_test_id("result-count")).to_have_text(re.compile(rf"\b{everyone} detainees"))
    page.get_by_label("Search by name").fill("Seleznev")
    # htmx swaps the results in place and records the search in the address bar.
    expect(page).to_have_url(re.compile(r"search=Seleznev"))
    expect(page.get_by_test_id("result-count")).to_have_text(re.compile(r"^\s*1 detainee\b"))
    expect(results.get_by_role("row")).to_have_count(2)  # the header and one person
    screenshot("search")
    results.get_by_role("link", name="Roman Seleznyov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roman Seleznyov")
    summary = page.get_by_test_id("summary")
    expect(summary).to_contain_text("Роман Селезнёв")
    # Released in the exchange of 1 August 2024: the newer report wins, the older one
    # (held at Butner, convicted) stays on the timeline.
    expect(summary).to_contain_text("Exchanged")
    expect(summary).to_contain_text("27 years")
    timeline = page.get_by_test_id("timeline")
    expect(timeline).to_contain_text("Sentenced to 27 years")
    expect(timeline).to_contain_text("Federal Correctional Complex Butner")
    expect(timeline).to_contain_text("Status: Exchanged")
    screenshot("detainee")


def test_filters_and_sorting_update_the_list(page, sign_in, caseworker, caseload, screenshot):
    sign_in(caseworker)
    page.get_by_label("Status").select_option("convicted")
    expect(page).to_have_url(re.compile(r"status=convicted"))
    statuses = page.locator("#results tbody .status")
    expect(statuses.first).to_have_text("Convicted")
    for text in statuses.all_inner_texts():
        assert text == "Convicted"
    page.get_by_role("link", name=re.compile("^Name")).click()
    expect(page).to_have_url(re.compile(r"sort=-name"))
    names = page.locator("#results tbody tr td:first-child a").all_inner_texts()
    assert names == sorted(names, reverse=True)
    screenshot("filtered")


def test_log_a_visit_and_see_it_on_the_timeline(page, sign_in, caseworker, reported, screenshot):
    sign_in(caseworker)
    page.goto(f"{page.url.split('/detainees/')[0]}/detainees/{reported.pk}/")
    page.get_by_text("Log a visit").click()
    form = page.get_by_test_id("form-visit")
    # A mistake first: the message sits beside the field and nothing is saved.
    form.get_by_label("Date").fill("2024-13")
    form.get_by_label("Visitors").fill("Consul Vera Browsertest")
    form.get_by_role("button", name="Save").click()
    field_error = page.locator("#id_visit-visited_on_error")
    expect(field_error).to_contain_text("not a real date")
    screenshot("visit-error")
    assert not ConsularVisit.objects.filter(visitors="Consul Vera Browsertest").exists()
    form = page.get_by_test_id("form-visit")
    form.get_by_label("Date").fill("2024-03-14")
    form.get_by_label("Kind").select_option("video")
    form.get_by_label("Observations").fill("In good spirits; asked for books.")
    form.get_by_label("Source link").fill("https://example.org/consulate/visit-note")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Visit saved.")
    entry = page.get_by_test_id("timeline").locator("li", has_text="Consul Vera Browsertest")
    expect(entry).to_contain_text("14 March 2024")
    expect(entry).to_contain_text("Video")
    expect(entry).to_contain_text("example.org/consulate/visit-note")
    expect(page.get_by_test_id("history")).to_contain_text("created Consular visit: 2024-03-14")
    screenshot("visit-logged")


def test_visits_page_lists_overdue_and_logs_a_visit(
    page, sign_in, caseworker, caseload, screenshot
):
    sign_in(caseworker)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Visits").click()
    overdue = page.get_by_test_id("overdue")
    expect(overdue.locator("tbody tr").first).to_be_visible()
    first = overdue.locator("tbody tr").first
    name = first.locator("td").first.inner_text()
    first.get_by_role("link", name=re.compile("Log visit")).click()
    expect(page.get_by_label("Detainee")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_label("Visitors").fill("Consul Overdue Check")
    page.get_by_role("button", name="Save visit").click()
    expect(page.get_by_role("status")).to_contain_text(f"Visit to {name} saved.")
    expect(page.get_by_test_id("overdue")).not_to_contain_text(name)
    expect(page.get_by_test_id("visit-log")).to_contain_text("Consul Overdue Check")
    screenshot("visits")


def test_dashboard_charts_draw_from_the_stats_api(page, sign_in, viewer, caseload, screenshot):
    if not CHART_FILE.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is missing, so Chart.js could not be installed by `make assets`")
        pytest.fail("Chart.js is not installed: run `make assets` (make test does it).")
    sign_in(viewer)
    page.get_by_role("link", name="Dashboard").click()
    charts = page.locator("[data-chart]")
    count = charts.count()
    assert count == 8  # seven charts and the overdue tile
    expect(page.locator('[data-chart][data-drawn="true"]')).to_have_count(count)
    expect(page.get_by_role("status")).to_have_text("Showing all nationalities.")
    held = Detainee.objects.held().count()
    for key in ("held-by-country", "status", "charges", "sentences", "visits"):
        card = page.locator(f'[data-chart="{key}"]')
        # Chart.js drew into the canvas, with the same numbers as the table.
        drawn = page.evaluate(
            """key => {
                const chart = Chart.getChart(document.getElementById(`canvas-${key}`));
                return chart ? chart.data.datasets[0].data.reduce((a, b) => a + b, 0) : -1;
            }""",
            key,
        )
        assert drawn > 0, key
        cells = card.locator("tbody td.num").all_text_contents()
        assert sum(int(c) for c in cells) == drawn, key
        assert int(card.get_attribute("data-total")) == drawn
    status_total = int(page.locator('[data-chart="status"]').get_attribute("data-total"))
    assert status_total == Detainee.objects.count()
    held_total = int(page.locator('[data-chart="held-by-country"]').get_attribute("data-total"))
    # Each person held counts once, under the country holding them now.
    assert held_total == Detainee.objects.held().exclude(detaining_country="").count()
    assert 0 < held_total <= held
    overdue = page.get_by_test_id("overdue-value").inner_text()
    assert int(overdue) > 0
    page.get_by_text("Show the numbers").first.click()
    screenshot("dashboard")

    # A filter redraws every chart from the API with the new parameters.
    page.get_by_label("From").fill(str(timezone.localdate().year))
    with page.expect_response(re.compile(r"/api/v1/stats/summary/\?date_from=")):
        page.get_by_role("button", name="Redraw").click()
    expect(page.get_by_role("status")).to_contain_text(f"from {timezone.localdate().year}")
    smaller = int(page.locator('[data-chart="status"]').get_attribute("data-total"))
    assert smaller < status_total
    page.get_by_label("From").fill("not a date")
    page.get_by_role("button", name="Redraw").click()
    expect(page.get_by_role("status")).to_contain_text("Could not load the statistics")
    screenshot("dashboard-filter")


def test_viewer_sees_no_sensitive_fields_and_no_forms(page, sign_in, viewer, reported, screenshot):
    sign_in(viewer)
    expect(page.get_by_test_id("current-role")).to_have_text("viewer")
    page.get_by_label("Search by name").fill("Селезнёв")
    page.locator("#results").get_by_role("link", name="Roman Seleznyov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roman Seleznyov")
    expect(page.get_by_test_id("sensitive")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("health is not very good")
    expect(page.get_by_text("Log a visit")).to_have_count(0)
    expect(page.locator("form[data-testid^=form-]")).to_have_count(0)
    screenshot("viewer")


def test_tablet_layout_keeps_everything_reachable(page, sign_in, caseworker, reported, screenshot):
    page.set_viewport_size({"width": 800, "height": 1100})
    sign_in(caseworker)
    page.goto(f"{page.url.split('/detainees/')[0]}/detainees/{reported.pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 800, "the page scrolls sideways on a tablet"
    # Keyboard: the skip link comes first and moves to the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    screenshot("tablet")


def test_review_queue_accepts_a_draft(page, sign_in, reviewer, screenshot):
    draft = DraftFactFactory(draft__name="Ivor Quill").draft
    DraftFactFactory(draft=draft, kind=FactKind.NATIONALITY, value={"country": "GB"})
    sign_in(reviewer)
    nav = page.get_by_role("navigation", name="Main")
    expect(page.get_by_test_id("review-count")).to_have_text("1")
    nav.get_by_role("link", name=re.compile("Review queue")).click()
    expect(page.get_by_test_id("pending-count")).to_contain_text("1 draft awaiting review")
    page.get_by_role("link", name="Ivor Quill").click()
    page.get_by_label("New detainee").check()
    page.get_by_test_id("accept-all").click()
    expect(page.get_by_test_id("draft-status")).to_have_text("Accepted")
    expect(page.get_by_test_id("review-count")).to_have_text("0")
    screenshot("accepted")
    nav.get_by_role("link", name="Detainees").click()
    page.get_by_label("Search by name").fill("Quill")
    expect(page.locator("#results").get_by_role("link", name="Ivor Quill")).to_be_visible()
    page.locator("#results").get_by_role("link", name="Ivor Quill").click()
    expect(page.get_by_test_id("summary")).to_contain_text("United Kingdom")


def test_caseworker_has_no_review_link(page, sign_in, caseworker):
    sign_in(caseworker)
    expect(page.get_by_test_id("current-role")).to_have_text("caseworker")
    expect(page.get_by_test_id("review-count")).to_have_count(0)
