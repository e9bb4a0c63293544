"""Drafts from extraction results, and accepting or rejecting them."""

import pytest

from cases import services as case_services
from cases.errors import Conflict, DomainError, NotPermitted
from cases.models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    NameVariant,
    Nationality,
    Sentence,
)
from consular.models import ConsularVisit
from ingest import services
from ingest.constants import ArticleState, DraftStatus, FactDecision, FactKind
from ingest.models import Article, Draft

from . import extracted
from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(fake_extractor, caseworker):
    fake_extractor.result = extracted.result(extracted.alvarez())
    article = ArticleFactory(
        state=ArticleState.QUEUED, text=extracted.TEXT_ALVAREZ, text_hash="alvarez", title="Jailed"
    )
    services.article_process(article_id=article.pk)
    article.refresh_from_db()
    return article


def _record_counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Detainee,
            NameVariant,
            Nationality,
            Case,
            Charge,
            Sentence,
            Extradition,
            CustodyPeriod,
            ConsularVisit,
        )
    }


def test_each_person_becomes_a_draft_with_facts_and_evidence(article):
    assert article.state == ArticleState.READY
    draft = article.drafts.get()
    assert draft.name == "Tomas Alvarez"
    assert draft.extractor_version == "test-1"
    facts = {f.kind: f for f in draft.facts.all()}
    assert set(facts) == set(FactKind.values)
    nationality = facts[FactKind.NATIONALITY]
    assert nationality.value == {"country": "CL"}
    [[start, end]] = nationality.spans
    assert article.text[start:end] == "Chilean citizen"
    # The quote is the whole sentence the evidence sits in.
    assert nationality.quote.startswith("A court in Tbilisi on Friday sentenced Chilean citizen")
    assert facts[FactKind.SENTENCE].value["fine_amount"] == "20000.00"


def test_accepting_all_writes_every_fact_citing_the_article(article, reviewer):
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer)
    draft.refresh_from_db()
    detainee = draft.detainee
    assert draft.status == DraftStatus.ACCEPTED
    assert draft.reviewed_by == reviewer
    assert detainee.full_name == "Tomas Alvarez"
    assert detainee.status == "convicted"
    source = Article.objects.get(pk=article.pk).source
    assert source.title == "Jailed"
    assert detainee.citations.filter(source=source).exists()
    assert detainee.nationalities.get().country == "CL"
    case = detainee.cases.get()
    assert case.country == "GE" and case.status == "sentenced"
    charge = case.charges.get()
    assert (charge.description, charge.max_penalty_years) == ("smuggling", 10)
    sentence = case.sentences.get()
    assert (sentence.term_years, sentence.fine_currency) == (7, "USD")
    assert sentence.sentenced.isoformat() == "2024-05-31"
    assert detainee.custody_periods.get().facility.name == "Gldani prison"
    extradition = detainee.extraditions.get()
    assert (extradition.from_country, extradition.to_country) == ("AM", "GE")
    assert extradition.surrendered.isoformat() == "2024-03"
    visit = detainee.consular_visits.get()
    assert visit.visitors == "Ana Rojas" and visit.visited.isoformat() == "2024-05-20"
    # Every record written cites the article, quoting its evidence sentence.
    for fact in draft.facts.all():
        assert fact.decision == FactDecision.ACCEPTED
        assert fact.decided_by == reviewer and fact.decided_at
        model = {
            "cases.namevariant": NameVariant,
            "cases.nationality": Nationality,
            "cases.detainee": Detainee,
            "cases.case": Case,
            "cases.charge": Charge,
            "cases.sentence": Sentence,
            "cases.extradition": Extradition,
            "cases.custodyperiod": CustodyPeriod,
            "consular.consularvisit": ConsularVisit,
        }[fact.record_type]
        record = model.objects.get(pk=fact.record_id)
        citation = record.citations.get(source=source)
        assert citation.quote, fact.kind
    assert sentence.citations.get().quote == draft.facts.get(kind="sentence").quote
    article.refresh_from_db()
    assert article.state == ArticleState.REVIEWED
    assert article.events.last().actor == reviewer


