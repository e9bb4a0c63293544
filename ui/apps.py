from django.apps import AppConfig


class UiConfig(AppConfig):
    """The caseworkers' pages: server-rendered templates with htmx."""

    name = "ui"
    verbose_name = "Caseworker pages"
