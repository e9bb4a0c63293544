"""What caseworkers do with the record each day: how often each person is visited, the
dated things to do (hearings, appeal deadlines, releases, follow-ups), whose case is whose,
and the reminders that keep them on time."""

from .assignment import Assignment
from .cadence import STRICTEST_RULE_HELP, CadenceRule, WelfareFlag
from .reminders import CalendarFeed, Notification, Watch
from .tasks import Task

__all__ = [
    "STRICTEST_RULE_HELP",
    "Assignment",
    "CadenceRule",
    "CalendarFeed",
    "Notification",
    "Task",
    "Watch",
    "WelfareFlag",
]
