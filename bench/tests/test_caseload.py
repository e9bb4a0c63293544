"""The benchmark's generated caseload is data the app could have written itself."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from bench.caseload import _check_foreign_keys, generate
from cases import names, services
from cases.constants import HELD_STATUSES
from cases.models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    FactReport,
    NameVariant,
    Nationality,
    Sentence,
)
from consular.models import ConsularVisit
from ingest.models import Draft

TODAY = dt.date(2026, 6, 1)
COUNT = 80


@pytest.fixture
def caseload(db):
    return generate(COUNT, seed=7, today=TODAY)


def test_spread_of_the_caseload(caseload):
    assert Detainee.objects.count() == COUNT
    cases_per_person = Detainee.objects.annotate(n=Count("cases")).values_list("n", flat=True)
    assert set(cases_per_person) <= {1, 2}
    cases = Case.objects.count()
    assert 2 <= Charge.objects.count() / cases <= 4
    assert Sentence.objects.count() >= cases * 0.3
    assert 0.1 <= Extradition.objects.count() / COUNT <= 0.35
    assert 6 <= ConsularVisit.objects.count() / COUNT <= 14
    assert NameVariant.objects.count() == 2 * COUNT
    assert Nationality.objects.filter(country="RU").count() == COUNT
    assert COUNT <= FactReport.objects.count() <= COUNT * 1.2
    # Every charge, spelling and nationality carries the date it speaks of.
    for model in (Charge, NameVariant, Nationality):
        assert not model.objects.filter(as_of__isnull=True).exists(), model
    assert Draft.objects.awaiting_review().count() == 5
    assert caseload.counts["cases.Detainee"] == COUNT


def test_same_seed_same_people(db):
    generate(20, seed=3, today=TODAY)
    first = list(Detainee.objects.order_by("id").values_list("full_name", "status"))
    Detainee.objects.update(full_name="x")  # the second run must not reuse these rows
    generate(20, seed=3, today=TODAY)
    second = list(Detainee.objects.order_by("id").values_list("full_name", "status")[20:])
    assert first == second


def test_derived_values_are_what_the_services_derive(caseload):
    for detainee in Detainee.objects.all():
        assert detainee.search_key == names.search_key(
            f"{detainee.full_name} {detainee.name_original_script}"
        )
        before = (detainee.status, detainee.detaining_country, detainee.current_facility_id)
        services.detainee_facts_derive(detainee=detainee)
        detainee.refresh_from_db()
        assert (detainee.status, detainee.detaining_country, detainee.current_facility_id) == (
            before
        )
        assert detainee.version == 1  # nothing was written again
        open_periods = CustodyPeriod.objects.filter(detainee=detainee, ended_on__isnull=True)
        assert open_periods.exists() == (detainee.status in HELD_STATUSES)
    for variant in NameVariant.objects.all():
        assert variant.search_key == names.search_key(variant.name)


def test_the_app_reads_it(caseload, client):
    viewer = get_user_model().objects.get(username="viewer")
    client.force_login(viewer)
    listed = client.get("/api/v1/detainees/?nationality=RU&page_size=50").json()
    assert listed["count"] == Detainee.objects.visible_to(viewer).count()
    someone = Detainee.objects.filter(is_restricted=False).first()
    detail = client.get(f"/api/v1/detainees/{someone.pk}/").json()
    assert len(detail["name_variants"]) == 2
    assert detail["facts"]["status"]["value"] == someone.status
    surname = someone.full_name.split()[-1]
    found = client.get(f"/api/v1/detainees/?search={surname}").json()
    assert someone.pk in {row["id"] for row in found["results"]}
    # New records written through the app take the next ids.
    assert services.name_variant_add(detainee=someone, name="Another Spelling").pk > max(
        NameVariant.objects.exclude(name="Another Spelling").values_list("pk", flat=True)
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's replica mode")
def test_a_row_naming_a_missing_record_fails_the_load(caseload):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "INSERT INTO cases_namevariant (version, detainee_id, name, search_key, "
            "as_of_precision) VALUES (1, 999999, 'Nobody', ' nbd ', '')"
        )
    with pytest.raises(AssertionError, match="name a missing detainee"):
        _check_foreign_keys([NameVariant])
