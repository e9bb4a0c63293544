from django.contrib import admin

from .models import ImportLog


@admin.register(ImportLog)
class ImportLogAdmin(admin.ModelAdmin):
    """The import log is a record of what happened: read only, for administrators."""

    list_display = ["created_at", "user", "kind", "file_name", "rows", "state", "imported_at"]
    list_filter = ["kind", "state"]
    search_fields = ["file_name", "user__username"]
    list_select_related = ["user"]
    fields = [
        "user",
        "kind",
        "file_name",
        "file_format",
        "rows",
        "state",
        "created_at",
        "imported_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
