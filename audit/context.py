"""The request being served, for audit rows written far from the view (signal receivers
on users, groups and tokens, which the admin and management commands change directly)."""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("audit_current_request", default=None)


def current_user():
    """The signed-in user of the request being served, or None (a management command, a
    worker, an anonymous request)."""
    request = current_request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None
