"""When the database cannot be reached for a moment: 503 with `Retry-After` instead of a bare
500, as JSON in the API's error shape for the API and as a page in the app's layout for
people. Nothing here touches the database, and nothing needs a restart afterwards: Django
drops a connection that failed at the end of the request and opens a new one for the next.
"""

import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

log = logging.getLogger(__name__)

# psycopg reports a refused or dropped connection as OperationalError, a connection closed
# underneath as InterfaceError; SQLite a missing or locked file as OperationalError.
DATABASE_ERRORS = (OperationalError, InterfaceError)
DETAIL = "The database cannot be reached at the moment. Please try again shortly."


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def database_unavailable(request, exc: BaseException | None = None) -> HttpResponse:
    """The 503 answer; its body never reads the database (no session, no user)."""
    log.warning("database unavailable for %s %s: %s", request.method, request.path, exc)
    if _wants_json(request):
        response = JsonResponse(
            {"status": 503, "code": "database_unavailable", "detail": DETAIL, "fields": {}},
            status=503,
        )
    else:
        page = render_to_string(
            "503.html",
            {"user": AnonymousUser(), "detail": DETAIL, "csrf_token": ""},
        )
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(settings.UNAVAILABLE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database connection error raised by any view into the 503 answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        return None


def server_error(request):
    """handler500: a database error raised outside a view (a middleware saving the session)
    is still a 503; anything else is the 500 page in the app's layout, with the navigation
    of the signed-in person. Should that page fail too, Django's plain one is sent."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_ERRORS):
        return database_unavailable(request, exc)
    try:
        return HttpResponseServerError(render_to_string("500.html", request=request))
    except Exception:
        log.exception("the 500 page could not be drawn with the request")
        return defaults.server_error(request)
