"""What the API shows of a detainee: a row of the list (built straight from the person
for a whole page) and the detail, with everything about one person in one call."""

import datetime as dt

from django.utils import timezone
from django_countries import countries
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
)

from .. import dated_facts
from ..fields import partial_date, sensitive_field_names
from ..models import Detainee
from ..roles import can_view_sensitive
from .fact_states import FactStateSerializer
from .records import (
    CaseDetailSerializer,
    CitationSerializer,
    CustodyPeriodSerializer,
    ExtraditionSerializer,
    FacilityBriefSerializer,
    NameVariantSerializer,
    NationalitySerializer,
    _date,
)


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
