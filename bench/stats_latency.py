"""Latency of the statistics endpoints and the dashboard page, one request at a time, in
process (Django's test client) on the database of DATABASE_URL: a quick measure of the
statistics without the whole load benchmark.

    DATABASE_URL=postgres://USER@127.0.0.1:5432/DB .venv/bin/python bench/stats_latency.py \
        [--requests 30] [--user viewer]

The database holds a generated caseload (`bench.generate_caseload`, which counts the
figures at its end). Prints, for each endpoint, the median, 95th-percentile and slowest
time of `--requests` requests after one warm-up request, and the queries of one request
(the request transaction's BEGIN and COMMIT included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("API_THROTTLE_RATE", "")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

STATS = ("summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--user", default="viewer")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=args.user))
    urls = [f"/api/v1/stats/{name}/" for name in STATS] + ["/dashboard/"]
    print(f"{'url':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for url in urls:
        assert client.get(url).status_code == 200, url
        queries = []

        def counted(execute, sql, params, many, context, found=queries):
            found.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            client.get(url)
        times = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        print(
            f"{url:<32} {statistics.median(times):>8.1f} {_percentile(times, 0.95):>8.1f} "
            f"{max(times):>8.1f} {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
