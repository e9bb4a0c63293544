import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Detainee
from ingest.constants import ArticleState, DraftStatus
from ingest.models import Article

from . import extracted
from .factories import ArticleFactory, DraftFactFactory, DraftFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(api, caseworker, fake_extractor, django_capture_on_commit_callbacks):
    fake_extractor.result = extracted.result(extracted.alvarez())
    with django_capture_on_commit_callbacks(execute=True):
        response = api(caseworker).post(
            "/api/v1/articles/",
            {"text": extracted.TEXT_ALVAREZ, "title": "Climber jailed", "outlet": "Wire"},
            format="json",
        )
    assert response.status_code == 201, response.data
    # In a test the task runs when the captured on-commit callbacks do, after the answer.
    return api(caseworker).get(f"/api/v1/articles/{response.data['id']}/").data


def test_submitting_text_answers_with_the_article_and_its_drafts(submitted):
    assert submitted["state"] == ArticleState.READY
    assert submitted["title"] == "Climber jailed"
    assert submitted["published"] == "2024-06-03"
    assert [d["name"] for d in submitted["drafts"]] == ["Tomas Alvarez"]
    assert [e["to_state"] for e in submitted["events"]] == ["queued", "extracting", "ready"]


def test_the_same_article_again_is_a_409_naming_the_stored_one(api, reviewer, submitted):
    response = api(reviewer).post(
        "/api/v1/articles/", {"text": extracted.TEXT_ALVAREZ}, format="json"
    )
    assert response.status_code == 409
    assert response.data["article"] == submitted["id"]
    assert "already stored" in response.data["detail"]
    assert Article.objects.count() == 1


def test_a_file_can_be_uploaded(api, caseworker):
    upload = SimpleUploadedFile("story.txt", b"A trader was held in Minsk.", "text/plain")
    response = api(caseworker).post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.data
    assert Article.objects.get().text == "A trader was held in Minsk."


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"text": ""}, "empty"),
        ({}, "text, a file or a URL"),
        ({"url": "http://127.0.0.1/x"}, "private or local"),
        ({"url": "ftp://example.org/x"}, "http and https"),
        ({"text": "x", "published": "someday"}, "not a date"),
    ],
)
def test_bad_submissions_get_a_clear_400(api, caseworker, payload, message):
    response = api(caseworker).post("/api/v1/articles/", payload, format="json")
    assert response.status_code == 400
    assert message in str(response.data)
    assert not Article.objects.exists()


def test_a_binary_upload_gets_a_400(api, caseworker):
    upload = SimpleUploadedFile("x.txt", b"\x00\x01\x02" * 50, "application/octet-stream")
    response = api(caseworker).post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "binary" in str(response.data)


@pytest.mark.parametrize("who", ["viewer", "outsider"])
def test_roles_without_ingest_rights_are_refused(api, request, who):
    user = request.getfixturevalue(who)
    client = api(user)
    assert client.get("/api/v1/articles/").status_code == 403
    assert client.get("/api/v1/drafts/").status_code == 403
    response = client.post("/api/v1/articles/", {"text": "x"}, format="json")
    assert response.status_code == 403


def test_anonymous_users_are_refused(api):
    assert api(None).get("/api/v1/articles/").status_code in (401, 403)


def test_article_list_runs_a_fixed_number_of_queries(api, caseworker):
    for _ in range(3):
        DraftFactory(article=ArticleFactory(submitted_by=caseworker))
    client = api(caseworker)
    client.get("/api/v1/articles/")  # warm caches (permissions, content types)
    with CaptureQueriesContext(connection) as first:
        response = client.get("/api/v1/articles/")
    assert response.data["count"] == 3
    assert response.data["results"][0]["draft_count"] == 1
    for _ in range(4):
        DraftFactory(article=ArticleFactory(submitted_by=caseworker))
    with CaptureQueriesContext(connection) as second:
        client.get("/api/v1/articles/")
    assert len(first) == len(second) <= 6


def test_draft_list_runs_a_fixed_number_of_queries(api, reviewer):
    for _ in range(3):
        DraftFactFactory()
    client = api(reviewer)
    client.get("/api/v1/drafts/")
    with CaptureQueriesContext(connection) as first:
        response = client.get("/api/v1/drafts/?status=pending")
    assert response.data["count"] == 3
    for _ in range(4):
        DraftFactFactory()
    with CaptureQueriesContext(connection) as second:
        client.get("/api/v1/drafts/?status=pending")
    assert len(first) == len(second) <= 6


def test_a_draft_reads_with_facts_and_candidates(api, reviewer, submitted):
    from cases import services as case_services

    existing = case_services.detainee_create(full_name="Томас Альварес", nationalities=["CL"])
    draft_id = submitted["drafts"][0]["id"]
    response = api(reviewer).get(f"/api/v1/drafts/{draft_id}/")
    assert response.status_code == 200
    body = response.data
    assert {f["kind"] for f in body["facts"]} >= {"name", "nationality", "sentence"}
    sentence = next(f for f in body["facts"] if f["kind"] == "sentence")
    assert sentence["spans"] and sentence["quote"]
    [candidate] = body["candidates"]
    assert candidate["detainee"] == existing.pk
    assert candidate["score"] >= 85
    assert any("nationality CL matches" in r for r in candidate["reasons"])


