"""The API's error messages follow the request's language; its codes and field names do not."""

import pytest

from cases.tests.factories import DetaineeFactory


@pytest.mark.django_db
def test_error_messages_are_russian_and_codes_and_field_names_stay(client, caseworker):
    client.force_login(caseworker)
    english = client.get("/api/v1/detainees/?arrested_from=May32").json()
    russian = client.get("/api/v1/detainees/?arrested_from=May32", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert english["status"] == russian["status"] == 400
    assert english["code"] == russian["code"]
    assert set(english["fields"]) == set(russian["fields"]) == {"arrested_from"}
    assert "is not a date" in english["fields"]["arrested_from"][0]
    assert "не дата" in russian["fields"]["arrested_from"][0]


@pytest.mark.django_db
def test_a_missing_record_answers_in_russian(client, caseworker):
    client.force_login(caseworker)
    answer = client.get("/api/v1/detainees/999999/", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert answer["status"] == 404 and answer["code"] == "not_found"
    assert answer["detail"] == "Не найдено."


@pytest.mark.django_db
def test_sentence_terms_take_russian_plurals(client, caseworker):
    from cases.tests.factories import CaseFactory, SentenceFactory

    detainee = DetaineeFactory()
    case = CaseFactory(detainee=detainee)
    terms = {}
    for years in (1, 3, 27):
        sentence = SentenceFactory(case=case, term_years=years, term_months=None)
        terms[years] = sentence
    from django.utils import translation

    with translation.override("ru"):
        assert [terms[y].term_display for y in (1, 3, 27)] == ["1 год", "3 года", "27 лет"]
    with translation.override("en"):
        assert [terms[y].term_display for y in (1, 3, 27)] == ["1 year", "3 years", "27 years"]
