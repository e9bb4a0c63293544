from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from . import changesets  # noqa: F401 - labels history rows written under `recording`
        from .roles import sync_role_groups

        # After every app has migrated, so that each app's permissions exist.
        post_migrate.connect(sync_role_groups, dispatch_uid="cases.sync_role_groups")
