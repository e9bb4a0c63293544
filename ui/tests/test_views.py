"""The caseworker pages through Django's test client: who may see what, what the forms
say when input is wrong, and the detainee list's filters, search, sort and query count."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.constants import ChargeCategory, DetaineeStatus, Priority
from cases.models import Charge, CustodyPeriod, Detainee, Sentence
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    FacilityFactory,
    NationalityFactory,
)
from consular.constants import VisitOutcome
from consular.models import ConsularVisit
from consular.tests.factories import ConsularVisitFactory
from demo.reported_cases import load_reported_cases

pytestmark = pytest.mark.django_db


LIST = reverse("ui:detainee_list")
VISITS = reverse("ui:visits")
DASHBOARD = reverse("ui:dashboard")


@pytest.fixture
def reported():
    load_reported_cases()


@pytest.fixture
def seleznyov(reported):
    from cases.models import Detainee

    return Detainee.objects.get(full_name="Roman Seleznyov")


def signed_in(client, user):
    client.force_login(user)
    return client


def add_url(detainee, kind):
    return reverse("ui:detainee_add", args=[detainee.pk, kind])


# --- Permissions ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ui:home", "ui:detainee_list", "ui:visits", "ui:dashboard"])
def test_anonymous_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_anonymous_detainee_page_is_sent_to_sign_in(client, seleznyov):
    response = client.get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", ["ui:detainee_list", "ui:visits", "ui:dashboard"])
def test_outsider_without_a_role_is_refused(client, outsider, name):
    assert signed_in(client, outsider).get(reverse(name)).status_code == 403


def test_outsider_cannot_open_or_write_a_detainee(client, outsider, seleznyov):
    signed_in(client, outsider)
    assert client.get(reverse("ui:detainee_detail", args=[seleznyov.pk])).status_code == 403
    response = client.post(add_url(seleznyov, "visit"), {"visit-visitors": "Consul X"})
    assert response.status_code == 403
    assert not ConsularVisit.objects.filter(visitors="Consul X").exists()


def test_navigation_shows_user_and_role(client, caseworker):
    html = signed_in(client, caseworker).get(LIST).content.decode()
    assert 'data-testid="current-user">caseworker<' in html
    assert 'data-testid="current-role">caseworker<' in html
    assert "Sign out" in html


def test_sign_in_page_and_sign_out(client, caseworker):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(
        reverse("login"), {"username": "caseworker", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.get(LIST).status_code == 200
    response = client.post(reverse("logout"))
    assert response.status_code in (200, 302)
    assert client.get(LIST).status_code == 302


def test_viewer_sees_no_forms_and_no_sensitive_fields(client, viewer, seleznyov):
    seleznyov.next_of_kin = "Sister, phone on file"
    seleznyov.save()
    html = (
        signed_in(client, viewer)
        .get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
        .content.decode()
    )
    assert "Roman Seleznyov" in html
    assert "health is not very good" not in html
    assert "Sister, phone on file" not in html
    assert 'data-testid="sensitive"' not in html
    assert '<form method="post" action="/detainees/' not in html
    assert "Log a visit" not in html


def test_caseworker_sees_forms_and_sensitive_fields(client, caseworker, seleznyov):
    html = (
        signed_in(client, caseworker)
        .get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
        .content.decode()
    )
    assert "health is not very good" in html
    for kind in ("visit", "charge", "sentence", "custody"):
        assert f'data-testid="form-{kind}"' in html
    assert 'name="visit-observations"' in html


def test_viewer_history_hides_sensitive_changes(client, viewer, caseworker, seleznyov):
    seleznyov.welfare_notes = "Private medical detail"
    seleznyov.save()
    viewer_html = (
        signed_in(client, viewer)
        .get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
        .content.decode()
    )
    assert "welfare / health notes" not in viewer_html
    assert "Private medical detail" not in viewer_html
    worker_html = (
        signed_in(client, caseworker)
        .get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
        .content.decode()
    )
    assert "welfare / health notes" in worker_html


def test_viewer_cannot_post_a_record(client, viewer, seleznyov):
    response = signed_in(client, viewer).post(
        add_url(seleznyov, "visit"),
        {
            "visit-visited_on": "2024-01-05",
            "visit-visitors": "Consul A",
            "visit-kind": "phone",
            "visit-outcome": "completed",
        },
    )
    assert response.status_code == 403
    assert not ConsularVisit.objects.filter(visitors="Consul A").exists()


def test_viewer_sees_no_visit_form_and_cannot_log(client, viewer, seleznyov):
    signed_in(client, viewer)
    html = client.get(VISITS).content.decode()
    assert 'data-testid="form-visit-log"' not in html
    assert "Observations" not in html
    assert client.post(VISITS, {"detainee": seleznyov.pk}).status_code == 403


def test_restricted_detainee_is_not_found_for_others(client, caseworker, other_caseworker):
    hidden = DetaineeFactory(
        full_name="Hidden Person", is_restricted=True, assigned_caseworker=other_caseworker
    )
    signed_in(client, caseworker)
    assert client.get(reverse("ui:detainee_detail", args=[hidden.pk])).status_code == 404
    assert "Hidden Person" not in client.get(LIST).content.decode()
    response = client.post(add_url(hidden, "charge"), {"charge-description": "x"})
    assert response.status_code == 404
    signed_in(client, other_caseworker)
    assert client.get(reverse("ui:detainee_detail", args=[hidden.pk])).status_code == 200


def test_unknown_record_kind_is_not_found(client, caseworker, seleznyov):
    response = signed_in(client, caseworker).post(add_url(seleznyov, "nonsense"), {})
    assert response.status_code == 404


# --- Detainee page -------------------------------------------------------------------


def test_detainee_page_summary_and_timeline(client, caseworker, seleznyov):
    with time_machine.travel(dt.datetime(2024, 4, 1, 12), tick=False):
        html = (
            signed_in(client, caseworker)
            .get(reverse("ui:detainee_detail", args=[seleznyov.pk]))
            .content.decode()
        )
    assert "Роман Селезнёв" in html
    assert "Seleznev" in html  # a recorded name variant
    assert "Russia" in html
    assert "Federal Correctional Complex Butner" in html
    assert "27 years" in html and "USD 170,000,000" in html
    assert "Sentenced to 27 years" in html
    assert "Visit by Ambassador Anatoly Antonov" in html
    assert "Source:" in html and "TASS" in html
    assert "Antonov told reporters after visiting Roman Seleznyov" in html
    # The April 2023 visit, counted from its first day.
    assert "366 days ago" in html
    assert "Change history" in html and "Detainee: Roman Seleznyov" in html


def test_log_a_visit_writes_through_the_service_and_cites_the_source(client, caseworker, seleznyov):
    signed_in(client, caseworker)
    response = client.post(
        add_url(seleznyov, "visit"),
        {
            "visit-visited_on": "2024-02",
            "visit-outcome": VisitOutcome.COMPLETED,
            "visit-kind": "in_person",
            "visit-visitors": "Consul Maria Test",
            "visit-observations": "Looked tired.",
            "visit-source_url": "https://example.org/report",
            "visit-source_title": "A report",
            "visit-quote": "The consul visited in February.",
        },
    )
    assert response.status_code == 302
    visit = ConsularVisit.objects.get(visitors="Consul Maria Test")
    assert visit.visited.isoformat() == "2024-02"
    assert visit.observations == "Looked tired."
    assert visit.citations.get().source.url == "https://example.org/report"
    html = client.get(response["Location"]).content.decode()
    assert "Visit by Consul Maria Test" in html
    assert "February 2024" in html
    assert "Visit saved." in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"visit-visited_on": "", "visit-visitors": "A"}, "visited_on", "This field is required"),
        ({"visit-visited_on": "junk", "visit-visitors": "A"}, "visited_on", "is not a date"),
        ({"visit-visited_on": "2019-02-30", "visit-visitors": "A"}, "visited_on", "not a real"),
        ({"visit-visited_on": "2019-06", "visit-visitors": ""}, "visitors", "required"),
        (
            {"visit-visited_on": "2099-01-01", "visit-visitors": "A"},
            "visited_on",
            "choose “Planned”",
        ),
        (
            {"visit-visited_on": "2001-01-01", "visit-visitors": "A", "visit-outcome": "planned"},
            "visited_on",
            "from today on",
        ),
    ],
)
def test_visit_form_errors_sit_beside_their_field(
    client, caseworker, seleznyov, data, field, message
):
    before = ConsularVisit.objects.count()
    payload = {"visit-kind": "in_person", "visit-outcome": "completed", **data}
    response = signed_in(client, caseworker).post(add_url(seleznyov, "visit"), payload)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index(f'id="id_visit-{field}_error"')
    assert message in html[start : start + 400]
    assert ConsularVisit.objects.count() == before
    # The form comes back open, with what was typed.
    assert '<details class="record-form" id="add-visit" open>' in html


def test_viewer_visit_form_never_writes_observations(client, caseworker, seleznyov):
    """The form for roles without the sensitive permission has no observations field."""
    from ui.forms import VisitForm

    form = VisitForm(detainee=seleznyov, can_view_sensitive=False)
    assert "observations" not in form.fields
    assert "observations" in VisitForm(detainee=seleznyov).fields


def test_add_a_charge_to_an_existing_case_and_to_a_new_case(client, caseworker, seleznyov):
    signed_in(client, caseworker)
    case = seleznyov.cases.get()
    response = client.post(
        add_url(seleznyov, "charge"),
        {
            "charge-case": case.pk,
            "charge-description": "identity theft",
            "charge-category": ChargeCategory.FRAUD,
            "charge-disposition": "pending",
        },
    )
    assert response.status_code == 302
    assert case.charges.filter(description="identity theft").exists()
    response = client.post(
        add_url(seleznyov, "charge"),
        {
            "charge-new_case_country": "DE",
            "charge-description": "a second matter",
            "charge-category": ChargeCategory.OTHER,
            "charge-disposition": "pending",
        },
    )
    assert response.status_code == 302
    assert seleznyov.cases.get(country="DE").charges.get().description == "a second matter"


def test_charge_form_needs_a_case_and_a_description(client, caseworker, seleznyov):
    before = Charge.objects.count()
    response = signed_in(client, caseworker).post(
        add_url(seleznyov, "charge"),
        {"charge-description": "", "charge-category": "fraud", "charge-disposition": "pending"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose the case, or a country to open a new one in." in html
    assert 'id="id_charge-description_error"' in html
    assert Charge.objects.count() == before


def test_add_a_sentence_with_a_partial_date_and_carried_months(client, caseworker, seleznyov):
    case = seleznyov.cases.get()
    response = signed_in(client, caseworker).post(
        add_url(seleznyov, "sentence"),
        {
            "sentence-case": case.pk,
            "sentence-sentenced_on": "2019",
            "sentence-term_years": "",
            "sentence-term_months": "18",
            "sentence-expected_release_on": "2020-12",
        },
    )
    assert response.status_code == 302
    sentence = case.sentences.get(sentenced_on_precision="year")
    assert (sentence.term_years, sentence.term_months) == (1, 6)
    assert sentence.expected_release.isoformat() == "2020-12"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"sentence-is_life": "on", "sentence-term_years": "5"}, "is_life", "life sentence"),
        ({"sentence-fine_amount": "100"}, "fine_currency", "Give the currency"),
        (
            {"sentence-fine_amount": "100", "sentence-fine_currency": "XYZ"},
            "fine_currency",
            "not an ISO 4217",
        ),
        ({"sentence-fine_currency": "USD"}, "fine_amount", "Give the amount"),
        (
            {"sentence-fine_amount": "-5", "sentence-fine_currency": "USD"},
            "fine_amount",
            "cannot be negative",
        ),
        (
            {"sentence-sentenced_on": "2020", "sentence-expected_release_on": "2019"},
            "expected_release_on",
            "before the sentence",
        ),
    ],
)
def test_sentence_form_errors(client, caseworker, seleznyov, data, field, message):
    before = Sentence.objects.count()
    payload = {"sentence-case": seleznyov.cases.get().pk, **data}
    response = signed_in(client, caseworker).post(add_url(seleznyov, "sentence"), payload)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index(f'id="id_sentence-{field}_error"')
    assert message in html[start : start + 400]
    assert Sentence.objects.count() == before


def test_add_a_custody_period_and_its_errors(client, caseworker, seleznyov):
    facility = FacilityFactory(name="Remand Centre 7", country="DE")
    signed_in(client, caseworker)
    response = client.post(
        add_url(seleznyov, "custody"),
        {
            "custody-facility": facility.pk,
            "custody-started_on": "2022-03",
            "custody-ended_on": "2021",
        },
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    response = client.post(
        add_url(seleznyov, "custody"),
        {"custody-facility": facility.pk, "custody-started_on": "2022-03"},
    )
    assert response.status_code == 302
    period = CustodyPeriod.objects.get(detainee=seleznyov, facility=facility)
    assert period.started.isoformat() == "2022-03"


# --- Visits page ---------------------------------------------------------------------


def test_visits_page_lists_overdue_longest_first_upcoming_and_log(client, caseworker):
    facility = FacilityFactory(name="Remand Centre 1")
    # Learned of in 2022: a first visit not made by 2024 is overdue.
    with time_machine.travel(dt.datetime(2022, 6, 1, 12, tzinfo=dt.UTC)):
        never = DetaineeFactory(full_name="Never Visited", status=DetaineeStatus.DETAINED)
        long_ago = DetaineeFactory(full_name="Long Ago", status=DetaineeStatus.CONVICTED)
        recent = DetaineeFactory(full_name="Recently Seen", status=DetaineeStatus.DETAINED)
        released = DetaineeFactory(full_name="Already Free", status=DetaineeStatus.RELEASED)
    CustodyPeriodFactory(detainee=never, facility=facility)
    ConsularVisitFactory(detainee=long_ago, visited_on=dt.date(2023, 1, 5))
    ConsularVisitFactory(detainee=recent, visited_on=dt.date(2024, 3, 1))
    ConsularVisitFactory(
        detainee=recent,
        visited_on=dt.date(2024, 5, 2),
        outcome=VisitOutcome.PLANNED,
        visitors="Consul Planner",
    )
    with time_machine.travel(dt.datetime(2024, 4, 1, 12), tick=False):
        html = signed_in(client, caseworker).get(VISITS).content.decode()
    overdue = html[html.index('data-testid="overdue"') : html.index("</table>")]
    assert overdue.index("Never Visited") < overdue.index("Long Ago")
    assert "Recently Seen" not in overdue and released.full_name not in overdue
    assert "Remand Centre 1" in overdue
    upcoming = html[html.index('data-testid="upcoming"') :]
    assert "Consul Planner" in upcoming[: upcoming.index("</ul>")]
    log = html[html.index('data-testid="visit-log"') :]
    assert "Recently Seen" in log and "Consul Planner" not in log


def test_log_a_visit_from_the_visits_page(client, caseworker):
    person = DetaineeFactory(full_name="Ivan Pagetest", status=DetaineeStatus.DETAINED)
    signed_in(client, caseworker)
    response = client.post(
        VISITS,
        {
            "detainee": "",
            "visited_on": "2024-01-10",
            "visitors": "Consul B",
            "kind": "phone",
            "outcome": "completed",
        },
    )
    assert response.status_code == 400
    assert 'id="id_detainee_error"' in response.content.decode()
    response = client.post(
        VISITS,
        {
            "detainee": person.pk,
            "visited_on": "2024-01-10",
            "visitors": "Consul B",
            "kind": "phone",
            "outcome": "completed",
        },
    )
    assert response.status_code == 302
    visit = ConsularVisit.objects.get(detainee=person)
    assert (visit.visitors, visit.kind, visit.visited.isoformat()) == (
        "Consul B",
        "phone",
        "2024-01-10",
    )


def test_visits_page_cannot_log_for_a_hidden_detainee(client, caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    response = signed_in(client, caseworker).post(
        VISITS,
        {
            "detainee": hidden.pk,
            "visited_on": "2024-01-10",
            "visitors": "Consul C",
            "kind": "phone",
            "outcome": "completed",
        },
    )
    assert response.status_code == 400
    assert not ConsularVisit.objects.filter(detainee=hidden).exists()


def picker_options(html):
    """The names the log form's detainee list offers."""
    form = html[html.index('data-testid="form-visit-log"') :]
    select = form[form.index('name="detainee"') : form.index("</select>")]
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


