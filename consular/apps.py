from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsularConfig(AppConfig):
    name = "consular"
    verbose_name = _("Consular work")
