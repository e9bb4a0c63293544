"""Dashboard figures under /api/v1/stats/. Each view validates its query string and
answers from the summary rows (`stats.summaries`, counted every minute), or, with a date
range, from a direct query over the records the user may see (`stats.queries`). Every answer
says when it was counted (`as_of`)."""

from functools import partial

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import CanReadCaseRecords

from . import queries, services, summaries
from . import serializers as s


class StatsView(APIView):
    permission_classes = [CanReadCaseRecords]
    query_serializer = s.StatsQuerySerializer

    def params(self) -> s.StatsQuerySerializer:
        params = self.query_serializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return params

    def detainees(self, params):
        return queries.detainees_for(
            user=self.request.user, nationality=params.validated_data.get("nationality")
        )

    def who(self, params) -> dict:
        return {
            "user": self.request.user,
            "nationality": params.validated_data.get("nationality"),
        }

    def answer(self, params, direct, summary, **options) -> Response:
        """The summary's answer, or the direct one for a date range (counted now)."""
        period = getattr(params, "period", None)
        if period:
            as_of = timezone.now()
            found = direct(detainees=self.detainees(params), period=period, **options)
        else:
            as_of = services.summaries_as_of()
            found = summary(**self.who(params), **options)
        return Response({"as_of": as_of, **found})


class SummaryView(StatsView):
    @extend_schema(
        parameters=[s.StatsQuerySerializer],
        responses=s.SummarySerializer,
        summary="Detainees by status, held by detaining country, totals",
        description="The date range keeps detainees with a case whose arrest date is in it.",
    )
    def get(self, request):
        params = self.params()
        return self.answer(params, queries.summary, summaries.summary)


class ExtraditionsView(StatsView):
    @extend_schema(
        parameters=[s.StatsQuerySerializer],
        responses=s.ExtraditionStatsSerializer,
        summary="People surrendered in extraditions, by surrendering country and by year",
        description="Counts extraditions with status `surrendered`; the date range applies "
        "to the surrender date. With `nationality`, surrenders by that country itself are "
        "left out, so the figures are of extraditions from third countries.",
    )
    def get(self, request):
        params = self.params()
        direct = partial(queries.extraditions, nationality=params.validated_data.get("nationality"))
        return self.answer(params, direct, summaries.extraditions)


class ChargesView(StatsView):
    @extend_schema(
        parameters=[s.StatsQuerySerializer],
        responses=s.ChargeStatsSerializer,
        summary="Charges by category",
        description="The date range applies to the arrest date of the charge's case.",
    )
    def get(self, request):
        params = self.params()
        return self.answer(params, queries.charges_by_category, summaries.charges_by_category)


class SentencesView(StatsView):
    @extend_schema(
        parameters=[s.StatsQuerySerializer],
        responses=s.SentenceStatsSerializer,
        summary="Sentences by length of prison term",
        description="Buckets: under 1 year, 1–5, 5–10, 10–20 (upper bounds inclusive), over "
        "20 years, life, and no prison term (a fine only). The date range applies to the "
        "sentence date.",
    )
    def get(self, request):
        params = self.params()
        return self.answer(params, queries.sentence_terms, summaries.sentence_terms)


class VisitsView(StatsView):
    @extend_schema(
        parameters=[s.StatsQuerySerializer],
        responses=s.VisitStatsSerializer,
        summary="Completed consular visits per month",
        description="The date range applies to the visit date; months without a visit are "
        "listed with 0.",
    )
    def get(self, request):
        params = self.params()
        return self.answer(params, queries.visits_per_month, summaries.visits_per_month)


class OverdueView(StatsView):
    query_serializer = s.OverdueQuerySerializer

    @extend_schema(
        parameters=[s.OverdueQuerySerializer],
        responses=s.OverdueSerializer,
        summary="Held detainees overdue for a consular visit",
        description="Held detainees without a completed visit for more than `interval_days` "
        "days, never visited first, then the longest waiting. Days are counted from the "
        "first day of the visit's date (a visit known to the month counts from the 1st).",
    )
    def get(self, request):
        params = self.params()
        refresh = services.latest_refresh()
        return Response(
            {
                "as_of": refresh.as_of,
                **summaries.overdue(
                    **self.who(params),
                    today=timezone.localdate(),
                    interval_days=params.validated_data.get("interval_days"),
                    limit=params.validated_data["limit"],
                    counted=refresh.counted,
                ),
            }
        )


class FacilitiesView(StatsView):
    query_serializer = s.FacilitiesQuerySerializer

    @extend_schema(
        parameters=[s.FacilitiesQuerySerializer],
        responses=s.FacilityStatsSerializer,
        summary="Facilities holding the most detainees",
        description="Held detainees with an open custody period at each facility.",
    )
    def get(self, request):
        params = self.params()
        return self.answer(
            params,
            queries.facilities_holding_most,
            summaries.facilities_holding_most,
            limit=params.validated_data["limit"],
        )
