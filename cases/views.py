"""The case record over the API. Every view reads through `Detainee.objects.visible_to()`
(child records: of visible detainees only), so a restricted case of another caseworker is
a 404 here as everywhere."""

from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.decorators import action

from config.api import (
    ArchivableRecordMixin,
    DeletableRecordMixin,
    ErrorSerializer,
    RecordViewSet,
)

from . import detail_cache, filters, serializers, services
from .models import (
    Case,
    CaseCitation,
    Charge,
    CustodyPeriod,
    Detainee,
    DetaineeCitation,
    Extradition,
    Facility,
    FactChoice,
    FactReport,
    NameVariant,
    Sentence,
    Source,
)


def searching_by_name(request) -> bool:
    return bool(request is not None and request.query_params.get("search", "").strip())


def visible_detainees(request):
    return Detainee.objects.visible_to(request.user)


def _reports():
    return Prefetch("reports", queryset=FactReport.objects.select_related("source", "facility"))


def _cases_with_facts(cases=None):
    # Charges, sentences (with the reports of their terms) and the cases' sources: one query
    # each for all of a page's cases.
    return (
        (Case.objects.all() if cases is None else cases)
        .prefetch_related(
            "charges",
            Prefetch("sentences", queryset=Sentence.objects.prefetch_related(_reports())),
            Prefetch("citations", queryset=CaseCitation.objects.select_related("source")),
        )
        .select_related("detainee")
    )


