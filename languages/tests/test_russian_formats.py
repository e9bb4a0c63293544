"""Dates on the pages, chart labels and captions follow the interface language: a Russian
reader sees "01.12.2026" and "1 декабря 2026 г.", not an English month."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from cases.constants import DetaineeStatus
from cases.errors import DomainError
from cases.tests.factories import DetaineeFactory
from casework import reminders
from casework.constants import NotificationKind
from casework.models import Notification
from casework.tests.factories import TaskFactory
from consular.tests.factories import ConsularVisitFactory
from ingest import facts as fact_rules
from ingest import services as ingest_services
from ingest.constants import ArticleState, FactKind
from ingest.fetching import check_url
from ingest.models import Article
from ingest.reasons import reason_display
from ingest.tests.factories import ArticleFactory
from languages.models import LanguagePreference

pytestmark = pytest.mark.django_db


def _page(client, url, language):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_the_casework_page_writes_a_task_date_in_the_language_of_the_interface(client, caseworker):
    person = DetaineeFactory(status=DetaineeStatus.DETAINED)
    TaskFactory(detainee=person, title="Bail hearing", due_on=dt.date(2026, 12, 1))
    client.force_login(caseworker)
    url = reverse("casework:detainee", args=[person.pk])

    russian = _page(client, url, "ru")
    assert "01.12.2026" in russian
    assert "Dec" not in russian and "Дек 2026" not in russian
    assert "1 Dec 2026" in _page(client, url, "en")


def test_the_monthly_visit_chart_names_its_months_in_the_language_asked_for(viewer):
    ConsularVisitFactory(visited_on=dt.date(2023, 4, 26))
    api = APIClient()
    api.force_authenticate(viewer)
    url = reverse("api-stats-visits")
    labels = {
        language: [
            row["label"] for row in api.get(url, HTTP_ACCEPT_LANGUAGE=language).json()["per_month"]
        ]
        for language in ("en", "ru")
    }
    assert labels == {"en": ["Apr 2023"], "ru": ["Апр 2023"]}


def test_the_list_caption_names_the_sort_in_russian(client, caseworker):
    DetaineeFactory()
    client.force_login(caseworker)
    page = _page(client, reverse("ui:detainee_list") + "?sort=-last_visit", "ru")
    assert "Задержанные, сортировка: последнее посещение, по убыванию" in page
    assert "last_visit" not in page.split("<caption")[1].split("</caption>")[0]


def test_a_draft_fact_reads_and_complains_in_the_language_of_the_interface():
    sentence = {"years": 27, "fine_amount": "170000000", "fine_currency": "USD", "date": "2017"}
    with translation.override("en"):
        assert fact_rules.display(FactKind.SENTENCE, sentence) == (
            "27 years, fine USD 170,000,000, on 2017"
        )
    with translation.override("ru"):
        shown = fact_rules.display(FactKind.SENTENCE, sentence).replace("\xa0", " ")
        assert shown == "27 лет, штраф USD 170 000 000, дата: 2017"
        assert fact_rules.display(FactKind.MAX_PENALTY, {"years": 3}) == "до 3 лет"
        with pytest.raises(DomainError, match="Приговор: укажите срок"):
            fact_rules.clean_value(FactKind.SENTENCE, {})
        with pytest.raises(DomainError, match="не код государства"):
            fact_rules.clean_value(FactKind.NATIONALITY, {"country": "XX"})


def test_refusals_of_an_article_speak_the_language_of_the_interface(caseworker):
    with translation.override("ru"):
        with pytest.raises(DomainError, match="двоичный файл"):
            ingest_services.article_submit_file(
                name="story.txt", data=b"\x00\x01\x02PK\x03\x04" * 100, user=caseworker
            )
        with pytest.raises(DomainError, match="именем пользователя или паролем"):
            check_url("https://someone:secret@news.example.org/story")
    assert not Article.objects.exists()


def test_an_articles_stored_reason_shows_in_the_readers_language(client, reviewer):
    article = ArticleFactory(state=ArticleState.READY, state_reason="3 drafts to review")
    client.force_login(reviewer)
    url = reverse("ingest:article", args=[article.pk])
    assert "3 черновика ждут проверки" in _page(client, url, "ru")
    assert "3 drafts to review" in _page(client, url, "en")
    with translation.override("ru"):
        assert reason_display("not extracted: language de") == "не обработано: язык de"
        assert reason_display("1 draft to review") == "1 черновик ждёт проверки"
        # A note no reading knows is an unnamed failure; its own text is for staff.
        assert reason_display("HTTP 503 from the site") == (
            "Страницу не удалось загрузить или прочитать."
        )
        assert reason_display("HTTP 503 from the site", staff=True) == (
            "Страницу не удалось загрузить или прочитать. Подробности: HTTP 503 from the site"
        )


def test_notifications_and_the_digest_speak_the_language_of_the_person_told(
    caseworker, admin_user, mailoutbox
):
    LanguagePreference.objects.create(user=caseworker, language="ru")
    today = dt.date(2026, 6, 30)
    person = DetaineeFactory(status=DetaineeStatus.DETAINED, assigned_caseworker=caseworker)
    task = TaskFactory(
        detainee=person, assignee=caseworker, title="Bail hearing", due_on=dt.date(2026, 7, 2)
    )
    # Sent while someone reading English makes the change, or by the scheduler.
    with translation.override("en"):
        reminders.task_assigned_notify(task_id=task.pk, actor=admin_user)
        assert reminders.digest_send(user=caseworker, today=today)
    told = Notification.objects.get(user=caseworker, kind=NotificationKind.TASK)
    with translation.override("ru"):
        assert "вам поручена задача «Bail hearing»" in told.text
    (message,) = mailoutbox
    assert message.subject.startswith("Ваша работа на 2026-06-30")
    assert "Доброе утро" in message.body and "Good morning" not in message.body
