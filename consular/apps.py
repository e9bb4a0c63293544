from django.apps import AppConfig


class ConsularConfig(AppConfig):
    name = "consular"
    verbose_name = "Consular work"
