"""Accepting a draft and undoing it, on a database that already holds a caseload.

Undo finds what an accept wrote by the change reason of history rows in every history table,
so its cost grows with the history kept. This builds a throwaway SQLite database with a
generated caseload (every record of which has history rows), then accepts one draft (merged
into a known detainee) and undoes it, several times, and prints the median time and the
number of queries of each step.

    python bench/review_undo.py [--detainees 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detainees", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-undo-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CELERY_BROKER_URL", "")
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from cases import roles
    from cases import services as case_services
    from cases.changesets import tracked_models
    from demo.caseload import generate_caseload
    from ingest import services
    from ingest.constants import ArticleOrigin, ArticleState
    from ingest.models import Article
    from ingest.tests import extracted

    call_command("migrate", verbosity=0)
    generate_caseload(args.detainees, seed=7, today=timezone.localdate())
    reviewer = get_user_model().objects.create_user("bench-reviewer")
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWER))
    known = case_services.detainee_create(full_name="Tomas Alvarez", nationalities=["CL"])
    article = Article.objects.create(
        origin=ArticleOrigin.PASTE,
        state=ArticleState.READY,
        text=extracted.TEXT_ALVAREZ,
        text_hash="bench",
    )
    [draft] = services.drafts_sync(article=article, result=extracted.result(extracted.alvarez()))
    history_rows = sum(m.history.count() for m in tracked_models())

    timings: dict[str, list[float]] = {"accept": [], "undo": []}
    queries: dict[str, int] = {}
    for _ in range(args.rounds):
        for step in ("accept", "undo"):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                if step == "accept":
                    services.draft_accept(draft=draft, user=reviewer, merge_into=known.pk)
                else:
                    services.draft_undo(draft=draft, user=reviewer)
                timings[step].append(time.perf_counter() - started)
            queries[step] = len(captured)
    print(f"detainees={args.detainees} history_rows={history_rows} rounds={args.rounds}")
    for step, values in timings.items():
        print(
            f"{step}_median_ms={statistics.median(values) * 1000:.1f} "
            f"{step}_max_ms={max(values) * 1000:.1f} {step}_queries={queries[step]}"
        )


if __name__ == "__main__":
    main()
