"""Data entry for caseworkers and administrators.

The detainee page is the working page: names, nationalities, cases with their charges
and sentences, custody, extraditions (and, from the consular app, visits) all edit inline.
"""

import nested_admin
from django.contrib import admin
from django.db.models import Count
from django_countries import countries
from simple_history.admin import SimpleHistoryAdmin

from .fields import PartialDateModelForm
from .models import (
    Case,
    CaseCitation,
    Charge,
    ChargeCitation,
    CustodyPeriod,
    CustodyPeriodCitation,
    Detainee,
    DetaineeCitation,
    Extradition,
    ExtraditionCitation,
    Facility,
    NameVariant,
    NameVariantCitation,
    Nationality,
    NationalityCitation,
    Sentence,
    SentenceCitation,
    Source,
    Tag,
)


class HistoryAdmin(SimpleHistoryAdmin):
    """Every case model shows its change history (who changed what, when)."""

    form = PartialDateModelForm


class NestedHistoryAdmin(nested_admin.NestedModelAdmin, SimpleHistoryAdmin):
    form = PartialDateModelForm


def citation_inline(model, nested: bool = False):
    base = nested_admin.NestedTabularInline if nested else admin.TabularInline
    return type(
        f"{model.__name__}Inline",
        (base,),
        {
            "model": model,
            "extra": 0,
            "autocomplete_fields": ["source"],
            "verbose_name": "source cited",
            "verbose_name_plural": "sources cited",
        },
    )


# --- Filters on related rows -------------------------------------------------------------


class RelatedCountryFilter(admin.SimpleListFilter):
    """Lists only the countries that occur, by name."""

    lookup: str

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .exclude(**{self.lookup: ""})
            .values_list(self.lookup, flat=True)
            .distinct()
        )
        return sorted(
            ((code, countries.name(code)) for code in set(codes) if code), key=lambda c: c[1]
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.lookup: self.value()}).distinct()
        return queryset


class NationalityFilter(RelatedCountryFilter):
    title = "nationality"
    parameter_name = "nationality"
    lookup = "nationalities__country"


class DetainingCountryFilter(RelatedCountryFilter):
    title = "detaining country"
    parameter_name = "detaining_country"
    lookup = "cases__country"


class FacilityFilter(admin.SimpleListFilter):
    title = "facility (current)"
    parameter_name = "facility"

    def lookups(self, request, model_admin):
        facilities = Facility.objects.annotate(n=Count("custody_periods")).filter(n__gt=0)
        return [(f.pk, f.name) for f in facilities.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                custody_periods__facility=self.value(), custody_periods__ended_on__isnull=True
            ).distinct()
        return queryset


# --- Detainee page -----------------------------------------------------------------------


class NameVariantInline(nested_admin.NestedTabularInline):
    model = NameVariant
    extra = 1
    fields = ["name"]


class NationalityInline(nested_admin.NestedTabularInline):
    model = Nationality
    extra = 1
    fields = ["country"]


class ChargeInline(nested_admin.NestedTabularInline):
    model = Charge
    extra = 0
    fields = ["description", "category", "statute", "disposition", "max_penalty_years"]


class SentenceInline(nested_admin.NestedStackedInline):
    model = Sentence
    form = PartialDateModelForm
    extra = 0
    fields = [
        ("sentenced_on", "court"),
        ("term_years", "term_months", "is_life"),
        ("fine_amount", "fine_currency"),
        ("time_served_credit_days", "expected_release_on"),
        "notes",
    ]


class CaseInline(nested_admin.NestedStackedInline):
    model = Case
    form = PartialDateModelForm
    extra = 0
    show_change_link = True
    fields = [
        ("country", "status"),
        ("court", "case_number"),
        ("arrested_on", "arrest_place", "arrest_country", "arrest_requested_by"),
        "summary",
    ]
    inlines = [ChargeInline, SentenceInline]


class CustodyPeriodInline(nested_admin.NestedTabularInline):
    model = CustodyPeriod
    form = PartialDateModelForm
    extra = 0
    autocomplete_fields = ["facility"]
    fields = ["facility", "started_on", "ended_on"]


