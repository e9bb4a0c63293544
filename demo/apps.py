from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data: the reported cases the product started from, plus a generated caseload."""

    name = "demo"
    verbose_name = "Demo data"
