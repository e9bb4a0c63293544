"""Reads of the case domain. Every view reads through one of these methods, so that who
may see what is decided in one place."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery

from . import names

ADMIN_GROUP = "admin"


def _is_admin(user) -> bool:
    # Asked several times per request (each queryset through the door): once per user object.
    cached = getattr(user, "_is_case_admin", None)
    if cached is None:
        cached = bool(user.is_superuser or user.groups.filter(name=ADMIN_GROUP).exists())
        user._is_case_admin = cached
    return cached


def is_admin(user) -> bool:
    """Administrators see every case, restricted or not."""
    return bool(user and user.is_authenticated and _is_admin(user))


def of_visible_detainees(
    queryset: models.QuerySet, user, path: str, *, or_none: bool = False
) -> models.QuerySet:
    """The rows of `queryset` whose detainee, reached through `path` (e.g.
    "case__detainee"), `user` may see: the one door for every record about a person.
    With `or_none`, rows tied to no detainee at all are kept too."""
    if not user or not user.is_authenticated:
        return queryset.none()
    if _is_admin(user):
        return queryset
    from .models import Detainee  # defined after this module

    condition = Q(**{f"{path}__in": Detainee.objects.visible_to(user)})
    if or_none:
        condition |= Q(**{f"{path}__isnull": True})
    return queryset.filter(condition)


class VersionedQuerySet(models.QuerySet):
    """For models with a `version` column (cases.models.VersionedModel)."""

    def update(self, **kwargs) -> int:
        # A bulk write (closing custody periods, bulk_update) changes rows as much as a
        # save does: their ETags must go stale too.
        kwargs.setdefault("version", F("version") + 1)
        return super().update(**kwargs)


class ArchivableQuerySet(VersionedQuerySet):
    def archived(self) -> "ArchivableQuerySet":
        return self.filter(archived_at__isnull=False)


_archived_included: ContextVar[bool] = ContextVar("archived_included", default=False)


@contextmanager
def archived_included() -> Iterator[None]:
    """Querysets made by default managers inside the block keep archived rows: for the
    admin, which builds its querysets through Django's own code (and any restriction a
    base class adds) yet must still reach archived records."""
    token = _archived_included.set(True)
    try:
        yield
    finally:
        _archived_included.reset(token)


class LiveManager(models.Manager):
    """The default manager of a case record that can be archived: archived rows are left
    out of every read that starts from it (lists, pages, statistics, related managers,
    prefetches). `all_objects` reads them too; foreign keys and PROTECT checks see every
    row (Django's base manager)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if _archived_included.get():
            return queryset
        return queryset.filter(archived_at__isnull=True)


class DetaineeQuerySet(ArchivableQuerySet):
    def visible_to(self, user) -> "DetaineeQuerySet":
        """Everyone with an account reads unrestricted cases; a restricted case is seen
        only by its assigned caseworker and by administrators."""
        if not user or not user.is_authenticated:
            return self.none()
        if _is_admin(user):
            return self
        return self.filter(Q(is_restricted=False) | Q(assigned_caseworker=user))

    def search(self, query: str) -> "DetaineeQuerySet":
        """Finds a detainee by any spelling of any of their names, in any script.

        Each word of the query must start a word of the full name, of the name in the
        original script, or of one recorded name variant.
        """
        terms = names.query_terms(query)
        if not terms:
            return self
        from .models import NameVariant  # the variant table is defined after this class

        on_detainee = Q()
        for term in terms:
            on_detainee &= Q(search_key__contains=term)
        variant_filter = Q(detainee=OuterRef("pk"))
        for term in terms:
            variant_filter &= Q(search_key__contains=term)
        on_variant = Exists(NameVariant.objects.filter(variant_filter))
        return self.filter(on_detainee | on_variant)

    def with_last_visit(self) -> "DetaineeQuerySet":
        """Annotates `last_visit_on`: the date of the latest completed consular visit, or
        None; an undated visit counts from the date it was reported
        (`ConsularVisitQuerySet.with_counted_date`). Visits are reached through the reverse
        relation: this app does not import the consular app."""
        visits = self.model._meta.get_field("consular_visits").related_model.objects
        latest = (
            visits.completed()
            .with_counted_date()
            .filter(detainee=OuterRef("pk"))
            .order_by("-counted_on", "-id")
            .values("counted_on")[:1]
        )
        return self.annotate(last_visit_on=Subquery(latest))

    def held(self) -> "DetaineeQuerySet":
        from .constants import HELD_STATUSES

        return self.filter(status__in=HELD_STATUSES)


class SourceQuerySet(VersionedQuerySet):
    def for_url(self, url: str) -> "SourceQuerySet":
        return self.filter(url=url) if url else self.none()
