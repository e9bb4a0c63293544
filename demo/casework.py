"""A demo caseworker's day: held detainees handed to the `caseworker` login, with court
dates, appeal deadlines and computed releases, and one health or welfare flag."""

import datetime as dt

from django.contrib.auth import get_user_model

from cases.errors import DomainError
from cases.models import Detainee, Sentence
from casework import services
from casework.constants import TaskKind
from casework.models import Assignment

CASELOAD = 8


def load_casework(*, today: dt.date) -> int:
    """Hands a few held detainees to the demo caseworker; does nothing the second time.
    Answers how many were handed over."""
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    caseworker = User.objects.filter(username="caseworker").first()
    if admin is None or caseworker is None or Assignment.objects.exists():
        return 0
    people = list(
        Detainee.objects.held()
        .filter(is_restricted=False, assigned_caseworker=None)
        .order_by("id")[:CASELOAD]
    )
    for n, person in enumerate(people):
        services.detainee_assign(
            detainee=person, to=caseworker, user=admin, note="Demo caseload: first handover."
        )
        if n < 3:
            services.task_create(
                user=admin,
                detainee=person,
                kind=TaskKind.COURT_HEARING if n % 2 == 0 else TaskKind.APPEAL_DEADLINE,
                title="Hearing on the merits" if n % 2 == 0 else "Appeal must be lodged",
                due_on=today + dt.timedelta(days=7 * (n + 1)),
            )
        for sentence in Sentence.objects.filter(case__detainee=person):
            try:
                services.expected_release_task_sync(sentence=sentence, user=admin)
            except DomainError:
                continue  # a life sentence or one without a start date
    if people:
        services.welfare_flag_set(
            detainee=people[0], user=admin, flagged=True, reason="Demo: needs regular medication."
        )
    return len(people)
