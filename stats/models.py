"""The dashboard's figures, kept counted: summary rows filled from the case records by
`services.summaries_refresh` (Celery beat, every minute by default), so that a statistic
reads a few hundred rows instead of aggregating every record on each request.

Rows are kept per *scope*, the part of the records a role may see: the unrestricted
people in one scope, and the restricted people of each assigned caseworker (and those of
none) in scopes of their own. The scopes split the people, so counts of people add up
across them; a user's answer is the sum over the scopes `Detainee.objects.visible_to` lets
them see."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Detainee, Facility
from cases.querysets import is_admin


class Statistic(models.TextChoices):
    """What a figure row counts; `key` and `key2` hold the values it is grouped by."""

    STATUS = "status"
    HELD_IN = "held_in"
    SURRENDERED = "surrendered"
    SURRENDERED_BY_COUNTRY = "surrendered_country"
    SURRENDERED_BY_YEAR = "surrendered_year"
    SURRENDERED_BY_COUNTRY_YEAR = "surrendered_country_year"
    CHARGES = "charges"
    SENTENCES = "sentences"
    VISITS = "visits"
    VISITS_BY_MONTH = "visits_month"
    FACILITY = "facility"


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ScopedQuerySet":
        """The scopes `user` may count: as `Detainee.objects.visible_to`."""
        if not user or not user.is_authenticated:
            return self.none()
        if is_admin(user):
            return self
        return self.filter(Q(restricted=False) | Q(caseworker=user))


class FigureQuerySet(ScopedQuerySet):
    def of_nationality(self, nationality: str | None) -> "FigureQuerySet":
        return self.filter(nationality=nationality or "")


class Figure(models.Model):
    """One count of one statistic, in one scope, for one nationality ('' for everyone)."""

    statistic = models.CharField(_("statistic"), max_length=32, choices=Statistic.choices)
    restricted = models.BooleanField(_("restricted people"))
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("assigned caseworker of the restricted people"),
    )
    nationality = models.CharField(_("nationality"), max_length=2, blank=True)
    key = models.CharField(_("key"), max_length=32, blank=True)
    key2 = models.CharField(_("second key"), max_length=32, blank=True)
    facility = models.ForeignKey(
        Facility,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="figures",
        verbose_name=_("facility"),
    )
    count = models.PositiveIntegerField(_("count"))
    people = models.PositiveIntegerField(_("people"), default=0)

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.CheckConstraint(
                condition=Q(statistic__in=Statistic.values), name="figure_statistic_valid"
            ),
            models.CheckConstraint(
                condition=Q(restricted=True) | Q(caseworker__isnull=True),
                name="figure_caseworker_only_restricted",
            ),
        ]
        indexes = [
            # Every read: one statistic for one nationality, summed over the user's scopes.
            models.Index(fields=["statistic", "nationality"], name="figure_statistic_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.statistic} {self.key} {self.key2}: {self.count}"


class WaitingForVisit(models.Model):
    """A person held at the last refresh, with the date their latest completed visit counts
    from (None: never visited): the overdue list reads these instead of looking for the
    latest visit of every held person on each request."""

    detainee = models.OneToOneField(
        Detainee,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="waiting_for_visit",
        verbose_name=_("detainee"),
    )
    last_visit_on = models.DateField(_("last visit counts from"), null=True, blank=True)
    last_visit_precision = models.CharField(_("precision"), max_length=5, blank=True)
    # Where the person stands in the overdue list (never visited first, then the longest
    # waiting, then by name), so that a page of it is read in order without sorting.
    rank = models.PositiveIntegerField(_("rank"), default=0)
    # The person's scope (see `Figure`), so that the list is narrowed without the records.
    restricted = models.BooleanField(_("restricted people"), default=False)
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("assigned caseworker of the restricted people"),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("held person's last visit")
        verbose_name_plural = _("held people's last visits")
        indexes = [
            # The overdue list: those whose last visit is older than the cutoff.
            models.Index(fields=["last_visit_on"], name="waiting_last_visit_idx"),
            # A page of the overdue list, in order.
            models.Index(fields=["rank"], name="waiting_rank_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.detainee_id}: {self.last_visit_on}"


class SummaryRefresh(models.Model):
    """The one row saying when the figures were last counted (`as_of` in every answer)."""

    as_of = models.DateTimeField(_("counted at"))
    seconds = models.FloatField(_("seconds taken"), default=0)
    # New at every count: what an answer worked out from the rows of one count is cached
    # under (`summaries.overdue`), so that no answer outlives the rows it was read from.
    counted = models.UUIDField(_("count identifier"), default=uuid.uuid4)

    class Meta:
        verbose_name = _("summary refresh")
        verbose_name_plural = _("summary refreshes")

    def __str__(self) -> str:
        return self.as_of.isoformat()
