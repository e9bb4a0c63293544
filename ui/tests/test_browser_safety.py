"""In a real browser, with the Content-Security-Policy on: no page breaks the policy, a link
stored as `javascript:` runs nothing, an ingested page's tracker image is never fetched, and
a paste larger than an article may be is refused before it is sent, keeping the text."""

import pytest
from playwright.sync_api import expect

from cases.models import Source
from cases.services import cite
from cases.tests.factories import CaseFactory, SourceFactory
from ingest.models import Article
from ingest.tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XSS = "javascript:document.title='pwned'//1"
TRACKER = "tracker.example.com"


def _watch(page):
    """Console messages about the policy, and every host the page asked for."""
    seen = {"violations": [], "hosts": set()}
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and seen["violations"].append((page.url, message.text[:120]))
        ),
    )
    page.on("request", lambda request: seen["hosts"].add(request.url.split("/")[2]))
    return seen


def test_pages_keep_to_the_policy(page, live_server, sign_in, admin_user, screenshot):
    case = CaseFactory()
    article = ArticleFactory(
        html=f'<p>Held in Minsk.<img src="https://{TRACKER}/pixel.gif"></p>',
    )
    seen = _watch(page)
    sign_in(admin_user)
    for path in (
        "/detainees/",
        f"/detainees/{case.detainee_id}/",
        "/visits/",
        "/dashboard/",
        "/review/",
        "/review/submit/",
        f"/review/articles/{article.pk}/",
        "/api/v1/docs/",
        "/admin/",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    expect(page.locator(".swagger-ui, #content").first).to_be_visible()
    screenshot("admin")
    assert seen["violations"] == []
    assert TRACKER not in seen["hosts"]


def test_a_stored_script_link_runs_nothing(page, live_server, sign_in, reviewer):
    article = ArticleFactory(title="Trader held")
    Article.objects.filter(pk=article.pk).update(url=XSS)
    source = SourceFactory(title="Poisoned source")
    Source.objects.filter(pk=source.pk).update(url=XSS)
    case = CaseFactory()
    cite(case, Source.objects.get(pk=source.pk), "quoted")
    sign_in(reviewer)
    page.goto(f"{live_server.url}/review/articles/{article.pk}/")
    page.get_by_test_id("article-link").click()
    page.goto(f"{live_server.url}/detainees/{case.detainee_id}/")
    page.get_by_text("Poisoned source").first.click()
    assert page.title() != "pwned"
    assert page.locator("a[href^='javascript']").count() == 0


def test_an_oversized_paste_is_refused_before_sending_and_kept(
    page, live_server, sign_in, caseworker, settings, screenshot
):
    settings.INGEST_MAX_DOCUMENT_BYTES = 2000
    text = "A trader was held in Minsk on Monday. " * 100
    sign_in(caseworker)
    page.goto(f"{live_server.url}/review/submit/")
    box = page.get_by_role("textbox", name="Text")
    box.fill(text)
    page.get_by_role("button", name="Submit text").click()
    form = page.get_by_test_id("paste-form")
    expect(form.get_by_role("alert")).to_contain_text("at most 0.002 MB")
    expect(box).to_have_value(text)
    screenshot("refused")
    assert page.url == f"{live_server.url}/review/submit/"
    assert not Article.objects.exists()
