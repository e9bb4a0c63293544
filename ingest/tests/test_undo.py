"""Undoing an accepted draft, a failed accept that keeps the reviewer's edits, and where each
accepted fact went."""

import pytest
from django.utils import timezone

from cases import services as case_services
from cases.errors import Conflict
from cases.models import Case, Detainee, DetaineeCitation, Facility
from cases.partial_dates import parse
from consular import services as consular_services
from consular.models import ConsularVisit
from ingest import services
from ingest.constants import ArticleState, DraftStatus, FactDecision, FactKind
from ingest.models import Article

from . import extracted
from .factories import ArticleFactory, DraftFactFactory

pytestmark = pytest.mark.django_db

# Written anew by any save, the undo's included: the fields a restore cannot give back (a
# record's version only moves forward, so that an ETag read before the undo goes stale).
TIME_OF_WRITE = ("updated_at",)
VERSION = "version"


def _without_versions(data):
    if isinstance(data, dict):
        return {k: _without_versions(v) for k, v in data.items() if k != VERSION}
    if isinstance(data, list):
        return [_without_versions(item) for item in data]
    return data


@pytest.fixture
def article(fake_extractor):
    fake_extractor.result = extracted.result(extracted.alvarez())
    article = ArticleFactory(
        state=ArticleState.QUEUED, text=extracted.TEXT_ALVAREZ, text_hash="alvarez", title="Jailed"
    )
    services.article_process(article_id=article.pk)
    article.refresh_from_db()
    return article


@pytest.fixture
def known(caseworker):
    """Tomas Alvarez as the record already holds him: charged in Georgia, held elsewhere."""
    source = case_services.source_get_or_create(url="https://example.org/earlier", title="Earlier")
    person = case_services.detainee_create(
        full_name="Tomas Alvarez",
        nationalities=["CL"],
        status="charged",
        source=source,
        quote="Alvarez was charged.",
    )
    case = case_services.case_open(
        detainee=person, country="GE", arrested=parse("2024-02"), source=source
    )
    case_services.charge_add(case=case, description="smuggling", source=source)
    facility = case_services.facility_get_or_create(name="Tbilisi pre-trial centre", country="GE")
    case_services.custody_period_record(
        detainee=person, facility=facility, started=parse("2024-02"), source=source
    )
    return person


def _payload(client, pk):
    response = client.get(f"/api/v1/detainees/{pk}/")
    assert response.status_code == 200, response.data
    return _without_versions({k: v for k, v in response.json().items() if k not in TIME_OF_WRITE})


def test_undo_of_a_merge_gives_the_detainee_back_exactly(api, article, reviewer, known):
    client = api(reviewer)
    before = _payload(client, known.pk)
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer, merge_into=known.pk)
    changed = _payload(client, known.pk)
    assert changed["status"] == "convicted" and changed != before

    version = Detainee.objects.get(pk=known.pk).version
    services.draft_undo(draft=draft, user=reviewer)

    assert _payload(client, known.pk) == before
    assert Detainee.objects.get(pk=known.pk).version > version
    draft.refresh_from_db()
    assert (draft.status, draft.detainee, draft.reviewed_by) == (DraftStatus.PENDING, None, None)
    assert set(draft.facts.values_list("decision", flat=True)) == {FactDecision.PENDING}
    assert not draft.facts.exclude(record_type="").exists()
    article.refresh_from_db()
    assert article.state == ArticleState.READY
    assert article.events.last().note == f"draft {draft.pk} undone"
    assert draft.name not in article.events.last().note
    # The undo is in the history: the status went back, labelled and by whom.
    latest = known.history.order_by("-history_id").first()
    assert latest.status == "charged"
    assert latest.history_change_reason == services.undo_label(draft.pk)
    assert latest.history_user == reviewer
    # It can be accepted again.
    services.draft_accept(draft=draft, user=reviewer, merge_into=known.pk)
    assert Detainee.objects.get(pk=known.pk).status == "convicted"


def test_undo_of_an_accept_as_new_removes_the_detainee(api, article, reviewer):
    draft = article.drafts.get()
    counts = {m: m.objects.count() for m in (Detainee, Case, Facility, ConsularVisit)}
    services.draft_accept(draft=draft, user=reviewer)
    draft.refresh_from_db()
    created = draft.detainee
    assert api(reviewer).get(f"/api/v1/detainees/{created.pk}/").status_code == 200

    services.draft_undo(draft=draft, user=reviewer)

    assert api(reviewer).get(f"/api/v1/detainees/{created.pk}/").status_code == 404
    assert {m: m.objects.count() for m in counts} == counts
    assert not DetaineeCitation.objects.exists()
    deleted = Detainee.history.filter(id=created.pk, history_type="-").get()
    assert deleted.history_change_reason == services.undo_label(draft.pk)


