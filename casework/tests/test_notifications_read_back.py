"""A notification kept only as English words (written before notifications kept their
values, and not matched by the data migration) reads in the reader's language."""

import pytest
from django.utils import translation

from cases.tests.factories import UserFactory
from casework.constants import NotificationKind
from casework.models import Notification

pytestmark = pytest.mark.django_db


def _notification(kind, message):
    return Notification.objects.create(user=UserFactory(), kind=kind, message=message)


def test_a_task_whose_task_is_gone_reads_in_russian_with_its_title_as_written():
    told = _notification(
        NotificationKind.TASK, "Pavel Orlov: Call the lawyer, due 2026-03-01, is yours."
    )
    assert told.params == {}
    with translation.override("ru"):
        assert told.text == "Pavel Orlov: вам поручена задача «Call the lawyer», срок — 2026-03-01."
    with translation.override("en"):
        assert told.text == "Pavel Orlov: Call the lawyer, due 2026-03-01, is yours."


def test_a_change_to_a_record_kind_no_longer_known_reads_in_russian():
    told = _notification(
        NotificationKind.CHANGE, "Pavel Orlov: case, court hearing note changed by the system."
    )
    with translation.override("ru"):
        assert told.text == "Pavel Orlov: изменено (court hearing note, дело); кем: система."


def test_a_handover_with_a_note_and_a_digest_read_in_russian():
    handed = _notification(
        NotificationKind.ASSIGNED, "Someone handed Pavel Orlov's case to you. Note: urgent"
    )
    digest = _notification(
        NotificationKind.DIGEST, "Your casework for 2026-03-01: 2 visits, 3 tasks"
    )
    with translation.override("ru"):
        assert handed.text == "Кто-то передал(а) вам дело: Pavel Orlov. Записка: urgent"
        assert digest.text == "Ваша работа на 2026-03-01: посещений — 2, задач — 3"


def test_words_that_do_not_read_back_are_shown_as_stored():
    told = _notification(NotificationKind.CHANGE, "Something else happened.")
    with translation.override("ru"):
        assert told.text == "Something else happened."
