from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """SQLite has no trigram similarity: name search ranks with `names.similarity`."""
    if connection.vendor == "sqlite":
        from .names import similarity

        connection.connection.create_function("name_similarity", 2, similarity, deterministic=True)


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from . import changesets  # noqa: F401 - labels history rows written under `recording`
        from .roles import sync_role_groups

        # After every app has migrated, so that each app's permissions exist.
        post_migrate.connect(sync_role_groups, dispatch_uid="cases.sync_role_groups")
        connection_created.connect(
            register_sqlite_functions, dispatch_uid="cases.register_sqlite_functions"
        )
