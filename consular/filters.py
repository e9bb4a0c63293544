"""Query-string filters of the visit list."""

from django.db.models import Exists, OuterRef

from cases.filters import (
    ChoicesFilter,
    CountryCodeFilter,
    DateRangeFilterSet,
    VisibleDetaineeFilter,
    date_from,
    date_to,
)
from cases.models import Nationality

from .constants import VisitOutcome
from .models import ConsularVisit


class VisitFilter(DateRangeFilterSet):
    detainee = VisibleDetaineeFilter()
    outcome = ChoicesFilter(choices=VisitOutcome.choices)
    nationality = CountryCodeFilter(method="filter_nationality", help_text="Of the detainee")
    visited_from = date_from("Visited")
    visited_to = date_to("Visited")

    date_ranges = {"visited": ("visited_on", lambda queryset, q: queryset.filter(q))}

    class Meta:
        model = ConsularVisit
        fields = ["detainee", "facility"]

    def filter_nationality(self, queryset, name, value: str):
        return queryset.filter(
            Exists(Nationality.objects.filter(detainee=OuterRef("detainee"), country=value))
        )
