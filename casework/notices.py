"""The words of a notification, from its kind and the values it keeps (`Notification.params`),
in the reader's language: a notification reads in the language its reader has now, not the
one they had when it was written. The `message` column keeps the English wording."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext as _

from .constants import NotificationKind
from .releases import STORED_LANGUAGE, worded


def _model_name(label: str) -> str:
    """A record's kind ("cases.charge") by its name in the active language."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def _task(params: dict) -> str:
    title, _explanation = worded(params.get("title", ""), "", params.get("computed"))
    return _("%(person)s: %(task)s, due %(due)s, is yours.") % {
        "person": params.get("person", ""),
        "task": title,
        "due": params.get("due", ""),
    }


def _assigned(params: dict) -> str:
    message = _("%(by)s handed %(person)s's case to you.") % {
        "by": params.get("by") or _("Someone"),
        "person": params.get("person", ""),
    }
    if params.get("note"):
        message += " " + _("Note: %(note)s") % {"note": params["note"]}
    return message


def _change(params: dict) -> str:
    names = sorted({_model_name(label) for label in params.get("what", [])})
    return _("%(person)s: %(what)s changed by %(who)s.") % {
        "person": params.get("person", ""),
        "what": ", ".join(names),
        "who": params.get("who") or _("the system"),
    }


def _digest(params: dict) -> str:
    return _("Your casework for %(day)s: %(visits)d visits, %(tasks)d tasks") % {
        "day": params.get("day", ""),
        "visits": int(params.get("visits", 0)),
        "tasks": int(params.get("tasks", 0)),
    }


WORDING = {
    NotificationKind.TASK: _task,
    NotificationKind.ASSIGNED: _assigned,
    NotificationKind.CHANGE: _change,
    NotificationKind.DIGEST: _digest,
}


def notice_text(kind: str, params: dict | None, message: str = "") -> str:
    """The notification in the active language; a notification without values (none is
    written so now) is shown as stored."""
    wording = WORDING.get(kind)
    if not params or wording is None:
        return message
    return wording(params)


def stored_message(kind: str, params: dict) -> str:
    with translation.override(STORED_LANGUAGE):
        return notice_text(kind, params)


def task_params(task) -> dict:
    return {
        "person": str(task.detainee),
        "title": task.title,
        "computed": task.computed or None,
        "due": task.due_on.isoformat() if isinstance(task.due_on, dt.date) else "",
    }
