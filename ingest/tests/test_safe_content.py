"""Nothing an article, a feed or a user types can run script or call a third party in a
reader's browser: only http(s) links are accepted and rendered, ingested HTML loads nothing,
and every page carries a Content-Security-Policy that forbids inline script."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from cases import services as case_services
from cases.models import Source
from cases.tests.factories import CaseFactory, SourceFactory
from ingest import intake
from ingest.models import Article, Feed

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

XSS = "javascript:alert('x')//1"


@pytest.fixture
def api(caseworker):
    client = APIClient()
    client.force_authenticate(caseworker)
    return client


@pytest.mark.parametrize("url", [XSS, "data:text/html,<script>alert(1)</script>", "ftp://x.org/"])
def test_the_api_refuses_addresses_that_are_not_web_addresses(api, url):
    source = api.post("/api/v1/sources/", {"url": url, "title": "t"}, format="json")
    assert source.status_code == 400 and "url" in source.data["fields"]
    article = api.post("/api/v1/articles/", {"text": "A trader was held.", "url": url})
    assert article.status_code == 400 and "url" in article.data["fields"]
    assert not Source.objects.exists() and not Article.objects.exists()


def test_the_submit_page_refuses_a_script_address(client, caseworker):
    client.force_login(caseworker)
    response = client.post(
        "/review/submit/",
        {"kind": "paste", "paste-text": "A trader was held.", "paste-url": XSS},
    )
    assert response.status_code == 200
    assert re.search(r'class="ingest-error" role="alert">[^<]*URL', response.content.decode())
    assert not Article.objects.exists()


def test_a_feed_with_a_script_address_is_refused(client, reviewer):
    client.force_login(reviewer)
    client.post("/review/feeds/", {"url": XSS})
    assert not Feed.objects.exists()


@pytest.mark.parametrize("url", [XSS, "ftp://files.example.org/a.txt"])
@pytest.mark.parametrize(
    "record",
    [
        lambda url: Source(url=url, title="t"),
        lambda url: Article(origin="paste", url=url, text="x"),
        lambda url: Article(origin="paste", canonical_url=url, text="x"),
        lambda url: Feed(url=url),
    ],
)
def test_the_models_refuse_other_than_web_addresses_so_the_admin_does_too(record, url):
    with pytest.raises(ValidationError) as error:
        record(url).full_clean()
    assert {"url", "canonical_url"} & set(error.value.message_dict)


def test_the_admin_form_refuses_a_script_address(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/cases/source/add/", {"kind": "article", "title": "t", "url": XSS}
    )
    assert response.status_code == 200
    assert not Source.objects.exists()


def test_the_case_service_refuses_a_script_address():
    with pytest.raises(case_services.DomainError):
        case_services.source_get_or_create(url=XSS, title="t")


def test_a_stored_script_address_is_never_rendered_as_a_link(client, reviewer):
    # Stored before validation existed, or written past it: the templates still refuse.
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(url=XSS, canonical_url=XSS)
    source = SourceFactory()
    Source.objects.filter(pk=source.pk).update(url=XSS)
    case = CaseFactory()
    case_services.cite(case, Source.objects.get(pk=source.pk), "quoted")
    client.force_login(reviewer)
    for page in (f"/review/articles/{article.pk}/", f"/detainees/{case.detainee_id}/"):
        body = client.get(page).content.decode()
        assert not re.search(r"href=[\"']\s*javascript:", body, re.I), page
    assert "not a web address" in client.get(f"/review/articles/{article.pk}/").content.decode()


def test_ingested_html_loads_nothing_from_elsewhere():
    html = (
        '<p>Held in <a href="https://news.example.org/a">Minsk</a>'
        '<img src="https://tracker.example.com/pixel.gif"><a href="/admin/">x</a>'
        '<a href="javascript:alert(1)">y</a><map><area href="https://t.example/"></map></p>'
    )
    clean = intake.sanitise_html(html)
    assert "img" not in clean and "tracker" not in clean and "area" not in clean
    assert 'href="https://news.example.org/a"' in clean
    assert "/admin/" not in clean and "javascript" not in clean


def test_pages_send_a_policy_without_inline_script(client, caseworker):
    client.force_login(caseworker)
    for page in ("/detainees/", "/review/submit/", "/api/v1/docs/"):
        policy = client.get(page)["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
        )
        assert directives["script-src"] == ["'self'"], page
        assert directives["img-src"] == ["'self'", "data:"], page
        assert "'unsafe-inline'" not in policy


TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "templates",
    *Path(settings.BASE_DIR).glob("*/templates"),
]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def test_no_template_holds_inline_script_or_event_handlers():
    templates = [p for d in TEMPLATE_DIRS for p in d.rglob("*.html")]
    assert templates
    for path in templates:
        text = path.read_text()
        assert not INLINE_SCRIPT.search(text), path
        assert not HANDLER.search(text), path


def test_an_oversized_paste_keeps_the_text_with_a_clear_error(client, caseworker, settings):
    settings.INGEST_MAX_DOCUMENT_BYTES = 1000
    client.force_login(caseworker)
    text = "A trader was held in Minsk. " * 100
    response = client.post("/review/submit/", {"kind": "paste", "paste-text": text})
    assert response.status_code == 200
    body = response.content.decode()
    assert "the limit is" in body
    assert text.strip()[:200] in body
    assert not Article.objects.exists()


def test_a_body_too_large_to_read_gets_the_page_with_a_clear_error(client, caseworker, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    client.force_login(caseworker)
    response = client.post("/review/submit/", {"kind": "paste", "paste-text": "x" * 5000})
    assert response.status_code == 413
    body = response.content.decode()
    assert 'data-testid="too-large"' in body and "not received" in body
    assert "Submit an article" in body