def test_the_visits_page_offers_a_large_caseload_by_name_search(
    client, caseworker, other_caseworker, monkeypatch
):
    monkeypatch.setattr("ui.views.VISIT_PICKER_SIZE", 3)
    for name in ("Anna Alpha", "Boris Beta", "Carla Gamma", "Dmitri Delta", "Elena Epsilon"):
        DetaineeFactory(full_name=name, status=DetaineeStatus.DETAINED)
    DetaineeFactory(full_name="Free Again", status=DetaineeStatus.RELEASED)
    hidden = DetaineeFactory(
        full_name="Elena Hidden",
        status=DetaineeStatus.DETAINED,
        is_restricted=True,
        assigned_caseworker=other_caseworker,
    )
    signed_in(client, caseworker)

    html = client.get(VISITS).content.decode()
    assert picker_options(html) == ["Anna Alpha", "Boris Beta", "Carla Gamma"]
    assert 'data-testid="visit-picker-search"' in html
    assert "shows the first 3 by name" in html

    html = client.get(VISITS, {"who": "elena"}).content.decode()
    assert picker_options(html) == ["Elena Epsilon"]
    assert "1 held person matches." in html
    html = client.get(VISITS, {"who": "free"}).content.decode()
    assert picker_options(html) == [] and "No held person matches that name." in html

    # The overdue list's link names someone past the first page of names: they are offered
    # (chosen); someone the caseworker may not see is not, whatever the link says.
    delta = Detainee.objects.get(full_name="Dmitri Delta")
    html = client.get(VISITS, {"detainee": delta.pk}).content.decode()
    assert picker_options(html)[0] == "Dmitri Delta"
    assert f'<option value="{delta.pk}" selected>' in html
    for junk in (hidden.pk, "9" * 30, "x"):
        assert "Elena Hidden" not in client.get(VISITS, {"detainee": junk}).content.decode()

    # A choice is checked against every held person the caseworker may see, not only those
    # the list showed.
    fields = {"visited_on": "2024-01-10", "visitors": "Consul D", "kind": "phone"}
    response = client.post(VISITS, {**fields, "detainee": delta.pk, "outcome": "completed"})
    assert response.status_code == 302
    assert ConsularVisit.objects.filter(detainee=delta, visitors="Consul D").exists()
    response = client.post(VISITS, {**fields, "detainee": hidden.pk, "outcome": "completed"})
    assert response.status_code == 400
    assert not ConsularVisit.objects.filter(detainee=hidden).exists()


