"""Backup and restore as docs/operations.md tells it: pg_dump of a filled database,
pg_restore into an empty one, and every table holds as many rows as before."""

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from rest_framework.authtoken.models import Token

from cases import services as case_services
from cases.models import Tag
from cases.tests import factories as f
from consular.tests.factories import ConsularVisitFactory
from ingest import services as ingest_services
from ingest.constants import ArticleState, MatchVerdict
from ingest.tests.factories import ArticleFactory, DraftFactFactory, DraftFactory, FeedFactory

BASE_DIR = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def _documented(name: str) -> str:
    """A fenced block of docs/operations.md's backup section, found by its first word."""
    text = (BASE_DIR / "docs" / "operations.md").read_text()
    section = text.split("## Backup and restore", 1)[1]
    blocks = re.findall(r"```(?:sh|sql)\n(.*?)```", section, re.S)
    return next(block for block in blocks if block.lstrip().startswith(name))


def _fill_every_table_of_the_record():
    """Rows in every model of cases, consular and ingest, their history and link tables."""
    f.UserFactory(username="reviewer-of-record")
    source = f.SourceFactory()
    detainee = f.DetaineeFactory()
    detainee.tags.add(Tag.objects.create(name="journalist"))
    case = f.CaseFactory(detainee=detainee)
    facts = [
        detainee,
        f.NameVariantFactory(detainee=detainee),
        f.NationalityFactory(detainee=detainee),
        f.CustodyPeriodFactory(detainee=detainee),
        case,
        f.ChargeFactory(case=case),
        f.SentenceFactory(case=case),
        f.ExtraditionFactory(detainee=detainee),
        ConsularVisitFactory(detainee=detainee),
        f.FactReportFactory(detainee=detainee, source=source),
        f.FactChoiceFactory(detainee=detainee),
    ]
    for fact in facts:
        if hasattr(fact, "citations"):
            case_services.cite(fact, source, "The court said so.")
    detainee.full_name = "Changed Name"
    detainee.save()  # a second history row
    article = ArticleFactory(feed=FeedFactory(), source=source)
    ingest_services.article_transition(article=article, to_state=ArticleState.QUEUED)
    draft = DraftFactory(article=article)
    DraftFactFactory(draft=draft)
    ingest_services.match_judgement_record(
        draft=draft, detainee=detainee, verdict=MatchVerdict.DIFFERENT, user=None
    )
    Token.objects.create(user=f.UserFactory())


def _tables() -> list[str]:
    return sorted(connection.introspection.table_names(include_views=False))


def _counts(database_url: str) -> dict[str, int]:
    """The documented count query, run with psql as an operator would."""
    out = subprocess.run(  # noqa: S603
        ["psql", database_url, "-At", "-F", "\t", "-c", _documented("SELECT")],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {line.split("\t")[0]: int(line.split("\t")[1]) for line in out.splitlines()}


def _run_documented(name: str, **env: str) -> None:
    """Runs a documented command as written, with its variables in the environment."""
    subprocess.run(  # noqa: S603
        ["bash", "-ec", _documented(name)],  # noqa: S607 - the documented commands
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    )


def _sequences(database_url: str) -> str:
    query = "SELECT sequencename, last_value FROM pg_sequences ORDER BY 1"
    return subprocess.run(  # noqa: S603
        ["psql", database_url, "-At", "-c", query],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgresql://{db['USER']}{password}@{host}/{name}"


def test_a_backup_restores_into_an_empty_database_with_every_count_equal(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("backups are pg_dump/pg_restore of PostgreSQL, the production database")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
        pytest.skip("needs the PostgreSQL client programs (pg_dump, pg_restore, psql)")
    _fill_every_table_of_the_record()
    for app in ("cases", "consular", "ingest"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            assert model._default_manager.exists(), f"fill {model._meta.db_table} too"

    source_url = _url(connection.settings_dict["NAME"])
    target = f"restore_{uuid.uuid4().hex[:12]}"
    dump = tmp_path / "casetracker.dump"
    _run_documented("pg_dump", DATABASE_URL=source_url, BACKUP_FILE=str(dump))
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{target}"')
    try:
        assert _counts(_url(target)) == {}  # empty
        _run_documented("pg_restore", RESTORE_URL=_url(target), BACKUP_FILE=str(dump))
        before, after = _counts(source_url), _counts(_url(target))
        assert set(before) == set(_tables())
        assert after == before
        # New rows in the restored database take ids after the restored ones.
        assert _sequences(_url(target)) == _sequences(source_url)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
