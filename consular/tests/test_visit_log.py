"""The visit log: every visit but the planned ones, newest first, read off an index."""

import datetime as dt

import pytest
from django.db import connection, transaction

from cases.tests.factories import DetaineeFactory
from consular.constants import VisitOutcome
from consular.models import ConsularVisit
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db


def test_the_log_leaves_out_planned_visits_and_puts_the_newest_first():
    person = DetaineeFactory()
    old = ConsularVisitFactory(detainee=person, visited_on=dt.date(2024, 3, 1))
    new = ConsularVisitFactory(detainee=person, visited_on=dt.date(2025, 6, 1))
    same_day = ConsularVisitFactory(
        detainee=person, visited_on=dt.date(2025, 6, 1), outcome=VisitOutcome.ACCESS_DENIED
    )
    ConsularVisitFactory(
        detainee=person, visited_on=dt.date(2026, 1, 1), outcome=VisitOutcome.PLANNED
    )
    dated = [v for v in ConsularVisit.objects.log() if v.visited_on is not None]
    assert dated == [same_day, new, old]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads a PostgreSQL plan")
def test_the_first_page_of_the_log_is_read_off_the_date_index_not_sorted():
    for day in range(1, 6):
        ConsularVisitFactory(visited_on=dt.date(2025, 1, day))
    sql, params = ConsularVisit.objects.log()[:10].query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # However small the table, the plan must not need to sort it.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "visit_log_idx" in plan
    assert "Sort" not in plan
