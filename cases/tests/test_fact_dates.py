"""Charges, name variants and nationalities carry the date they speak of: the event date
when the source gives one, else the source's publication date; the earliest report wins,
a finer date inside it refines it; the migration dates existing rows from their sources;
the API shows the date."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from rest_framework.test import APIClient

from cases import services
from cases.models import Charge, NameVariant, Nationality
from cases.partial_dates import PartialDate, earliest, parse
from cases.tests.factories import CaseFactory, DetaineeFactory, SourceFactory

pytestmark = pytest.mark.django_db


def source(published: str):
    date = parse(published)
    return SourceFactory(published_on=date.value, published_on_precision=date.precision)


def as_of(row) -> str | None:
    row.refresh_from_db()
    return row.reported_as_of.isoformat() if row.reported_as_of else None


def test_earliest_keeps_the_first_report_and_refines_inside_it():
    assert earliest(parse("2021-03"), parse("2019")).isoformat() == "2019"
    assert earliest(parse("2019"), parse("2021-03")).isoformat() == "2019"
    assert earliest(parse("2016"), parse("2016-10-05")).isoformat() == "2016-10-05"
    assert earliest(parse("2016-10-05"), parse("2016")).isoformat() == "2016-10-05"
    assert earliest(None, parse("2016")).isoformat() == "2016"


def test_a_charge_is_dated_by_its_source_and_its_earliest_report():
    case = CaseFactory()
    charge = services.charge_add(case=case, description="wire fraud", source=source("2021-03"))
    assert as_of(charge) == "2021-03"
    services.charge_add(case=case, description="wire fraud", source=source("2022-01-05"))
    assert as_of(charge) == "2021-03"  # a later article repeats it
    services.charge_add(case=case, description="wire fraud", source=source("2019-11-20"))
    assert as_of(charge) == "2019-11-20"  # known since an earlier one
    # The text gives the date it was brought.
    services.charge_add(
        case=case, description="wire fraud", as_of=parse("2019-06"), source=source("2023")
    )
    assert as_of(charge) == "2019-06"


def test_names_and_nationalities_are_dated_by_their_source():
    detainee = DetaineeFactory()
    variant = services.name_variant_add(detainee=detainee, name="Seleznev", source=source("2014"))
    nationality = services.nationality_add(detainee=detainee, country="RU", source=source("2014"))
    assert (as_of(variant), as_of(nationality)) == ("2014", "2014")
    services.name_variant_add(detainee=detainee, name="seleznev", source=source("2014-07-07"))
    assert as_of(variant) == "2014-07-07"  # finer, inside 2014


def test_a_caseworkers_entry_without_a_source_is_dated_the_day_it_is_made():
    detainee = DetaineeFactory()
    nationality = services.nationality_add(detainee=detainee, country="UA")
    assert as_of(nationality) == dt.date.today().isoformat()


def test_the_migration_dates_existing_rows_from_their_sources():
    detainee = DetaineeFactory()
    case = CaseFactory(detainee=detainee)
    charge = services.charge_add(case=case, description="hacking", source=source("2018-05"))
    services.charge_add(case=case, description="hacking", source=source("2017-02-01"))
    variant = services.name_variant_add(detainee=detainee, name="Nikulin", source=source("2020"))
    entered = services.nationality_add(detainee=detainee, country="RU")
    # As the rows stood before the dates existed.
    for model in (Charge, NameVariant, Nationality):
        model._base_manager.update(as_of=None, as_of_precision="")
    migration = importlib.import_module(
        "cases.migrations.0013_dates_of_charges_names_and_nationalities"
    )
    migration.date_from_sources(apps, None)
    assert as_of(charge) == "2017-02-01"
    assert as_of(variant) == "2020"
    # No source: the day it was entered, from its history.
    assert (
        as_of(entered) == entered.history.earliest("history_date").history_date.date().isoformat()
    )


def test_the_api_shows_the_date_of_each(viewer):
    detainee = DetaineeFactory()
    case = CaseFactory(detainee=detainee)
    services.charge_add(case=case, description="hacking", source=source("2017-02-01"))
    services.name_variant_add(detainee=detainee, name="Nikulin", source=source("2016-10"))
    services.nationality_add(detainee=detainee, country="RU", source=source("2016"))
    client = APIClient()
    client.force_authenticate(viewer)
    data = client.get(f"/api/v1/detainees/{detainee.pk}/").json()
    assert data["cases"][0]["charges"][0]["as_of"] == "2017-02-01"
    assert {v["name"]: v["as_of"] for v in data["name_variants"]}["Nikulin"] == "2016-10"
    assert data["nationalities"] == [{"code": "RU", "name": "Russia", "as_of": "2016"}]
    charges = client.get("/api/v1/charges/", {"case": case.pk}).json()["results"]
    assert [c["as_of"] for c in charges] == ["2017-02-01"]


def test_a_charge_date_given_through_the_api_is_kept(caseworker):
    case = CaseFactory()
    client = APIClient()
    client.force_authenticate(caseworker)
    response = client.post(
        "/api/v1/charges/",
        {"case": case.pk, "description": "espionage", "as_of": "2022-03"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["as_of"] == "2022-03"
    assert PartialDate.of(dt.date(2022, 3, 1), "month") == Charge.objects.get().reported_as_of
