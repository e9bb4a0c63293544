"""Reads of the ingest app; every view starts from one of these methods."""

from django.db import models


def _can(user, codename: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(f"ingest.{codename}"))


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ArticleQuerySet":
        """Articles are shared by everyone who works on ingest (caseworkers, reviewers,
        admins); other roles see none."""
        return self if _can(user, "view_article") else self.none()

    def in_state(self, *states: str) -> "ArticleQuerySet":
        return self.filter(state__in=states)


class DraftQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DraftQuerySet":
        return self if _can(user, "view_draft") else self.none()

    def awaiting_review(self) -> "DraftQuerySet":
        """Drafts nobody has accepted or rejected yet, oldest first: the review queue.
        `Draft.objects.awaiting_review().count()` is the number the navigation shows."""
        from .constants import DraftStatus

        return self.filter(status=DraftStatus.PENDING).order_by("created_at", "id")


class FeedQuerySet(models.QuerySet):
    def active(self) -> "FeedQuerySet":
        return self.filter(is_active=True)
