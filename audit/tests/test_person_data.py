"""Subject access (everything held about one person, as JSON) and anonymisation on request
(no original name left anywhere, statistics unchanged, the act audited); both for
administrators only, over the API and from the command line."""

import datetime as dt
import io
import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import models
from rest_framework.test import APIClient

from audit.constants import PersonDataAction
from audit.models import PersonDataEvent
from cases import services
from cases.models import Detainee, FactReport
from cases.partial_dates import PartialDate
from cases.tests.factories import DetaineeFactory, FacilityFactory
from consular.services import visit_record
from ingest import intake
from ingest import services as ingest_services
from ingest.constants import DraftStatus, FactKind
from ingest.tests.factories import ArticleFactory, DraftFactFactory, DraftFactory
from stats.services import summaries_refresh

pytestmark = pytest.mark.django_db

# Every spelling the person is known by; each must be gone after anonymisation.
NAMES = ["Vladislav Klyushin", "Владислав Клюшин", "Kliushin", "Klyushin", "Vladislav", "Клюшин"]
ARTICLE = (
    "Russian businessman Vladislav Klyushin was extradited from Switzerland. "
    "Klyushin, 41, denies the charges. A second man, Ivan Petrov, was also held."
)
STATS = ["summary", "extraditions", "charges", "sentences", "visits", "overdue", "facilities"]


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def person(reviewer):
    """A person with every kind of record, a draft from an article that was accepted into
    their record, a change of name in their history, and an admin log entry."""
    article = ArticleFactory(
        title="Klyushin extradited to the United States",
        url="https://news.example.org/2021/klyushin-extradited",
        canonical_url="https://news.example.org/2021/klyushin-extradited",
        text=ARTICLE,
        text_hash=intake.text_hash(ARTICLE),
    )
    draft = DraftFactory(article=article, name="Vladislav Klyushin", person_key="vldslv klshn")
    DraftFactFactory(
        draft=draft,
        kind=FactKind.NAME,
        value={"name": "Vladislav Klyushin"},
        spans=[[28, 46]],
        quote="Russian businessman Vladislav Klyushin was extradited",
    )
    DraftFactFactory(draft=draft, kind=FactKind.STATUS, value={"status": "convicted"})
    DraftFactFactory(draft=draft, kind=FactKind.NATIONALITY, value={"country": "RU"})
    ingest_services.draft_accept(draft=draft, user=reviewer)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ACCEPTED
    detainee = draft.detainee
    source = article.source or ingest_services.article_source(article)

    services.detainee_update(
        detainee=detainee,
        changes={
            "name_original_script": "Владислав Клюшин",
            "date_of_birth": PartialDate.of(dt.date(1980, 5, 1), "month"),
            "sex": "m",
            "welfare_notes": "Klyushin has asthma",
            "next_of_kin": "Wife of Vladislav Klyushin, +7 900 000",
        },
    )
    services.name_variant_add(detainee=detainee, name="Kliushin", source=source, quote="Kliushin")
    case = services.case_open_complete(
        detainee=detainee,
        country="US",
        status="sentenced",
        arrested=PartialDate.of(dt.date(2021, 3, 21), "day"),
        case_number="1:21-cr-10104",
        summary="Klyushin traded on stolen earnings reports.",
        charges=[{"description": "securities fraud", "category": "fraud"}],
        sentence={"term_years": 9, "notes": "Klyushin may appeal"},
        source=source,
        quote="Klyushin was convicted of securities fraud",
    )
    services.extradition_record(
        detainee=detainee,
        from_country="CH",
        to_country="US",
        status="surrendered",
        surrendered=PartialDate.of(dt.date(2021, 12, 1), "month"),
        case=case,
        notes="Klyushin fought extradition",
    )
    services.custody_period_record(
        detainee=detainee,
        facility=FacilityFactory(name="Plymouth County Correctional Facility"),
        started=PartialDate.of(dt.date(2021, 12, 20), "day"),
    )
    visit_record(
        detainee=detainee,
        visitors="Consul Jane Roe",
        visited=PartialDate.of(dt.date(2023, 4, 26), "day"),
        observations="Vladislav seemed tired",
        follow_up="Send Klyushin a phrase book",
    )
    LogEntry.objects.log_actions(
        user_id=reviewer.pk,
        queryset=[detainee],
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"name": "name variant", "object": "Kliushin"}}]),
        single_object=True,
    )
    other = DetaineeFactory(full_name="Ivan Petrov", welfare_notes="Petrov is well")
    return {"detainee": Detainee.objects.get(pk=detainee.pk), "article": article, "other": other}


