"""Handing detainees over between caseworkers, and who held the case when."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model

from cases.errors import Conflict, DomainError, NotPermitted
from cases.tests.factories import DetaineeFactory
from casework import services
from casework.models import Assignment, Notification

pytestmark = pytest.mark.django_db


def test_an_administrator_assigns_and_the_history_shows_who_held_it_when(
    admin_user, caseworker, other_caseworker, django_capture_on_commit_callbacks
):
    person = DetaineeFactory()
    with (
        time_machine.travel(dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.detainee_assign(
            detainee=person, to=caseworker, user=admin_user, note="Knows the family"
        )
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)):
        services.detainee_assign(
            detainee=person, to=other_caseworker, user=caseworker, note="On leave from March"
        )
    person.refresh_from_db()
    assert person.assigned_caseworker == other_caseworker
    first, second = services.assignment_history(person)
    assert (first.caseworker, first.note) == (caseworker, "Knows the family")
    assert first.started_at.date() == dt.date(2026, 1, 5)
    assert first.ended_at.date() == dt.date(2026, 3, 1)
    assert (second.caseworker, second.assigned_by, second.ended_at) == (
        other_caseworker,
        caseworker,
        None,
    )
    # The detainee's own history records the change, by the person who made it.
    latest = person.history.order_by("-history_id").first()
    assert latest.history_user == caseworker and latest.assigned_caseworker == other_caseworker
    # The first holder was told (the handler ran at commit).
    note = Notification.objects.get(user=caseworker)
    assert "Knows the family" in note.message


def test_a_holder_from_before_handovers_were_recorded_keeps_an_open_start(
    admin_user, caseworker, other_caseworker
):
    person = DetaineeFactory(assigned_caseworker=caseworker)
    services.detainee_assign(detainee=person, to=other_caseworker, user=admin_user)
    first, second = services.assignment_history(person)
    assert first.caseworker == caseworker and first.started_at is None and first.ended_at
    assert second.caseworker == other_caseworker


def test_only_administrators_and_the_holder_hand_a_case_over(caseworker, other_caseworker):
    person = DetaineeFactory(assigned_caseworker=other_caseworker)
    with pytest.raises(NotPermitted):
        services.detainee_assign(detainee=person, to=caseworker, user=caseworker)
    assert not Assignment.objects.exists()


def test_a_handover_goes_to_a_caseworker_who_can_see_the_case(
    admin_user, caseworker, viewer, other_caseworker
):
    restricted = DetaineeFactory(is_restricted=True, assigned_caseworker=caseworker)
    with pytest.raises(DomainError):
        services.detainee_assign(detainee=restricted, to=viewer, user=admin_user)
    with pytest.raises(DomainError):
        services.detainee_assign(detainee=restricted, to=None, user=admin_user)
    with pytest.raises(Conflict):
        services.detainee_assign(detainee=restricted, to=caseworker, user=admin_user)
    # Handing a restricted case over makes it the new holder's to see.
    services.detainee_assign(detainee=restricted, to=other_caseworker, user=caseworker)
    restricted.refresh_from_db()
    assert restricted.assigned_caseworker == other_caseworker


# --- Every change of holder is in the history, however it was made ---------------------


def test_assigning_through_the_api_is_in_the_handover_history(
    admin_user, caseworker, other_caseworker
):
    from rest_framework.test import APIClient

    person = DetaineeFactory(assigned_caseworker=caseworker)
    client = APIClient()
    client.force_authenticate(admin_user)
    url = f"/api/v1/detainees/{person.pk}/"
    with time_machine.travel(dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC)):
        response = client.patch(url, {"assigned_caseworker": other_caseworker.pk}, format="json")
    assert response.status_code == 200, response.data
    # Sending the same holder again, or other fields, is no handover.
    client.patch(url, {"assigned_caseworker": other_caseworker.pk, "priority": "high"})
    first, second = services.assignment_history(person)
    assert (first.caseworker, first.started_at, first.ended_at.date()) == (
        caseworker,
        None,
        dt.date(2026, 2, 1),
    )
    assert (second.caseworker, second.assigned_by, second.ended_at) == (
        other_caseworker,
        admin_user,
        None,
    )
    assert second.started_at.date() == dt.date(2026, 2, 1)

    # Created already assigned: the history starts with its creation.
    response = client.post(
        "/api/v1/detainees/",
        {"full_name": "Oleg Novak", "assigned_caseworker": caseworker.pk},
        format="json",
    )
    assert response.status_code == 201, response.data
    (only,) = Assignment.objects.filter(detainee_id=response.data["id"])
    assert (only.caseworker, only.assigned_by, only.ended_at) == (caseworker, admin_user, None)
    assert only.started_at is not None


def test_assigning_in_the_admin_is_in_the_handover_history(
    client, admin_user, caseworker, other_caseworker
):
    from django.urls import reverse

    from cases.tests.test_concurrency import _admin_post_data

    person = DetaineeFactory()
    client.force_login(admin_user)
    url = reverse("admin:cases_detainee_change", args=[person.pk])
    for holder in (caseworker, other_caseworker):
        data = _admin_post_data(client.get(url))
        response = client.post(url, {**data, "assigned_caseworker": holder.pk})
        assert response.status_code == 302, response.context["adminform"].form.errors
    # Saving the form again without changing the holder is no handover.
    client.post(url, {**_admin_post_data(client.get(url)), "priority": "high"})
    first, second = services.assignment_history(person)
    assert (first.caseworker, first.assigned_by) == (caseworker, admin_user)
    assert first.started_at and first.ended_at
    assert (second.caseworker, second.assigned_by, second.ended_at) == (
        other_caseworker,
        admin_user,
        None,
    )


def test_who_can_hold_work_is_asked_of_the_database_as_has_perm_answers(
    caseworker, viewer, django_assert_max_num_queries
):
    from django.contrib.auth.models import Permission

    from cases.tests.factories import UserFactory
    from casework.forms import caseworker_choices

    direct = UserFactory(username="direct-grant")
    direct.user_permissions.add(Permission.objects.get(codename="change_task"))
    boss = UserFactory(username="superuser-one", is_superuser=True)
    UserFactory(username="gone", is_superuser=True, is_active=False)
    with django_assert_max_num_queries(1):
        found = list(caseworker_choices())
    users = get_user_model().objects.all()
    assert found == sorted(
        (u for u in users if u.is_active and u.has_perm(services.WORK_PERMISSION)),
        key=lambda u: u.username,
    )
    assert {caseworker, direct, boss} <= set(found) and viewer not in found