def test_accepting_twice_or_re_extracting_creates_no_duplicate(article, reviewer, fake_extractor):
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer)
    before = _record_counts()
    with pytest.raises(Conflict, match="already accepted"):
        services.draft_accept(draft=draft, user=reviewer)
    services.article_reextract(article=article, user=reviewer)
    services.article_process(article_id=article.pk)
    article.refresh_from_db()
    assert article.state == ArticleState.REVIEWED
    assert article.drafts.count() == 1
    assert _record_counts() == before


def test_re_extracting_refreshes_an_untouched_draft_in_place(article, reviewer, fake_extractor):
    draft = article.drafts.get()
    fake_extractor.result = extracted.result(extracted.alvarez(), version="test-2")
    services.article_reextract(article=article, user=reviewer)
    services.article_process(article_id=article.pk)
    assert list(article.drafts.values_list("pk", "extractor_version")) == [(draft.pk, "test-2")]
    assert Draft.objects.get(pk=draft.pk).facts.count() == len(FactKind.values)


def test_merging_into_an_existing_detainee_adds_to_that_record(article, reviewer):
    existing = case_services.detainee_create(
        full_name="Tomás Álvarez", name_original_script="Томас Альварес", nationalities=["CL"]
    )
    draft = article.drafts.get()
    services.draft_accept(draft=draft, user=reviewer, merge_into=existing.pk)
    assert Detainee.objects.count() == 1
    existing.refresh_from_db()
    assert existing.status == "convicted"
    names = set(existing.name_variants.values_list("name", flat=True))
    assert {"Tomas Alvarez", "Alvarez", "Tomás Álvarez"} <= names
    assert existing.nationalities.count() == 1
    assert existing.cases.get().charges.count() == 1


def test_facts_can_be_accepted_one_by_one(article, reviewer):
    draft = article.drafts.get()
    name = draft.facts.get(kind=FactKind.NAME)
    nationality = draft.facts.get(kind=FactKind.NATIONALITY)
    services.draft_accept(draft=draft, user=reviewer, fact_ids=[name.pk], finish=False)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING and draft.detainee
    assert not draft.detainee.nationalities.exists()
    services.draft_accept(draft=draft, user=reviewer, fact_ids=[nationality.pk], finish=True)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ACCEPTED
    assert draft.detainee.nationalities.get().country == "CL"
    assert Detainee.objects.count() == 1
    assert draft.facts.filter(decision=FactDecision.REJECTED).count() == len(FactKind.values) - 2
    assert not Charge.objects.exists()


def test_the_reviewer_edits_a_fact_before_accepting(article, reviewer):
    draft = article.drafts.get()
    nationality = draft.facts.get(kind=FactKind.NATIONALITY)
    services.draft_accept(draft=draft, user=reviewer, edits={nationality.pk: {"country": "ar"}})
    nationality.refresh_from_db()
    assert nationality.value == {"country": "AR"}
    assert nationality.extracted_value == {"country": "CL"}
    assert nationality.is_edited
    assert Detainee.objects.get().nationalities.get().country == "AR"


def test_a_bad_edit_is_refused_and_nothing_is_written(article, reviewer):
    draft = article.drafts.get()
    before = _record_counts()
    sentence = draft.facts.get(kind=FactKind.SENTENCE)
    with pytest.raises(DomainError, match="not a number"):
        services.draft_accept(draft=draft, user=reviewer, edits={sentence.pk: {"years": "many"}})
    assert _record_counts() == before
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING
    assert sentence.value == draft.facts.get(kind=FactKind.SENTENCE).value


def test_an_incomplete_fact_is_left_out_of_accept_all(fake_extractor, reviewer):
    text = "Chilean citizen Tomas Alvarez was extradited to Georgia."
    person = extracted.person(
        text,
        "Tomas Alvarez",
        nationality=("CL", "Chilean citizen"),
        extradition={"to": "GE", "evidence": "was extradited to Georgia"},
    )
    fake_extractor.result = extracted.result(person)
    article = ArticleFactory(state=ArticleState.QUEUED, text=text, text_hash="short")
    services.article_process(article_id=article.pk)
    draft = article.drafts.get()
    extradition = draft.facts.get(kind=FactKind.EXTRADITION)
    assert "required" in extradition.note
    services.draft_accept(draft=draft, user=reviewer)
    extradition.refresh_from_db()
    assert extradition.decision == FactDecision.REJECTED
    assert "left out, incomplete" in extradition.note
    assert not Extradition.objects.exists()
    assert Detainee.objects.get().nationalities.get().country == "CL"


