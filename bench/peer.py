"""The peer: the detainee endpoints as a stock DRF application would write them.

A `ModelViewSet` over `Detainee.objects.visible_to(user)` with the app's nested
ModelSerializers, filters and pagination, and nothing else: no `select_related`, no
`prefetch_related`, no annotation. What the app's view computes for a whole page at once
(the date of the last completed visit, the completed visits of a detail) the peer's
serializer asks for row by row, as a serializer method would. Same keys, same rows, same
role rules as the app's answer; only the way to the database differs.
"""

from rest_framework import viewsets

from cases.filters import DetaineeFilter
from cases.models import Detainee
from cases.serializers import DetaineeDetailSerializer, DetaineeListSerializer
from cases.views import searching_by_name
from config.api import BoundedPageNumberPagination, RolePermission
from consular.models import ConsularVisit


def _last_visit_on(detainee):
    """One query per row: the counted date of the latest completed visit."""
    return (
        ConsularVisit.objects.completed()
        .with_counted_date()
        .filter(detainee=detainee)
        .order_by("-counted_on", "-id")
        .values_list("counted_on", flat=True)
        .first()
    )


class PeerListSerializer(DetaineeListSerializer):
    def to_representation(self, detainee):
        detainee.last_visit_on = _last_visit_on(detainee)
        return super().to_representation(detainee)


class PeerDetailSerializer(DetaineeDetailSerializer):
    def to_representation(self, detainee):
        detainee.last_visit_on = _last_visit_on(detainee)
        detainee.completed_visits = list(
            ConsularVisit.objects.completed()
            .filter(detainee=detainee)
            .order_by("-visited_on", "-id")[:1]
        )
        return super().to_representation(detainee)


class PeerDetaineeViewSet(viewsets.ModelViewSet):
    http_method_names = ["get", "head", "options"]
    permission_classes = [RolePermission]
    pagination_class = BoundedPageNumberPagination
    filterset_class = DetaineeFilter

    @property
    def ordering(self):
        # As the app's: a name search comes best match first (the filter ranks it).
        return None if searching_by_name(getattr(self, "request", None)) else ["full_name", "id"]

    def get_queryset(self):
        return Detainee.objects.visible_to(self.request.user)

    def get_serializer_class(self):
        return PeerListSerializer if self.action == "list" else PeerDetailSerializer
