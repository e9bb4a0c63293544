"""No update is lost: every write raises the record's version, updates write only their
fields under a row lock, and a write based on an older version (API `If-Match`, a form's
hidden field) is refused."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from cases import services
from cases.constants import DetaineeStatus, Priority
from cases.errors import StaleVersion
from cases.models import Charge, CustodyPeriod, Detainee, Extradition
from cases.partial_dates import parse
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    NameVariantFactory,
    SentenceFactory,
    SourceFactory,
)
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def stored(record):
    return type(record).objects.get(pk=record.pk)


# --- Services: versions, partial writes ------------------------------------------------


def test_an_update_writes_only_its_fields_so_a_change_in_between_survives():
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, priority=Priority.NORMAL)
    # Someone else changes another field after this copy was read.
    other = Detainee.objects.get(pk=detainee.pk)
    services.record_update(record=other, changes={"priority": Priority.HIGH})

    services.record_update(record=detainee, changes={"status": DetaineeStatus.CONVICTED})

    now = stored(detainee)
    assert (now.status, now.priority) == (DetaineeStatus.CONVICTED, Priority.HIGH)
    assert now.version == 3
    # The caller's copy holds what is stored now, not what it read.
    assert (detainee.priority, detainee.version) == (Priority.HIGH, 3)


def test_detainee_update_keeps_a_concurrent_change_and_counts_nationalities():
    detainee = DetaineeFactory(full_name="Ivan Petrov")
    other = Detainee.objects.get(pk=detainee.pk)
    services.detainee_update(detainee=other, changes={"welfare_notes": "Needs insulin"})

    services.detainee_update(detainee=detainee, changes={"full_name": "Ivan Petrovich"})
    now = stored(detainee)
    assert (now.full_name, now.welfare_notes) == ("Ivan Petrovich", "Needs insulin")

    services.detainee_update(detainee=detainee, changes={}, nationalities=["RU"])
    assert stored(detainee).version == now.version + 1


def test_an_update_keeps_who_made_it_in_the_history(caseworker):
    charge = ChargeFactory()
    charge._history_user = caseworker
    services.record_update(record=charge, changes={"statute": "Art. 159"})
    assert charge.history.latest("history_id").history_user == caseworker


def test_a_stale_expected_version_is_refused_and_nothing_is_written():
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    services.record_update(record=Detainee.objects.get(pk=detainee.pk), changes={"sex": "m"})

    with pytest.raises(StaleVersion) as refused:
        services.detainee_update(
            detainee=detainee, changes={"status": DetaineeStatus.RELEASED}, expected_version=1
        )
    assert refused.value.record.version == 2
    now = stored(detainee)
    assert (now.status, now.version) == (DetaineeStatus.DETAINED, 2)

    services.detainee_update(
        detainee=detainee, changes={"status": DetaineeStatus.RELEASED}, expected_version=2
    )
    assert stored(detainee).status == DetaineeStatus.RELEASED


def test_every_write_path_raises_the_version():
    charge = ChargeFactory()
    assert charge.version == 1
    charge.statute = "18 U.S.C. § 1030"
    charge.save()  # a whole-row save, as the admin does
    assert stored(charge).version == 2
    charge.save(update_fields=["statute"])
    assert stored(charge).version == 3
    Charge.objects.filter(pk=charge.pk).update(statute="")  # a bulk update
    assert stored(charge).version == 4
    Charge.objects.bulk_update([stored(charge)], ["statute"])
    assert stored(charge).version == 5
    services.charge_max_penalty_record(charge=stored(charge), years=20)
    assert stored(charge).version == 6


def test_closing_a_custody_period_in_bulk_raises_its_version():
    period = CustodyPeriodFactory(ended_on=None, ended_on_precision="")
    services.custody_period_record(
        detainee=period.detainee, facility=FacilityFactory(), started=parse("2024-05")
    )
    closed = CustodyPeriod.objects.get(pk=period.pk)
    assert closed.ended_on is not None
    assert closed.version == period.version + 1


def test_an_extradition_update_keeps_notes_written_in_between():
    extradition = ExtraditionFactory(notes="")
    Extradition.objects.filter(pk=extradition.pk).update(notes="Appeal lodged")
    services.extradition_record(
        detainee=extradition.detainee,
        from_country=extradition.from_country,
        to_country=extradition.to_country,
        status="surrendered",
        surrendered=parse("2022-06-14"),  # the recorded June 2022, made precise
    )
    now = stored(extradition)
    assert (now.notes, now.status) == ("Appeal lodged", "surrendered")
    assert now.surrendered.isoformat() == "2022-06-14"
    assert now.version == 3


# --- API: ETag and If-Match ------------------------------------------------------------


def test_detail_carries_an_etag_and_every_record_its_version(caseworker):
    detainee = DetaineeFactory()
    client = client_for(caseworker)
    response = client.get(f"/api/v1/detainees/{detainee.pk}/")
    assert response["ETag"] == '"1"'
    assert response.data["version"] == 1
    listed = client.get("/api/v1/detainees/").data["results"]
    assert listed[0]["version"] == 1


def test_if_match_current_writes_and_returns_the_new_etag(caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    client = client_for(caseworker)
    url = f"/api/v1/detainees/{detainee.pk}/"
    etag = client.get(url)["ETag"]

    response = client.patch(url, {"status": "charged"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.data
    assert response["ETag"] == '"2"'
    assert response.data["version"] == 2


def test_if_match_stale_is_412_in_the_error_shape_and_writes_nothing(caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, priority=Priority.NORMAL)
    client = client_for(caseworker)
    url = f"/api/v1/detainees/{detainee.pk}/"
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"priority": "high"}, format="json").status_code == 200

    response = client.patch(url, {"status": "released"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.json() == {
        "status": 412,
        "code": "precondition_failed",
        "detail": response.json()["detail"],
        "fields": {},
    }
    assert "changed by someone else" in response.json()["detail"]
    assert response["ETag"] == '"2"'
    now = stored(detainee)
    assert (now.status, now.priority, now.version) == ("detained", "high", 2)


@pytest.mark.parametrize(
    ("header", "status"),
    [('"1"', 200), ('W/"1"', 200), ('"7", "1"', 200), ("*", 200), ('"7"', 412), ("1", 412)],
)
def test_if_match_forms(caseworker, header, status):
    detainee = DetaineeFactory()
    response = client_for(caseworker).patch(
        f"/api/v1/detainees/{detainee.pk}/", {"sex": "f"}, format="json", HTTP_IF_MATCH=header
    )
    assert response.status_code == status


def test_without_if_match_a_patch_still_writes_only_its_fields(caseworker):
    detainee = DetaineeFactory(priority=Priority.NORMAL)
    client = client_for(caseworker)
    url = f"/api/v1/detainees/{detainee.pk}/"
    assert client.patch(url, {"priority": "high"}, format="json").status_code == 200
    assert client.patch(url, {"status": "charged"}, format="json").status_code == 200
    now = stored(detainee)
    assert (now.priority, now.status, now.version) == ("high", "charged", 3)


def _records():
    case = CaseFactory()
    return {
        "cases": (case, {"court": "Moscow City Court"}),
        "charges": (ChargeFactory(case=case), {"statute": "Art. 275"}),
        "sentences": (SentenceFactory(case=case), {"court": "Moscow City Court"}),
        "extraditions": (ExtraditionFactory(detainee=case.detainee), {"notes": "Appeal"}),
        "custody-periods": (CustodyPeriodFactory(detainee=case.detainee), {"ended_on": "2025"}),
        "name-variants": (NameVariantFactory(detainee=case.detainee), {"name": "Ivanoff"}),
        "facilities": (FacilityFactory(), {"notes": "Near Moscow"}),
        "sources": (SourceFactory(), {"title": "Updated title"}),
        "visits": (ConsularVisitFactory(detainee=case.detainee), {"follow_up": "Call lawyer"}),
    }


@pytest.mark.parametrize(
    "resource",
    [
        "cases",
        "charges",
        "sentences",
        "extraditions",
        "custody-periods",
        "name-variants",
        "facilities",
        "sources",
        "visits",
    ],
)
def test_every_writable_resource_honours_if_match(admin_user, resource):
    record, change = _records()[resource]
    client = client_for(admin_user)
    url = f"/api/v1/{resource}/{record.pk}/"
    read = client.get(url)
    assert read["ETag"] == f'"{record.version}"'
    assert read.data["version"] == record.version

    written = client.patch(url, change, format="json", HTTP_IF_MATCH=read["ETag"])
    assert written.status_code == 200, written.data
    assert written["ETag"] == f'"{record.version + 1}"'

    stale = client.patch(url, change, format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412
    assert stored(record).version == record.version + 1


def test_delete_with_a_stale_if_match_is_412(admin_user):
    variant = NameVariantFactory()
    client = client_for(admin_user)
    url = f"/api/v1/name-variants/{variant.pk}/"
    etag = client.get(url)["ETag"]
    client.patch(url, {"name": "Ivanoff"}, format="json")
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert type(variant).objects.filter(pk=variant.pk).exists()
    assert client.delete(url, HTTP_IF_MATCH=client.get(url)["ETag"]).status_code == 204


def test_the_schema_documents_etag_if_match_and_412(caseworker):
    schema = client_for(caseworker).get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    patch = schema["paths"]["/api/v1/detainees/{id}/"]["patch"]
    assert "If-Match" in [p["name"] for p in patch["parameters"] if p["in"] == "header"]
    assert "412" in patch["responses"]
    assert "ETag" in patch["responses"]["200"]["headers"]
    get = schema["paths"]["/api/v1/detainees/{id}/"]["get"]
    assert "ETag" in get["responses"]["200"]["headers"]
    assert "412" in schema["paths"]["/api/v1/sources/{id}/"]["delete"]["responses"]


# --- Admin forms -----------------------------------------------------------------------


def _admin_post_data(page) -> dict:
    """What the browser would send back for the page as it was rendered."""
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = field.prepare_value(value) if value is not None else ""
    for formset in (f.formset for f in page.context.get("inline_admin_formsets", [])):
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.total_form_count()
        data[f"{formset.prefix}-INITIAL_FORMS"] = formset.initial_form_count()
        for inline in formset.forms:
            for name, field in inline.fields.items():
                value = inline.initial.get(name, field.initial)
                if value is not None:
                    data[inline.add_prefix(name)] = getattr(value, "pk", value)
    return {k: ("" if v is None else v) for k, v in data.items() if not isinstance(v, list)}


def test_admin_refuses_a_stale_detainee_form_and_names_the_newer_value(client, admin_user):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, welfare_notes="")
    client.force_login(admin_user)
    url = reverse("admin:cases_detainee_change", args=[detainee.pk])
    data = _admin_post_data(client.get(url))
    assert data["record_version"] == 1

    # Meanwhile, through the API, someone records a welfare note.
    services.detainee_update(
        detainee=stored(detainee), changes={"welfare_notes": "Hunger strike since May"}
    )
    response = client.post(url, {**data, "status": DetaineeStatus.RELEASED})

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Someone else saved this record" in errors
    assert "Hunger strike since May" in errors
    now = stored(detainee)
    assert (now.status, now.welfare_notes, now.version) == (
        DetaineeStatus.DETAINED,
        "Hunger strike since May",
        2,
    )

    fresh = _admin_post_data(client.get(url))
    response = client.post(url, {**fresh, "status": DetaineeStatus.RELEASED})
    assert response.status_code == 302
    now = stored(detainee)
    assert (now.status, now.welfare_notes, now.version) == (
        DetaineeStatus.RELEASED,
        "Hunger strike since May",
        3,
    )


def test_admin_refuses_a_stale_inline_row(client, admin_user):
    charge = ChargeFactory(statute="")
    client.force_login(admin_user)
    url = reverse("admin:cases_case_change", args=[charge.case_id])
    data = _admin_post_data(client.get(url))
    Charge.objects.filter(pk=charge.pk).update(statute="Art. 159")  # written in between

    prefix = next(k for k, v in data.items() if v == charge.pk and k.endswith("-id"))[:-3]
    response = client.post(url, {**data, f"{prefix}-disposition": "dismissed"})

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.model is Charge
    )
    assert "Art. 159" in " ".join(formset.forms[0].non_field_errors())
    now = stored(charge)
    assert (now.statute, now.disposition) == ("Art. 159", "pending")


# --- Two writers at once, on PostgreSQL -------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite runs one writer at a time and has no row locks "
    "(CI runs this with DATABASE_URL set to PostgreSQL)",
)
@pytest.mark.django_db(transaction=True)
def test_two_patches_of_different_fields_sent_together_both_survive(caseworker):
    rounds = 20
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, priority=Priority.NORMAL)
    url = f"/api/v1/detainees/{detainee.pk}/"
    statuses = [DetaineeStatus.CHARGED, DetaineeStatus.ON_TRIAL]
    priorities = [Priority.HIGH, Priority.NORMAL]
    lost = []

    for round_ in range(rounds):
        barrier = threading.Barrier(2)
        status, priority = statuses[round_ % 2], priorities[round_ % 2]
        answers = {}

        def patch(field, value, barrier=barrier, answers=answers):
            try:
                client = client_for(caseworker)
                barrier.wait(timeout=30)
                answers[field] = client.patch(url, {field: value}, format="json").status_code
            finally:
                connection.close()

        threads = [
            threading.Thread(target=patch, args=("status", status)),
            threading.Thread(target=patch, args=("priority", priority)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == {"status": 200, "priority": 200}
        now = stored(detainee)
        if (now.status, now.priority) != (status, priority):
            lost.append(round_)
        assert now.version == 1 + 2 * (round_ + 1)
    assert lost == [], f"a change was lost in rounds {lost}"
