"""Every response that shows a sensitive value (welfare notes, next of kin, visit
observations) logs who read which record, in one INSERT per request; roles that do not see
them are not logged; administrators read the log."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import SensitiveRead
from cases.tests.factories import DetaineeFactory
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def noted_person():
    detainee = DetaineeFactory(welfare_notes="Needs insulin daily", next_of_kin="Sister: +7 900")
    visit = ConsularVisitFactory(detainee=detainee, observations="Bruises on the arms")
    return detainee, visit


def _reads(user):
    return set(SensitiveRead.objects.filter(user=user).values_list("record_type", "record_id"))


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_list_logs_every_shown_record_in_one_insert(caseworker, noted_person):
    detainee, _ = noted_person
    quiet = [DetaineeFactory() for _ in range(3)]  # nothing sensitive to show
    others = [DetaineeFactory(welfare_notes=f"note {n}") for n in range(5)]
    with CaptureQueriesContext(connection) as queries:
        response = _api(caseworker).get("/api/v1/detainees/")
    assert response.status_code == 200
    assert _reads(caseworker) == {("cases.detainee", d.pk) for d in [detainee, *others]}
    inserts = [q for q in queries if "audit_sensitiveread" in q["sql"].lower()]
    assert len(inserts) == 1
    row = SensitiveRead.objects.filter(user=caseworker).first()
    assert row.username == "caseworker" and row.path == "/api/v1/detainees/"
    assert quiet[0].pk not in {pk for _, pk in _reads(caseworker)}


def test_api_detail_logs_the_person_and_their_latest_visit(caseworker, noted_person):
    detainee, visit = noted_person
    response = _api(caseworker).get(f"/api/v1/detainees/{detainee.pk}/")
    assert response.json()["latest_visit"]["observations"] == "Bruises on the arms"
    assert _reads(caseworker) == {
        ("cases.detainee", detainee.pk),
        ("consular.consularvisit", visit.pk),
    }


def test_api_visits_and_csv_export_are_logged(caseworker, noted_person):
    _, visit = noted_person
    _api(caseworker).get("/api/v1/visits/")
    assert _reads(caseworker) == {("consular.consularvisit", visit.pk)}
    SensitiveRead.objects.all().delete()
    response = _api(caseworker).get("/api/v1/detainees/?format=csv")
    assert response.status_code == 200 and b"Needs insulin" in response.content
    assert ("cases.detainee", noted_person[0].pk) in _reads(caseworker)


def test_viewer_sees_no_sensitive_field_and_is_not_logged(viewer, noted_person):
    detainee, _ = noted_person
    assert _api(viewer).get(f"/api/v1/detainees/{detainee.pk}/").status_code == 200
    _api(viewer).get("/api/v1/visits/")
    assert not SensitiveRead.objects.exists()


def test_ui_detainee_page_and_visit_log_are_logged(client, caseworker, noted_person):
    detainee, visit = noted_person
    client.force_login(caseworker)
    page = client.get(reverse("ui:detainee_detail", args=[detainee.pk]))
    assert b"Needs insulin daily" in page.content
    assert _reads(caseworker) == {
        ("cases.detainee", detainee.pk),
        ("consular.consularvisit", visit.pk),
    }
    SensitiveRead.objects.all().delete()
    page = client.get(reverse("ui:visits"))
    assert b"Bruises" in page.content
    assert _reads(caseworker) == {("consular.consularvisit", visit.pk)}


def test_ui_pages_for_a_viewer_are_not_logged(client, viewer, noted_person):
    client.force_login(viewer)
    client.get(reverse("ui:detainee_detail", args=[noted_person[0].pk]))
    client.get(reverse("ui:visits"))
    assert not SensitiveRead.objects.exists()


def test_admin_change_and_history_pages_are_logged(client, admin_user, noted_person):
    detainee, visit = noted_person
    client.force_login(admin_user)
    page = client.get(reverse("admin:cases_detainee_change", args=[detainee.pk]))
    assert page.status_code == 200 and b"Needs insulin daily" in page.content
    assert _reads(admin_user) == {
        ("cases.detainee", detainee.pk),
        ("consular.consularvisit", visit.pk),  # the visits inline
    }
    SensitiveRead.objects.all().delete()
    client.get(reverse("admin:consular_consularvisit_change", args=[visit.pk]))
    assert _reads(admin_user) == {("consular.consularvisit", visit.pk)}
    SensitiveRead.objects.all().delete()
    client.get(reverse("admin:cases_detainee_history", args=[detainee.pk]))
    assert _reads(admin_user) == {("cases.detainee", detainee.pk)}
    SensitiveRead.objects.all().delete()
    version = type(detainee).history.filter(id=detainee.pk).latest("history_date")
    response = client.get(
        reverse("admin:cases_detainee_simple_history", args=[detainee.pk, version.history_id])
    )
    assert response.status_code == 200
    assert _reads(admin_user) == {("cases.detainee", detainee.pk)}


def test_admin_pages_without_sensitive_values_are_not_logged(client, admin_user):
    quiet = DetaineeFactory()
    client.force_login(admin_user)
    client.get(reverse("admin:cases_detainee_change", args=[quiet.pk]))
    client.get(reverse("admin:cases_detainee_history", args=[quiet.pk]))
    client.get(reverse("admin:cases_detainee_changelist"))
    assert not SensitiveRead.objects.exists()


def test_admins_read_the_log_and_others_do_not(client, admin_user, caseworker, noted_person):
    _api(caseworker).get(f"/api/v1/detainees/{noted_person[0].pk}/")
    client.force_login(admin_user)
    changelist = client.get(reverse("admin:audit_sensitiveread_changelist"))
    assert changelist.status_code == 200 and b"caseworker" in changelist.content
    client.force_login(caseworker)
    assert client.get(reverse("admin:audit_sensitiveread_changelist")).status_code == 403
