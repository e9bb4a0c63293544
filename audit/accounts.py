"""Audit of users, groups (roles), memberships and API tokens.

These are Django's own models, changed by the admin, by management commands and by
`migrate` (role permissions): receivers on their signals are the one place that sees every
change. Each change becomes an AccountEvent naming who made it (the signed-in user of the
request, or nobody for a command)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from rest_framework.authtoken.models import Token

from .constants import AccountAction
from .context import current_user

# The fields of a user worth an event; `last_login` changes on every sign-in and is not.
USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
)


def record(*, action: str, target_name: str, target_user=None, detail: dict | None = None):
    from .models import AccountEvent

    actor = current_user()
    return AccountEvent.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        action=action,
        target_user=target_user if target_user is not None and target_user.pk else None,
        target_name=str(target_name)[:150],
        detail=detail or {},
    )


def _user_before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or (update_fields and set(update_fields) == {"last_login"}):
        instance._audit_before = None
        return
    instance._audit_before = (
        sender._base_manager.filter(pk=instance.pk).values(*USER_FIELDS, "password").first()
    )


def _user_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        record(
            action=AccountAction.USER_CREATED,
            target_user=instance,
            target_name=instance.get_username(),
            detail={name: getattr(instance, name) for name in USER_FIELDS},
        )
        return
    before = getattr(instance, "_audit_before", None)
    if not before:
        return
    changes = {
        name: {"from": before[name], "to": getattr(instance, name)}
        for name in USER_FIELDS
        if before[name] != getattr(instance, name)
    }
    if before["password"] != instance.password:
        # Never the hash itself.
        changes["password"] = "changed"  # noqa: S105 (a note, not a password)
    if changes:
        record(
            action=AccountAction.USER_CHANGED,
            target_user=instance,
            target_name=instance.get_username(),
            detail=changes,
        )


def _user_deleted(sender, instance, **kwargs):
    record(
        action=AccountAction.USER_DELETED,
        target_name=instance.get_username(),
        detail={"id": instance.pk},
    )


def _membership_changed(label: str, action_code: str, describe, lookups: tuple[str, str]):
    """A receiver for one many-to-many relation of users or groups. `describe` turns the
    primary keys of the far side into names; `lookups` are the filters that find the rows
    linked to an instance (forward, reverse), for `clear()`."""

    def receiver(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action == "pre_clear":
            # Cleared links are gone by post_clear: remember them now.
            lookup = lookups[1] if reverse else lookups[0]
            instance._audit_cleared = set(
                model.objects.filter(**{lookup: instance}).values_list("pk", flat=True)
            )
            return
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        if action == "post_clear":
            pk_set = getattr(instance, "_audit_cleared", None) or set()
        if not pk_set:
            return
        verb = "added" if action == "post_add" else "removed"
        if reverse:
            # group.user_set.add(user): one event per changed user (or group).
            for target in model.objects.filter(pk__in=pk_set):
                record(
                    action=action_code,
                    target_user=target if isinstance(target, get_user_model()) else None,
                    target_name=_name(target),
                    detail={verb: describe([instance.pk])},
                )
            return
        record(
            action=action_code,
            target_user=instance if isinstance(instance, get_user_model()) else None,
            target_name=_name(instance),
            detail={verb: describe(sorted(pk_set))},
        )

    receiver.__name__ = f"audit_{label}"
    return receiver


def _name(obj) -> str:
    return obj.get_username() if hasattr(obj, "get_username") else str(obj)


def _group_names(pks) -> list[str]:
    return list(Group.objects.filter(pk__in=pks).order_by("name").values_list("name", flat=True))


def _user_names(pks) -> list[str]:
    User = get_user_model()
    return list(
        User.objects.filter(pk__in=pks)
        .order_by(User.USERNAME_FIELD)
        .values_list(User.USERNAME_FIELD, flat=True)
    )


def _permission_names(pks) -> list[str]:
    from django.contrib.auth.models import Permission

    return [
        f"{app}.{codename}"
        for app, codename in Permission.objects.filter(pk__in=pks)
        .order_by("content_type__app_label", "codename")
        .values_list("content_type__app_label", "codename")
    ]


def _group_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_audit_name_before", None)
    if created:
        record(action=AccountAction.GROUP_CREATED, target_name=instance.name)
    elif before is not None and before != instance.name:
        record(
            action=AccountAction.GROUP_CHANGED,
            target_name=instance.name,
            detail={"name": {"from": before, "to": instance.name}},
        )


def _group_before_save(sender, instance, raw=False, **kwargs):
    instance._audit_name_before = (
        None
        if raw or instance.pk is None
        else sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


def _group_deleted(sender, instance, **kwargs):
    record(action=AccountAction.GROUP_DELETED, target_name=instance.name)


def _token_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record(
            action=AccountAction.TOKEN_ISSUED,
            target_user=instance.user,
            target_name=instance.user.get_username(),
        )


def _token_deleted(sender, instance, **kwargs):
    user = get_user_model()._base_manager.filter(pk=instance.user_id).first()
    record(
        action=AccountAction.TOKEN_REVOKED,
        target_user=user,
        target_name=user.get_username() if user else str(instance.user_id),
    )


def connect() -> None:
    User = get_user_model()
    uid = "audit.accounts"
    pre_save.connect(_user_before_save, sender=User, dispatch_uid=f"{uid}.user_pre")
    post_save.connect(_user_saved, sender=User, dispatch_uid=f"{uid}.user_post")
    post_delete.connect(_user_deleted, sender=User, dispatch_uid=f"{uid}.user_delete")
    pre_save.connect(_group_before_save, sender=Group, dispatch_uid=f"{uid}.group_pre")
    post_save.connect(_group_saved, sender=Group, dispatch_uid=f"{uid}.group_post")
    post_delete.connect(_group_deleted, sender=Group, dispatch_uid=f"{uid}.group_delete")
    m2m_changed.connect(
        _membership_changed(
            "user_groups", AccountAction.USER_GROUPS, _group_names, ("user", "groups")
        ),
        sender=User.groups.through,
        dispatch_uid=f"{uid}.user_groups",
        weak=False,
    )
    m2m_changed.connect(
        _membership_changed(
            "user_permissions",
            AccountAction.USER_PERMISSIONS,
            _permission_names,
            ("user", "user_permissions"),
        ),
        sender=User.user_permissions.through,
        dispatch_uid=f"{uid}.user_permissions",
        weak=False,
    )
    m2m_changed.connect(
        _membership_changed(
            "group_permissions",
            AccountAction.GROUP_PERMISSIONS,
            _permission_names,
            ("group", "permissions"),
        ),
        sender=Group.permissions.through,
        dispatch_uid=f"{uid}.group_permissions",
        weak=False,
    )
    post_save.connect(_token_saved, sender=Token, dispatch_uid=f"{uid}.token_post")
    post_delete.connect(_token_deleted, sender=Token, dispatch_uid=f"{uid}.token_delete")