def test_the_visits_page_lists_a_small_caseload_whole(client, caseworker):
    for name in ("Anna Alpha", "Boris Beta"):
        DetaineeFactory(full_name=name, status=DetaineeStatus.DETAINED)
    html = signed_in(client, caseworker).get(VISITS).content.decode()
    assert picker_options(html) == ["Anna Alpha", "Boris Beta"]
    assert 'data-testid="visit-picker-search"' not in html


# --- Detainee list -------------------------------------------------------------------


def names_in(response) -> list[str]:
    return [d.full_name for d in response.context["page"].object_list]


def test_search_finds_any_spelling(client, viewer, reported):
    signed_in(client, viewer)
    for query in ("Seleznev", "Селезнёв", "seleznyouv"):
        assert names_in(client.get(LIST, {"search": query})) == ["Roman Seleznyov"], query


def test_filters_match_the_records(client, viewer, caseworker):
    facility = FacilityFactory(name="Moabit")
    a = DetaineeFactory(
        full_name="Anna Alpha",
        status=DetaineeStatus.CONVICTED,
        priority=Priority.URGENT,
        assigned_caseworker=caseworker,
    )
    b = DetaineeFactory(full_name="Boris Beta", status=DetaineeStatus.DETAINED)
    # Held in Germany now (derived); Boris's older case in the United States is the past.
    a.detaining_country = "DE"
    a.save(update_fields=["detaining_country"])
    NationalityFactory(detainee=a, country="RU")
    NationalityFactory(detainee=b, country="BY")
    ChargeFactory(case=CaseFactory(detainee=a, country="DE"), category=ChargeCategory.DRUGS)
    ChargeFactory(case=CaseFactory(detainee=a, country="DE"), category=ChargeCategory.DRUGS)
    ChargeFactory(case=CaseFactory(detainee=b, country="US"), category=ChargeCategory.FRAUD)
    CustodyPeriodFactory(detainee=a, facility=facility)
    signed_in(client, caseworker)
    assert names_in(client.get(LIST, {"status": "convicted"})) == ["Anna Alpha"]
    assert names_in(client.get(LIST, {"nationality": "BY"})) == ["Boris Beta"]
    assert names_in(client.get(LIST, {"detaining_country": "DE"})) == [
        "Anna Alpha"
    ]  # once, not twice
    assert names_in(client.get(LIST, {"charge_category": "fraud"})) == ["Boris Beta"]
    assert names_in(client.get(LIST, {"facility": facility.pk})) == ["Anna Alpha"]
    assert names_in(client.get(LIST, {"assigned_caseworker": "me"})) == ["Anna Alpha"]
    assert names_in(client.get(LIST, {"assigned_caseworker": "none"})) == ["Boris Beta"]
    assert names_in(client.get(LIST, {"assigned_caseworker": caseworker.pk})) == ["Anna Alpha"]
    assert names_in(client.get(LIST, {"priority": "urgent"})) == ["Anna Alpha"]
    assert names_in(client.get(LIST, {"detaining_country": "DE", "status": "detained"})) == []
    # Only the countries holding someone now are offered.
    offered = client.get(LIST).context["form"].fields["detaining_country"].choices
    assert [code for code, _ in offered if code] == ["DE"]


