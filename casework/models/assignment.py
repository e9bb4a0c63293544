"""Whose case is whose, and since when."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Detainee

from ..querysets import AssignmentQuerySet


class Assignment(models.Model):
    """Who held a detainee's case from when to when, with the note of the handover. The
    open row (no end) is the current holder, mirrored in `Detainee.assigned_caseworker`."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("detainee")
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casework_assignments",
        verbose_name=_("caseworker"),
        help_text=_("Empty: nobody held the case."),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    note = models.TextField(_("handover note"), blank=True)
    # Empty for a holder from before handovers were recorded.
    started_at = models.DateTimeField(_("from"), null=True, blank=True)
    ended_at = models.DateTimeField(_("to"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = [F("started_at").asc(nulls_first=True), "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["detainee"],
                condition=Q(ended_at__isnull=True),
                name="assignment_one_open_per_detainee",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(ended_at__gte=F("started_at")),
                name="assignment_ends_after_start",
            ),
        ]
        indexes = [
            # Serves "cases held by a caseworker" over time.
            models.Index(fields=["caseworker", "ended_at"], name="assignment_caseworker_idx"),
        ]

    def __str__(self) -> str:
        holder = self.caseworker or _("nobody")
        return f"{self.detainee}: {holder}"
