"""The parts every write serializer is built from, here and in the other apps: ids of
records the user may see, country codes, citing a source, and updates that go through
the services."""

from django.db import transaction
from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from config.api import TextField

from .. import services
from ..models import Case, Detainee, Source


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
