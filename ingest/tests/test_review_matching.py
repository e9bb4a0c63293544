"""Accepting drafts against the records they may match: the defaults never write into the
wrong person, reviewers' judgements are kept, and junk is not offered as facts."""

import pytest

from cases import services as case_services
from cases.constants import DetaineeStatus
from cases.errors import Conflict, DomainError
from cases.models import Detainee
from ingest import facts, services
from ingest.constants import ArticleState, FactKind, MatchTier, MatchVerdict
from ingest.matching import draft_matches
from ingest.models import MatchJudgement

from . import extracted
from .factories import ArticleFactory, DraftFactFactory

pytestmark = pytest.mark.django_db


def _draft(name: str, *, nationality="RU", status="charged", country="CZ"):
    draft = DraftFactFactory(draft__name=name).draft
    DraftFactFactory(draft=draft, kind=FactKind.NATIONALITY, value={"country": nationality})
    DraftFactFactory(draft=draft, kind=FactKind.STATUS, value={"status": status})
    DraftFactFactory(draft=draft, kind=FactKind.DETAINING_COUNTRY, value={"country": country})
    return draft


def _accept_with_defaults(draft, user):
    """What a reviewer who keeps every default does: the suggestion (or a new detainee),
    every complete fact."""
    suggested = draft_matches(draft, user).suggested_match
    return services.draft_accept(draft=draft, user=user, merge_into=suggested, fact_ids=None)


def _silina():
    silina = case_services.detainee_create(
        full_name="Evgeniya Silina", nationalities=["RU"], status=DetaineeStatus.CONVICTED
    )
    case_services.name_variant_add(detainee=silina, name="Evgenia Silina")
    return silina


def test_a_draft_whose_best_candidate_differs_in_surname_becomes_a_new_detainee(reviewer):
    silina = _silina()
    draft = _draft("Yevgeniy Nikulin")
    matches = draft_matches(draft, reviewer)
    assert matches.suggested_match is None
    assert silina not in [c.detainee for c in matches.candidates]

    accepted = _accept_with_defaults(draft, reviewer)

    assert accepted.detainee != silina
    assert accepted.detainee.full_name == "Yevgeniy Nikulin"
    silina.refresh_from_db()
    assert silina.status == DetaineeStatus.CONVICTED
    assert not silina.cases.exists()
    assert sorted(v.name for v in silina.name_variants.all()) == [
        "Evgenia Silina",
        "Evgeniya Silina",
    ]
    assert Detainee.objects.count() == 2


def test_a_shared_surname_is_listed_as_possible_and_the_defaults_create_a_new_detainee(
    reviewer,
):
    smirnov = case_services.detainee_create(full_name="Aleksei Smirnov", nationalities=["RU"])
    draft = _draft("Izyaslav Smirnov")
    DraftFactFactory(draft=draft, kind=FactKind.NAME_VARIANT, value={"name": "Smirnov"})
    assert draft_matches(draft, reviewer).suggested_match is None
    accepted = _accept_with_defaults(draft, reviewer)
    assert accepted.detainee != smirnov
    assert not smirnov.cases.exists()


def test_the_suggestion_is_merged_into_with_the_defaults_and_judged_the_same(reviewer):
    person = case_services.detainee_create(
        full_name="Yevgeniy Nikulin", name_original_script="Евгений Никулин", nationalities=["RU"]
    )
    draft = _draft("Evgeny Nikulin")
    matches = draft_matches(draft, reviewer)
    assert matches.suggested_match == person.pk
    assert matches.candidates[0].tier == MatchTier.SAME
    accepted = _accept_with_defaults(draft, reviewer)
    assert accepted.detainee == person
    [judgement] = MatchJudgement.objects.all()
    assert (judgement.name, judgement.detainee, judgement.verdict) == (
        "Evgeny Nikulin",
        person,
        MatchVerdict.SAME,
    )
    assert judgement.decided_by == reviewer and judgement.draft == accepted


