"""The caseworkers' pages. Views stay thin: reads start from `visible_to(user)`, writes go
through the forms' services, and htmx requests get the fragment they asked for."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_countries import countries

from audit import reads
from cases import names
from cases import services as case_services
from cases.constants import HELD_STATUSES, ReportedFact
from cases.errors import DomainError
from cases.models import Case, CustodyPeriod, Detainee
from cases.roles import can_view_sensitive
from casework.cadence import cadences_of, overdue_queryset, page_rows, ranked_ids
from config.pagination import BoundedCountPaginator
from consular.models import ConsularVisit
from figures.services import figures_compared
from stats import services as stats_services
from stats import summaries as stats_summaries

from . import records
from .filters import DetaineeListFilter, sort_detainees, sort_label
from .forms import (
    ChargeForm,
    CustodyPeriodForm,
    DetaineeDetailsForm,
    SentenceForm,
    VisitForm,
    VisitLogForm,
)

PAGE_SIZE = 25
# The visits page shows three lists side by side; each is paged by this many rows.
VISITS_PAGE_SIZE = 10
# How many people the visits page's log form lists at once; the others are found by name.
VISIT_PICKER_SIZE = 50

# What each form on the detainee page writes, and the permission it needs.
RECORD_FORMS = {
    "visit": (VisitForm, "consular.add_consularvisit", _("Log a visit"), _("Visit saved.")),
    "charge": (ChargeForm, "cases.add_charge", _("Add a charge"), _("Charge saved.")),
    "sentence": (
        SentenceForm,
        "cases.add_sentence",
        _("Record a sentence"),
        _("Sentence saved."),
    ),
    "custody": (
        CustodyPeriodForm,
        "cases.add_custodyperiod",
        _("Add a custody period"),
        _("Custody period saved."),
    ),
}


def role_required(view):
    """Signed in and holding a role: anyone else is sent to sign in, or refused."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("cases.view_detainee"):
            raise PermissionDenied(_("Your account has no role in the case tracker yet."))
        return view(request, *args, **kwargs)

    return wrapper


@role_required
def home(request):
    return redirect("ui:detainee_list")


# --- Detainee list --------------------------------------------------------------------


def detainee_list_queryset(user):
    """The list's columns: nationalities, the detaining countries (cases), the current
    facility and the assigned caseworker are read once per page, not once per row."""
    return (
        Detainee.objects.visible_to(user)
        .with_last_visit()
        .select_related("assigned_caseworker")
        .prefetch_related(
            "nationalities",
            Prefetch("cases", queryset=Case.objects.only("id", "detainee_id", "country")),
            Prefetch(
                "custody_periods",
                queryset=CustodyPeriod.objects.filter(ended_on__isnull=True).select_related(
                    "facility"
                ),
                to_attr="current_custody",
            ),
        )
    )


@role_required
def detainee_list(request):
    filterset = DetaineeListFilter(
        request.GET or None, queryset=detainee_list_queryset(request.user), request=request
    )
    sort, searching = "", False
    if filterset.is_bound and filterset.form.is_valid():
        sort = filterset.form.cleaned_data.get("sort") or ""
        searching = bool(names.query_terms(filterset.form.cleaned_data.get("search") or ""))
    if searching and not sort:
        # A name search comes best match first (the filter ranks it), until a column is
        # chosen.
        sort, qs = "match", filterset.qs
    else:
        sort = sort or "name"
        qs = sort_detainees(filterset.qs, sort)
    # Counted exactly up to EXACT_COUNT_LIMIT rows, estimated beyond (the page says which).
    page = BoundedCountPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "exact_limit": settings.EXACT_COUNT_LIMIT,
        "filterset": filterset,
        "form": filterset.form,
        "page": page,
        "sort": sort,
        "sort_label": sort_label(sort),
        "filtered": filterset.active,
        "invalid": filterset.is_bound and not filterset.form.is_valid(),
        "can_add": request.user.has_perm("cases.add_detainee"),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "ui/_detainee_results.html", context)
    return render(request, "ui/detainee_list.html", context)


# --- Detainee page --------------------------------------------------------------------


def _detainee_for(user, pk) -> Detainee:
    """Restricted cases the user may not see are 'not found', not 'forbidden': the page
    does not confirm that such a person is on file."""
    return get_object_or_404(records.detainee_page_queryset(user), pk=pk)


