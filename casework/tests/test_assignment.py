"""Handing detainees over between caseworkers, and who held the case when."""

import datetime as dt

import pytest
import time_machine

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