def test_accepting_as_new_while_candidates_were_listed_judges_them_not_the_person(reviewer):
    other = case_services.detainee_create(full_name="Anatoly Legkodymov", nationalities=["RU"])
    draft = _draft("A. Legkodymov")
    [candidate] = draft_matches(draft, reviewer).candidates
    assert candidate.detainee == other and candidate.tier == MatchTier.POSSIBLE
    services.draft_accept(draft=draft, user=reviewer, fact_ids=None)
    [judgement] = MatchJudgement.objects.all()
    assert (judgement.detainee, judgement.verdict, judgement.decided_by) == (
        other,
        MatchVerdict.DIFFERENT,
        reviewer,
    )
    # A later draft with that name: still listed with the judgement, never suggested.
    later = _draft("A. Legkodymov")
    matches = draft_matches(later, reviewer)
    assert matches.suggested is None
    assert any("is not this person" in r for r in matches.candidates[-1].reasons)


def test_not_this_person_keeps_the_pair_out_of_the_top_tier(reviewer):
    person = case_services.detainee_create(full_name="Yevgeniy Nikulin", nationalities=["RU"])
    draft = _draft("Yevgeniy Nikulin")
    assert draft_matches(draft, reviewer).suggested_match == person.pk
    services.draft_not_this_person(draft=draft, detainee_id=person.pk, user=reviewer)
    matches = draft_matches(draft, reviewer)
    assert matches.suggested is None
    assert matches.candidates[0].tier == MatchTier.POSSIBLE
    # And the defaults now create a new detainee.
    accepted = _accept_with_defaults(draft, reviewer)
    assert accepted.detainee != person
    assert not person.cases.exists()


def test_not_this_person_is_refused_for_unknown_records_and_closed_drafts(reviewer, caseworker):
    person = case_services.detainee_create(full_name="Yevgeniy Nikulin")
    draft = _draft("Yevgeniy Nikulin")
    with pytest.raises(DomainError):
        services.draft_not_this_person(draft=draft, detainee_id=person.pk + 99, user=reviewer)
    with pytest.raises(Exception, match="Only reviewers"):
        services.draft_not_this_person(draft=draft, detainee_id=person.pk, user=caseworker)
    services.draft_accept(draft=draft, user=reviewer, merge_into=person.pk, fact_ids=None)
    with pytest.raises(Conflict):
        services.draft_not_this_person(draft=draft, detainee_id=person.pk, user=reviewer)
    assert list(MatchJudgement.objects.values_list("verdict", flat=True)) == [MatchVerdict.SAME]


# --- What is offered, and ticked, by default --------------------------------------------

TEXT_WHELAN = (
    "U.S. Marine Paul Whelan was charged with spying Monday in Moscow. "
    "Marine veteran Whelan denies it; Paul said so in court. "
    "A consular officer visited him. Commander Oleg Dyatlov was also held."
)


def test_names_lose_titles_bare_given_names_and_junk_facts_are_not_offered():
    text = TEXT_WHELAN
    person = extracted.person(
        text,
        "U.S. Marine Paul Whelan",
        variants=("Marine", "Whelan", "Paul"),
        charges=(("spying Monday", "espionage", "charged with spying Monday"),),
        visit={"visitor": None, "date": None, "evidence": "A consular officer visited him."},
    )
    found = facts.facts_from_extracted(person, text)
    names = [(f.kind, f.value["name"]) for f in found if "name" in f.kind]
    assert names == [(FactKind.NAME, "Paul Whelan"), (FactKind.NAME_VARIANT, "Whelan")]
    [charge] = [f for f in found if f.kind == FactKind.CHARGE]
    assert charge.value["description"] == "spying"
    assert not [f for f in found if f.kind == FactKind.CONSULAR_VISIT]


def test_a_visit_with_a_visitor_or_a_date_is_still_offered():
    text = "Consul Ana Rojas visited Tomas Alvarez."
    person = extracted.person(
        text,
        "Tomas Alvarez",
        visit={"visitor": "Ana Rojas", "date": None, "evidence": "Consul Ana Rojas visited"},
    )
    [visit] = [f for f in facts.facts_from_extracted(person, text) if f.kind == "consular_visit"]
    assert visit.value["visitor"] == "Ana Rojas"


