"""Reads of the ingest app; every view starts from one of these methods."""

from django.db import models
from django.db.models import Count, Q

from cases.models import Detainee
from cases.querysets import is_admin, of_visible_detainees


def _can(user, codename: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(f"ingest.{codename}"))


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ArticleQuerySet":
        """Articles are shared by everyone who works on ingest (caseworkers, reviewers,
        admins); other roles see none."""
        return self if _can(user, "view_article") else self.none()

    def with_draft_counts(self, user) -> "ArticleQuerySet":
        """Annotates `draft_count` and `pending_draft_count`, counting only the drafts that
        `user` may see (see DraftQuerySet.visible_to)."""
        from .constants import DraftStatus

        pending = Q(drafts__status=DraftStatus.PENDING)
        if is_admin(user):
            seen = None
        else:
            visible = Detainee.objects.visible_to(user)
            seen = Q(drafts__detainee__isnull=True) | Q(drafts__detainee__in=visible)
        return self.annotate(
            draft_count=Count("drafts", filter=seen, distinct=True),
            pending_draft_count=Count(
                "drafts", filter=pending & seen if seen else pending, distinct=True
            ),
        )

    def in_state(self, *states: str) -> "ArticleQuerySet":
        return self.filter(state__in=states)


class DraftQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DraftQuerySet":
        """Drafts are shared like articles, except that a draft written (partly) to a
        detainee belongs to that person's record: it is seen only by those who see them."""
        if not _can(user, "view_draft"):
            return self.none()
        return of_visible_detainees(self, user, "detainee", or_none=True)

    def awaiting_review(self) -> "DraftQuerySet":
        """Drafts nobody has accepted or rejected yet, oldest first: the review queue.
        `Draft.objects.awaiting_review().count()` is the number the navigation shows."""
        from .constants import DraftStatus

        return self.filter(status=DraftStatus.PENDING).order_by("created_at", "id")


class FeedQuerySet(models.QuerySet):
    def active(self) -> "FeedQuerySet":
        return self.filter(is_active=True)


class MatchJudgementQuerySet(models.QuerySet):
    def for_names(self, name_keys) -> "MatchJudgementQuerySet":
        """Judgements on any of these folded spellings, latest last."""
        return self.filter(name_key__in=list(name_keys)).order_by("decided_at", "id")