def test_undo_is_refused_naming_a_record_edited_since(article, reviewer, caseworker, known):
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer, merge_into=known.pk)
    charge = known.cases.get().charges.get()
    charge._history_user = caseworker
    case_services.record_update(record=charge, changes={"statute": "Art. 214"})

    with pytest.raises(Conflict, match=r"charge “smuggling” was changed \(statute\) by caseworker"):
        services.draft_undo(draft=draft, user=reviewer)

    draft.refresh_from_db()
    assert draft.status == DraftStatus.ACCEPTED and draft.detainee_id == known.pk
    assert Detainee.objects.get(pk=known.pk).status == "convicted"


def test_an_undo_refusal_is_worded_in_the_readers_language(article, reviewer, caseworker, known):
    from django.utils import translation

    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer, merge_into=known.pk)
    charge = known.cases.get().charges.get()
    charge._history_user = caseworker
    case_services.record_update(record=charge, changes={"statute": "Art. 214"})
    with translation.override("ru"), pytest.raises(Conflict) as refused:
        services.draft_undo(draft=draft, user=reviewer)
    message = str(refused.value)
    assert "изменено (statute) (caseworker, " in message and "отменить их нельзя" in message
    assert "undo refused" not in message


def test_undo_is_refused_when_a_record_was_added_to_what_the_draft_created(
    article, reviewer, caseworker
):
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer)
    draft.refresh_from_db()
    consular_services.visit_record(detainee=draft.detainee, visitors="Consul Ruiz")

    with pytest.raises(Conflict, match="consular visit .*, added after .* refers to detainee"):
        services.draft_undo(draft=draft, user=reviewer)
    assert Detainee.objects.filter(pk=draft.detainee_id).exists()


def test_undo_through_the_api_and_the_page(api, client, article, reviewer, caseworker):
    draft = article.drafts.get()
    url = f"/api/v1/drafts/{draft.pk}/undo/"
    assert api(reviewer).post(url).status_code == 409  # nothing accepted yet
    services.draft_accept(draft=draft, user=reviewer)
    assert api(caseworker).post(url).status_code == 403
    response = api(reviewer).post(url)
    assert response.status_code == 200, response.data
    assert response.data["status"] == DraftStatus.PENDING and response.data["detainee"] is None
    assert not Detainee.objects.exists()

    services.draft_accept(draft=draft, user=reviewer)
    client.force_login(reviewer)
    page = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert 'data-testid="undo"' in page
    response = client.post(f"/review/drafts/{draft.pk}/", {"action": "undo"}, follow=True)
    assert "Undone" in response.content.decode()
    assert not Detainee.objects.exists()


def test_a_failed_accept_names_each_failing_fact_and_writes_nothing(article, reviewer):
    draft = article.drafts.get()
    facts = {f.kind: f for f in draft.facts.all()}
    sentence, visit = facts[FactKind.SENTENCE], facts[FactKind.CONSULAR_VISIT]
    with pytest.raises(services.FactErrors) as failed:
        services.draft_accept(
            draft=draft,
            user=reviewer,
            edits={
                sentence.pk: {"date": "the 32nd of May", "years": "seven"},
                visit.pk: {"date": "someday"},
            },
        )
    assert set(failed.value.errors) == {sentence.pk, visit.pk}
    assert set(failed.value.errors[sentence.pk]) == {"date", "years"}
    assert not Detainee.objects.exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING


def test_a_write_that_fails_is_named_on_its_fact(article, reviewer):
    """A facility with no country and no detaining country passes its own checks but cannot
    be written: the error lands on that fact, and nothing else is kept."""
    draft = article.drafts.get()
    facts = {f.kind: f for f in draft.facts.all()}
    keep = [facts[FactKind.NAME].pk, facts[FactKind.FACILITY].pk]
    with pytest.raises(services.FactErrors) as failed:
        services.draft_accept(
            draft=draft,
            user=reviewer,
            fact_ids=keep,
            edits={facts[FactKind.FACILITY].pk: {"country": ""}},
        )
    assert set(failed.value.errors) == {facts[FactKind.FACILITY].pk}
    assert "country" in failed.value.errors[facts[FactKind.FACILITY].pk]
    assert not Detainee.objects.exists()


