"""What the API shows of each kind of record on its own: sources and citations,
facilities, name variants, nationalities, charges, sentences, cases, custody periods
and extraditions."""

from rest_framework import serializers

from config.api import CountryReadField, ModelSerializer, PartialDateSerializerField

from ..constants import ReportedFact
from ..models import (
    Case,
    Charge,
    CustodyPeriod,
    Extradition,
    Facility,
    NameVariant,
    Sentence,
    Source,
)
from .fact_states import DisputableMixin


def _date(source: str) -> PartialDateSerializerField:
    """A partial date read through the model property of that name."""
    return PartialDateSerializerField(source=source, read_only=True)


class SourceSerializer(ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    published_on = _date("published")

    class Meta:
        model = Source
        fields = [
            "id",
            "version",
            "kind",
            "kind_label",
            "url",
            "title",
            "outlet",
            "published_on",
            "language",
            "notes",
            "created_at",
        ]


class CitationSerializer(serializers.Serializer):
    """A source as cited by one fact, with the words that support it."""

    id = serializers.IntegerField(source="source.id")
    title = serializers.CharField(source="source.title")
    outlet = serializers.CharField(source="source.outlet")
    url = serializers.CharField(source="source.url")
    published_on = PartialDateSerializerField(source="source.published", read_only=True)
    quote = serializers.CharField()


class FacilityBriefSerializer(ModelSerializer):
    country = CountryReadField()

    class Meta:
        model = Facility
        fields = ["id", "name", "kind", "country", "locality"]


class FacilitySerializer(ModelSerializer):
    country = CountryReadField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Facility
        fields = ["id", "version", "name", "kind", "kind_label", "country", "locality", "notes"]


# The date a charge, name variant or nationality speaks of (`cases.models.DatedFact`).
_AS_OF_HELP = (
    "The date the fact speaks of: the event date when its source gives one, else the "
    "publication date of its earliest source, with its precision."
)


def _as_of() -> PartialDateSerializerField:
    return PartialDateSerializerField(
        source="reported_as_of", read_only=True, help_text=_AS_OF_HELP
    )


class NameVariantSerializer(ModelSerializer):
    script = serializers.CharField(read_only=True)
    as_of = _as_of()

    class Meta:
        model = NameVariant
        fields = ["id", "version", "detainee", "name", "script", "as_of"]


class NationalitySerializer(serializers.Serializer):
    code = serializers.CharField(source="country.code", read_only=True)
    name = serializers.CharField(source="country.name", read_only=True)
    as_of = _as_of()


class ChargeSerializer(ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    disposition_label = serializers.CharField(source="get_disposition_display", read_only=True)
    as_of = _as_of()

    class Meta:
        model = Charge
        fields = [
            "id",
            "version",
            "case",
            "description",
            "statute",
            "category",
            "category_label",
            "disposition",
            "disposition_label",
            "max_penalty_years",
            "as_of",
        ]


class SentenceSerializer(DisputableMixin, ModelSerializer):
    reported_fact = ReportedFact.SENTENCE_TERM
    sentenced_on = _date("sentenced")
    expected_release_on = _date("expected_release")
    term_display = serializers.CharField(read_only=True)

    class Meta:
        model = Sentence
        fields = [
            "id",
            "version",
            "case",
            "court",
            "sentenced_on",
            "term_years",
            "term_months",
            "is_life",
            "term_display",
            "fine_amount",
            "fine_currency",
            "time_served_credit_days",
            "expected_release_on",
            "notes",
            "disputed",
            "alternatives",
        ]


class CaseSerializer(ModelSerializer):
    """A case with its charges and sentences (prefetched by the view)."""

    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)
    country = CountryReadField()
    arrest_country = CountryReadField()
    arrest_requested_by = CountryReadField()
    arrested_on = _date("arrested")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    charges = ChargeSerializer(many=True, read_only=True)
    sentences = SentenceSerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "version",
            "detainee",
            "detainee_name",
            "country",
            "court",
            "case_number",
            "arrested_on",
            "arrest_place",
            "arrest_country",
            "arrest_requested_by",
            "status",
            "status_label",
            "summary",
            "charges",
            "sentences",
            "created_at",
        ]


class CaseDetailSerializer(CaseSerializer):
    sources = CitationSerializer(source="citations", many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "sources"]


class CustodyPeriodSerializer(ModelSerializer):
    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)
    facility = FacilityBriefSerializer(read_only=True)
    started_on = _date("started")
    ended_on = _date("ended")
    is_current = serializers.BooleanField(read_only=True)

    class Meta:
        model = CustodyPeriod
        fields = [
            "id",
            "version",
            "detainee",
            "detainee_name",
            "facility",
            "started_on",
            "ended_on",
            "is_current",
        ]


class ExtraditionSerializer(DisputableMixin, ModelSerializer):
    reported_fact = ReportedFact.EXTRADITION_STATUS
    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)
    from_country = CountryReadField()
    to_country = CountryReadField()
    arrested_on = _date("arrested")
    decided_on = _date("decided")
    surrendered_on = _date("surrendered")
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Extradition
        fields = [
            "id",
            "version",
            "detainee",
            "detainee_name",
            "case",
            "from_country",
            "to_country",
            "arrested_on",
            "decided_on",
            "surrendered_on",
            "status",
            "status_label",
            "notes",
            "disputed",
            "alternatives",
        ]
