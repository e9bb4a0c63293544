import pytest
from rest_framework.test import APIClient

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


def _search_api(user, query: str, **params) -> list[str]:
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/v1/detainees/", {"search": query, **params})
    assert response.status_code == 200
    return [row["full_name"] for row in response.data["results"]]


def test_the_best_match_comes_first_not_the_first_name_in_order(viewer):
    # All four keys start with "klsn"; only one is the name asked for.
    for name in ["Aleksei Kolesnikov", "Boris Kolesnikov", "Dmitri Kolesnikova"]:
        DetaineeFactory(full_name=name)
    klyushin = DetaineeFactory(full_name="Vladislav Klyushin")
    assert _search_api(viewer, "Klyushin")[0] == "Vladislav Klyushin"
    # The same order through the queryset, which the pages and the admin use.
    assert Detainee.objects.search("Klyushin").ranked_by_name("Klyushin").first() == klyushin


def test_a_name_spelled_otherwise_ranks_above_names_that_only_share_consonants(viewer):
    DetaineeFactory(full_name="Aleksandr Teterin")
    DetaineeFactory(full_name="Boris Terentev")
    DetaineeFactory(full_name="Viktor Tyurin")
    # Recorded as "Tiurin", known under the other spelling only as a name variant.
    NameVariantFactory(detainee=DetaineeFactory(full_name="Yuri Tiurin"), name="Yuri Tyurin")
    # Both real matches first (equally good: by name), then the names that only share
    # the consonant skeleton, the whole-word one before the one it merely starts.
    assert _search_api(viewer, "Tyurin") == [
        "Viktor Tyurin",
        "Yuri Tiurin",
        "Aleksandr Teterin",
        "Boris Terentev",
    ]


def test_a_search_can_still_be_ordered_by_name(viewer):
    for name in ["Aleksei Kolesnikov", "Vladislav Klyushin"]:
        DetaineeFactory(full_name=name)
    assert _search_api(viewer, "Klyushin", ordering="full_name") == [
        "Aleksei Kolesnikov",
        "Vladislav Klyushin",
    ]


def test_the_list_page_shows_the_best_match_first(client, viewer):
    for name in ["Aleksei Kolesnikov", "Vladislav Klyushin"]:
        DetaineeFactory(full_name=name)
    client.force_login(viewer)
    text = client.get("/detainees/", {"search": "Klyushin"}).content.decode()
    assert text.index("Vladislav Klyushin") < text.index("Aleksei Kolesnikov")
