"""The caseworker's pages in Russian leave no English in their headings, navigation, table
heads, labels and buttons: the pages beyond the main ones that the browser test walks."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cases.constants import DetaineeStatus
from cases.tests.factories import CaseFactory, DetaineeFactory, SentenceFactory
from casework.tests.factories import TaskFactory
from consular.tests.factories import ConsularVisitFactory
from languages.models import LanguagePreference

pytestmark = pytest.mark.django_db

# The parts of a page that name things; the records' own words (names, charges) are data.
NAMING = {"h1", "h2", "h3", "th", "nav", "label", "button", "legend", "caption", "dt"}
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
# Not English: names of formats and standards, and the switch naming English in English.
KEPT = {"CSV", "XLSX", "API", "ISO", "UTF", "English"}


class _NamingText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("input", "br", "img", "meta", "link", "hr", "source"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if NAMING.intersection(self.open) and "script" not in self.open and data.strip():
            self.found.append(" ".join(data.split()))


def _english_left(html: str, data_words: set[str]) -> list[str]:
    parser = _NamingText()
    parser.feed(html)
    return [
        text
        for text in parser.found
        if any(w not in KEPT | data_words for w in ENGLISH_WORD.findall(text))
    ]


def test_the_casework_import_export_and_briefing_pages_have_no_english_left(client, caseworker):
    LanguagePreference.objects.create(user=caseworker, language="ru")
    person = DetaineeFactory(
        full_name="Ivan Petrov", status=DetaineeStatus.CONVICTED, assigned_caseworker=caseworker
    )
    case = CaseFactory(detainee=person)
    SentenceFactory(case=case, term_years=3, sentenced_on=dt.date(2023, 1, 1))
    TaskFactory(detainee=person, assignee=caseworker, title="Bail hearing")
    ConsularVisitFactory(detainee=person, visited_on=dt.date(2024, 4, 6))
    data_words = {"Ivan", "Petrov", "Bail", "hearing", "caseworker", "Consul", "Jane", "Roe"}
    client.force_login(caseworker)

    pages = [
        reverse("casework:my_work"),
        reverse("casework:overdue"),
        reverse("casework:detainee", args=[person.pk]),
        reverse("transfer:import"),
        reverse("transfer:export"),
        reverse("transfer:summary", args=[person.pk]),
        reverse("ui:detainee_detail", args=[person.pk]),
        reverse("ui:visits"),
        reverse("ui:dashboard"),
    ]
    left = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="ru">' in response.content.decode()
        english = _english_left(response.content.decode(), data_words)
        if english:
            left[url] = english
    assert left == {}
