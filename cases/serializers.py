"""What the API shows of the case record (read serializers) and what it accepts (one small
input serializer per write, which calls a service)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from audit import reads
from config.api import (
    ChoiceLabelField,
    CountryReadField,
    CountrySerializer,
    ModelSerializer,
    PartialDateSerializerField,
    SensitiveFieldsMixin,
    StrictBooleanField,
    TextField,
)

from . import dated_facts, services, validators
from .constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    Priority,
    ReportedFact,
    Sex,
    SourceKind,
)
from .fields import partial_date, sensitive_field_names, web_address_validator
from .models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    Facility,
    NameVariant,
    Sentence,
    Source,
)
from .roles import can_view_sensitive

# --- Reads -------------------------------------------------------------------------------


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


class ReportSourceSerializer(serializers.Serializer):
    """One source's report of a value, with the date it speaks of. A report without a
    source was entered by a caseworker."""

    source = serializers.IntegerField(source="source_id", allow_null=True)
    title = serializers.SerializerMethodField()
    outlet = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    published_on = serializers.SerializerMethodField()
    as_of = PartialDateSerializerField(source="reported_as_of", read_only=True)
    quote = serializers.CharField()

    def get_title(self, report) -> str:
        return report.source.title if report.source_id else _("Entered by a caseworker")

    def get_outlet(self, report) -> str:
        return report.source.outlet if report.source_id else ""

    def get_url(self, report) -> str:
        return report.source.url if report.source_id else ""

    @extend_schema_field(PartialDateSerializerField(allow_null=True))
    def get_published_on(self, report) -> str | None:
        published = report.source.published if report.source_id else None
        return published.isoformat() if published else None


class AlternativeSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    sources = ReportSourceSerializer(source="reports", many=True)


class FactChoiceBriefSerializer(serializers.Serializer):
    value = serializers.CharField()
    reason = serializers.CharField()
    chosen_by = serializers.CharField(source="chosen_by.username", default=None)
    chosen_at = serializers.DateTimeField()


class FactStateSerializer(serializers.Serializer):
    """A fact as its sources report it: the record's value, whether sources disagree, and
    each value they give with its sources."""

    value = serializers.CharField(allow_null=True)
    label = serializers.CharField()
    as_of = PartialDateSerializerField(read_only=True)
    disputed = serializers.BooleanField()
    alternatives = AlternativeSerializer(many=True)
    chosen = FactChoiceBriefSerializer(source="choice", allow_null=True)


class DisputableMixin(serializers.Serializer):
    """`disputed` and `alternatives` of the fact this row holds (a sentence's term, an
    extradition's status), read from the states the detainee's serializer put in the
    context, or from the row's own reports when it is shown alone."""

    reported_fact = ""
    disputed = serializers.SerializerMethodField()
    alternatives = serializers.SerializerMethodField()

    def _state(self, row):
        key = (
            self.reported_fact,
            row.pk if self.reported_fact == ReportedFact.EXTRADITION_STATUS else None,
            row.pk if self.reported_fact == ReportedFact.SENTENCE_TERM else None,
        )
        states = self.context.get("fact_states")
        if states is not None:
            return states.get(key)
        reports = list(row.reports.all())  # prefetched by the views
        return dated_facts.fact_state(self.reported_fact, reports) if reports else None

    def get_disputed(self, row) -> bool:
        state = self._state(row)
        return bool(state and state.disputed)

    @extend_schema_field(AlternativeSerializer(many=True))
    def get_alternatives(self, row) -> list[dict]:
        state = self._state(row)
        return AlternativeSerializer(state.alternatives, many=True).data if state else []


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


class VisitBriefSerializer(serializers.Serializer):
    """The latest completed consular visit, read through the detainee's `consular_visits`
    relation; its observations are sensitive."""

    id = serializers.IntegerField()
    visited_on = serializers.SerializerMethodField()
    visitors = serializers.CharField()
    kind = serializers.CharField()
    outcome = serializers.CharField()
    facility = FacilityBriefSerializer(allow_null=True)
    observations = serializers.CharField(required=False)
    follow_up = serializers.CharField()

    @extend_schema_field(PartialDateSerializerField(allow_null=True))
    def get_visited_on(self, visit) -> str | None:
        value = partial_date(visit, "visited_on")
        return value.isoformat() if value else None

    def to_representation(self, visit):
        data = super().to_representation(visit)
        request = self.context.get("request")
        if request is None or not can_view_sensitive(request.user):
            for name in sensitive_field_names(type(visit)):
                data.pop(name, None)
        else:
            reads.note(request, [visit])
        return data


def _days_since(day: dt.date | None) -> int | None:
    return (timezone.localdate() - day).days if day else None


# Where the list's view puts each person's nationalities (a prefetched list) and the
# username of their caseworker (an annotation).
LISTED_NATIONALITIES = "listed_nationalities"
LISTED_CASEWORKER = "listed_caseworker_username"


def _nationalities(detainee) -> list:
    listed = getattr(detainee, LISTED_NATIONALITIES, None)
    return listed if listed is not None else list(detainee.nationalities.all())


def _caseworker_username(detainee) -> str | None:
    if hasattr(detainee, LISTED_CASEWORKER):
        return getattr(detainee, LISTED_CASEWORKER)
    caseworker = detainee.assigned_caseworker if detainee.assigned_caseworker_id else None
    return caseworker.username if caseworker is not None else None


class DetaineeRowsSerializer(serializers.ListSerializer):
    """A page of the detainee list (and its CSV export), each row built straight from the
    person (`DetaineeListSerializer.rows`) rather than field by field: the same keys and
    values (a test holds the two equal), without a page running every field's source
    lookup and conversion, and the facility's nested serializer, once per row. A subclass
    that shows a row its own way (its own `to_representation`) or other fields is shown
    field by field."""

    def to_representation(self, data):
        child = type(self.child)
        if (
            child.to_representation is not _ROW_FIELD_BY_FIELD
            or child.Meta.fields != DetaineeListSerializer.Meta.fields
        ):
            return super().to_representation(data)
        return self.child.rows(list(data.all() if hasattr(data, "all") else data))


class DetaineeListSerializer(SensitiveFieldsMixin, ModelSerializer):
    """A row of the detainee list. The view annotates `last_visit_on` and joins the
    current facility."""

    # A page's rows are built by `rows` (`DetaineeRowsSerializer`); the docstring above is
    # the schema's description of a row.

    status_label = ChoiceLabelField(source="status")
    priority_label = ChoiceLabelField(source="priority")
    nationalities = serializers.SerializerMethodField()
    detaining_country = CountryReadField(read_only=True)
    current_facility = serializers.SerializerMethodField()
    assigned_caseworker_username = serializers.CharField(
        source="assigned_caseworker.username", read_only=True, default=None, allow_null=True
    )
    last_visit_on = serializers.SerializerMethodField()
    days_since_last_visit = serializers.SerializerMethodField()

    class Meta:
        model = Detainee
        fields = [
            "id",
            "version",
            "full_name",
            "name_original_script",
            "status",
            "status_label",
            "priority",
            "priority_label",
            "nationalities",
            "detaining_country",
            "current_facility",
            "assigned_caseworker",
            "assigned_caseworker_username",
            "is_restricted",
            "last_visit_on",
            "days_since_last_visit",
            "welfare_notes",
            "next_of_kin",
            "updated_at",
        ]
        list_serializer_class = DetaineeRowsSerializer

    def rows(self, detainees) -> list[dict]:
        """The rows of `detainees` as `to_representation` shows each, built by hand: keep
        the two in step (cases/tests/test_api_detainees.py compares them)."""
        hidden = self.hidden_field_names()
        request = self.context.get("request")
        today = timezone.localdate()
        updated_at = serializers.DateTimeField()
        status_labels, priority_labels = (
            {k: str(v) for k, v in Detainee._meta.get_field(name).flatchoices}
            for name in ("status", "priority")
        )
        names: dict[str, str] = {}

        def country(value) -> dict:
            # Each country is named (and translated) once per page.
            code = getattr(value, "code", value) or ""
            if code not in names:
                names[code] = str(countries.name(code)) if code else ""
            return {"code": code, "name": names[code]}

        rows = []
        for person in detainees:
            facility = person.current_facility
            last_visit_on = getattr(person, "last_visit_on", None)
            row = {
                "id": person.id,
                "version": person.version,
                "full_name": person.full_name,
                "name_original_script": person.name_original_script,
                "status": person.status,
                "status_label": status_labels.get(person.status, person.status),
                "priority": person.priority,
                "priority_label": priority_labels.get(person.priority, person.priority),
                "nationalities": [country(n.country) for n in _nationalities(person)],
                "detaining_country": country(person.detaining_country),
                "current_facility": None
                if facility is None
                else {
                    "id": facility.id,
                    "name": facility.name,
                    "kind": facility.kind,
                    "country": country(facility.country),
                    "locality": facility.locality,
                },
                "assigned_caseworker": person.assigned_caseworker_id,
                "assigned_caseworker_username": _caseworker_username(person),
                "is_restricted": person.is_restricted,
                "last_visit_on": last_visit_on.isoformat() if last_visit_on else None,
                "days_since_last_visit": (today - last_visit_on).days if last_visit_on else None,
                "welfare_notes": person.welfare_notes,
                "next_of_kin": person.next_of_kin,
                "updated_at": updated_at.to_representation(person.updated_at),
            }
            for name in hidden:
                del row[name]
            rows.append(row)
        if sensitive_field_names(Detainee) - hidden:
            # As `SensitiveFieldsMixin` does for each row it shows.
            reads.note(request, detainees)
        return rows

    @extend_schema_field(CountrySerializer(many=True))
    def get_nationalities(self, detainee) -> list[dict]:
        # One field for every row of a page, so that each country is named once.
        if "_country_field" not in self.__dict__:
            self._country_field = CountryReadField()
        field = self._country_field
        return [field.to_representation(n.country) for n in _nationalities(detainee)]

    @extend_schema_field(FacilityBriefSerializer(allow_null=True))
    def get_current_facility(self, detainee) -> dict | None:
        # Derived from the latest dated reports (services.detainee_facts_derive).
        facility = detainee.current_facility
        if facility is None:
            return None
        # One serializer for every row of a page: building its fields is what costs.
        if "_facility_brief" not in self.__dict__:
            self._facility_brief = FacilityBriefSerializer(context=self.context)
        return self._facility_brief.to_representation(facility)

    @extend_schema_field(
        {"type": "string", "format": "date", "nullable": True, "example": "2023-04-26"}
    )
    def get_last_visit_on(self, detainee) -> str | None:
        day = getattr(detainee, "last_visit_on", None)
        return day.isoformat() if day else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_days_since_last_visit(self, detainee) -> int | None:
        return _days_since(getattr(detainee, "last_visit_on", None))


_ROW_FIELD_BY_FIELD = DetaineeListSerializer.to_representation


class DetaineeDetailSerializer(DetaineeListSerializer):
    """Everything a client needs about one person in one call."""

    sex_label = serializers.CharField(source="get_sex_display", read_only=True)
    date_of_birth = _date("birth_date")
    # With the date each speaks of (the list gives the countries alone).
    nationalities = NationalitySerializer(many=True, read_only=True)
    name_variants = NameVariantSerializer(many=True, read_only=True)
    tags = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    cases = CaseDetailSerializer(many=True, read_only=True)
    custody_periods = CustodyPeriodSerializer(many=True, read_only=True)
    extraditions = ExtraditionSerializer(many=True, read_only=True)
    latest_visit = serializers.SerializerMethodField()
    sources = CitationSerializer(source="citations", many=True, read_only=True)
    facts = serializers.SerializerMethodField()

    class Meta(DetaineeListSerializer.Meta):
        fields = [
            *DetaineeListSerializer.Meta.fields,
            "sex",
            "sex_label",
            "date_of_birth",
            "name_variants",
            "tags",
            "cases",
            "custody_periods",
            "extraditions",
            "latest_visit",
            "sources",
            "facts",
            "created_at",
        ]

    def to_representation(self, detainee):
        # Computed once; the nested sentences and extraditions read theirs from here.
        self.context["fact_states"] = dated_facts.detainee_fact_states(detainee)
        return super().to_representation(detainee)

    @extend_schema_field(serializers.DictField(child=FactStateSerializer()))
    def get_facts(self, detainee) -> dict:
        states = self.context.get("fact_states") or dated_facts.detainee_fact_states(detainee)
        return {
            fact: FactStateSerializer(state).data
            for (fact, extradition, sentence), state in states.items()
            if extradition is None and sentence is None
        }

    @extend_schema_field(VisitBriefSerializer(allow_null=True))
    def get_latest_visit(self, detainee) -> dict | None:
        visits = getattr(detainee, "completed_visits", [])
        if not visits:
            return None
        return VisitBriefSerializer(visits[0], context=self.context).data


# --- Writes ------------------------------------------------------------------------------


class VisibleDetaineeField(serializers.PrimaryKeyRelatedField):
    """A detainee the requesting user may see; any other id is "does not exist"."""

    def get_queryset(self):
        request = self.context.get("request")
        return Detainee.objects.visible_to(getattr(request, "user", None))


class VisibleCaseField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        request = self.context.get("request")
        visible = Detainee.objects.visible_to(getattr(request, "user", None))
        return Case.objects.filter(detainee__in=visible)


class CitingSerializer(serializers.Serializer):
    """A write may cite the source it comes from, with the supporting words."""

    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), required=False, allow_null=True
    )
    quote = TextField(required=False, allow_blank=True, max_length=5000)

    def _citing(self, data: dict) -> dict:
        return {"source": data.pop("source", None), "quote": data.pop("quote", "")}


