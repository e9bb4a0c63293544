"""Watching a detainee, the daily digest, in-app notifications and the calendar feed."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.db import transaction
from icalendar import Calendar

from cases import services as case_services
from cases.constants import DetaineeStatus
from cases.tests.factories import CaseFactory, DetaineeFactory
from casework import reminders, services
from casework.calendar_feed import calendar_build
from casework.constants import NotificationKind, TaskKind
from casework.models import Notification
from casework.tasks import send_daily_digests
from consular.tests.factories import ConsularVisitFactory
from ingest import services as ingest_services
from ingest.constants import FactKind
from ingest.tests.factories import DraftFactFactory, DraftFactory

from .factories import TaskFactory, WatchFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 30)


# Watching works after commit: these tests commit for real.
committed = pytest.mark.django_db(transaction=True)


def changes_of(user):
    return list(Notification.objects.filter(user=user, kind=NotificationKind.CHANGE))


@committed
def test_an_edit_notifies_every_watcher_once_but_not_its_author(
    caseworker, other_caseworker, viewer
):
    person = DetaineeFactory(full_name="Watched Person")
    case = CaseFactory(detainee=person)
    for user in (caseworker, other_caseworker, viewer):
        WatchFactory(user=user, detainee=person)
    person._history_user = caseworker
    case._history_user = caseworker
    with transaction.atomic():  # one request
        case_services.record_update(record=person, changes={"priority": "high"})
        case_services.record_update(record=case, changes={"court": "District court"})
    assert changes_of(caseworker) == []
    for watcher in (other_caseworker, viewer):
        (note,) = changes_of(watcher)
        assert note.detainee == person and note.actor == caseworker
        assert "case" in note.message and "detainee" in note.message


@committed
def test_a_rolled_back_change_tells_nobody(other_caseworker):
    person = DetaineeFactory()
    WatchFactory(user=other_caseworker, detainee=person)
    with pytest.raises(RuntimeError), transaction.atomic():
        case_services.record_update(record=person, changes={"priority": "high"})
        raise RuntimeError
    assert changes_of(other_caseworker) == []


@committed
def test_accepting_a_draft_notifies_watchers(reviewer, caseworker):
    person = DetaineeFactory(full_name="Ivor Quill")
    WatchFactory(user=caseworker, detainee=person)
    draft = DraftFactory(name="Ivor Quill")
    DraftFactFactory(draft=draft, kind=FactKind.NAME, value={"name": "Ivor Quill"}, position=0)
    DraftFactFactory(
        draft=draft, kind=FactKind.STATUS, value={"status": DetaineeStatus.CONVICTED}, position=1
    )
    ingest_services.draft_accept(draft=draft, user=reviewer, merge_into=person.pk)
    (note,) = changes_of(caseworker)
    assert note.actor == reviewer and note.detainee == person


@committed
def test_a_watcher_who_can_no_longer_see_the_person_is_not_told(
    caseworker, other_caseworker, admin_user
):
    person = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    WatchFactory(user=caseworker, detainee=person)
    person._history_user = admin_user
    case_services.record_update(record=person, changes={"priority": "high"})
    assert changes_of(caseworker) == []


def test_watching_needs_sight_of_the_person(caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    with pytest.raises(type(hidden).DoesNotExist):
        reminders.watch_set(user=caseworker, detainee=hidden, watching=True)


@pytest.fixture
def busy_caseworker(caseworker):
    overdue = DetaineeFactory(full_name="Overdue Person", assigned_caseworker=caseworker)
    ConsularVisitFactory(detainee=overdue, visited_on=TODAY - dt.timedelta(days=120))
    fine = DetaineeFactory(full_name="Recently Seen", assigned_caseworker=caseworker)
    ConsularVisitFactory(detainee=fine, visited_on=TODAY - dt.timedelta(days=5))
    TaskFactory(
        detainee=fine,
        assignee=caseworker,
        title="Appeal filing",
        due_on=TODAY + dt.timedelta(days=2),
    )
    TaskFactory(
        detainee=fine, assignee=caseworker, title="Far away", due_on=TODAY + dt.timedelta(days=60)
    )
    return caseworker


def test_the_daily_digest_lists_overdue_visits_and_tasks_due_and_goes_once(
    busy_caseworker, other_caseworker
):
    with time_machine.travel(dt.datetime(2026, 6, 30, 7, tzinfo=dt.UTC)):
        assert send_daily_digests.delay().get() == 1
        assert send_daily_digests.delay().get() == 0  # a second run sends nothing
    (message,) = mail.outbox
    assert message.to == [busy_caseworker.email]
    assert "Overdue Person" in message.body and "Appeal filing" in message.body
    assert "Recently Seen" not in message.body.split("Tasks")[0]
    assert "Far away" not in message.body
    assert Notification.objects.get(user=busy_caseworker, kind=NotificationKind.DIGEST)
    with time_machine.travel(dt.datetime(2026, 7, 1, 7, tzinfo=dt.UTC)):
        assert reminders.digests_send() == 1


def test_the_digest_is_on_celery_beat_and_mail_goes_to_the_console_by_default():
    schedule = settings.CELERY_BEAT_SCHEDULE["casework-daily-digests"]
    assert schedule["task"] == send_daily_digests.name
    assert schedule["schedule"].hour == {settings.DIGEST_HOUR}
    assert settings.EMAIL_BACKEND.endswith(
        "console.EmailBackend"
    ) or settings.EMAIL_BACKEND.endswith("locmem.EmailBackend")


def test_the_calendar_has_hearings_tasks_and_due_visits(busy_caseworker, other_caseworker):
    person = DetaineeFactory(assigned_caseworker=busy_caseworker)
    TaskFactory(
        detainee=person,
        assignee=busy_caseworker,
        kind=TaskKind.EXTRADITION_HEARING,
        title="Extradition hearing",
        due_on=dt.date(2026, 7, 9),
    )
    TaskFactory(detainee=person, assignee=other_caseworker, title="Not mine")
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    TaskFactory(detainee=hidden, assignee=busy_caseworker, title="Hidden task")
    with time_machine.travel(dt.datetime(2026, 6, 30, 7, tzinfo=dt.UTC)):
        feed = Calendar.from_ical(calendar_build(user=busy_caseworker))
    events = {str(e["summary"]): e for e in feed.walk("VEVENT")}
    summaries = " | ".join(events)
    assert "Extradition hearing" in summaries and "Appeal filing" in summaries
    assert "Not mine" not in summaries and "Hidden task" not in summaries
    hearing = next(e for s, e in events.items() if "Extradition hearing" in s)
    assert hearing.decoded("dtstart") == dt.date(2026, 7, 9)
    assert "Hearing" in str(hearing["categories"].cats[0])
    overdue = next(e for s, e in events.items() if "Overdue Person" in s)
    assert "Visit overdue" in str(overdue["summary"])
    assert overdue.decoded("dtstart") == TODAY


def test_resetting_the_feed_address_retires_the_old_one(caseworker):
    old = reminders.calendar_feed_for(user=caseworker).token
    assert reminders.calendar_owner(old) == caseworker
    new = reminders.calendar_feed_reset(user=caseworker).token
    assert new != old and len(new) >= 32
    assert reminders.calendar_owner(old) is None
    assert reminders.calendar_owner(new) == caseworker
    caseworker.is_active = False
    caseworker.save()
    assert reminders.calendar_owner(new) is None


def test_notifications_are_marked_read(caseworker):
    person = DetaineeFactory()
    for _ in range(2):
        reminders.notify(
            user=caseworker,
            kind=NotificationKind.TASK,
            params={"person": "x", "title": "Call the lawyer", "due": "2026-07-01"},
            detainee=person,
        )
    assert reminders.notifications_mark_read(user=caseworker) == 2
    assert not Notification.objects.for_user(caseworker).unread().exists()


def test_a_task_assigned_to_someone_else_tells_them(
    caseworker, other_caseworker, django_capture_on_commit_callbacks
):
    person = DetaineeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.task_create(
            user=caseworker,
            detainee=person,
            kind=TaskKind.COURT_HEARING,
            title="Hearing",
            due_on=TODAY,
            assignee=other_caseworker,
        )
    assert Notification.objects.get(user=other_caseworker, kind=NotificationKind.TASK)
