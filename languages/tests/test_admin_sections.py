"""The admin's sections from other packages are named in Russian too."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _index(client, language):
    return client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_third_party_admin_sections_and_their_models_are_named_in_russian(client, admin_user):
    client.force_login(admin_user)
    page = _index(client, "ru")
    for russian in (
        "Блокировки входа",
        "Периодические задачи",
        "Расписания cron",
        "Запуск в заданное время",
        "Попытки доступа",
    ):
        assert russian in page, russian
    for english in (">Axes<", "Periodic Tasks", "Периодические Задачи", ">Crontab<"):
        assert english not in page, english


def test_the_english_admin_keeps_english_section_names(client, admin_user):
    client.force_login(admin_user)
    page = _index(client, "en")
    assert "Sign-in lockouts" in page
    assert "Periodic tasks" in page
    assert "Crontabs" in page
