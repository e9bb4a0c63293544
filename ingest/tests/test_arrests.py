"""An arrest read from an article, reviewed, accepted onto the case it began, and counted in
days in custody. Invented people and places."""

import datetime as dt

import pytest
import time_machine

from cases import services as case_services
from cases.errors import DomainError
from cases.models import Case
from cases.partial_dates import parse
from ingest import services
from ingest.constants import ArticleState, FactKind

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Published: 2019-05-10\n\n"
    "Swedish programmer held in the United States\n\n"
    "Swedish programmer Oskar Lindqvist was arrested in Prague in October 2016 at the request "
    "of US prosecutors. He was extradited from the Czech Republic to the United States "
    "in March 2018 and is held in a federal jail in Seattle, where he faces charges of fraud."
)


@pytest.fixture
def draft():
    article = ArticleFactory(state=ArticleState.QUEUED, text=TEXT, text_hash="lindqvist")
    services.article_process(article_id=article.pk)
    return article.drafts.get()


def test_the_arrest_is_a_draft_fact_with_its_evidence(draft):
    arrest = draft.facts.get(kind=FactKind.ARREST)
    assert arrest.value == {
        "date": "2016-10",
        "country": "CZ",
        "place": "Prague",
        "requested_by": "US",
    }
    assert arrest.quote.startswith("Swedish programmer Oskar Lindqvist was arrested in Prague")
    assert not arrest.note


def test_an_accepted_arrest_sits_on_the_requesting_countrys_case_and_counts_days(
    client, draft, reviewer, caseworker
):
    services.draft_accept(draft=draft, user=reviewer)
    draft.refresh_from_db()
    case = draft.detainee.cases.get()
    assert case.country == "US"
    assert (case.arrested.isoformat(), case.arrest_place) == ("2016-10", "Prague")
    assert (case.arrest_country, case.arrest_requested_by) == ("CZ", "US")
    arrest = draft.facts.get(kind=FactKind.ARREST)
    assert (arrest.record_type, arrest.record_id) == ("cases.case", case.pk)
    assert case.citations.get().source == draft.article.source

    client.force_login(caseworker)
    with time_machine.travel(dt.datetime(2019, 5, 10, 12), tick=False):
        html = client.get(f"/detainees/{draft.detainee_id}/").content.decode()
    days = (dt.date(2019, 5, 10) - dt.date(2016, 10, 1)).days
    cell = html[html.index('data-testid="days-in-custody"') :][:200]
    assert f">{days} <small>(about; since October 2016)" in cell


def test_the_reviewer_can_correct_the_arrest_before_accepting(draft, reviewer):
    arrest = draft.facts.get(kind=FactKind.ARREST)
    services.draft_accept(
        draft=draft,
        user=reviewer,
        edits={arrest.pk: {"date": "2016-10-05", "place": "Prague, Hotel Adria"}},
    )
    case = Case.objects.get()
    assert case.arrested.isoformat() == "2016-10-05"
    assert case.arrest_place == "Prague, Hotel Adria"


def test_an_arrest_with_neither_date_nor_place_is_refused(draft, reviewer):
    arrest = draft.facts.get(kind=FactKind.ARREST)
    with pytest.raises(services.FactErrors) as failed:
        services.draft_accept(
            draft=draft, user=reviewer, edits={arrest.pk: {"date": "", "place": ""}}
        )
    assert failed.value.errors == {arrest.pk: {"date": "Arrest: give when or where it was made."}}


class TestCaseArrestRecord:
    @pytest.fixture
    def case(self):
        person = case_services.detainee_create(full_name="Oskar Lindqvist")
        return case_services.case_open(detainee=person, country="US")

    def test_fills_in_what_the_record_lacks_and_makes_a_date_more_precise(self, case):
        case_services.case_arrest_record(case=case, arrested=parse("2016-10"), country="CZ")
        case_services.case_arrest_record(
            case=case, arrested=parse("2016-10-05"), place="Prague", requested_by="US"
        )
        case_services.case_arrest_record(case=case, arrested=parse("2016"))
        case.refresh_from_db()
        assert case.arrested.isoformat() == "2016-10-05"
        assert (case.arrest_country, case.arrest_place, case.arrest_requested_by) == (
            "CZ",
            "Prague",
            "US",
        )

    @pytest.mark.parametrize(
        ("report", "field"),
        [
            ({"arrested": parse("2017-02")}, "date"),
            ({"country": "AT"}, "country"),
            ({"place": "Brno"}, "place"),
            ({"country": "US", "requested_by": "US"}, "requested_by"),
        ],
    )
    def test_refuses_a_report_that_contradicts_the_record(self, case, report, field):
        case_services.case_arrest_record(
            case=case, arrested=parse("2016-10"), country="CZ", place="Prague"
        )
        with pytest.raises(DomainError) as refused:
            case_services.case_arrest_record(case=case, **report)
        assert refused.value.field == field
        case.refresh_from_db()
        assert (case.arrested.isoformat(), case.arrest_country, case.arrest_place) == (
            "2016-10",
            "CZ",
            "Prague",
        )
