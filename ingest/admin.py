from django.contrib import admin

from cases.admin import RecordAccessMixin
from cases.querysets import of_visible_detainees

from .models import Article, ArticleEvent, Draft, DraftFact, Feed, MatchJudgement


class ArticleEventInline(admin.TabularInline):
    """Append-only: shown, never edited."""

    model = ArticleEvent
    extra = 0
    can_delete = False
    readonly_fields = ["created_at", "from_state", "to_state", "actor", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "origin", "language", "outlet", "created_at"]
    list_filter = ["state", "origin", "language"]
    search_fields = ["title", "canonical_url", "outlet"]
    list_select_related = ["submitted_by"]
    inlines = [ArticleEventInline]
    # State moves only through the services, which keep the event trail.
    readonly_fields = [
        "state",
        "state_reason",
        "origin",
        "url",
        "canonical_url",
        "text",
        "text_hash",
        "html",
        "language",
        "feed",
        "feed_entry_id",
        "duplicate_of",
        "source",
        "extractor_version",
        "attempts",
        "claimed_at",
        "submitted_by",
        "created_at",
        "updated_at",
    ]
    exclude = ["published_on"]

    def has_add_permission(self, request) -> bool:
        return False


class DraftFactInline(RecordAccessMixin, admin.TabularInline):
    model = DraftFact
    detainee_path = "draft__detainee"
    detainee_optional = True
    extra = 0
    can_delete = False
    fields = ["kind", "value", "quote", "decision", "decided_by", "decided_at", "record_type"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Draft)
class DraftAdmin(RecordAccessMixin, admin.ModelAdmin):
    # A draft written to a detainee is part of their record.
    detainee_path = "detainee"
    detainee_optional = True
    list_display = ["name", "article", "status", "extractor_version", "created_at"]
    list_filter = ["status", "extractor_version"]
    search_fields = ["name"]
    list_select_related = ["article"]
    inlines = [DraftFactInline]
    readonly_fields = [
        "article",
        "person_key",
        "name",
        "extractor_version",
        "status",
        "detainee",
        "reject_reason",
        "reviewed_by",
        "reviewed_at",
    ]
    exclude = ["date_of_birth"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "is_active", "last_polled_at", "last_error"]
    list_filter = ["is_active"]
    readonly_fields = ["last_polled_at", "last_error", "created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MatchJudgement)
class MatchJudgementAdmin(admin.ModelAdmin):
    """Reviewers' judgements on who a name is: read here, written only by reviewing."""

    list_display = ["name", "verdict", "detainee", "decided_by", "decided_at", "draft"]
    list_filter = ["verdict"]
    search_fields = ["name"]
    list_select_related = ["detainee", "decided_by", "draft"]

    def get_queryset(self, request):
        # A judgement names its detainee and, in its name, the draft's person (who may be
        # another, restricted, detainee): both must be people the user may see.
        queryset = of_visible_detainees(super().get_queryset(request), request.user, "detainee")
        return of_visible_detainees(queryset, request.user, "draft__detainee", or_none=True)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