def test_a_failed_accept_page_keeps_every_edit_and_shows_errors_beside_fields(
    client, article, reviewer
):
    draft = article.drafts.get()
    facts = {f.kind: f for f in draft.facts.all()}
    client.force_login(reviewer)
    form = {
        "action": "accept",
        "target": "new",
        "date_of_birth": "1989",
        **{f"accept-{f.pk}": "1" for f in facts.values() if f.kind != FactKind.MAX_PENALTY},
        f"fact-{facts[FactKind.NAME].pk}-name": "Tomás Álvarez",
        f"fact-{facts[FactKind.CHARGE].pk}-description": "smuggling of antiquities",
        f"fact-{facts[FactKind.SENTENCE].pk}-date": "the 32nd of May",
    }
    response = client.post(f"/review/drafts/{draft.pk}/", form)
    assert response.status_code == 200
    body = response.content.decode()
    assert not Detainee.objects.exists()
    assert 'value="Tomás Álvarez"' in body
    assert 'value="smuggling of antiquities"' in body
    assert 'value="1989"' in body
    # The unticked fact stays unticked, the ticked ones ticked.
    assert f'id="accept-{facts[FactKind.MAX_PENALTY].pk}" value="1" >' in body
    assert f'id="accept-{facts[FactKind.CHARGE].pk}" value="1" checked>' in body
    name = f"fact-{facts[FactKind.SENTENCE].pk}-date"
    error_at = body.index(f'data-field="{name}"')
    assert body.index(f'name="{name}"') < error_at
    assert "is not a date" in body[error_at : error_at + 300]


def test_the_api_answers_a_failed_accept_with_errors_per_fact(api, article, reviewer):
    draft = article.drafts.get()
    sentence = draft.facts.get(kind=FactKind.SENTENCE)
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft.pk}/accept/",
        {"edits": {str(sentence.pk): {"date": "someday"}}},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.data["fields"]) == [f"facts.{sentence.pk}.date"]
    assert not Detainee.objects.exists()


def test_each_accepted_fact_says_where_it_went(client, article, reviewer):
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer)
    client.force_login(reviewer)
    body = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert "Already recorded" not in body
    assert "Recorded on <a href=" in body
    assert "sentence of 31 May 2024" in body
    assert "charge “smuggling”" in body
    assert body.count('data-testid="fact-written"') == draft.facts.count()
    assert Article.objects.get(pk=article.pk).state == ArticleState.REVIEWED


def test_drafts_merged_into_one_record_are_undone_newest_first(article, reviewer, fake_extractor):
    first = article.drafts.get()
    services.draft_accept(draft=first, user=reviewer)
    first.refresh_from_db()
    later_article = ArticleFactory(
        state=ArticleState.QUEUED, text=extracted.TEXT_ALVAREZ, text_hash="alvarez-again"
    )
    services.article_process(article_id=later_article.pk)
    later = later_article.drafts.get()
    services.draft_accept(draft=later, user=reviewer, merge_into=first.detainee_id)

    # The later draft's citations hang on records the first one created.
    with pytest.raises(Conflict, match=r"citation “cites .*” was added to .*; undo refused"):
        services.draft_undo(draft=first, user=reviewer)
    assert Detainee.objects.get().citations.count() == 2

    services.draft_undo(draft=later, user=reviewer)
    assert Detainee.objects.get().citations.count() == 1
    services.draft_undo(draft=first, user=reviewer)
    assert not Detainee.objects.exists()


def test_an_acceptance_the_history_does_not_hold_is_not_undone(reviewer):
    """A draft accepted before accepts were labelled: reopening it would let its facts be
    written twice, so the undo is refused and the draft stays accepted."""
    person = case_services.detainee_create(full_name="Ivor Quill")
    fact = DraftFactFactory(
        draft__status=DraftStatus.ACCEPTED,
        draft__detainee=person,
        decision=FactDecision.ACCEPTED,
        decided_at=timezone.now(),
        record_type="cases.detainee",
        record_id=person.pk,
    )
    with pytest.raises(Conflict, match="cannot be undone"):
        services.draft_undo(draft=fact.draft, user=reviewer)
    fact.draft.refresh_from_db()
    assert (fact.draft.status, fact.draft.detainee) == (DraftStatus.ACCEPTED, person)


def test_the_rest_of_a_draft_whose_person_was_archived_since_is_refused_clearly(
    article, reviewer, admin_user, known
):
    draft = article.drafts.get()
    first, *rest = list(draft.facts.order_by("pk").values_list("pk", flat=True))
    services.draft_accept(
        draft=draft, user=reviewer, merge_into=known.pk, fact_ids=[first], finish=False
    )
    case_services.record_archive(record=known, user=admin_user, reason="duplicate record")

    with pytest.raises(Conflict, match="archived"):
        services.draft_accept(draft=draft, user=admin_user, fact_ids=rest)
