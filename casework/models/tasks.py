"""Dated things to do about a detainee: hearings, deadlines, releases, follow-ups."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.models import Case, Detainee, Sentence, VersionedModel
from consular.models import ConsularVisit

from ..constants import TaskKind, TaskState
from ..querysets import TaskQuerySet


class Task(VersionedModel):
    """A dated thing to do about a detainee (or one of their cases)."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("detainee")
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("case"),
    )
    # The sentence an expected release is computed from.
    sentence = models.ForeignKey(
        Sentence, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The visit a follow-up came out of.
    visit = models.ForeignKey(
        ConsularVisit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=TaskKind.choices)
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="casework_tasks",
        verbose_name=_("assignee"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=TaskState.choices, default=TaskState.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)
    # How a computed due date was reached, shown beside it ("computed").
    computed_from = models.CharField(_("computed from"), max_length=300, blank=True)
    # The computation behind an expected release, as dates and numbers: the title and the
    # explanation are worded from it in the reader's language (casework.releases).
    computed = models.JSONField(_("computation"), default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=TaskKind.values), name="task_kind_valid"),
            models.CheckConstraint(
                condition=Q(state__in=TaskState.values), name="task_state_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="task_title_present"),
            # A closed task says when it was closed; an open one is not closed.
            models.CheckConstraint(
                condition=Q(state=TaskState.OPEN, closed_at__isnull=True)
                | (~Q(state=TaskState.OPEN) & Q(closed_at__isnull=False)),
                name="task_closed_at_matches_state",
            ),
            models.CheckConstraint(
                condition=Q(kind=TaskKind.EXPECTED_RELEASE) | Q(sentence__isnull=True),
                name="task_sentence_only_for_release",
            ),
            # One expected release per sentence: recomputing updates it.
            models.UniqueConstraint(
                fields=["sentence"],
                condition=Q(sentence__isnull=False),
                name="task_release_per_sentence_unique",
            ),
        ]
        indexes = [
            # Serves "my tasks by due date" and the daily digest.
            models.Index(fields=["assignee", "state", "due_on"], name="task_assignee_idx"),
            # Serves the tasks on a detainee's page.
            models.Index(fields=["detainee", "state", "due_on"], name="task_detainee_idx"),
            # Serves the tasks list's due-date order and range.
            models.Index(fields=["due_on"], name="task_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.display_title} ({self.due_on:%Y-%m-%d})"

    @property
    def is_computed(self) -> bool:
        return bool(self.computed_from)

    @property
    def display_title(self) -> str:
        """The title in the reader's language (a computed one is worded for them)."""
        from ..releases import worded

        return worded(self.title, self.computed_from, self.computed)[0]

    @property
    def display_computed_from(self) -> str:
        from ..releases import worded

        return worded(self.title, self.computed_from, self.computed)[1]
