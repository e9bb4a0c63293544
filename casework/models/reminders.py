"""What keeps caseworkers on time: watches, in-app notifications and calendar feeds."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Detainee

from ..constants import NotificationKind
from ..querysets import NotificationQuerySet


class Watch(models.Model):
    """A user who wants to hear of every accepted change to one detainee's record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_watches"
    )
    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="watches", verbose_name=_("detainee")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        constraints = [
            models.UniqueConstraint(fields=["user", "detainee"], name="watch_unique"),
        ]
        indexes = [
            # Serves "who watches this detainee" when a change is accepted.
            models.Index(fields=["detainee", "user"], name="watch_detainee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.detainee}"


class Notification(models.Model):
    """One message in a user's in-app inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_notifications"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NotificationKind.choices)
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("detainee"),
    )
    message = models.CharField(_("message"), max_length=500)
    # The values the message is worded from, in the reader's language (casework.notices);
    # `message` keeps the English wording.
    params = models.JSONField(_("values"), default=dict, blank=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(message=""), name="notification_message_present"),
        ]
        indexes = [
            # Serves the inbox (unread first, newest first) and its unread count.
            models.Index(fields=["user", "read_at", "created_at"], name="notification_inbox_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language."""
        from ..notices import notice_text

        return notice_text(self.kind, self.params, self.message)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class CalendarFeed(models.Model):
    """A user's secret calendar address. Whoever has the address reads the feed without
    signing in (calendar programs cannot), so it is long and random, and resetting it makes
    the old address answer 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_calendar"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.CheckConstraint(
                condition=Q(token__regex=r"^[A-Za-z0-9_-]{32,64}$"),  # noqa: S106 - a pattern
                name="calendar_feed_token_long",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)
