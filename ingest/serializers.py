"""API shapes of the ingest app: read serializers for lists and details, and one small input
serializer per write."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.fields import web_address_validator
from config.api import PartialDateSerializerField, StrictBooleanField, TextField

from . import facts as fact_rules
from .constants import MatchTier
from .models import Article, ArticleEvent, Draft, DraftFact


class ArticleEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(
        source="actor.username", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = ArticleEvent
        fields = ["from_state", "to_state", "actor", "note", "created_at"]


class ArticleListSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    published = PartialDateSerializerField(read_only=True)
    submitted_by = serializers.CharField(
        source="submitted_by.username", default=None, read_only=True, allow_null=True
    )
    draft_count = serializers.IntegerField(read_only=True)
    pending_draft_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "state",
            "state_display",
            "state_reason",
            "origin",
            "title",
            "outlet",
            "url",
            "canonical_url",
            "published",
            "language",
            "extractor_version",
            "duplicate_of",
            "submitted_by",
            "draft_count",
            "pending_draft_count",
            "created_at",
            "updated_at",
        ]


class ArticleDraftSerializer(serializers.ModelSerializer):
    class Meta:
        model = Draft
        fields = ["id", "name", "status", "detainee"]


class ArticleDetailSerializer(ArticleListSerializer):
    events = ArticleEventSerializer(many=True, read_only=True)
    drafts = ArticleDraftSerializer(many=True, read_only=True)

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "text", "source", "events", "drafts"]


class ArticleSubmitSerializer(serializers.Serializer):
    """Exactly one of `text`, `file` or `url`."""

    text = TextField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="Pasted text or HTML"
    )
    file = serializers.FileField(
        required=False, help_text="A .txt or .html file (multipart/form-data)"
    )
    url = TextField(
        required=False,
        allow_blank=True,
        max_length=2000,
        validators=[web_address_validator],
        help_text="An http:// or https:// address. With `text` or `file`: where it was "
        "published. Alone: a page to fetch.",
    )
    title = TextField(required=False, allow_blank=True, max_length=500)
    outlet = TextField(required=False, allow_blank=True, max_length=200)
    # Not null: a multipart form has no null, only empty.
    published = PartialDateSerializerField(allow_null=False)

    def validate(self, attrs):
        given = [k for k in ("text", "file") if k in attrs]
        if len(given) > 1:
            raise serializers.ValidationError(_("Send either text or a file, not both."))
        if not given and not (attrs.get("url") or "").strip():
            raise serializers.ValidationError(_("Send the article's text, a file or a URL."))
        return attrs


class DraftFactSerializer(serializers.ModelSerializer):
    display = serializers.SerializerMethodField()
    decided_by = serializers.CharField(
        source="decided_by.username", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = DraftFact
        fields = [
            "id",
            "kind",
            "value",
            "extracted_value",
            "display",
            "spans",
            "quote",
            "decision",
            "note",
            "decided_by",
            "decided_at",
            "record_type",
            "record_id",
        ]

    def get_display(self, fact) -> str:
        return fact_rules.display(fact.kind, fact.value)


class DraftListSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.display_title", read_only=True)
    fact_count = serializers.IntegerField(read_only=True)
    reviewed_by = serializers.CharField(
        source="reviewed_by.username", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Draft
        fields = [
            "id",
            "article",
            "article_title",
            "name",
            "status",
            "extractor_version",
            "fact_count",
            "detainee",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ]


class CandidateSerializer(serializers.Serializer):
    detainee = serializers.IntegerField(source="detainee.pk")
    full_name = serializers.CharField(source="detainee.full_name")
    score = serializers.IntegerField(help_text="0–100")
    tier = serializers.ChoiceField(
        choices=MatchTier.choices,
        help_text="`same`: the same person (the suggestion); `possible`: listed, never chosen "
        "for the reviewer",
    )
    reasons = serializers.ListField(child=serializers.CharField())


class DraftDetailSerializer(DraftListSerializer):
    date_of_birth = PartialDateSerializerField(source="birth_date", read_only=True)
    facts = DraftFactSerializer(many=True, read_only=True)
    candidates = serializers.SerializerMethodField()
    suggested_match = serializers.SerializerMethodField(
        help_text="The detainee id offered as the same person, or null when no candidate "
        "reaches that tier"
    )

    class Meta(DraftListSerializer.Meta):
        fields = [
            *DraftListSerializer.Meta.fields,
            "date_of_birth",
            "reject_reason",
            "facts",
            "suggested_match",
            "candidates",
        ]

    @extend_schema_field(CandidateSerializer(many=True))
    def get_candidates(self, draft) -> list:
        matches = self.context.get("matches")
        return CandidateSerializer(matches.candidates if matches else [], many=True).data

    def get_suggested_match(self, draft) -> int | None:
        matches = self.context.get("matches")
        return matches.suggested_match if matches else None


class DraftAcceptSerializer(serializers.Serializer):
    merge_into = serializers.IntegerField(
        required=False, allow_null=True, help_text="A detainee id; leave out for a new detainee"
    )
    facts = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        allow_null=True,
        max_length=500,
        help_text="Ids of the facts to accept; leave out to accept every complete fact",
    )
    edits = serializers.DictField(
        child=serializers.DictField(),
        required=False,
        help_text='Changed fields by fact id, e.g. {"12": {"country": "US"}}',
    )
    date_of_birth = PartialDateSerializerField()
    finish = StrictBooleanField(
        default=True, help_text="Mark the facts not chosen as not accepted and close the draft"
    )
    confirm_merge = StrictBooleanField(
        default=False,
        help_text="Needed to merge into a detainee who is not the draft's `suggested_match`: "
        "without it such an accept writes nothing and answers 409 "
        "(`code: confirmation_required`) with the changes it would make on that record in "
        "`fields.confirm_merge`",
    )

    def validate_edits(self, value):
        try:
            return {int(k): v for k, v in value.items()}
        except ValueError as exc:
            raise serializers.ValidationError(_("Edits are keyed by fact id.")) from exc


class DraftRejectSerializer(serializers.Serializer):
    reason = TextField(max_length=2000)


class DraftNotThisPersonSerializer(serializers.Serializer):
    detainee = serializers.IntegerField(help_text="A candidate's detainee id")
    note = TextField(required=False, allow_blank=True, max_length=300)
