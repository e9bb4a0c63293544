"""The casework pages: My work, the overdue list, a detainee's casework (cadence, tasks,
handovers, watching) and the calendar feed. Reads start from `visible_to(user)`; writes go
through the services."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cases.errors import DomainError
from cases.models import Detainee, Sentence
from cases.querysets import countries_on_file
from cases.roles import can_view_sensitive
from config.pagination import BoundedCountPaginator
from consular.models import ConsularVisit
from ui.filters import country_choices
from ui.views import role_required

from . import reminders, services
from .cadence import (
    cadence_for,
    cadences_of,
    detainee_cadences,
    overdue_queryset,
    page_rows,
    ranked_ids,
)
from .calendar_feed import calendar_build
from .constants import TaskState
from .forms import HandoverForm, OverdueFilterForm, TaskForm, WelfareFlagForm
from .models import Notification, Task, Watch, WelfareFlag
from .releases import expected_release_compute

PAGE_SIZE = 25


def _can_work(user) -> bool:
    return user.has_perm(services.WORK_PERMISSION)


def _require_work(user) -> None:
    if not _can_work(user):
        raise PermissionDenied(_("Your role can read casework but not change it."))


# --- My work -------------------------------------------------------------------------------


@role_required
def my_work(request):
    user = request.user
    today = timezone.localdate()
    mine = Detainee.objects.visible_to(user).filter(assigned_caseworker=user)
    cadences = detainee_cadences(mine, today=today)
    tasks = (
        Task.objects.visible_to(user)
        .open()
        .assigned_to(user)
        .select_related("detainee")
        .by_due_date()
    )
    notifications = Notification.objects.for_user(user).select_related("detainee")[:20]
    feed = reminders.calendar_feed_for(user=user) if _can_work(user) else None
    context = {
        "today": today,
        "cadences": cadences,
        "overdue": [c for c in cadences if c.is_overdue],
        "tasks": tasks,
        "notifications": notifications,
        "unread": Notification.objects.for_user(user).unread().count(),
        "feed_url": request.build_absolute_uri(reverse("casework:calendar", args=[feed.token]))
        if feed
        else None,
    }
    return render(request, "casework/my_work.html", context)


@require_POST
@role_required
def notifications_read(request):
    reminders.notifications_mark_read(user=request.user)
    messages.success(request, _("All notifications marked read."))
    return redirect("casework:my_work")


@require_POST
@role_required
def calendar_reset(request):
    _require_work(request.user)
    reminders.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect(f"{reverse('casework:my_work')}#calendar")


@require_GET
def calendar(request, token: str):
    """The feed itself: no sign-in (calendar programs cannot); the secret address is the
    key. An unknown or reset address is a plain 404."""
    user = reminders.calendar_owner(token)
    if user is None or not user.has_perm("cases.view_detainee"):
        raise Http404
    response = HttpResponse(calendar_build(user=user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="casework.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


# --- Overdue list --------------------------------------------------------------------------


@role_required
def overdue(request):
    visible = Detainee.objects.visible_to(request.user)
    held_in = country_choices(countries_on_file(request.user, "detaining_country", held=True))
    form = OverdueFilterForm(request.GET or None, countries=held_in)
    detainees = visible
    if form.is_bound and form.is_valid():
        if form.cleaned_data["caseworker"]:
            detainees = detainees.filter(assigned_caseworker=form.cleaned_data["caseworker"])
        if form.cleaned_data["country"]:
            detainees = detainees.filter(detaining_country=form.cleaned_data["country"])
    today = timezone.localdate()
    # Ranked, counted and paged by the database; only the page's rows are read. Counted
    # exactly up to EXACT_COUNT_LIMIT people, estimated beyond (the page says "about").
    rows = overdue_queryset(detainees, today=today)
    page = BoundedCountPaginator(ranked_ids(rows), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = cadences_of(page_rows(rows, page.object_list), today=today)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "casework/overdue.html",
        {"form": form, "page": page},
        status=status,
    )


# --- A detainee's casework -----------------------------------------------------------------


def _detainee_for(user, pk: int) -> Detainee:
    return get_object_or_404(
        Detainee.objects.visible_to(user).select_related("assigned_caseworker"), pk=pk
    )


def _render_casework(request, detainee, *, task_form=None, handover_form=None, status=200):
    user = request.user
    can_work = _can_work(user)
    flag = WelfareFlag.objects.filter(detainee=detainee).first()
    sentences = [
        (sentence, expected_release_compute(sentence))
        for sentence in Sentence.objects.filter(case__detainee=detainee).select_related("case")
    ]
    context = {
        "detainee": detainee,
        "cadence": cadence_for(detainee),
        "tasks": Task.objects.filter(detainee=detainee)
        .select_related("assignee", "case")
        .order_by("state", "due_on", "id"),
        "assignments": services.assignment_history(detainee),
        "watching": Watch.objects.filter(user=user, detainee=detainee).exists(),
        "flag": flag,
        "can_view_sensitive": can_view_sensitive(user),
        "sentences": sentences,
        # Visits whose follow-up actions have not become a task yet.
        "follow_ups": ConsularVisit.objects.filter(detainee=detainee)
        .exclude(follow_up="")
        .exclude(pk__in=Task.objects.filter(visit__isnull=False).values("visit"))
        .order_by("-visited_on", "-id")[:10],
        "can_work": can_work,
        "can_hand_over": can_work and services.may_hand_over(user, detainee),
        "task_form": task_form or (TaskForm(detainee=detainee) if can_work else None),
        "handover_form": handover_form or HandoverForm(),
        "flag_form": WelfareFlagForm(
            initial={"flagged": flag is not None, "reason": flag.reason if flag else ""}
        ),
        "task_states": TaskState,
    }
    return render(request, "casework/detainee.html", context, status=status)


@role_required
def detainee_casework(request, pk: int):
    return _render_casework(request, _detainee_for(request.user, pk))


def _back(pk: int, anchor: str):
    return redirect(f"{reverse('casework:detainee', args=[pk])}#{anchor}")


def _detainee_action(
    request, pk: int, action: Callable[[Detainee], str], *, anchor: str, needs_work: bool = True
) -> HttpResponse:
    """What every button of a detainee's casework page does: checks the role (a
    caseworker's, unless `needs_work` is False) and that the user sees the detainee, runs
    `action(detainee)`, shows the message it answers, or the service's refusal in its own
    words, and goes back to the part of the page at `anchor`."""
    if needs_work:
        _require_work(request.user)
    detainee = _detainee_for(request.user, pk)
    try:
        done = action(detainee)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return _back(pk, anchor)


@require_POST
@role_required
def task_add(request, pk: int):
    _require_work(request.user)
    detainee = _detainee_for(request.user, pk)
    form = TaskForm(request.POST, detainee=detainee)
    if form.is_valid():
        try:
            services.task_create(user=request.user, detainee=detainee, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Task added."))
            return _back(pk, "tasks")
    return _render_casework(request, detainee, task_form=form, status=400)


@require_POST
@role_required
def task_move(request, pk: int, task_id: int):
    def move(detainee):
        task = get_object_or_404(Task.objects.filter(detainee=detainee), pk=task_id)
        to_state = request.POST.get("to", "")
        services.task_transition(task=task, user=request.user, to_state=to_state)
        return _("Task marked %(state)s.") % {"state": task.get_state_display().lower()}

    response = _detainee_action(request, pk, move, anchor="tasks")
    if request.POST.get("next") == "my-work":
        return redirect("casework:my_work")
    return response


@require_POST
@role_required
def release_compute(request, pk: int, sentence_id: int):
    def compute(detainee):
        sentences = Sentence.objects.filter(case__detainee=detainee)
        sentence = get_object_or_404(sentences, pk=sentence_id)
        services.expected_release_task_sync(sentence=sentence, user=request.user)
        return _("Expected release computed and added to the tasks.")

    return _detainee_action(request, pk, compute, anchor="tasks")


@require_POST
@role_required
def follow_up_add(request, pk: int, visit_id: int):
    def add(detainee):
        visit = get_object_or_404(ConsularVisit.objects.filter(detainee=detainee), pk=visit_id)
        services.follow_up_task_create(visit=visit, user=request.user)
        return _("Follow-up added to the tasks.")

    return _detainee_action(request, pk, add, anchor="tasks")


@require_POST
@role_required
def hand_over(request, pk: int):
    _require_work(request.user)
    detainee = _detainee_for(request.user, pk)
    form = HandoverForm(request.POST)
    if form.is_valid():
        try:
            services.detainee_assign(
                detainee=detainee,
                to=form.cleaned_data["caseworker"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except DomainError as exc:
            form.add_error("caseworker" if exc.field == "caseworker" else None, exc.message)
        else:
            messages.success(request, _("Case handed over."))
            if Detainee.objects.visible_to(request.user).filter(pk=pk).exists():
                return _back(pk, "assignment")
            return redirect("casework:my_work")
    return _render_casework(request, detainee, handover_form=form, status=400)


@require_POST
@role_required
def watch(request, pk: int):
    def set_watch(detainee):
        watching = request.POST.get("watching") == "true"
        reminders.watch_set(user=request.user, detainee=detainee, watching=watching)
        if watching:
            return _("You will be notified of every change to this record.")
        return _("You no longer watch this record.")

    # Anyone who reads a record may watch it; changing it is not needed.
    return _detainee_action(request, pk, set_watch, anchor="watch", needs_work=False)


@require_POST
@role_required
def welfare_flag(request, pk: int):
    def flag(detainee):
        form = WelfareFlagForm(request.POST)
        form.is_valid()
        flagged = services.welfare_flag_set(
            detainee=detainee,
            user=request.user,
            flagged=form.cleaned_data.get("flagged", False),
            reason=form.cleaned_data.get("reason", ""),
        )
        if flagged:
            return _("Health or welfare flag raised: the stricter visit rules apply.")
        return _("Health or welfare flag lifted.")

    return _detainee_action(request, pk, flag, anchor="cadence")
