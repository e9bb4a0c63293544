from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data: the reported cases the product started from, plus a generated caseload."""

    name = "demo"
    verbose_name = _("Demo data")
