"""Writes of the ingest app: taking articles in, moving them through their states, turning
extraction results into drafts, and accepting or rejecting drafts.

Accepting writes case records only through `cases.services` and `consular.services`, in one
transaction, and cites the article's Source with the evidence sentence of every fact.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import PurePath

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from cases import changesets as case_changesets
from cases import names
from cases import services as case_services
from cases.constants import CaseStatus, ExtraditionStatus, FacilityKind
from cases.errors import Conflict, DomainError, NotPermitted
from cases.models import Case, Detainee, Source
from cases.partial_dates import PartialDate
from consular import services as consular_services
from consular.constants import VisitKind, VisitOutcome

from . import extraction, facts, fetching, intake
from .constants import (
    ALLOWED_TRANSITIONS,
    BUSY_STATES,
    FACT_WRITE_ORDER,
    LANGUAGES_EXTRACTED,
    ArticleOrigin,
    ArticleState,
    DraftStatus,
    FactDecision,
    FactKind,
    MatchVerdict,
)
from .models import Article, ArticleEvent, Draft, DraftFact, Feed, MatchJudgement

log = logging.getLogger(__name__)

UPLOAD_EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
UNNAMED_VISITOR = "Consular official (not named)"


class DuplicateArticle(Conflict):
    """The article is already stored; `article` is the stored one."""

    def __init__(self, article: Article, how: str):
        super().__init__(
            f"This article is already stored ({how}) as article {article.pk}: "
            f"“{article.display_title[:80]}”.",
            field="article",
        )
        self.article = article


# --- States ------------------------------------------------------------------------------


def _record_event(article: Article, from_state: str, to_state: str, actor=None, note: str = ""):
    ArticleEvent.objects.create(
        article=article, from_state=from_state, to_state=to_state, actor=actor, note=note[:2000]
    )


_STATES_WITH_REASON = (ArticleState.FAILED, ArticleState.NOT_EXTRACTED, ArticleState.QUEUED)


def article_transition(
    *, article: Article, to_state: str, actor=None, note: str = "", reason: str | None = None
) -> Article:
    """Moves an article to `to_state` if the transitions table allows it from where it is."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if to_state not in ALLOWED_TRANSITIONS.get(locked.state, ()):
            raise Conflict(
                _("An article that is %(state)s cannot become %(to_state)s.")
                % {
                    "state": locked.get_state_display().lower(),
                    "to_state": ArticleState(to_state).label.lower(),
                },
                field="state",
            )
        from_state = locked.state
        now = timezone.now()
        # A worker moving on (fetching -> extracting) keeps its claim, renewed; any other
        # move releases it.
        keeps_claim = from_state in BUSY_STATES and to_state in BUSY_STATES
        Article.objects.filter(pk=locked.pk).update(
            state=to_state,
            state_reason=(note if to_state in _STATES_WITH_REASON else "")
            if reason is None
            else reason,
            claimed_at=now if keeps_claim else None,
            claimed_by=locked.claimed_by if keeps_claim else "",
            updated_at=now,
        )
        _record_event(locked, from_state, to_state, actor, note)
    article.refresh_from_db()
    return article


def _stale_claims(now) -> Q:
    stale = now - dt.timedelta(seconds=settings.INGEST_CLAIM_TIMEOUT_SECONDS)
    return Q(state__in=BUSY_STATES) & (Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True))


