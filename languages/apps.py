from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """The interface's languages: each user's choice, the switch, the compiled catalogues."""

    name = "languages"
    verbose_name = _("Languages")

    def ready(self) -> None:
        from .preferences import restore_on_sign_in

        user_logged_in.connect(restore_on_sign_in, dispatch_uid="languages.restore_on_sign_in")