# --- Subject access ----------------------------------------------------------------------


def test_subject_access_export_covers_every_table_and_the_history(admin_user, person):
    detainee = person["detainee"]
    response = _api(admin_user).get(f"/api/v1/detainees/{detainee.pk}/subject-access/")
    assert response.status_code == 200
    data = response.json()
    records = data["records"]
    for label in (
        "cases.detainee",
        "cases.namevariant",
        "cases.nationality",
        "cases.case",
        "cases.charge",
        "cases.sentence",
        "cases.extradition",
        "cases.custodyperiod",
        "consular.consularvisit",
        "cases.detaineecitation",
        "cases.namevariantcitation",
        "cases.casecitation",
        "ingest.draft",
        "ingest.draftfact",
    ):
        assert records.get(label), label
    assert records["cases.detainee"][0]["welfare_notes"] == "Klyushin has asthma"
    assert records["cases.case"][0]["case_number"] == "1:21-cr-10104"
    assert {v["name"] for v in records["cases.namevariant"]} >= {"Kliushin", "Vladislav Klyushin"}
    assert records["ingest.draft"][0]["name"] == "Vladislav Klyushin"
    # Old versions are in the history: the record before its original-script name was set.
    names = [row["name_original_script"] for row in data["history"]["cases.detainee"]]
    assert names[0] == "" and names[-1] == "Владислав Клюшин"
    assert data["documents"]["ingest.article"][0]["title"].startswith("Klyushin")
    assert data["documents"]["cases.source"]
    # Nothing about the other person.
    assert "Petrov is well" not in json.dumps(data, ensure_ascii=False)
    event = PersonDataEvent.objects.get(detainee=detainee)
    assert event.action == PersonDataAction.EXPORTED and event.actor == admin_user


def test_subject_access_gives_no_judgement_about_another_person(admin_user, reviewer, person):
    detainee, other = person["detainee"], person["other"]
    draft = detainee.ingest_drafts.get()
    # "This person's name is not Ivan Petrov" (on their own draft), "their name is this
    # person", and "Ivan Petrov's name is not this person".
    ingest_services.match_judgement_record(
        draft=draft, detainee=other, verdict="different", user=reviewer
    )
    ingest_services.match_judgement_record(
        draft=draft, detainee=detainee, verdict="same", user=reviewer
    )
    stranger = DraftFactory(article=person["article"], name="Ivan Petrov", person_key="vn ptrv")
    ingest_services.match_judgement_record(
        draft=stranger, detainee=detainee, verdict="different", user=reviewer
    )
    data = _api(admin_user).get(f"/api/v1/detainees/{detainee.pk}/subject-access/").json()
    judgements = data["records"].get("ingest.matchjudgement", [])
    # Their own "is this person" is theirs; nothing names the other person or their id.
    assert [j["verdict"] for j in judgements] == ["same"]
    assert {j["detainee"] for j in judgements} == {detainee.pk}
    assert "Ivan Petrov" not in json.dumps(data["records"], ensure_ascii=False)


def test_subject_access_from_the_command_line(person, tmp_path):
    detainee = person["detainee"]
    target = tmp_path / "export.json"
    call_command("person_export", str(detainee.pk), "--output", str(target), stderr=io.StringIO())
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["records"]["cases.detainee"][0]["full_name"] == "Vladislav Klyushin"
    with pytest.raises(CommandError, match="No detainee"):
        call_command("person_export", "999999")


@pytest.mark.parametrize("role", ["viewer", "caseworker", "reviewer"])
def test_only_administrators_export_or_anonymise(request, role, person):
    client = _api(request.getfixturevalue(role))
    pk = person["detainee"].pk
    assert client.get(f"/api/v1/detainees/{pk}/subject-access/").status_code == 403
    assert client.post(f"/api/v1/detainees/{pk}/anonymise/", {"reason": "x"}).status_code == 403
    assert not PersonDataEvent.objects.exists()
    assert Detainee.objects.get(pk=pk).full_name == "Vladislav Klyushin"


def test_missing_person_is_404(admin_user):
    assert _api(admin_user).get("/api/v1/detainees/999999/subject-access/").status_code == 404


