"""What the audit trail costs: a caseworker's API list of 100 detainees with welfare notes,
with the sensitive-read log (one INSERT of 100 rows per request) and without it; and the
time to export and to anonymise one person with records of every kind.

Runs on a fresh test database (SQLite by default; set DATABASE_URL for PostgreSQL).

    python bench/audit_overhead.py [--requests 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402


def _timed(call, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    setup_test_environment()
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(args.requests)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(requests: int) -> None:
    from rest_framework.test import APIClient

    from audit import reads
    from audit.models import SensitiveRead
    from audit.person_data import person_anonymise, person_export
    from cases import roles
    from cases.tests.factories import (
        CaseFactory,
        ChargeFactory,
        DetaineeFactory,
        SentenceFactory,
        UserFactory,
    )
    from consular.tests.factories import ConsularVisitFactory

    roles.sync_role_groups()
    caseworker = UserFactory(username="bench-caseworker", role=roles.CASEWORKER)
    admin = UserFactory(username="bench-admin", role=roles.ADMIN)
    for n in range(100):
        detainee = DetaineeFactory(welfare_notes=f"Needs medication {n}")
        ConsularVisitFactory(detainee=detainee, observations="Seen in good spirits")
    client = APIClient()
    client.force_authenticate(caseworker)

    def page():
        assert client.get("/api/v1/detainees/?page_size=100").status_code == 200

    page()  # warm-up
    logged = _timed(page, requests)
    rows = SensitiveRead.objects.count()
    original = reads.note
    reads.note = lambda request, records: None
    try:
        unlogged = _timed(page, requests)
    finally:
        reads.note = original

    case = CaseFactory(detainee=DetaineeFactory(full_name="Bench Person", welfare_notes="x"))
    ChargeFactory(case=case)
    SentenceFactory(case=case)
    ConsularVisitFactory(detainee=case.detainee, observations="Bench Person is tired")
    export_ms = _timed(lambda: person_export(detainee=case.detainee, user=admin), 5)
    start = time.perf_counter()
    person_anonymise(detainee=case.detainee, user=admin, reason="benchmark")
    anonymise_ms = (time.perf_counter() - start) * 1000

    print(f"list_100_with_read_log_ms_median {statistics.median(logged):.1f}")
    print(f"list_100_without_read_log_ms_median {statistics.median(unlogged):.1f}")
    print(f"read_log_rows_per_request {rows // (requests + 1)}")
    print(f"subject_access_export_ms_median {statistics.median(export_ms):.1f}")
    print(f"anonymise_one_person_ms {anonymise_ms:.1f}")


if __name__ == "__main__":
    main()
