"""Writes of casework: tasks and their states, handovers, health and welfare flags. Each
validates, writes in one transaction and tells the people concerned after commit."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cases import services as case_services
from cases.errors import Conflict, DomainError, NotPermitted
from cases.models import Case, Detainee, Sentence
from consular.models import ConsularVisit

from . import reminders
from .constants import TASK_TRANSITIONS, TaskKind, TaskState
from .models import Assignment, Task, WelfareFlag
from .releases import expected_release_compute

User = get_user_model()

ASSIGN_PERMISSION = "cases.restrict_detainee"
WORK_PERMISSION = "casework.change_task"


def _can_work_on(user, detainee: Detainee) -> bool:
    """A user who may hold a task or a case about `detainee`: an active account with a
    caseworker's role that sees the person."""
    return bool(
        user.is_active
        and user.has_perm(WORK_PERMISSION)
        and Detainee.objects.visible_to(user).filter(pk=detainee.pk).exists()
    )


def _check_assignee(assignee, detainee: Detainee, *, field: str) -> None:
    if assignee is not None and not _can_work_on(assignee, detainee):
        raise DomainError(
            _(
                "%(user)s cannot take work on %(person)s: they need a caseworker's role and "
                "access to the case."
            )
            % {"user": assignee, "person": detainee},
            field=field,
        )


# --- Tasks -------------------------------------------------------------------------------


@transaction.atomic
def task_create(
    *,
    user,
    detainee: Detainee,
    kind: str,
    title: str,
    due_on: dt.date,
    case: Case | None = None,
    visit: ConsularVisit | None = None,
    assignee=None,
    notes: str = "",
    computed_from: str = "",
    computed: dict | None = None,
    sentence: Sentence | None = None,
) -> Task:
    """A new open task. Without an assignee it goes to whoever holds the case."""
    title = " ".join((title or "").split())
    if not title:
        raise DomainError(_("Give the task a title."), field="title")
    if kind not in TaskKind.values:
        raise DomainError(_("Choose a kind of task."), field="kind")
    if due_on is None:
        raise DomainError(_("Give the date the task is due."), field="due_on")
    if case is not None and case.detainee_id != detainee.pk:
        raise DomainError(_("That case is about someone else."), field="case")
    if visit is not None and visit.detainee_id != detainee.pk:
        raise DomainError(_("That visit was to someone else."), field="visit")
    if assignee is None:
        assignee = detainee.assigned_caseworker
    _check_assignee(assignee, detainee, field="assignee")
    task = Task.objects.create(
        detainee=detainee,
        case=case,
        visit=visit,
        sentence=sentence,
        kind=kind,
        title=title,
        due_on=due_on,
        assignee=assignee,
        notes=notes,
        computed_from=computed_from,
        computed=computed or {},
        created_by=user,
    )
    if assignee is not None and assignee != user:
        transaction.on_commit(partial(reminders.task_assigned_notify, task_id=task.pk, actor=user))
    return task


