"""No case record is ever deleted (API, admin, pages): administrators archive it. Archived
records leave every list, page and figure, and stay findable by administrators."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from cases import services
from cases.errors import Conflict
from cases.models import Case, Charge, CustodyPeriod, Detainee, Extradition, Sentence
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    SentenceFactory,
)
from consular.models import ConsularVisit
from consular.tests.factories import ConsularVisitFactory
from stats.services import summaries_refresh

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "detainees": DetaineeFactory,
    "cases": CaseFactory,
    "charges": ChargeFactory,
    "sentences": SentenceFactory,
    "custody-periods": CustodyPeriodFactory,
    "extraditions": ExtraditionFactory,
    "visits": ConsularVisitFactory,
}


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def person():
    case = CaseFactory()
    detainee = case.detainee
    return {
        "detainee": detainee,
        "case": case,
        "charge": ChargeFactory(case=case),
        "sentence": SentenceFactory(case=case),
        "custody": CustodyPeriodFactory(detainee=detainee),
        "extradition": ExtraditionFactory(detainee=detainee, case=case),
        "visit": ConsularVisitFactory(detainee=detainee),
    }


@pytest.mark.parametrize("path", ENDPOINTS)
def test_delete_answers_405_even_for_an_administrator(admin_user, path):
    record = ENDPOINTS[path]()
    response = _api(admin_user).delete(f"/api/v1/{path}/{record.pk}/")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert type(record)._base_manager.filter(pk=record.pk).exists()


@pytest.mark.parametrize("path", ENDPOINTS)
def test_archive_hides_a_record_from_lists_and_details(admin_user, path):
    record, kept = ENDPOINTS[path](), ENDPOINTS[path]()
    client = _api(admin_user)
    response = client.post(f"/api/v1/{path}/{record.pk}/archive/", {"reason": "duplicate"})
    assert response.status_code == 204
    listed = {row["id"] for row in client.get(f"/api/v1/{path}/").json()["results"]}
    assert record.pk not in listed and kept.pk in listed
    assert client.get(f"/api/v1/{path}/{record.pk}/").status_code == 404
    archived = client.get(f"/api/v1/{path}/", {"archived": "true"}).json()["results"]
    assert [row["id"] for row in archived] == [record.pk]
    assert client.get(f"/api/v1/{path}/{record.pk}/", {"archived": "true"}).status_code == 200
    assert client.post(f"/api/v1/{path}/{record.pk}/restore/").status_code == 204
    listed = {row["id"] for row in client.get(f"/api/v1/{path}/").json()["results"]}
    assert record.pk in listed


@pytest.mark.parametrize("path", ["detainees", "charges", "visits"])
def test_only_administrators_archive_or_list_archived_records(caseworker, admin_user, path):
    record = ENDPOINTS[path]()
    client = _api(caseworker)
    assert client.post(f"/api/v1/{path}/{record.pk}/archive/").status_code == 403
    assert client.get(f"/api/v1/{path}/", {"archived": "true"}).status_code == 403
    services.record_archive(record=record, user=admin_user)
    assert client.post(f"/api/v1/{path}/{record.pk}/restore/").status_code == 403


def test_archiving_a_person_archives_everything_under_them(admin_user, person):
    services.record_archive(record=person["detainee"], user=admin_user, reason="entered twice")
    for record in person.values():
        record.refresh_from_db()
        assert record.archived_at == person["detainee"].archived_at
        assert record.archived_by == admin_user
    for model in (Detainee, Case, Charge, Sentence, CustodyPeriod, Extradition, ConsularVisit):
        assert not model.objects.exists(), model
        assert model.all_objects.count() == 1


def test_restore_brings_back_only_what_was_archived_with_it(admin_user, person):
    services.record_archive(record=person["charge"], user=admin_user, reason="typo")
    services.record_archive(record=person["detainee"], user=admin_user)
    services.record_restore(record=person["detainee"], user=admin_user)
    assert Detainee.objects.filter(pk=person["detainee"].pk).exists()
    assert ConsularVisit.objects.filter(pk=person["visit"].pk).exists()
    assert not Charge.objects.filter(pk=person["charge"].pk).exists()


def test_archiving_twice_is_a_conflict(admin_user):
    detainee = DetaineeFactory()
    services.record_archive(record=detainee, user=admin_user)
    with pytest.raises(Conflict):
        services.record_archive(record=detainee, user=admin_user)
    response = _api(admin_user).post(
        f"/api/v1/detainees/{detainee.pk}/archive/", {"archived": "true"}
    )
    assert response.status_code == 404  # not among the live records any more


def test_archived_people_leave_the_pages_and_the_figures(client, admin_user, person):
    detainee = person["detainee"]
    before = _api(admin_user).get("/api/v1/stats/summary/").json()["totals"]["detainees"]
    services.record_archive(record=detainee, user=admin_user)
    summaries_refresh()  # as beat does within a minute
    after = _api(admin_user).get("/api/v1/stats/summary/").json()["totals"]["detainees"]
    assert after == before - 1
    charges = _api(admin_user).get("/api/v1/stats/charges/").json()["total"]
    assert charges == 0
    client.force_login(admin_user)
    assert client.get(reverse("ui:detainee_detail", args=[detainee.pk])).status_code == 404
    assert detainee.full_name.encode() not in client.get(reverse("ui:detainee_list")).content


def test_admin_offers_no_delete_and_finds_archived_records(client, admin_user, person):
    client.force_login(admin_user)
    detainee = person["detainee"]
    delete = reverse("admin:cases_detainee_delete", args=[detainee.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    change = client.get(reverse("admin:cases_detainee_change", args=[detainee.pk]))
    assert b"-DELETE" not in change.content  # inline rows have no delete box
    changelist = reverse("admin:cases_detainee_changelist")
    response = client.post(
        changelist, {"action": "archive_selected", "_selected_action": [detainee.pk]}
    )
    assert response.status_code == 302
    detainee.refresh_from_db()
    assert detainee.archived_by == admin_user
    assert client.get(changelist).context["cl"].result_count == 0
    archived = client.get(changelist, {"archived": "yes"}).context["cl"]
    assert list(archived.result_list) == [detainee]
    assert client.get(reverse("admin:cases_detainee_change", args=[detainee.pk])).status_code == 200
    client.post(
        f"{changelist}?archived=yes",
        {"action": "restore_selected", "_selected_action": [detainee.pk]},
    )
    detainee.refresh_from_db()
    assert detainee.archived_at is None


def test_admin_archive_action_is_not_offered_to_caseworkers(client, caseworker):
    client.force_login(caseworker)
    response = client.get(reverse("admin:cases_detainee_changelist"))
    assert response.status_code == 200
    assert b"archive_selected" not in response.content
    assert b"delete_selected" not in response.content


def test_an_administrator_corrects_an_archived_person_in_the_admin(client, admin_user):
    from cases.constants import DetaineeStatus
    from cases.tests.test_concurrency import _admin_post_data

    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    services.record_archive(record=detainee, user=admin_user, reason="entered twice")
    client.force_login(admin_user)
    url = reverse("admin:cases_detainee_change", args=[detainee.pk])
    data = _admin_post_data(client.get(url))

    response = client.post(url, {**data, "status": DetaineeStatus.RELEASED})

    assert response.status_code == 302
    detainee = Detainee.all_objects.get(pk=detainee.pk)
    assert detainee.status == DetaineeStatus.RELEASED
    assert detainee.archived_at is not None


def test_caseworkers_do_not_list_archived_records_in_the_admin(client, caseworker, admin_user):
    detainee = DetaineeFactory(full_name="Archived Person")
    services.record_archive(record=detainee, user=admin_user)
    client.force_login(caseworker)
    changelist = reverse("admin:cases_detainee_changelist")
    for archived in ("yes", "all"):
        page = client.get(changelist, {"archived": archived})
        assert b"Archived Person" not in page.content
    change = client.get(reverse("admin:cases_detainee_change", args=[detainee.pk]))
    assert b"Archived Person" not in change.content


def test_administrators_read_the_archived_records_of_an_archived_person(admin_user, person):
    services.record_archive(record=person["detainee"], user=admin_user, reason="entered twice")
    client = _api(admin_user)
    for path, key in [
        ("cases", "case"),
        ("charges", "charge"),
        ("sentences", "sentence"),
        ("custody-periods", "custody"),
        ("extraditions", "extradition"),
        ("visits", "visit"),
    ]:
        listed = client.get(f"/api/v1/{path}/", {"archived": "true"})
        assert [row["id"] for row in listed.json()["results"]] == [person[key].pk], path
        detail = client.get(f"/api/v1/{path}/{person[key].pk}/", {"archived": "true"})
        assert detail.status_code == 200, path
