"""Change reasons the app writes are kept in English and shown in the reader's language;
one a person typed is shown as typed."""

import pytest
from django.urls import reverse
from django.utils import translation

from cases.changesets import reason_shown
from cases.tests.factories import DetaineeFactory
from casework import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "russian"),
    [
        ("Handed over", "Передано"),
        ("archived in admin", "архивировано в админке"),
        ("anonymised on request", "обезличено по запросу"),
        ("accepted from draft 12", "принято из черновика 12"),
        ("undo of draft 12", "отмена черновика 12"),
        ("accepted from draft 12 (undone)", "принято из черновика 12 (отменено)"),
        ("restored by anna", "восстановлено пользователем anna"),
        ("entered twice", "entered twice"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_change_reason_is_shown_in_russian_unless_a_person_typed_it(stored, russian):
    with translation.override("ru"):
        assert reason_shown(stored) == russian
    with translation.override("en"):
        assert reason_shown(stored) == (stored or "")


def test_the_admin_history_shows_a_handover_in_the_reader_s_language(
    client, caseworker, other_caseworker
):
    person = DetaineeFactory(assigned_caseworker=caseworker)
    services.detainee_assign(detainee=person, to=other_caseworker, user=caseworker)
    client.force_login(other_caseworker)
    url = reverse("admin:cases_detainee_history", args=[person.pk])
    russian = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Передано" in russian
    assert "Handed over" not in russian
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Handed over" in english
