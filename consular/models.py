"""Consular visits to detainees, the core of a caseworker's routine."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.fields import (
    DatePrecisionField,
    PartialDateField,
    SensitiveTextField,
    partial_date,
    partial_date_constraint,
)
from cases.models import Archivable, Citation, Detainee, Facility, Source
from cases.querysets import LiveManager

from .constants import VisitKind, VisitOutcome
from .querysets import ConsularVisitQuerySet


class ConsularVisit(Archivable):
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.PROTECT,
        related_name="consular_visits",
        verbose_name=_("detainee"),
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consular_visits",
        verbose_name=_("facility"),
    )
    visited_on = PartialDateField(_("date"), null=True, blank=True)
    visited_on_precision = DatePrecisionField(_("visited on precision"))
    visitors = models.CharField(
        _("visitors"),
        max_length=300,
        help_text=_("Who visited: names and titles, e.g. Ambassador Jane Doe"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=VisitKind.choices, default=VisitKind.IN_PERSON
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=VisitOutcome.choices, default=VisitOutcome.COMPLETED
    )
    observations = SensitiveTextField(_("observations"), blank=True)
    follow_up = models.TextField(_("follow-up actions"), blank=True)
    sources = models.ManyToManyField(
        Source,
        through="ConsularVisitCitation",
        blank=True,
        related_name="consular_visits",
        verbose_name=_("sources"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = LiveManager.from_queryset(ConsularVisitQuerySet)()
    all_objects = ConsularVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("consular visit")
        verbose_name_plural = _("consular visits")
        ordering = ["-visited_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=VisitKind.values), name="visit_kind_valid"),
            models.CheckConstraint(
                condition=Q(outcome__in=VisitOutcome.values), name="visit_outcome_valid"
            ),
            partial_date_constraint("visited_on", "visit"),
            models.CheckConstraint(condition=~Q(visitors=""), name="visit_visitors_present"),
        ]
        indexes = [
            # Serves "last completed visit per detainee" (overdue list) and visit history.
            models.Index(fields=["detainee", "outcome", "visited_on"], name="visit_detainee_idx"),
            # Serves the visited-date range filter, visits per month and the visit log,
            # newest first: its first page is read off the index rather than sorted.
            models.Index(fields=["-visited_on", "-id"], name="visit_log_idx"),
            # Serves the outcome filter and "completed visits per month".
            models.Index(fields=["outcome", "visited_on"], name="visit_outcome_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.detainee} — {self.visited} ({self.get_outcome_display()})"

    @property
    def visited(self):
        return partial_date(self, "visited_on")

    @property
    def counted_date(self):
        """The date the visit counts from, as `ConsularVisitQuerySet.with_counted_date`
        computes it, from the (prefetched) citations."""
        if self.visited_on:
            return self.visited_on
        published = [c.source.published_on for c in self.citations.all() if c.source.published_on]
        if published:
            return min(published)
        return self.created_at.date() if self.created_at else None

    @property
    def access_denied(self) -> bool:
        return self.outcome == VisitOutcome.ACCESS_DENIED


class ConsularVisitCitation(Citation):
    visit = models.ForeignKey(
        ConsularVisit, on_delete=models.CASCADE, related_name="citations", verbose_name=_("visit")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("consular visit citation")
        verbose_name_plural = _("consular visit citations")
        constraints = [
            models.UniqueConstraint(fields=["visit", "source"], name="visit_citation_unique")
        ]


class LatestVisit(models.Model):
    """A detainee's latest completed visit among the dated ones, and whether they have a
    completed visit without a date; no row while they have no live completed visit.

    Written only by the database, by triggers on the visits table (migration
    0007_latest_visit), so that every write by any path (services, pages, API, admin,
    imports, bulk updates) keeps it. The overdue lists and the detainee list read it
    (`DetaineeQuerySet.with_last_visit`) instead of searching each person's visits."""

    detainee = models.OneToOneField(
        Detainee,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="latest_visit",
        verbose_name=_("detainee"),
    )
    dated_on = models.DateField(_("latest dated visit"), null=True, blank=True)
    has_undated = models.BooleanField(_("has an undated visit"), default=False)

    class Meta:
        verbose_name = _("latest visit")
        verbose_name_plural = _("latest visits")

    def __str__(self) -> str:
        return f"{self.detainee_id}: {self.dated_on}"