# --- Anonymisation -----------------------------------------------------------------------


def _figures(client) -> dict:
    """Every statistics endpoint's answer, counted anew; the overdue list names people, and
    only the name may change."""
    summaries_refresh()
    figures = {name: client.get(f"/api/v1/stats/{name}/").json() for name in STATS}
    for answer in figures.values():
        answer.pop("as_of")
    for row in figures["overdue"]["detainees"]:
        row.pop("full_name")
    return figures


def _text_values(row: models.Model):
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        if isinstance(value, str):
            yield field.name, value
        elif isinstance(field, models.JSONField):
            yield field.name, json.dumps(value, ensure_ascii=False)


def _find_names_anywhere() -> list[str]:
    """Every text and JSON column of every table in the database, history included."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for row in model._base_manager.all():
            for name, value in _text_values(row):
                folded = value.casefold()
                for spelling in NAMES:
                    if spelling.casefold() in folded:
                        found.append(f"{model._meta.label}.{name} #{row.pk}: {value[:80]!r}")
    return found


def test_anonymisation_leaves_no_name_anywhere_and_the_figures_unchanged(admin_user, person):
    detainee = person["detainee"]
    client = _api(admin_user)
    assert _find_names_anywhere()  # the scan finds them before
    figures = _figures(client)
    counts = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in ("cases", "consular")
        and not model._meta.model_name.startswith("historical")
        and not model._meta.model_name.startswith("namevariant")  # spellings go
    }

    response = client.post(
        f"/api/v1/detainees/{detainee.pk}/anonymise/", {"reason": "Request of 2026-11-02, ref 17"}
    )
    assert response.status_code == 200
    assert response.json() == {"id": detainee.pk, "full_name": f"Anonymised person {detainee.pk}"}

    assert _find_names_anywhere() == []
    assert _figures(client) == figures
    assert counts == {label: apps.get_model(label)._base_manager.count() for label in counts}

    detainee.refresh_from_db()
    assert detainee.date_of_birth is None and detainee.sex == "" and detainee.welfare_notes == ""
    # The date of birth as reported (and its history) goes too.
    reported = FactReport.objects.filter(detainee=detainee, fact="date_of_birth")
    assert set(reported.values_list("value", flat=True)) == {"anonymised"}
    history = FactReport.history.filter(detainee_id=detainee.pk, fact="date_of_birth")
    assert history.exists() and set(history.values_list("value", flat=True)) == {"anonymised"}
    assert [v.name for v in detainee.name_variants.all()] == [detainee.full_name]
    assert detainee.nationalities.get().country == "RU"
    case = detainee.cases.get()
    assert (
        case.case_number == "" and case.country == "US" and case.charges.get().category == "fraud"
    )
    # The article keeps its length, so other people's evidence still points at them.
    article = person["article"]
    article.refresh_from_db()
    assert len(article.text) == len(ARTICLE) and "Ivan Petrov" in article.text
    # The other person is untouched.
    person["other"].refresh_from_db()
    assert person["other"].full_name == "Ivan Petrov"
    assert person["other"].welfare_notes == "Petrov is well"
    # Found again by the admin's log, without the name.
    entry = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(Detainee))
    assert "Klyushin" not in entry.object_repr

    event = PersonDataEvent.objects.get(action=PersonDataAction.ANONYMISED)
    assert event.actor == admin_user and event.reason == "Request of 2026-11-02, ref 17"
    assert event.detainee_id == detainee.pk


def test_anonymisation_needs_a_reason(admin_user, person):
    pk = person["detainee"].pk
    response = _api(admin_user).post(f"/api/v1/detainees/{pk}/anonymise/", {"reason": "  "})
    assert response.status_code == 400
    assert Detainee.objects.get(pk=pk).full_name == "Vladislav Klyushin"
    with pytest.raises(CommandError):
        call_command("person_anonymise", str(pk), "--reason", "")


def test_anonymisation_from_the_command_line(person):
    pk = person["detainee"].pk
    out = io.StringIO()
    call_command("person_anonymise", str(pk), "--reason", "written request", stdout=out)
    assert "Anonymised person" in out.getvalue()
    assert _find_names_anywhere() == []
    event = PersonDataEvent.objects.get(action=PersonDataAction.ANONYMISED)
    assert event.actor is None and event.reason == "written request"
