"""API rate limits: requests per token (or per signed-in user), and wrong tokens per client
address. Over a limit the API answers 429 with `Retry-After`, in its one error shape.

Kept apart from config.api: DRF imports authentication classes while it is still loading
its views, so this module imports none of them.
"""

import hashlib

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef
from django.utils.translation import gettext
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from cases.backends import held_permission_names, remember_permissions
from cases.querysets import admin_flag, remember_admin


class _RateFromSettings(SimpleRateThrottle):
    """Reads its rate from `settings.API_THROTTLE_RATES[scope]` when it runs (so that the
    environment, and tests, can change it); no rate means no limit."""

    def get_rate(self) -> str | None:
        return getattr(settings, "API_THROTTLE_RATES", {}).get(self.scope)


class TokenRateThrottle(_RateFromSettings):
    """At most so many requests per token (per user for browser sessions)."""

    scope = "user"

    def get_cache_key(self, request, view) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None  # refused before this runs; wrong tokens meet FailedTokenThrottle
        if isinstance(request.auth, Token):
            ident = "token-" + hashlib.sha256(request.auth.key.encode()).hexdigest()[:32]
        else:
            ident = f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class FailedTokenThrottle(_RateFromSettings):
    """Counts wrong tokens per client address; past the rate every token from that address
    is refused until the window has passed, so that tokens cannot be guessed.

    The count is one cache counter per address and fixed window of the rate's length,
    raised with the cache's atomic increment: requests at once from many workers each add
    their failure (a list read and written back would keep only one of them)."""

    scope = "failed_token"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def _window(self) -> tuple[str, float]:
        """The counter of the current window and when that window ends."""
        self.now = self.timer()
        window = int(self.now // self.duration)
        return f"{self.key}:{window}", (window + 1) * self.duration

    def blocked(self, request) -> bool:
        if self.rate is None:
            return False
        self.key = self.get_cache_key(request, None)
        counter, self.window_ends = self._window()
        return (self.cache.get(counter) or 0) >= self.num_requests

    def record_failure(self) -> None:
        if self.rate is None:
            return
        counter, _ends = self._window()
        # Created at zero if absent (atomic too), expiring with its window.
        self.cache.add(counter, 0, self.duration + 1)
        try:
            self.cache.incr(counter)
        except ValueError:  # expired between the two calls: a new window begins
            self.cache.add(counter, 1, self.duration + 1)

    def wait(self) -> float:
        return max(1.0, self.window_ends - self.now)


class ThrottledTokenAuthentication(TokenAuthentication):
    """Token authentication that counts wrong tokens (see FailedTokenThrottle)."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        guard = FailedTokenThrottle()
        if guard.blocked(request):
            raise exceptions.Throttled(
                wait=guard.wait(), detail=gettext("Too many wrong tokens from this address.")
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            guard.record_failure()
            raise

    def authenticate_credentials(self, key):
        """DRF's, with whether the user is an administrator read in the same query, and on
        PostgreSQL the user's permissions too: every API request asks for both
        (`cases.querysets.is_admin`, the role checks), and each cost a query of its own."""
        tokens = Token.objects.select_related("user").annotate(in_admin_group=admin_flag("user"))
        if connection.vendor == "postgresql":
            held = ArraySubquery(held_permission_names(OuterRef("user")))
            tokens = tokens.annotate(held_permissions=held)
        found = tokens.filter(key=key).first()
        if found is None:
            raise exceptions.AuthenticationFailed(gettext("Invalid token."))
        if not found.user.is_active:
            raise exceptions.AuthenticationFailed(gettext("User inactive or deleted."))
        remember_admin(found.user, found.in_admin_group)
        remember_permissions(found.user, getattr(found, "held_permissions", None))
        return found.user, found
