"""Creating and editing the case record through the API, as a client would."""

import pytest
from rest_framework.test import APIClient

from cases.models import Case, Detainee, Extradition, Facility, NameVariant, Source
from cases.tests.factories import (
    CaseFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    FacilityFactory,
    SentenceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_complete_case_in_three_documented_calls(caseworker):
    client = client_for(caseworker)
    source = client.post(
        "/api/v1/sources/",
        {"url": "https://news.example.org/a", "title": "Arrest abroad", "published_on": "2021-03"},
    )
    assert source.status_code == 201, source.data
    person = client.post(
        "/api/v1/detainees/",
        {
            "full_name": "Vladislav Klyushin",
            "name_original_script": "Владислав Клюшин",
            "nationalities": ["RU"],
            "name_variants": ["Kliushin"],
            "status": "convicted",
            "welfare_notes": "Diabetic",
            "source": source.data["id"],
            "quote": "the businessman was detained",
        },
    )
    assert person.status_code == 201, person.data
    assert person.data["welfare_notes"] == "Diabetic"
    case = client.post(
        "/api/v1/cases/",
        {
            "detainee": person.data["id"],
            "country": "US",
            "status": "sentenced",
            "arrested_on": "2021-03-21",
            "arrest_country": "CH",
            "charges": [
                {"description": "securities fraud", "category": "fraud"},
                {"description": "computer intrusion", "category": "cybercrime"},
            ],
            "sentence": {
                "sentenced_on": "2023-09",
                "term_years": 9,
                "fine_amount": "34000000",
                "fine_currency": "usd",
            },
            "source": source.data["id"],
        },
    )
    assert case.status_code == 201, case.data
    assert [c["category"] for c in case.data["charges"]] == ["fraud", "cybercrime"]
    assert case.data["sentences"][0]["fine_currency"] == "USD"
    assert case.data["sources"][0]["id"] == source.data["id"]
    extradition = client.post(
        "/api/v1/extraditions/",
        {
            "detainee": person.data["id"],
            "case": case.data["id"],
            "from_country": "CH",
            "to_country": "US",
            "status": "surrendered",
            "surrendered_on": "2021-12",
        },
    )
    assert extradition.status_code == 201, extradition.data
    detail = client.get(f"/api/v1/detainees/{person.data['id']}/").data
    assert detail["cases"][0]["sentences"][0]["term_years"] == 9
    assert detail["extraditions"][0]["surrendered_on"] == "2021-12"
    assert {v["name"] for v in detail["name_variants"]} >= {"Kliushin", "Владислав Клюшин"}
    found = client.get("/api/v1/detainees/", {"search": "Клюшин"}).data["results"]
    assert [row["id"] for row in found] == [person.data["id"]]


def test_validation_errors_name_the_field_even_when_nested(caseworker):
    person = DetaineeFactory()
    response = client_for(caseworker).post(
        "/api/v1/cases/",
        {
            "detainee": person.pk,
            "country": "XX",
            "arrested_on": "the 32nd of May",
            "charges": [{"description": "fraud"}, {"description": ""}],
            "sentence": {"is_life": True, "term_years": 5},
        },
    )
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid"
    assert set(body["fields"]) == {
        "country",
        "arrested_on",
        "charges.1.description",
        "sentence.term_years",
    }
    assert not Case.objects.exists()


def test_a_failing_part_writes_nothing(caseworker):
    person = DetaineeFactory()
    response = client_for(caseworker).post(
        "/api/v1/cases/",
        {
            "detainee": person.pk,
            "country": "US",
            "charges": [{"description": "wire fraud"}],
            "sentence": {"term_years": 2, "fine_amount": "10", "fine_currency": "ZZZ"},
        },
    )
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["sentence.fine_currency"]
    assert not Case.objects.exists()


def test_a_detainee_out_of_sight_cannot_be_written_to(caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    client = client_for(caseworker)
    response = client.post("/api/v1/cases/", {"detainee": hidden.pk, "country": "US"})
    assert response.status_code == 400 and "detainee" in response.json()["fields"]
    response = client.post("/api/v1/name-variants/", {"detainee": hidden.pk, "name": "X"})
    assert response.status_code == 400
    assert not Case.objects.exists()
    assert not NameVariant.objects.filter(detainee=hidden).exists()


def test_update_is_a_patch_of_the_fields_sent(caseworker):
    person = DetaineeFactory(full_name="Old Name", status="detained")
    client = client_for(caseworker)
    response = client.patch(
        f"/api/v1/detainees/{person.pk}/",
        {"full_name": "New Name", "status": "released", "nationalities": ["RU", "UA"]},
    )
    assert response.status_code == 200, response.data
    assert response.data["status"] == "released"
    assert [n["code"] for n in response.data["nationalities"]] == ["RU", "UA"]
    # The old name stays findable.
    assert [
        r["id"] for r in client.get("/api/v1/detainees/", {"search": "Old"}).data["results"]
    ] == [person.pk]
    response = client.patch(f"/api/v1/detainees/{person.pk}/", {"nationalities": ["UA"]})
    assert [n["code"] for n in response.data["nationalities"]] == ["UA"]
    assert client.put(f"/api/v1/detainees/{person.pk}/", {}).status_code == 405


def test_updates_of_facts_check_the_rules(caseworker):
    sentence = SentenceFactory(term_years=3)
    client = client_for(caseworker)
    response = client.patch(f"/api/v1/sentences/{sentence.pk}/", {"is_life": True})
    assert response.status_code == 400 and "term_years" in response.json()["fields"]
    response = client.patch(
        f"/api/v1/sentences/{sentence.pk}/",
        {"is_life": True, "term_years": None, "term_months": None},
    )
    assert response.status_code == 200 and response.data["term_display"] == "life"
    extradition = client.post(
        "/api/v1/extraditions/",
        {"detainee": sentence.case.detainee_id, "from_country": "TH", "to_country": "TH"},
    )
    assert extradition.status_code == 400
    assert list(extradition.json()["fields"]) == ["to_country"]
    assert not Extradition.objects.exists()


def test_case_of_someone_else_cannot_be_tied_to_an_extradition(caseworker):
    mine, other = DetaineeFactory(), CaseFactory()
    response = client_for(caseworker).post(
        "/api/v1/extraditions/",
        {"detainee": mine.pk, "case": other.pk, "from_country": "TH", "to_country": "US"},
    )
    assert response.status_code == 400 and list(response.json()["fields"]) == ["case"]


def test_custody_period_and_workflow_of_moves(caseworker):
    person = DetaineeFactory()
    first, second = FacilityFactory(), FacilityFactory()
    client = client_for(caseworker)
    for facility, started in ((first, "2021"), (second, "2022-05")):
        response = client.post(
            "/api/v1/custody-periods/",
            {"detainee": person.pk, "facility": facility.pk, "started_on": started},
        )
        assert response.status_code == 201, response.data
    detail = client.get(f"/api/v1/detainees/{person.pk}/").data
    assert detail["current_facility"]["id"] == second.pk
    response = client.post(
        "/api/v1/custody-periods/",
        {"detainee": person.pk, "facility": first.pk, "started_on": "2022", "ended_on": "2021"},
    )
    assert response.status_code == 400 and list(response.json()["fields"]) == ["ended_on"]


def test_delete_only_where_no_history_is_lost(admin_user, caseworker):
    admin = client_for(admin_user)
    unused = FacilityFactory()
    used = CustodyPeriodFactory().facility
    assert admin.delete(f"/api/v1/facilities/{unused.pk}/").status_code == 204
    response = admin.delete(f"/api/v1/facilities/{used.pk}/")
    assert response.status_code == 409 and response.json()["code"] == "protected"
    assert Facility.objects.filter(pk=used.pk).exists()
    source = SourceFactory()
    person = DetaineeFactory()
    person.citations.create(source=source)
    assert admin.delete(f"/api/v1/sources/{source.pk}/").status_code == 409
    assert Source.objects.filter(pk=source.pk).exists()
    assert admin.delete(f"/api/v1/detainees/{person.pk}/").status_code == 405
    assert Detainee.objects.filter(pk=person.pk).exists()
    variant = NameVariant.objects.create(detainee=person, name="Typo")
    assert client_for(caseworker).delete(f"/api/v1/name-variants/{variant.pk}/").status_code == 403
    assert admin.delete(f"/api/v1/name-variants/{variant.pk}/").status_code == 204


def test_hostile_and_oversized_input_is_refused_cleanly(caseworker):
    client = client_for(caseworker)
    response = client.post("/api/v1/detainees/", {"full_name": "x" * 5000})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["full_name"]
    response = client.post("/api/v1/detainees/", {"full_name": "   "})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["full_name"]
    response = client.post("/api/v1/detainees/", data=b"{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    response = client.post("/api/v1/detainees/", {"full_name": "A", "nationalities": "RU"})
    assert response.status_code == 400 and "nationalities" in response.json()["fields"]
    assert not Detainee.objects.exists()