def test_accepting_through_the_api_with_edits_and_a_merge_target(api, reviewer, submitted):
    from cases import services as case_services

    existing = case_services.detainee_create(full_name="Tomas Alvarez", nationalities=["CL"])
    draft_id = submitted["drafts"][0]["id"]
    detail = api(reviewer).get(f"/api/v1/drafts/{draft_id}/").data
    charge = next(f for f in detail["facts"] if f["kind"] == "charge")
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft_id}/accept/",
        {"merge_into": existing.pk, "edits": {str(charge["id"]): {"category": "drugs"}}},
        format="json",
    )
    assert response.status_code == 200, response.data
    assert response.data["status"] == DraftStatus.ACCEPTED
    assert response.data["detainee"] == existing.pk
    assert Detainee.objects.count() == 1
    assert existing.cases.get().charges.get().category == "drugs"
    again = api(reviewer).post(f"/api/v1/drafts/{draft_id}/accept/", {}, format="json")
    assert again.status_code == 409


def test_a_caseworker_cannot_accept_and_a_reviewer_rejects(api, caseworker, reviewer, submitted):
    draft_id = submitted["drafts"][0]["id"]
    assert api(caseworker).post(f"/api/v1/drafts/{draft_id}/accept/", {}).status_code == 403
    no_reason = api(reviewer).post(f"/api/v1/drafts/{draft_id}/reject/", {}, format="json")
    assert no_reason.status_code == 400
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft_id}/reject/", {"reason": "Duplicate report"}, format="json"
    )
    assert response.status_code == 200
    assert response.data["status"] == "rejected"
    assert response.data["reject_reason"] == "Duplicate report"


def test_an_invalid_edit_is_a_400(api, reviewer, submitted):
    draft_id = submitted["drafts"][0]["id"]
    detail = api(reviewer).get(f"/api/v1/drafts/{draft_id}/").data
    nationality = next(f for f in detail["facts"] if f["kind"] == "nationality")
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft_id}/accept/",
        {"edits": {str(nationality["id"]): {"country": "Atlantis"}}},
        format="json",
    )
    assert response.status_code == 400
    assert "ISO 3166" in str(response.data)
    assert not Detainee.objects.exists()


def test_the_schema_documents_the_ingest_endpoints():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    accept = schema["paths"]["/api/v1/drafts/{id}/accept/"]["post"]
    assert {"200", "400", "403", "409"} <= set(accept["responses"])
    submit = schema["paths"]["/api/v1/articles/"]["post"]
    assert "multipart/form-data" in submit["requestBody"]["content"]
    assert "409" in submit["responses"]


def test_a_draft_names_its_suggested_match_and_each_candidates_tier(api, reviewer):
    from cases import services as case_services
    from ingest.constants import FactKind

    same = case_services.detainee_create(full_name="Evgeny Nikulin")
    possible = case_services.detainee_create(full_name="Yevgeniy Nikulin-Orlov")
    case_services.detainee_create(full_name="Evgeniya Silina")
    draft = DraftFactFactory(draft__name="Yevgeniy Nikulin").draft
    DraftFactFactory(draft=draft, kind=FactKind.STATUS, value={"status": "charged"})
    body = api(reviewer).get(f"/api/v1/drafts/{draft.pk}/").data
    assert body["suggested_match"] == same.pk
    tiers = {c["detainee"]: c["tier"] for c in body["candidates"]}
    assert tiers == {same.pk: "same", possible.pk: "possible"}
    assert all(c["reasons"] and 0 <= c["score"] <= 100 for c in body["candidates"])

    response = api(reviewer).post(
        f"/api/v1/drafts/{draft.pk}/not-this-person/", {"detainee": same.pk}, format="json"
    )
    assert response.status_code == 200
    assert response.data["suggested_match"] is None
    assert {c["detainee"]: c["tier"] for c in response.data["candidates"]}[same.pk] == "possible"
    # The defaults now make a new detainee.
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft.pk}/accept/",
        {"merge_into": response.data["suggested_match"]},
        format="json",
    )
    assert response.status_code == 200
    assert response.data["detainee"] not in (same.pk, possible.pk)


def test_not_this_person_is_for_reviewers_and_known_records(api, caseworker, reviewer):
    draft = DraftFactFactory(draft__name="Yevgeniy Nikulin").draft
    url = f"/api/v1/drafts/{draft.pk}/not-this-person/"
    assert api(caseworker).post(url, {"detainee": 1}, format="json").status_code == 403
    response = api(reviewer).post(url, {"detainee": 999}, format="json")
    assert response.status_code == 400
    assert api(reviewer).post(url, {}, format="json").status_code == 400
