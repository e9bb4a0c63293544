"""The admin reads through the same door as the API: restricted cases of others are not
found, sensitive fields are not shown, and restriction is for administrators."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from cases import roles, services
from cases.models import Case, Detainee
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    DetaineeFactory,
    NameVariantFactory,
    UserFactory,
)
from consular.tests.factories import ConsularVisitFactory
from ingest.tests.factories import DraftFactory

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Insulin twice a day"
SECRET_KIN = "Sister: +44 7700 900123"
SECRET_OBSERVATION = "Bruising on both arms"


@pytest.fixture
def restricted(other_caseworker):
    person = DetaineeFactory(
        full_name="Hidden Person", is_restricted=True, assigned_caseworker=other_caseworker
    )
    case = CaseFactory(detainee=person, case_number="HIDDEN-1")
    ChargeFactory(case=case, description="Hidden charge")
    NameVariantFactory(detainee=person, name="Hidden Persson")
    ConsularVisitFactory(detainee=person, visitors="Consul Hidden")
    DraftFactory(name="Hidden Person", detainee=person)
    return person


@pytest.fixture
def staff_viewer(role_groups):
    return UserFactory(username="staff-viewer", role=roles.VIEWER, is_staff=True)


@pytest.fixture
def sensitive_person():
    person = DetaineeFactory(
        full_name="Open Person", welfare_notes=SECRET_NOTE, next_of_kin=SECRET_KIN
    )
    ConsularVisitFactory(detainee=person, observations=SECRET_OBSERVATION)
    # A change in history, so that the history page has a delta to show.
    services.record_update(record=person, changes={"welfare_notes": SECRET_NOTE + ", and rest"})
    return person


def signed_in(client, user):
    client.force_login(user)
    return client


# --- Restricted cases --------------------------------------------------------------------

CHANGELISTS = [
    ("cases", "detainee", "Hidden Person"),
    ("cases", "case", "HIDDEN-1"),
    ("cases", "charge", "Hidden charge"),
    ("cases", "namevariant", "Hidden Persson"),
    ("consular", "consularvisit", "Consul Hidden"),
    ("ingest", "draft", "Hidden Person"),
]


@pytest.mark.parametrize(("app", "model", "text"), CHANGELISTS)
def test_lists_leave_out_restricted_records_of_others(
    client, caseworker, restricted, app, model, text
):
    if app == "ingest":
        caseworker = UserFactory(username="staff-reviewer", role=roles.REVIEWER, is_staff=True)
    response = signed_in(client, caseworker).get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 200
    assert text not in response.content.decode()


@pytest.mark.parametrize(("app", "model", "text"), CHANGELISTS[:5])
def test_the_assigned_caseworker_sees_them(client, other_caseworker, restricted, app, model, text):
    response = signed_in(client, other_caseworker).get(reverse(f"admin:{app}_{model}_changelist"))
    assert text in response.content.decode()


def test_search_does_not_find_a_restricted_detainee(client, caseworker, restricted):
    response = signed_in(client, caseworker).get(
        reverse("admin:cases_detainee_changelist"), {"q": "Hidden"}
    )
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize("view", ["change", "history"])
def test_pages_of_a_restricted_detainee_are_not_found(client, caseworker, restricted, view):
    response = signed_in(client, caseworker).get(
        reverse(f"admin:cases_detainee_{view}", args=[restricted.pk])
    )
    # The change page sends to the admin index ("does not exist"); history is a 404.
    assert response.status_code in (302, 404)
    assert "Hidden Person" not in response.content.decode()


def test_history_of_a_restricted_case_is_not_found(client, caseworker, restricted):
    case = restricted.cases.get()
    response = signed_in(client, caseworker).get(
        reverse("admin:cases_case_history", args=[case.pk])
    )
    assert response.status_code == 404


def test_autocomplete_does_not_offer_a_restricted_detainee(client, caseworker, restricted):
    DetaineeFactory(full_name="Hidden Visible")
    response = signed_in(client, caseworker).get(
        reverse("admin:autocomplete"),
        {"app_label": "cases", "model_name": "case", "field_name": "detainee", "term": "Hidden"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Hidden Visible"]


def test_a_case_cannot_be_added_to_a_restricted_detainee(client, caseworker, restricted):
    request = RequestFactory().get("/")
    request.user = caseworker
    form_class = admin.site._registry[Case].get_form(request)
    form = form_class(data={"detainee": restricted.pk, "country": "US", "status": "investigation"})
    assert not form.is_valid()
    assert "detainee" in form.errors


# --- Sensitive fields --------------------------------------------------------------------


def test_a_staff_viewer_sees_no_sensitive_field(client, staff_viewer, sensitive_person):
    client = signed_in(client, staff_viewer)
    pages = [
        reverse("admin:cases_detainee_change", args=[sensitive_person.pk]),
        reverse("admin:cases_detainee_history", args=[sensitive_person.pk]),
        reverse(
            "admin:consular_consularvisit_change", args=[sensitive_person.consular_visits.get().pk]
        ),
    ]
    history = sensitive_person.history.order_by("history_id").first()
    pages.append(
        reverse("admin:cases_detainee_simple_history", args=[sensitive_person.pk, history.pk])
    )
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for secret in (SECRET_NOTE, SECRET_KIN, SECRET_OBSERVATION):
            assert secret not in text, url


def test_a_caseworker_sees_sensitive_fields(client, caseworker, sensitive_person):
    client = signed_in(client, caseworker)
    page = client.get(reverse("admin:cases_detainee_change", args=[sensitive_person.pk]))
    assert SECRET_KIN in page.content.decode()
    history = client.get(reverse("admin:cases_detainee_history", args=[sensitive_person.pk]))
    assert SECRET_NOTE in history.content.decode()


def test_a_sensitive_field_cannot_be_probed_by_a_lookup(client, staff_viewer, sensitive_person):
    response = signed_in(client, staff_viewer).get(
        reverse("admin:cases_detainee_changelist"), {"welfare_notes__icontains": "insulin"}
    )
    assert response.status_code == 400


def test_history_cannot_be_reverted(client, admin_user, sensitive_person):
    history = sensitive_person.history.order_by("history_id").first()
    response = signed_in(client, admin_user).post(
        reverse("admin:cases_detainee_simple_history", args=[sensitive_person.pk, history.pk]),
        {"full_name": "Reverted"},
    )
    assert response.status_code == 403
    sensitive_person.refresh_from_db()
    assert sensitive_person.full_name == "Open Person"


# --- Restriction and assignment ----------------------------------------------------------


def detainee_form(user, person):
    request = RequestFactory().get("/")
    request.user = user
    model_admin = admin.site._registry[Detainee]
    return model_admin, model_admin.get_form(request, person, change=True), request


def test_restriction_is_read_only_for_a_caseworker(caseworker):
    person = DetaineeFactory()
    model_admin, form_class, request = detainee_form(caseworker, person)
    assert {"is_restricted", "assigned_caseworker"} <= set(
        model_admin.get_readonly_fields(request, person)
    )
    assert "is_restricted" not in form_class.base_fields


def test_restricting_without_a_caseworker_is_refused_in_the_admin(admin_user):
    person = DetaineeFactory()
    _, form_class, _ = detainee_form(admin_user, person)
    form = form_class(
        data={
            "full_name": person.full_name,
            "status": person.status,
            "priority": person.priority,
            "is_restricted": "on",
            "assigned_caseworker": "",
        },
        instance=person,
    )
    assert not form.is_valid()
    assert "assigned_caseworker" in form.errors


def test_the_outsider_gets_nothing_from_the_admin(client, outsider, restricted):
    outsider.is_staff = True
    outsider.save()
    client = signed_in(client, outsider)
    assert client.get(reverse("admin:cases_detainee_changelist")).status_code == 403
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "cases", "model_name": "case", "field_name": "detainee", "term": "Hidden"},
    )
    assert response.status_code == 403
    history = client.get(reverse("admin:cases_detainee_history", args=[restricted.pk]))
    assert history.status_code == 404


def test_match_judgements_leave_out_restricted_people_of_others(
    client, reviewer, other_caseworker, restricted
):
    from ingest.constants import MatchVerdict
    from ingest.models import Draft
    from ingest.services import match_judgement_record

    draft = Draft.objects.get(detainee=restricted)
    match_judgement_record(
        draft=draft, detainee=restricted, verdict=MatchVerdict.SAME, user=other_caseworker
    )
    # A "not this person" on a draft that belongs to the restricted record names them too.
    match_judgement_record(
        draft=draft,
        detainee=DetaineeFactory(full_name="Open Candidate"),
        verdict=MatchVerdict.DIFFERENT,
        user=other_caseworker,
    )
    url = reverse("admin:ingest_matchjudgement_changelist")
    page = signed_in(client, reviewer).get(url)
    assert page.status_code == 200
    assert "Hidden Person" not in page.content.decode()
    assert list(page.context["cl"].result_list) == []

    client.logout()
    page = signed_in(client, other_caseworker).get(url)
    assert page.content.decode().count("Hidden Person") >= 2
