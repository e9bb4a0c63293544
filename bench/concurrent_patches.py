"""Two clients PATCH different fields of one detainee at the same moment, round after round:
how many changes are lost, and what a PATCH costs (time and queries) now that it locks the
row and writes only its fields.

PostgreSQL only (SQLite runs one writer at a time): set DATABASE_URL. Runs on a fresh test
database.

    DATABASE_URL=postgres://... python bench/concurrent_patches.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()

    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: SQLite runs one writer at a time.")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run(args.rounds)
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(rounds: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from cases import roles
    from cases.models import Detainee
    from cases.tests.factories import DetaineeFactory, UserFactory

    roles.sync_role_groups()
    caseworker = UserFactory(username="bench-caseworker", role=roles.CASEWORKER)
    detainee = DetaineeFactory(status="detained", priority="normal")
    url = f"/api/v1/detainees/{detainee.pk}/"
    statuses, priorities = ("charged", "on_trial"), ("high", "normal")

    lost = 0
    times: list[float] = []
    for n in range(rounds):
        barrier = threading.Barrier(2)
        status, priority = statuses[n % 2], priorities[n % 2]

        def patch(field, value, barrier=barrier):
            client = APIClient()
            client.force_authenticate(caseworker)
            barrier.wait()
            start = time.perf_counter()
            assert client.patch(url, {field: value}, format="json").status_code == 200
            times.append((time.perf_counter() - start) * 1000)
            connection.close()

        threads = [
            threading.Thread(target=patch, args=("status", status)),
            threading.Thread(target=patch, args=("priority", priority)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        now = Detainee.objects.get(pk=detainee.pk)
        lost += (now.status, now.priority) != (status, priority)

    client = APIClient()
    client.force_authenticate(caseworker)
    alone = []
    for n in range(rounds):
        start = time.perf_counter()
        client.patch(url, {"priority": priorities[n % 2]}, format="json")
        alone.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.patch(url, {"priority": "high"}, format="json", HTTP_IF_MATCH="*")

    print(f"rounds={rounds} rounds_with_a_lost_change={lost}")
    print(f"concurrent_patch_ms median={statistics.median(times):.1f} max={max(times):.1f}")
    print(f"single_patch_ms median={statistics.median(alone):.1f}")
    print(f"queries_per_patch={len(queries)}")


if __name__ == "__main__":
    main()
