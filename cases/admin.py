"""Data entry for caseworkers and administrators.

The detainee page is the working page: names, nationalities, cases with their charges
and sentences, custody, extraditions (and, from the consular app, visits) all edit inline.

Every page, inline, search, autocomplete and history reads through the same door as the
API (`of_visible_detainees`): a restricted case of another caseworker is "not found" here
too. Sensitive fields are left out, in forms and in history, for users without
`cases.view_sensitive`; restriction and assignment are read-only without
`cases.restrict_detainee`.
"""

import nested_admin
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from django_countries import countries
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from audit.reads import SensitiveReadsAdminMixin

from . import services
from .changesets import reason_shown
from .errors import DomainError
from .fields import sensitive_field_names
from .forms import VersionedInlineForm, VersionedModelForm
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
from .querysets import archived_included, is_admin, of_visible_detainees
from .roles import can_view_sensitive

# --- Who sees what -----------------------------------------------------------------------


def _without(fields, hidden: set[str]) -> list:
    """`fields` (names, or tuples of names shown on one line) less the `hidden` ones."""
    kept = []
    for item in fields:
        if isinstance(item, list | tuple):
            line = [name for name in item if name not in hidden]
            if line:
                kept.append(tuple(line))
        elif item not in hidden:
            kept.append(item)
    return kept


