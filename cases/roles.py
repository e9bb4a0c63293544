"""Roles are groups; what each may do is a set of model permissions.

Groups are created, and their permissions brought up to date, after every `migrate`, so a
new model's permissions reach the roles without a hand-written step.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

VIEWER = "viewer"
CASEWORKER = "caseworker"
REVIEWER = "reviewer"
ADMIN = "admin"
ROLES = (VIEWER, CASEWORKER, REVIEWER, ADMIN)

# Official figures are read by every role and entered by caseworkers, like case records.
CASE_APPS = ("cases", "consular", "figures")

# Custom permissions, by (app_label, codename).
VIEW_SENSITIVE = ("cases", "view_sensitive")
REVIEW_DRAFTS = ("ingest", "review_draft")
# Restriction and assignment decide who sees a case: administrators only, by default.
RESTRICT_DETAINEES = ("cases", "restrict_detainee")
EXPORT_PERSON = ("audit", "export_person")
ANONYMISE_PERSON = ("audit", "anonymise_person")


def _perms(apps: tuple[str, ...], actions: tuple[str, ...]) -> Q:
    query = Q(pk__in=[])
    for action in actions:
        query |= Q(content_type__app_label__in=apps, codename__startswith=f"{action}_")
    return query


def _custom(*pairs: tuple[str, str]) -> Q:
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return query


# Casework (tasks, flags, watches) is done by caseworkers; the cadence rules are set by
# administrators and read by everyone.
CASEWORK_APP = ("casework",)


def _casework(actions: tuple[str, ...]) -> Q:
    """Casework permissions, less the right to change the cadence rules."""
    rule_writes = Q(content_type__model="cadencerule") & ~Q(codename="view_cadencerule")
    return _perms(CASEWORK_APP, actions) & ~rule_writes


def role_permissions() -> dict[str, Q]:
    caseworker = _perms(CASE_APPS, ("view", "add", "change")) | _custom(VIEW_SENSITIVE)
    caseworker |= _perms(("ingest",), ("view", "add"))
    caseworker |= _casework(("view", "add", "change"))
    return {
        # "view_sensitive" starts like a view permission but is exactly what viewers lack.
        VIEWER: (_perms(CASE_APPS, ("view",)) & ~_custom(VIEW_SENSITIVE))
        | _perms(CASEWORK_APP, ("view",)),
        CASEWORKER: caseworker,
        REVIEWER: caseworker | _perms(("ingest",), ("change",)) | _custom(REVIEW_DRAFTS),
        ADMIN: _perms(CASE_APPS + ("ingest",) + CASEWORK_APP, ("view", "add", "change", "delete"))
        | _custom(VIEW_SENSITIVE, REVIEW_DRAFTS, RESTRICT_DETAINEES)
        | _perms(("authtoken",), ("view", "add", "change", "delete"))
        # The audit tables are read-only for everyone; administrators read them.
        | _perms(("audit", "transfer"), ("view",))
        | _custom(EXPORT_PERSON, ANONYMISE_PERSON),
    }


def sync_role_groups(**kwargs) -> None:
    for role, query in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(Permission.objects.filter(query))


def role_of(user) -> str | None:
    """The highest role a user holds, for display."""
    if user.is_superuser:
        return ADMIN
    names = set(user.groups.values_list("name", flat=True))
    for role in reversed(ROLES):
        if role in names:
            return role
    return None


def can_view_sensitive(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("cases.view_sensitive"))
