"""Personal-data duties over the API: administrators only (`audit.export_person`,
`audit.anonymise_person`)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.models import Detainee

from . import person_data


class _HasPermission(permissions.BasePermission):
    perm = ""
    message = _("Only administrators may do this.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(self.perm))


class CanExportPerson(_HasPermission):
    perm = "audit.export_person"


class CanAnonymisePerson(_HasPermission):
    perm = "audit.anonymise_person"


def _detainee(request, pk: int) -> Detainee:
    # Archived people are still people on file.
    return get_object_or_404(Detainee.all_objects.visible_to(request.user), pk=pk)


class SubjectAccessView(APIView):
    """Everything held about one person, as JSON (a subject access request)."""

    permission_classes = [CanExportPerson]

    @extend_schema(responses={200: OpenApiTypes.OBJECT}, operation_id="detainees_subject_access")
    def get(self, request, pk: int):
        detainee = _detainee(request, pk)
        return Response(person_data.person_export(detainee=detainee, user=request.user))


class AnonymiseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Why: kept in the audit log")


class AnonymisedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class AnonymiseView(APIView):
    """Anonymises a person on request: names, identifiers, date of birth, free text and
    history replaced; the facts that statistics count are kept."""

    permission_classes = [CanAnonymisePerson]

    @extend_schema(
        request=AnonymiseSerializer,
        responses={200: AnonymisedSerializer},
        operation_id="detainees_anonymise",
    )
    def post(self, request, pk: int):
        detainee = _detainee(request, pk)
        serializer = AnonymiseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        detainee = person_data.person_anonymise(
            detainee=detainee, user=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(AnonymisedSerializer(detainee).data)
