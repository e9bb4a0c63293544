"""Official figures under /api/v1/figures/: everyone with a role reads them, with the
record's count beside each; caseworkers and administrators write them."""

from config.api import DeletableRecordMixin, RecordViewSet

from . import serializers
from .models import OfficialFigure


class FigureViewSet(DeletableRecordMixin, RecordViewSet):
    """Official figures, newest first. The detail adds `record_count` (what the record
    counts for the same question, among the people the caller may see) and `gap`."""

    serializer_class = serializers.FigureSerializer
    detail_serializer_class = serializers.FigureDetailSerializer
    create_serializer_class = serializers.FigureCreateSerializer
    update_serializer_class = serializers.FigureUpdateSerializer
    ordering_fields = ["said_on", "number", "id"]

    def get_queryset(self):
        # Figures are public statements, the same for every role; the count beside each
        # is computed per reader.
        return OfficialFigure.objects.all()
