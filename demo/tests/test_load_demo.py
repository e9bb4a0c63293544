from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command

from cases.models import Detainee, Extradition, Sentence

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in ("cases", "consular", "auth")
        for model in apps.get_app_config(app).get_models()
    }


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", count=20, verbosity=0)
    first = row_counts()
    call_command("load_demo", count=20, verbosity=0)
    assert row_counts() == first
    assert first["cases.Detainee"] == 25


def test_reported_facts_are_recorded_with_their_sources():
    call_command("load_demo", count=0, verbosity=0)
    seleznyov = Detainee.objects.search("Seleznev").get()
    assert seleznyov.full_name == "Roman Seleznyov"
    assert [n.country.code for n in seleznyov.nationalities.all()] == ["RU"]
    sentence = Sentence.objects.get(case__detainee=seleznyov)
    assert (sentence.term_years, sentence.fine_amount, sentence.fine_currency) == (
        27,
        Decimal("170000000"),
        "USD",
    )
    assert sentence.sentenced.isoformat() == "2017-04-21"
    assert sentence.sources.get().outlet == "TASS"
    assert seleznyov.custody_periods.get().facility.locality == "Butner, North Carolina"
    visit = seleznyov.consular_visits.get()
    assert "Antonov" in visit.visitors

    ukrainsky = Detainee.objects.search("Ukrainsky").get()
    extradition = Extradition.objects.get(detainee=ukrainsky)
    assert (extradition.from_country.code, extradition.to_country.code) == ("TH", "US")
    assert extradition.surrendered.isoformat() == "2022-06"
    assert {v.visited.isoformat() for v in ukrainsky.consular_visits.all()} == {"2023-04-26"}
    for name in ("Legkodymov", "Klyushin", "Butina"):
        assert Detainee.objects.search(name).count() == 1


def test_generated_caseload_has_a_spread(django_assert_max_num_queries):
    call_command("load_demo", count=60, verbosity=0, no_users=True)
    statuses = set(Detainee.objects.values_list("status", flat=True))
    assert len(statuses) >= 5
    assert Extradition.objects.count() >= 5


def test_the_demo_caseworker_has_a_caseload_with_tasks():
    from casework.models import Assignment, Task

    call_command("load_demo", count=30, verbosity=0)
    held = Assignment.objects.current().filter(caseworker__username="caseworker").count()
    assert held > 0 and Task.objects.filter(assignee__username="caseworker").exists()
    call_command("load_demo", count=30, verbosity=0)
    assert Assignment.objects.count() == held


def test_the_demo_has_cited_official_figures_beside_the_records_count(client):
    from django.contrib.auth import get_user_model

    from figures.constants import Definition
    from figures.counting import record_count
    from figures.models import OfficialFigure

    call_command("load_demo", count=60, verbosity=0)
    call_command("load_demo", count=60, verbosity=0)
    figures = list(OfficialFigure.objects.all())
    assert len(figures) >= 3
    assert {f.definition for f in figures} == set(Definition.values)
    for figure in figures:
        assert figure.said_by and figure.said_on and (figure.source_url or figure.source_document)

    client.force_login(get_user_model().objects.get(username="viewer"))
    html = client.get("/dashboard/").content.decode()
    table = html[html.index('data-testid="official-figures"') :]
    table = table[: table.index("</table>")]
    for figure in figures:
        row = table[table.index(f'data-figure="{figure.pk}"') :]
        row = row[: row.index("</tr>")]
        count = record_count(
            definition=figure.definition,
            nationality=figure.nationality.code,
            country=figure.country.code,
            since_year=figure.since_year,
            detainees=Detainee.objects.all(),
        )
        assert figure.said_by in row
        assert f'data-testid="record-count">{count}<' in row
    # The record holds people for the US figures: the comparison is not of nothing.
    held_in_us = OfficialFigure.objects.get(definition=Definition.HELD_IN, country="US")
    assert f'data-figure="{held_in_us.pk}"' in table
