"""Which language a request speaks: the signed-in user's saved choice, carried in the session
(so that reading it costs no query), and in the language cookie for signed-out pages."""

from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from .models import LANGUAGE_CODES, LanguagePreference

SESSION_KEY = "interface_language"


def supported(language: str | None) -> str | None:
    return language if language in LANGUAGE_CODES else None


def language_preference_save(user, language: str) -> LanguagePreference:
    """Remember `language` for `user`; an unknown language is refused, nothing is saved."""
    if not supported(language):
        raise ValueError(f"Unknown language {language!r}.")
    preference, _created = LanguagePreference.objects.update_or_create(
        user=user, defaults={"language": language}
    )
    return preference


def language_of(user) -> str:
    """The language to write to `user` in away from a page they read (emails, notifications):
    their saved choice, else the default."""
    saved = LanguagePreference.objects.filter(user=user).values_list("language", flat=True).first()
    return saved or settings.LANGUAGE_CODE


def restore_on_sign_in(sender, request, user, **kwargs) -> None:
    """At sign-in, the user's saved language becomes the session's."""
    language = (
        LanguagePreference.objects.filter(user=user).values_list("language", flat=True).first()
    )
    if language and request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = language
        translation.activate(language)
        request.LANGUAGE_CODE = language


def session_language(request) -> str | None:
    session = getattr(request, "session", None)
    if session is None:
        return None
    try:
        return supported(session.get(SESSION_KEY))
    except DatabaseError:
        # The session store is out of reach: the page that says so still needs a language.
        return None


def cookie_language(request) -> str | None:
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
