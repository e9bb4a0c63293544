"""What each write accepts: one small input serializer per write, which calls a service."""

from django.contrib.auth import get_user_model
from django.db import transaction
from rest_framework import serializers

from config.api import (
    PartialDateSerializerField,
    SensitiveFieldsMixin,
    StrictBooleanField,
    TextField,
)

from .. import services, validators
from ..constants import (
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
from ..fields import partial_date, web_address_validator
from ..models import Case, Detainee, Facility, Sentence
from .write_fields import (
    CitingSerializer,
    FactUpdateSerializer,
    RecordUpdateSerializer,
    VisibleCaseField,
    VisibleDetaineeField,
    _country,
)


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
