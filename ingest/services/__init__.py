"""Writes of the ingest app: taking articles in, moving them through their states, turning
extraction results into drafts, and accepting or rejecting drafts.

Each responsibility has its module; this package re-exports their public names, so that
callers write `from ingest import services` and `services.draft_accept(...)`.
"""

from .acceptance import (
    FactErrors,
    MergeNotConfirmed,
    accept_label,
    article_source,
    draft_accept,
    draft_undo,
    undo_label,
)
from .article_states import (
    article_claim,
    article_retry_due,
    article_transition,
    articles_requeue_stale,
)
from .fact_writer import UNNAMED_VISITOR
from .feeds import feed_poll, feed_register
from .processing import article_fail, article_process, drafts_sync
from .review_decisions import draft_not_this_person, draft_reject, match_judgement_record
from .submission import (
    UPLOAD_EXTENSIONS,
    DuplicateArticle,
    article_reextract,
    article_submit_content,
    article_submit_file,
    article_submit_text,
    article_submit_upload,
    article_submit_url,
)

__all__ = [
    "UNNAMED_VISITOR",
    "UPLOAD_EXTENSIONS",
    "DuplicateArticle",
    "FactErrors",
    "MergeNotConfirmed",
    "accept_label",
    "article_claim",
    "article_fail",
    "article_process",
    "article_reextract",
    "article_retry_due",
    "article_source",
    "article_submit_content",
    "article_submit_file",
    "article_submit_text",
    "article_submit_upload",
    "article_submit_url",
    "article_transition",
    "articles_requeue_stale",
    "draft_accept",
    "draft_not_this_person",
    "draft_reject",
    "draft_undo",
    "drafts_sync",
    "feed_poll",
    "feed_register",
    "match_judgement_record",
    "undo_label",
]
