"""Fills the database DATABASE_URL names (migrated, PostgreSQL for the benchmark) with a
generated caseload by bulk writes.

    DATABASE_URL=postgres://... python -m bench.generate_caseload --count 100000 [--seed 2026]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from bench.caseload import generate  # noqa: E402
from stats.models import SummaryRefresh  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="detainees to generate")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)"
    )
    args = parser.parse_args()
    started = time.perf_counter()

    def progress(done: int) -> None:
        rate = done / (time.perf_counter() - started)
        print(f"  {done} detainees ({rate:.0f}/s)", file=sys.stderr, flush=True)

    result = generate(args.count, seed=args.seed, today=args.today, progress=progress)
    seconds = time.perf_counter() - started
    rows = sum(result.counts.values())
    print(f"generated {args.count} detainees, {rows} rows in {seconds:.1f} s")
    for label, written in result.counts.items():
        print(f"  {label}: {written}")
    refresh = SummaryRefresh.objects.get()
    print(f"statistics counted in {refresh.seconds:.1f} s (included above)")


if __name__ == "__main__":
    main()
