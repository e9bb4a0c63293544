from django.db import models
from django.utils.translation import gettext_lazy as _


class Definition(models.TextChoices):
    """What an official figure counts: each is a question the record can answer too
    (figures.counting)."""

    HELD_IN = "held_in", _("Nationals held in a country now")
    DETAINED_SINCE = "detained_since", _("Nationals detained by a country since a year")
    EXTRADITED_SINCE = (
        "extradited_since",
        _("Nationals extradited from third countries to a country since a year"),
    )


# The definitions that count from the start of a year.
SINCE_DEFINITIONS = (Definition.DETAINED_SINCE, Definition.EXTRADITED_SINCE)


class Qualifier(models.TextChoices):
    """How the number was put: "more than 100" is not "100"."""

    EXACTLY = "exactly", _("exactly")
    ABOUT = "about", _("about")
    AT_LEAST = "at_least", _("at least / more than")
    AT_MOST = "at_most", _("at most / fewer than")