def test_rejecting_needs_a_reason_and_writes_nothing(article, reviewer):
    draft = article.drafts.get()
    with pytest.raises(DomainError, match="why"):
        services.draft_reject(draft=draft, user=reviewer, reason="  ")
    services.draft_reject(draft=draft, user=reviewer, reason="Not one of our nationals")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.REJECTED
    assert draft.reject_reason == "Not one of our nationals"
    assert not Detainee.objects.exists()
    assert Article.objects.get(pk=article.pk).state == ArticleState.REVIEWED
    with pytest.raises(Conflict):
        services.draft_accept(draft=draft, user=reviewer)


def test_only_reviewers_accept_or_reject(article, caseworker, viewer):
    draft = article.drafts.get()
    for user in (caseworker, viewer):
        with pytest.raises(NotPermitted):
            services.draft_accept(draft=draft, user=user)
        with pytest.raises(NotPermitted):
            services.draft_reject(draft=draft, user=user, reason="no")
    assert not Detainee.objects.exists()


def test_a_restricted_detainee_the_reviewer_cannot_see_is_no_merge_target(
    article, reviewer, caseworker
):
    hidden = case_services.detainee_create(full_name="Tomas Alvarez")
    hidden.is_restricted, hidden.assigned_caseworker = True, caseworker
    hidden.save()
    draft = article.drafts.get()
    with pytest.raises(DomainError, match="no such detainee"):
        services.draft_accept(draft=draft, user=reviewer, merge_into=hidden.pk)
    assert hidden.name_variants.count() == 1


def test_a_worker_claims_an_article_only_once(caseworker):
    article = ArticleFactory(state=ArticleState.QUEUED)
    assert services.article_claim(article_id=article.pk, to_state=ArticleState.EXTRACTING)
    assert services.article_claim(article_id=article.pk, to_state=ArticleState.EXTRACTING) is None
    article.refresh_from_db()
    assert article.state == ArticleState.EXTRACTING and article.attempts == 1


def test_a_stale_claim_can_be_taken_over(settings):
    import time_machine

    settings.INGEST_CLAIM_TIMEOUT_SECONDS = 60
    article = ArticleFactory(state=ArticleState.QUEUED)
    with time_machine.travel("2025-01-01 10:00:00+00:00", tick=False):
        assert services.article_claim(article_id=article.pk, to_state=ArticleState.EXTRACTING)
    with time_machine.travel("2025-01-01 10:00:30+00:00", tick=False):
        assert not services.article_claim(article_id=article.pk, to_state=ArticleState.EXTRACTING)
    with time_machine.travel("2025-01-01 10:02:00+00:00", tick=False):
        assert services.article_claim(article_id=article.pk, to_state=ArticleState.EXTRACTING)


def test_transitions_outside_the_table_are_refused(reviewer):
    article = ArticleFactory(state=ArticleState.READY)
    with pytest.raises(Conflict, match="cannot become fetching"):
        services.article_transition(article=article, to_state=ArticleState.FETCHING)
    services.article_transition(article=article, to_state=ArticleState.QUEUED, actor=reviewer)
    event = article.events.get()
    assert (event.from_state, event.to_state, event.actor) == ("ready", "queued", reviewer)


def test_an_extractor_crash_fails_the_article_with_the_reason(monkeypatch):
    def boom(text, *, published=None):
        raise ValueError("unexpected shape")

    monkeypatch.setattr("ingest.extraction.extract", boom)
    article = ArticleFactory(state=ArticleState.QUEUED)
    services.article_process(article_id=article.pk)
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "unexpected shape" in article.state_reason


def test_merging_shows_in_the_next_read_of_a_cached_detail(article, reviewer, viewer):
    from django.core.cache import cache
    from rest_framework.test import APIClient

    existing = case_services.detainee_create(
        full_name="Tomás Álvarez", name_original_script="Томас Альварес", nationalities=["CL"]
    )
    client = APIClient()
    client.force_authenticate(viewer)
    url = f"/api/v1/detainees/{existing.pk}/"
    cache.clear()
    assert client.get(url).data["cases"] == []
    services.draft_accept(draft=article.drafts.get(), user=reviewer, merge_into=existing.pk)
    [case] = client.get(url).data["cases"]
    assert len(case["charges"]) == 1
