"""Telling people what needs them: in-app notifications, watching a detainee, the daily
digest by email and the calendar feed.

Watching works from the change history: every accepted change to the record (a caseworker's
edit in the pages, the API or the admin, a reviewer accepting a draft) writes history rows;
those of one transaction become one notification per watcher once it commits."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Model
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.signals import post_create_historical_record

from cases.models import Detainee
from languages.preferences import language_of

from . import notices
from .cadence import Cadence, detainee_cadences
from .constants import NotificationKind
from .models import Assignment, CalendarFeed, Notification, Task, Watch

User = get_user_model()

# Changes to these apps' records are changes to a person's record.
RECORD_APPS = ("cases", "consular")


def notify(*, user, kind: str, params: dict, detainee: Detainee | None = None, actor=None):
    """A notification, kept as the values it is worded from: each reading words it in the
    reader's language of the moment (casework.notices)."""
    return Notification.objects.create(
        user=user,
        kind=kind,
        params=params,
        message=notices.stored_message(kind, params)[:500],
        detainee=detainee,
        actor=actor,
    )


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Marks the user's notifications read (all of them unless `ids` is given)."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def task_assigned_notify(*, task_id: int, actor=None) -> None:
    task = Task.objects.select_related("detainee", "assignee").filter(pk=task_id).first()
    if task is None or task.assignee is None:
        return
    notify(
        user=task.assignee,
        kind=NotificationKind.TASK,
        detainee=task.detainee,
        actor=actor,
        params=notices.task_params(task),
    )


def assigned_notify(*, assignment_id: int) -> None:
    assignment = (
        Assignment.objects.select_related("detainee", "caseworker", "assigned_by")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or assignment.caseworker is None:
        return
    by = assignment.assigned_by
    notify(
        user=assignment.caseworker,
        kind=NotificationKind.ASSIGNED,
        detainee=assignment.detainee,
        actor=by,
        params={
            "by": str(by) if by else "",
            "person": str(assignment.detainee),
            "note": assignment.note,
        },
    )


# --- Watching ----------------------------------------------------------------------------


@transaction.atomic
def watch_set(*, user, detainee: Detainee, watching: bool) -> bool:
    """Starts or stops watching a detainee the user can see."""
    if not Detainee.objects.visible_to(user).filter(pk=detainee.pk).exists():
        raise Detainee.DoesNotExist
    if watching:
        Watch.objects.get_or_create(user=user, detainee=detainee)
    else:
        Watch.objects.filter(user=user, detainee=detainee).delete()
    return watching


def _detainee_id_of(instance: Model, depth: int = 3) -> int | None:
    """The detainee a record is about, following its foreign keys (a citation to its
    charge, the charge to its case, the case to its detainee)."""
    if isinstance(instance, Detainee):
        return instance.pk
    if getattr(instance, "detainee_id", None):
        return instance.detainee_id
    if depth == 0:
        return None
    for f in instance._meta.concrete_fields:
        if not f.many_to_one or f.related_model._meta.app_label not in RECORD_APPS:
            continue
        if getattr(instance, f.attname) is None:
            continue
        try:
            parent = getattr(instance, f.name)
        except f.related_model.DoesNotExist:
            continue
        found = _detainee_id_of(parent, depth - 1)
        if found:
            return found
    return None


@dataclass
class _ChangeBatch:
    """The record changes of one transaction, told to watchers once it commits."""

    changes: list[tuple[Model, int | None]] = field(default_factory=list)

    def __call__(self) -> None:
        if not Watch.objects.exists():
            return  # most changes are watched by nobody: one cheap query
        by_detainee: dict[int, dict] = {}
        for instance, actor_id in self.changes:
            detainee_id = _detainee_id_of(instance)
            if detainee_id is None:
                continue
            entry = by_detainee.setdefault(detainee_id, {"what": set(), "actor": actor_id})
            # Kept by label: named in each reader's language when read.
            entry["what"].add(instance._meta.label_lower)
            entry["actor"] = entry["actor"] or actor_id
        if not by_detainee:
            return
        watches = Watch.objects.filter(detainee_id__in=by_detainee).select_related(
            "user", "detainee"
        )
        for watch in watches:
            entry = by_detainee[watch.detainee_id]
            if entry["actor"] == watch.user_id:
                continue  # nobody needs telling of their own change
            if not Detainee.objects.visible_to(watch.user).filter(pk=watch.detainee_id).exists():
                continue
            actor = User.objects.filter(pk=entry["actor"]).first() if entry["actor"] else None
            notify(
                user=watch.user,
                kind=NotificationKind.CHANGE,
                detainee=watch.detainee,
                actor=actor,
                params={
                    "person": str(watch.detainee),
                    "what": sorted(entry["what"]),
                    "who": actor.get_username() if actor else "",
                },
            )


def _batch_of_this_transaction() -> _ChangeBatch:
    connection = transaction.get_connection()
    # The batch waits among the connection's after-commit callbacks; a rollback discards
    # it with them, so changes that did not happen are never told.
    for _sids, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _ChangeBatch):
            return callback
    batch = _ChangeBatch()
    transaction.on_commit(batch)
    return batch


