"""Official figures: what a government, court or agency said a number of people was, so
that it can be shown beside what the record counts for the same question."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases.fields import WebAddressField
from cases.models import VersionedModel

from .constants import SINCE_DEFINITIONS, Definition, Qualifier

EARLIEST_YEAR = 1945


class OfficialFigure(VersionedModel):
    """A cited claim: who said it, when, the number, what it counts and where it was said.
    `definition` with `nationality`, `country` and (for the "since" definitions)
    `since_year` is the question; figures.counting answers it from the record."""

    said_by = models.CharField(
        _("said by"), max_length=200, help_text=_("A person, office or agency, e.g. the ministry")
    )
    said_on = models.DateField(_("said on"))
    number = models.PositiveIntegerField(_("number"))
    qualifier = models.CharField(
        _("qualifier"), max_length=8, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    definition = models.CharField(_("what it counts"), max_length=20, choices=Definition.choices)
    nationality = CountryField(_("nationals of"))
    country = CountryField(_("country"), help_text=_("The country holding or receiving them"))
    since_year = models.PositiveSmallIntegerField(
        _("since the year"),
        null=True,
        blank=True,
        help_text=_("For figures counted since the start of a year"),
    )
    source_url = WebAddressField(_("source link"), max_length=2000, blank=True)
    source_document = models.CharField(
        _("source document"),
        max_length=300,
        blank=True,
        help_text=_("A document without a link: its title, number or the occasion"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official figure")
        verbose_name_plural = _("official figures")
        ordering = ["-said_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(definition__in=Definition.values), name="figure_definition_valid"
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=Qualifier.values), name="figure_qualifier_valid"
            ),
            # A "since" figure needs its year; a figure of people held now has none.
            models.CheckConstraint(
                condition=(
                    Q(definition__in=SINCE_DEFINITIONS)
                    & Q(since_year__isnull=False, since_year__gte=EARLIEST_YEAR)
                )
                | (~Q(definition__in=SINCE_DEFINITIONS) & Q(since_year__isnull=True)),
                name="figure_since_year_matches_definition",
            ),
            # A claim without a source is not a citation.
            models.CheckConstraint(
                condition=~Q(source_url="", source_document=""), name="figure_has_source"
            ),
            models.CheckConstraint(condition=~Q(said_by=""), name="figure_said_by_present"),
        ]
        indexes = [
            # Serves the dashboard's list, newest first.
            models.Index(fields=["-said_on", "-id"], name="figure_said_on_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.said_by}, {self.said_on:%Y-%m-%d}: {self.number_display}"

    @property
    def number_display(self) -> str:
        if self.qualifier == Qualifier.EXACTLY:
            return str(self.number)
        return f"{self.get_qualifier_display()} {self.number}"

    @property
    def question(self) -> str:
        """What the figure counts, in words: "Nationals of Russia held in United States"."""
        from .counting import describe

        return describe(
            definition=self.definition,
            nationality=self.nationality.code,
            country=self.country.code,
            since_year=self.since_year,
        )
