"""Official figures on the dashboard, importing a file with its preview, exporting, and the
printable briefing summary, in a real browser."""

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cases.constants import DetaineeStatus
from cases.models import Detainee
from cases.tests.factories import DetaineeFactory, NationalityFactory
from consular.tests.factories import ConsularVisitFactory
from figures.constants import Definition, Qualifier
from figures.tests.factories import OfficialFigureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_sets_each_official_figure_beside_the_record(
    page, sign_in, live_server, viewer, screenshot
):
    for _ in range(3):
        person = DetaineeFactory(status=DetaineeStatus.CONVICTED, detaining_country="US")
        NationalityFactory(detainee=person, country="RU")
    figure = OfficialFigureFactory(
        said_by="Ministry of Foreign Affairs",
        said_on=dt.date(2025, 3, 1),
        number=100,
        qualifier=Qualifier.AT_LEAST,
        definition=Definition.HELD_IN,
        source_url="https://mfa.example.org/statements/1",
    )
    sign_in(viewer)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    table = page.get_by_test_id("official-figures")
    row = table.locator(f'[data-figure="{figure.pk}"]')
    expect(row).to_contain_text("Ministry of Foreign Affairs")
    expect(row).to_contain_text("Nationals of Russia held in United States of America now")
    expect(row.get_by_test_id("official")).to_have_text("at least / more than 100")
    expect(row.get_by_test_id("record-count")).to_have_text("3")
    expect(row.get_by_test_id("gap")).to_have_text("+97")
    expect(row.get_by_role("link", name=re.compile("source"))).to_have_attribute(
        "href", "https://mfa.example.org/statements/1"
    )
    screenshot("official-figures")


def test_import_a_file_after_its_preview(
    page, sign_in, live_server, caseworker, screenshot, tmp_path
):
    bad = tmp_path / "people.csv"
    bad.write_text("full_name,status,nationalities\nGood Person,detained,RU\n,prisoner,RU\n")
    sign_in(caseworker)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_text("More").click()
    nav.get_by_role("link", name="Import").click()
    page.get_by_label("The file holds").select_option("detainees")
    page.get_by_label("CSV or XLSX file").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_test_id("preview-invalid")).to_contain_text("nothing was written")
    expect(page.locator('[data-row="2"]')).to_contain_text("“prisoner” is not one of")
    expect(page.get_by_test_id("confirm-import")).to_have_count(0)
    screenshot("import-errors")
    assert not Detainee.objects.exists()

    good = tmp_path / "people-fixed.csv"
    good.write_text(
        "full_name,status,nationalities\nGood Person,detained,RU\nOther Person,convicted,RU\n"
    )
    page.get_by_label("The file holds").select_option("detainees")
    page.get_by_label("CSV or XLSX file").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_test_id("preview-valid")).to_be_visible()
    assert not Detainee.objects.exists()
    screenshot("import-preview")
    page.get_by_test_id("confirm-import").click()
    expect(page.get_by_role("status")).to_contain_text("Imported 2 rows from people-fixed.csv")
    expect(page.get_by_test_id("import-log")).to_contain_text("people-fixed.csv")
    assert Detainee.objects.count() == 2


def test_export_and_the_printable_summary(page, sign_in, live_server, caseworker, screenshot):
    person = DetaineeFactory(full_name="=Formula Name", status=DetaineeStatus.CONVICTED)
    # A long record still prints on one page.
    for day in range(80):
        ConsularVisitFactory(
            detainee=person, visited_on=dt.date(2020, 1, 1) + dt.timedelta(days=7 * day)
        )
    sign_in(caseworker)
    page.goto(f"{live_server.url}/transfer/export/")
    with page.expect_download() as download:
        page.get_by_test_id("export-detainees-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "'=Formula Name" in text

    page.goto(f"{live_server.url}/detainees/{person.pk}/")
    page.get_by_role("link", name="Briefing summary").click()
    expect(page.get_by_test_id("briefing")).to_contain_text("=Formula Name")
    expect(page.get_by_test_id("briefing-status")).to_have_text("Convicted")
    expect(page.get_by_test_id("briefing-timeline").locator("li")).to_have_count(15)
    expect(page.get_by_test_id("briefing-earlier")).to_have_text(
        "65 earlier entries are on the detainee's page."
    )
    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    screenshot("briefing-print")
    # On paper it is one A4 page.
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
