"""Casework over the API: read serializers for lists and details, a small input
serializer per write, each calling a service."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cases.filters import MAX_ID
from cases.models import Sentence
from cases.serializers import CountryCodeField, VisibleCaseField, VisibleDetaineeField
from config.api import StrictBooleanField, TextField
from consular.models import ConsularVisit

from . import services
from .constants import CadenceState, TaskKind, TaskState
from .models import Assignment, Notification, Task, Watch

User = get_user_model()


class UserBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class CadenceSerializer(serializers.Serializer):
    """One held detainee against their visit deadlines."""

    detainee = serializers.IntegerField(source="detainee.pk")
    detainee_name = serializers.CharField(source="detainee.full_name")
    caseworker = UserBriefSerializer(source="detainee.assigned_caseworker", allow_null=True)
    detaining_country = serializers.CharField(source="detainee.detaining_country.code")
    priority = serializers.CharField(source="detainee.priority")
    state = serializers.ChoiceField(choices=CadenceState.choices)
    state_label = serializers.CharField()
    last_visit_on = serializers.DateField(
        allow_null=True,
        help_text=_(
            "The date the latest completed visit counts from (the first day of its "
            "month or year when that is all that is known)."
        ),
    )
    next_due_on = serializers.DateField()
    days_overdue = serializers.IntegerField(help_text=_("0 when not overdue."))
    first_contact_due_at = serializers.DateTimeField(
        allow_null=True, help_text=_("For a detainee never visited: first contact due by.")
    )
    planned_on = serializers.DateField(allow_null=True, help_text=_("The next planned visit."))
    visit_interval_days = serializers.IntegerField(source="deadlines.visit_interval_days")


class CadenceQuerySerializer(serializers.Serializer):
    overdue = serializers.ChoiceField(
        choices=["true", "false"],
        required=False,
        default="false",
        help_text=_("true: only those past their due date (the overdue list)."),
    )
    caseworker = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text=_("Assigned caseworker's user id")
    )
    country = CountryCodeField(required=False, help_text=_("Detaining country (ISO 3166 code)"))
    state = serializers.ChoiceField(choices=CadenceState.choices, required=False)


class TaskSerializer(serializers.ModelSerializer):
    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    assignee = UserBriefSerializer(read_only=True, allow_null=True)
    is_computed = serializers.BooleanField(read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "version",
            "detainee",
            "detainee_name",
            "case",
            "sentence",
            "visit",
            "kind",
            "kind_label",
            "title",
            "due_on",
            "assignee",
            "state",
            "state_label",
            "notes",
            "is_computed",
            "computed_from",
            "created_at",
            "closed_at",
        ]

    def to_representation(self, task):
        data = super().to_representation(task)
        # A computed title and explanation in the reader's language, as on the pages.
        data["title"], data["computed_from"] = task.display_title, task.display_computed_from
        return data


class _AssigneeField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        return User.objects.filter(is_active=True)


class _VisibleVisitField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        request = self.context.get("request")
        return ConsularVisit.objects.visible_to(getattr(request, "user", None))


class TaskCreateSerializer(serializers.Serializer):
    detainee = VisibleDetaineeField()
    case = VisibleCaseField(required=False, allow_null=True)
    visit = _VisibleVisitField(
        required=False, allow_null=True, help_text=_("The visit a follow-up comes from")
    )
    kind = serializers.ChoiceField(choices=[c for c in TaskKind.choices if c[0] != "release"])
    title = TextField(max_length=200)
    due_on = serializers.DateField()
    assignee = _AssigneeField(required=False, allow_null=True)
    notes = TextField(required=False, allow_blank=True, max_length=20000)

    class Meta:
        model = Task  # documents the id fields' types

    def create(self, validated_data):
        return services.task_create(user=self.context["request"].user, **validated_data)


class TaskUpdateSerializer(serializers.Serializer):
    case = VisibleCaseField(required=False, allow_null=True)
    title = TextField(required=False, max_length=200)
    due_on = serializers.DateField(required=False)
    assignee = _AssigneeField(required=False, allow_null=True)
    notes = TextField(required=False, allow_blank=True, max_length=20000)

    class Meta:
        model = Task

    def update(self, instance, validated_data):
        expected_version = validated_data.pop("expected_version", None)
        return services.task_update(
            task=instance,
            user=self.context["request"].user,
            changes=validated_data,
            expected_version=expected_version,
        )


class ReleaseTaskSerializer(serializers.Serializer):
    sentence = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text=_("Sentence id"))

    def validate_sentence(self, value):
        from cases.models import Detainee

        user = self.context["request"].user
        sentence = (
            Sentence.objects.filter(pk=value, case__detainee__in=Detainee.objects.visible_to(user))
            .select_related("case__detainee")
            .first()
        )
        if sentence is None:
            raise serializers.ValidationError(_("There is no such sentence that you can see."))
        return sentence

    def create(self, validated_data):
        return services.expected_release_task_sync(
            sentence=validated_data["sentence"], user=self.context["request"].user
        )


class AssignmentSerializer(serializers.ModelSerializer):
    caseworker = UserBriefSerializer(read_only=True, allow_null=True)
    assigned_by = UserBriefSerializer(read_only=True, allow_null=True)
    detainee_name = serializers.CharField(source="detainee.full_name", read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "detainee",
            "detainee_name",
            "caseworker",
            "assigned_by",
            "note",
            "started_at",
            "ended_at",
        ]


class HandoverSerializer(serializers.Serializer):
    detainee = VisibleDetaineeField()
    caseworker = _AssigneeField(allow_null=True, help_text=_("User id; null: nobody"))
    note = TextField(required=False, allow_blank=True, max_length=5000)

    class Meta:
        model = Assignment

    def create(self, validated_data):
        return services.detainee_assign(
            detainee=validated_data["detainee"],
            to=validated_data["caseworker"],
            note=validated_data.get("note", ""),
            user=self.context["request"].user,
        )


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    # Worded in the reader's language from the values the notification keeps.
    message = serializers.CharField(source="text", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "kind_label", "detainee", "message", "created_at", "read_at"]


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=1000,
        help_text=_("Notification ids; all of yours when left out."),
    )


class WatchSerializer(serializers.Serializer):
    detainee = VisibleDetaineeField()
    watching = StrictBooleanField()

    class Meta:
        model = Watch


class CalendarFeedSerializer(serializers.Serializer):
    url = serializers.URLField(help_text=_("Secret address to subscribe to; keep it private."))


TASK_STATE_ACTIONS = {
    "complete": TaskState.DONE,
    "cancel": TaskState.CANCELLED,
    "reopen": TaskState.OPEN,
}
