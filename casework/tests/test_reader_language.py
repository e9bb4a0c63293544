"""What the app writes about a case (a computed task's title and explanation, a
notification, a handover's change reason) is kept as values and worded for whoever reads it,
in their language, not in the language of whoever made the change."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from cases import services as case_services
from cases.constants import DatePrecision
from cases.tests.factories import CaseFactory, DetaineeFactory, SentenceFactory
from casework import services
from casework.constants import NotificationKind, TaskKind
from casework.models import Notification, Task
from casework.tests.factories import WatchFactory
from languages.models import LanguagePreference

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module(
    "casework.migrations.0005_word_tasks_and_notifications_for_their_reader"
)


def _sentence(person):
    return SentenceFactory(
        case=CaseFactory(detainee=person),
        sentenced_on=dt.date(2024, 3, 1),
        sentenced_on_precision=DatePrecision.MONTH,
        term_years=5,
        time_served_credit_days=10,
    )


def _page(client, url, language):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_release_computed_by_a_russian_reader_reads_in_english_for_an_english_one(
    client, caseworker
):
    person = DetaineeFactory(full_name="Pavel Orlov", assigned_caseworker=caseworker)
    with translation.override("ru"):
        task = services.expected_release_task_sync(sentence=_sentence(person), user=caseworker)
    task.refresh_from_db()
    # Kept in English with its values, whoever computed it.
    assert task.title == "Expected release (February 2029)"
    assert task.computed["released"] == "2029-02-01" and task.computed["term_years"] == 5
    with translation.override("ru"):
        assert task.display_title == "Ожидаемое освобождение (Февраль 2029)"
        assert "5 лет" in task.display_computed_from
        assert "10 дней" in task.display_computed_from
    with translation.override("en"):
        assert task.display_title == "Expected release (February 2029)"
        assert "5 years" in task.display_computed_from

    client.force_login(caseworker)
    url = reverse("casework:detainee", args=[person.pk])
    assert "Ожидаемое освобождение (Февраль 2029)" in _page(client, url, "ru")
    english = _page(client, url, "en")
    assert "Expected release (February 2029)" in english and "Ожидаемое" not in english
    api = APIClient()
    api.force_authenticate(caseworker)
    answer = api.get(f"/api/v1/tasks/{task.pk}/", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert answer["title"] == "Ожидаемое освобождение (Февраль 2029)"
    assert answer["computed_from"].startswith("Рассчитано:")


def test_a_title_a_caseworker_typed_over_a_computed_one_is_shown_as_typed(caseworker):
    person = DetaineeFactory(assigned_caseworker=caseworker)
    task = services.expected_release_task_sync(sentence=_sentence(person), user=caseworker)
    services.task_update(task=task, user=caseworker, changes={"title": "Release: check parole"})
    task.refresh_from_db()
    with translation.override("ru"):
        assert task.display_title == "Release: check parole"


def test_a_notification_reads_in_the_language_its_reader_has_now(
    client, caseworker, other_caseworker, django_capture_on_commit_callbacks
):
    LanguagePreference.objects.create(user=other_caseworker, language="ru")
    person = DetaineeFactory(full_name="Pavel Orlov", assigned_caseworker=caseworker)
    with translation.override("ru"), django_capture_on_commit_callbacks(execute=True):
        services.detainee_assign(
            detainee=person, to=other_caseworker, user=caseworker, note="Family called"
        )
    told = Notification.objects.get(user=other_caseworker, kind=NotificationKind.ASSIGNED)
    assert told.params == {"by": "caseworker", "person": "Pavel Orlov", "note": "Family called"}
    assert told.message == "caseworker handed Pavel Orlov's case to you. Note: Family called"
    with translation.override("ru"):
        assert told.text == "caseworker передал(а) вам дело: Pavel Orlov. Записка: Family called"
    # The reader switches to English: what they were told before reads in English too.
    client.force_login(other_caseworker)
    assert "передал(а) вам дело: Pavel Orlov" in _page(client, reverse("casework:my_work"), "ru")
    client.post(reverse("languages:switch"), {"language": "en"})
    page = client.get(reverse("casework:my_work")).content.decode()
    assert "caseworker handed Pavel Orlov&#x27;s case to you." in page
    assert "передал" not in page


@pytest.mark.django_db(transaction=True)
def test_a_change_notification_names_the_records_in_the_readers_language(
    caseworker, other_caseworker
):
    person = DetaineeFactory(full_name="Pavel Orlov")
    case = CaseFactory(detainee=person)
    WatchFactory(user=other_caseworker, detainee=person)
    case._history_user = caseworker
    with translation.override("ru"):
        case_services.record_update(record=case, changes={"court": "District court"})
    told = Notification.objects.get(user=other_caseworker, kind=NotificationKind.CHANGE)
    assert told.params["what"] == ["cases.case"]
    with translation.override("en"):
        assert told.text == "Pavel Orlov: case changed by caseworker."
    with translation.override("ru"):
        assert told.text == "Pavel Orlov: изменено (дело); кем: caseworker."


def test_a_handover_records_its_change_reason_in_english_whoever_reads(
    caseworker, other_caseworker
):
    person = DetaineeFactory(assigned_caseworker=caseworker)
    with translation.override("ru"):
        services.detainee_assign(detainee=person, to=other_caseworker, user=caseworker)
    assert person.history.latest().history_change_reason == "Handed over"


def test_rows_written_before_are_read_back_into_values(caseworker):
    person = DetaineeFactory(full_name="Pavel Orlov")
    sentence = _sentence(person)
    task = Task.objects.create(
        detainee=person,
        case=sentence.case,
        sentence=sentence,
        kind=TaskKind.EXPECTED_RELEASE,
        title="Ожидаемое освобождение (Февраль 2029)",
        computed_from="Рассчитано: начало срока: Март 2024, срок 5 лет.",
        due_on=dt.date(2029, 2, 1),
    )
    typed = Notification.objects.create(
        user=caseworker,
        kind=NotificationKind.TASK,
        detainee=person,
        message="Pavel Orlov: вам поручена задача «Ожидаемое освобождение (Февраль 2029)», "
        "срок — 2029-02-01.",
    )
    change = Notification.objects.create(
        user=caseworker,
        kind=NotificationKind.CHANGE,
        detainee=person,
        message="Pavel Orlov: изменено (дело, задержанный); кем: система.",
    )
    unreadable = Notification.objects.create(
        user=caseworker, kind=NotificationKind.TASK, message="Something else entirely"
    )
    MIGRATION.tasks_forward(apps, None)
    MIGRATION.notifications_forward(apps, None)
    task.refresh_from_db()
    assert task.title == "Expected release (February 2029)"
    assert task.computed_from.startswith("Computed: sentence start March 2024")
    with translation.override("ru"):
        assert task.display_title == "Ожидаемое освобождение (Февраль 2029)"
    for notification in (typed, change, unreadable):
        notification.refresh_from_db()
    assert typed.params["computed"] == task.computed
    assert typed.message == (
        "Pavel Orlov: Expected release (February 2029), due 2029-02-01, is yours."
    )
    assert change.params == {
        "person": "Pavel Orlov",
        "what": ["cases.case", "cases.detainee"],
        "who": "",
    }
    with translation.override("en"):
        assert change.text == "Pavel Orlov: case, detainee changed by the system."
    assert unreadable.params == {} and unreadable.text == "Something else entirely"
