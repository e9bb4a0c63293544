from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cases.admin import HistoryAdmin, RecordAccessMixin, WordedReasonsMixin

from .models import STRICTEST_RULE_HELP, Assignment, CadenceRule, Task, WelfareFlag


@admin.register(CadenceRule)
class CadenceRuleAdmin(WordedReasonsMixin, SimpleHistoryAdmin):
    """Administrators set the deadlines; everyone with a role reads them."""

    list_display = [
        "name",
        "priority",
        "welfare_concern",
        "country",
        "first_contact_hours",
        "first_visit_days",
        "visit_interval_days",
        "due_soon_days",
    ]
    fieldsets = [
        (_("Applies to"), {"fields": ["name", "priority", "welfare_concern", "country"]}),
        (
            _("Deadlines"),
            {
                "fields": [
                    "first_contact_hours",
                    "first_visit_days",
                    "visit_interval_days",
                    "due_soon_days",
                ],
                "description": STRICTEST_RULE_HELP,
            },
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "subtitle": STRICTEST_RULE_HELP}
        return super().changelist_view(request, extra_context)


@admin.register(Task)
class TaskAdmin(HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["title", "kind", "detainee", "due_on", "assignee", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "detainee__full_name"]
    autocomplete_fields = ["detainee", "case"]
    list_select_related = ["detainee", "assignee"]
    date_hierarchy = "due_on"
    # A task's state moves through its actions (the pages, the API), which keep closed_at
    # in step; the admin shows it.
    readonly_fields = ["state", "sentence", "visit", "computed_from", "closed_at", "created_by"]
    fields = [
        "detainee",
        "case",
        ("kind", "state"),
        "title",
        ("due_on", "assignee"),
        "notes",
        "computed_from",
        ("sentence", "visit"),
        ("created_by", "closed_at"),
    ]


@admin.register(WelfareFlag)
class WelfareFlagAdmin(WordedReasonsMixin, RecordAccessMixin, SimpleHistoryAdmin):
    detainee_path = "detainee"
    list_display = ["detainee", "raised_by", "raised_at"]
    autocomplete_fields = ["detainee"]
    readonly_fields = ["raised_by", "raised_at"]
    list_select_related = ["detainee", "raised_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.raised_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Assignment)
class AssignmentAdmin(RecordAccessMixin, admin.ModelAdmin):
    """Who held which case when: written by handovers (the detainee page), read here."""

    detainee_path = "detainee"
    list_display = ["detainee", "caseworker", "started_at", "ended_at", "assigned_by"]
    list_filter = [("ended_at", admin.EmptyFieldListFilter)]
    search_fields = ["detainee__full_name", "caseworker__username"]
    list_select_related = ["detainee", "caseworker", "assigned_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
