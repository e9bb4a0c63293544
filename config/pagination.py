"""Counting a long list without reading all of it.

A filtered list of a large record (100,000 people) cannot be counted exactly on every page
view: `count(*)` reads every matching row. A list is counted exactly up to
`settings.EXACT_COUNT_LIMIT` rows (1,000 by default); beyond that, on PostgreSQL, the count
is the planner's estimate of the filtered query's rows (`EXPLAIN`), and the answer says so
(`count_is_estimate` in the API, "about" on the pages). SQLite, for development, always
counts exactly. Pages of an estimated list know whether another page follows by reading one
row more than they show, not from the count.
"""

import json
import math

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Count, QuerySet, Window
from django.utils.functional import cached_property

# The annotation `counted_with_rows` adds: the number of rows the whole query selects.
TOTAL = "listed_total"


def counted_with_rows(queryset: QuerySet) -> QuerySet:
    """`queryset` with every row carrying the number of rows it selects (`COUNT(*) OVER ()`).

    For a list that reads all its matches anyway to order them (a name search ranks every
    match before the first page can be cut), the count is then exact and costs nothing
    more: the first page needs no count query, however many rows match."""
    return queryset.annotate(**{TOTAL: Window(Count("*"))})


def planner_estimate(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the number of rows `queryset` selects, from its plan; None on
    other databases."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def bounded_count(queryset: QuerySet, limit: int) -> tuple[int, bool]:
    """(count, is_estimate): exact when at most `limit` rows match, else the planner's
    estimate, never less than what was counted. Two queries on PostgreSQL whatever the
    size (the plan, then a count that stops after `limit + 1` rows), one elsewhere."""
    estimate = planner_estimate(queryset)
    if estimate is None:
        return queryset.count(), False
    counted = queryset.order_by().values("pk")[: limit + 1].count()
    if counted <= limit:
        return counted, False
    return max(estimate, counted), True


class EstimatedPage(Page):
    """A page of a list whose count is an estimate: it knows from the rows read whether
    another page follows."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more


class BoundedCountPaginator(Paginator):
    """Django's paginator, with the count of `bounded_count`.

    While the count is an estimate, a page number past the estimated last page is not an
    error (the estimate may be low): it is read like any other and may come back empty.
    """

    count_is_estimate = False

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):
            return super().count
        count, self.count_is_estimate = bounded_count(self.object_list, settings.EXACT_COUNT_LIMIT)
        return count

    def validate_number(self, number):
        if self.count and self.count_is_estimate:
            return self._page_number(number)
        return super().validate_number(number)

    def _page_number(self, number) -> int:
        """`number` as a page number, 1 or more, without comparing it with a count."""
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        unread = isinstance(self.object_list, QuerySet) and "count" not in self.__dict__
        if unread and not self.orphans:
            if TOTAL in self.object_list.query.annotations:
                page = self._self_counted_page(number)
                if page is not None:
                    return page
            if str(number) == "1":
                return self._first_page()
        number = self.validate_number(number)
        if not self.count_is_estimate:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        return EstimatedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    def _self_counted_page(self, number):
        """A page of a list whose rows carry their total (`counted_with_rows`): counted
        exactly by its first row, with no count query. None when the page is empty (past
        the end), which the usual path then counts and reports."""
        number = self._page_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if not rows:
            return None
        self.__dict__["count"] = getattr(rows[0], TOTAL)
        self.count_is_estimate = False
        return self._get_page(rows, number, self)

    def _first_page(self):
        """The first page, read before the count with one row more than it shows: a list
        that fits on it (most filtered lists) is counted by that read, with no count
        query."""
        rows = list(self.object_list[: self.per_page + 1])
        if len(rows) <= self.per_page:
            self.__dict__["count"] = len(rows)
            self.count_is_estimate = False
            return self._get_page(rows[: self.per_page], 1, self)
        self.count  # noqa: B018 (counted now: sets count_is_estimate)
        if self.count_is_estimate:
            return EstimatedPage(rows[: self.per_page], 1, self, more=True)
        return self._get_page(rows[: self.per_page], 1, self)

    @property
    def rounded_count(self) -> int:
        """The count to three significant digits (12,345 → 12,300): how an estimate is
        shown, since its last digits mean nothing."""
        count = self.count
        if count < 1000:
            return count
        step = 10 ** (len(str(count)) - 3)
        return round(count / step) * step

    @property
    def num_pages(self) -> int:
        if self.count_is_estimate:
            return max(1, math.ceil(self.count / self.per_page))
        return super().num_pages
