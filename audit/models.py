"""Append-only records of who did what to accounts, who read sensitive details, and what
was done with a person's data on their request. Nothing here is edited or deleted by the
application; the admin shows these tables read-only."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import AccountAction, PersonDataAction


class AccountEvent(models.Model):
    """One change to a user, a group (role), a membership or an API token."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    # Kept as text too: the event outlives the accounts it names.
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=AccountAction.choices)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target user"),
    )
    target_name = models.CharField(
        _("target name"), max_length=150, help_text=_("The user or group changed")
    )
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=AccountAction.values), name="account_event_action_valid"
            )
        ]
        indexes = [
            # Serves "what happened to this account" in the admin.
            models.Index(fields=["target_user", "-created_at"], name="account_event_target_idx"),
        ]

    def __str__(self) -> str:
        who = self.actor_name or "system"
        return f"{who}: {self.get_action_display()} — {self.target_name}"


class SensitiveRead(models.Model):
    """One record whose sensitive details (cases.fields.SensitiveTextField) one response
    showed to one user. A request writes its rows in one INSERT."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150)
    read_at = models.DateTimeField(_("read at"))
    record_type = models.CharField(
        _("record type"), max_length=60, help_text=_("app_label.model, e.g. cases.detainee")
    )
    record_id = models.BigIntegerField(_("record id"))
    path = models.CharField(_("path"), max_length=500)

    class Meta:
        verbose_name = _("sensitive read")
        verbose_name_plural = _("sensitive reads")
        ordering = ["-read_at", "-id"]
        indexes = [
            # Serves "who read this person's notes".
            models.Index(
                fields=["record_type", "record_id", "-read_at"], name="sensitive_read_record_idx"
            ),
            # Serves "what did this user read".
            models.Index(fields=["user", "-read_at"], name="sensitive_read_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.username} read {self.record_type} {self.record_id}"


class PersonDataEvent(models.Model):
    """A subject access export or an anonymisation: who, when, why."""

    action = models.CharField(_("action"), max_length=10, choices=PersonDataAction.choices)
    detainee = models.ForeignKey(
        "cases.Detainee",
        on_delete=models.PROTECT,
        related_name="person_data_events",
        verbose_name=_("detainee"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("person data event")
        verbose_name_plural = _("person data events")
        ordering = ["-created_at", "-id"]
        permissions = [
            ("export_person", "Can export everything held about a person"),
            ("anonymise_person", "Can anonymise a person"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=PersonDataAction.values), name="person_data_action_valid"
            ),
            models.CheckConstraint(
                condition=~Q(action=PersonDataAction.ANONYMISED) | ~Q(reason=""),
                name="person_data_anonymise_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} of detainee {self.detainee_id}"
