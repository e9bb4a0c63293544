"""One set of limits for a sentence and a charge: the pages, the API, the services and the
database refuse the same implausible values (a 99,999-year term was saved by the pages and
refused by the API)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from cases import services
from cases.errors import DomainError
from cases.models import Charge, Sentence
from cases.tests.factories import CaseFactory, ChargeFactory, DetaineeFactory, SentenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return CaseFactory(detainee=DetaineeFactory(full_name="Ivan Testov"))


def test_the_pages_refuse_a_term_the_api_refuses(client, caseworker, case):
    client.force_login(caseworker)
    response = client.post(
        reverse("ui:detainee_add", args=[case.detainee_id, "sentence"]),
        {"sentence-case": case.pk, "sentence-term_years": "99999"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('id="id_sentence-term_years_error"')
    assert "more than 200 years" in html[start : start + 400]
    assert not Sentence.objects.exists()

    api = APIClient()
    api.force_authenticate(caseworker)
    sentence = SentenceFactory(case=case, term_years=3)
    response = api.patch(f"/api/v1/sentences/{sentence.pk}/", {"term_years": 99999}, format="json")
    assert response.status_code == 400
    assert "more than 200 years" in response.json()["fields"]["term_years"][0]
    sentence.refresh_from_db()
    assert sentence.term_years == 3


def test_the_largest_plausible_term_is_accepted_everywhere(client, caseworker, case):
    client.force_login(caseworker)
    response = client.post(
        reverse("ui:detainee_add", args=[case.detainee_id, "sentence"]),
        {"sentence-case": case.pk, "sentence-term_years": "200"},
    )
    assert response.status_code == 302
    api = APIClient()
    api.force_authenticate(caseworker)
    sentence = Sentence.objects.get()
    response = api.patch(f"/api/v1/sentences/{sentence.pk}/", {"term_years": 150}, format="json")
    assert response.status_code == 200


def test_the_pages_refuse_an_implausible_maximum_penalty(client, caseworker, case):
    client.force_login(caseworker)
    response = client.post(
        reverse("ui:detainee_add", args=[case.detainee_id, "charge"]),
        {
            "charge-case": case.pk,
            "charge-description": "fraud",
            "charge-category": "fraud",
            "charge-disposition": "pending",
            "charge-max_penalty_years": "5000",
        },
    )
    assert response.status_code == 400
    assert "maximum penalty of more than 200 years" in response.content.decode()
    assert not Charge.objects.exists()


def test_services_refuse_what_the_forms_refuse(case):
    with pytest.raises(DomainError) as error:
        services.sentence_record(case=case, term_years=99999)
    assert error.value.field == "term_years"
    with pytest.raises(DomainError) as error:
        services.sentence_record(case=case, term_years=2, time_served_credit_days=10**7)
    assert error.value.field == "time_served_credit_days"
    with pytest.raises(DomainError):
        services.charge_add(case=case, description="fraud", max_penalty_years=999)
    charge = ChargeFactory(case=case)
    with pytest.raises(DomainError):
        services.charge_max_penalty_record(charge=charge, years=201)
    assert not Sentence.objects.exists()


def test_the_database_refuses_what_slips_past(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Sentence.objects.create(case=case, term_years=201)
    with pytest.raises(IntegrityError), transaction.atomic():
        Charge.objects.create(case=case, description="fraud", max_penalty_years=300)
