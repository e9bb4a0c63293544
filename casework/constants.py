from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskKind(models.TextChoices):
    COURT_HEARING = "hearing", _("Court hearing")
    APPEAL_DEADLINE = "appeal", _("Appeal deadline")
    EXPECTED_RELEASE = "release", _("Expected release")
    EXTRADITION_HEARING = "extradition", _("Extradition hearing")
    FOLLOW_UP = "follow_up", _("Follow-up from a visit")
    OTHER = "other", _("Other")


# Kinds that are dates in a court's calendar: the calendar feed shows them as hearings.
HEARING_KINDS = (TaskKind.COURT_HEARING, TaskKind.EXTRADITION_HEARING)


class TaskState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# Which state a task may move to from which: a closed task is reopened before it changes.
TASK_TRANSITIONS = {
    TaskState.OPEN: (TaskState.DONE, TaskState.CANCELLED),
    TaskState.DONE: (TaskState.OPEN,),
    TaskState.CANCELLED: (TaskState.OPEN,),
}


class CadenceState(models.TextChoices):
    ON_TIME = "on_time", _("On time")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    NEVER_VISITED = "never_visited", _("Never visited")


class NotificationKind(models.TextChoices):
    CHANGE = "change", _("Change to a watched detainee")
    ASSIGNED = "assigned", _("Case assigned to you")
    TASK = "task", _("Task assigned to you")
    DIGEST = "digest", _("Daily digest")
