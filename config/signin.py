"""What sign-in answers once django-axes has locked it for a username or an address."""

from django.conf import settings
from django.shortcuts import render


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
