"""The review pages, and the whole flow a reviewer goes through."""

import pytest

from cases import services as case_services
from cases.models import Detainee
from ingest.constants import ArticleState, DraftStatus, FactDecision
from ingest.models import Article, Draft

from . import extracted
from .conftest import ARTICLE_MERGE
from .factories import ArticleFactory, DraftFactFactory, DraftFactory

pytestmark = pytest.mark.django_db


def test_the_queue_is_for_reviewers(client, caseworker, reviewer):
    client.force_login(caseworker)
    assert client.get("/review/").status_code == 403
    client.force_login(reviewer)
    DraftFactFactory(draft__name="Older Person")
    DraftFactFactory(draft__name="Newer Person")
    response = client.get("/review/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>2</strong> drafts awaiting review" in body
    assert body.index("Older Person") < body.index("Newer Person")


def test_a_long_queue_is_shown_a_page_at_a_time(client, reviewer, settings):
    from ingest import pages

    client.force_login(reviewer)
    article = ArticleFactory()
    for n in range(pages.QUEUE_PAGE_SIZE + 3):
        DraftFactory(article=article, name=f"Person {n:03d}")
    first = client.get("/review/").content.decode()
    # Every draft is counted; the first page shows the oldest, and links to the next.
    assert f"<strong>{pages.QUEUE_PAGE_SIZE + 3}</strong> drafts awaiting review" in first
    assert "Person 000" in first and f"Person {pages.QUEUE_PAGE_SIZE:03d}" not in first
    assert 'rel="next"' in first
    last = client.get("/review/", {"page": 2}).content.decode()
    assert f"Person {pages.QUEUE_PAGE_SIZE + 2:03d}" in last and "Person 000" not in last
    # A page past the end shows the last one rather than an error.
    assert client.get("/review/", {"page": 99}).status_code == 200


def test_the_queue_hides_drafts_of_people_the_reviewer_may_not_see(client, reviewer, caseworker):
    hidden = Detainee.objects.create(
        full_name="Restricted Person", is_restricted=True, assigned_caseworker=caseworker
    )
    DraftFactory(name="Draft Of Someone Restricted", detainee=hidden)
    DraftFactory(name="Draft Of Nobody Yet")
    client.force_login(reviewer)
    body = client.get("/review/").content.decode()
    assert "Draft Of Nobody Yet" in body and "Draft Of Someone Restricted" not in body
    assert "<strong>1</strong> draft awaiting review" in body


def test_the_nav_count_helper_counts_pending_drafts(reviewer):
    draft = DraftFactFactory().draft
    DraftFactFactory()
    assert Draft.objects.awaiting_review().count() == 2
    draft.status, draft.reject_reason = DraftStatus.REJECTED, "not ours"
    draft.save()
    assert Draft.objects.awaiting_review().count() == 1


def test_anonymous_users_go_to_the_login_page(client):
    response = client.get("/review/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_an_empty_paste_shows_the_error_and_stores_nothing(client, caseworker):
    client.force_login(caseworker)
    response = client.post("/review/submit/", {"kind": "paste", "paste-text": "   "})
    assert response.status_code == 200
    assert "empty" in response.content.decode()
    assert not Article.objects.exists()


def test_a_duplicate_paste_leads_to_the_stored_article(client, caseworker):
    stored = ArticleFactory(text="A trader was held in Minsk on Monday.", text_hash=None)
    from ingest import intake

    stored.text_hash = intake.text_hash(stored.text)
    stored.save()
    client.force_login(caseworker)
    response = client.post(
        "/review/submit/", {"kind": "paste", "paste-text": "A trader was held in Minsk on Monday."}
    )
    assert response.status_code == 302
    assert response.url == f"/review/articles/{stored.pk}/"
    assert Article.objects.count() == 1


def test_an_oversized_upload_is_refused_on_the_page(client, caseworker, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.INGEST_MAX_DOCUMENT_BYTES = 100
    client.force_login(caseworker)
    response = client.post(
        "/review/submit/",
        {"kind": "upload", "upload-file": SimpleUploadedFile("a.txt", b"word " * 100)},
    )
    assert "the limit is" in response.content.decode()
    assert not Article.objects.exists()


def test_the_draft_page_marks_evidence_in_escaped_text(client, reviewer, fake_extractor):
    text = "Chilean citizen Tomas Alvarez <script>alert(1)</script> was held."
    fake_extractor.result = extracted.result(
        extracted.person(text, "Tomas Alvarez", nationality=("CL", "Chilean citizen"))
    )
    article = ArticleFactory(state=ArticleState.QUEUED, text=text, text_hash="x")
    from ingest import services

    services.article_process(article_id=article.pk)
    draft = article.drafts.get()
    nationality = draft.facts.get(kind="nationality")
    client.force_login(reviewer)
    body = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    assert f'data-facts="{nationality.pk}"' in body
    assert ">Chilean citizen</mark>" in body


def test_a_reviewer_pastes_merges_and_finds_every_fact_citing_the_article(client, reviewer):
    """The whole flow, with the real extractor on an invented report."""
    existing = case_services.detainee_create(
        full_name="Marta Velikova",
        name_original_script="Марта Великова",
        nationalities=["CA"],
    )
    client.force_login(reviewer)
    with_callbacks = client.post(
        "/review/submit/",
        {
            "kind": "paste",
            "paste-text": ARTICLE_MERGE,
            "paste-title": "Canadian pilot jailed",
            "paste-outlet": "Example Wire",
        },
    )
    assert with_callbacks.status_code == 302
    article = Article.objects.get()
    # In a test the transaction never commits, so run the task the commit would start.
    from ingest.tasks import process_article

    process_article.delay(article.pk)
    article.refresh_from_db()
    assert article.state == ArticleState.READY, article.state_reason
    draft = article.drafts.get(name="Marta Velikova")

    page = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert "<mark" in page
    assert "Merge into <strong>Marta Velikova</strong>" in page

    response = client.post(
        f"/review/drafts/{draft.pk}/", {"action": "accept_all", "target": str(existing.pk)}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ACCEPTED and draft.detainee == existing
    assert Detainee.objects.count() == 1

    source = Article.objects.get(pk=article.pk).source
    assert source.title == "Canadian pilot jailed" and source.outlet == "Example Wire"
    accepted = list(draft.facts.filter(decision=FactDecision.ACCEPTED))
    assert {f.kind for f in accepted} >= {"name", "nationality", "charge"}
    for fact in accepted:
        assert fact.decided_by == reviewer
        app_label, model_name = fact.record_type.split(".")
        from django.apps import apps

        record = apps.get_model(app_label, model_name).objects.get(pk=fact.record_id)
        assert record.citations.filter(source=source).exclude(quote="").exists(), fact.kind
    existing.refresh_from_db()
    assert existing.nationalities.get().sources.filter(pk=source.pk).exists()
    assert existing.cases.get().charges.get().sources.filter(pk=source.pk).exists()
    record_page = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert "Written to" in record_page and "Marta Velikova" in record_page
    # The reviewer can go straight to the person's page from the reviewed draft.
    assert f'href="/detainees/{existing.pk}/"' in record_page
