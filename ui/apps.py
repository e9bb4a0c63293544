from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UiConfig(AppConfig):
    """The caseworkers' pages: server-rendered templates with htmx."""

    name = "ui"
    verbose_name = _("Caseworker pages")
