"""Every column that an API filter or a statistic selects on leads some index."""

import pytest
from django.db import models

from cases.models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    DetaineeCitation,
    Extradition,
    Facility,
    NameVariant,
    Nationality,
    Sentence,
    Source,
)
from consular.models import ConsularVisit

FILTERED_COLUMNS = [
    (Detainee, "status"),  # ?status=, stats by status
    (Detainee, "assigned_caseworker"),  # ?assigned_caseworker=, ?mine=
    (Detainee, "search_key"),  # ?search=
    (NameVariant, "search_key"),  # ?search= through variants
    (NameVariant, "detainee"),
    (Nationality, "country"),  # ?nationality=, every statistic
    (Case, "country"),  # ?detaining_country=, held by country
    (Case, "arrested_on"),  # ?arrested_from/_to=
    (Case, "detainee"),
    (CustodyPeriod, "facility"),  # ?facility=, facilities holding the most
    (CustodyPeriod, "detainee"),
    (Charge, "category"),  # ?charge_category=, charges by category
    (Charge, "case"),
    (Sentence, "sentenced_on"),  # ?sentenced_from/_to=, sentence statistics
    (Sentence, "case"),
    (Extradition, "surrendered_on"),  # ?extradited_from/_to=
    (Extradition, "from_country"),  # extraditions by surrendering country
    (Extradition, "detainee"),
    (Extradition, "case"),
    (ConsularVisit, "visited_on"),  # ?visited_from/_to=, visits per month
    (ConsularVisit, "detainee"),  # ?no_visit_since=, overdue
    (ConsularVisit, "facility"),
    (Facility, "country"),
    (DetaineeCitation, "detainee"),  # sources ?detainee=
    (Source, "url"),
    (Case, "status"),  # cases ?status=
    (Extradition, "status"),  # extraditions ?status=, extradition statistics (surrendered)
    (ConsularVisit, "outcome"),  # visits ?outcome=, visits per month (completed)
]


def leading_columns(model: type[models.Model]) -> set[str]:
    meta = model._meta
    leads = {index.fields[0].lstrip("-") for index in meta.indexes if index.fields}
    leads |= {
        constraint.fields[0]
        for constraint in meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields
    }
    for field in meta.concrete_fields:
        if field.db_index or field.unique or field.primary_key:
            leads.add(field.name)
    return leads


@pytest.mark.parametrize(("model", "column"), FILTERED_COLUMNS)
def test_filtered_column_is_indexed(model, column):
    assert column in leading_columns(model), f"{model.__name__}.{column} has no index"