def _forms_for(request, detainee, bound: tuple[str, object] | None = None) -> dict:
    sensitive = can_view_sensitive(request.user)
    forms = {}
    for kind, (form_class, perm, title, _noun) in RECORD_FORMS.items():
        if not request.user.has_perm(perm):
            continue
        if bound and bound[0] == kind:
            form = bound[1]
        else:
            form = form_class(detainee=detainee, can_view_sensitive=sensitive, prefix=kind)
        forms[kind] = {
            "form": form,
            "title": title,
            "action": reverse("ui:detainee_add", args=[detainee.pk, kind]),
            "open": bool(bound and bound[0] == kind),
        }
    return forms


def _details_form(request, detainee, bound: DetaineeDetailsForm | None = None):
    if not request.user.has_perm("cases.change_detainee"):
        return None
    if bound is not None:
        return bound
    return DetaineeDetailsForm(
        instance=detainee, can_view_sensitive=can_view_sensitive(request.user), prefix="details"
    )


def _render_detainee(request, detainee, *, bound=None, details=None, status=200, choice_error=None):
    sensitive = can_view_sensitive(request.user)
    if sensitive:
        # The page shows the welfare notes, next of kin and every visit's observations.
        reads.note(request, [detainee, *detainee.consular_visits.all()])
    context = {
        "can_choose": request.user.has_perm("cases.add_factchoice"),
        "choice_error": choice_error,
        "detainee": detainee,
        "summary": records.summary(detainee),
        "other_names": [
            v
            for v in detainee.name_variants.all()
            if v.name not in (detainee.full_name, detainee.name_original_script)
        ],
        "timeline": records.timeline(detainee, can_view_sensitive=sensitive),
        "history": records.change_history(detainee, can_view_sensitive=sensitive),
        "forms": _forms_for(request, detainee, bound),
        "details_form": _details_form(request, detainee, details),
        "can_view_sensitive": sensitive,
        "visit_interval": settings.CONSULAR_VISIT_INTERVAL_DAYS,
    }
    return render(request, "ui/detainee_detail.html", context, status=status)


@role_required
def detainee_detail(request, pk: int):
    return _render_detainee(request, _detainee_for(request.user, pk))


@require_POST
@role_required
def detainee_add(request, pk: int, kind: str):
    if kind not in RECORD_FORMS:
        raise Http404(_("No such record."))
    form_class, perm, _title, saved = RECORD_FORMS[kind]
    if not request.user.has_perm(perm):
        raise PermissionDenied(_("Your role cannot add this record."))
    detainee = _detainee_for(request.user, pk)
    form = form_class(
        request.POST,
        detainee=detainee,
        can_view_sensitive=can_view_sensitive(request.user),
        prefix=kind,
    )
    if form.is_valid() and form.save() is not None:
        messages.success(request, saved)
        return redirect(f"{reverse('ui:detainee_detail', args=[pk])}#timeline")
    # Re-read: a failed write rolled back, and the page shows the record as it is.
    detainee = _detainee_for(request.user, pk)
    return _render_detainee(request, detainee, bound=(kind, form), status=400)


@require_POST
@role_required
def detainee_edit(request, pk: int):
    """Saves the details form. A form opened before someone else's save is refused (409)
    with the newer values named, and nothing is written."""
    if not request.user.has_perm("cases.change_detainee"):
        raise PermissionDenied(_("Your role cannot change a detainee's details."))
    with transaction.atomic():
        detainee = _detainee_for(request.user, pk)
        form = DetaineeDetailsForm(
            request.POST,
            instance=detainee,
            can_view_sensitive=can_view_sensitive(request.user),
            prefix="details",
        )
        if form.is_valid() and form.save() is not None:
            messages.success(request, _("Details saved."))
            return redirect("ui:detainee_detail", pk=pk)
    stale = any(error.code == "stale" for error in form.non_field_errors().as_data())
    # Re-read: the page shows the record as it is now, beside the form as it was sent.
    detainee = _detainee_for(request.user, pk)
    return _render_detainee(request, detainee, details=form, status=409 if stale else 400)


