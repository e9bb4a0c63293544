"""Who holds which permission: read in one query per user and request."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class RolePermissionBackend(ModelBackend):
    """Django's model backend, except that a user's own permissions and their groups' are
    read together, in one query instead of two: every API request and page asks for them
    (roles are groups, `cases.roles`), so the second round trip was paid on each."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                held = Permission.objects.all()
            else:
                own = Permission.user_set.through.objects.filter(user=user_obj)
                grouped = Permission.group_set.through.objects.filter(group__user=user_obj)
                held = Permission.objects.filter(
                    Q(pk__in=own.values("permission_id"))
                    | Q(pk__in=grouped.values("permission_id"))
                )
            pairs = held.values_list("content_type__app_label", "codename").order_by()
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in pairs}
        return user_obj._perm_cache