def test_sorting(client, viewer):
    DetaineeFactory(full_name="Cyril C", priority=Priority.LOW)
    DetaineeFactory(full_name="Alla A", priority=Priority.URGENT)
    visited = DetaineeFactory(full_name="Boris B", priority=Priority.HIGH)
    ConsularVisitFactory(detainee=visited)
    signed_in(client, viewer)
    assert names_in(client.get(LIST)) == ["Alla A", "Boris B", "Cyril C"]
    assert names_in(client.get(LIST, {"sort": "-name"})) == ["Cyril C", "Boris B", "Alla A"]
    assert names_in(client.get(LIST, {"sort": "priority"})) == ["Alla A", "Boris B", "Cyril C"]
    assert names_in(client.get(LIST, {"sort": "-last_visit"}))[0] == "Boris B"
    assert names_in(client.get(LIST, {"sort": "last_visit"}))[-1] == "Boris B"
    html = client.get(LIST, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in html


def test_empty_state_says_what_to_do(client, caseworker, viewer):
    html = signed_in(client, caseworker).get(LIST).content.decode()
    assert "No detainees on file yet" in html and "Add the first detainee" in html
    DetaineeFactory(full_name="Someone Else")
    html = client.get(LIST, {"search": "Nobodyhere"}).content.decode()
    assert "Nobody matches these filters" in html and "clear all filters" in html
    html = signed_in(client, viewer).get(LIST, {"search": "Nobodyhere"}).content.decode()
    assert "add them" not in html


def test_bad_filter_values_are_reported_not_crashed(client, viewer):
    DetaineeFactory(full_name="Still Listed")
    response = signed_in(client, viewer).get(
        LIST, {"status": "<script>", "sort": "evil", "page": "x"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not understood" in html
    assert "<script>" not in html


def test_htmx_request_gets_only_the_results(client, viewer, reported):
    response = signed_in(client, viewer).get(LIST, {"search": "Seleznev"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Roman Seleznyov" in html
    assert "<html" not in html and 'class="filters"' not in html


def test_pagination_keeps_filters(client, viewer):
    for n in range(30):
        DetaineeFactory(full_name=f"Person {n:02d}", status=DetaineeStatus.DETAINED)
    signed_in(client, viewer)
    first = client.get(LIST, {"status": "detained"})
    assert len(names_in(first)) == 25
    assert "status=detained&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"status": "detained", "page": 2})
    assert names_in(second) == [f"Person {n:02d}" for n in range(25, 30)]


def _list_queries(client, n: int) -> int:
    for i in range(n):
        d = DetaineeFactory(full_name=f"Counted {i:03d}")
        NationalityFactory(detainee=d, country="RU")
        CaseFactory(detainee=d, country="US")
        CustodyPeriodFactory(detainee=d, facility=FacilityFactory(name=f"Prison {i}"))
        ConsularVisitFactory(detainee=d)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"sort": "last_visit"})
    assert len(response.context["page"].object_list) == min(n, 25)
    return len(queries)


def test_list_query_count_does_not_grow_with_page_size(client, caseworker):
    signed_in(client, caseworker)
    few = _list_queries(client, 3)
    many = _list_queries(client, 30)
    assert few == many


# --- Dashboard -----------------------------------------------------------------------


def test_dashboard_page_has_a_canvas_and_table_for_each_chart(client, viewer, reported):
    html = signed_in(client, viewer).get(DASHBOARD).content.decode()
    charts = ("held-by-country", "status", "extraditions-year", "charges", "sentences", "visits")
    for chart in charts:
        assert f'data-chart="{chart}"' in html
    assert "chart.umd.min.js" in html
    assert '<option value="RU">Russia</option>' in html


def test_dashboard_says_when_its_figures_were_counted(client, viewer):
    with time_machine.travel(dt.datetime(2026, 3, 5, 14, 30, tzinfo=dt.UTC), tick=False):
        html = signed_in(client, viewer).get(DASHBOARD).content.decode()
        russian = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'data-testid="as-of">Figures as of ' in html and "2026" in html
    assert 'data-testid="as-of">Данные на ' in russian


def test_dashboard_lists_only_the_nationalities_of_people_one_may_see(client, viewer, admin_user):
    NationalityFactory(detainee=DetaineeFactory(), country="UA")
    NationalityFactory(detainee=DetaineeFactory(is_restricted=True), country="KZ")
    seen = signed_in(client, viewer).get(DASHBOARD).content.decode()
    assert '<option value="UA">Ukraine</option>' in seen
    assert 'value="KZ"' not in seen
    assert 'value="KZ"' in signed_in(client, admin_user).get(DASHBOARD).content.decode()


def test_review_queue_link_and_count_only_for_reviewers(client, caseworker, reviewer):
    from ingest.tests.factories import DraftFactFactory

    DraftFactFactory()
    DraftFactFactory()
    html = signed_in(client, reviewer).get(LIST).content.decode()
    assert 'data-testid="review-count">2<' in html
    html = signed_in(client, caseworker).get(LIST).content.decode()
    assert "Review queue" not in html