class RecordUpdateSerializer(serializers.Serializer):
    """Updates only the fields sent (every update is a PATCH). The view passes
    `expected_version` (from `If-Match`) to `save()`."""

    def update(self, instance, validated_data):
        expected_version = validated_data.pop("expected_version", None)
        services.record_update(
            record=instance, changes=validated_data, expected_version=expected_version
        )
        return instance


class FactUpdateSerializer(CitingSerializer):
    """Updates only the fields sent; a source sent along is cited by the fact."""

    def update(self, instance, validated_data):
        expected_version = validated_data.pop("expected_version", None)
        citing = self._citing(validated_data)
        with transaction.atomic():
            services.record_update(
                record=instance, changes=validated_data, expected_version=expected_version
            )
            services.cite(instance, citing["source"], citing["quote"])
        return instance


class CountryCodeField(CountryField):
    """An ISO 3166 code as a JSON string (an object or a number is refused, not read)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


def _country(**kwargs) -> CountryField:
    return CountryCodeField(**kwargs)


class NationalitiesField(serializers.ListField):
    """ISO codes in, ISO codes out; read from the detainee's `nationalities` rows (the
    browsable API shows an update form filled from the record)."""

    def __init__(self, **kwargs):
        super().__init__(child=_country(), **kwargs)

    def get_attribute(self, instance):
        return [str(n.country) for n in instance.nationalities.all()]


class DetaineeFieldsSerializer(SensitiveFieldsMixin, serializers.Serializer):
    full_name = TextField(max_length=200)
    name_original_script = TextField(max_length=200, required=False, allow_blank=True)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False, allow_blank=True)
    date_of_birth = PartialDateSerializerField()
    status = serializers.ChoiceField(choices=DetaineeStatus.choices, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    assigned_caseworker = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True), required=False, allow_null=True
    )
    is_restricted = StrictBooleanField(required=False)
    welfare_notes = TextField(required=False, allow_blank=True, max_length=20000)
    next_of_kin = TextField(required=False, allow_blank=True, max_length=5000)
    nationalities = NationalitiesField(
        required=False, max_length=10, help_text="ISO 3166 codes, e.g. RU"
    )

    class Meta:
        model = Detainee

    def validate(self, attrs):
        request = self.context.get("request")
        services.detainee_access_check(
            user=getattr(request, "user", None), changes=attrs, detainee=self.instance
        )
        return attrs


class DetaineeCreateSerializer(DetaineeFieldsSerializer, CitingSerializer):
    name_variants = serializers.ListField(
        child=TextField(max_length=200),
        required=False,
        max_length=50,
        help_text="Other spellings, in any script",
    )

    def create(self, validated_data):
        return services.detainee_create(**self._citing(validated_data), **validated_data)


class DetaineeUpdateSerializer(DetaineeFieldsSerializer, FactUpdateSerializer):
    def update(self, instance, validated_data):
        expected_version = validated_data.pop("expected_version", None)
        citing = self._citing(validated_data)
        nationalities = validated_data.pop("nationalities", None)
        with transaction.atomic():
            services.detainee_update(
                detainee=instance,
                changes=validated_data,
                nationalities=nationalities,
                expected_version=expected_version,
            )
            services.cite(instance, citing["source"], citing["quote"])
        return instance


class NameVariantCreateSerializer(CitingSerializer):
    detainee = VisibleDetaineeField(queryset=Detainee.objects.all())
    name = TextField(max_length=200)

    def create(self, validated_data):
        return services.name_variant_add(**self._citing(validated_data), **validated_data)


class NameVariantUpdateSerializer(FactUpdateSerializer):
    name = TextField(max_length=200)


class ChargeFieldsSerializer(serializers.Serializer):
    description = TextField(max_length=500)
    as_of = PartialDateSerializerField(
        help_text="When the charge was brought, if known; else the source's date (or today)"
    )
    statute = TextField(max_length=200, required=False, allow_blank=True)
    category = serializers.ChoiceField(choices=ChargeCategory.choices, required=False)
    disposition = serializers.ChoiceField(choices=ChargeDisposition.choices, required=False)
    max_penalty_years = serializers.IntegerField(
        required=False, allow_null=True, validators=validators.max_penalty_years_validators
    )


class SentenceFieldsSerializer(serializers.Serializer):
    court = TextField(max_length=200, required=False, allow_blank=True)
    sentenced_on = PartialDateSerializerField()
    term_years = serializers.IntegerField(
        required=False, allow_null=True, validators=validators.term_years_validators
    )
    term_months = serializers.IntegerField(
        required=False,
        allow_null=True,
        validators=validators.term_months_validators,
        help_text="Months beyond the whole years (0–11)",
    )
    is_life = StrictBooleanField(required=False)
    fine_amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    fine_currency = TextField(
        max_length=3, required=False, allow_blank=True, help_text="ISO 4217, e.g. USD"
    )
    time_served_credit_days = serializers.IntegerField(
        required=False, allow_null=True, validators=validators.credit_days_validators
    )
    expected_release_on = PartialDateSerializerField()
    notes = TextField(required=False, allow_blank=True, max_length=5000)

    def validate(self, attrs):
        def value(name):
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name, None) if self.instance else None

        if value("is_life") and (value("term_years") or value("term_months")):
            raise serializers.ValidationError(
                {"term_years": "A life sentence has no term in years."}
            )
        if value("fine_amount") is not None:
            try:
                attrs["fine_currency"] = services.check_currency(value("fine_currency") or "")
            except services.DomainError as exc:
                raise serializers.ValidationError({"fine_currency": exc.message}) from exc
        elif attrs.get("fine_currency"):
            raise serializers.ValidationError(
                {"fine_amount": "A currency needs an amount to go with it."}
            )
        return attrs


def _sentence_kwargs(data: dict) -> dict:
    data = dict(data)
    if "sentenced_on" in data:
        data["sentenced"] = data.pop("sentenced_on")
    if "expected_release_on" in data:
        data["expected_release"] = data.pop("expected_release_on")
    return data


class CaseFieldsSerializer(serializers.Serializer):
    country = _country(help_text="The prosecuting / detaining country, ISO 3166 code")
    court = TextField(max_length=200, required=False, allow_blank=True)
    case_number = TextField(max_length=100, required=False, allow_blank=True)
    arrested_on = PartialDateSerializerField()
    arrest_place = TextField(max_length=200, required=False, allow_blank=True)
    arrest_country = _country(required=False, allow_blank=True)
    arrest_requested_by = _country(
        required=False,
        allow_blank=True,
        help_text="The country at whose request another country made the arrest",
    )
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    summary = TextField(required=False, allow_blank=True, max_length=20000)


class CaseCreateSerializer(CaseFieldsSerializer, CitingSerializer):
    """A case with its charges and sentence, written all or nothing."""

    detainee = VisibleDetaineeField(queryset=Detainee.objects.all())
    charges = ChargeFieldsSerializer(many=True, required=False, max_length=50)
    sentence = SentenceFieldsSerializer(required=False, allow_null=True)

    def create(self, validated_data):
        citing = self._citing(validated_data)
        sentence = validated_data.pop("sentence", None)
        if "arrested_on" in validated_data:
            validated_data["arrested"] = validated_data.pop("arrested_on")
        return services.case_open_complete(
            **citing,
            charges=validated_data.pop("charges", []),
            sentence=_sentence_kwargs(sentence) if sentence else None,
            **validated_data,
        )


class CaseUpdateSerializer(CaseFieldsSerializer, FactUpdateSerializer):
    pass


class ChargeCreateSerializer(ChargeFieldsSerializer, CitingSerializer):
    case = VisibleCaseField(queryset=Case.objects.all())

    def create(self, validated_data):
        return services.charge_add(**self._citing(validated_data), **validated_data)


class ChargeUpdateSerializer(ChargeFieldsSerializer, FactUpdateSerializer):
    pass


class SentenceCreateSerializer(SentenceFieldsSerializer, CitingSerializer):
    case = VisibleCaseField(queryset=Case.objects.all())

    def create(self, validated_data):
        citing = self._citing(validated_data)
        return services.sentence_record(**citing, **_sentence_kwargs(validated_data))


class SentenceUpdateSerializer(SentenceFieldsSerializer, FactUpdateSerializer):
    pass


class CustodyPeriodFieldsSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    started_on = PartialDateSerializerField()
    ended_on = PartialDateSerializerField()

    def validate(self, attrs):
        started = attrs.get(
            "started_on", partial_date(self.instance, "started_on") if self.instance else None
        )
        ended = attrs.get(
            "ended_on", partial_date(self.instance, "ended_on") if self.instance else None
        )
        if started and ended and ended.value < started.value:
            raise serializers.ValidationError(
                {"ended_on": "A custody period cannot end before it starts."}
            )
        return attrs


class CustodyPeriodCreateSerializer(CustodyPeriodFieldsSerializer, CitingSerializer):
    detainee = VisibleDetaineeField(queryset=Detainee.objects.all())

    def create(self, validated_data):
        citing = self._citing(validated_data)
        return services.custody_period_record(
            **citing,
            detainee=validated_data["detainee"],
            facility=validated_data["facility"],
            started=validated_data.get("started_on"),
            ended=validated_data.get("ended_on"),
        )


class CustodyPeriodUpdateSerializer(CustodyPeriodFieldsSerializer, FactUpdateSerializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all(), required=False)


class ExtraditionFieldsSerializer(serializers.Serializer):
    case = VisibleCaseField(queryset=Case.objects.all(), required=False, allow_null=True)
    from_country = _country(help_text="The surrendering country, ISO 3166 code")
    to_country = _country(help_text="The requesting country, ISO 3166 code")
    status = serializers.ChoiceField(choices=ExtraditionStatus.choices, required=False)
    arrested_on = PartialDateSerializerField()
    decided_on = PartialDateSerializerField()
    surrendered_on = PartialDateSerializerField()
    notes = TextField(required=False, allow_blank=True, max_length=20000)

    def validate(self, attrs):
        def value(name):
            if name in attrs:
                return attrs[name]
            return getattr(self.instance, name, None) if self.instance else None

        if value("from_country") and value("from_country") == value("to_country"):
            raise serializers.ValidationError(
                {"to_country": "An extradition is between two different countries."}
            )
        detainee = attrs.get("detainee") or getattr(self.instance, "detainee", None)
        case = attrs.get("case")
        if case is not None and detainee is not None and case.detainee_id != detainee.pk:
            raise serializers.ValidationError({"case": "This case is about someone else."})
        return attrs


class ExtraditionCreateSerializer(ExtraditionFieldsSerializer, CitingSerializer):
    detainee = VisibleDetaineeField(queryset=Detainee.objects.all())

    def create(self, validated_data):
        data = {**self._citing(validated_data), **validated_data}
        for name in ("arrested", "decided", "surrendered"):
            if f"{name}_on" in data:
                data[name] = data.pop(f"{name}_on")
        return services.extradition_record(**data)


class ExtraditionUpdateSerializer(ExtraditionFieldsSerializer, FactUpdateSerializer):
    from_country = _country(required=False)
    to_country = _country(required=False)


class FacilityFieldsSerializer(serializers.Serializer):
    name = TextField(max_length=200)
    kind = serializers.ChoiceField(choices=FacilityKind.choices, required=False)
    country = _country()
    locality = TextField(max_length=200, required=False, allow_blank=True)
    notes = TextField(required=False, allow_blank=True, max_length=20000)


class FacilityCreateSerializer(FacilityFieldsSerializer):
    def create(self, validated_data):
        notes = validated_data.pop("notes", "")
        facility = services.facility_get_or_create(**validated_data)
        if notes and not facility.notes:
            services.record_update(record=facility, changes={"notes": notes})
        return facility


class FacilityUpdateSerializer(FacilityFieldsSerializer, RecordUpdateSerializer):
    pass


class SourceFieldsSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SourceKind.choices, required=False)
    url = serializers.URLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        validators=[web_address_validator],
        help_text="An http:// or https:// address",
    )
    title = TextField(max_length=500, required=False, allow_blank=True)
    outlet = TextField(max_length=200, required=False, allow_blank=True)
    published_on = PartialDateSerializerField()
    language = TextField(max_length=16, required=False, allow_blank=True)
    notes = TextField(required=False, allow_blank=True, max_length=20000)


class SourceCreateSerializer(SourceFieldsSerializer):
    def validate(self, attrs):
        if not attrs.get("url") and not attrs.get("title"):
            raise serializers.ValidationError({"url": "Give the source's address or its title."})
        return attrs

    def create(self, validated_data):
        notes = validated_data.pop("notes", "")
        if "published_on" in validated_data:
            validated_data["published"] = validated_data.pop("published_on")
        source = services.source_get_or_create(**validated_data)
        if notes and not source.notes:
            services.record_update(record=source, changes={"notes": notes})
        return source


class SourceUpdateSerializer(SourceFieldsSerializer, RecordUpdateSerializer):
    pass


class FactChooseSerializer(serializers.Serializer):
    """Settles a disputed fact: the value (as `alternatives` give it) and why. A sentence's
    term names the sentence, an extradition's status the extradition."""

    fact = serializers.ChoiceField(choices=ReportedFact.choices)
    value = serializers.CharField(max_length=100)
    reason = serializers.CharField(max_length=2000)
    sentence = serializers.IntegerField(required=False, allow_null=True)
    extradition = serializers.IntegerField(required=False, allow_null=True)

    def validate(self, attrs):
        detainee = self.context["detainee"]
        sentence_id, extradition_id = attrs.pop("sentence", None), attrs.pop("extradition", None)
        if attrs["fact"] == ReportedFact.SENTENCE_TERM:
            attrs["sentence"] = Sentence.objects.filter(
                pk=sentence_id, case__detainee=detainee
            ).first()
            if attrs["sentence"] is None:
                raise serializers.ValidationError({"sentence": "Name one of their sentences."})
        if attrs["fact"] == ReportedFact.EXTRADITION_STATUS:
            attrs["extradition"] = detainee.extraditions.filter(pk=extradition_id).first()
            if attrs["extradition"] is None:
                raise serializers.ValidationError(
                    {"extradition": "Name one of their extraditions."}
                )
        return attrs