@require_POST
@role_required
def detainee_choose_fact(request, pk: int):
    """A caseworker settles a disputed fact; an error shows beside the form, with what
    was typed kept."""
    if not request.user.has_perm("cases.add_factchoice"):
        raise PermissionDenied(_("Your role cannot settle disputed facts."))
    detainee = _detainee_for(request.user, pk)
    fact = request.POST.get("fact", "")
    value, reason = request.POST.get("value", ""), request.POST.get("reason", "")
    subject = {}
    if fact == ReportedFact.SENTENCE_TERM:
        subject["sentence"] = next(
            (
                s
                for c in detainee.cases.all()
                for s in c.sentences.all()
                if str(s.pk) == request.POST.get("sentence")
            ),
            None,
        )
    if fact == ReportedFact.EXTRADITION_STATUS:
        subject["extradition"] = next(
            (
                e
                for e in detainee.extraditions.all()
                if str(e.pk) == request.POST.get("extradition")
            ),
            None,
        )
    try:
        if fact not in ReportedFact.values or None in subject.values():
            raise DomainError(_("There is no such fact on this record."), field="fact")
        case_services.fact_choose(
            detainee=detainee,
            fact=fact,
            value=value,
            reason=reason,
            user=request.user,
            **subject,
        )
    except DomainError as exc:
        key = fact
        subject_id = next((o.pk for o in subject.values() if o is not None), None)
        if subject_id:
            key = f"{fact}:{subject_id}"
        error = {"key": key, "value": value, "reason": reason, "message": exc.message}
        return _render_detainee(
            request, _detainee_for(request.user, pk), status=400, choice_error=error
        )
    messages.success(request, _("Your choice is recorded, with your reason."))
    return redirect(f"{reverse('ui:detainee_detail', args=[pk])}#disputes")


# --- Visits ---------------------------------------------------------------------------


@role_required
def visits(request):
    user = request.user
    today = timezone.localdate()
    visible = Detainee.objects.visible_to(user)
    # The overdue list's own ranking under the cadence rules, done by the database. Overdue
    # and the log each show their detainee (and facility): joined, not per row.
    overdue = overdue_queryset(visible, today=today).prefetch_related(
        Prefetch(
            "custody_periods",
            queryset=CustodyPeriod.objects.filter(ended_on__isnull=True).select_related("facility"),
            to_attr="current_custody",
        )
    )
    visit_qs = ConsularVisit.objects.visible_to(user).select_related("detainee", "facility")
    upcoming = visit_qs.upcoming(today).order_by("visited_on", "id")
    # Planned for a day that has passed, and never recorded as held or not.
    not_recorded = visit_qs.not_recorded(today).order_by("-visited_on", "-id")
    log = visit_qs.log()
    # The overdue list and the log are long at scale: counted exactly up to
    # EXACT_COUNT_LIMIT rows, estimated beyond (the page says "about").
    log_page = BoundedCountPaginator(log, VISITS_PAGE_SIZE).get_page(request.GET.get("page"))
    can_log = user.has_perm("consular.add_consularvisit")
    form = None
    status = 200
    if can_log:
        detainees = visible.filter(status__in=HELD_STATUSES)
        who = request.GET.get("who", "").strip()[:200]
        chosen = request.POST.get("detainee") or request.GET.get("detainee")
        shown, found, more = visit_picker(detainees, who=who, chosen=chosen)
        picker = {"who": who, "more": more, "size": VISIT_PICKER_SIZE, "found": found}
        sensitive = can_view_sensitive(user)
        options = {"detainees": detainees, "shown": shown, "can_view_sensitive": sensitive}
        if request.method == "POST":
            form = VisitLogForm(request.POST, **options)
            if form.is_valid() and form.save() is not None:
                name = form.cleaned_data["detainee"].full_name
                messages.success(request, _("Visit to %(name)s saved.") % {"name": name})
                return redirect("ui:visits")
            status = 400
        else:
            initial = {"detainee": request.GET.get("detainee")}
            form = VisitLogForm(initial=initial, **options)
    elif request.method == "POST":
        raise PermissionDenied(_("Your role cannot log visits."))
    if can_view_sensitive(user):
        # The log's observations column.
        reads.note(request, log_page.object_list)
    # Each list is paged on its own, so that the page stays a screen or two long.
    overdue_page = BoundedCountPaginator(ranked_ids(overdue), VISITS_PAGE_SIZE).get_page(
        request.GET.get("overdue_page")
    )
    context = {
        "overdue": cadences_of(page_rows(overdue, overdue_page.object_list), today=today),
        "overdue_page": overdue_page,
        "upcoming_page": Paginator(upcoming, VISITS_PAGE_SIZE).get_page(
            request.GET.get("upcoming_page")
        ),
        "not_recorded_page": Paginator(not_recorded, VISITS_PAGE_SIZE).get_page(
            request.GET.get("not_recorded_page")
        ),
        "log_page": log_page,
        "form": form,
        "picker": picker if form else None,
        "can_view_sensitive": can_view_sensitive(user),
    }
    return render(request, "ui/visits.html", context, status=status)


