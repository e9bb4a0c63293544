"""Reads of the case domain. Every view reads through one of these methods, so that who
may see what is decided in one place."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest

from . import names

ADMIN_GROUP = "admin"


def _is_admin(user) -> bool:
    # Asked several times per request (each queryset through the door): once per user object.
    cached = getattr(user, "_is_case_admin", None)
    if cached is None:
        remember_admin(user, user.is_superuser or user.groups.filter(name=ADMIN_GROUP).exists())
        cached = user._is_case_admin
    return cached


def admin_flag(user_path: str) -> Exists:
    """Whether the user reached through `user_path` is in the administrators' group, as an
    expression, so that it is read in the query that reads the user (`remember_admin`)."""
    from django.contrib.auth.models import Group

    return Exists(Group.objects.filter(user=OuterRef(user_path), name=ADMIN_GROUP))


def remember_admin(user, in_admin_group: bool) -> None:
    """Keeps what `admin_flag` read on the user object, where `is_admin` looks first."""
    user._is_case_admin = bool(user.is_superuser or in_admin_group)


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

    if not or_none:
        return queryset.filter(**{f"{path}__in": Detainee.objects.visible_to(user)})
    # Under an OR, PostgreSQL cannot turn `IN (visible people)` into a join: it hashes every
    # visible person (about 100 ms at 100,000 people) as soon as a row needs the test. With
    # the cheap test first, rows tied to nobody (most drafts in the review queue) never need
    # it, and the rest are tested by EXISTS, an index probe each, or that hash.
    visible = Detainee.objects.visible_to(user).filter(pk=OuterRef(path))
    return queryset.filter(Q(**{f"{path}__isnull": True}) | Q(Exists(visible)))


class NameSimilarity(models.Func):
    """How well a name matches a query, 0 to 1. On PostgreSQL pg_trgm's
    `strict_word_similarity` (trigrams of the query against the best run of whole words of
    the name); elsewhere `names.similarity`, registered with each SQLite connection as
    `name_similarity` (cases.apps)."""

    function = "name_similarity"
    output_field = models.FloatField()
    arity = 2

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="strict_word_similarity", **extra_context)


class VersionedQuerySet(models.QuerySet):
    """For models with a `version` column (cases.models.VersionedModel)."""

    def update(self, **kwargs) -> int:
        # A bulk write (closing custody periods, bulk_update) changes rows as much as a
        # save does: their ETags must go stale too.
        kwargs.setdefault("version", F("version") + 1)
        return super().update(**kwargs)


class LaterOf(models.Func):
    """The later of two dates, either of which may be missing (NULL when both are).
    PostgreSQL's GREATEST passes over NULLs; SQLite's two-argument MAX does not, so each
    side falls back on the other there."""

    function = "GREATEST"
    output_field = models.DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        first, second = self.get_source_expressions()
        either = Coalesce(first, second), Coalesce(second, first)
        return models.Func(*either, function="MAX", output_field=self.output_field).as_sql(
            compiler, connection, **extra_context
        )


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
        original script, or of one recorded name variant. The people are found through
        each table's own index (a trigram index on the search keys on PostgreSQL) and the
        two lists joined, rather than by testing every person in turn.
        """
        terms = names.query_terms(query)
        if not terms:
            return self
        from .models import NameVariant  # the variant table is defined after this class

        on_key = Q(*[Q(search_key__contains=term) for term in terms])
        by_name = self.model._base_manager.filter(on_key).order_by().values("pk")
        by_variant = NameVariant.objects.filter(on_key).order_by().values("detainee_id")
        return self.filter(pk__in=by_name.union(by_variant))

    def ranked_by_name(self, query: str) -> "DetaineeQuerySet":
        """Orders people by how well one of their names matches `query`: first those of
        whom a name has every query word as a whole word (same consonant skeleton:
        "Klyushin" before "Kolesnikov", which only starts with it), then by the similarity
        of the best-matching name (`NameSimilarity`: "Tyurin" before "Teterin"), then by
        name. Annotates `name_match_whole` (0 or 1) and `name_match` (0 to 1)."""
        terms = names.query_terms(query)
        if not terms:
            return self
        from .models import NameVariant

        whole = Q(*[Q(search_key__contains=f" {term.strip()} ") for term in terms])
        phrase = names.similarity_query(query)
        best_variant = (
            NameVariant.objects.filter(detainee=OuterRef("pk"))
            .annotate(match=NameSimilarity(Value(phrase), "name"))
            .order_by("-match")
            .values("match")[:1]
        )
        return self.annotate(
            name_match_whole=Case(
                When(
                    whole | Q(Exists(NameVariant.objects.filter(whole, detainee=OuterRef("pk")))),
                    then=1,
                ),
                default=0,
                output_field=models.IntegerField(),
            ),
            name_match=Greatest(
                Coalesce(NameSimilarity(Value(phrase), "full_name"), 0.0),
                Coalesce(NameSimilarity(Value(phrase), "name_original_script"), 0.0),
                Coalesce(Subquery(best_variant, output_field=models.FloatField()), 0.0),
            ),
        ).order_by("-name_match_whole", "-name_match", "full_name", "id")

    def with_last_visit(self) -> "DetaineeQuerySet":
        """Annotates `last_visit_on`: the date of the latest completed consular visit, or
        None; an undated visit counts from the date it was reported
        (`ConsularVisitQuerySet.with_counted_date`). Visits are reached through the reverse
        relations: this app does not import the consular app.

        The latest dated visit is read from the person's `latest_visit` row, which the
        database keeps on every write of a visit (`consular.models.LatestVisit`); only for
        the few with an undated visit is that visit's reported date worked out and the
        later of the two taken. The overdue lists evaluate this for each person they
        consider, several times over: a joined column rather than a search of the visits.
        `with_counted_last_visit` works the same date out from the visits themselves."""
        dated = F("latest_visit__dated_on")
        return self.annotate(
            last_visit_on=Case(
                When(
                    latest_visit__has_undated=True,
                    then=LaterOf(
                        dated,
                        Subquery(self._latest_undated_visit(), output_field=models.DateField()),
                    ),
                ),
                default=dated,
                output_field=models.DateField(),
            )
        )

    def with_counted_last_visit(self) -> "DetaineeQuerySet":
        """Annotates `counted_last_visit_on`: the date `with_last_visit` reads, worked out
        from the visits themselves (the later of the latest dated visit and the latest
        undated one)."""
        visits = self.model._meta.get_field("consular_visits").related_model.objects
        dated = (
            visits.completed()
            .filter(detainee=OuterRef("pk"), visited_on__isnull=False)
            .order_by("-visited_on")
            .values("visited_on")[:1]
        )
        return self.annotate(
            counted_last_visit_on=LaterOf(
                Subquery(dated, output_field=models.DateField()),
                Subquery(self._latest_undated_visit(), output_field=models.DateField()),
            )
        )

    def _latest_undated_visit(self):
        """The date the latest undated completed visit of the outer row's person counts
        from (the publication of its first dated source, else the day it was recorded)."""
        visits = self.model._meta.get_field("consular_visits").related_model.objects
        return (
            visits.completed()
            .filter(detainee=OuterRef("pk"), visited_on__isnull=True)
            .with_counted_date()
            .order_by("-counted_on")
            .values("counted_on")[:1]
        )

    def with_detail_fingerprint(self, person: int) -> "DetaineeQuerySet":
        """Annotates `detail_fingerprint`: a value that changes with any row the detail
        answer of the person with id `person` is made of (`cases.detail_cache`)."""
        from .detail_cache import fingerprint_expression

        return self.annotate(detail_fingerprint=fingerprint_expression(person))

    def held(self) -> "DetaineeQuerySet":
        from .constants import HELD_STATUSES

        return self.filter(status__in=HELD_STATUSES)


