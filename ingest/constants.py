"""Choices of the ingest app and the article state machine."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleOrigin(models.TextChoices):
    PASTE = "paste", _("Pasted text")
    UPLOAD = "upload", _("Uploaded file")
    URL = "url", _("Submitted URL")
    FEED = "feed", _("Feed item")


class ArticleState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    FETCHING = "fetching", _("Fetching")
    EXTRACTING = "extracting", _("Extracting")
    READY = "ready", _("Ready for review")
    REVIEWED = "reviewed", _("Reviewed")
    NOT_EXTRACTED = "not_extracted", _("Not extracted")
    FAILED = "failed", _("Failed")


# Which state may follow which. Every change goes through `services.article_transition` or a
# conditional UPDATE that names its allowed sources, and leaves an ArticleEvent behind.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    ArticleState.QUEUED: frozenset(
        {ArticleState.FETCHING, ArticleState.EXTRACTING, ArticleState.FAILED}
    ),
    ArticleState.FETCHING: frozenset(
        {ArticleState.EXTRACTING, ArticleState.QUEUED, ArticleState.FAILED}
    ),
    ArticleState.EXTRACTING: frozenset(
        {
            ArticleState.READY,
            ArticleState.REVIEWED,
            ArticleState.NOT_EXTRACTED,
            ArticleState.QUEUED,
            ArticleState.FAILED,
        }
    ),
    ArticleState.READY: frozenset({ArticleState.REVIEWED, ArticleState.QUEUED}),
    ArticleState.REVIEWED: frozenset({ArticleState.READY, ArticleState.QUEUED}),
    ArticleState.NOT_EXTRACTED: frozenset({ArticleState.QUEUED}),
    ArticleState.FAILED: frozenset({ArticleState.QUEUED}),
}

# States a worker is busy in; a claim older than INGEST_CLAIM_TIMEOUT_SECONDS may be taken over.
BUSY_STATES = (ArticleState.FETCHING, ArticleState.EXTRACTING)


class DraftStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class FactKind(models.TextChoices):
    NAME = "name", _("Name")
    NAME_VARIANT = "name_variant", _("Name variant")
    NATIONALITY = "nationality", _("Nationality")
    STATUS = "status", _("Status")
    DETAINING_COUNTRY = "detaining_country", _("Detaining country")
    ARREST = "arrest", _("Arrest")
    FACILITY = "facility", _("Facility")
    CHARGE = "charge", _("Charge")
    MAX_PENALTY = "max_penalty", _("Maximum penalty")
    SENTENCE = "sentence", _("Sentence")
    EXTRADITION = "extradition", _("Extradition")
    CONSULAR_VISIT = "consular_visit", _("Consular visit")


# The order facts are written in when a draft is accepted: a case before its charges, charges
# before the maximum penalty that applies to them.
FACT_WRITE_ORDER = (
    FactKind.NAME,
    FactKind.NAME_VARIANT,
    FactKind.NATIONALITY,
    FactKind.STATUS,
    FactKind.DETAINING_COUNTRY,
    FactKind.ARREST,
    FactKind.FACILITY,
    FactKind.CHARGE,
    FactKind.MAX_PENALTY,
    FactKind.SENTENCE,
    FactKind.EXTRADITION,
    FactKind.CONSULAR_VISIT,
)


class FactDecision(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


LANGUAGES_EXTRACTED = ("en", "ru")


class MatchVerdict(models.TextChoices):
    SAME = "same", _("Is this person")
    DIFFERENT = "different", _("Is not this person")


class MatchTier(models.TextChoices):
    SAME = "same", _("Same person")
    POSSIBLE = "possible", _("Possible")