@transaction.atomic
def task_update(*, task: Task, user, changes: dict, expected_version: int | None = None) -> Task:
    """Edits a task's title, due date, assignee or notes (its state moves by
    `task_transition`)."""
    allowed = {"title", "due_on", "assignee", "notes", "case"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(_("These cannot be changed here: %s.") % ", ".join(sorted(unknown)))
    if "title" in changes:
        changes = {**changes, "title": " ".join((changes["title"] or "").split())}
        if not changes["title"]:
            raise DomainError(_("Give the task a title."), field="title")
    if changes.get("case") is not None and changes["case"].detainee_id != task.detainee_id:
        raise DomainError(_("That case is about someone else."), field="case")
    before = task.assignee_id
    if "assignee" in changes:
        _check_assignee(changes["assignee"], task.detainee, field="assignee")
    case_services.record_update(record=task, changes=changes, expected_version=expected_version)
    if task.assignee_id and task.assignee_id != before and task.assignee_id != user.pk:
        transaction.on_commit(partial(reminders.task_assigned_notify, task_id=task.pk, actor=user))
    return task


@transaction.atomic
def task_transition(
    *, task: Task, user, to_state: str, expected_version: int | None = None
) -> Task:
    """Marks a task done or cancelled, or reopens it."""
    current = case_services.record_lock(record=task, expected_version=expected_version)
    if to_state not in TaskState.values:
        raise DomainError(_("Choose open, done or cancelled."), field="state")
    if to_state not in TASK_TRANSITIONS.get(current.state, ()):
        raise Conflict(
            _("A task that is %(state)s cannot become %(to)s.")
            % {
                "state": current.get_state_display().lower(),
                "to": TaskState(to_state).label.lower(),
            },
            field="state",
        )
    closed_at = None if to_state == TaskState.OPEN else timezone.now()
    case_services.record_update(record=task, changes={"state": to_state, "closed_at": closed_at})
    return task


@transaction.atomic
def expected_release_task_sync(*, sentence: Sentence, user) -> Task:
    """The expected-release task of a sentence, computed from its start, term and credit
    for time served: created, or brought up to date when the sentence changed."""
    computed = expected_release_compute(sentence)
    if computed is None:
        raise DomainError(
            _(
                "The release date cannot be computed: the sentence needs a start date and a "
                "term (a life sentence has none)."
            ),
            field="sentence",
        )
    detainee = sentence.case.detainee
    # Kept in English with the values they are worded from: each reader sees their language.
    title, explanation = computed.stored()
    existing = Task.objects.select_for_update().filter(sentence=sentence).first()
    if existing is None:
        return task_create(
            user=user,
            detainee=detainee,
            case=sentence.case,
            sentence=sentence,
            kind=TaskKind.EXPECTED_RELEASE,
            title=title,
            due_on=computed.released.value,
            computed_from=explanation,
            computed=computed.as_values(),
        )
    changes = {
        "due_on": computed.released.value,
        "title": title,
        "computed_from": explanation,
        "computed": computed.as_values(),
    }
    case_services.record_update(record=existing, changes=changes)
    return existing


FOLLOW_UP_DAYS = 14


def follow_up_task_create(*, visit: ConsularVisit, user, due_on: dt.date | None = None) -> Task:
    """The follow-up actions written on a visit, as a task due in two weeks unless told."""
    text = " ".join((visit.follow_up or "").split())
    if not text:
        raise DomainError(_("This visit lists no follow-up actions."), field="visit")
    if len(text) > 200:
        text = text[:199] + "…"
    return task_create(
        user=user,
        detainee=visit.detainee,
        visit=visit,
        kind=TaskKind.FOLLOW_UP,
        title=text,
        due_on=due_on or timezone.localdate() + dt.timedelta(days=FOLLOW_UP_DAYS),
    )


# --- Assignment --------------------------------------------------------------------------


def may_hand_over(user, detainee: Detainee) -> bool:
    return user.has_perm(ASSIGN_PERMISSION) or (
        detainee.assigned_caseworker_id is not None and detainee.assigned_caseworker_id == user.pk
    )


@transaction.atomic
def detainee_assign(*, detainee: Detainee, to, user, note: str = "") -> Assignment:
    """Hands a detainee's case to `to` (None: to nobody), with a note. Administrators
    assign any case; a caseworker hands over a case they hold. The previous holder's
    period ends now and the new one's begins, so the history shows who held it when."""
    detainee = case_services.record_lock(record=detainee)
    if not may_hand_over(user, detainee):
        raise NotPermitted(
            _("Only administrators and the caseworker who holds a case hand it over."),
            field="caseworker",
        )
    if to is not None and not (to.is_active and to.has_perm(WORK_PERMISSION)):
        # Sight of the case comes with it: a restricted case is seen by its holder.
        raise DomainError(
            _("%(user)s cannot hold a case: they need a caseworker's role.") % {"user": to},
            field="caseworker",
        )
    if to is None and detainee.is_restricted:
        raise DomainError(
            _(
                "A restricted case needs an assigned caseworker: only they and administrators "
                "see it."
            ),
            field="caseworker",
        )
    if (to.pk if to else None) == detainee.assigned_caseworker_id:
        raise Conflict(_("The case is already held by them."), field="caseworker")
    # Stored in English, as every change reason is, whoever reads.
    detainee._change_reason = gettext_noop("Handed over")
    detainee._history_user = user
    # The period itself is recorded by the one path every change of holder takes.
    case_services.record_update(record=detainee, changes={"assigned_caseworker": to})
    assignment = Assignment.objects.filter(detainee=detainee).current().get()
    note = (note or "").strip()
    if note:
        assignment.note = note
        assignment.save(update_fields=["note"])
    if to is not None and to != user:
        transaction.on_commit(partial(reminders.assigned_notify, assignment_id=assignment.pk))
    return assignment


def assignment_history(detainee: Detainee) -> list[Assignment]:
    """Who held the case from when to when, oldest first; the current holder last."""
    return list(
        Assignment.objects.filter(detainee=detainee).select_related("caseworker", "assigned_by")
    )


# --- Health and welfare flag -------------------------------------------------------------


@transaction.atomic
def welfare_flag_set(*, detainee: Detainee, user, flagged: bool, reason: str = "") -> bool:
    """Raises or lifts the health or welfare flag, which brings the stricter cadence rules
    into play. Answers whether the flag is now raised."""
    if not user.has_perm("casework.add_welfareflag"):
        raise NotPermitted(_("Your role cannot flag a detainee."))
    existing = WelfareFlag.objects.select_for_update().filter(detainee=detainee).first()
    if flagged and existing is None:
        WelfareFlag.objects.create(detainee=detainee, reason=reason.strip(), raised_by=user)
    elif flagged:
        existing.reason = reason.strip()
        existing.save(update_fields=["reason"])
    elif existing is not None:
        existing._history_user = user
        existing.delete()
    return flagged
