"""Query-string filters of the task and handover lists."""

from django_filters import rest_framework as filters

from cases.filters import (
    ChoicesFilter,
    IdFilter,
    RecordFilterSet,
    StrictBooleanFilter,
    VisibleDetaineeFilter,
)

from .constants import TaskKind, TaskState
from .models import Assignment, Task


class TaskFilter(RecordFilterSet):
    detainee = VisibleDetaineeFilter()
    state = ChoicesFilter(choices=TaskState.choices)
    kind = ChoicesFilter(choices=TaskKind.choices)
    assignee = IdFilter(help_text="User id")
    due_from = filters.DateFilter(field_name="due_on", lookup_expr="gte")
    due_to = filters.DateFilter(field_name="due_on", lookup_expr="lte")
    mine = StrictBooleanFilter(
        method="filter_mine", help_text="true: only the open tasks assigned to you"
    )

    class Meta:
        model = Task
        fields = ["detainee", "case", "state", "kind", "assignee"]

    def filter_mine(self, queryset, name, value):
        if value:
            return queryset.assigned_to(self.request.user).open()
        return queryset


class AssignmentFilter(RecordFilterSet):
    detainee = VisibleDetaineeFilter()
    caseworker = IdFilter(help_text="User id")
    current = StrictBooleanFilter(
        field_name="ended_at", lookup_expr="isnull", help_text="true: only current holders"
    )

    class Meta:
        model = Assignment
        fields = ["detainee", "caseworker"]
