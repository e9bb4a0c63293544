"""Sign-in throttling (django-axes): whose address a request comes from, and what sign-in
answers once it is locked for a username or an address."""

from django.conf import settings
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


def client_address(request) -> str | None:
    """The client's address by the API throttles' rule: REMOTE_ADDR, or with
    TRUSTED_PROXY_COUNT proxies in front, the address the outermost of them saw. A client
    cannot choose its address by sending X-Forwarded-For itself."""
    return BaseThrottle().get_ident(request)


def signin_locked_out(request, original_response=None, credentials=None):
    """A page in the app's layout, 429, with `Retry-After` in seconds."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "registration/locked_out.html",
        {"minutes": max(1, seconds // 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
