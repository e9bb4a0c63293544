from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class LanguagePreference(models.Model):
    """The interface language a user chose; it follows them to every browser they sign in on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="language_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("language preference")
        verbose_name_plural = _("language preferences")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__in=LANGUAGE_CODES),
                name="language_preference_known_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