class RecordAccessMixin:
    """For model admins and inlines of records about a detainee.

    `detainee_path` leads from the model to its detainee ("" for the detainee itself,
    e.g. "case__detainee" for a charge); None marks reference data that is the same for
    everyone (facilities, sources, tags).
    """

    detainee_path: str | None = None
    detainee_optional = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.detainee_path is None:
            return queryset
        path = self.detainee_path or "pk"
        return of_visible_detainees(queryset, request.user, path, or_none=self.detainee_optional)

    def hidden_fields(self, request) -> frozenset[str]:
        if can_view_sensitive(request.user):
            return frozenset()
        return sensitive_field_names(self.model)

    def get_fieldsets(self, request, obj=None):
        hidden = self.hidden_fields(request)
        fieldsets = super().get_fieldsets(request, obj)
        if not hidden:
            return fieldsets
        return [
            (name, {**options, "fields": _without(options.get("fields", ()), hidden)})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        hidden = self.hidden_fields(request)
        return [f for f in super().get_readonly_fields(request, obj) if f not in hidden]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A choice (or autocomplete id) of a person the user may not see is "not valid".
        related_admin = self.admin_site._registry.get(db_field.remote_field.model)
        if (
            "queryset" not in kwargs
            and isinstance(related_admin, RecordAccessMixin)
            and related_admin.detainee_path is not None
        ):
            kwargs["queryset"] = related_admin.get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def lookup_allowed(self, lookup, value, request=None):
        # `?welfare_notes__icontains=` would tell what a hidden field holds.
        if request is not None and lookup.split("__")[0] in self.hidden_fields(request):
            return False
        return super().lookup_allowed(lookup, value, request)


class _HistoryWithout(HistoricalRecordContextHelper):
    """History deltas less the fields the user may not see."""

    def __init__(self, model, record, hidden: set[str]):
        super().__init__(model, record)
        self.hidden = hidden

    def context_for_delta_changes(self, delta):
        kept = [change for change in delta.changes if change.field not in self.hidden]
        return super().context_for_delta_changes(
            type(delta)(
                changes=kept,
                changed_fields=[f for f in delta.changed_fields if f not in self.hidden],
                old_record=delta.old_record,
                new_record=delta.new_record,
            )
        )


class WordedReasonsMixin:
    """A history page shows the change reasons the app writes in the reader's language, and
    those a person typed as typed (`changesets.reason_shown`); the stored rows keep theirs."""

    def render_history_view(self, request, template, context, **kwargs):
        # The list of changes; the view of one past version has no list.
        page = context.get("page_obj")
        for record in page.object_list if page is not None else ():
            record.history_change_reason = reason_shown(record.history_change_reason)
        return super().render_history_view(request, template, context, **kwargs)


class RecordHistoryMixin(WordedReasonsMixin, RecordAccessMixin):
    """History through the same door as the record: a record the user cannot see has no
    history for them either (deleted ones only for administrators), sensitive fields are
    left out of its changes, and history is read-only (a revert would bypass the
    services that keep the record consistent)."""

    def _check_visible(self, request, object_id) -> None:
        if is_admin(request.user):
            return
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404(_("No such record."))

    def history_view(self, request, object_id, extra_context=None):
        self._check_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_visible(request, object_id)
        if request.method == "POST":
            raise PermissionDenied(_("History is read-only."))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def get_historical_record_context_helper(self, request, historical_record):
        return _HistoryWithout(self.model, historical_record, self.hidden_fields(request))


class VersionedFormAdminMixin:
    """The hidden version field rides along in every form, so that a save made from a page
    opened before someone else's save is refused (cases.forms.VersionedModelForm)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if "record_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "record_version"]}), *rest]


class HistoryAdmin(
    VersionedFormAdminMixin, SensitiveReadsAdminMixin, RecordHistoryMixin, SimpleHistoryAdmin
):
    """Every case model shows its change history (who changed what, when); pages that show
    sensitive details log the read."""

    form = VersionedModelForm


class NestedHistoryAdmin(
    VersionedFormAdminMixin,
    SensitiveReadsAdminMixin,
    RecordHistoryMixin,
    nested_admin.NestedModelAdmin,
    SimpleHistoryAdmin,
):
    form = VersionedModelForm


class VersionedTabularInline(VersionedFormAdminMixin, nested_admin.NestedTabularInline):
    form = VersionedInlineForm


class VersionedStackedInline(VersionedFormAdminMixin, nested_admin.NestedStackedInline):
    form = VersionedInlineForm


# --- Archiving instead of deleting -------------------------------------------------------


class ArchivedFilter(admin.SimpleListFilter):
    """Lists leave archived records out unless asked for them."""

    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("yes", _("Archived")), ("all", _("All"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not archived"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.filter(archived_at__isnull=self.value() != "yes")


class ArchivableAdminMixin:
    """Case records are archived, never deleted: no delete button or action; "Archive" and
    "Restore" actions for those holding the delete permission (administrators). Archived
    records stay reachable here (filter "archived")."""

    actions = ["archive_selected", "restore_selected"]

    def get_queryset(self, request):
        # What the base classes read (and restrict), archived rows included for those who
        # archive (administrators); other roles see live records only, as in the API.
        if not self.has_archive_permission(request):
            return super().get_queryset(request)
        with archived_included():
            return super().get_queryset(request)

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        return [ArchivedFilter, *filters] if self.has_archive_permission(request) else filters

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_archive_permission(self, request) -> bool:
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.delete_{opts.model_name}")

    @admin.action(description=_("Archive selected records"), permissions=["archive"])
    def archive_selected(self, request, queryset):
        done = 0
        for record in queryset.filter(archived_at__isnull=True):
            services.record_archive(
                record=record, user=request.user, reason=gettext_noop("archived in admin")
            )
            done += 1
        self.message_user(
            request,
            ngettext(
                "Archived %(count)d record and the records under it.",
                "Archived %(count)d records and the records under them.",
                done,
            )
            % {"count": done},
        )

    @admin.action(description=_("Restore selected archived records"), permissions=["archive"])
    def restore_selected(self, request, queryset):
        done = 0
        for record in queryset.filter(archived_at__isnull=False):
            services.record_restore(record=record, user=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("Restored %(count)d record.", "Restored %(count)d records.", done)
            % {"count": done},
        )


def citation_inline(model, nested: bool = False, detainee_path: str | None = None):
    base = nested_admin.NestedTabularInline if nested else admin.TabularInline
    return type(
        f"{model.__name__}Inline",
        (RecordAccessMixin, base),
        {
            "model": model,
            "detainee_path": detainee_path,
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
    title = _("nationality")
    parameter_name = "nationality"
    lookup = "nationalities__country"


class DetainingCountryFilter(RelatedCountryFilter):
    title = _("detaining country")
    parameter_name = "detaining_country"
    lookup = "detaining_country"


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


class DetaineeAdminForm(VersionedModelForm):
    def clean(self):
        data = super().clean()
        changes = {name: data[name] for name in services.ACCESS_FIELDS if name in data}
        if changes:
            try:
                services.detainee_access_check(
                    user=self.request_user, detainee=self.instance, changes=changes
                )
            except DomainError as error:
                raise ValidationError({error.field: error.message}) from error
        return data


class NameVariantInline(RecordAccessMixin, VersionedTabularInline):
    detainee_path = "detainee"
    model = NameVariant
    extra = 1
    fields = ["name"]


class NationalityInline(RecordAccessMixin, VersionedTabularInline):
    detainee_path = "detainee"
    model = Nationality
    extra = 1
    fields = ["country"]


class ChargeInline(RecordAccessMixin, VersionedTabularInline):
    detainee_path = "case__detainee"
    model = Charge
    extra = 0
    can_delete = False  # archived, never deleted
    fields = ["description", "category", "statute", "disposition", "max_penalty_years"]


class SentenceInline(RecordAccessMixin, VersionedStackedInline):
    detainee_path = "case__detainee"
    model = Sentence
    extra = 0
    can_delete = False  # archived, never deleted
    fields = [
        ("sentenced_on", "court"),
        ("term_years", "term_months", "is_life"),
        ("fine_amount", "fine_currency"),
        ("time_served_credit_days", "expected_release_on"),
        "notes",
    ]


class CaseInline(RecordAccessMixin, VersionedStackedInline):
    detainee_path = "detainee"
    model = Case
    extra = 0
    can_delete = False  # archived, never deleted
    show_change_link = True
    fields = [
        ("country", "status"),
        ("court", "case_number"),
        ("arrested_on", "arrest_place", "arrest_country", "arrest_requested_by"),
        "summary",
    ]
    inlines = [ChargeInline, SentenceInline]


class CustodyPeriodInline(RecordAccessMixin, VersionedTabularInline):
    detainee_path = "detainee"
    model = CustodyPeriod
    extra = 0
    can_delete = False  # archived, never deleted
    autocomplete_fields = ["facility"]
    fields = ["facility", "started_on", "ended_on"]


class ExtraditionInline(RecordAccessMixin, VersionedStackedInline):
    detainee_path = "detainee"
    model = Extradition
    extra = 0
    can_delete = False  # archived, never deleted
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
class DetaineeAdmin(ArchivableAdminMixin, NestedHistoryAdmin):
    detainee_path = ""
    form = DetaineeAdminForm
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
    search_help_text = _("Any spelling of any name, in any script (Seleznev finds Seleznyov).")
    autocomplete_fields = ["assigned_caseworker", "tags"]
    fieldsets = [
        (None, {"fields": [("full_name", "name_original_script"), ("sex", "date_of_birth")]}),
        (
            _("Case handling"),
            {"fields": [("status", "priority"), ("assigned_caseworker", "is_restricted"), "tags"]},
        ),
        (
            _("Sensitive"),
            {
                "fields": ["welfare_notes", "next_of_kin"],
                "description": _("Welfare, health and family details: hidden from viewers."),
            },
        ),
    ]
    inlines = [
        NameVariantInline,
        NationalityInline,
        CaseInline,
        CustodyPeriodInline,
        ExtraditionInline,
        citation_inline(DetaineeCitation, nested=True, detainee_path="detainee"),
    ]

    def get_queryset(self, request):
        # The nationality column would query once per row without this.
        return super().get_queryset(request).prefetch_related("nationalities")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(services.RESTRICT_PERMISSION):
            readonly += [f for f in services.ACCESS_FIELDS if f not in readonly]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.request_user = request.user
        return form

    def save_model(self, request, obj, form, change):
        # The holder before this save, as stored: the form has set the new one on `obj`.
        stored = Detainee._base_manager.filter(pk=obj.pk) if change else Detainee.objects.none()
        previous = stored.values_list("assigned_caseworker_id", flat=True).first()
        super().save_model(request, obj, form, change)
        services.assignment_change_record(detainee=obj, previous_id=previous, user=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        extraditions = [
            inline.instance
            for formset in formsets
            if formset.model is Extradition
            for inline in formset.forms
            if inline.instance.pk and "status" in inline.changed_data
        ]
        _settle(request, form.instance, "status" in form.changed_data, extraditions)

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        return queryset.search(search_term), False

    @admin.display(description=_("Nationality"))
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
class CaseAdmin(ArchivableAdminMixin, NestedHistoryAdmin):
    detainee_path = "detainee"
    list_display = ["__str__", "country", "status", "arrested_on"]
    list_filter = ["status", "country"]
    search_fields = ["case_number", "court", "detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [
        ChargeInline,
        SentenceInline,
        citation_inline(CaseCitation, nested=True, detainee_path="case__detainee"),
    ]


@admin.register(Charge)
class ChargeAdmin(ArchivableAdminMixin, HistoryAdmin):
    detainee_path = "case__detainee"
    list_display = ["description", "category", "disposition", "case"]
    list_filter = ["category", "disposition"]
    search_fields = ["description", "statute", "case__detainee__full_name"]
    autocomplete_fields = ["case"]
    list_select_related = ["case__detainee"]
    inlines = [citation_inline(ChargeCitation, detainee_path="charge__case__detainee")]


@admin.register(Sentence)
class SentenceAdmin(ArchivableAdminMixin, HistoryAdmin):
    detainee_path = "case__detainee"
    list_display = ["__str__", "case", "sentenced_on", "fine_amount", "fine_currency"]
    list_filter = ["is_life", "fine_currency"]
    search_fields = ["case__detainee__full_name", "court"]
    autocomplete_fields = ["case"]
    list_select_related = ["case__detainee"]
    inlines = [citation_inline(SentenceCitation, detainee_path="sentence__case__detainee")]


def _settle(request, detainee, status_edited: bool, extraditions: list) -> None:
    """Edits saved here become dated reports; the current values follow the rules."""
    for message in services.detainee_edits_settle(
        detainee=detainee, status_edited=status_edited, extraditions_edited=extraditions
    ):
        messages.warning(request, message)


@admin.register(Extradition)
class ExtraditionAdmin(ArchivableAdminMixin, HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["detainee", "from_country", "to_country", "status", "surrendered_on"]
    list_filter = ["status", "from_country", "to_country"]
    search_fields = ["detainee__full_name"]
    autocomplete_fields = ["detainee", "case"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(ExtraditionCitation, detainee_path="extradition__detainee")]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        edited = [obj] if change and "status" in form.changed_data else []
        _settle(request, obj.detainee, False, edited)


@admin.register(CustodyPeriod)
class CustodyPeriodAdmin(ArchivableAdminMixin, HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["detainee", "facility", "started_on", "ended_on"]
    list_filter = ["facility__country"]
    search_fields = ["detainee__full_name", "facility__name"]
    autocomplete_fields = ["detainee", "facility"]
    list_select_related = ["detainee", "facility"]
    inlines = [citation_inline(CustodyPeriodCitation, detainee_path="custody_period__detainee")]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _settle(request, obj.detainee, False, [])


@admin.register(NameVariant)
class NameVariantAdmin(HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["name", "detainee"]
    search_fields = ["name", "detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(NameVariantCitation, detainee_path="name_variant__detainee")]


@admin.register(Nationality)
class NationalityAdmin(HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["detainee", "country"]
    list_filter = ["country"]
    search_fields = ["detainee__full_name"]
    autocomplete_fields = ["detainee"]
    list_select_related = ["detainee"]
    inlines = [citation_inline(NationalityCitation, detainee_path="nationality__detainee")]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
