from django.contrib import admin

from cases.admin import (
    ArchivableAdminMixin,
    DetaineeAdmin,
    HistoryAdmin,
    RecordAccessMixin,
    VersionedStackedInline,
    citation_inline,
)

from .models import ConsularVisit, ConsularVisitCitation


class ConsularVisitInline(RecordAccessMixin, VersionedStackedInline):
    detainee_path = "detainee"
    model = ConsularVisit
    extra = 0
    can_delete = False  # archived, never deleted
    show_change_link = True
    autocomplete_fields = ["facility"]
    fields = [
        ("visited_on", "kind", "outcome"),
        ("visitors", "facility"),
        "observations",
        "follow_up",
    ]


# The cases app does not know about visits; this app adds them to the detainee page.
DetaineeAdmin.inlines = [*DetaineeAdmin.inlines, ConsularVisitInline]


@admin.register(ConsularVisit)
class ConsularVisitAdmin(ArchivableAdminMixin, HistoryAdmin):
    detainee_path = "detainee"
    list_display = ["detainee", "visited_on", "visitors", "kind", "outcome"]
    list_filter = ["outcome", "kind"]
    search_fields = ["detainee__full_name", "visitors"]
    autocomplete_fields = ["detainee", "facility"]
    list_select_related = ["detainee"]
    date_hierarchy = "visited_on"
    inlines = [citation_inline(ConsularVisitCitation, detainee_path="visit__detainee")]