class SourceQuerySet(VersionedQuerySet):
    def for_url(self, url: str) -> "SourceQuerySet":
        return self.filter(url=url) if url else self.none()


# One step of a loose index scan: the smallest value of `column` above `after` among the
# rows a user may see. The recursive query below repeats it from the last value found, so
# that a column's distinct values cost one index probe each instead of a pass over every row.
_FIRST_ABOVE = (
    "SELECT t.{column} FROM {table} t WHERE t.{column} > {after} AND {visible} "
    "ORDER BY t.{column} LIMIT 1"
)
_LOOSE_SCAN = (
    "WITH RECURSIVE found(value) AS ("
    " SELECT ({first})"
    " UNION ALL"
    " SELECT ({next}) FROM found WHERE found.value IS NOT NULL"
    ") SELECT value FROM found WHERE value IS NOT NULL"
)


def countries_on_file(user, of: str, *, held: bool = False) -> list[str]:
    """The distinct, non-empty country codes of the live people `user` may see, sorted:
    `of="nationality"` their nationalities, `of="detaining_country"` the country holding
    each now; with `held`, of the people still held only. For the lists' filter options,
    which must name only what finds someone.

    On PostgreSQL a loose index scan (one probe per value, through the nationality and
    holding-country indexes) rather than a DISTINCT over every person; elsewhere, where
    caseloads are small, the plain query. The visibility rule is `visible_to`'s, and a test
    holds the two ways to the same answer."""
    from django.db import connection

    from .models import Detainee, Nationality  # defined after this module

    if of not in ("nationality", "detaining_country"):
        raise ValueError(f"no country list for {of!r}")
    people = Detainee.objects.visible_to(user)
    if held:
        people = people.held()
    if connection.vendor != "postgresql" or not user or not user.is_authenticated:
        if of == "nationality":
            codes = Nationality.objects.filter(detainee__in=people).values_list("country")
        else:
            codes = people.values_list(of)
        return sorted(c for (c,) in codes.order_by().distinct() if c)

    person = Detainee._meta
    archived = person.get_field("archived_at").column
    rule, params = f"{{p}}.{archived} IS NULL", []
    if not _is_admin(user):
        restricted = person.get_field("is_restricted").column
        caseworker = person.get_field("assigned_caseworker").column
        rule += f" AND (NOT {{p}}.{restricted} OR {{p}}.{caseworker} = %s)"
        params = [user.pk]
    if held:
        from .constants import HELD_STATUSES

        status = person.get_field("status").column
        rule += f" AND {{p}}.{status} IN ({', '.join(['%s'] * len(HELD_STATUSES))})"
        params += [str(value) for value in HELD_STATUSES]
    if of == "nationality":
        table, column = Nationality._meta.db_table, Nationality._meta.get_field("country").column
        owner = Nationality._meta.get_field("detainee").column
        # Table and column names come from the models, never from the request.
        visible = f"EXISTS (SELECT 1 FROM {person.db_table} d WHERE d.id = t.{owner} AND {{rule}})"  # noqa: S608
        visible = visible.format(rule=rule.format(p="d"))
    else:
        table, column = person.db_table, person.get_field(of).column
        visible = rule.format(p="t")
    step = {"table": table, "column": column, "visible": visible}
    sql = _LOOSE_SCAN.format(
        first=_FIRST_ABOVE.format(after="''", **step),
        next=_FIRST_ABOVE.format(after="found.value", **step),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params * 2)
        return [value for (value,) in cursor.fetchall()]
