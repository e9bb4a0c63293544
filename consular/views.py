"""Consular visits over the API, read through `ConsularVisit.objects.visible_to()`."""

from django.db.models import Prefetch

from config.api import ArchivableRecordMixin, RecordViewSet

from . import filters, serializers
from .models import ConsularVisit, ConsularVisitCitation


class VisitViewSet(ArchivableRecordMixin, RecordViewSet):
    """Consular visits. Not deletable: a visit that did not happen is recorded with its
    outcome (cancelled, postponed, access denied), not erased; administrators archive one
    entered by mistake."""

    archived_model = ConsularVisit
    serializer_class = serializers.VisitSerializer
    detail_serializer_class = serializers.VisitDetailSerializer
    create_serializer_class = serializers.VisitCreateSerializer
    update_serializer_class = serializers.VisitUpdateSerializer
    filterset_class = filters.VisitFilter
    ordering_fields = ["visited_on", "created_at", "id"]

    def get_queryset(self):
        # The detainee's name and the facility are on every row.
        queryset = (
            self.records(ConsularVisit)
            .filter(detainee__in=self.people())
            .select_related("detainee", "facility")
        )
        if self.action == "list":
            return queryset
        citations = ConsularVisitCitation.objects.select_related("source")
        return queryset.prefetch_related(Prefetch("citations", queryset=citations))
