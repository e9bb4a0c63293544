"""A user's hearings, tasks and due visits as an iCalendar feed (RFC 5545), for Outlook,
Google Calendar and the like to subscribe to. Every event lasts the whole day it is due."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Detainee

from .cadence import detainee_cadences
from .constants import HEARING_KINDS, TaskKind
from .models import Task

if TYPE_CHECKING:
    from icalendar import Event

PRODUCT_ID = "-//Detainee case tracker//Casework calendar//EN"


def _event(*, uid: str, day: dt.date, summary: str, description: str, category: str) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{uid}@{settings.CALENDAR_UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("categories", [category])
    event.add("transp", "TRANSPARENT")
    return event


def _summary(task: Task) -> str:
    summary = f"{task.get_kind_display()}: {task.detainee}"
    # A computed release's title only repeats its kind and date.
    if task.kind != TaskKind.EXPECTED_RELEASE:
        summary += f" — {task.display_title}"
    return summary


def calendar_build(*, user, today: dt.date | None = None) -> bytes:
    """The open tasks assigned to `user` (hearings among them) and the next due visit of
    each held detainee they hold, of what they may see."""
    from icalendar import Calendar  # only where a feed is built, not in every web worker

    today = today or timezone.localdate()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Casework: %(user)s") % {"user": user.get_username()})
    tasks = (
        Task.objects.visible_to(user)
        .open()
        .assigned_to(user)
        .select_related("detainee")
        .by_due_date()
    )
    for task in tasks:
        hearing = task.kind in HEARING_KINDS
        calendar.add_component(
            _event(
                uid=f"task-{task.pk}",
                day=task.due_on,
                summary=_summary(task),
                description="\n".join(p for p in (task.display_computed_from, task.notes) if p),
                category=_("Hearing") if hearing else _("Task"),
            )
        )
    mine = Detainee.objects.visible_to(user).filter(assigned_caseworker=user)
    for cadence in detainee_cadences(mine, today=today):
        day = max(cadence.next_due_on, today) if cadence.is_overdue else cadence.next_due_on
        summary = (
            _("Visit overdue: %(person)s") if cadence.is_overdue else _("Visit due: %(person)s")
        ) % {"person": cadence.detainee}
        calendar.add_component(
            _event(
                uid=f"visit-due-{cadence.detainee.pk}",
                day=day,
                summary=summary,
                description=_("Next visit due %(due)s (%(state)s).")
                % {"due": cadence.next_due_on.isoformat(), "state": cadence.state_label},
                category=_("Visit"),
            )
        )
    return calendar.to_ical()
