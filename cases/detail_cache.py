"""A cache of the detainee detail answer, keyed by what the answer is made of.

Building a person's detail takes a score of queries and the nesting of every case, charge,
sentence, custody period, extradition, visit and dated fact; reading it again takes none of
that if nothing changed. The key is not a version that each write path must remember to
raise: it is a fingerprint of the rows themselves, every column of every row the answer
reads (the person; their nationalities, names, tags, cases, charges, sentences, custody,
extraditions, visits, reports, choices and citations, the visits' citations included; the
sources, facilities and user names these point to), computed by the database in the query
that reads the person. Any write by any path (a service, the admin, a bulk or raw update, a
merge, an accepted draft, an edited source or facility) changes a column of one of those
rows, adds one or removes one, and so changes the key. Archived rows are included: archiving
one changes it.

The rest of the key is what the answer depends on besides the rows: the viewer's access to
sensitive fields, the language of the labels and today's date (days since the last visit).
Who may read the person at all is decided before the cache is asked (`visible_to`), and a
cached answer still logs the sensitive values it shows (`audit.reads`).

The fingerprint and the answer must come from the same state of the database: a write that
lands between the two and is then undone (a tag added and removed) would otherwise leave an
answer filed under the state before it. A request's transaction gives that on SQLite; on
PostgreSQL the request reads in one REPEATABLE READ snapshot (`snapshot_begin`), and an
answer is only stored when it was built in one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache as default_cache
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone, translation

from audit import reads

from .roles import can_view_sensitive

# Stands for the person's id while the fingerprint's SQL is built, once per process.
_PERSON = -424242


def _rows_read(person: int) -> list[tuple[QuerySet, list[str] | None]]:
    """The rows the detail answer of `person` is made of, as querysets of their ids, each
    with the fields to fingerprint (None: every column). Every manager here is the plain
    one, archived rows included."""
    from .models import (
        Case,
        CaseCitation,
        Charge,
        CustodyPeriod,
        Detainee,
        DetaineeCitation,
        Extradition,
        Facility,
        FactChoice,
        FactReport,
        NameVariant,
        Nationality,
        Sentence,
        Source,
        Tag,
    )

    def rows(model, **lookup) -> QuerySet:
        return model._base_manager.filter(**lookup)

    def ids(model, field: str, **lookup) -> QuerySet:
        return rows(model, **lookup).order_by().values(field)

    # The consular app's visits, reached through the reverse relation (this app does not
    # import that one).
    visit = Detainee._meta.get_field("consular_visits").related_model
    # An undated visit counts from the earliest publication date of its sources
    # (`last_visit_on`): its citations and their sources are read too.
    visit_citation = visit._meta.get_field("citations").related_model
    tagging = Detainee.tags.through
    people = rows(Detainee, pk=person)
    cases = ids(Case, "pk", detainee=person)
    sources = (
        ids(DetaineeCitation, "source", detainee=person)
        .union(ids(CaseCitation, "source", case__in=cases))
        .union(ids(FactReport, "source", detainee=person))
        .union(ids(visit_citation, "source", visit__detainee=person))
    )
    facilities = (
        people.order_by()
        .values("current_facility")
        .union(ids(CustodyPeriod, "facility", detainee=person))
        .union(ids(FactReport, "facility", detainee=person))
        .union(ids(visit, "facility", detainee=person))
    )
    users = (
        people.order_by()
        .values("assigned_caseworker")
        .union(ids(FactChoice, "chosen_by", detainee=person))
    )
    return [
        (people, None),
        *[
            (rows(model, detainee=person), None)
            for model in (
                Nationality,
                NameVariant,
                tagging,
                Case,
                CustodyPeriod,
                Extradition,
                visit,
                DetaineeCitation,
                FactReport,
                FactChoice,
            )
        ],
        *[(rows(model, case__in=cases), None) for model in (Charge, Sentence, CaseCitation)],
        (rows(visit_citation, visit__detainee=person), None),
        (rows(Tag, pk__in=ids(tagging, "tag", detainee=person)), None),
        (rows(Source, pk__in=sources), None),
        (rows(Facility, pk__in=facilities), None),
        # Of a user the answer shows the name alone.
        (rows(get_user_model(), pk__in=users), ["id", get_user_model().USERNAME_FIELD]),
    ]


def _part_sql(queryset: QuerySet, fields: list[str] | None, vendor: str) -> tuple[str, list]:
    """The SQL of one part of the fingerprint: every row of `queryset`, the given fields or
    every column, as one value."""
    meta = queryset.model._meta
    chosen = meta.concrete_fields if fields is None else [meta.get_field(f) for f in fields]
    rows, params = queryset.order_by().values(*[f.attname for f in chosen]).query.sql_with_params()
    # Table and column names come from the models, never from the request.
    if vendor == "postgresql":
        aggregate = "md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"
        sql = f"(SELECT {aggregate} FROM ({rows}) t)"  # noqa: S608
    else:
        # quote() writes each value as an SQL literal: NULL, '' and text with commas stay
        # apart.
        qn = connection.ops.quote_name
        row = " || ',' || ".join(f"quote(t.{qn(f.column)})" for f in chosen)
        ordered = f"SELECT {row} AS r FROM ({rows}) t ORDER BY r"  # noqa: S608
        sql = f"(SELECT coalesce(group_concat(r, ';'), '') FROM ({ordered}))"  # noqa: S608
    return sql, list(params)


@cache
def _fingerprint_sql(vendor: str) -> tuple[str, int]:
    """One SQL expression (the person's id as every parameter) whose value changes with any
    row the detail reads; and how many parameters it takes."""
    parts, params = [], []
    for queryset, fields in _rows_read(_PERSON):
        sql, part_params = _part_sql(queryset, fields, vendor)
        parts.append(sql)
        params += part_params
    if any(param != _PERSON for param in params):
        raise ValueError("the fingerprint's queries may take the person's id alone")
    if vendor == "postgresql":
        return f"md5(concat_ws('|', {', '.join(parts)}))", len(params)
    return " || '|' || ".join(parts), len(params)


def fingerprint_expression(person: int):
    """The fingerprint of `person`'s detail, as an annotation."""
    from django.db.models import CharField
    from django.db.models.expressions import RawSQL

    sql, count = _fingerprint_sql(connection.vendor)
    # The SQL is built from the models alone; the id is a parameter.
    return RawSQL(sql, [person] * count, output_field=CharField())  # noqa: S611


def enabled() -> bool:
    return settings.API_DETAIL_CACHE_SECONDS > 0


def snapshot_begin(request) -> None:
    """On PostgreSQL, makes the request's transaction read one snapshot throughout
    (REPEATABLE READ) when nothing has run in it yet, so that the detail's reads agree with
    the fingerprint read first. Read-only transactions never fail for it."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return
    from psycopg import pq

    # Django's check of a reused connection runs a query; it has run by now (when the
    # request's transaction was opened), and runs here otherwise, before the test below.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    if connection.connection.info.transaction_status != pq.TransactionStatus.IDLE:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    request._detail_snapshot = True


def _consistent(request) -> bool:
    """True when the request's reads all come from one state of the database: its
    transaction, on SQLite; its REPEATABLE READ transaction, on PostgreSQL."""
    if not connection.in_atomic_block:
        return False
    if connection.vendor == "sqlite":
        return True
    return getattr(request, "_detail_snapshot", False)


@cache
def code_digest() -> str:
    """A digest of the code and wording the answer is built with: the case app's modules
    (models, serializers, the dated facts), the API's base classes and the translations. A
    shared cache (Redis) outlives a release; an answer built by the code before it is not
    found under the new key, so a release that changes the answer's shape or words is seen at
    once. Read once per process."""
    root = Path(settings.BASE_DIR)
    files = sorted(
        path
        for path in (root / "cases").rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    )
    files += [root / "config" / "api.py", *sorted((root / "locale").rglob("*.po"))]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key(person, request) -> str:
    fingerprint = person.detail_fingerprint
    if connection.vendor != "postgresql":
        fingerprint = hashlib.sha256(fingerprint.encode()).hexdigest()
    sensitive = "s" if can_view_sensitive(request.user) else "p"
    today = timezone.localdate().isoformat()
    language = translation.get_language() or ""
    code = code_digest()
    return f"detainee-detail:{code}:{person.pk}:{fingerprint}:{sensitive}:{language}:{today}"


def answer(request, person, build: Callable[[], dict]) -> dict:
    """The detail of `person` (read with `fingerprint_expression`) for `request`: from the
    cache when it holds the answer for these rows, else `build()`, stored when it was read
    in one snapshot. The sensitive values it shows are logged either way."""
    key = _key(person, request)
    found = default_cache.get(key)
    if found is not None:
        data, shown = found
        reads.note_keys(request, shown)
        return data
    before = set(reads.noted_keys(request))
    data = build()
    if _consistent(request):
        shown = sorted(set(reads.noted_keys(request)) - before)
        default_cache.set(key, (data, shown), settings.API_DETAIL_CACHE_SECONDS)
    return data
