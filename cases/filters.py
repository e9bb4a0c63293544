"""Query-string filters of the case lists (django-filter).

Filters on related rows use EXISTS subqueries rather than joins, so a list never repeats a
row and its count stays right. A date range (`<name>_from`, `<name>_to`) applies to one and
the same related row; both ends take a date of any precision: `_from=2019` starts on
1 January 2019 and `_to=2019` ends on 31 December 2019.
"""

import functools

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.django_filters import CountryFilter
from django_filters import rest_framework as filters
from django_filters.fields import ChoiceField
from django_filters.filters import QuerySetRequestMixin
from drf_spectacular.utils import extend_schema_field

from config.api import partial_date_schema
from config.pagination import counted_with_rows

from .constants import (
    CaseStatus,
    ChargeCategory,
    DetaineeStatus,
    ExtraditionStatus,
)
from .fields import PartialDateFormField
from .models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    Facility,
    NameVariant,
    Nationality,
    Sentence,
    Source,
)
from .partial_dates import PartialDate
from .querysets import of_visible_detainees

MAX_ID = 2**63 - 1


@functools.cache
def _country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in countries)


class _CountryCodeField(ChoiceField):
    """A country code, checked against the set of codes. A plain choice field checks a
    value by walking every country with its translated name, on every request."""

    def valid_value(self, value) -> bool:
        return str(value) in _country_codes()