def article_claim(*, article_id: int, to_state: str, task_id: str = "") -> Article | None:
    """Takes a queued article for one worker with a conditional UPDATE. A claim left by a
    worker that died long ago may be taken over, and so may a claim of the same task
    (`task_id`): its message comes back only when the worker running it was lost. Returns
    None when someone else has it."""
    now = timezone.now()
    claimable = Q(state=ArticleState.QUEUED) | _stale_claims(now)
    if task_id:
        claimable |= Q(state__in=BUSY_STATES, claimed_by=task_id)
    with transaction.atomic():
        before = Article.objects.filter(pk=article_id).values_list("state", flat=True).first()
        claimed = Article.objects.filter(claimable, pk=article_id).update(
            state=to_state,
            claimed_at=now,
            claimed_by=task_id[:64],
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        if not claimed:
            return None
        article = Article.objects.get(pk=article_id)
        note = "claimed by a worker" if before == ArticleState.QUEUED else "claim taken over"
        _record_event(article, before or "", to_state, None, note)
    return article


def _unsent(now) -> Q:
    """Queued articles whose message never reached the broker (it was down when they were
    queued), or reached it longer ago than a worker takes to claim one (the message was
    lost)."""
    stale = now - dt.timedelta(seconds=settings.INGEST_CLAIM_TIMEOUT_SECONDS)
    return Q(state=ArticleState.QUEUED) & (Q(sent_at__isnull=True) | Q(sent_at__lt=stale))


def articles_requeue_stale() -> int:
    """Run by Celery beat: puts back in the queue every article whose worker's claim went
    stale (the worker died, or its message was lost), and sends it to a worker again; an
    article abandoned more often than INGEST_FETCH_MAX_RETRIES allows fails instead. A
    queued article whose message never reached the broker, or was lost there, is sent
    again. Returns how many were requeued, sent again or failed."""
    now = timezone.now()
    done = 0
    unsent = list(Article.objects.filter(_unsent(now)).values_list("pk", flat=True)[:500])
    for article_id in unsent:
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(_unsent(now), pk=article_id)
            article = article.first()
            if article is None:  # sent or claimed meanwhile
                continue
            _record_event(article, article.state, article.state, None, "sent to a worker again")
            _enqueue(article)
            done += 1
    ids = list(Article.objects.filter(_stale_claims(now)).values_list("pk", flat=True)[:500])
    for article_id in ids:
        with transaction.atomic():
            article = (
                Article.objects.select_for_update().filter(_stale_claims(now), pk=article_id)
            ).first()
            if article is None:  # finished or taken over meanwhile
                continue
            if article.attempts > settings.INGEST_FETCH_MAX_RETRIES:
                article_transition(
                    article=article,
                    to_state=ArticleState.FAILED,
                    note=f"Abandoned by its worker {article.attempts} times; not retried.",
                )
            else:
                article_transition(
                    article=article,
                    to_state=ArticleState.QUEUED,
                    note="requeued: the worker's claim went stale",
                )
                _enqueue(article)
            done += 1
    return done


def _enqueue(article: Article) -> None:
    """Sends the article to a worker once the transaction commits. With the broker out of
    reach the article stays queued, unsent, and the sweeper sends it later: the request
    that queued it has already succeeded."""
    from .tasks import process_article

    article_id = article.pk

    def send() -> None:
        try:
            process_article.delay(article_id)
        except Exception:  # the broker is out of reach: kombu's errors vary by transport
            log.warning("article %s queued but not sent: broker unreachable", article_id)
            return
        Article.objects.filter(pk=article_id, state=ArticleState.QUEUED).update(
            sent_at=timezone.now()
        )

    transaction.on_commit(send)


def article_retry_due(*, article_id: int, seconds: float) -> None:
    """A transient failure's retry is on its way, due in `seconds`: the sweeper leaves the
    article to it."""
    Article.objects.filter(pk=article_id, state=ArticleState.QUEUED).update(
        sent_at=timezone.now() + dt.timedelta(seconds=seconds)
    )


# --- Intake ------------------------------------------------------------------------------


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


# --- Processing (the worker's side) ------------------------------------------------------


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


# --- Review ------------------------------------------------------------------------------


def article_source(article: Article) -> Source:
    """The cases.Source that every fact accepted from this article cites."""
    if article.source_id:
        return article.source
    source = case_services.source_get_or_create(
        url=article.canonical_url or article.url,
        title=(article.title or article.display_title)[:500],
        outlet=article.outlet,
        published=article.published,
        language=article.language,
    )
    Article.objects.filter(pk=article.pk).update(source=source)
    article.source = source
    return source


class _FactWriter:
    """Writes accepted facts of one draft to one detainee, through the case services."""

    def __init__(self, *, detainee: Detainee, source: Source, chosen: list[DraftFact], draft):
        self.detainee = detainee
        self.source = source
        self.draft = draft
        self.chosen = chosen
        self.case: Case | None = None
        self.charges = []

    def _value_of(self, kind: str) -> dict | None:
        for fact in self.chosen:
            if fact.kind == kind:
                return fact.value
        return None

    def _case_status(self) -> str:
        if self._value_of(FactKind.SENTENCE):
            return CaseStatus.SENTENCED
        if self._value_of(FactKind.CHARGE):
            return CaseStatus.PRE_TRIAL
        return CaseStatus.INVESTIGATION

    def _prosecuting_country(self, country: str) -> str:
        """The country whose case a fact belongs to. A country that arrested the person
        and surrendered them to another holds an arrest and an extradition, not a
        prosecution of its own: their case is the requesting country's, unless the record
        already has a case there."""
        if self.detainee.cases.filter(country=country).exists():
            return country
        for fact in self.chosen:
            if fact.kind == FactKind.EXTRADITION and fact.value.get("from_country") == country:
                return fact.value.get("to_country") or country
        extradition = self.detainee.extraditions.filter(from_country=country).first()
        return extradition.to_country.code if extradition else country

    def _open_case(self, country: str, fact: DraftFact | None = None) -> Case:
        country = self._prosecuting_country(country)
        case = self.detainee.cases.filter(country=country).order_by("-id").first()
        quote = fact.quote if fact else ""
        if case is None:
            case = case_services.case_open(
                detainee=self.detainee,
                country=country,
                status=self._case_status(),
                source=self.source,
                quote=quote,
            )
        else:
            case_services.cite(case, self.source, quote)
        return case

    def case_for(self, fact: DraftFact) -> Case:
        if self.case is not None:
            return self.case
        country = (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get("country")
        if not country:
            existing = self.detainee.cases.order_by("-id").first()
            if existing is not None:
                self.case = existing
                return existing
            raise DomainError(
                _("%(fact)s needs a case: accept or enter the detaining country too.")
                % {"fact": FactKind(fact.kind).label},
                field="detaining_country",
            )
        self.case = self._open_case(country)
        return self.case

    def _arrest(self, fact: DraftFact) -> Case:
        """An arrest goes on the case it began: the requesting country's case when another
        country made it at that country's request, else the case in the detaining country,
        else the detainee's case in the arresting country (opened if need be)."""
        v = fact.value
        detaining = (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get("country")
        country = v.get("country") or detaining
        if not country:
            raise DomainError(_("Arrest: give the country where it was made."), field="country")
        prosecuting = v.get("requested_by") or detaining
        if prosecuting:
            case = (
                self.case
                if self.case is not None and self.case.country.code == prosecuting
                else self._open_case(prosecuting, fact)
            )
        else:
            case = self.detainee.cases.filter(country=country).order_by("-id").first()
            case = case or self._open_case(country, fact)
        requested_by = v.get("requested_by") or ""
        if not requested_by and case.country.code != country:
            requested_by = case.country.code
        return case_services.case_arrest_record(
            case=case,
            arrested=facts.partial(v.get("date", "")),
            country=country,
            place=v.get("place", ""),
            requested_by=requested_by,
            source=self.source,
            quote=fact.quote,
        )

    def write(self, fact: DraftFact):
        v, src, quote, d = fact.value, self.source, fact.quote, self.detainee
        kind = fact.kind
        # Names, nationalities and charges are dated by the article (its publication
        # date) unless the reviewer gives the event's date.
        if kind in (FactKind.NAME, FactKind.NAME_VARIANT):
            return case_services.name_variant_add(
                detainee=d, name=v["name"], source=src, quote=quote
            )
        if kind == FactKind.NATIONALITY:
            return case_services.nationality_add(
                detainee=d, country=v["country"], source=src, quote=quote
            )
        if kind == FactKind.STATUS:
            # Dated by the article: an older article's status joins the timeline but does
            # not replace a newer one.
            return case_services.detainee_status_record(
                detainee=d, status=v["status"], source=src, quote=quote
            )
        if kind == FactKind.DETAINING_COUNTRY:
            case_services.detainee_country_record(
                detainee=d, country=v["country"], source=src, quote=quote
            )
            self.case = self._open_case(v["country"], fact)
            return self.case
        if kind == FactKind.ARREST:
            return self._arrest(fact)
        if kind == FactKind.FACILITY:
            country = v.get("country") or (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get(
                "country"
            )
            if not country:
                raise DomainError(_("Facility: give the country it is in."), field="country")
            facility = case_services.facility_get_or_create(
                name=v["name"], country=country, kind=FacilityKind.PRISON
            )
            return case_services.custody_period_record(
                detainee=d, facility=facility, source=src, quote=quote
            )
        if kind == FactKind.CHARGE:
            charge = case_services.charge_add(
                case=self.case_for(fact),
                description=v["description"],
                category=v.get("category") or "other",
                as_of=facts.partial(v.get("date", "")),
                source=src,
                quote=quote,
            )
            self.charges.append(charge)
            return charge
        if kind == FactKind.MAX_PENALTY:
            charges = self.charges or list(self.case_for(fact).charges.all())
            if not charges:
                raise DomainError(
                    _("Maximum penalty: it applies to a charge; accept a charge too."),
                    field="max_penalty",
                )
            for charge in charges:
                case_services.charge_max_penalty_record(
                    charge=charge, years=v["years"], source=src, quote=quote
                )
            return charges[0]
        if kind == FactKind.SENTENCE:
            return case_services.sentence_record(
                case=self.case_for(fact),
                sentenced=facts.partial(v.get("date", "")),
                term_years=v.get("years"),
                term_months=v.get("months"),
                is_life=bool(v.get("life")) and not v.get("death"),
                fine_amount=facts.Decimal(v["fine_amount"]) if v.get("fine_amount") else None,
                fine_currency=v.get("fine_currency", ""),
                notes="Death sentence." if v.get("death") else "",
                source=src,
                quote=quote,
            )
        if kind == FactKind.EXTRADITION:
            status = v.get("status") or ExtraditionStatus.REQUESTED
            date = facts.partial(v.get("date", ""))
            return case_services.extradition_record(
                detainee=d,
                from_country=v["from_country"],
                to_country=v["to_country"],
                status=status,
                surrendered=date if status == ExtraditionStatus.SURRENDERED else None,
                decided=date if status in (ExtraditionStatus.APPROVED, "refused") else None,
                as_of=date,
                case=self.case,
                source=src,
                quote=quote,
            )
        if kind == FactKind.CONSULAR_VISIT:
            return consular_services.visit_record(
                detainee=d,
                visitors=v.get("visitor") or UNNAMED_VISITOR,
                visited=facts.partial(v.get("date", "")),
                kind=v.get("kind") or VisitKind.IN_PERSON,
                outcome=VisitOutcome.ACCESS_DENIED if v.get("denied") else VisitOutcome.COMPLETED,
                source=src,
                quote=quote,
            )
        raise DomainError(f"Unknown fact kind {kind!r}.")


def _require_reviewer(user) -> None:
    if not (user and user.is_authenticated and user.has_perm("ingest.review_draft")):
        raise NotPermitted("Only reviewers can accept or reject drafts.")


def _article_reviewed_if_done(article: Article, user) -> None:
    if article.drafts.filter(status=DraftStatus.PENDING).exists():
        return
    if ArticleState.REVIEWED in ALLOWED_TRANSITIONS.get(
        Article.objects.values_list("state", flat=True).get(pk=article.pk), ()
    ):
        article_transition(
            article=article, to_state=ArticleState.REVIEWED, actor=user, note="all drafts reviewed"
        )


class FactErrors(DomainError):
    """Facts of a draft that could not be accepted; nothing was written. `errors` maps each
    fact id to its messages by field (`"value"` when the message is about the whole fact)."""

    def __init__(self, errors: dict[int, dict[str, str]]):
        count = len(errors)
        named = [m for messages in errors.values() for m in messages.values()]
        super().__init__(
            f"Nothing was written: {count} fact{'s' if count != 1 else ''} need"
            f"{'s' if count == 1 else ''} attention. " + " ".join(named[:3]),
            field="facts",
            details={"facts": {str(k): {f: [m] for f, m in v.items()} for k, v in errors.items()}},
        )
        self.errors = errors


def _fact_error(errors: dict, fact: DraftFact, exc: DomainError) -> None:
    messages = errors.setdefault(fact.pk, {})
    if exc.details and all(isinstance(m, str) for m in exc.details.values()):
        messages.update(exc.details)
    else:
        messages[exc.field or "value"] = exc.message


class MergeNotConfirmed(Conflict):
    """Merging into someone other than the suggested match takes an explicit choice: the
    reviewer (or API client) confirms after seeing what it would change on that record.
    `changes` lists them, one line each; nothing was written."""

    code = "confirmation_required"

    def __init__(self, detainee: Detainee, changes: list[str]):
        listed = "; ".join(changes) if changes else gettext("nothing new")
        super().__init__(
            gettext(
                "%(name)s is not the suggested match for this draft: merging into them takes "
                "an explicit confirmation (confirm_merge). It would change on that record: "
                "%(changes)s."
            )
            % {"name": detainee.full_name, "changes": listed},
            field="confirm_merge",
            details={
                "confirm_merge": changes
                or [gettext("Nothing new: every chosen fact is already recorded.")]
            },
        )
        self.detainee = detainee
        self.changes = changes


def _merge_confirm_check(*, draft: Draft, detainee: Detainee, chosen: list, user) -> None:
    """Refuses (MergeNotConfirmed) a first merge of `draft` into a detainee that is not its
    suggested match (the same-person tier): a possible match, or anyone else."""
    from .matching import draft_matches
    from .review import detainee_for_comparison, merge_changes

    if draft.detainee_id or draft_matches(draft, user).suggested_match == detainee.pk:
        return
    compared = detainee_for_comparison(detainee.pk, user) or detainee
    raise MergeNotConfirmed(detainee, merge_changes(chosen, compared))


def accept_label(draft_id: int) -> str:
    """The change reason of every history row that accepting this draft writes."""
    return f"accepted from draft {draft_id}"


def undo_label(draft_id: int) -> str:
    return f"undo of draft {draft_id}"


def draft_accept(
    *,
    draft: Draft,
    user,
    merge_into: int | None = None,
    fact_ids: list[int] | None = None,
    edits: dict[int, dict] | None = None,
    date_of_birth: PartialDate | None = None,
    finish: bool = True,
    confirm_merge: bool = False,
) -> Draft:
    """Writes the chosen facts (all of them when `fact_ids` is None) to a new detainee or to
    `merge_into`, citing the article for each, and records who accepted what and when.

    Merging into anyone but the suggested match takes `confirm_merge`: without it nothing is
    written and MergeNotConfirmed lists what the merge would change on that record.

    With `finish`, facts left unchosen are marked not accepted and the draft is done; without
    it, the draft stays open for the rest, tied to the same detainee. Facts the extractor left
    incomplete are skipped by "accept all" and named in their note.

    Every fact is checked, and every write tried, before anything is kept: when any fails,
    FactErrors names each failing fact and field and nothing is written. Every history row
    written carries `accept_label(draft)`, so that `draft_undo` can take it all back.
    """
    _require_reviewer(user)
    edits = {int(k): v for k, v in (edits or {}).items()}
    now = timezone.now()
    errors: dict[int, dict[str, str]] = {}
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        all_facts = list(draft.facts.select_for_update().order_by("position", "id"))
        pending = {f.pk: f for f in all_facts if f.decision == FactDecision.PENDING}
        for fact_id, raw in edits.items():
            if fact_id not in pending:
                raise DomainError(
                    _("Fact %(id)s is not an open fact of this draft.") % {"id": fact_id},
                    field="facts",
                )
            fact = pending[fact_id]
            try:
                fact.value = facts.clean_value(fact.kind, {**fact.value, **(raw or {})})
                fact.note = ""
            except DomainError as exc:
                _fact_error(errors, fact, exc)
        if fact_ids is None:
            chosen, skipped = [], []
            for fact in pending.values():
                if fact.pk in errors:
                    chosen.append(fact)
                    continue
                try:
                    fact.value = facts.clean_value(fact.kind, fact.value)
                    chosen.append(fact)
                except DomainError as exc:
                    fact.note = f"left out, incomplete: {exc.message}"[:300]
                    skipped.append(fact)
        else:
            wanted = {int(i) for i in fact_ids}
            unknown = wanted - set(pending)
            if unknown:
                raise DomainError(
                    f"Facts {sorted(unknown)} are not open facts of this draft.", field="facts"
                )
            chosen = [f for f in pending.values() if f.pk in wanted]
            skipped = []
            for fact in chosen:
                if fact.pk in errors:
                    continue
                try:
                    fact.value = facts.clean_value(fact.kind, fact.value)
                except DomainError as exc:
                    _fact_error(errors, fact, exc)
        if errors:
            raise FactErrors(errors)
        if not chosen:
            raise DomainError(_("Choose at least one fact to accept."), field="facts")

        # The record the facts go to.
        if draft.detainee_id:
            detainee = Detainee.objects.select_for_update().filter(pk=draft.detainee_id).first()
            if detainee is None:
                raise Conflict(
                    _(
                        "Part of this draft went to a record that has been archived since; "
                        "restore that record before accepting the rest."
                    ),
                    field="merge_into",
                )
            if merge_into and int(merge_into) != detainee.pk:
                raise Conflict(
                    f"Part of this draft already went to {detainee}; the rest goes there too.",
                    field="merge_into",
                )
        elif merge_into:
            detainee = (
                Detainee.objects.visible_to(user).select_for_update().filter(pk=merge_into).first()
            )
            if detainee is None:
                raise DomainError(
                    _("There is no such detainee that you can see."), field="merge_into"
                )
            if not confirm_merge:
                _merge_confirm_check(draft=draft, detainee=detainee, chosen=chosen, user=user)
        else:
            detainee = None
        source = article_source(draft.article)
        judged = _judgements_for_accept(draft=draft, user=user, merged=detainee)
        with case_changesets.recording(accept_label(draft.pk), user=user):
            if detainee is None:
                name_fact = next((f for f in chosen if f.kind == FactKind.NAME), None)
                if name_fact is None:
                    raise DomainError(
                        _("A new detainee needs a name: accept the name fact, or merge."), "facts"
                    )
                try:
                    # The status comes with its own fact, as a dated report (`_FactWriter`).
                    detainee = case_services.detainee_create(
                        full_name=name_fact.value["name"],
                        name_original_script=name_fact.value.get("original_script") or "",
                        date_of_birth=date_of_birth,
                        source=source,
                        quote=name_fact.quote,
                    )
                except DomainError as exc:
                    _fact_error(errors, name_fact, exc)
                    raise FactErrors(errors) from exc
            elif date_of_birth is not None:
                # A different date of birth is kept beside the record's, as a dispute.
                case_services.detainee_birth_date_record(
                    detainee=detainee, date_of_birth=date_of_birth, source=source
                )
            writer = _FactWriter(detainee=detainee, source=source, chosen=chosen, draft=draft)
            order = {kind: i for i, kind in enumerate(FACT_WRITE_ORDER)}
            for fact in sorted(chosen, key=lambda f: (order[f.kind], f.position)):
                try:
                    # Each write in a savepoint: a failing one is named, and the rest are
                    # still tried so that the reviewer sees every problem at once.
                    with transaction.atomic():
                        record = writer.write(fact)
                except DomainError as exc:
                    _fact_error(errors, fact, exc)
                    continue
                fact.decision = FactDecision.ACCEPTED
                fact.decided_by, fact.decided_at = user, now
                fact.record_type, fact.record_id = record._meta.label_lower, record.pk
            if errors:
                raise FactErrors(errors)
        left_open = [f for f in pending.values() if f.decision == FactDecision.PENDING]
        if finish or not left_open:
            for fact in left_open:
                fact.decision = FactDecision.REJECTED
                fact.decided_by, fact.decided_at = user, now
                if fact not in skipped:
                    fact.note = "not accepted by the reviewer"
        DraftFact.objects.bulk_update(
            list(pending.values()),
            ["value", "decision", "decided_by", "decided_at", "record_type", "record_id", "note"],
        )
        draft.detainee = detainee
        draft.reviewed_by, draft.reviewed_at = user, now
        if date_of_birth:
            draft.date_of_birth, draft.date_of_birth_precision = (
                date_of_birth.value,
                date_of_birth.precision,
            )
        if finish or not left_open:
            draft.status = DraftStatus.ACCEPTED
        draft.save()
        for verdict, other in judged:
            match_judgement_record(
                draft=draft,
                detainee=other or detainee,
                verdict=verdict,
                user=user,
                now=now,
                from_accept=True,
            )
        _article_reviewed_if_done(draft.article, user)
    return draft


def draft_undo(*, draft: Draft, user) -> Draft:
    """Takes back everything accepting `draft` wrote, in one transaction: the rows it created
    are deleted, the values it changed are restored (each step in the history, labelled
    `undo_label`), the draft awaits review again and its article is ready for review again.
    Refused (Conflict, naming the record) when any of those records changed since."""
    _require_reviewer(user)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        accepted_at = draft.facts.filter(decision=FactDecision.ACCEPTED).aggregate(
            first=Min("decided_at")
        )["first"]
        if draft.status == DraftStatus.REJECTED or accepted_at is None:
            raise Conflict(_("Only an accepted draft can be undone."), field="draft")
        # The draft's own link would keep a detainee it created from being deleted.
        Draft.objects.filter(pk=draft.pk).update(detainee=None)
        # What accepting said about who the person is goes too; an explicit "not this
        # person" stays.
        draft.judgements.filter(from_accept=True).delete()
        reverted = case_changesets.changes_revert(
            label=accept_label(draft.pk),
            undo_label=undo_label(draft.pk),
            user=user,
            # Every row the accept wrote is dated after its start (a margin for clock steps).
            since=accepted_at - dt.timedelta(minutes=5),
        )
        if not (reverted.deleted or reverted.restored):
            # Accepted before accepts were recorded for undo: reopening the draft would let
            # its facts be written a second time.
            raise Conflict(
                _(
                    "The history holds nothing this acceptance wrote, so it cannot be undone; "
                    "correct the record itself instead."
                ),
                field="draft",
            )
        reopened = list(draft.facts.all())
        for fact in reopened:
            fact.decision = FactDecision.PENDING
            fact.decided_by = fact.decided_at = None
            fact.record_type, fact.record_id = "", None
            try:
                facts.clean_value(fact.kind, fact.value)
                fact.note = ""
            except DomainError as exc:
                fact.note = exc.message[:300]
        DraftFact.objects.bulk_update(
            reopened, ["decision", "decided_by", "decided_at", "record_type", "record_id", "note"]
        )
        draft.status = DraftStatus.PENDING
        draft.detainee = None
        draft.reviewed_by, draft.reviewed_at = None, None
        draft.save()
        article = draft.article
        if Article.objects.values_list("state", flat=True).get(pk=article.pk) == (
            ArticleState.REVIEWED
        ):
            article_transition(
                article=article,
                to_state=ArticleState.READY,
                actor=user,
                # The article's log names no one: personal data stays on the draft and
                # the record, where anonymisation and access requests find it.
                note=f"draft {draft.pk} undone",
            )
    return draft


def match_judgement_record(
    *,
    draft: Draft,
    detainee: Detainee,
    verdict: str,
    user,
    now=None,
    note: str = "",
    from_accept: bool = False,
) -> MatchJudgement:
    """Keeps a reviewer's word that the draft's name is, or is not, `detainee`."""
    return MatchJudgement.objects.create(
        name=draft.name[:200],
        name_key=names.fold(draft.name)[:200] or draft.name.casefold()[:200],
        detainee=detainee,
        verdict=verdict,
        draft=draft,
        decided_by=user,
        decided_at=now or timezone.now(),
        note=note[:300],
        from_accept=from_accept,
    )


def _judgements_for_accept(*, draft: Draft, user, merged: Detainee | None):
    """What accepting says about who the draft's person is: merged into someone, it is that
    person; written as a new detainee, it is none of the candidates that were offered.
    (verdict, detainee) pairs; None stands for the detainee the facts went to. A draft
    accepted in several steps is judged once, at its first step."""
    from .matching import draft_matches

    if draft.detainee_id:
        return []
    if merged is not None:
        return [(MatchVerdict.SAME, merged)]
    matches = draft_matches(draft, user)
    return [(MatchVerdict.DIFFERENT, c.detainee) for c in matches.candidates]


def draft_not_this_person(
    *, draft: Draft, detainee_id: int, user, note: str = ""
) -> MatchJudgement:
    """The reviewer's explicit "not this person" on a candidate: that detainee is never
    again offered as the same person for this name."""
    _require_reviewer(user)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        detainee = Detainee.objects.visible_to(user).filter(pk=detainee_id).first()
        if detainee is None:
            raise DomainError(_("There is no such detainee that you can see."), field="detainee")
        if draft.detainee_id == detainee.pk:
            raise Conflict(
                f"Part of this draft already went to {detainee}: it cannot be someone else.",
                field="detainee",
            )
        return match_judgement_record(
            draft=draft, detainee=detainee, verdict=MatchVerdict.DIFFERENT, user=user, note=note
        )


def draft_reject(*, draft: Draft, user, reason: str) -> Draft:
    """Rejects a draft with a reason; nothing is written to the case records."""
    _require_reviewer(user)
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError(_("Say why the draft is rejected."), field="reason")
    now = timezone.now()
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("article").get(pk=draft.pk)
        if draft.status != DraftStatus.PENDING:
            raise Conflict(
                _("This draft was already %(status)s.")
                % {"status": draft.get_status_display().lower()},
                field="draft",
            )
        if draft.facts.filter(decision=FactDecision.ACCEPTED).exists():
            raise Conflict(
                _("Part of this draft is already accepted: finish it instead."), field="draft"
            )
        draft.facts.filter(decision=FactDecision.PENDING).update(
            decision=FactDecision.REJECTED, decided_by=user, decided_at=now, note="draft rejected"
        )
        draft.status = DraftStatus.REJECTED
        draft.reject_reason = reason[:2000]
        draft.reviewed_by, draft.reviewed_at = user, now
        draft.save()
        _article_reviewed_if_done(draft.article, user)
    return draft


# --- Feeds -------------------------------------------------------------------------------


def _entry_published(entry) -> PartialDate | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return PartialDate(dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday))
    except ValueError:
        return None


def feed_register(*, url: str, user, title: str = "") -> Feed:
    url = (url or "").strip()
    try:
        fetching.check_url(url)
    except fetching.TransientFetchError as exc:
        raise DomainError(str(exc), field="url") from exc
    feed, created = Feed.objects.get_or_create(
        url=url, defaults={"title": title[:300], "created_by": user}
    )
    if not created:
        raise Conflict(_("That feed is already registered."), field="url")
    return feed


def feed_poll(*, feed: Feed, limit: int = 50) -> int:
    """Fetches a feed and queues each item not seen before; returns how many were new."""
    now = timezone.now()
    try:
        page = fetching.fetch(feed.url, accept=fetching.FEED_TYPES + fetching.HTML_TYPES)
    except (fetching.FetchError, fetching.TransientFetchError) as exc:
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=str(exc)[:2000])
        return 0
    # Parsed from the bytes we fetched: feedparser never fetches anything itself here. It
    # is imported where feeds are polled (the worker), not by every web worker.
    import feedparser

    parsed = feedparser.parse(page.body)
    if parsed.bozo and not parsed.entries:
        Feed.objects.filter(pk=feed.pk).update(
            last_polled_at=now, last_error=f"Not a readable feed: {parsed.get('bozo_exception')}"
        )
        return 0
    new = 0
    for entry in parsed.entries[:limit]:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            continue
        entry_id = (entry.get("id") or link)[:500]
        canonical = intake.canonical_url(link)
        if Article.objects.filter(
            Q(feed=feed, feed_entry_id=entry_id) | Q(canonical_url=canonical)
        ).exists():
            continue
        published = _entry_published(entry)
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    origin=ArticleOrigin.FEED,
                    url=link[:2000],
                    canonical_url=canonical[:2000],
                    title=(entry.get("title") or "")[:500],
                    outlet=(parsed.feed.get("title") or feed.title or "")[:200],
                    published_on=published.value if published else None,
                    published_on_precision=published.precision if published else "",
                    feed=feed,
                    feed_entry_id=entry_id,
                )
                _record_event(article, "", article.state, None, f"new item in feed {feed.pk}")
                _enqueue(article)
        except IntegrityError:
            continue
        new += 1
    Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error="")
    return new