class CanChooseFacts(permissions.BasePermission):
    message = _("Your role cannot settle disputed facts.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("cases.add_factchoice"))


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


class DetaineeViewSet(ArchivableRecordMixin, RecordViewSet):
    """Detainees. `search` finds any spelling of any name (Seleznev → Roman Seleznyov).
    Not deletable: a detainee's record is the history the service keeps; administrators
    archive it."""

    archived_model = Detainee
    serializer_class = serializers.DetaineeListSerializer
    detail_serializer_class = serializers.DetaineeDetailSerializer
    create_serializer_class = serializers.DetaineeCreateSerializer
    update_serializer_class = serializers.DetaineeUpdateSerializer
    filterset_class = filters.DetaineeFilter
    ordering_fields = ["full_name", "status", "priority", "created_at", "updated_at"]

    @property
    def ordering(self) -> list[str] | None:
        # A name search comes best match first (`DetaineeQuerySet.ranked_by_name`); any
        # other list by name. `?ordering=` overrides both.
        if searching_by_name(getattr(self, "request", None)):
            return None
        return ["full_name", "id"]

    def initial(self, request, *args, **kwargs):
        if self.uses_detail_cache():
            # Before the first query of the request's transaction.
            detail_cache.snapshot_begin(request)
        super().initial(request, *args, **kwargs)

    def uses_detail_cache(self) -> bool:
        return self.action == "retrieve" and detail_cache.enabled() and not self.wants_archived()

    def detail_data(self, instance) -> dict:
        # `get_queryset` read the person with the fingerprint of their rows; the answer is
        # built only when the cache does not hold it for these rows (cases.detail_cache).
        if not self.uses_detail_cache():
            return super().detail_data(instance)

        def build() -> dict:
            full = self.detail_queryset(self.records(Detainee)).get(pk=instance.pk)
            return self.get_serializer(full).data

        return detail_cache.answer(self.request, instance, build)

    def filter_queryset(self, queryset):
        # A detail read without query parameters has nothing to filter, and building the
        # filters' form would be a good part of a cached answer's time.
        if self.action == "retrieve" and not self.request.query_params:
            return queryset
        return super().filter_queryset(queryset)

    def get_queryset(self):
        if self.uses_detail_cache():
            pk = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
            if str(pk).isdigit():
                return (
                    self.records(Detainee)
                    .visible_to(self.request.user)
                    .with_detail_fingerprint(int(pk))
                )
        return self.detail_queryset(self.records(Detainee))

    def detail_queryset(self, people):
        # List and detail both show nationalities, the current facility and the
        # caseworker: joined or prefetched once instead of a query per row.
        people = people.visible_to(self.request.user).with_last_visit()
        if self.action == "list":
            # A row shows the caseworker's name alone, not their account, and reads the
            # countries from a plain list: a related manager per row would build a query
            # per row that never runs (`DetaineeListSerializer.rows`).
            return (
                people.select_related("current_facility")
                .annotate(**{serializers.LISTED_CASEWORKER: F("assigned_caseworker__username")})
                .prefetch_related(
                    Prefetch("nationalities", to_attr=serializers.LISTED_NATIONALITIES)
                )
            )
        # The detail page: every fact about the person, one query per kind of fact.
        visits = filters.visits_model().objects.completed().select_related("facility")
        return people.select_related("assigned_caseworker", "current_facility").prefetch_related(
            "nationalities",
            "name_variants",
            "tags",
            Prefetch("cases", queryset=_cases_with_facts()),
            Prefetch(
                "custody_periods",
                queryset=CustodyPeriod.objects.select_related("facility", "detainee"),
            ),
            Prefetch("extraditions", queryset=Extradition.objects.select_related("detainee")),
            Prefetch(
                "consular_visits",
                queryset=visits.order_by("-visited_on", "-id"),
                to_attr="completed_visits",
            ),
            Prefetch("citations", queryset=DetaineeCitation.objects.select_related("source")),
            # Every dated report with its source, and the caseworkers' choices: the facts'
            # alternatives and disputes in two queries.
            _reports(),
            Prefetch("fact_choices", queryset=FactChoice.objects.select_related("chosen_by")),
        )

    @extend_schema(
        summary="Choose the value of a disputed fact",
        description="When sources disagree (a term, a date of birth, a facility on the same "
        "date), a caseworker picks the value the record holds, with the reason. The choice is "
        "kept with who made it and why.",
        request=serializers.FactChooseSerializer,
        responses={
            200: serializers.DetaineeDetailSerializer,
            400: _error("No reason, or a value no source gives."),
            403: _error("Only caseworkers can choose."),
            409: _error("The fact is not disputed."),
        },
    )
    @action(
        detail=True, methods=["post"], url_path="choose-fact", permission_classes=[CanChooseFacts]
    )
    def choose_fact(self, request, pk=None):
        detainee = self.get_object()
        form = serializers.FactChooseSerializer(data=request.data, context={"detainee": detainee})
        form.is_valid(raise_exception=True)
        services.fact_choose(detainee=detainee, user=request.user, **form.validated_data)
        return self.respond_with(detainee)


class NameVariantViewSet(DeletableRecordMixin, RecordViewSet):
    """Spellings of a detainee's name. Deletable (by administrators): a mistyped spelling
    carries nothing but itself; its citations go with it."""

    serializer_class = serializers.NameVariantSerializer
    create_serializer_class = serializers.NameVariantCreateSerializer
    update_serializer_class = serializers.NameVariantUpdateSerializer
    filterset_class = filters.NameVariantFilter
    ordering_fields = ["name", "id"]

    def get_queryset(self):
        return NameVariant.objects.filter(detainee__in=visible_detainees(self.request))


class CaseViewSet(ArchivableRecordMixin, RecordViewSet):
    """Cases with their charges and sentences. Create one with its charges and sentence in
    one call. Not deletable: legal history."""

    archived_model = Case
    serializer_class = serializers.CaseSerializer
    detail_serializer_class = serializers.CaseDetailSerializer
    create_serializer_class = serializers.CaseCreateSerializer
    update_serializer_class = serializers.CaseUpdateSerializer
    filterset_class = filters.CaseFilter
    ordering_fields = ["arrested_on", "created_at", "status", "country"]

    def get_queryset(self):
        return _cases_with_facts(self.records(Case)).filter(detainee__in=self.people())


class ChargeViewSet(ArchivableRecordMixin, RecordViewSet):
    """Charges. Not deletable: a dropped charge is recorded as dismissed, not erased."""

    archived_model = Charge
    serializer_class = serializers.ChargeSerializer
    create_serializer_class = serializers.ChargeCreateSerializer
    update_serializer_class = serializers.ChargeUpdateSerializer
    filterset_class = filters.ChargeFilter
    ordering_fields = ["id", "category"]

    def get_queryset(self):
        return self.records(Charge).filter(case__detainee__in=self.people())


class SentenceViewSet(ArchivableRecordMixin, RecordViewSet):
    """Sentences. Not deletable: legal history (a changed sentence is a new one)."""

    archived_model = Sentence
    serializer_class = serializers.SentenceSerializer
    create_serializer_class = serializers.SentenceCreateSerializer
    update_serializer_class = serializers.SentenceUpdateSerializer
    filterset_class = filters.SentenceFilter
    ordering_fields = ["sentenced_on", "term_years", "id"]

    def get_queryset(self):
        return (
            self.records(Sentence)
            .filter(case__detainee__in=self.people())
            .prefetch_related(_reports())
        )


class CustodyPeriodViewSet(ArchivableRecordMixin, RecordViewSet):
    """Where a detainee was held, and when. Not deletable: custody history."""

    archived_model = CustodyPeriod
    serializer_class = serializers.CustodyPeriodSerializer
    create_serializer_class = serializers.CustodyPeriodCreateSerializer
    update_serializer_class = serializers.CustodyPeriodUpdateSerializer
    filterset_class = filters.CustodyPeriodFilter
    ordering_fields = ["started_on", "ended_on", "id"]

    def get_queryset(self):
        # The detainee's name and the facility are on every row.
        return (
            self.records(CustodyPeriod)
            .filter(detainee__in=self.people())
            .select_related("detainee", "facility")
        )


class ExtraditionViewSet(ArchivableRecordMixin, RecordViewSet):
    """Extraditions. Not deletable: legal history."""

    archived_model = Extradition
    serializer_class = serializers.ExtraditionSerializer
    create_serializer_class = serializers.ExtraditionCreateSerializer
    update_serializer_class = serializers.ExtraditionUpdateSerializer
    filterset_class = filters.ExtraditionFilter
    ordering_fields = ["surrendered_on", "arrested_on", "decided_on", "id"]

    def get_queryset(self):
        # The detainee's name is on every row; the reports of its status, for disputes.
        return (
            self.records(Extradition)
            .filter(detainee__in=self.people())
            .select_related("detainee")
            .prefetch_related(_reports())
        )


class FacilityViewSet(DeletableRecordMixin, RecordViewSet):
    """Prisons and detention centres. Deletable (by administrators) only while no custody
    period or visit refers to one, e.g. a duplicate entered by mistake; otherwise 409."""

    serializer_class = serializers.FacilitySerializer
    create_serializer_class = serializers.FacilityCreateSerializer
    update_serializer_class = serializers.FacilityUpdateSerializer
    filterset_class = filters.FacilityFilter
    ordering_fields = ["name", "country", "id"]

    def get_queryset(self):
        # Facilities are reference data, the same for every role.
        return Facility.objects.all()


class SourceViewSet(DeletableRecordMixin, RecordViewSet):
    """Articles and documents. Deletable (by administrators) only while nothing cites one;
    otherwise 409."""

    serializer_class = serializers.SourceSerializer
    create_serializer_class = serializers.SourceCreateSerializer
    update_serializer_class = serializers.SourceUpdateSerializer
    filterset_class = filters.SourceFilter
    ordering_fields = ["published_on", "created_at", "id"]

    def get_queryset(self):
        # Sources are public documents; what they say about a restricted case is reached
        # only through that case.
        return Source.objects.all()