class CountryCodeFilter(CountryFilter):
    """django-countries' filter (every country a choice, in the schema too), validated by
    code (`_CountryCodeField`)."""

    field_class = _CountryCodeField


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    """A record id. An id that names no record (or none the user may see) selects nothing:
    an empty list, not an error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class _ChoicesField(forms.MultipleChoiceField):
    def to_python(self, value):
        # `?status=` sent empty is the same as left out (allowEmptyValue in the schema).
        return [v for v in super().to_python(value) if v != ""]


class ChoicesFilter(filters.MultipleChoiceFilter):
    """One or more choices (`?status=a&status=b`); empty values are ignored.

    Not DISTINCT (django-filter's default for several values): each filters a column of the
    listed row itself, or an EXISTS through a `method`, so no row can come twice, and a
    DISTINCT would make the database sort every matching row before it returns a page."""

    field_class = _ChoicesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class _StrictBooleanField(forms.NullBooleanField):
    def to_python(self, value):
        if value in (None, "") or str(value).lower() in ("true", "false"):
            return super().to_python(value)
        raise forms.ValidationError(_("Write true or false."), code="invalid")


class StrictBooleanFilter(filters.BooleanFilter):
    """`true` or `false` (or empty: no filter); anything else is a 400, not ignored."""

    field_class = _StrictBooleanField

    def __init__(self, *args, **kwargs):
        # The plain widget hands the field what was sent (DRF's turns anything else into
        # "no filter").
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class RecordFilterSet(filters.FilterSet):
    """Foreign keys are filtered by id (IdFilter), not by a choice among the rows."""

    FILTER_DEFAULTS = {
        **filters.FilterSet.FILTER_DEFAULTS,
        models.ForeignKey: {"filter_class": IdFilter},
        models.OneToOneField: {"filter_class": IdFilter},
    }

    def get_form_class(self):
        # django-filter builds the form class, a form field for each filter, on every
        # request, though it depends only on the filter set and on the language of its
        # labels: it is built once per language, unless a filter offers a choice among the
        # rows the user may see (its field holds the request's queryset).
        cls = type(self)
        if any(isinstance(f, QuerySetRequestMixin) for f in cls.base_filters.values()):
            return super().get_form_class()
        built = cls.__dict__.get("_form_classes")
        if built is None:
            built = cls._form_classes = {}
        language = translation.get_language()
        if language not in built:
            built[language] = super().get_form_class()
        return built[language]


@extend_schema_field(partial_date_schema(nullable=False))
class PartialDateFilter(filters.CharFilter):
    """2019, 2019-06 or 2019-06-21; the filter set applies it (see DateRangeFilterSet)."""

    field_class = PartialDateFormField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("method", "filter_nothing")
        super().__init__(*args, **kwargs)


def date_range_q(field: str, start: PartialDate | None, end: PartialDate | None) -> Q:
    """Dates from the first day of `start` to the last day of `end`."""
    query = Q()
    if start:
        query &= Q(**{f"{field}__gte": start.value})
    if end:
        query &= Q(**{f"{field}__lte": end.last_day})
    return query


def _visible_detainees(request) -> QuerySet:
    return Detainee.objects.visible_to(getattr(request, "user", None))


def _visible_cases(request) -> QuerySet:
    return of_visible_detainees(Case.objects.all(), getattr(request, "user", None), "detainee")


class VisibleDetaineeFilter(filters.ModelChoiceFilter):
    """A detainee id. One the user may not see is "not a valid choice" (400), exactly like
    an id that does not exist, so a filter never tells that a restricted case is on file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", _visible_detainees)
        kwargs.setdefault("help_text", "Detainee id")
        super().__init__(*args, **kwargs)


class VisibleCaseFilter(filters.ModelChoiceFilter):
    """A case id, of a detainee the user may see (see VisibleDetaineeFilter)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", _visible_cases)
        kwargs.setdefault("help_text", "Case id")
        super().__init__(*args, **kwargs)


def visits_model():
    """Consular visits, reached through the detainee's reverse relation (the case app does
    not import the consular app)."""
    return Detainee._meta.get_field("consular_visits").related_model


def date_from(what: str) -> PartialDateFilter:
    return PartialDateFilter(help_text=f"{what} on or after this date: 2019, 2019-06 or 2019-06-21")


def date_to(what: str) -> PartialDateFilter:
    return PartialDateFilter(
        help_text=f"{what} on or before this date: 2019, 2019-06 or 2019-06-21"
    )


class DateRangeFilterSet(RecordFilterSet):
    """Applies each declared `<name>_from`/`<name>_to` pair to one related row.

    `date_ranges` maps a name to a function (queryset, Q on the dates) → queryset.
    """

    date_ranges: dict = {}

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        for name, (field, apply) in self.date_ranges.items():
            start = self.form.cleaned_data.get(f"{name}_from")
            end = self.form.cleaned_data.get(f"{name}_to")
            if start or end:
                queryset = apply(queryset, date_range_q(field, start, end))
        return queryset


def _exists(model, link: str, condition: Q):
    return Exists(model.objects.filter(condition, **{link: OuterRef("pk")}))


def _direct(queryset, condition):
    return queryset.filter(condition)


class DetaineeFilter(DateRangeFilterSet):
    search = filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Any spelling of any name, in Latin or Cyrillic: Seleznev finds Seleznyov",
    )
    status = ChoicesFilter(choices=DetaineeStatus.choices)
    nationality = CountryCodeFilter(method="filter_nationality", help_text="ISO 3166 code, e.g. RU")
    detaining_country = CountryCodeFilter(
        method="filter_detaining_country",
        help_text="The country holding the detainee now (derived from the latest dated facts)",
    )
    facility = IdFilter(
        method="filter_facility", help_text="Id of the facility where the detainee is now held"
    )
    charge_category = ChoicesFilter(choices=ChargeCategory.choices, method="filter_charge_category")
    assigned_caseworker = IdFilter(
        field_name="assigned_caseworker", help_text="User id of the assigned caseworker"
    )
    mine = StrictBooleanFilter(method="filter_mine", help_text="Cases assigned to me")
    no_visit_since = PartialDateFilter(
        method="filter_no_visit_since",
        help_text="No completed consular visit on or after this date (never visited included)",
    )
    arrested_from = date_from("Arrested (any case)")
    arrested_to = date_to("Arrested (any case)")
    sentenced_from = date_from("Sentenced (any sentence)")
    sentenced_to = date_to("Sentenced (any sentence)")
    extradited_from = date_from("Surrendered in an extradition")
    extradited_to = date_to("Surrendered in an extradition")
    visited_from = date_from("Visited (any completed consular visit)")
    visited_to = date_to("Visited (any completed consular visit)")

    date_ranges = {
        "arrested": (
            "arrested_on",
            lambda qs, q: qs.filter(_exists(Case, "detainee", q)),
        ),
        "sentenced": (
            "sentenced_on",
            lambda qs, q: qs.filter(_exists(Sentence, "case__detainee", q)),
        ),
        "extradited": (
            "surrendered_on",
            lambda qs, q: qs.filter(_exists(Extradition, "detainee", q)),
        ),
        "visited": (
            "visited_on",
            lambda qs, q: qs.filter(_completed_visit(q)),
        ),
    }

    class Meta:
        model = Detainee
        fields = ["status", "assigned_caseworker"]

    def filter_search(self, queryset, name, value):
        # Best matches first; the view keeps this order unless `ordering` is given. Ranking
        # reads every match, so the rows count themselves (no count query).
        return counted_with_rows(queryset.search(value).ranked_by_name(value))

    def filter_nationality(self, queryset, name, value: str):
        return queryset.filter(_exists(Nationality, "detainee", Q(country=value)))

    def filter_detaining_country(self, queryset, name, value: str):
        return queryset.filter(detaining_country=value)

    def filter_facility(self, queryset, name, value):
        current = Q(facility_id=value, ended_on__isnull=True)
        return queryset.filter(_exists(CustodyPeriod, "detainee", current))

    def filter_charge_category(self, queryset, name, value):
        return queryset.filter(_exists(Charge, "case__detainee", Q(category__in=value)))

    def filter_mine(self, queryset, name, value):
        user = self.request.user if self.request else None
        if value is None or user is None:
            return queryset
        mine = Q(assigned_caseworker=user)
        return queryset.filter(mine) if value else queryset.exclude(mine)

    def filter_no_visit_since(self, queryset, name, value):
        return queryset.exclude(_completed_visit(Q(visited_on__gte=value.value)))


def _completed_visit(condition: Q) -> Exists:
    visits = visits_model().objects.completed()
    return Exists(visits.filter(condition, detainee=OuterRef("pk")))


class NameVariantFilter(RecordFilterSet):
    detainee = VisibleDetaineeFilter()

    class Meta:
        model = NameVariant
        fields = ["detainee"]


class CaseFilter(DateRangeFilterSet):
    detainee = VisibleDetaineeFilter()
    status = ChoicesFilter(choices=CaseStatus.choices)
    country = CountryCodeFilter(help_text="Prosecuting / detaining country, ISO 3166 code")
    nationality = CountryCodeFilter(method="filter_nationality", help_text="Of the detainee")
    charge_category = ChoicesFilter(choices=ChargeCategory.choices, method="filter_charge_category")
    arrested_from = date_from("Arrested")
    arrested_to = date_to("Arrested")
    sentenced_from = date_from("Sentenced (any sentence of the case)")
    sentenced_to = date_to("Sentenced (any sentence of the case)")

    date_ranges = {
        "arrested": ("arrested_on", _direct),
        "sentenced": (
            "sentenced_on",
            lambda qs, q: qs.filter(_exists(Sentence, "case", q)),
        ),
    }

    class Meta:
        model = Case
        fields = ["detainee", "status", "country"]

    def filter_nationality(self, queryset, name, value: str):
        return queryset.filter(
            Exists(Nationality.objects.filter(detainee=OuterRef("detainee"), country=value))
        )

    def filter_charge_category(self, queryset, name, value):
        return queryset.filter(_exists(Charge, "case", Q(category__in=value)))


class ChargeFilter(DateRangeFilterSet):
    category = ChoicesFilter(choices=ChargeCategory.choices)
    case = VisibleCaseFilter()
    detainee = VisibleDetaineeFilter(field_name="case__detainee")
    country = CountryCodeFilter(field_name="case__country", help_text="Country of the case")
    nationality = CountryCodeFilter(method="filter_nationality", help_text="Of the detainee")
    arrested_from = date_from("Arrested (the charge's case)")
    arrested_to = date_to("Arrested (the charge's case)")

    date_ranges = {"arrested": ("case__arrested_on", _direct)}

    class Meta:
        model = Charge
        fields = ["case", "category"]

    def filter_nationality(self, queryset, name, value: str):
        return queryset.filter(
            Exists(Nationality.objects.filter(detainee=OuterRef("case__detainee"), country=value))
        )


class SentenceFilter(DateRangeFilterSet):
    case = VisibleCaseFilter()
    detainee = VisibleDetaineeFilter(field_name="case__detainee")
    country = CountryCodeFilter(field_name="case__country", help_text="Country of the case")
    sentenced_from = date_from("Sentenced")
    sentenced_to = date_to("Sentenced")

    date_ranges = {"sentenced": ("sentenced_on", _direct)}

    class Meta:
        model = Sentence
        fields = ["case"]


class CustodyPeriodFilter(RecordFilterSet):
    detainee = VisibleDetaineeFilter()
    current = StrictBooleanFilter(
        field_name="ended_on", lookup_expr="isnull", help_text="Only periods not yet ended"
    )

    class Meta:
        model = CustodyPeriod
        fields = ["detainee", "facility"]


class ExtraditionFilter(DateRangeFilterSet):
    detainee = VisibleDetaineeFilter()
    case = VisibleCaseFilter()
    status = ChoicesFilter(choices=ExtraditionStatus.choices)
    from_country = CountryCodeFilter(help_text="Surrendering country, ISO 3166 code")
    nationality = CountryCodeFilter(method="filter_nationality", help_text="Of the detainee")
    extradited_from = date_from("Surrendered")
    extradited_to = date_to("Surrendered")

    date_ranges = {"extradited": ("surrendered_on", _direct)}

    class Meta:
        model = Extradition
        fields = ["detainee", "case"]

    def filter_nationality(self, queryset, name, value: str):
        return queryset.filter(
            Exists(Nationality.objects.filter(detainee=OuterRef("detainee"), country=value))
        )


class FacilityFilter(RecordFilterSet):
    country = CountryCodeFilter(help_text="ISO 3166 code")

    class Meta:
        model = Facility
        fields = ["country"]


class SourceFilter(RecordFilterSet):
    # One citation row per detainee and source: the join repeats no source.
    detainee = VisibleDetaineeFilter(
        field_name="detainees", help_text="Sources cited by this detainee's record"
    )

    class Meta:
        model = Source
        fields = ["url"]
