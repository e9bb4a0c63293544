"""The query parameters the statistics accept, and the shapes they answer with."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from config.api import PartialDateSerializerField

from .queries import Period


class StatsQuerySerializer(serializers.Serializer):
    nationality = CountryField(
        required=False, help_text="Count only detainees of this nationality (ISO 3166 code)"
    )
    date_from = PartialDateSerializerField(help_text="From this date: 2019, 2019-06, 2019-06-21")
    date_to = PartialDateSerializerField(help_text="To this date (inclusive): 2019, 2019-06, …")

    def validate(self, attrs):
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and end.last_day < start.value:
            raise serializers.ValidationError({"date_to": "The range ends before it starts."})
        return attrs

    @property
    def period(self) -> Period:
        return Period(self.validated_data.get("date_from"), self.validated_data.get("date_to"))


class OverdueQuerySerializer(serializers.Serializer):
    nationality = CountryField(
        required=False, help_text="Count only detainees of this nationality (ISO 3166 code)"
    )
    interval_days = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=3650,
        help_text="Days without a completed visit after which a detainee is overdue "
        "(default: the CONSULAR_VISIT_INTERVAL_DAYS setting)",
    )
    limit = serializers.IntegerField(
        required=False, min_value=1, max_value=500, default=50, help_text="Rows listed"
    )


class FacilitiesQuerySerializer(serializers.Serializer):
    nationality = CountryField(
        required=False, help_text="Count only detainees of this nationality (ISO 3166 code)"
    )
    limit = serializers.IntegerField(
        required=False, min_value=1, max_value=100, default=10, help_text="Facilities listed"
    )


# --- Answers (for the schema) ------------------------------------------------------------


class CountedAtSerializer(serializers.Serializer):
    as_of = serializers.DateTimeField(
        help_text="When the figures were counted: they are kept counted, every minute by "
        "default; an answer for a date range is counted when asked"
    )


class CountRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="A stable value: a status, a country code, a year …")
    label = serializers.CharField(help_text="For people: a status label, a country name …")
    count = serializers.IntegerField()


class YearRowSerializer(CountRowSerializer):
    key = serializers.IntegerField(allow_null=True, help_text="The year; null when unknown")


class CategoryRowSerializer(CountRowSerializer):
    detainees = serializers.IntegerField(help_text="People facing charges of this category")


class FacilityRowSerializer(CountRowSerializer):
    key = serializers.IntegerField(help_text="The facility's id")
    name = serializers.CharField()
    country = serializers.CharField()
    country_label = serializers.CharField()
    locality = serializers.CharField()


class SummaryTotalsSerializer(serializers.Serializer):
    detainees = serializers.IntegerField()
    held = serializers.IntegerField(
        help_text="Detained, charged, on trial, convicted or awaiting extradition"
    )
    detaining_countries = serializers.IntegerField(help_text="Countries holding someone")


class SummarySerializer(CountedAtSerializer):
    totals = SummaryTotalsSerializer()
    by_status = CountRowSerializer(many=True)
    held_by_country = CountRowSerializer(many=True)


class CountryYearRowSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True, help_text="The year; null when unknown")
    country = serializers.CharField(help_text="Surrendering country, ISO 3166 alpha-2")
    country_label = serializers.CharField()
    count = serializers.IntegerField()


class ExtraditionStatsSerializer(CountedAtSerializer):
    total = serializers.IntegerField(help_text="People surrendered (each counted once)")
    extraditions = serializers.IntegerField(help_text="Surrenders")
    by_country = CountRowSerializer(many=True, help_text="People, by surrendering country")
    by_year = YearRowSerializer(many=True, help_text="People, by year of surrender")
    by_country_year = CountryYearRowSerializer(
        many=True, help_text="People, by surrendering country and year of surrender"
    )


class ChargeStatsSerializer(CountedAtSerializer):
    total = serializers.IntegerField()
    by_category = CategoryRowSerializer(many=True)


class SentenceStatsSerializer(CountedAtSerializer):
    total = serializers.IntegerField()
    by_term = CountRowSerializer(many=True)


class VisitStatsSerializer(CountedAtSerializer):
    total = serializers.IntegerField(help_text="Completed visits")
    per_month = CountRowSerializer(many=True, help_text="key: YYYY-MM, label: Apr 2023")


class OverdueRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    last_visit_on = serializers.CharField(allow_null=True, help_text="2023, 2023-04 or 2023-04-26")
    days_since_last_visit = serializers.IntegerField(
        allow_null=True, help_text="Null when never visited"
    )


class OverdueSerializer(CountedAtSerializer):
    interval_days = serializers.IntegerField()
    today = serializers.DateField()
    count = serializers.IntegerField(help_text="All overdue detainees")
    detainees = OverdueRowSerializer(many=True, help_text="The longest waiting, up to `limit`")


class FacilityStatsSerializer(CountedAtSerializer):
    by_facility = FacilityRowSerializer(many=True)
