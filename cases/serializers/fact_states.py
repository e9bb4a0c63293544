"""How the API shows a fact as its sources report it: each source's report, the values
they give, the value chosen for the record, and whether the sources disagree."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api import PartialDateSerializerField

from .. import dated_facts
from ..constants import ReportedFact


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
