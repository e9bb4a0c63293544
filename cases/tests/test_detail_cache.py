"""The detainee detail answer is cached by what it is made of: every write, whatever its
path, shows in the next read; the cache never crosses roles, languages or days."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import SensitiveRead
from cases import detail_cache, services
from cases.models import Charge, Facility, FactReport, Tag
from cases.partial_dates import parse
from cases.tests.factories import FacilityFactory, SourceFactory, UserFactory
from cases.tests.test_concurrency import _admin_post_data
from consular import services as consular_services
from consular.tests.factories import ConsularVisitFactory

# On PostgreSQL an answer is stored only when the request read one snapshot in its own
# transaction, which a test's enclosing transaction would prevent; on SQLite the test's
# transaction is that snapshot.
pytestmark = pytest.mark.django_db(transaction=connection.vendor == "postgresql")

LIST = "/api/v1/detainees/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def source():
    return SourceFactory(title="Envoy visits prisoners", outlet="Daily Record")


@pytest.fixture
def person(caseworker, source):
    person = services.detainee_create(
        full_name="Roman Seleznyov",
        nationalities=["RU"],
        welfare_notes="Needs a doctor.",
        assigned_caseworker=caseworker,
        source=source,
        quote="the envoy saw him",
    )
    prison = FacilityFactory(name="FCC Butner", country="US")
    services.custody_period_record(detainee=person, facility=prison)
    case = services.case_open(detainee=person, country="US", arrested=parse("2014-07"))
    services.charge_add(case=case, description="computer intrusion", source=source)
    services.sentence_record(case=case, sentenced=parse("2017-04-21"), term_years=27)
    ConsularVisitFactory(detainee=person, facility=prison, visited_on=dt.date(2023, 4, 1))
    return person


def detail(user, person, **headers):
    response = client_for(user).get(f"{LIST}{person.pk}/", **headers)
    assert response.status_code == 200
    return response


def queries_of(user, person) -> int:
    with CaptureQueriesContext(connection) as queries:
        detail(user, person)
    return len(queries)


def test_a_second_read_comes_from_the_cache_and_equals_the_first(viewer, person):
    first = queries_of(viewer, person)
    answer = detail(viewer, person).json()
    again = queries_of(viewer, person)
    assert again < first - 10
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.API_DETAIL_CACHE_SECONDS", 0)
        assert detail(viewer, person).json() == answer


def test_the_etag_is_the_current_version_on_a_cached_read(viewer, person):
    detail(viewer, person)
    services.record_update(record=person, changes={"priority": "high"})
    person.refresh_from_db()
    assert detail(viewer, person)["ETag"] == f'"{person.version}"'


def test_an_api_patch_shows_at_once(caseworker, person):
    detail(caseworker, person)
    response = client_for(caseworker).patch(
        f"{LIST}{person.pk}/", {"priority": "urgent"}, format="json"
    )
    assert response.status_code == 200
    assert detail(caseworker, person).data["priority"] == "urgent"


def test_a_bulk_update_of_charges_shows(viewer, person):
    detail(viewer, person)
    Charge.objects.filter(case__detainee=person).update(description="fraud")
    [case] = detail(viewer, person).data["cases"]
    assert [charge["description"] for charge in case["charges"]] == ["fraud"]


def test_a_raw_update_of_a_row_without_a_version_shows(viewer, person, source):
    # A report's quote has no version column: the fingerprint covers every column anyway.
    services.detainee_status_record(detainee=person, status="convicted", source=source)
    detail(viewer, person)
    FactReport.objects.filter(detainee=person).update(quote="he was convicted in March")
    quotes = [
        report["quote"]
        for alternative in detail(viewer, person).data["facts"]["status"]["alternatives"]
        for report in alternative["sources"]
    ]
    assert "he was convicted in March" in quotes


def test_a_tag_added_and_removed_shows_each_time(viewer, person):
    tag = Tag.objects.create(name="hostage diplomacy")
    detail(viewer, person)
    person.tags.add(tag)
    assert detail(viewer, person).data["tags"] == ["hostage diplomacy"]
    person.tags.remove(tag)
    assert detail(viewer, person).data["tags"] == []


def test_renaming_a_shared_source_through_the_admin_shows(
    client, admin_user, viewer, person, source
):
    detail(viewer, person)
    client.force_login(admin_user)
    url = reverse("admin:cases_source_change", args=[source.pk])
    data = {**_admin_post_data(client.get(url)), "title": "Envoy meets prisoner"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert detail(viewer, person).data["sources"][0]["title"] == "Envoy meets prisoner"


def test_renaming_the_facility_and_the_caseworker_shows(viewer, caseworker, person):
    detail(viewer, person)
    prison = Facility.objects.get(name="FCC Butner")
    services.record_update(record=prison, changes={"name": "FCI Butner"})
    caseworker.username = "case.officer"
    caseworker.save()
    data = detail(viewer, person).data
    assert data["current_facility"]["name"] == "FCI Butner"
    assert data["custody_periods"][0]["facility"]["name"] == "FCI Butner"
    assert data["assigned_caseworker_username"] == "case.officer"


def test_a_new_visit_and_an_archived_case_show(admin_user, viewer, person):
    detail(viewer, person)
    ConsularVisitFactory(detainee=person, visited_on=dt.date(2023, 5, 2))
    services.record_archive(record=person.cases.get(), user=admin_user)
    data = detail(viewer, person).data
    assert data["latest_visit"]["visited_on"] == "2023-05-02"
    assert data["cases"] == []


def test_a_fact_choice_shows(caseworker, viewer, person):
    first, second = SourceFactory(title="One"), SourceFactory(title="Two")
    services.detainee_status_record(
        detainee=person, status="convicted", source=first, as_of=parse("2023-01-05")
    )
    services.detainee_status_record(
        detainee=person, status="released", source=second, as_of=parse("2023-01-05")
    )
    assert detail(viewer, person).data["facts"]["status"]["disputed"]
    services.fact_choose(
        detainee=person,
        fact="status",
        value="released",
        reason="Embassy confirmed",
        user=caseworker,
    )
    chosen = detail(viewer, person).data["facts"]["status"]["chosen"]
    assert chosen["value"] == "released" and chosen["chosen_by"] == caseworker.username


def test_sensitive_fields_never_cross_roles_and_a_cached_read_is_logged(viewer, caseworker, person):
    assert "welfare_notes" not in detail(viewer, person).data
    for _read in range(2):
        assert detail(caseworker, person).data["welfare_notes"] == "Needs a doctor."
    assert "welfare_notes" not in detail(viewer, person).data
    logged = SensitiveRead.objects.filter(user=caseworker, record_type="cases.detainee")
    assert logged.filter(record_id=person.pk).count() == 2


def test_a_restricted_person_stays_hidden_after_their_caseworker_read_them(
    caseworker, other_caseworker, person
):
    services.record_update(record=person, changes={"is_restricted": True})
    detail(caseworker, person)
    response = client_for(other_caseworker).get(f"{LIST}{person.pk}/")
    assert response.status_code == 404


def test_the_days_since_the_last_visit_move_with_the_date(viewer, person):
    with time_machine.travel(dt.datetime(2023, 6, 30, 12, tzinfo=dt.UTC)):
        assert detail(viewer, person).data["days_since_last_visit"] == 90
    with time_machine.travel(dt.datetime(2023, 7, 1, 12, tzinfo=dt.UTC)):
        assert detail(viewer, person).data["days_since_last_visit"] == 91


def test_labels_follow_the_language_asked_for(viewer, person):
    english = detail(viewer, person, HTTP_ACCEPT_LANGUAGE="en").data["status_label"]
    russian = detail(viewer, person, HTTP_ACCEPT_LANGUAGE="ru").data["status_label"]
    assert english != russian


def test_another_user_with_the_same_name_changes_nothing(viewer, person):
    # Only the rows the answer reads are in its key: unrelated writes keep the cache.
    detail(viewer, person)
    UserFactory(username="someone.else")
    assert queries_of(viewer, person) < 10


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999"])
def test_an_unknown_id_is_a_404(viewer, pk):
    assert client_for(viewer).get(f"{LIST}{pk}/").status_code == 404


def test_an_earlier_report_of_an_undated_visit_shows(viewer, person):
    # An undated visit counts from the publication date of its earliest source: a second
    # source adds a citation and leaves the visit's own row as it was.
    reported = {
        "detainee": person,
        "visitors": "Ambassador John Doe",
        "visited": None,
        "source": SourceFactory(title="Envoy at the prison", published_on=dt.date(2023, 9, 10)),
    }
    consular_services.visit_record(**reported)
    assert detail(viewer, person).data["last_visit_on"] == "2023-09-10"
    earlier = SourceFactory(title="Envoy expected", published_on=dt.date(2023, 8, 1))
    consular_services.visit_record(**{**reported, "source": earlier})
    assert detail(viewer, person).data["last_visit_on"] == "2023-08-01"


def test_a_new_date_of_the_source_of_an_undated_visit_shows(viewer, person):
    source = SourceFactory(title="Envoy at the prison", published_on=dt.date(2023, 9, 10))
    consular_services.visit_record(
        detainee=person, visitors="Ambassador John Doe", visited=None, source=source
    )
    assert detail(viewer, person).data["last_visit_on"] == "2023-09-10"
    services.record_update(record=source, changes={"published_on": parse("2023-08-01")})
    assert detail(viewer, person).data["last_visit_on"] == "2023-08-01"


def test_an_answer_cached_by_another_release_is_not_served(viewer, person, monkeypatch):
    """A shared cache outlives a deploy: an answer filed by the code before it is not found
    once the code or wording the answer is built with has changed."""
    first = queries_of(viewer, person)
    cached = queries_of(viewer, person)
    assert cached < first - 10
    monkeypatch.setattr(detail_cache, "code_digest", lambda: "another-release")
    assert queries_of(viewer, person) > cached + 8  # built again
    assert queries_of(viewer, person) == cached  # and filed under the new key


def test_the_code_digest_follows_the_code_and_the_translations(settings, tmp_path):
    for path in ("cases/serializers/detainees.py", "cases/tests/test_x.py", "config/api.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("A = 1\n")
    (tmp_path / "locale/ru/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale/ru/LC_MESSAGES/django.po").write_text('msgid "a"\nmsgstr "б"\n')
    settings.BASE_DIR = tmp_path

    def digest() -> str:
        detail_cache.code_digest.cache_clear()
        return detail_cache.code_digest()

    try:
        start = digest()
        (tmp_path / "cases/tests/test_x.py").write_text("A = 2\n")
        assert digest() == start  # tests do not build answers
        (tmp_path / "cases/serializers/detainees.py").write_text("A = 2\n")
        changed = digest()
        assert changed != start
        (tmp_path / "locale/ru/LC_MESSAGES/django.po").write_text('msgid "a"\nmsgstr "в"\n')
        assert digest() != changed
    finally:
        detail_cache.code_digest.cache_clear()