def test_a_draft_is_named_without_the_rank(fake_extractor, caseworker):
    text = TEXT_WHELAN
    fake_extractor.result = extracted.result(extracted.person(text, "U.S. Marine Paul Whelan"))
    article = ArticleFactory(state=ArticleState.QUEUED, text=text, text_hash="whelan")
    services.article_process(article_id=article.pk)
    [draft] = article.drafts.all()
    assert draft.name == "Paul Whelan"


def test_undoing_an_accept_takes_back_its_judgements_but_not_an_explicit_one(reviewer):
    person = case_services.detainee_create(full_name="Yevgeniy Nikulin", nationalities=["RU"])
    stranger = case_services.detainee_create(full_name="Yevgeniy Nikulin-Orlov")
    draft = _draft("Yevgeniy Nikulin")
    services.draft_not_this_person(draft=draft, detainee_id=stranger.pk, user=reviewer)
    services.draft_accept(draft=draft, user=reviewer, merge_into=person.pk, fact_ids=None)
    assert MatchJudgement.objects.filter(verdict=MatchVerdict.SAME, detainee=person).exists()
    services.draft_undo(draft=draft, user=reviewer)
    assert list(MatchJudgement.objects.values_list("detainee", "verdict")) == [
        (stranger.pk, MatchVerdict.DIFFERENT)
    ]


# --- Merging into anyone but the suggestion takes an explicit choice ----------------------


def test_merging_into_someone_not_suggested_lists_the_changes_and_writes_nothing(reviewer):
    silina = _silina()
    draft = _draft("Yevgeniy Nikulin")
    assert draft_matches(draft, reviewer).suggested_match is None

    with pytest.raises(services.MergeNotConfirmed) as refused:
        services.draft_accept(draft=draft, user=reviewer, merge_into=silina.pk)

    changes = refused.value.changes
    assert "Status: Convicted → Charged" in changes
    assert any(line.startswith("New case in") for line in changes)
    assert refused.value.details == {"confirm_merge": changes}
    silina.refresh_from_db()
    assert silina.status == DetaineeStatus.CONVICTED and not silina.cases.exists()
    draft.refresh_from_db()
    assert draft.status == "pending" and draft.detainee is None

    # The explicit choice.
    services.draft_accept(draft=draft, user=reviewer, merge_into=silina.pk, confirm_merge=True)
    draft.refresh_from_db()
    assert draft.detainee == silina


def test_the_api_answers_409_with_the_changes_until_the_merge_is_confirmed(api, reviewer):
    silina = _silina()
    draft = _draft("Yevgeniy Nikulin")
    client = api(reviewer)
    url = f"/api/v1/drafts/{draft.pk}/accept/"

    response = client.post(url, {"merge_into": silina.pk}, format="json")
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["code"] == "confirmation_required"
    assert "Status: Convicted → Charged" in body["fields"]["confirm_merge"]
    assert "Evgeniya Silina is not the suggested match" in body["detail"]
    assert not Detainee.objects.get(pk=silina.pk).cases.exists()

    response = client.post(url, {"merge_into": silina.pk, "confirm_merge": True}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["detainee"] == silina.pk


def test_the_suggested_match_needs_no_confirmation_in_the_api(api, reviewer):
    person = case_services.detainee_create(full_name="Yevgeniy Nikulin", nationalities=["RU"])
    draft = _draft("Yevgeniy Nikulin")
    assert draft_matches(draft, reviewer).suggested_match == person.pk
    response = api(reviewer).post(
        f"/api/v1/drafts/{draft.pk}/accept/", {"merge_into": person.pk}, format="json"
    )
    assert response.status_code == 200, response.content


def test_the_schema_documents_the_confirmation():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    accept = schema["paths"]["/api/v1/drafts/{id}/accept/"]["post"]
    assert "confirmation_required" in accept["responses"]["409"]["description"]
    fields = schema["components"]["schemas"]["DraftAcceptRequest"]["properties"]
    assert fields["confirm_merge"]["type"] == "boolean"
    assert "suggested_match" in fields["confirm_merge"]["description"]
