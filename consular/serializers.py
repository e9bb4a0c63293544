"""Consular visits over the API. Observations are sensitive: roles without
`cases.view_sensitive` never see them."""

from rest_framework import serializers

from cases.models import Detainee, Facility
from cases.serializers import (
    CitationSerializer,
    CitingSerializer,
    FacilityBriefSerializer,
    FactUpdateSerializer,
    VisibleDetaineeField,
)
from config.api import PartialDateSerializerField, SensitiveFieldsMixin, TextField

from .constants import VisitKind, VisitOutcome
from .models import ConsularVisit
from .services import visit_record


class VisitSerializer(SensitiveFieldsMixin, serializers.ModelSerializer):
    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)
    facility = FacilityBriefSerializer(read_only=True, allow_null=True)
    visited_on = PartialDateSerializerField(source="visited", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    outcome_label = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = ConsularVisit
        fields = [
            "id",
            "version",
            "detainee",
            "detainee_name",
            "facility",
            "visited_on",
            "visitors",
            "kind",
            "kind_label",
            "outcome",
            "outcome_label",
            "observations",
            "follow_up",
            "created_at",
        ]


class VisitDetailSerializer(VisitSerializer):
    sources = CitationSerializer(source="citations", many=True, read_only=True)

    class Meta(VisitSerializer.Meta):
        fields = [*VisitSerializer.Meta.fields, "sources"]


class VisitFieldsSerializer(SensitiveFieldsMixin, serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(
        queryset=Facility.objects.all(), required=False, allow_null=True
    )
    visited_on = PartialDateSerializerField()
    visitors = TextField(
        max_length=300, help_text="Who visited: names and titles, e.g. Consul Jane Roe"
    )
    kind = serializers.ChoiceField(choices=VisitKind.choices, required=False)
    outcome = serializers.ChoiceField(choices=VisitOutcome.choices, required=False)
    observations = TextField(required=False, allow_blank=True, max_length=20000)
    follow_up = TextField(required=False, allow_blank=True, max_length=20000)

    class Meta:
        model = ConsularVisit


class VisitCreateSerializer(VisitFieldsSerializer, CitingSerializer):
    detainee = VisibleDetaineeField(queryset=Detainee.objects.all())

    def create(self, validated_data):
        citing = self._citing(validated_data)
        if "visited_on" in validated_data:
            validated_data["visited"] = validated_data.pop("visited_on")
        return visit_record(**citing, **validated_data)


class VisitUpdateSerializer(VisitFieldsSerializer, FactUpdateSerializer):
    pass
