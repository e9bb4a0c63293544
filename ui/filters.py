"""The detainee list's filters, search and sort, shared by the full page and its htmx
partial. The filters are the API's own (`cases.filters.DetaineeFilter`), with the same
parameter names, so a list URL and an API URL select the same people; only the widgets
change, to single selects whose options list what is on file."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Case, DateField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters import rest_framework as filters

from cases.constants import ChargeCategory, DetaineeStatus, Priority
from cases.filters import DetaineeFilter
from cases.models import Facility
from cases.querysets import countries_on_file
from cases.roles import ADMIN, CASEWORKER, REVIEWER

# Column → ordering. Priority sorts by urgency, not alphabetically.
SORTS = {
    "name": ("full_name", "id"),
    "status": ("status", "full_name", "id"),
    "priority": ("-priority_rank", "full_name", "id"),
    "last_visit": ("last_visit_sort", "full_name", "id"),
    "updated": ("-updated_at", "id"),
}
SORT_CHOICES = [(k, k) for key in SORTS for k in (key, f"-{key}")]
# What each sort is called where the page says it (the table's caption).
SORT_LABELS = {
    "name": _("name"),
    "status": _("status"),
    "priority": _("priority"),
    "last_visit": _("last visit"),
    "updated": _("updated"),
}
NEVER = dt.date(1, 1, 1)
PRIORITY_RANK = {Priority.URGENT: 4, Priority.HIGH: 3, Priority.NORMAL: 2, Priority.LOW: 1}
# The filters the list page shows, in order; the API's date ranges work in the URL too.
SHOWN = [
    "status",
    "nationality",
    "detaining_country",
    "facility",
    "charge_category",
    "assigned_caseworker",
    "priority",
]


def country_choices(codes) -> list[tuple[str, str]]:
    """(code, name) options for country codes on file, by name in the active language."""
    return sorted(((c, countries.name(c)) for c in set(codes) if c), key=lambda p: p[1])


class DetaineeListFilter(DetaineeFilter):
    search = filters.CharFilter(
        method="filter_search",
        max_length=200,
        label=_("Search by name"),
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Any spelling, Latin or Cyrillic")}
        ),
    )
    status = filters.ChoiceFilter(
        choices=DetaineeStatus.choices, label=_("Status"), empty_label=_("Any")
    )
    nationality = filters.ChoiceFilter(
        method="filter_nationality", label=_("Nationality"), empty_label=_("Any")
    )
    detaining_country = filters.ChoiceFilter(
        method="filter_detaining_country", label=_("Detaining country"), empty_label=_("Any")
    )
    facility = filters.ChoiceFilter(
        method="filter_facility", label=_("Current facility"), empty_label=_("Any")
    )
    charge_category = filters.ChoiceFilter(
        choices=ChargeCategory.choices,
        method="filter_one_charge_category",
        label=_("Charge category"),
        empty_label=_("Any"),
    )
    assigned_caseworker = filters.ChoiceFilter(
        method="filter_caseworker", label=_("Caseworker"), empty_label=_("Any")
    )
    priority = filters.ChoiceFilter(
        choices=Priority.choices, label=_("Priority"), empty_label=_("Any")
    )
    sort = filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_nothing", widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        # Options list only what is on file, so every choice finds someone.
        # ...about people this user may see: a restricted case adds no option.
        user = getattr(self.request, "user", None)
        fields["nationality"].choices = country_choices(countries_on_file(user, "nationality"))
        fields["detaining_country"].choices = country_choices(
            countries_on_file(user, "detaining_country")
        )
        fields["facility"].choices = [
            (str(pk), name)
            for pk, name in Facility.objects.order_by("name").values_list("pk", "name")
        ]
        workers = (
            get_user_model()
            .objects.filter(
                Q(groups__name__in=[CASEWORKER, REVIEWER, ADMIN]) | Q(is_superuser=True),
                is_active=True,
            )
            .distinct()
            .order_by("username")
        )
        fields["assigned_caseworker"].choices = [
            ("me", _("Assigned to me")),
            ("none", _("Unassigned")),
        ] + [(str(u.pk), u.get_full_name() or u.username) for u in workers]

    @property
    def shown_fields(self):
        return [self.form[name] for name in SHOWN]

    @property
    def active(self) -> bool:
        """Whether any filter narrows the list (for the empty state's wording)."""
        if not self.is_bound or not self.form.is_valid():
            return False
        return any(v for k, v in self.form.cleaned_data.items() if k != "sort")

    def filter_one_charge_category(self, queryset, name, value):
        return self.filter_charge_category(queryset, name, [value])

    def filter_caseworker(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_caseworker=self.request.user)
        if value == "none":
            return queryset.filter(assigned_caseworker__isnull=True)
        return queryset.filter(assigned_caseworker_id=value)


def sort_label(sort: str) -> str:
    """The sort in words in the active language: "name", "last visit, descending"."""
    label = SORT_LABELS.get((sort or "name").lstrip("-"), SORT_LABELS["name"])
    if sort and sort.startswith("-"):
        return _("%(column)s, descending") % {"column": label}
    return str(label)


def sort_detainees(qs: QuerySet, sort: str) -> QuerySet:
    """`sort` is a column key, with a leading "-" for descending. Expects `last_visit_on`
    (`DetaineeQuerySet.with_last_visit`) on the queryset."""
    key = (sort or "name").lstrip("-")
    if key not in SORTS:
        key, sort = "name", "name"
    qs = qs.annotate(
        priority_rank=Case(
            *(When(priority=p, then=Value(rank)) for p, rank in PRIORITY_RANK.items()),
            default=Value(0),
            output_field=IntegerField(),
        ),
        # Never visited sorts as the oldest visit.
        last_visit_sort=Coalesce("last_visit_on", Value(NEVER, output_field=DateField())),
    )
    order = list(SORTS[key])
    if sort.startswith("-"):
        first = order[0]
        order[0] = first[1:] if first.startswith("-") else f"-{first}"
    return qs.order_by(*order)
