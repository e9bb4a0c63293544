"""Tasks on a detainee or case, their states, and the computed expected release."""

import datetime as dt

import pytest

from cases import roles
from cases.constants import DatePrecision
from cases.errors import Conflict, DomainError
from cases.tests.factories import CaseFactory, DetaineeFactory, SentenceFactory, UserFactory
from casework import services
from casework.constants import TaskKind, TaskState
from casework.models import Notification
from casework.releases import add_months, expected_release_compute
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db


def test_a_task_goes_to_whoever_holds_the_case(caseworker, other_caseworker):
    person = DetaineeFactory(assigned_caseworker=other_caseworker)
    task = services.task_create(
        user=caseworker,
        detainee=person,
        kind=TaskKind.COURT_HEARING,
        title="  Bail   hearing ",
        due_on=dt.date(2026, 7, 1),
    )
    assert task.assignee == other_caseworker and task.title == "Bail hearing"
    assert task.state == TaskState.OPEN and task.created_by == caseworker
    # The new assignee is told (after commit: the test runs it by hand).
    services.reminders.task_assigned_notify(task_id=task.pk, actor=caseworker)
    assert Notification.objects.get(user=other_caseworker).detainee == person


def test_a_task_refuses_a_case_or_visit_of_someone_else(caseworker):
    person, other = DetaineeFactory(), DetaineeFactory()
    with pytest.raises(DomainError) as case_error:
        services.task_create(
            user=caseworker,
            detainee=person,
            case=CaseFactory(detainee=other),
            kind=TaskKind.APPEAL_DEADLINE,
            title="Appeal",
            due_on=dt.date(2026, 7, 1),
        )
    assert case_error.value.field == "case"
    with pytest.raises(DomainError) as visit_error:
        services.task_create(
            user=caseworker,
            detainee=person,
            visit=ConsularVisitFactory(detainee=other),
            kind=TaskKind.FOLLOW_UP,
            title="Send books",
            due_on=dt.date(2026, 7, 1),
        )
    assert visit_error.value.field == "visit"


def test_an_assignee_needs_a_role_and_sight_of_the_person(caseworker, viewer, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=caseworker)
    for who in (viewer, other_caseworker):
        with pytest.raises(DomainError) as error:
            services.task_create(
                user=caseworker,
                detainee=hidden,
                kind=TaskKind.OTHER,
                title="Call the lawyer",
                due_on=dt.date(2026, 7, 1),
                assignee=who,
            )
        assert error.value.field == "assignee"


def test_states_move_by_the_allowed_transitions(caseworker):
    task = services.task_create(
        user=caseworker,
        detainee=DetaineeFactory(),
        kind=TaskKind.FOLLOW_UP,
        title="Send books",
        due_on=dt.date(2026, 7, 1),
    )
    services.task_transition(task=task, user=caseworker, to_state=TaskState.DONE)
    assert task.state == TaskState.DONE and task.closed_at is not None
    with pytest.raises(Conflict):
        services.task_transition(task=task, user=caseworker, to_state=TaskState.CANCELLED)
    services.task_transition(task=task, user=caseworker, to_state=TaskState.OPEN)
    assert task.state == TaskState.OPEN and task.closed_at is None
    with pytest.raises(DomainError):
        services.task_transition(task=task, user=caseworker, to_state="finished")


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2020, 2, 29), 12) == dt.date(2021, 2, 28)
    assert add_months(dt.date(2023, 11, 15), 62) == dt.date(2029, 1, 15)


def test_expected_release_from_start_term_and_credit():
    sentence = SentenceFactory(
        sentenced_on=dt.date(2023, 3, 10),
        sentenced_on_precision=DatePrecision.DAY,
        term_years=5,
        term_months=6,
        time_served_credit_days=100,
    )
    computed = expected_release_compute(sentence)
    assert computed.released.value == dt.date(2028, 9, 10) - dt.timedelta(days=100)
    assert "100 days of credit" in computed.explanation
    assert "5 years 6 months" in computed.explanation


def test_expected_release_is_as_precise_as_the_start():
    sentence = SentenceFactory(
        sentenced_on=dt.date(2023, 1, 1), sentenced_on_precision=DatePrecision.YEAR, term_years=4
    )
    assert expected_release_compute(sentence).released.display() == "2027"
    life = SentenceFactory(is_life=True, term_years=None, term_months=None)
    assert expected_release_compute(life) is None
    undated = SentenceFactory(sentenced_on=None, sentenced_on_precision="")
    assert expected_release_compute(undated) is None


def test_the_release_task_is_computed_once_and_brought_up_to_date(caseworker):
    sentence = SentenceFactory(
        sentenced_on=dt.date(2024, 2, 1), sentenced_on_precision=DatePrecision.DAY, term_years=2
    )
    task = services.expected_release_task_sync(sentence=sentence, user=caseworker)
    assert task.kind == TaskKind.EXPECTED_RELEASE and task.due_on == dt.date(2026, 2, 1)
    assert task.is_computed and task.computed_from.startswith("Computed:")
    sentence.time_served_credit_days = 31
    sentence.save()
    again = services.expected_release_task_sync(sentence=sentence, user=caseworker)
    assert again.pk == task.pk and again.due_on == dt.date(2026, 1, 1)


def test_no_release_task_without_a_term(caseworker):
    with pytest.raises(DomainError):
        services.expected_release_task_sync(
            sentence=SentenceFactory(is_life=True, term_years=None, term_months=None),
            user=caseworker,
        )


def test_editing_a_task_checks_the_new_assignee(caseworker, role_groups):
    task = services.task_create(
        user=caseworker,
        detainee=DetaineeFactory(),
        kind=TaskKind.OTHER,
        title="Write",
        due_on=dt.date(2026, 7, 1),
    )
    stranger = UserFactory(username="no-role")
    with pytest.raises(DomainError):
        services.task_update(task=task, user=caseworker, changes={"assignee": stranger})
    colleague = UserFactory(username="colleague", role=roles.CASEWORKER)
    services.task_update(
        task=task, user=caseworker, changes={"assignee": colleague, "due_on": dt.date(2026, 8, 1)}
    )
    task.refresh_from_db()
    assert task.assignee == colleague and task.due_on == dt.date(2026, 8, 1)


def test_a_visit_follow_up_becomes_a_task_due_in_two_weeks(caseworker):
    import time_machine

    visit = ConsularVisitFactory(follow_up="Send   reading glasses and books")
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)):
        task = services.follow_up_task_create(visit=visit, user=caseworker)
    assert (task.kind, task.visit, task.detainee) == (TaskKind.FOLLOW_UP, visit, visit.detainee)
    assert task.title == "Send reading glasses and books"
    assert task.due_on == dt.date(2026, 6, 15)
    with pytest.raises(DomainError):
        services.follow_up_task_create(visit=ConsularVisitFactory(follow_up=""), user=caseworker)
