"""Choices of the ingest app and the article state machine."""

from django.db import models


class ArticleOrigin(models.TextChoices):
    PASTE = "paste", "Pasted text"
    UPLOAD = "upload", "Uploaded file"
    URL = "url", "Submitted URL"
    FEED = "feed", "Feed item"


class ArticleState(models.TextChoices):
    QUEUED = "queued", "Queued"
    FETCHING = "fetching", "Fetching"
    EXTRACTING = "extracting", "Extracting"
    READY = "ready", "Ready for review"
    REVIEWED = "reviewed", "Reviewed"
    NOT_EXTRACTED = "not_extracted", "Not extracted"
    FAILED = "failed", "Failed"


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
    PENDING = "pending", "Awaiting review"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class FactKind(models.TextChoices):
    NAME = "name", "Name"
    NAME_VARIANT = "name_variant", "Name variant"
    NATIONALITY = "nationality", "Nationality"
    STATUS = "status", "Status"
    DETAINING_COUNTRY = "detaining_country", "Detaining country"
    ARREST = "arrest", "Arrest"
    FACILITY = "facility", "Facility"
    CHARGE = "charge", "Charge"
    MAX_PENALTY = "max_penalty", "Maximum penalty"
    SENTENCE = "sentence", "Sentence"
    EXTRADITION = "extradition", "Extradition"
    CONSULAR_VISIT = "consular_visit", "Consular visit"


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
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Not accepted"


LANGUAGES_EXTRACTED = ("en", "ru")


class MatchVerdict(models.TextChoices):
    SAME = "same", "Is this person"
    DIFFERENT = "different", "Is not this person"


class MatchTier(models.TextChoices):
    SAME = "same", "Same person"
    POSSIBLE = "possible", "Possible"
