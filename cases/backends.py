"""Who holds which permission: read in one query per user and request, or with the API
token that brings the user (`held_permission_names`, `remember_permissions`)."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat


def held_permission_names(user) -> QuerySet:
    """The names ("app_label.codename") of the permissions `user` holds of their own or
    through their groups, one row each. `user` may be a user or
    an `OuterRef` to one, so that the token query reads them too."""
    # The grants are read in subqueries of the permissions' query: a reference to the
    # token's user reaches out through both.
    if isinstance(user, OuterRef):
        user = OuterRef(user)
    own = Permission.user_set.through.objects.filter(user=user)
    grouped = Permission.group_set.through.objects.filter(group__user=user)
    return (
        Permission.objects.filter(
            Q(pk__in=own.values("permission_id")) | Q(pk__in=grouped.values("permission_id"))
        )
        .order_by()
        .annotate(held=Concat("content_type__app_label", Value("."), "codename"))
        .values_list("held", flat=True)
    )


def remember_permissions(user, names) -> None:
    """Keeps the permission names read with the user (`held_permission_names`) where the
    backend looks first; a superuser holds every permission and is read as usual."""
    if names is not None and user.is_active and not user.is_superuser:
        user._perm_cache = set(names)


class RolePermissionBackend(ModelBackend):
    """Django's model backend, except that a user's own permissions and their groups' are
    read together, in one query instead of two: every API request and page asks for them
    (roles are groups, `cases.roles`), so the second round trip was paid on each."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                pairs = Permission.objects.values_list("content_type__app_label", "codename")
                user_obj._perm_cache = {f"{app}.{codename}" for app, codename in pairs}
            else:
                user_obj._perm_cache = set(held_permission_names(user_obj))
        return user_obj._perm_cache
