"""Taking articles in: pasted text, uploaded files and URLs, each checked for size and
refused when the same URL or text is already stored; and re-running extraction."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.errors import Conflict, DomainError, NotPermitted
from cases.partial_dates import PartialDate

from .. import extraction, fetching, intake
from ..constants import ArticleOrigin, ArticleState
from ..models import Article
from .article_states import _enqueue, _record_event, article_transition

UPLOAD_EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


class DuplicateArticle(Conflict):
    """The article is already stored; `article` is the stored one."""

    def __init__(self, article: Article, how: str):
        super().__init__(
            f"This article is already stored ({how}) as article {article.pk}: "
            f"“{article.display_title[:80]}”.",
            field="article",
        )
        self.article = article


def _find_duplicate(*, text_hash: str | None, canonical_url: str, exclude: int | None = None):
    checks = []
    if canonical_url:
        checks.append((Q(canonical_url=canonical_url), "same URL"))
    if text_hash:
        checks.append((Q(text_hash=text_hash), "same text"))
    for query, how in checks:
        found = Article.objects.filter(query).exclude(pk=exclude).first()
        if found:
            return found, how
    return None, ""


def _create_article(**fields) -> Article:
    """Creates the article; the database's unique constraints settle a race with a twin."""
    existing, how = _find_duplicate(
        text_hash=fields.get("text_hash"), canonical_url=fields.get("canonical_url", "")
    )
    if existing:
        raise DuplicateArticle(existing, how)
    try:
        with transaction.atomic():
            article = Article.objects.create(**fields)
    except IntegrityError as exc:
        existing, how = _find_duplicate(
            text_hash=fields.get("text_hash"), canonical_url=fields.get("canonical_url", "")
        )
        if existing:
            raise DuplicateArticle(existing, how) from exc
        raise
    _record_event(article, "", article.state, fields.get("submitted_by"), "submitted")
    return article


def _check_size(size: int) -> None:
    limit = settings.INGEST_MAX_DOCUMENT_BYTES
    if size > limit:
        raise DomainError(
            f"That is {size / 1_000_000:.1f} MB; the limit is {limit / 1_000_000:.0f} MB.",
            field="file",
        )


def _published_from_text(text: str) -> PartialDate | None:
    _body, published = extraction.split_metadata(text)
    return PartialDate(published) if published else None


@transaction.atomic
def article_submit_content(
    *,
    content: intake.ArticleContent,
    origin: str,
    user,
    url: str = "",
    title: str = "",
    outlet: str = "",
    published: PartialDate | None = None,
) -> Article:
    text = intake.clean_text(content.text)
    if not text:
        raise DomainError(_("The article has no text."), field="text")
    _check_size(len(text.encode("utf-8")))
    url = (url or "").strip()
    case_services.check_web_address(url)
    canonical = intake.canonical_url(content.canonical_url or url)
    published = published or content.published or _published_from_text(text)
    article = _create_article(
        origin=origin,
        state=ArticleState.QUEUED,
        url=url,
        canonical_url=canonical,
        title=(title or content.title or "").strip()[:500],
        outlet=(outlet or content.outlet or "").strip()[:200],
        published_on=published.value if published else None,
        published_on_precision=published.precision if published else "",
        text=text,
        text_hash=intake.text_hash(text),
        html=content.html,
        submitted_by=user,
    )
    _enqueue(article)
    return article


def article_submit_text(
    *,
    text: str,
    user,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published: PartialDate | None = None,
) -> Article:
    """Pasted text (or pasted HTML, which is read like a fetched page)."""
    text = text or ""
    if not text.strip():
        raise DomainError(_("Paste the article's text: it is empty."), field="text")
    _check_size(len(text.encode("utf-8", "replace")))
    return article_submit_content(
        content=_content_of(text, url=url),
        origin=ArticleOrigin.PASTE,
        user=user,
        url=url,
        title=title,
        outlet=outlet,
        published=published,
    )


def _content_of(text: str, *, url: str, html: bool = False) -> intake.ArticleContent:
    """Main text and metadata of pasted or uploaded text, read as HTML when it is HTML."""
    if html or intake.looks_like_html(text):
        return intake.read_html(text, url=url)
    return intake.ArticleContent(text=text)


def article_submit_upload(*, upload, **details) -> Article:
    """An uploaded file object: its size is checked before it is read into memory."""
    _check_size(upload.size)
    return article_submit_file(name=upload.name, data=upload.read(), **details)


def article_submit_file(
    *,
    name: str,
    data: bytes,
    user,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published: PartialDate | None = None,
) -> Article:
    """An uploaded .txt or .html file."""
    kind = UPLOAD_EXTENSIONS.get(PurePath(name or "").suffix.lower())
    if kind is None:
        raise DomainError(_("Upload a .txt or .html file."), field="file")
    _check_size(len(data))
    if not data.strip():
        raise DomainError(_("The file is empty."), field="file")
    text = intake.decode_bytes(data, html=kind == "html")
    return article_submit_content(
        content=_content_of(text, url=url, html=kind == "html"),
        origin=ArticleOrigin.UPLOAD,
        user=user,
        url=url,
        title=title,
        outlet=outlet,
        published=published,
    )


@transaction.atomic
def article_submit_url(*, url: str, user) -> Article:
    """A URL to fetch in the background; refused at once if it is not a public web address."""
    url = (url or "").strip()
    if not url:
        raise DomainError(_("Give the article's URL."), field="url")
    if len(url) > 2000:
        raise DomainError(_("That URL is too long."), field="url")
    try:
        fetching.check_url(url)
    except fetching.TransientFetchError as exc:
        raise DomainError(str(exc), field="url") from exc
    article = _create_article(
        origin=ArticleOrigin.URL,
        state=ArticleState.QUEUED,
        url=url,
        canonical_url=intake.canonical_url(url),
        submitted_by=user,
    )
    _enqueue(article)
    return article


def article_reextract(*, article: Article, user) -> Article:
    """Runs extraction again; drafts already reviewed are kept as they are."""
    if not user.has_perm("ingest.review_draft"):
        raise NotPermitted("Only reviewers can re-run extraction.")
    with transaction.atomic():
        article = article_transition(
            article=article, to_state=ArticleState.QUEUED, actor=user, note="extraction re-run"
        )
        _enqueue(article)
    return article
