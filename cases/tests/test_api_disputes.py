"""Sources that disagree, over the API: the fact carries `disputed` and `alternatives` with
their sources, and a caseworker settles it with a reason."""

import pytest
from rest_framework.test import APIClient

from cases import services
from cases.constants import DetaineeStatus, ExtraditionStatus, ReportedFact
from cases.models import FactChoice
from cases.partial_dates import parse
from cases.tests.factories import CaseFactory, DetaineeFactory, FacilityFactory, SourceFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def source(published: str, title: str):
    date = parse(published)
    return SourceFactory(
        published_on=date.value, published_on_precision=date.precision, title=title
    )


@pytest.fixture
def disputed():
    """A sentence that one source gives as 27 years and another as 25."""
    detainee = DetaineeFactory(full_name="Roman Testov", status=DetaineeStatus.CONVICTED)
    case = CaseFactory(detainee=detainee, country="US")
    sentence = services.sentence_record(
        case=case,
        sentenced=parse("2017-04-21"),
        term_years=27,
        source=source("2017-04-22", "Twenty-seven years"),
        quote="sentenced to 27 years",
    )
    services.sentence_record(
        case=case,
        sentenced=parse("2017-04-21"),
        term_years=25,
        source=source("2019-01-10", "Twenty-five years"),
        quote="serving 25 years",
    )
    return detainee, sentence


def test_a_disputed_term_shows_both_values_with_their_sources(viewer, disputed):
    detainee, sentence = disputed
    data = client_for(viewer).get(f"/api/v1/detainees/{detainee.pk}/").data
    shown = data["cases"][0]["sentences"][0]
    assert shown["id"] == sentence.pk
    assert shown["term_years"] == 27
    assert shown["disputed"] is True
    alternatives = {a["value"]: a for a in shown["alternatives"]}
    assert set(alternatives) == {"P27Y", "P25Y"}
    assert alternatives["P25Y"]["label"] == "25 years"
    (cited,) = alternatives["P25Y"]["sources"]
    assert (cited["title"], cited["quote"], cited["as_of"]) == (
        "Twenty-five years",
        "serving 25 years",
        "2017-04-21",
    )
    assert [s["title"] for s in alternatives["P27Y"]["sources"]] == ["Twenty-seven years"]
    # The sentence alone says the same.
    alone = client_for(viewer).get(f"/api/v1/sentences/{sentence.pk}/").data
    assert alone["disputed"] is True and len(alone["alternatives"]) == 2


def test_a_caseworker_chooses_a_value_with_a_reason(caseworker, disputed):
    detainee, sentence = disputed
    response = client_for(caseworker).post(
        f"/api/v1/detainees/{detainee.pk}/choose-fact/",
        {
            "fact": ReportedFact.SENTENCE_TERM,
            "sentence": sentence.pk,
            "value": "P25Y",
            "reason": "The judgment says 25 years.",
        },
        format="json",
    )
    assert response.status_code == 200, response.data
    shown = response.data["cases"][0]["sentences"][0]
    assert shown["term_years"] == 25
    assert shown["disputed"] is True  # still two sources, now settled
    choice = FactChoice.objects.get(sentence=sentence)
    assert (choice.chosen_by, choice.reason) == (caseworker, "The judgment says 25 years.")


@pytest.mark.parametrize(
    "body, code",
    [
        ({"value": "P25Y", "reason": ""}, 400),
        ({"value": "P40Y", "reason": "because"}, 400),
        ({"value": "P25Y", "reason": "because", "sentence": 0}, 400),
    ],
)
def test_a_bad_choice_is_a_clear_error_and_changes_nothing(caseworker, disputed, body, code):
    detainee, sentence = disputed
    body = {"fact": ReportedFact.SENTENCE_TERM, "sentence": sentence.pk, **body}
    response = client_for(caseworker).post(
        f"/api/v1/detainees/{detainee.pk}/choose-fact/", body, format="json"
    )
    assert response.status_code == code
    sentence.refresh_from_db()
    assert sentence.term_years == 27
    assert not FactChoice.objects.exists()


def test_a_viewer_cannot_choose(viewer, disputed):
    detainee, sentence = disputed
    response = client_for(viewer).post(
        f"/api/v1/detainees/{detainee.pk}/choose-fact/",
        {"fact": "sentence_term", "sentence": sentence.pk, "value": "P25Y", "reason": "x"},
        format="json",
    )
    assert response.status_code == 403


def test_an_undisputed_fact_is_a_conflict(caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2023-04-06", "a")
    )
    response = client_for(caseworker).post(
        f"/api/v1/detainees/{detainee.pk}/choose-fact/",
        {"fact": "status", "value": "convicted", "reason": "sure"},
        format="json",
    )
    assert response.status_code == 409


def test_current_values_and_their_dates_are_on_the_detainee(viewer):
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    butner = FacilityFactory(name="Butner", country="US")
    brooklyn = FacilityFactory(name="Brooklyn", country="US")
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2023-04-06", "a")
    )
    for facility, title in ((butner, "held in Butner"), (brooklyn, "held in Brooklyn")):
        services.custody_period_record(
            detainee=detainee,
            facility=facility,
            as_of=parse("2023-04-06"),
            source=source("2023-04-10", title),
        )
    services.extradition_record(
        detainee=detainee,
        from_country="TH",
        to_country="US",
        status=ExtraditionStatus.SURRENDERED,
        surrendered=parse("2022-06"),
        source=source("2022-07-01", "surrendered"),
    )
    data = client_for(viewer).get(f"/api/v1/detainees/{detainee.pk}/").data
    assert data["detaining_country"]["code"] == "US"
    assert data["facts"]["status"]["value"] == "convicted"
    assert data["facts"]["status"]["as_of"] == "2023-04-06"
    assert data["facts"]["status"]["disputed"] is False
    facility = data["facts"]["facility"]
    assert facility["disputed"] is True
    assert {a["label"].split(" (")[0] for a in facility["alternatives"]} == {"Butner", "Brooklyn"}
    assert data["extraditions"][0]["status"] == "surrendered"
    assert data["extraditions"][0]["disputed"] is False
    listed = client_for(viewer).get("/api/v1/detainees/").data["results"][0]
    assert listed["detaining_country"]["code"] == "US"
    assert listed["current_facility"]["name"] == "Brooklyn"
