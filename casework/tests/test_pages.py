"""The casework pages, as each role sees them."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from cases.constants import DatePrecision
from cases.tests.factories import CaseFactory, DetaineeFactory, SentenceFactory
from casework.models import Assignment, Task, Watch, WelfareFlag
from consular.constants import VisitOutcome
from consular.tests.factories import ConsularVisitFactory

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(caseworker):
    today = timezone.localdate()
    person = DetaineeFactory(full_name="Overdue Mine", assigned_caseworker=caseworker)
    ConsularVisitFactory(detainee=person, visited_on=today - dt.timedelta(days=150))
    TaskFactory(detainee=person, assignee=caseworker, title="Appeal filing", due_on=today)
    return person


def signed_in(client, user):
    client.force_login(user)
    return client


def test_my_work_shows_my_detainees_overdue_visits_and_tasks(client, caseworker, mine):
    other = DetaineeFactory(full_name="Not Mine")
    ConsularVisitFactory(detainee=other, visited_on=dt.date(2020, 1, 1))
    html = signed_in(client, caseworker).get("/my-work/").content.decode()
    overdue = html[html.index('data-testid="my-overdue"') :]
    assert "Overdue Mine" in overdue and "Not Mine" not in html
    assert "Appeal filing" in html[html.index('data-testid="my-tasks"') :]
    assert 'data-testid="calendar-url"' in html


def test_the_overdue_page_filters_by_caseworker_and_country(client, viewer, caseworker, mine):
    other = DetaineeFactory(full_name="Someone Else")
    ConsularVisitFactory(detainee=other, visited_on=dt.date(2020, 1, 1))
    page = signed_in(client, viewer).get("/visits/overdue/").content.decode()
    assert page.index("Someone Else") < page.index("Overdue Mine")  # longest wait first
    filtered = client.get("/visits/overdue/", {"caseworker": caseworker.pk}).content.decode()
    assert "Overdue Mine" in filtered and "Someone Else" not in filtered
    bad = client.get("/visits/overdue/", {"caseworker": "999999"})
    assert bad.status_code == 400


def test_the_overdue_page_estimates_a_long_list_and_says_so(client, viewer, settings):
    # Beyond EXACT_COUNT_LIMIT people the list is not counted row by row on PostgreSQL
    # (SQLite, for development, counts exactly).
    settings.EXACT_COUNT_LIMIT = 3
    for i in range(7):
        ConsularVisitFactory(
            detainee=DetaineeFactory(full_name=f"Late {i}"), visited_on=dt.date(2020, 1, 1)
        )
    page = signed_in(client, viewer).get("/visits/overdue/").content.decode()
    total = page[page.index('data-testid="overdue-total">') :]
    total = total[len('data-testid="overdue-total">') : total.index("</span>")]
    assert page.count("Late ") == 7
    if connection.vendor == "postgresql":
        assert total.startswith("about ")
    else:
        assert total == "7"


def test_a_caseworker_adds_a_task_and_hands_over_from_the_casework_page(
    client, caseworker, other_caseworker, mine
):
    signed_in(client, caseworker)
    url = f"/detainees/{mine.pk}/casework/"
    assert client.get(url).status_code == 200
    response = client.post(
        f"{url}tasks/", {"kind": "hearing", "title": "Bail hearing", "due_on": "2026-12-03"}
    )
    assert response.status_code == 302
    assert Task.objects.get(title="Bail hearing").assignee == caseworker
    bad = client.post(f"{url}tasks/", {"kind": "hearing", "title": "", "due_on": "tomorrow"})
    assert bad.status_code == 400 and "Please correct" in bad.content.decode()
    client.post(f"{url}watch/", {"watching": "true"})
    assert Watch.objects.filter(user=caseworker, detainee=mine).exists()
    client.post(f"{url}welfare/", {"flagged": "on", "reason": "Diabetic"})
    assert WelfareFlag.objects.get(detainee=mine).reason == "Diabetic"
    handed = client.post(
        f"{url}hand-over/", {"caseworker": other_caseworker.pk, "note": "Back in May"}
    )
    assert handed.status_code == 302
    assert Assignment.objects.current().get(detainee=mine).caseworker == other_caseworker


def test_a_viewer_reads_casework_but_changes_nothing(client, viewer, mine):
    signed_in(client, viewer)
    html = client.get(f"/detainees/{mine.pk}/casework/").content.decode()
    assert "Appeal filing" in html and 'data-testid="form-task"' not in html
    assert 'data-testid="form-handover"' not in html
    response = client.post(
        f"/detainees/{mine.pk}/casework/tasks/",
        {"kind": "hearing", "title": "x", "due_on": "2026-12-03"},
    )
    assert response.status_code == 403
    assert Task.objects.count() == 1


def test_a_hidden_person_has_no_casework_page(client, caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    assert signed_in(client, caseworker).get(f"/detainees/{hidden.pk}/casework/").status_code == 404


def test_the_computed_release_is_shown_as_computed(client, caseworker, mine):
    SentenceFactory(
        case=CaseFactory(detainee=mine),
        sentenced_on=dt.date(2022, 3, 1),
        sentenced_on_precision=DatePrecision.MONTH,
        term_years=6,
    )
    html = signed_in(client, caseworker).get(f"/detainees/{mine.pk}/casework/").content.decode()
    released = html[html.index('data-testid="releases"') :]
    assert "March 2028" in released and "computed" in released


def test_the_calendar_feed_needs_its_secret_address(client, caseworker, mine):
    from casework import reminders

    token = reminders.calendar_feed_for(user=caseworker).token
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"Appeal filing" in response.content
    assert client.get("/calendar/not-the-token.ics").status_code == 404


def test_past_planned_visits_show_as_not_recorded(client, caseworker):
    today = timezone.localdate()
    person = DetaineeFactory(full_name="Planned Person")
    ConsularVisitFactory(
        detainee=person,
        visited_on=today - dt.timedelta(days=3),
        visitors="Consul Past",
        outcome=VisitOutcome.PLANNED,
    )
    ConsularVisitFactory(
        detainee=person,
        visited_on=today + dt.timedelta(days=3),
        visitors="Consul Ahead",
        outcome=VisitOutcome.PLANNED,
    )
    html = signed_in(client, caseworker).get("/visits/").content.decode()
    upcoming = html[html.index('data-testid="upcoming"') :]
    upcoming = upcoming[: upcoming.index("</ul>")]
    assert "Consul Ahead" in upcoming and "Consul Past" not in upcoming
    not_recorded = html[html.index('data-testid="not-recorded"') :]
    assert "Consul Past" in not_recorded[: not_recorded.index("</ul>")]
    timeline = client.get(f"/detainees/{person.pk}/").content.decode()
    assert "Visit by Consul Past — not recorded" in timeline


def test_a_visit_follow_up_is_made_a_task_from_the_page(client, caseworker, mine):
    visit = ConsularVisitFactory(detainee=mine, follow_up="Ask the prison about the diet")
    signed_in(client, caseworker)
    url = f"/detainees/{mine.pk}/casework/"
    assert "Ask the prison about the diet" in client.get(url).content.decode()
    response = client.post(f"{url}visits/{visit.pk}/follow-up/")
    assert response.status_code == 302
    task = Task.objects.get(visit=visit)
    assert task.title == "Ask the prison about the diet" and task.assignee == caseworker
    page = client.get(url).content.decode()
    assert 'data-testid="follow-ups"' not in page  # made a task: no longer offered


def test_the_admin_lists_tasks_and_cadence_rules_and_leaves_state_to_the_actions(
    client, admin_user, mine
):
    signed_in(client, admin_user)
    task = Task.objects.get()
    page = client.get(f"/admin/casework/task/{task.pk}/change/")
    assert page.status_code == 200
    assert 'name="state"' not in page.content.decode()
    rules = client.get("/admin/casework/cadencerule/").content.decode()
    assert "the strictest (shortest) value among those rules wins" in rules


def test_the_visits_page_lists_whom_the_cadence_rules_make_overdue(client, viewer):
    """The visits page's overdue list is the overdue list's: stricter rules by priority
    count, and a detention learned of today is not overdue before its first visit is due."""
    import re

    import time_machine

    from cases.constants import Priority
    from casework.models import CadenceRule

    from .factories import CadenceRuleFactory

    CadenceRule.objects.all().delete()
    CadenceRuleFactory(first_visit_days=14, visit_interval_days=90)
    CadenceRuleFactory(priority=Priority.URGENT, first_visit_days=3, visit_interval_days=30)
    today = timezone.localdate()
    urgent = DetaineeFactory(full_name="Urgent Forty Days", priority=Priority.URGENT)
    ConsularVisitFactory(detainee=urgent, visited_on=today - dt.timedelta(days=40))
    plain = DetaineeFactory(full_name="Plain Forty Days")
    ConsularVisitFactory(detainee=plain, visited_on=today - dt.timedelta(days=40))
    DetaineeFactory(full_name="Learned Of Today")
    with time_machine.travel(timezone.now() - dt.timedelta(days=20)):
        DetaineeFactory(full_name="Never Visited In Twenty Days")

    html = signed_in(client, viewer).get("/visits/").content.decode()
    table = html[html.index('data-testid="overdue"') : html.index("</table>")]
    names = re.findall(r">([^<>]+)</a></td>", table)
    assert names == ["Urgent Forty Days", "Never Visited In Twenty Days"]
    assert 'data-testid="overdue-count">2<' in html
    # Overdue by 10 days (due after 30), then by 6 (a first visit due after 14).
    assert re.findall(r'data-testid="overdue-days">(\d+) days<', table) == ["10", "6"]
    overdue_page = signed_in(client, viewer).get("/visits/overdue/").content.decode()
    assert 'data-testid="overdue-total">2<' in overdue_page


def test_every_button_of_the_casework_page_says_what_it_did_and_returns_to_its_part(
    client, caseworker, mine
):
    """The buttons share one path: a message in plain words, success or refusal, and back
    to the part of the page the button is in."""
    from django.contrib.messages import get_messages

    sentence = SentenceFactory(
        case=CaseFactory(detainee=mine), term_years=None, term_months=None, is_life=True
    )
    visit = ConsularVisitFactory(detainee=mine, follow_up="Ask the prison for a doctor")
    task = Task.objects.get(detainee=mine)
    url = f"/detainees/{mine.pk}/casework/"
    signed_in(client, caseworker)
    presses = [
        (f"{url}welfare/", {"flagged": "on", "reason": "Diabetic"}, "cadence", "success",
         "Health or welfare flag raised"),
        (f"{url}welfare/", {}, "cadence", "success", "Health or welfare flag lifted."),
        (f"{url}watch/", {"watching": "true"}, "watch", "success", "You will be notified"),
        (f"{url}tasks/{task.pk}/move/", {"to": "done"}, "tasks", "success", "Task marked done."),
        (f"{url}tasks/{task.pk}/move/", {"to": "cancelled"}, "tasks", "error",
         "A task that is done cannot become cancelled."),
        (f"{url}visits/{visit.pk}/follow-up/", {}, "tasks", "success", "Follow-up added"),
        (f"{url}sentences/{sentence.pk}/release/", {}, "tasks", "error",
         "The release date cannot be computed"),
    ]  # fmt: skip
    for address, data, anchor, level, text in presses:
        response = client.post(address, data)
        assert response.status_code == 302 and response.url == f"{url}#{anchor}", address
        *_earlier, message = get_messages(response.wsgi_request)  # the newest is this one's
        assert (message.level_tag, message.message[: len(text)]) == (level, text), address
    assert not WelfareFlag.objects.filter(detainee=mine).exists()
    # A detainee the user may not see is not found, whichever the button.
    assert client.post("/detainees/999999/casework/welfare/", {}).status_code == 404
