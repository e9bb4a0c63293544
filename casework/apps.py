from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework: cadence, tasks and assignment")

    def ready(self) -> None:
        from . import reminders  # noqa: F401 - tells watchers of changes in the history
