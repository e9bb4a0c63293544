"""Taking articles in: every way in, duplicates, and bad input that must lose nothing."""

import pytest

from cases.errors import DomainError
from ingest import services
from ingest.constants import ArticleOrigin, ArticleState
from ingest.models import Article, ArticleEvent, Draft

from . import extracted
from .conftest import ARTICLE_QUILL

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Runs what services schedule after commit (the tasks, in-process)."""

    class Runner:
        def __call__(self, func, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return func(**kwargs)

    return Runner()


def test_pasted_text_becomes_an_article_with_drafts(caseworker, run_tasks, fake_extractor):
    fake_extractor.result = extracted.result(extracted.alvarez())
    article = run_tasks(
        services.article_submit_text,
        text=extracted.TEXT_ALVAREZ,
        user=caseworker,
        title="Engineer sentenced",
        outlet="Daily Ledger",
    )
    article.refresh_from_db()
    assert article.origin == ArticleOrigin.PASTE
    assert article.state == ArticleState.READY
    assert article.language == "en"
    assert article.published.isoformat() == "2024-06-03"  # from the Published line
    assert article.extractor_version == "test-1"
    draft = Draft.objects.get(article=article)
    assert draft.name == "Tomas Alvarez"
    assert draft.extractor_version == "test-1"
    assert draft.facts.count() == 12  # one fact of every kind
    states = list(ArticleEvent.objects.filter(article=article).values_list("to_state", flat=True))
    assert states == ["queued", "extracting", "ready"]


def test_the_same_text_again_points_to_the_stored_article(caseworker, reviewer):
    first = services.article_submit_text(text=ARTICLE_QUILL, user=caseworker)
    respaced = "  " + ARTICLE_QUILL.replace("\n\n", "\n \n").upper() + "\n"
    with pytest.raises(services.DuplicateArticle) as caught:
        services.article_submit_text(text=respaced, user=reviewer)
    assert caught.value.article == first
    assert Article.objects.count() == 1


def test_the_same_url_again_points_to_the_stored_article(caseworker):
    first = services.article_submit_text(
        text="A trader was held at the border.",
        url="https://news.example.org/story?utm_source=feed",
        user=caseworker,
    )
    with pytest.raises(services.DuplicateArticle, match="same URL"):
        services.article_submit_text(
            text="Different words about the same story.",
            url="https://NEWS.example.org/story",
            user=caseworker,
        )
    assert list(Article.objects.all()) == [first]


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused(caseworker, text):
    with pytest.raises(DomainError, match="empty"):
        services.article_submit_text(text=text, user=caseworker)
    assert not Article.objects.exists()


def test_a_binary_file_is_refused(caseworker):
    with pytest.raises(DomainError, match="binary"):
        services.article_submit_file(
            name="story.txt", data=b"\x00\x01\x02PK\x03\x04" * 100, user=caseworker
        )
    assert not Article.objects.exists()


def test_a_file_of_another_kind_is_refused(caseworker):
    with pytest.raises(DomainError, match=r"\.txt or \.html"):
        services.article_submit_file(name="story.pdf", data=b"%PDF-1.4", user=caseworker)


def test_a_20_mb_file_is_refused_and_nothing_is_lost(caseworker):
    kept = services.article_submit_text(text=ARTICLE_QUILL, user=caseworker)
    with pytest.raises(DomainError, match="limit"):
        services.article_submit_file(name="huge.txt", data=b"a" * 20_000_000, user=caseworker)
    assert list(Article.objects.all()) == [kept]
    kept.refresh_from_db()
    assert kept.text.startswith("Published: 2024-03-12")


def test_a_text_file_not_in_utf8_is_decoded(caseworker, run_tasks):
    text = (
        "The court in Valparaíso said José Núñez’s appeal — filed in café hours — was "
        "rejected. He remains detained in the city’s main prison. "
    ) * 3
    article = run_tasks(
        services.article_submit_file,
        name="noticia.txt",
        data=text.encode("cp1252"),
        user=caseworker,
    )
    article.refresh_from_db()
    assert "José Núñez’s appeal — filed" in article.text


def test_an_html_file_declaring_its_charset_is_decoded(caseworker):
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Новости</title></head><body><article><p>"
        + "Инженер задержан в аэропорту и помещён в следственный изолятор. " * 5
        + "</p></article></body></html>"
    )
    article = services.article_submit_file(
        name="story.html", data=html.encode("cp1251"), user=caseworker
    )
    assert "Инженер задержан" in article.text


def test_html_full_of_scripts_keeps_only_the_story(caseworker):
    from .test_intake import SCRIPTED_PAGE

    article = services.article_submit_file(
        name="page.html", data=SCRIPTED_PAGE.encode(), user=caseworker
    )
    assert "Ivor Quill was detained" in article.text
    assert "alert" not in article.text
    assert "<script" not in article.html and "onerror" not in article.html


def test_an_article_in_another_language_is_kept_but_not_extracted(caseworker, run_tasks):
    text = (
        "Ein Gericht in Astana hat den kanadischen Staatsbürger Ivan Petrov wegen Schmuggels "
        "zu vier Jahren Haft verurteilt. Er war im Januar festgenommen worden."
    )
    article = run_tasks(services.article_submit_text, text=text, user=caseworker)
    article.refresh_from_db()
    assert article.state == ArticleState.NOT_EXTRACTED
    assert article.state_reason == "not extracted: language de"
    assert article.language == "de"
    assert article.text == text
    assert not article.drafts.exists()


def test_a_russian_article_is_extracted_and_its_draft_finds_the_latin_record(
    caseworker, reviewer, run_tasks
):
    from cases import services as case_services
    from ingest.matching import draft_matches

    seleznyov = case_services.detainee_create(full_name="Roman Seleznyov", nationalities=["RU"])
    text = (
        "Published: 2023-05-10\n"
        "Суд в Сиэтле приговорил россиянина Романа Селезнёва к 27 годам лишения свободы. "
        "Адвокат Селезнёва Игорь Литвак заявил, что подаст апелляцию."
    )
    article = run_tasks(services.article_submit_text, text=text, user=caseworker)
    article.refresh_from_db()
    assert article.language == "ru"
    assert article.state == ArticleState.READY, article.state_reason
    draft = Draft.objects.get(article=article)
    assert draft.name == "Roman Seleznev"
    spellings = {f.value["name"] for f in draft.facts.filter(kind="name_variant")}
    assert {"Роман Селезнёв", "Roman Seleznyov"} <= spellings
    assert draft_matches(draft, reviewer).suggested_match == seleznyov.pk


def test_a_private_url_is_refused_at_once(caseworker):
    with pytest.raises(DomainError, match="private or local"):
        services.article_submit_url(url="http://127.0.0.1:8000/admin/", user=caseworker)
    assert not Article.objects.exists()


def test_the_real_extractor_runs_on_pasted_text(caseworker, run_tasks):
    article = run_tasks(services.article_submit_text, text=ARTICLE_QUILL, user=caseworker)
    article.refresh_from_db()
    # What the rules find is the extractor's business; here: it ran, and every draft's
    # evidence lies inside the stored text.
    assert article.state in (ArticleState.READY, ArticleState.REVIEWED), article.state_reason
    assert article.extractor_version
    for draft in article.drafts.all():
        assert draft.extractor_version == article.extractor_version
        for fact in draft.facts.all():
            for start, end in fact.spans:
                assert 0 <= start < end <= len(article.text)


def test_a_submitted_url_is_fetched_and_extracted(
    caseworker, web, allow_local, run_tasks, fake_extractor
):
    page = (
        "<html><head><title>Engineer sentenced</title>"
        '<meta property="og:site_name" content="Example Ledger"></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in ARTICLE_QUILL.split("\n\n")[1:])
        + "<script>alert(1)</script></article></body></html>"
    )
    web.add("/story", page)
    fake_extractor.result = lambda text: extracted.result(extracted.person(text, "Ivor Quill"))
    article = run_tasks(services.article_submit_url, url=web.url("/story"), user=caseworker)
    article.refresh_from_db()
    assert article.origin == ArticleOrigin.URL
    assert article.state == ArticleState.READY, article.state_reason
    assert article.outlet == "Example Ledger"
    assert "Ivor Quill" in article.text and "alert" not in article.text
    assert article.drafts.filter(name="Ivor Quill").exists()
    states = list(article.events.values_list("to_state", flat=True))
    assert states == ["queued", "fetching", "extracting", "ready"]


def test_a_url_that_redirects_to_loopback_fails_with_the_reason(
    caseworker, web, allow_local, run_tasks
):
    web.add("/story", status=302, Location=web.ip_url("/secret"))
    article = run_tasks(services.article_submit_url, url=web.url("/story"), user=caseworker)
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "private or local" in article.state_reason
    assert "/secret" not in web.hits


def test_a_url_that_times_out_is_retried_then_fails(caseworker, web, allow_local, run_tasks):
    article = run_tasks(services.article_submit_url, url=web.url("/hang"), user=caseworker)
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "Gave up after 2 attempts" in article.state_reason
    assert article.attempts == 2
    notes = list(article.events.values_list("to_state", flat=True))
    assert notes == ["queued", "fetching", "queued", "fetching", "queued", "failed"]


def test_a_fetched_page_with_stored_text_is_not_stored_twice(
    caseworker, web, allow_local, run_tasks
):
    first = services.article_submit_text(
        text="Ivor Quill, an engineer, was detained at the border on Monday.", user=caseworker
    )
    web.add(
        "/copy",
        "<html><body><article><p>Ivor Quill, an engineer, was detained at the "
        "border on Monday.</p></article></body></html>",
    )
    article = run_tasks(services.article_submit_url, url=web.url("/copy"), user=caseworker)
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert article.duplicate_of == first
    assert article.text == ""


def test_accepting_a_russian_draft_as_a_new_person_keeps_the_name_in_cyrillic(
    caseworker, reviewer, run_tasks
):
    text = (
        "Published: 2023-02-01\n"
        "Россиянин Олег Чернов экстрадирован из Таиланда в США в июне 2022 года."
    )
    article = run_tasks(services.article_submit_text, text=text, user=caseworker)
    draft = Draft.objects.get(article=article)
    accepted = services.draft_accept(draft=draft, user=reviewer, merge_into=None, fact_ids=None)
    assert accepted.detainee.full_name == "Oleg Chernov"
    assert accepted.detainee.name_original_script == "Олег Чернов"
