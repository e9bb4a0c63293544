"""The words of a notification, from its kind and the values it keeps (`Notification.params`),
in the reader's language: a notification reads in the language its reader has now, not the
one they had when it was written. The `message` column keeps the English wording."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

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


# Each kind's English words, as `message` keeps them: a notification written before
# notifications kept their values (and that a data migration could not match to a task or a
# record kind) is read back from them, so it is worded in the reader's language all the same.
ENGLISH = {
    NotificationKind.TASK: "%(person)s: %(task)s, due %(due)s, is yours.",
    NotificationKind.ASSIGNED: "%(by)s handed %(person)s's case to you.",
    NotificationKind.CHANGE: "%(person)s: %(what)s changed by %(who)s.",
    NotificationKind.DIGEST: "Your casework for %(day)s: %(visits)d visits, %(tasks)d tasks",
}
_NOBODY = ("Someone", "the system")


@cache
def _english_pattern(kind: str) -> re.Pattern | None:
    template = ENGLISH.get(kind)
    if template is None:
        return None
    parts = re.split(r"%\((\w+)\)([sd])", template)
    regex = re.escape(parts[0])
    for i in range(1, len(parts), 3):
        name, conversion = parts[i], parts[i + 1]
        regex += rf"(?P<{name}>\d+)" if conversion == "d" else rf"(?P<{name}>.*?)"
        regex += re.escape(parts[i + 2])
    if kind == NotificationKind.ASSIGNED:
        regex += r"(?: Note: (?P<note>.*))?"
    return re.compile(regex, re.S)


@cache
def _english_record_names() -> dict[str, str]:
    names = {}
    for app in ("cases", "consular"):
        for model in apps.get_app_config(app).get_models():
            with translation.override(STORED_LANGUAGE):
                names[str(model._meta.verbose_name)] = model._meta.label_lower
    return names


def read_back(kind: str, message: str) -> dict:
    """The values of a notification kept only as English words; {} when they do not read
    as that kind's words. A task's title and a record kind the words do not name are kept
    as written."""
    pattern = _english_pattern(kind)
    found = pattern.fullmatch(message) if pattern is not None else None
    if found is None:
        return {}
    values = found.groupdict()
    if kind == NotificationKind.TASK:
        return {"person": values["person"], "title": values["task"], "due": values["due"]}
    if kind == NotificationKind.ASSIGNED:
        by = "" if values["by"] in _NOBODY else values["by"]
        return {"by": by, "person": values["person"], "note": values.get("note") or ""}
    if kind == NotificationKind.CHANGE:
        names = _english_record_names()
        what = [names.get(name.strip(), name.strip()) for name in values["what"].split(",")]
        who = "" if values["who"] in _NOBODY else values["who"]
        return {"person": values["person"], "what": sorted(set(what)), "who": who}
    return {"day": values["day"], "visits": int(values["visits"]), "tasks": int(values["tasks"])}


def notice_text(kind: str, params: dict | None, message: str = "") -> str:
    """The notification in the active language. One without values (none is written so now)
    is read back from its English words; words that do not read back are shown as stored."""
    wording = WORDING.get(kind)
    if wording is None:
        return message
    if not params:
        params = read_back(kind, message)
        if not params:
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
