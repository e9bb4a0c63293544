"""How often each person is to be contacted and visited."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases.constants import Priority
from cases.fields import SensitiveTextField
from cases.models import Detainee

STRICTEST_RULE_HELP = _(
    "Every rule whose conditions a detainee meets applies to them, and for each deadline "
    "the strictest (shortest) value among those rules wins. A rule with no conditions "
    "applies to everyone: it is the default."
)


class CadenceRule(models.Model):
    """Deadlines for contact and visits. Conditions left empty match everyone."""

    name = models.CharField(_("name"), max_length=100)
    priority = models.CharField(
        _("priority"),
        max_length=8,
        choices=Priority.choices,
        blank=True,
        help_text=_("Applies only to detainees of this priority; empty: any priority."),
    )
    welfare_concern = models.BooleanField(
        _("health or welfare concern"),
        default=False,
        help_text=_("Applies only to detainees flagged for a health or welfare concern."),
    )
    country = CountryField(
        _("detaining country"),
        blank=True,
        help_text=_("Applies only to detainees held by this country; empty: any country."),
    )
    first_contact_hours = models.PositiveIntegerField(
        _("first contact within (hours)"),
        help_text=_("Hours from learning of a detention to the first contact of any kind."),
    )
    first_visit_days = models.PositiveIntegerField(
        _("first visit within (days)"),
        help_text=_("Days from learning of a detention to the first completed visit."),
    )
    visit_interval_days = models.PositiveIntegerField(
        _("then a visit every (days)"),
        help_text=_("Days from one completed visit to the next due."),
    )
    due_soon_days = models.PositiveIntegerField(
        _("due soon from (days before)"),
        default=14,
        help_text=_("A visit due within this many days shows as due soon."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cadence rule")
        verbose_name_plural = _("cadence rules")
        ordering = ["priority", "country", "welfare_concern", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(priority="") | Q(priority__in=Priority.values),
                name="cadence_rule_priority_valid",
            ),
            models.CheckConstraint(
                condition=Q(first_contact_hours__gt=0, first_visit_days__gt=0)
                & Q(visit_interval_days__gt=0),
                name="cadence_rule_values_positive",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="cadence_rule_name_present"),
            # One rule per set of conditions; the default is the one with none.
            models.UniqueConstraint(
                fields=["priority", "country", "welfare_concern"],
                name="cadence_rule_conditions_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def applies_to(self, *, priority: str, country: str, welfare_concern: bool) -> bool:
        return (
            (not self.priority or self.priority == priority)
            and (not self.country or self.country == country)
            and (not self.welfare_concern or welfare_concern)
        )


class WelfareFlag(models.Model):
    """A detainee whose health or conditions call for more frequent visits. Present while
    the concern stands; lifting it deletes the row (its history keeps who and when)."""

    detainee = models.OneToOneField(
        Detainee, on_delete=models.CASCADE, related_name="welfare_flag", verbose_name=_("detainee")
    )
    reason = SensitiveTextField(_("reason"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("health or welfare flag")
        verbose_name_plural = _("health or welfare flags")

    def __str__(self) -> str:
        return str(self.detainee)
