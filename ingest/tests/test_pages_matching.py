"""The draft page's record choice: only the same-person tier is pre-selected, merging into
anyone else asks for a confirmation that lists the changes, and "not this person"."""

import re

import pytest

from cases import services as case_services
from cases.constants import DetaineeStatus
from cases.models import Detainee
from ingest.constants import DraftStatus, FactKind, MatchVerdict
from ingest.models import MatchJudgement

from .factories import DraftFactFactory

pytestmark = pytest.mark.django_db


def _draft(name: str):
    draft = DraftFactFactory(draft__name=name).draft
    DraftFactFactory(draft=draft, kind=FactKind.NATIONALITY, value={"country": "RU"})
    DraftFactFactory(draft=draft, kind=FactKind.STATUS, value={"status": "charged"})
    DraftFactFactory(draft=draft, kind=FactKind.DETAINING_COUNTRY, value={"country": "CZ"})
    return draft


def _checked(page: str) -> list[str]:
    return re.findall(r'name="target" value="(\w+)"[^>]*checked', page)


def test_only_the_same_person_tier_is_pre_selected(client, reviewer):
    same = case_services.detainee_create(full_name="Evgeny Nikulin", nationalities=["RU"])
    client.force_login(reviewer)
    page = client.get(f"/review/drafts/{_draft('Yevgeniy Nikulin').pk}/").content.decode()
    assert _checked(page) == [str(same.pk)]
    assert "same person: suggested" in page

    possible = case_services.detainee_create(full_name="Anatoly Legkodymov")
    page = client.get(f"/review/drafts/{_draft('A. Legkodymov').pk}/").content.decode()
    assert _checked(page) == ["new"]
    assert f'value="{possible.pk}"' in page and "possible" in page


def test_a_different_surname_is_not_offered_and_new_detainee_is_the_default(client, reviewer):
    case_services.detainee_create(full_name="Evgeniya Silina", nationalities=["RU"])
    client.force_login(reviewer)
    page = client.get(f"/review/drafts/{_draft('Yevgeniy Nikulin').pk}/").content.decode()
    assert _checked(page) == ["new"]
    assert "Silina" not in page


def test_merging_into_a_possible_candidate_lists_the_changes_before_writing(client, reviewer):
    person = case_services.detainee_create(
        full_name="Anatoly Legkodymov", nationalities=["RU"], status=DetaineeStatus.CONVICTED
    )
    draft = _draft("A. Legkodymov")
    client.force_login(reviewer)
    response = client.post(
        f"/review/drafts/{draft.pk}/", {"action": "accept_all", "target": str(person.pk)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="merge-confirmation"' in page
    assert "Status: Convicted → Charged" in page
    assert "New case in Czechia" in page
    assert "New name: A. Legkodymov" in page
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING
    person.refresh_from_db()
    assert person.status == DetaineeStatus.CONVICTED and not person.cases.exists()

    # The confirmation sends everything again, with the explicit choice.
    form = page[page.index('data-testid="merge-confirmation"') :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    assert fields["confirmed"] == str(person.pk) and fields["target"] == str(person.pk)
    response = client.post(f"/review/drafts/{draft.pk}/", fields)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ACCEPTED and draft.detainee == person
    assert person.cases.filter(country="CZ").exists()


def test_merging_into_the_suggestion_needs_no_confirmation(client, reviewer):
    same = case_services.detainee_create(full_name="Evgeny Nikulin", nationalities=["RU"])
    draft = _draft("Yevgeniy Nikulin")
    client.force_login(reviewer)
    response = client.post(
        f"/review/drafts/{draft.pk}/", {"action": "accept_all", "target": str(same.pk)}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.detainee == same


def test_not_this_person_from_the_page(client, reviewer):
    same = case_services.detainee_create(full_name="Evgeny Nikulin", nationalities=["RU"])
    draft = _draft("Yevgeniy Nikulin")
    client.force_login(reviewer)
    response = client.post(
        f"/review/drafts/{draft.pk}/", {"action": "not_this_person", "detainee": str(same.pk)}
    )
    assert response.status_code == 302
    [judgement] = MatchJudgement.objects.all()
    assert judgement.verdict == MatchVerdict.DIFFERENT and judgement.detainee == same
    page = client.get(f"/review/drafts/{draft.pk}/").content.decode()
    assert _checked(page) == ["new"]
    assert "is not this person" in page
    assert Detainee.objects.count() == 1
