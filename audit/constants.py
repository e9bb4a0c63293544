from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountAction(models.TextChoices):
    USER_CREATED = "user_created", _("User created")
    USER_CHANGED = "user_changed", _("User changed")
    USER_DELETED = "user_deleted", _("User deleted")
    USER_GROUPS = "user_groups", _("User's groups changed")
    USER_PERMISSIONS = "user_perms", _("User's permissions changed")
    GROUP_CREATED = "group_created", _("Group created")
    GROUP_CHANGED = "group_changed", _("Group renamed")
    GROUP_DELETED = "group_deleted", _("Group deleted")
    GROUP_PERMISSIONS = "group_perms", _("Group's permissions changed")
    TOKEN_ISSUED = "token_issued", _("API token issued")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")


class PersonDataAction(models.TextChoices):
    EXPORTED = "exported", _("Subject access export")
    ANONYMISED = "anonymised", _("Anonymised")
