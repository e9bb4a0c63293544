"""What a request needs to know about its user (permissions, administrator or not) is read
in as few queries as the answers allow, and says the same as Django's own backend."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from rest_framework import exceptions

from cases import querysets, roles
from cases.backends import RolePermissionBackend
from config.api import token_issue
from config.throttling import ThrottledTokenAuthentication

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_own_and_group_permissions_come_in_one_query(role_groups, django_assert_num_queries):
    user = UserFactory(role=roles.VIEWER)
    extra = Permission.objects.get(codename="review_draft")
    user.user_permissions.add(extra)
    user = fresh(user)
    with django_assert_num_queries(1):
        held = RolePermissionBackend().get_all_permissions(user)
        assert user.has_perm("ingest.review_draft")
        assert user.has_perm("cases.view_detainee")
    assert held == ModelBackend().get_all_permissions(fresh(user))
    assert "ingest.review_draft" in held
    assert "cases.view_sensitive" not in held


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_role_holds_what_djangos_backend_gives_it(role_groups, role):
    user = UserFactory(role=role)
    ours = RolePermissionBackend().get_all_permissions(fresh(user))
    assert ours == ModelBackend().get_all_permissions(fresh(user))
    assert ours == {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.select_related("content_type")
    }


def test_inactive_users_superusers_and_object_checks(role_groups):
    backend = RolePermissionBackend()
    inactive = UserFactory(role=roles.ADMIN, is_active=False)
    assert backend.get_all_permissions(fresh(inactive)) == set()
    superuser = UserFactory(is_superuser=True)
    assert len(backend.get_all_permissions(fresh(superuser))) == Permission.objects.count()
    viewer = UserFactory(role=roles.VIEWER)
    assert backend.get_all_permissions(fresh(viewer), obj=object()) == set()


@pytest.mark.parametrize(("role", "admin"), [(roles.VIEWER, False), (roles.ADMIN, True)])
def test_a_token_brings_its_users_administrator_flag(
    role_groups, django_assert_num_queries, role, admin
):
    key = token_issue(user=UserFactory(role=role)).key
    with django_assert_num_queries(1):
        user, token = ThrottledTokenAuthentication().authenticate_credentials(key)
        assert querysets.is_admin(user) is admin
    assert token.key == key


def test_a_token_brings_its_users_permissions_on_postgresql(role_groups, django_assert_num_queries):
    # Own grants and a group's, read with the token: no query of their own afterwards.
    user = UserFactory(role=roles.VIEWER)
    user.user_permissions.add(Permission.objects.get(codename="review_draft"))
    key = token_issue(user=user).key
    reads = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(reads):
        found, _token = ThrottledTokenAuthentication().authenticate_credentials(key)
        assert found.has_perm("ingest.review_draft")
        assert found.has_perm("cases.view_detainee")
        assert not found.has_perm("cases.view_sensitive")
    assert found.get_all_permissions() == ModelBackend().get_all_permissions(fresh(user))


def test_a_superusers_token_still_holds_every_permission(role_groups):
    superuser = UserFactory(is_superuser=True)
    found, _token = ThrottledTokenAuthentication().authenticate_credentials(
        token_issue(user=superuser).key
    )
    assert len(RolePermissionBackend().get_all_permissions(found)) == Permission.objects.count()


def test_wrong_and_inactive_tokens_are_refused(role_groups):
    auth = ThrottledTokenAuthentication()
    with pytest.raises(exceptions.AuthenticationFailed, match="Invalid token"):
        auth.authenticate_credentials("0" * 40)
    user = UserFactory(role=roles.VIEWER)
    key = token_issue(user=user).key
    user.is_active = False
    user.save()
    with pytest.raises(exceptions.AuthenticationFailed, match="inactive"):
        auth.authenticate_credentials(key)
