"""Casework under /api/v1/: the cadence list, tasks, handovers, notifications, watches
and the calendar feed address. Every read starts from a `visible_to(user)` queryset."""

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cases.models import Detainee
from config.api import (
    BoundedPageNumberPagination,
    CanReadCaseRecords,
    ErrorSerializer,
    RecordViewSet,
    RolePermission,
)

from . import reminders, services
from . import serializers as s
from .cadence import cadence_queryset, cadences_of, page_rows, ranked_ids
from .filters import AssignmentFilter, TaskFilter
from .models import Assignment, Notification, Task


class CadenceView(GenericAPIView):
    """Held detainees with their next due visit and state, most overdue first."""

    permission_classes = [CanReadCaseRecords]
    pagination_class = BoundedPageNumberPagination
    serializer_class = s.CadenceSerializer
    queryset = Detainee.objects.none()  # for the schema; rows come from cadence_queryset

    @extend_schema(
        parameters=[s.CadenceQuerySerializer],
        responses=s.CadenceSerializer(many=True),
        summary="Visit cadence of held detainees, most overdue first",
        description="Each held detainee's next due visit under the cadence rules (the "
        "strictest applicable rule wins) and its state. `overdue=true` keeps those past "
        "their due date: the overdue list.",
    )
    def get(self, request):
        params = s.CadenceQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data
        detainees = Detainee.objects.visible_to(request.user)
        if "caseworker" in query:
            detainees = detainees.filter(assigned_caseworker_id=query["caseworker"])
        if query.get("country"):
            detainees = detainees.filter(detaining_country=query["country"])
        today = timezone.localdate()
        rows = cadence_queryset(detainees, today=today)
        if query["overdue"] == "true":
            rows = rows.filter(overdue_by__gt=0)
        if query.get("state"):
            rows = rows.filter(cadence_state=query["state"])
        ids = self.paginate_queryset(ranked_ids(rows))
        page = cadences_of(page_rows(rows, ids), today=today)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


_TRANSITION_RESPONSES = {
    200: s.TaskSerializer,
    409: OpenApiResponse(ErrorSerializer, description="Not a move this task can make."),
}


@extend_schema_view(
    complete=extend_schema(request=None, responses=_TRANSITION_RESPONSES, summary="Mark done"),
    cancel=extend_schema(request=None, responses=_TRANSITION_RESPONSES, summary="Cancel"),
    reopen=extend_schema(request=None, responses=_TRANSITION_RESPONSES, summary="Reopen"),
    expected_release=extend_schema(
        request=s.ReleaseTaskSerializer,
        responses={201: s.TaskSerializer},
        summary="Compute a sentence's expected release as a task",
        description="From the sentence's start, term and credit for time served; run again "
        "after the sentence changes to bring the date up to date.",
    ),
)
class TaskViewSet(RecordViewSet):
    """Tasks on a detainee or case: hearings, appeal deadlines, expected releases,
    extradition hearings, follow-ups. Not deletable: a task that is no longer needed is
    cancelled. `?mine=true` lists the open tasks assigned to you, by due date."""

    serializer_class = s.TaskSerializer
    detail_serializer_class = s.TaskSerializer
    create_serializer_class = s.TaskCreateSerializer
    update_serializer_class = s.TaskUpdateSerializer
    filterset_class = TaskFilter
    ordering_fields = ["due_on", "created_at", "id"]
    ordering = ["due_on", "id"]

    def get_queryset(self):
        # The detainee's name and the assignee are on every row.
        return Task.objects.visible_to(self.request.user).select_related("detainee", "assignee")

    def _move(self, request, to_state):
        task = self.get_object()
        expected = self.if_match_version(task)
        services.task_transition(
            task=task, user=request.user, to_state=to_state, expected_version=expected
        )
        return self.respond_with(task)

    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return self._move(request, s.TASK_STATE_ACTIONS["complete"])

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._move(request, s.TASK_STATE_ACTIONS["cancel"])

    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._move(request, s.TASK_STATE_ACTIONS["reopen"])

    @action(detail=False, methods=["post"], url_path="expected-release")
    def expected_release(self, request):
        serializer = s.ReleaseTaskSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        return self.respond_with(serializer.save(), status.HTTP_201_CREATED)

    def get_serializer_class(self):
        if self.action in ("complete", "cancel", "reopen"):
            return s.TaskSerializer
        return super().get_serializer_class()


@extend_schema_view(
    list=extend_schema(summary="Who held which case when"),
    create=extend_schema(
        request=s.HandoverSerializer,
        responses={201: s.AssignmentSerializer},
        summary="Hand a detainee's case to a caseworker, with a note",
        description="Administrators assign any case; a caseworker hands over a case they "
        "hold. The previous holder's period ends now.",
    ),
)
class AssignmentViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    pagination_class = BoundedPageNumberPagination
    serializer_class = s.AssignmentSerializer
    filterset_class = AssignmentFilter
    ordering_fields = ["started_at", "id"]

    def get_queryset(self):
        # Both people and the detainee's name are on every row.
        return Assignment.objects.visible_to(self.request.user).select_related(
            "detainee", "caseworker", "assigned_by"
        )

    def create(self, request, *args, **kwargs):
        handover = s.HandoverSerializer(data=request.data, context={"request": request})
        handover.is_valid(raise_exception=True)
        assignment = handover.save()
        return Response(s.AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


class IsSignedIn(permissions.IsAuthenticated):
    pass


@extend_schema_view(
    list=extend_schema(summary="Your notifications, newest first"),
    read=extend_schema(
        request=s.MarkReadSerializer,
        responses={200: OpenApiResponse(description="How many were marked read")},
        summary="Mark your notifications read",
    ),
)
class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsSignedIn]
    pagination_class = BoundedPageNumberPagination
    serializer_class = s.NotificationSerializer
    filter_backends = []

    def get_queryset(self):
        return Notification.objects.for_user(self.request.user)

    @action(detail=False, methods=["post"])
    def read(self, request):
        body = s.MarkReadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        count = reminders.notifications_mark_read(
            user=request.user, ids=body.validated_data.get("ids")
        )
        return Response({"marked": count})


class WatchView(GenericAPIView):
    permission_classes = [CanReadCaseRecords]
    serializer_class = s.WatchSerializer

    @extend_schema(
        responses={200: s.WatchSerializer},
        summary="Watch a detainee, or stop",
        description="A watcher is notified of every accepted change to the detainee's record.",
    )
    def post(self, request):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        reminders.watch_set(
            user=request.user,
            detainee=body.validated_data["detainee"],
            watching=body.validated_data["watching"],
        )
        return Response(body.data)


class CalendarFeedView(GenericAPIView):
    permission_classes = [IsSignedIn]
    serializer_class = s.CalendarFeedSerializer

    def _answer(self, feed):
        url = self.request.build_absolute_uri(reverse("casework:calendar", args=[feed.token]))
        return Response({"url": url})

    @extend_schema(summary="Your calendar feed's secret address")
    def get(self, request):
        return self._answer(reminders.calendar_feed_for(user=request.user))

    @extend_schema(request=None, summary="A new secret address; the old one stops working at once")
    def post(self, request):
        return self._answer(reminders.calendar_feed_reset(user=request.user))
