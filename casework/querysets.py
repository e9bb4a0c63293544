import datetime as dt

from django.db import models
from django.db.models import Q

from cases.querysets import of_visible_detainees


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TaskQuerySet":
        """Tasks about detainees `user` may see: the one door for every read."""
        return of_visible_detainees(self, user, "detainee")

    def open(self) -> "TaskQuerySet":
        from .constants import TaskState

        return self.filter(state=TaskState.OPEN)

    def assigned_to(self, user) -> "TaskQuerySet":
        return self.filter(assignee=user)

    def due_by(self, day: dt.date) -> "TaskQuerySet":
        return self.filter(due_on__lte=day)

    def by_due_date(self) -> "TaskQuerySet":
        return self.order_by("due_on", "id")


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AssignmentQuerySet":
        return of_visible_detainees(self, user, "detainee")

    def current(self) -> "AssignmentQuerySet":
        return self.filter(ended_at__isnull=True)

    def held_by(self, user) -> "AssignmentQuerySet":
        return self.filter(Q(caseworker=user))


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> "NotificationQuerySet":
        """A user's own inbox; notices about a detainee they may no longer see are left out."""
        if not user or not user.is_authenticated:
            return self.none()
        return of_visible_detainees(self.filter(user=user), user, "detainee", or_none=True)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)
