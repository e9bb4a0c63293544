"""The worker's side: fetching a URL article's page, detecting the language, running the
extractor, and writing one draft per person found (found again on a re-run)."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction

from cases import names
from cases.errors import DomainError

from .. import extraction, facts, fetching, intake
from ..constants import (
    ALLOWED_TRANSITIONS,
    LANGUAGES_EXTRACTED,
    ArticleState,
    DraftStatus,
    FactDecision,
)
from ..models import Article, Draft, DraftFact
from .article_states import article_claim, article_transition
from .submission import _find_duplicate

log = logging.getLogger(__name__)


def article_fail(*, article_id: int, reason: str, actor=None) -> Article | None:
    article = Article.objects.filter(pk=article_id).first()
    if article is None or ArticleState.FAILED not in ALLOWED_TRANSITIONS[article.state]:
        return article
    return article_transition(article=article, to_state=ArticleState.FAILED, note=reason)


def _content_from_page(page: fetching.FetchedPage) -> intake.ArticleContent:
    is_html = page.content_type in fetching.HTML_TYPES
    text = intake.decode_bytes(page.body, declared=page.charset, html=is_html)
    if is_html:
        return intake.read_html(text, url=page.url)
    return intake.ArticleContent(text=text)


def _fetch_into(article: Article) -> bool:
    """Fetches a URL article's page and stores its text; False when the article failed."""
    try:
        page = fetching.fetch(article.url)
        content = _content_from_page(page)
    except fetching.TransientFetchError as exc:
        article_transition(article=article, to_state=ArticleState.QUEUED, note=f"will retry: {exc}")
        raise
    except DomainError as exc:
        article_transition(article=article, to_state=ArticleState.FAILED, note=exc.message)
        return False
    text = intake.clean_text(content.text)
    text_hash = intake.text_hash(text)
    canonical = intake.canonical_url(content.canonical_url or page.url) or article.canonical_url
    duplicate, how = _find_duplicate(
        text_hash=text_hash, canonical_url=canonical, exclude=article.pk
    )
    if duplicate is None and canonical != article.canonical_url:
        duplicate, how = _find_duplicate(
            text_hash=None, canonical_url=article.canonical_url, exclude=article.pk
        )
    if duplicate is not None:
        Article.objects.filter(pk=article.pk).update(duplicate_of=duplicate)
        article_transition(
            article=article,
            to_state=ArticleState.FAILED,
            note=f"Already stored ({how}) as article {duplicate.pk}.",
        )
        return False
    published = content.published
    try:
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(
                text=text,
                text_hash=text_hash,
                html=content.html,
                canonical_url=canonical,
                title=article.title or content.title,
                outlet=article.outlet or content.outlet,
                published_on=article.published_on or (published.value if published else None),
                published_on_precision=article.published_on_precision
                or (published.precision if published else ""),
            )
    except IntegrityError:
        article_transition(
            article=article, to_state=ArticleState.FAILED, note="Already stored as another article."
        )
        return False
    article.refresh_from_db()
    article_transition(article=article, to_state=ArticleState.EXTRACTING, note="fetched")
    return True


def article_process(*, article_id: int, task_id: str = "") -> Article | None:
    """The whole background step for one article: fetch if needed, detect the language,
    extract, and write drafts. Safe to run twice: only a queued article is claimed (or one
    this same task claimed before its worker was lost)."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        log.warning("article %s no longer exists", article_id)
        return None
    needs_fetch = not article.text and bool(article.url)
    claimed = article_claim(
        article_id=article_id,
        to_state=ArticleState.FETCHING if needs_fetch else ArticleState.EXTRACTING,
        task_id=task_id,
    )
    if claimed is None:
        return article
    article = claimed
    if needs_fetch and not _fetch_into(article):
        return article
    if not article.text:
        return article_transition(
            article=article, to_state=ArticleState.FAILED, note="The article has no text."
        )
    language = intake.detect_language(article.text)
    Article.objects.filter(pk=article.pk).update(language=language)
    article.language = language
    if language not in LANGUAGES_EXTRACTED:
        return article_transition(
            article=article,
            to_state=ArticleState.NOT_EXTRACTED,
            note=f"not extracted: language {language}",
        )
    published = article.published.value if article.published else None
    try:
        result = extraction.extract(article.text, published=published)
    except Exception as exc:  # the extractor failing on one text must not retry forever
        log.exception("extractor failed on article %s", article.pk)
        return article_transition(
            article=article,
            to_state=ArticleState.FAILED,
            note=f"The extractor failed: {type(exc).__name__}: {exc}",
        )
    with transaction.atomic():
        drafts_sync(article=article, result=result)
        Article.objects.filter(pk=article.pk).update(extractor_version=result.extractor_version)
        pending = article.drafts.filter(status=DraftStatus.PENDING).count()
        total = article.drafts.count()
        if pending:
            note = f"{pending} draft{'s' if pending != 1 else ''} to review"
            to_state = ArticleState.READY
        else:
            note = "no detained person found" if not total else "every draft already reviewed"
            to_state = ArticleState.REVIEWED
        article = article_transition(article=article, to_state=to_state, note=note)
    return article


def _is_untouched(draft: Draft) -> bool:
    return (
        draft.status == DraftStatus.PENDING
        and not draft.facts.exclude(decision=FactDecision.PENDING).exists()
    )


def _write_facts(draft: Draft, extracted: list[facts.ExtractedFact]) -> None:
    DraftFact.objects.bulk_create(
        [
            DraftFact(
                draft=draft,
                kind=fact.kind,
                position=position,
                value=fact.value,
                extracted_value=fact.value,
                spans=fact.spans,
                quote=fact.quote,
                note=fact.note[:300],
            )
            for position, fact in enumerate(extracted)
        ]
    )


def drafts_sync(*, article: Article, result) -> list[Draft]:
    """One draft per extracted person, found again by name on a re-run: untouched drafts
    are refreshed, reviewed ones are left alone, and no person gets a second draft."""
    version = result.extractor_version
    keys: list[str] = []
    drafts = []
    for position, person in enumerate(result.detainees):
        name = facts.person_name(person.name)
        key = names.search_key(name).strip() or name.casefold().strip()
        if not key or key in keys:
            continue
        keys.append(key)
        extracted = facts.facts_from_extracted(person, article.text)
        draft, created = Draft.objects.select_for_update().get_or_create(
            article=article,
            person_key=key[:300],
            defaults={
                "name": name[:200],
                "position": position,
                "extractor_version": version,
            },
        )
        if created:
            _write_facts(draft, extracted)
        elif _is_untouched(draft):
            draft.facts.all().delete()
            _write_facts(draft, extracted)
            draft.name, draft.position, draft.extractor_version = (
                name[:200],
                position,
                version,
            )
            draft.save(update_fields=["name", "position", "extractor_version", "updated_at"])
        drafts.append(draft)
    for stale in article.drafts.filter(status=DraftStatus.PENDING).exclude(person_key__in=keys):
        if _is_untouched(stale):
            stale.delete()
    return drafts
