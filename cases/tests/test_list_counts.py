"""The detainee list at scale: no DISTINCT, a bounded count (exact up to EXACT_COUNT_LIMIT
rows, PostgreSQL's estimate beyond, and the answer says which), and no more queries
whatever the page size or the number of people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cases.constants import DetaineeStatus
from cases.tests.factories import DetaineeFactory, NationalityFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def _people(count: int, status=DetaineeStatus.CHARGED):
    for _ in range(count):
        NationalityFactory(detainee=DetaineeFactory(status=status), country="RU")


@pytest.fixture
def api(viewer):
    client = APIClient()
    client.force_authenticate(viewer)
    return client


def test_the_status_filter_reads_no_distinct(api):
    _people(3)
    _people(2, status=DetaineeStatus.DETAINED)
    with CaptureQueriesContext(connection) as queries:
        response = api.get(
            "/api/v1/detainees/", {"status": ["charged", "detained"], "nationality": "RU"}
        )
    assert response.data["count"] == 5
    assert not [q["sql"] for q in queries if "DISTINCT" in q["sql"].upper()]


def test_a_short_list_is_counted_exactly(api, settings):
    settings.EXACT_COUNT_LIMIT = 5
    _people(5)
    answer = api.get("/api/v1/detainees/", {"status": "charged", "page_size": 2}).data
    assert (answer["count"], answer["count_is_estimate"]) == (5, False)


def test_a_long_list_gives_an_estimate_on_postgresql(api, settings):
    settings.EXACT_COUNT_LIMIT = 5
    _people(9)
    answer = api.get("/api/v1/detainees/", {"status": "charged", "page_size": 4}).data
    if ON_POSTGRESQL:
        # Never fewer than the rows counted before the count stopped.
        assert answer["count_is_estimate"] is True
        assert answer["count"] >= 6
    else:
        assert (answer["count"], answer["count_is_estimate"]) == (9, False)
    # Pages still follow one another to the last row, whatever the estimate says.
    seen = [row["id"] for row in answer["results"]]
    while answer["next"]:
        answer = api.get(answer["next"]).data
        seen += [row["id"] for row in answer["results"]]
    assert len(seen) == len(set(seen)) == 9


def test_queries_do_not_grow_with_the_page_or_the_number_of_people(api, settings):
    settings.EXACT_COUNT_LIMIT = 5
    url = "/api/v1/detainees/"
    query = {"status": "charged", "nationality": "RU"}

    def queries(page_size: int) -> int:
        api.get(url, {**query, "page_size": page_size})
        with CaptureQueriesContext(connection) as captured:
            response = api.get(url, {**query, "page_size": page_size})
        assert response.status_code == 200
        return len(captured)

    _people(3)
    few = (queries(1), queries(50))
    _people(10)
    many = (queries(1), queries(50))
    assert few == many
    # A list that fits on its first page is counted by reading that page.
    assert few[1] < few[0]


def test_a_list_that_fits_on_its_first_page_needs_no_count_query(api):
    _people(3)
    with CaptureQueriesContext(connection) as queries:
        answer = api.get("/api/v1/detainees/", {"status": "charged", "page_size": 3}).data
    assert (answer["count"], answer["count_is_estimate"], answer["next"]) == (3, False, None)
    assert len(answer["results"]) == 3
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    answer = api.get("/api/v1/detainees/", {"status": "charged", "page_size": 2}).data
    assert (answer["count"], len(answer["results"])) == (3, 2)
    assert answer["next"] is not None


def test_the_page_says_the_count_is_an_estimate(client, viewer, settings):
    settings.EXACT_COUNT_LIMIT = 5
    _people(9)
    client.force_login(viewer)
    text = client.get("/detainees/", {"status": "charged"}).content.decode()
    if ON_POSTGRESQL:
        assert "about" in text
        assert "estimated" in text
    else:
        assert "9 detainees match these filters" in text


def test_a_name_search_counts_its_matches_in_the_page_query(api, settings):
    # Ranking reads every match, so the rows carry their total: exact even beyond the
    # limit of exact counts, and no count or plan query whatever the number of matches.
    settings.EXACT_COUNT_LIMIT = 2
    for given in ("Anna", "Boris", "Vera", "Gleb", "Irina"):
        DetaineeFactory(full_name=f"{given} Zhdanovich")
    DetaineeFactory(full_name="Oleg Petrenko")

    def search(page: int):
        with CaptureQueriesContext(connection) as queries:
            answer = api.get(
                "/api/v1/detainees/", {"search": "Zhdanovich", "page_size": 2, "page": page}
            ).data
        return answer, [q["sql"].upper() for q in queries]

    answer, sql = search(1)
    assert (answer["count"], answer["count_is_estimate"]) == (5, False)
    assert len(answer["results"]) == 2 and answer["next"] is not None
    assert not [q for q in sql if q.startswith(("SELECT COUNT(", "EXPLAIN"))]
    # Later pages count themselves the same way.
    seen = [row["id"] for row in answer["results"]]
    for page in (2, 3):
        answer, sql = search(page)
        assert (answer["count"], answer["count_is_estimate"]) == (5, False)
        assert not [q for q in sql if q.startswith(("SELECT COUNT(", "EXPLAIN"))]
        seen += [row["id"] for row in answer["results"]]
    assert answer["next"] is None
    assert len(set(seen)) == 5
    # Past the end: the usual answer for a page past the last (an error where the count is
    # exact, an empty page where it is an estimate).
    past = api.get("/api/v1/detainees/", {"search": "Zhdanovich", "page": 9})
    assert past.status_code == 404 or past.data["results"] == []


def test_a_name_search_with_no_match_counts_none(api):
    DetaineeFactory(full_name="Oleg Petrenko")
    answer = api.get("/api/v1/detainees/", {"search": "Zhdanovich"}).data
    assert (answer["count"], answer["results"], answer["next"]) == (0, [], None)
