from django.apps import AppConfig


class StatsConfig(AppConfig):
    """Aggregate figures for dashboards, computed by the database."""

    name = "stats"
    verbose_name = "Statistics"
