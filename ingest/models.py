"""Articles come in, the extractor turns each into drafts (one per person), and a reviewer
accepts or rejects them; accepted facts become case records that cite the article."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.fields import (
    DatePrecisionField,
    PartialDateField,
    WebAddressField,
    partial_date,
    partial_date_constraint,
)
from cases.models import Detainee, Source

from .constants import (
    ArticleOrigin,
    ArticleState,
    DraftStatus,
    FactDecision,
    FactKind,
    MatchVerdict,
)
from .querysets import ArticleQuerySet, DraftQuerySet, FeedQuerySet, MatchJudgementQuerySet


def _choices_constraint(field: str, choices: type[models.TextChoices], table: str):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}), name=f"{table}_{field}_valid"
    )


class Feed(models.Model):
    """An RSS or Atom feed whose new items are fetched on a schedule."""

    url = WebAddressField(_("url"), max_length=2000, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    is_active = models.BooleanField(_("is active"), default=True)
    etag = models.CharField(_("etag"), max_length=300, blank=True, editable=False)
    modified = models.CharField(_("modified"), max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(
        _("last polled at"), null=True, blank=True, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url


class Article(models.Model):
    origin = models.CharField(_("origin"), max_length=8, choices=ArticleOrigin.choices)
    state = models.CharField(
        _("state"), max_length=14, choices=ArticleState.choices, default=ArticleState.QUEUED
    )
    state_reason = models.TextField(
        _("state reason"), blank=True, help_text=_("Why it failed or was not extracted")
    )
    url = WebAddressField(_("URL as submitted"), max_length=2000, blank=True)
    canonical_url = WebAddressField(_("canonical url"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    published_on = PartialDateField(_("published"), null=True, blank=True)
    published_on_precision = DatePrecisionField(_("published on precision"))
    language = models.CharField(_("language"), max_length=16, blank=True)
    # The exact string given to the extractor: evidence spans are offsets into it.
    text = models.TextField(_("text"), blank=True)
    text_hash = models.CharField(
        _("text hash"), max_length=64, null=True, blank=True, editable=False
    )
    # Already cleaned with nh3 when stored; pages clean it again before showing it.
    html = models.TextField(_("sanitised HTML"), blank=True)
    feed = models.ForeignKey(
        Feed,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("feed"),
    )
    feed_entry_id = models.CharField(_("feed entry id"), max_length=500, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("duplicate of"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ingest_articles",
        verbose_name=_("source"),
    )
    extractor_version = models.CharField(_("extractor version"), max_length=40, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True, editable=False)
    # The Celery task id holding the claim: the same message, delivered again after its
    # worker died, may take the claim back at once.
    claimed_by = models.CharField(_("claimed by"), max_length=64, blank=True, editable=False)
    # When a queued article's message reached the broker (for a retry: when it is due). A
    # queued article never sent (the broker was down) or sent long ago is sent again by
    # the sweeper.
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_articles",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-created_at", "-id"]
        constraints = [
            _choices_constraint("origin", ArticleOrigin, "article"),
            _choices_constraint("state", ArticleState, "article"),
            partial_date_constraint("published_on", "article"),
            # An article is stored once per canonical URL and once per text.
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~Q(canonical_url=""),
                name="article_canonical_url_unique",
            ),
            models.UniqueConstraint(fields=["text_hash"], name="article_text_hash_unique"),
            models.UniqueConstraint(
                fields=["feed", "feed_entry_id"],
                condition=~Q(feed_entry_id=""),
                name="article_feed_entry_unique",
            ),
        ]
        indexes = [
            # Serves the article list filtered by state, newest first.
            models.Index(fields=["state", "-created_at"], name="article_state_idx"),
            # Serves the sweeper's search for stale claims (busy states, oldest claim).
            models.Index(fields=["state", "claimed_at"], name="article_claim_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.canonical_url or f"Article {self.pk}"

    @property
    def published(self):
        return partial_date(self, "published_on")

    @property
    def display_title(self) -> str:
        return self.title or self.canonical_url or self.text[:80] or f"Article {self.pk}"


class ArticleEvent(models.Model):
    """Append-only: one row per state change, with who made it."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="events", verbose_name=_("article")
    )
    from_state = models.CharField(
        _("from state"), max_length=14, choices=ArticleState.choices, blank=True
    )
    to_state = models.CharField(_("to state"), max_length=14, choices=ArticleState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("article event")
        verbose_name_plural = _("article events")
        ordering = ["created_at", "id"]
        constraints = [_choices_constraint("to_state", ArticleState, "article_event")]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_state or '—'} → {self.to_state}"


