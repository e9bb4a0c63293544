"""A caseworker's casework in a real browser: My work, the overdue list, a task added and
a case handed over with a note; a viewer reads without forms."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Detainee
from cases.tests.factories import DetaineeFactory
from casework.models import Task
from consular.tests.factories import ConsularVisitFactory

from .factories import TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def caseload(caseworker, other_caseworker):
    today = timezone.localdate()
    mine = DetaineeFactory(full_name="Anton Overdue", assigned_caseworker=caseworker)
    ConsularVisitFactory(detainee=mine, visited_on=today - dt.timedelta(days=130))
    theirs = DetaineeFactory(full_name="Boris Longwait", assigned_caseworker=other_caseworker)
    ConsularVisitFactory(detainee=theirs, visited_on=today - dt.timedelta(days=400))
    Detainee.objects.filter(pk=theirs.pk).update(detaining_country="IR")
    TaskFactory(
        detainee=mine, assignee=caseworker, title="Appeal deadline", due_on=today, kind="appeal"
    )
    return mine


def test_my_work_then_a_task_and_a_handover(
    page, live_server, sign_in, caseworker, other_caseworker, caseload, screenshot
):
    sign_in(caseworker)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_test_id("my-overdue")).to_contain_text("Anton Overdue")
    expect(page.get_by_test_id("my-overdue")).not_to_contain_text("Boris Longwait")
    expect(page.get_by_test_id("my-tasks")).to_contain_text("Appeal deadline")
    expect(page.get_by_test_id("calendar-url")).to_have_value(re.compile(r"/calendar/.+\.ics$"))
    screenshot("my-work")

    page.get_by_test_id("my-overdue").get_by_role("link", name="Anton Overdue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casework: Anton Overdue")
    expect(page.get_by_test_id("cadence")).to_contain_text("Overdue")
    form = page.get_by_test_id("form-task")
    form.get_by_label("Kind").select_option(label="Court hearing")
    form.get_by_label("Title").fill("Sentencing hearing")
    form.get_by_label("Due").fill("2027-01-15")
    form.get_by_role("button", name="Add task").click()
    expect(page.get_by_test_id("tasks")).to_contain_text("Sentencing hearing")
    assert Task.objects.get(title="Sentencing hearing").assignee == caseworker

    page.get_by_test_id("watch-button").click()
    expect(page.get_by_test_id("watch-button")).to_have_text("Stop watching")

    handover = page.get_by_test_id("form-handover")
    handover.get_by_label("Hand over to").select_option(label="other-caseworker")
    handover.get_by_label("Handover note").fill("Family calls on Tuesdays")
    handover.get_by_role("button", name="Hand over").click()
    expect(page.get_by_test_id("current-caseworker")).to_have_text("other-caseworker")
    history = page.get_by_test_id("assignment-history")
    expect(history).to_contain_text("Family calls on Tuesdays")
    expect(history.locator("li")).to_have_count(2)
    screenshot("handed-over")


def test_the_overdue_list_filters_by_country_and_a_viewer_has_no_forms(
    page, live_server, sign_in, viewer, caseload, screenshot
):
    sign_in(viewer)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_text("More").click()
    nav.get_by_role("link", name="Overdue").click()
    rows = page.get_by_test_id("overdue-list").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Boris Longwait")  # the longest overdue first
    page.get_by_label("Detaining country").select_option(label="Iran")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    screenshot("overdue-iran")
    page.goto(f"{live_server.url}/detainees/{caseload.pk}/casework/")
    expect(page.get_by_test_id("tasks")).to_contain_text("Appeal deadline")
    expect(page.get_by_test_id("form-task")).to_have_count(0)
    expect(page.get_by_test_id("form-handover")).to_have_count(0)
