"""The audit tables, read-only: nobody adds, edits or deletes an audit row by hand."""

from django.contrib import admin

from .models import AccountEvent, PersonDataEvent, SensitiveRead


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AccountEvent)
class AccountEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor_name", "action", "target_name", "detail"]
    list_filter = ["action"]
    search_fields = ["actor_name", "target_name"]
    date_hierarchy = "created_at"


@admin.register(SensitiveRead)
class SensitiveReadAdmin(ReadOnlyAdmin):
    list_display = ["read_at", "username", "record_type", "record_id", "path"]
    list_filter = ["record_type"]
    search_fields = ["username", "=record_id"]
    date_hierarchy = "read_at"


@admin.register(PersonDataEvent)
class PersonDataEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "detainee_id", "actor_name", "reason"]
    list_filter = ["action"]
    search_fields = ["=detainee__id", "actor_name"]
    date_hierarchy = "created_at"