class Draft(models.Model):
    """One person the extractor found in an article, as a proposed record."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("article")
    )
    # The name's consonant skeleton: re-running extraction finds the same draft again.
    person_key = models.CharField(_("person key"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    date_of_birth = PartialDateField(_("date of birth"), null=True, blank=True)
    date_of_birth_precision = DatePrecisionField(_("date of birth precision"))
    extractor_version = models.CharField(_("extractor version"), max_length=40)
    status = models.CharField(
        _("status"), max_length=8, choices=DraftStatus.choices, default=DraftStatus.PENDING
    )
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ingest_drafts",
        help_text=_("The record the accepted facts were written to"),
        verbose_name=_("detainee"),
    )
    reject_reason = models.TextField(_("reject reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        ordering = ["created_at", "id"]
        permissions = [("review_draft", "Can accept or reject drafts from articles")]
        constraints = [
            _choices_constraint("status", DraftStatus, "draft"),
            partial_date_constraint("date_of_birth", "draft"),
            models.UniqueConstraint(fields=["article", "person_key"], name="draft_person_unique"),
            models.CheckConstraint(
                condition=~Q(status=DraftStatus.REJECTED) | ~Q(reject_reason=""),
                name="draft_rejection_has_reason",
            ),
        ]
        indexes = [
            # Serves the review queue: pending drafts, oldest first.
            models.Index(fields=["status", "created_at"], name="draft_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (article {self.article_id})"

    @property
    def birth_date(self):
        return partial_date(self, "date_of_birth")


class DraftFact(models.Model):
    """One fact of a draft, with the sentence it came from and what became of it."""

    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="facts", verbose_name=_("draft")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FactKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    value = models.JSONField(_("value"), default=dict, help_text=_("As the reviewer left it"))
    extracted_value = models.JSONField(
        _("extracted value"), default=dict, help_text=_("As the extractor proposed it")
    )
    # Half-open [start, end) character ranges into Article.text.
    spans = models.JSONField(_("spans"), default=list)
    quote = models.TextField(_("quote"), blank=True)
    decision = models.CharField(
        _("decision"), max_length=8, choices=FactDecision.choices, default=FactDecision.PENDING
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # What accepting it wrote, e.g. ("cases.charge", 12).
    record_type = models.CharField(_("record type"), max_length=40, blank=True)
    record_id = models.BigIntegerField(_("record id"), null=True, blank=True)

    class Meta:
        verbose_name = _("draft fact")
        verbose_name_plural = _("draft facts")
        ordering = ["draft", "position", "id"]
        constraints = [
            _choices_constraint("kind", FactKind, "draft_fact"),
            _choices_constraint("decision", FactDecision, "draft_fact"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_edited(self) -> bool:
        return self.value != self.extracted_value

    @property
    def note_display(self) -> str:
        """The note in the reader's language. The extractor's note names what its value
        lacks, worded in English when it was written: the value is checked again and the
        same finding worded for the reader."""
        from django.utils import translation

        from cases.errors import DomainError

        from .facts import clean_value
        from .reasons import reason_display

        if not self.note:
            return ""
        try:
            with translation.override("en"):
                clean_value(self.kind, self.extracted_value)
        except DomainError as exc:
            if exc.message == self.note:
                try:
                    clean_value(self.kind, self.extracted_value)
                except DomainError as again:
                    return again.message
        if self.note in ("draft rejected",):
            return reason_display(self.note)
        return self.note


class MatchJudgement(models.Model):
    """A reviewer's word that a name from the news is, or is not, a detainee on record.

    Written when a draft is merged into someone (is), accepted as a new person while
    candidates were offered (is not, for each of them), or with an explicit "not this
    person". A "not" keeps that name and detainee out of the top match tier afterwards.
    Append-only: the latest judgement on a pair is the one that counts.
    """

    name = models.CharField(_("name"), max_length=200, help_text=_("The name as the draft gave it"))
    # `cases.names.fold` of the name: the same spelling in any case or accents.
    name_key = models.CharField(_("name key"), max_length=200, editable=False)
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.CASCADE,
        related_name="match_judgements",
        verbose_name=_("detainee"),
    )
    verdict = models.CharField(_("verdict"), max_length=9, choices=MatchVerdict.choices)
    draft = models.ForeignKey(
        Draft,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="judgements",
        verbose_name=_("draft"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    # Written by accepting the draft (undone with it), not by an explicit "not this person".
    from_accept = models.BooleanField(_("from accept"), default=False)

    objects = MatchJudgementQuerySet.as_manager()

    class Meta:
        verbose_name = _("match judgement")
        verbose_name_plural = _("match judgements")
        ordering = ["decided_at", "id"]
        constraints = [
            _choices_constraint("verdict", MatchVerdict, "match_judgement"),
            models.CheckConstraint(condition=~Q(name_key=""), name="match_judgement_has_name"),
        ]
        indexes = [
            # Serves matching: the judgements on a draft's spellings, per candidate.
            models.Index(fields=["name_key", "detainee"], name="match_judgement_name_idx"),
        ]

    def __str__(self) -> str:
        return f"“{self.name}” {self.get_verdict_display().lower()} {self.detainee_id}"
