"""The limit: bare Django views giving the same JSON as the app's detainee endpoints (same
keys, same rows, same role rules), each built by PostgreSQL in one hand-written query
(`bench.limit_sql`) that also resolves the API token and the user's roles. Python only
reads the query string and passes the answer through.

What the app does beyond the answer is kept where it is part of the rules: a role that
sees sensitive fields gets them, and the read is logged by the app's middleware (which
then loads the user: one more query, for those roles only). Token authentication only.
"""

from __future__ import annotations

import json
from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django_countries import countries
from rest_framework.utils.urls import remove_query_param, replace_query_param

from audit import reads
from cases import names
from cases.constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    Priority,
    Sex,
)
from cases.models import Detainee
from consular.models import ConsularVisit
from stats.queries import MAX_MONTHS, SENTENCE_BUCKETS

from . import limit_sql, limit_stats_sql


@cache
def _label_params() -> dict:
    labels = {
        "detainee_status": dict(DetaineeStatus.choices),
        "priority": dict(Priority.choices),
        "sex": dict(Sex.choices),
        "case_status": dict(CaseStatus.choices),
        "charge_category": dict(ChargeCategory.choices),
        "charge_disposition": dict(ChargeDisposition.choices),
        "extradition_status": dict(ExtraditionStatus.choices),
    }
    names_by_code = {country.code: str(country.name) for country in countries}
    return {
        "labels": json.dumps({k: {c: str(v) for c, v in m.items()} for k, m in labels.items()}),
        "countries": json.dumps(names_by_code),
    }


def _token(request) -> str:
    kind, _, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() if kind.lower() == "token" else ""


def _error(status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"status": status, "code": code, "detail": detail}, status=status)


def _answer(request, sql: str, params: dict, *, missing_ok: bool = True):
    """Runs the query; its first columns are (may read, JSON text), then the ids of the
    records whose sensitive values it showed."""
    if not _token(request):
        return _error(401, "not_authenticated", "Authentication credentials were not provided.")
    with connection.cursor() as cursor:
        cursor.execute(sql, {**_label_params(), "token": _token(request), **params})
        row = cursor.fetchone()
    if row is None:
        return _error(401, "authentication_failed", "Invalid token.")
    can_read, body, *shown = row
    if not can_read:
        return _error(403, "permission_denied", "You do not have permission to do this.")
    if body is None:
        return _error(404, "not_found", "Not found.")
    _log_sensitive_reads(request, _token(request), shown)
    return HttpResponse(body, content_type="application/json")


def _log_sensitive_reads(request, token: str, shown: list) -> None:
    detainee_ids = shown[0] if shown else []
    visit_ids = shown[1] if len(shown) > 1 else []
    if not detainee_ids and not visit_ids:
        return
    request.user = get_user_model().objects.get(auth_token__key=token)
    reads.note_ids(request, Detainee, detainee_ids)
    reads.note_ids(request, ConsularVisit, visit_ids)


def _positive(raw: str, default: int, name: str) -> int:
    if raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(name)
    return int(raw)


def detainee_list(request):
    if settings.TIME_ZONE != "UTC":
        raise RuntimeError(
            "The limit writes timestamps in UTC, as the app does with TIME_ZONE=UTC."
        )
    query = request.GET
    try:
        size = min(
            _positive(query.get("page_size", ""), settings.REST_FRAMEWORK["PAGE_SIZE"], ""), 100
        )
        page = _positive(query.get("page", ""), 1, "page")
    except ValueError:
        return _error(400, "invalid", "A page and page size are whole numbers, 1 or more.")
    url = request.build_absolute_uri()
    previous = None
    if page > 1:
        previous = (
            remove_query_param(url, "page")
            if page == 2
            else replace_query_param(url, "page", page - 1)
        )
    terms = names.query_terms(query.get("search", ""))
    params = {
        "statuses": [s for s in query.getlist("status") if s],
        "nationality": query.get("nationality") or None,
        **{f"term{i}": f"%{term}%" for i, term in enumerate(terms)},
        "words": [f"% {term.strip()} %" for term in terms],
        "phrase": names.similarity_query(query.get("search", "")),
        "size": size,
        "offset": (page - 1) * size,
        "next": replace_query_param(url, "page", page + 1),
        "previous": previous,
        "today": _today(),
        "exact_limit": settings.EXACT_COUNT_LIMIT,
    }
    params["estimate"] = _estimate(
        request, limit_sql.detainee_list_estimate(terms=len(terms)), params
    )
    return _answer(request, limit_sql.detainee_list(terms=len(terms)), params)


def _estimate(request, sql: str, params: dict) -> int:
    """The planner's row estimate of the list (the answer uses it beyond `exact_limit`)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, {**_label_params(), "token": _token(request), **params})
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def detainee_detail(request, pk: int):
    return _answer(request, limit_sql.DETAINEE_DETAIL, {"id": pk, "today": _today()})


def _today():
    return timezone.localdate()


# --- Statistics --------------------------------------------------------------------------

STATS_CHOICES = {
    "summary": [[s.value, str(s.label)] for s in DetaineeStatus],
    "charges": [[c.value, str(c.label)] for c in ChargeCategory],
    "sentences": [list(bucket) for bucket in SENTENCE_BUCKETS],
}


def _stats(name: str, sql: str, *, defaults: dict | None = None):
    def view(request):
        query = request.GET
        if query.get("date_from") or query.get("date_to"):
            return _error(400, "invalid", "The limit answers without a date range only.")
        params = {
            "nationality": query.get("nationality") or None,
            "choices": json.dumps(STATS_CHOICES.get(name, [])),
            "today": _today(),
            "max_months": MAX_MONTHS,
        }
        for key, default in (defaults or {}).items():
            try:
                params[key] = _positive(query.get(key, ""), default, key)
            except ValueError:
                return _error(400, "invalid", f"{key} is a whole number, 1 or more.")
        return _answer(request, sql, params)

    view.__name__ = f"stats_{name}"
    return view


stats_summary = _stats("summary", limit_stats_sql.SUMMARY)
stats_extraditions = _stats("extraditions", limit_stats_sql.EXTRADITIONS)
stats_charges = _stats("charges", limit_stats_sql.CHARGES)
stats_sentences = _stats("sentences", limit_stats_sql.SENTENCES)
stats_visits = _stats("visits", limit_stats_sql.VISITS)
stats_overdue = _stats(
    "overdue",
    limit_stats_sql.OVERDUE,
    defaults={"interval": settings.CONSULAR_VISIT_INTERVAL_DAYS, "limit": 50},
)
stats_facilities = _stats("facilities", limit_stats_sql.FACILITIES, defaults={"limit": 10})
