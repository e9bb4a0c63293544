from django.conf import settings
from django.utils import translation

from .preferences import cookie_language, session_language


class UserLanguageMiddleware:
    """After Django's LocaleMiddleware: a signed-in user's saved language wins over the
    cookie and the browser's, and is copied into the cookie so that the pages seen after
    signing out keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = session_language(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        language = session_language(request)
        if language and language != cookie_language(request):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
