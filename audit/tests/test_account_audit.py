"""Changes to users, groups (roles), memberships and API tokens are audited with who made
them, through the admin and the token command alike; the admin shows the log read-only."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from audit.constants import AccountAction
from audit.models import AccountEvent
from cases import roles
from cases.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _events(action, target_name):
    return AccountEvent.objects.filter(action=action, target_name=target_name).order_by("id")


def test_a_user_created_in_the_admin_names_who_created_it(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "password1": "a-long-enough-password-42",
            "password2": "a-long-enough-password-42",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    event = _events(AccountAction.USER_CREATED, "newcomer").get()
    assert event.actor == admin_user and event.actor_name == "admin"
    assert event.target_user.username == "newcomer"
    assert "password" not in event.detail


def test_role_membership_and_staff_flag_changed_in_the_admin(admin_client, admin_user, viewer):
    caseworker_group = Group.objects.get(name=roles.CASEWORKER)
    before = AccountEvent.objects.order_by("id").last().pk
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[viewer.pk]),
        {
            "username": "viewer",
            "email": "viewer@example.org",
            "is_active": "on",
            "is_staff": "on",
            "groups": [caseworker_group.pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    changed = _events(AccountAction.USER_CHANGED, "viewer").get()
    assert changed.actor == admin_user
    assert changed.detail["is_staff"] == {"from": False, "to": True}
    groups = _events(AccountAction.USER_GROUPS, "viewer").filter(pk__gt=before)
    details = [event.detail for event in groups]
    assert {"added": ["caseworker"]} in details
    assert {"removed": ["viewer"]} in details
    assert all(event.actor == admin_user for event in groups)


def test_password_change_is_noted_without_the_hash(viewer):
    viewer.set_password("another-long-password-7")
    viewer.save()
    event = _events(AccountAction.USER_CHANGED, "viewer").get()
    assert event.detail == {"password": "changed"}
    assert viewer.password not in str(event.detail)


def test_signing_in_is_not_an_account_change(client, viewer):
    assert client.login(username="viewer", password="correct-horse-battery")
    assert not _events(AccountAction.USER_CHANGED, "viewer").exists()


def test_membership_changed_from_the_group_side_and_cleared(viewer):
    group = Group.objects.create(name="auditors")
    group.user_set.add(viewer)
    viewer.groups.clear()
    details = [e.detail for e in _events(AccountAction.USER_GROUPS, "viewer")]
    assert details[-2:] == [{"added": ["auditors"]}, {"removed": ["auditors", "viewer"]}]
    assert _events(AccountAction.GROUP_CREATED, "auditors").exists()


def test_a_role_gaining_a_permission_and_renamed_and_deleted(role_groups):
    group = Group.objects.get(name=roles.VIEWER)
    permission = Permission.objects.get(codename="view_sensitive")
    group.permissions.add(permission)
    event = _events(AccountAction.GROUP_PERMISSIONS, "viewer").last()
    assert event.detail == {"added": ["cases.view_sensitive"]}
    group.name = "readers"
    group.save()
    assert _events(AccountAction.GROUP_CHANGED, "readers").get().detail == {
        "name": {"from": "viewer", "to": "readers"}
    }
    group.delete()
    assert _events(AccountAction.GROUP_DELETED, "readers").exists()


def test_user_permission_granted_directly(viewer):
    viewer.user_permissions.add(Permission.objects.get(codename="view_sensitive"))
    event = _events(AccountAction.USER_PERMISSIONS, "viewer").get()
    assert event.detail == {"added": ["cases.view_sensitive"]}


def test_token_issue_and_revoke_from_the_command_line(caseworker):
    out = io.StringIO()
    call_command("api_token", "issue", "caseworker", stdout=out)
    key = out.getvalue().strip()
    call_command("api_token", "issue", "caseworker", stdout=io.StringIO())
    call_command("api_token", "revoke", "caseworker", stdout=io.StringIO())
    actions = list(
        AccountEvent.objects.filter(target_user=caseworker)
        .filter(action__in=[AccountAction.TOKEN_ISSUED, AccountAction.TOKEN_REVOKED])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["token_issued", "token_revoked", "token_issued", "token_revoked"]
    # The key itself is never written to the log.
    assert not AccountEvent.objects.filter(detail__icontains=key).exists()


def test_deleting_a_user_is_audited(admin_client, admin_user):
    doomed = UserFactory(username="leaver")
    response = admin_client.post(
        reverse("admin:auth_user_delete", args=[doomed.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    event = _events(AccountAction.USER_DELETED, "leaver").get()
    assert event.actor == admin_user and event.target_user is None


def test_the_log_is_read_only_in_the_admin_and_hidden_from_other_roles(
    admin_client, client, caseworker
):
    AccountEvent.objects.create(action=AccountAction.GROUP_CREATED, target_name="x")
    changelist = reverse("admin:audit_accountevent_changelist")
    response = admin_client.get(changelist)
    assert response.status_code == 200
    assert b"x" in response.content
    event = AccountEvent.objects.first()
    assert admin_client.get(reverse("admin:audit_accountevent_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:audit_accountevent_delete", args=[event.pk])).status_code
        == 403
    )
    change = admin_client.get(reverse("admin:audit_accountevent_change", args=[event.pk]))
    assert change.status_code == 200 and b'name="_save"' not in change.content
    client.force_login(caseworker)
    assert client.get(changelist).status_code == 403
