from django.db import models


class AccountAction(models.TextChoices):
    USER_CREATED = "user_created", "User created"
    USER_CHANGED = "user_changed", "User changed"
    USER_DELETED = "user_deleted", "User deleted"
    USER_GROUPS = "user_groups", "User's groups changed"
    USER_PERMISSIONS = "user_perms", "User's permissions changed"
    GROUP_CREATED = "group_created", "Group created"
    GROUP_CHANGED = "group_changed", "Group renamed"
    GROUP_DELETED = "group_deleted", "Group deleted"
    GROUP_PERMISSIONS = "group_perms", "Group's permissions changed"
    TOKEN_ISSUED = "token_issued", "API token issued"
    TOKEN_REVOKED = "token_revoked", "API token revoked"


class PersonDataAction(models.TextChoices):
    EXPORTED = "exported", "Subject access export"
    ANONYMISED = "anonymised", "Anonymised"
