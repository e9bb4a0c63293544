"""Expected-release tasks and notifications written before they kept their values: their
words (English, or Russian when whoever made them read Russian) are read back into values,
so that each reader sees them in their own language. A row whose words cannot be read back
is left as it is, shown as stored."""

import datetime as dt
import re

from django.db import migrations

EXPECTED_RELEASE = "release"
RELEASE_TITLE = re.compile(r"(?:Expected release|Ожидаемое освобождение) \((.*)\)", re.S)
RELEASE_EXPLANATION = re.compile(r"(?:Computed|Рассчитано): .*", re.S)

# Each kind's wording in English and in the Russian of the catalogue when they were written.
WORDINGS = {
    "task": (
        "%(person)s: %(task)s, due %(due)s, is yours.",
        "%(person)s: вам поручена задача «%(task)s», срок — %(due)s.",
    ),
    "assigned": (
        "%(by)s handed %(person)s's case to you.",
        "%(by)s передал(а) вам дело: %(person)s.",
    ),
    "change": (
        "%(person)s: %(what)s changed by %(who)s.",
        "%(person)s: изменено (%(what)s); кем: %(who)s.",
    ),
    "digest": (
        "Your casework for %(day)s: %(visits)d visits, %(tasks)d tasks",
        "Ваша работа на %(day)s: посещений — %(visits)d, задач — %(tasks)d",
    ),
}
NOTES = ("Note: ", "Записка: ")
NOBODY = {"Someone", "Кто-то", "the system", "система"}


def _pattern(template: str, suffix: str = "") -> re.Pattern:
    parts = re.split(r"%\((\w+)\)([sd])", template)
    regex = re.escape(parts[0])
    for i in range(1, len(parts), 3):
        name, kind = parts[i], parts[i + 1]
        regex += rf"(?P<{name}>\d+)" if kind == "d" else rf"(?P<{name}>.+?)"
        regex += re.escape(parts[i + 2])
    return re.compile(regex + suffix, re.S)


def _release(Sentence, sentence_id):
    from cases.partial_dates import PartialDate
    from casework.releases import release_compute

    sentence = Sentence.objects.filter(pk=sentence_id).first()
    if sentence is None or sentence.sentenced_on is None:
        return None
    return release_compute(
        start=PartialDate.of(sentence.sentenced_on, sentence.sentenced_on_precision or "day"),
        term_years=sentence.term_years,
        term_months=sentence.term_months,
        is_life=sentence.is_life,
        credit_days=sentence.time_served_credit_days,
    )


def tasks_forward(apps, schema_editor):
    Task = apps.get_model("casework", "Task")
    Sentence = apps.get_model("cases", "Sentence")
    for task in Task.objects.filter(kind=EXPECTED_RELEASE, sentence__isnull=False):
        if task.computed:
            continue
        release = _release(Sentence, task.sentence_id)
        # Computed from the sentence as it was: a sentence changed since is left to the
        # next computation.
        if release is None or release.released.value != task.due_on:
            continue
        title, explanation = release.stored()
        task.computed = release.as_values()
        if RELEASE_TITLE.fullmatch(task.title):
            task.title = title
        if RELEASE_EXPLANATION.fullmatch(task.computed_from):
            task.computed_from = explanation
        task.save(update_fields=["computed", "title", "computed_from"])


def _record_names():
    """Each record kind's name, in English and Russian, to its label."""
    from django.apps import apps as registry
    from django.utils import translation

    names = {}
    for app in ("cases", "consular"):
        for model in registry.get_app_config(app).get_models():
            for language in ("en", "ru"):
                with translation.override(language):
                    names[str(model._meta.verbose_name)] = model._meta.label_lower
    return names


def _task_values(Task, notification, values):
    params = {"person": values["person"], "title": values["task"], "due": values["due"]}
    if RELEASE_TITLE.fullmatch(values["task"]):
        try:
            due = dt.date.fromisoformat(values["due"])
        except ValueError:
            return None
        task = Task.objects.filter(
            detainee_id=notification.detainee_id, kind=EXPECTED_RELEASE, due_on=due
        ).first()
        if task is None or not task.computed:
            return None
        params.update(title=task.title, computed=task.computed)
    return params


def _read_back(Task, notification, names):
    for template in WORDINGS.get(notification.kind, ()):
        suffix = ""
        if notification.kind == "assigned":
            notes = "|".join(re.escape(n) for n in NOTES)
            suffix = rf"(?: (?:{notes})(?P<note>.*))?"
        match = _pattern(template, suffix).fullmatch(notification.message)
        if not match:
            continue
        values = match.groupdict()
        if notification.kind == "task":
            return _task_values(Task, notification, values)
        if notification.kind == "assigned":
            by = values["by"]
            return {
                "by": "" if by in NOBODY else by,
                "person": values["person"],
                "note": values.get("note") or "",
            }
        if notification.kind == "change":
            labels = [names.get(name.strip()) for name in values["what"].split(",")]
            if not all(labels):
                return None
            who = values["who"]
            return {
                "person": values["person"],
                "what": sorted(set(labels)),
                "who": "" if who in NOBODY else who,
            }
        return {
            "day": values["day"],
            "visits": int(values["visits"]),
            "tasks": int(values["tasks"]),
        }
    return None


def notifications_forward(apps, schema_editor):
    from casework.notices import stored_message

    Notification = apps.get_model("casework", "Notification")
    Task = apps.get_model("casework", "Task")
    names = _record_names()
    for notification in Notification.objects.iterator():
        if notification.params:
            continue
        params = _read_back(Task, notification, names)
        if params is None:
            continue
        notification.params = params
        notification.message = stored_message(notification.kind, params)[:500]
        notification.save(update_fields=["params", "message"])


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_computed_tasks_and_notification_values"),
        ("cases", "0015_name_search_trigram_indexes"),
    ]

    operations = [
        migrations.RunPython(tasks_forward, migrations.RunPython.noop),
        migrations.RunPython(notifications_forward, migrations.RunPython.noop),
    ]
