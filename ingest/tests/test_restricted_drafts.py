"""A draft written to a restricted detainee is part of that person's record: reviewers who
cannot see the person see neither the draft nor its detainee and record ids."""

import pytest
from rest_framework.test import APIClient

from cases import roles
from cases.constants import DetaineeStatus
from cases.tests.factories import DetaineeFactory, UserFactory
from ingest.constants import DraftStatus, FactDecision

from .factories import ArticleFactory, DraftFactFactory, DraftFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_reviewer(role_groups):
    return UserFactory(username="assigned-reviewer", role=roles.REVIEWER, is_staff=True)


@pytest.fixture
def article():
    return ArticleFactory(title="Two people held at the border")


@pytest.fixture
def restricted_draft(article, assigned_reviewer):
    person = DetaineeFactory(
        full_name="Hidden Person",
        status=DetaineeStatus.DETAINED,
        is_restricted=True,
        assigned_caseworker=assigned_reviewer,
    )
    draft = DraftFactory(
        article=article, name="Hidden Person", detainee=person, status=DraftStatus.ACCEPTED
    )
    DraftFactFactory(
        draft=draft,
        decision=FactDecision.ACCEPTED,
        record_type="cases.detainee",
        record_id=person.pk,
    )
    return draft


@pytest.fixture
def open_draft(article):
    return DraftFactFactory(draft__article=article, draft__name="Open Person").draft


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_draft_list_leaves_it_out(reviewer, restricted_draft, open_draft):
    response = api(reviewer).get("/api/v1/drafts/")
    assert [d["id"] for d in response.data["results"]] == [open_draft.pk]
    assert [d["detainee"] for d in response.data["results"]] == [None]


def test_the_draft_reads_as_missing(reviewer, restricted_draft):
    response = api(reviewer).get(f"/api/v1/drafts/{restricted_draft.pk}/")
    missing = api(reviewer).get("/api/v1/drafts/987654/")
    assert response.status_code == missing.status_code == 404
    assert response.data == missing.data


def test_the_article_shows_neither_the_draft_nor_its_detainee(
    reviewer, article, restricted_draft, open_draft
):
    response = api(reviewer).get(f"/api/v1/articles/{article.pk}/")
    assert [d["id"] for d in response.data["drafts"]] == [open_draft.pk]
    assert response.data["draft_count"] == 1
    listed = api(reviewer).get("/api/v1/articles/").data["results"][0]
    assert listed["draft_count"] == 1


def test_the_assigned_reviewer_sees_the_draft_and_its_detainee(
    assigned_reviewer, article, restricted_draft
):
    response = api(assigned_reviewer).get(f"/api/v1/drafts/{restricted_draft.pk}/")
    assert response.status_code == 200
    assert response.data["detainee"] == restricted_draft.detainee_id
    assert response.data["facts"][0]["record_id"] == restricted_draft.detainee_id
    article_data = api(assigned_reviewer).get(f"/api/v1/articles/{article.pk}/").data
    assert article_data["draft_count"] == 1


def test_the_review_pages_do_not_show_or_link_it(client, reviewer, article, restricted_draft):
    client.force_login(reviewer)
    assert client.get(f"/review/drafts/{restricted_draft.pk}/").status_code == 404
    page = client.get(f"/review/articles/{article.pk}/").content.decode()
    assert "Hidden Person" not in page
    assert f"/detainees/{restricted_draft.detainee_id}/" not in page


def test_merging_into_a_restricted_detainee_is_like_merging_into_a_missing_one(
    reviewer, restricted_draft, open_draft
):
    client = api(reviewer)
    url = f"/api/v1/drafts/{open_draft.pk}/accept/"
    hidden = client.post(url, {"merge_into": restricted_draft.detainee_id}, format="json")
    missing = client.post(url, {"merge_into": 987654}, format="json")
    assert hidden.status_code == missing.status_code == 400
    assert hidden.data == missing.data


def test_the_outsider_sees_no_draft(outsider, restricted_draft, open_draft):
    assert api(outsider).get("/api/v1/drafts/").status_code == 403
    assert api(outsider).get(f"/api/v1/drafts/{restricted_draft.pk}/").status_code == 403
