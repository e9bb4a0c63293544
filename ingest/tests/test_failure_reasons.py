"""Each class of failure the worker meets fetching or reading an article has its message in
the reader's language; the failure's raw detail (an exception's English text) is for staff."""

import pytest
from django.urls import reverse
from django.utils import translation

from cases import roles
from cases.tests.factories import UserFactory
from ingest.constants import ArticleState
from ingest.models import ArticleEvent
from ingest.reasons import reason_display
from ingest.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# As ingest.fetching, ingest.intake, ingest.tasks and ingest.services word them, with the
# raw detail each carries (None: the note has none beyond its own parameters).
NOTES = [
    ("The host news.example.org could not be resolved.", None),
    ("The host news.example.org has no address.", None),
    ("Timed out.", None),
    ("Timed out waiting for news.example.org.", None),
    ("Timed out connecting to news.example.org.", None),
    ("Timed out reading the page.", None),
    (
        "Could not connect to news.example.org: NewConnectionError: [Errno 111] refused",
        "NewConnectionError: [Errno 111] refused",
    ),
    ("The connection broke while reading: IncompleteRead(10 bytes read)", "IncompleteRead"),
    ("The site answered 503.", None),
    ("The site answered 302 without a Location.", None),
    ("The site answered 404 for https://news.example.org/gone.", "https://news.example.org/gone"),
    (
        "Refused: intranet.example.org resolves to a private or local address (10.0.0.7).",
        "10.0.0.7",
    ),
    (
        "The site's TLS certificate could not be verified: certificate has expired",
        "certificate has expired",
    ),
    ("The page is larger than the 20 MB limit.", None),
    ("The URL serves application/pdf, not a web page or text.", "application/pdf"),
    ("Too many redirects.", None),
    ("'http://[broken' is not a valid URL.", "http://[broken"),
    ("Only http and https URLs can be fetched.", None),
    ("The URL has no host name.", None),
    ("URLs with a user name or password are not fetched.", None),
    ("This is a binary file, not text or HTML.", None),
    ("No article text was found in this page.", None),
    ("The text could not be decoded: save it as UTF-8, or declare its charset.", None),
    ("The extractor failed: KeyError: 'sentence'", "KeyError: 'sentence'"),
    (
        "Stopped: processing took longer than 300 seconds. Re-run the extraction to try again.",
        None,
    ),
    ("Abandoned by its worker 4 times; not retried.", None),
    ("Not a readable feed: SAXParseException: not well-formed", "SAXParseException"),
    ("Gave up after 5 attempts: Timed out reading the page.", None),
    ("will retry: The site answered 502.", None),
    ("sent to a worker again", None),
    ("new item in feed 3", None),
    ("submitted", None),
]

FALLBACK = "Страницу не удалось загрузить или прочитать."


@pytest.mark.parametrize(("note", "detail"), NOTES)
def test_each_failure_class_reads_in_russian_with_its_detail_for_staff_only(note, detail):
    with translation.override("ru"):
        shown = reason_display(note)
        for_staff = reason_display(note, staff=True)
    assert shown != note and not shown.startswith(FALLBACK), shown
    # Russian words, not the stored English sentence.
    assert any("а" <= ch <= "я" for ch in shown.lower()), shown
    if detail is None:
        assert for_staff == shown
    else:
        assert detail not in shown
        assert detail in for_staff and "Подробности" in for_staff


def test_english_readers_see_the_message_and_staff_the_detail_too():
    note = "The site's TLS certificate could not be verified: certificate has expired"
    with translation.override("en"):
        assert reason_display(note) == "The site's TLS certificate could not be verified."
        assert reason_display(note, staff=True) == (
            "The site's TLS certificate could not be verified. Detail: certificate has expired"
        )


def test_the_article_page_translates_a_fetch_failure_and_shows_the_detail_to_staff(
    client, reviewer
):
    note = "Could not connect to news.example.org: ProtocolError: Connection aborted"
    article = ArticleFactory(state=ArticleState.FAILED, state_reason=note)
    ArticleEvent.objects.create(
        article=article, from_state=ArticleState.FETCHING, to_state=ArticleState.FAILED, note=note
    )
    url = reverse("ingest:article", args=[article.pk])
    not_staff = UserFactory(username="reader", role=roles.REVIEWER, is_staff=False)
    client.force_login(not_staff)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert page.count("Не удалось подключиться к news.example.org.") == 2
    assert "Connection aborted" not in page
    client.force_login(reviewer)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Не удалось подключиться к news.example.org. Подробности: ProtocolError" in page
    queue = client.get(reverse("ingest:queue"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Не удалось подключиться к news.example.org." in queue


def test_the_extractors_note_on_a_fact_reads_in_the_readers_language():
    from ingest.constants import FactKind
    from ingest.tests.factories import DraftFactFactory

    value = {"country": "XX"}
    with translation.override("en"):
        from ingest.facts import clean_value

        try:
            clean_value(FactKind.NATIONALITY, value)
        except Exception as exc:  # the note the extractor keeps, worded in English
            note = exc.message
    fact = DraftFactFactory(
        kind=FactKind.NATIONALITY, value=value, extracted_value=value, note=note
    )
    assert "'XX' is not an ISO 3166 country code." in note
    with translation.override("ru"):
        shown = fact.note_display
    assert shown != note and "'XX'" in shown and "ISO 3166" in shown
    assert any("а" <= ch <= "я" for ch in shown.lower())
    with translation.override("en"):
        assert fact.note_display == note
    typed = DraftFactFactory(kind=FactKind.NATIONALITY, value=value, note="Checked by phone")
    with translation.override("ru"):
        assert typed.note_display == "Checked by phone"
