from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Aggregate figures for dashboards, computed by the database."""

    name = "stats"
    verbose_name = _("Statistics")