@receiver(post_create_historical_record, dispatch_uid="casework.reminders.watched_change")
def _note_watched_change(sender, instance, history_instance, **kwargs) -> None:
    if instance._meta.app_label not in RECORD_APPS:
        return
    if not transaction.get_connection().in_atomic_block:
        _ChangeBatch([(instance, history_instance.history_user_id)])()
        return
    _batch_of_this_transaction().changes.append((instance, history_instance.history_user_id))


# --- Daily digest ------------------------------------------------------------------------


@dataclass
class Digest:
    user: object
    today: dt.date
    visits: list[Cadence]
    tasks: list[Task]
    unread: int

    def __bool__(self) -> bool:
        return bool(self.visits or self.tasks)


def digest_for(*, user, today: dt.date) -> Digest:
    """A caseworker's day: their detainees overdue or due soon for a visit, their open
    tasks due within the digest horizon (or late), and their unread notifications."""
    horizon = today + dt.timedelta(days=settings.DIGEST_HORIZON_DAYS)
    mine = Detainee.objects.visible_to(user).filter(assigned_caseworker=user)
    visits = [
        c for c in detainee_cadences(mine, today=today) if c.is_overdue or c.next_due_on <= horizon
    ]
    tasks = list(
        Task.objects.visible_to(user)
        .open()
        .assigned_to(user)
        .due_by(horizon)
        .select_related("detainee")
        .by_due_date()
    )
    unread = Notification.objects.for_user(user).unread().count()
    return Digest(user=user, today=today, visits=visits, tasks=tasks, unread=unread)


def digest_send(*, user, today: dt.date) -> bool:
    """Emails one caseworker their digest, at most once a day; an empty day sends nothing.
    Answers whether a message went out."""
    with transaction.atomic():
        # Locking the user makes two runs of the same day send one message.
        User.objects.select_for_update().filter(pk=user.pk).first()
        sent_today = Notification.objects.filter(
            user=user, kind=NotificationKind.DIGEST, created_at__date=today
        ).exists()
        if sent_today or not user.email:
            return False
        digest = digest_for(user=user, today=today)
        if not digest:
            return False
        # The digest is sent from a scheduled task: it speaks the caseworker's language.
        with translation.override(language_of(user)):
            subject = _("Your casework for %(day)s: %(visits)d visits, %(tasks)d tasks") % {
                "day": today.isoformat(),
                "visits": len(digest.visits),
                "tasks": len(digest.tasks),
            }
            body = render_to_string(
                "casework/email/digest.txt", {"digest": digest, "site": settings.SITE_URL}
            )
        notify(
            user=user,
            kind=NotificationKind.DIGEST,
            params={
                "day": today.isoformat(),
                "visits": len(digest.visits),
                "tasks": len(digest.tasks),
            },
        )
        send_mail(subject, body, None, [user.email])
    return True


def caseworkers():
    """Active users who hold casework (tasks, cases)."""
    users = User.objects.filter(is_active=True).order_by("pk")
    return [u for u in users if u.has_perm("casework.change_task")]


def digests_send(*, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    return sum(digest_send(user=user, today=today) for user in caseworkers())


# --- Calendar feed -----------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def calendar_feed_for(*, user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": _new_token()})
    return feed


@transaction.atomic
def calendar_feed_reset(*, user) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed = calendar_feed_for(user=user)
    feed.token = _new_token()
    feed.save(update_fields=["token", "created_at"])
    return feed


def calendar_owner(token: str):
    """The active user whose feed address this is, or None."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    return feed.user if feed else None