class ExtraditionInline(nested_admin.NestedStackedInline):
    model = Extradition
    form = PartialDateModelForm
    extra = 0
    show_change_link = True
    fields = [
        ("from_country", "to_country", "status"),
        ("arrested_on", "decided_on", "surrendered_on"),
        "case",
        "notes",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only this detainee's cases make sense here.
        if db_field.name == "case":
            detainee_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Case.objects.filter(detainee_id=detainee_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Detainee)
class DetaineeAdmin(NestedHistoryAdmin):
    list_display = ["full_name", "status", "nationality_list", "priority", "assigned_caseworker"]
    list_filter = [
        "status",
        NationalityFilter,
        DetainingCountryFilter,
        FacilityFilter,
        "priority",
        "is_restricted",
        "tags",
    ]
    search_fields = ["full_name"]
    search_help_text = "Any spelling of any name, in any script (Seleznev finds Seleznyov)."
    autocomplete_fields = ["assigned_caseworker", "tags"]
    fieldsets = [
        (None, {"fields": [("full_name", "name_original_script"), ("sex", "date_of_birth")]}),
        (
            "Case handling",
            {"fields": [("status", "priority"), ("assigned_caseworker", "is_restricted"), "tags"]},
        ),
        (
            "Sensitive",
            {
                "fields": ["welfare_notes", "next_of_kin"],
                "description": "Welfare, health and family details: hidden from viewers.",
            },
        ),
    ]
    inlines = [
        NameVariantInline,
        NationalityInline,
        CaseInline,
        CustodyPeriodInline,
        ExtraditionInline,
        citation_inline(DetaineeCitation, nested=True),
    ]

    def get_queryset(self, request):
        # The nationality column would query once per row without this.
        return super().get_queryset(request).prefetch_related("nationalities")

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        return queryset.search(search_term), False

    @admin.display(description="Nationality")
    def nationality_list(self, obj):
        return ", ".join(n.country.code for n in obj.nationalities.all())


# --- Other pages -------------------------------------------------------------------------


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["__str__", "kind", "outlet", "published_on", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "url", "outlet"]
    fields = ["kind", "title", "url", "outlet", "published_on", "language", "notes"]


@admin.register(Facility)
class FacilityAdmin(HistoryAdmin):
    list_display = ["name", "kind", "country", "locality"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "locality"]


@admin.register(Case)
class CaseAdmin(NestedHistoryAdmin):
    list_display = ["__str__", "country", "status", "arrested_on"]
    list_filter = ["status", "country"]
    search_fields = ["case_number", "court", "detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [ChargeInline, SentenceInline, citation_inline(CaseCitation, nested=True)]


@admin.register(Charge)
class ChargeAdmin(HistoryAdmin):
    list_display = ["description", "category", "disposition", "case"]
    list_filter = ["category", "disposition"]
    search_fields = ["description", "statute", "case__detainee__full_name"]
    autocomplete_fields = ["case"]
    list_select_related = ["case__detainee"]
    inlines = [citation_inline(ChargeCitation)]


@admin.register(Sentence)
class SentenceAdmin(HistoryAdmin):
    list_display = ["__str__", "case", "sentenced_on", "fine_amount", "fine_currency"]
    list_filter = ["is_life", "fine_currency"]
    search_fields = ["case__detainee__full_name", "court"]
    autocomplete_fields = ["case"]
    list_select_related = ["case__detainee"]
    inlines = [citation_inline(SentenceCitation)]


@admin.register(Extradition)
class ExtraditionAdmin(HistoryAdmin):
    list_display = ["detainee", "from_country", "to_country", "status", "surrendered_on"]
    list_filter = ["status", "from_country", "to_country"]
    search_fields = ["detainee__full_name"]
    autocomplete_fields = ["detainee", "case"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(ExtraditionCitation)]


@admin.register(CustodyPeriod)
class CustodyPeriodAdmin(HistoryAdmin):
    list_display = ["detainee", "facility", "started_on", "ended_on"]
    list_filter = ["facility__country"]
    search_fields = ["detainee__full_name", "facility__name"]
    autocomplete_fields = ["detainee", "facility"]
    list_select_related = ["detainee", "facility"]
    inlines = [citation_inline(CustodyPeriodCitation)]


@admin.register(NameVariant)
class NameVariantAdmin(HistoryAdmin):
    list_display = ["name", "detainee"]
    search_fields = ["name", "detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(NameVariantCitation)]


@admin.register(Nationality)
class NationalityAdmin(HistoryAdmin):
    list_display = ["detainee", "country"]
    list_filter = ["country"]
    search_fields = ["detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(NationalityCitation)]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