def visit_picker(held, *, who: str, chosen) -> tuple[list[Detainee], int, bool]:
    """The people the visits page's log form offers, how many of them matched `who`, and
    whether more matched than it shows.

    At most VISIT_PICKER_SIZE of the held people whose name matches `who` (any spelling,
    as the list's search), by name; everyone held when `who` is empty; and the person
    already chosen (from the overdue list's link, or a form sent back with errors) first
    when the search did not find them. A caseload of thousands is found by name rather
    than written into the page.
    """
    found = held.search(who) if who else held
    people = list(found.order_by("full_name", "pk")[: VISIT_PICKER_SIZE + 1])
    more = len(people) > VISIT_PICKER_SIZE
    people = people[:VISIT_PICKER_SIZE]
    found = len(people)
    chosen = str(chosen or "")
    if chosen.isdigit() and len(chosen) < 19 and all(p.pk != int(chosen) for p in people):
        people = [*held.filter(pk=int(chosen)), *people]
    return people, found, more


# --- Dashboard ------------------------------------------------------------------------


# The dashboard's charts, each drawn in the browser from one /api/v1/stats/ endpoint.
DASHBOARD_CHARTS = [
    {"key": "held-by-country", "title": _("Currently held, by detaining country"), "type": "bar"},
    {"key": "status", "title": _("Detainees by status"), "type": "doughnut"},
    {
        "key": "extraditions-country",
        "title": _("Extraditions by surrendering country"),
        "type": "bar",
        "horizontal": True,
    },
    {
        "key": "extraditions-year",
        "title": _("Extraditions by year of surrender"),
        "type": "stacked",
    },
    {"key": "charges", "title": _("Charges by category"), "type": "bar", "horizontal": True},
    {"key": "sentences", "title": _("Sentence terms"), "type": "bar"},
    {"key": "visits", "title": _("Completed consular visits per month"), "type": "line"},
]

# The words the dashboard's script writes, in the page's language; {name} is filled in there.
DASHBOARD_TEXT = {
    "peopleHeld": _("People held"),
    "people": _("People"),
    "peopleSurrendered": _("People surrendered"),
    "charges": _("Charges"),
    "sentences": _("Sentences"),
    "completedVisits": _("Completed visits"),
    "dateUnknown": _("Date unknown"),
    "nothingToCount": _("Nothing to count for these filters."),
    "loading": _("Loading…"),
    "statisticsAnswered": _("The statistics answered {status}."),
    "couldNotLoad": _("Could not load the statistics: {error}"),
    "allNationalities": _("all nationalities"),
    "showing": _("Showing {who}."),
    "showingFrom": _("Showing {who} from {from}."),
    "showingTo": _("Showing {who} to {to}."),
    "showingFromTo": _("Showing {who} from {from} to {to}."),
    "figuresAsOf": _("Figures as of {time}."),
}


@role_required
def dashboard(request):
    # The figures are counted every minute (stats.summaries); so is the nationality list.
    as_of = stats_services.summaries_as_of()
    codes = stats_summaries.nationalities(user=request.user)
    context = {
        "as_of": as_of,
        "nationalities": sorted(((c, countries.name(c)) for c in set(codes)), key=lambda p: p[1]),
        "charts": DASHBOARD_CHARTS,
        "chart_config": {
            "api": "/api/v1/stats/",
            "charts": DASHBOARD_CHARTS,
            "text": DASHBOARD_TEXT,
        },
        "visit_interval": settings.CONSULAR_VISIT_INTERVAL_DAYS,
        "figures": figures_compared(user=request.user),
    }
    return render(request, "ui/dashboard.html", context)
