"""Official figures over the API: a read serializer (the detail carries the record's count
and the gap), and small input serializers that write through figures.services."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cases.fields import web_address_validator
from cases.models import Detainee
from cases.serializers import RecordUpdateSerializer, _country
from config.api import CountryReadField, TextField

from . import services
from .constants import Definition, Qualifier
from .models import OfficialFigure

FIELDS = [
    "id",
    "version",
    "said_by",
    "said_on",
    "number",
    "qualifier",
    "number_display",
    "definition",
    "question",
    "nationality",
    "country",
    "since_year",
    "source_url",
    "source_document",
    "notes",
]


class FigureSerializer(serializers.ModelSerializer):
    nationality = CountryReadField()
    country = CountryReadField()
    number_display = serializers.CharField(read_only=True)
    question = serializers.CharField(read_only=True, help_text=_("What the figure counts"))

    class Meta:
        model = OfficialFigure
        fields = FIELDS


class FigureDetailSerializer(FigureSerializer):
    record_count = serializers.SerializerMethodField(
        help_text=_("What the record counts for the same question, among the people you see")
    )
    gap = serializers.SerializerMethodField(
        help_text=_("The official number less the record's count")
    )

    class Meta(FigureSerializer.Meta):
        fields = [*FIELDS, "record_count", "gap"]

    def _comparison(self, figure) -> services.Comparison:
        if not hasattr(self, "_compared"):
            detainees = Detainee.objects.visible_to(self.context["request"].user)
            self._compared = services.figure_compare(figure=figure, detainees=detainees)
        return self._compared

    def get_record_count(self, figure) -> int:
        return self._comparison(figure).record_count

    def get_gap(self, figure) -> int:
        return self._comparison(figure).gap


class FigureFieldsSerializer(serializers.Serializer):
    said_by = TextField(max_length=200)
    said_on = serializers.DateField()
    number = serializers.IntegerField(min_value=0, max_value=10_000_000)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices, required=False)
    definition = serializers.ChoiceField(choices=Definition.choices)
    nationality = _country()
    country = _country()
    since_year = serializers.IntegerField(
        min_value=1, max_value=9999, required=False, allow_null=True
    )
    source_url = serializers.URLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        validators=[web_address_validator],
        help_text=_("An http:// or https:// address"),
    )
    source_document = TextField(max_length=300, required=False, allow_blank=True)
    notes = TextField(required=False, allow_blank=True, max_length=20000)


class FigureCreateSerializer(FigureFieldsSerializer):
    def create(self, validated_data):
        return services.figure_record(**validated_data, user=self.context["request"].user)


class FigureUpdateSerializer(FigureFieldsSerializer, RecordUpdateSerializer):
    def validate(self, attrs):
        def value(name):
            return attrs[name] if name in attrs else getattr(self.instance, name)

        try:
            services.figure_check(
                definition=value("definition"),
                since_year=value("since_year"),
                said_on=value("said_on"),
                source_url=value("source_url"),
                source_document=value("source_document"),
            )
        except services.DomainError as exc:
            raise serializers.ValidationError({exc.field: exc.message}) from exc
        return attrs
