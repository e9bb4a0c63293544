"""The detainee page with dated facts: the current values, a "disputed" badge with every
source beside it, a caseworker's choice, and undated visits that count."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cases import services
from cases.constants import DetaineeStatus
from cases.models import Detainee, FactChoice
from cases.partial_dates import parse
from cases.tests.factories import CaseFactory, DetaineeFactory, SourceFactory
from consular.tests.factories import ConsularVisitFactory
from demo.reported_cases import load_reported_cases

pytestmark = pytest.mark.django_db


def source(published: str, title: str):
    date = parse(published)
    return SourceFactory(
        published_on=date.value, published_on_precision=date.precision, title=title, url=""
    )


@pytest.fixture
def disputed():
    detainee = DetaineeFactory(full_name="Roman Testov", status=DetaineeStatus.CONVICTED)
    case = CaseFactory(detainee=detainee, country="US")
    sentence = services.sentence_record(
        case=case,
        sentenced=parse("2017-04-21"),
        term_years=27,
        source=source("2017-04-22", "Court hands down 27 years"),
    )
    services.sentence_record(
        case=case,
        sentenced=parse("2017-04-21"),
        term_years=25,
        source=source("2019-01-10", "Hacker serving 25 years"),
    )
    return detainee, sentence


def page(client, user, detainee):
    client.force_login(user)
    return client.get(reverse("ui:detainee_detail", args=[detainee.pk]))


def test_a_disputed_term_shows_a_badge_and_both_sources(client, viewer, disputed):
    detainee, _sentence = disputed
    response = page(client, viewer, detainee)
    html = response.content.decode()
    assert 'data-testid="disputed-sentence_term"' in html
    assert "Court hands down 27 years" in html and "Hacker serving 25 years" in html
    assert "27 years" in html and "25 years" in html
    assert "no one has chosen yet" in html
    assert 'data-testid="choose-' not in html  # viewers read, they do not choose


def test_a_caseworker_chooses_on_the_page(client, caseworker, disputed):
    detainee, sentence = disputed
    assert (
        'data-testid="choose-sentence_term:' in page(client, caseworker, detainee).content.decode()
    )
    url = reverse("ui:detainee_choose_fact", args=[detainee.pk])
    response = client.post(
        url,
        {
            "fact": "sentence_term",
            "sentence": sentence.pk,
            "value": "P25Y",
            "reason": "The judgment says 25.",
        },
    )
    assert response.status_code == 302
    sentence.refresh_from_db()
    assert sentence.term_years == 25
    html = client.get(response.url.split("#")[0]).content.decode()
    assert "The judgment says 25." in html and "chosen by caseworker" in html


def test_a_choice_without_a_reason_keeps_what_was_chosen(client, caseworker, disputed):
    detainee, sentence = disputed
    client.force_login(caseworker)
    response = client.post(
        reverse("ui:detainee_choose_fact", args=[detainee.pk]),
        {"fact": "sentence_term", "sentence": sentence.pk, "value": "P25Y", "reason": " "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say why this value is the right one." in html
    assert 'value="P25Y" checked' in html
    assert not FactChoice.objects.exists()


def test_a_viewer_cannot_post_a_choice(client, viewer, disputed):
    detainee, sentence = disputed
    client.force_login(viewer)
    response = client.post(
        reverse("ui:detainee_choose_fact", args=[detainee.pk]),
        {"fact": "sentence_term", "sentence": sentence.pk, "value": "P25Y", "reason": "x"},
    )
    assert response.status_code == 403


@time_machine.travel(dt.datetime(2023, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_an_undated_completed_visit_counts_on_the_card(client, caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.CONVICTED)
    visit = ConsularVisitFactory(detainee=detainee, visited_on=None, visited_on_precision="")
    services.cite(visit, source("2023-04-06", "Envoy visits"))
    html = page(client, caseworker, detainee).content.decode()
    assert "never visited" not in html
    assert "25 days ago" in html and "undated; reported 6 April 2023" in html
    visits = client.get(reverse("ui:visits")).content.decode()
    assert 'data-testid="overdue-count">0<' in visits


@time_machine.travel(dt.datetime(2023, 5, 1, 12, tzinfo=dt.UTC), tick=False)
def test_a_month_precision_completed_visit_counts_on_the_card(client, caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.CONVICTED)
    ConsularVisitFactory(
        detainee=detainee, visited_on=dt.date(2023, 4, 1), visited_on_precision="month"
    )
    html = page(client, caseworker, detainee).content.decode()
    assert "never visited" not in html and "(April 2023)" in html
    # Nor is the person overdue for a visit.
    visits = client.get(reverse("ui:visits")).content.decode()
    assert 'data-testid="overdue-count">0<' in visits


def test_the_demo_shows_the_newer_exchange_over_the_older_story(client, viewer):
    load_reported_cases()
    seleznyov = Detainee.objects.get(full_name="Roman Seleznyov")
    assert seleznyov.status == DetaineeStatus.EXCHANGED
    html = page(client, viewer, seleznyov).content.decode()
    timeline = html.split('data-testid="timeline"')[1]
    # The 2023 story stays on the timeline, before the exchange of 2024.
    assert timeline.index("Status: Convicted") < timeline.index("Status: Exchanged")
    assert "1 August 2024" in timeline
    held_by = html.split('data-testid="held-by"')[1].split("</dd>")[0]
    assert "United States" not in held_by


def test_an_undated_charge_is_placed_when_it_was_first_reported(client, viewer):
    detainee = DetaineeFactory()
    case = CaseFactory(detainee=detainee, arrested_on=None, arrested_on_precision="")
    services.charge_add(
        case=case, description="wire fraud", source=source("2021-03-05", "Charged in Boston")
    )
    html = page(client, viewer, detainee).content.decode()
    entry = html.split("Charged: wire fraud")[0].rsplit("<li", 1)[1]
    assert 'datetime="2021-03-05"' in entry
    assert "as first reported" in html
