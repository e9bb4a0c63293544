"""What a new user ran into: error pages without the app's layout, no way to the submit
page or the API docs, a visits page one long scroll, undated facts at the bottom of the
timeline and a very old last visit shown without a warning."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from cases import services
from cases.constants import DetaineeStatus
from cases.partial_dates import parse
from cases.tests.factories import CaseFactory, DetaineeFactory, SourceFactory
from consular.constants import VisitOutcome
from consular.tests.factories import ConsularVisitFactory

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    return html[html.index('aria-label="Main"') : html.index("</nav>")]


# --- Error pages ------------------------------------------------------------------------


def test_not_found_is_a_page_of_the_app_with_its_navigation(client, caseworker):
    client.force_login(caseworker)
    response = client.get("/detainees/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'data-testid="error-page"' in html
    assert reverse("ui:visits") in nav(html) and "ui/app.css" in html
    assert 'data-testid="current-user">caseworker<' in html


def test_the_review_queue_tells_a_caseworker_why_and_offers_the_submit_page(client, caseworker):
    client.force_login(caseworker)
    response = client.get(reverse("ingest:queue"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your role does not open this page" in html
    assert "The review queue is for reviewers" in html
    assert f'href="{reverse("ingest:submit")}" data-testid="error-submit-link"' in html
    assert reverse("ui:dashboard") in nav(html)


def test_a_viewer_refused_the_queue_is_not_offered_the_submit_page(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("ingest:queue"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "The review queue is for reviewers" in html
    assert "error-submit-link" not in html and "You can still submit" not in html


def test_a_server_error_is_a_page_of_the_app_with_its_navigation(client, caseworker, monkeypatch):
    from ui import views

    def broken(user):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "detainee_list_queryset", broken)
    client.raise_request_exception = False
    client.force_login(caseworker)
    response = client.get(reverse("ui:detainee_list"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert reverse("ui:visits") in nav(html)
    assert 'data-testid="current-user">caseworker<' in html


def test_api_errors_stay_json(client, caseworker):
    client.force_login(caseworker)
    response = client.get("/api/v1/detainees/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


# --- Navigation -------------------------------------------------------------------------


def test_a_caseworker_finds_the_submit_page_and_the_api_docs(client, caseworker):
    client.force_login(caseworker)
    links = nav(client.get(reverse("ui:detainee_list")).content.decode())
    assert f'href="{reverse("ingest:submit")}" data-testid="nav-submit"' in links
    assert f'href="{reverse("api-docs")}" data-testid="nav-api-docs"' in links
    assert client.get(reverse("ingest:submit")).status_code == 200
    assert client.get(reverse("api-docs")).status_code == 200


def test_a_reviewer_reaches_submit_through_the_queue_and_a_viewer_not_at_all(
    client, reviewer, viewer
):
    client.force_login(reviewer)
    links = nav(client.get(reverse("ui:detainee_list")).content.decode())
    assert "Review queue" in links and "nav-submit" not in links
    client.force_login(viewer)
    links = nav(client.get(reverse("ui:detainee_list")).content.decode())
    assert "nav-submit" not in links and "Review queue" not in links
    assert "nav-api-docs" in links


# --- Visits page ------------------------------------------------------------------------


def test_the_visits_page_pages_each_list(client, caseworker):
    for i in range(23):
        # Learned of a month ago and never visited: the first visit is overdue.
        with time_machine.travel(dt.datetime.now(tz=dt.UTC) - dt.timedelta(days=30)):
            DetaineeFactory(full_name=f"Waiting {i:02d}", status=DetaineeStatus.CONVICTED)
        ConsularVisitFactory(
            detainee=DetaineeFactory(full_name=f"Planned {i:02d}", status=DetaineeStatus.RELEASED),
            visited_on=dt.date.today() + dt.timedelta(days=i + 1),
            outcome=VisitOutcome.PLANNED,
        )
    client.force_login(caseworker)
    html = client.get(reverse("ui:visits")).content.decode()
    overdue = html[html.index('data-testid="overdue"') : html.index("</table>")]
    assert overdue.count("<tr>") == 1 + 10  # the header and one page
    assert 'data-testid="overdue-count">23<' in html
    assert 'data-testid="pager-overdue_page"' in html and "Page 1 of 3" in html
    upcoming = html[html.index('data-testid="upcoming"') :]
    assert upcoming[: upcoming.index("</ul>")].count("<li>") == 10
    assert 'data-testid="pager-upcoming_page"' in html

    html = client.get(reverse("ui:visits"), {"overdue_page": 3, "upcoming_page": 2}).content
    html = html.decode()
    overdue = html[html.index('data-testid="overdue"') : html.index("</table>")]
    assert overdue.count("<tr>") == 1 + 3
    # The link to another page of one list keeps the other list's page.
    assert "?overdue_page=2&amp;upcoming_page=2#overdue-title" in html


def test_the_visits_page_estimates_long_lists_and_says_so(client, caseworker, settings):
    # Beyond EXACT_COUNT_LIMIT rows the overdue list and the log are not counted row by
    # row on PostgreSQL (SQLite, for development, always counts exactly).
    settings.EXACT_COUNT_LIMIT = 5
    for i in range(12):
        with time_machine.travel(dt.datetime.now(tz=dt.UTC) - dt.timedelta(days=30)):
            person = DetaineeFactory(full_name=f"Waiting {i:02d}", status=DetaineeStatus.CONVICTED)
        ConsularVisitFactory(
            detainee=DetaineeFactory(full_name=f"Seen {i:02d}", status=DetaineeStatus.RELEASED),
            visited_on=dt.date.today() - dt.timedelta(days=i + 1),
            outcome=VisitOutcome.COMPLETED,
        )
    assert person.full_name == "Waiting 11"
    client.force_login(caseworker)
    html = client.get(reverse("ui:visits")).content.decode()
    badge = html[html.index('data-testid="overdue-count">') :]
    badge = badge[len('data-testid="overdue-count">') : badge.index("</span>")]
    overdue = html[html.index('data-testid="overdue"') : html.index("</table>")]
    assert overdue.count("<tr>") == 1 + 10
    if connection.vendor == "postgresql":
        assert badge.startswith("about ")
        assert "Page 1 of about" in html
    else:
        assert badge == "12"
        assert "Page 1 of 2" in html
    # The second page of each list is read like any other.
    html = client.get(reverse("ui:visits"), {"overdue_page": 2, "page": 2}).content.decode()
    overdue = html[html.index('data-testid="overdue"') : html.index("</table>")]
    assert overdue.count("<tr>") == 1 + 2


# --- Detainee page ----------------------------------------------------------------------


def test_an_undated_arrest_comes_before_the_sentence_of_its_case(client, viewer):
    detainee = DetaineeFactory(full_name="Undated Arrest", status=DetaineeStatus.CONVICTED)
    case = CaseFactory(detainee=detainee, arrested_on=None, arrested_on_precision="")
    services.sentence_record(case=case, sentenced=parse("2017-04-21"), term_years=27)
    older = CaseFactory(detainee=detainee, country="DE")
    services.sentence_record(case=older, sentenced=parse("2012-03"), term_years=1)
    client.force_login(viewer)
    html = client.get(reverse("ui:detainee_detail", args=[detainee.pk])).content.decode()
    timeline = html[html.index('data-testid="timeline"') :]
    arrest_us = timeline.index("case in United States")
    assert arrest_us < timeline.index("Sentenced to 27 years")
    # ... and after the facts of 2012, which happened before it.
    assert timeline.index("Sentenced to 1 year") < arrest_us


def test_an_undated_fact_sits_at_its_first_report(client, viewer):
    detainee = DetaineeFactory(full_name="Reported Late")
    dated = CaseFactory(detainee=detainee, arrested_on=dt.date(2020, 5, 1))
    undated = CaseFactory(
        detainee=detainee, country="FR", arrested_on=None, arrested_on_precision=""
    )
    report = SourceFactory(published_on=dt.date(2019, 2, 1), published_on_precision="day")
    services.cite(undated, report)
    client.force_login(viewer)
    html = client.get(reverse("ui:detainee_detail", args=[detainee.pk])).content.decode()
    timeline = html[html.index('data-testid="timeline"') :]
    assert timeline.index("case in France") < timeline.index("case in United States")
    assert dated.pk


@time_machine.travel(dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC), tick=False)
def test_a_last_visit_long_ago_is_flagged(client, viewer):
    waiting = DetaineeFactory(full_name="Long Wait", status=DetaineeStatus.CONVICTED)
    ConsularVisitFactory(detainee=waiting, visited_on=dt.date(2026, 11, 30) - dt.timedelta(1339))
    seen = DetaineeFactory(full_name="Seen Lately", status=DetaineeStatus.CONVICTED)
    ConsularVisitFactory(detainee=seen, visited_on=dt.date(2026, 11, 1))
    client.force_login(viewer)
    html = client.get(reverse("ui:detainee_detail", args=[waiting.pk])).content.decode()
    card = html[html.index('data-testid="days-since-visit"') :]
    card = card[: card.index("</dd>")]
    assert '<span class="warn">1339 days ago</span>' in card
    assert 'data-testid="visit-overdue"' in card and "more than 90 days" in card
    html = client.get(reverse("ui:detainee_detail", args=[seen.pk])).content.decode()
    assert 'data-testid="visit-overdue"' not in html
