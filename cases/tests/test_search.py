import pytest

from cases import services
from cases.models import Detainee
from cases.tests.factories import DetaineeFactory, NameVariantFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seleznyov():
    return services.detainee_create(
        full_name="Roman Seleznyov",
        name_original_script="Роман Селезнёв",
        name_variants=["Seleznyouv"],
        nationalities=["RU"],
    )


@pytest.mark.parametrize(
    "query",
    ["Seleznev", "seleznyov", "Селезнёв", "Селезнев", "Roman Seleznev", "SELEZNYOUV", "Selez"],
)
def test_any_spelling_finds_the_person(seleznyov, query):
    DetaineeFactory(full_name="Ivan Petrov")
    assert list(Detainee.objects.search(query)) == [seleznyov]


def test_search_reaches_variants_recorded_later():
    person = DetaineeFactory(full_name="Arkady Vasilyev")
    NameVariantFactory(detainee=person, name="Аркадий Васильев")
    assert list(Detainee.objects.search("Vasiliev")) == [person]
    assert list(Detainee.objects.search("Аркадий")) == [person]


def test_every_query_word_must_match(seleznyov):
    assert not Detainee.objects.search("Ivan Seleznev").exists()


def test_unrelated_names_are_not_found(seleznyov):
    assert not Detainee.objects.search("Klyushin").exists()


def test_renaming_updates_the_search_key(seleznyov):
    seleznyov.full_name = "Roman Valerevich Seleznyov"
    seleznyov.save(update_fields=["full_name"])
    assert Detainee.objects.search("Valerevich").get() == seleznyov


def test_restricted_case_is_seen_only_by_its_caseworker_and_admins(role_groups):
    owner = UserFactory(role="caseworker")
    other = UserFactory(role="caseworker")
    boss = UserFactory(role="admin")
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=owner)
    shown = DetaineeFactory()
    assert set(Detainee.objects.visible_to(owner)) == {hidden, shown}
    assert set(Detainee.objects.visible_to(other)) == {shown}
    assert set(Detainee.objects.visible_to(boss)) == {hidden, shown}


def test_only_roles_that_may_see_sensitive_fields_hold_the_permission(
    viewer, caseworker, reviewer, admin_user, outsider
):
    from cases.roles import can_view_sensitive

    assert [
        can_view_sensitive(u) for u in (viewer, caseworker, reviewer, admin_user, outsider)
    ] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert viewer.has_perm("cases.view_detainee")
    assert not viewer.has_perm("cases.change_detainee")
