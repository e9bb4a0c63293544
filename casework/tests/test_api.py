"""Casework over the API: roles, hidden people, shapes and filters."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import Detainee
from cases.tests.factories import DetaineeFactory, SentenceFactory
from casework.constants import TaskState
from casework.models import Assignment, Notification, Task, Watch
from consular.tests.factories import ConsularVisitFactory

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def people(caseworker, other_caseworker):
    today = timezone.localdate()
    late = DetaineeFactory(full_name="Late Person", assigned_caseworker=caseworker)
    ConsularVisitFactory(detainee=late, visited_on=today - dt.timedelta(days=200))
    later = DetaineeFactory(full_name="Later Person", assigned_caseworker=other_caseworker)
    ConsularVisitFactory(detainee=later, visited_on=today - dt.timedelta(days=300))
    Detainee.objects.filter(pk=later.pk).update(detaining_country="IR")
    fine = DetaineeFactory(full_name="Fine Person")
    ConsularVisitFactory(detainee=fine, visited_on=today - dt.timedelta(days=3))
    hidden = DetaineeFactory(
        full_name="Hidden Person", is_restricted=True, assigned_caseworker=other_caseworker
    )
    ConsularVisitFactory(detainee=hidden, visited_on=today - dt.timedelta(days=500))
    return {"late": late, "later": later, "fine": fine, "hidden": hidden}


def names(response):
    return [row["detainee_name"] for row in response.json()["results"]]


def test_the_overdue_list_is_ranked_paginated_and_filtered(viewer, caseworker, people):
    client = client_for(viewer)
    response = client.get("/api/v1/cadence/", {"overdue": "true"})
    assert response.status_code == 200
    assert names(response) == ["Later Person", "Late Person"]  # hidden is not there
    row = response.json()["results"][0]
    assert row["state"] == "overdue" and row["days_overdue"] == 210
    assert row["caseworker"]["username"] == "other-caseworker"
    assert names(client.get("/api/v1/cadence/", {"overdue": "true", "page_size": 1})) == [
        "Later Person"
    ]
    mine = client.get("/api/v1/cadence/", {"overdue": "true", "caseworker": caseworker.pk})
    assert names(mine) == ["Late Person"]
    assert names(client.get("/api/v1/cadence/", {"country": "IR"})) == ["Later Person"]
    everyone = names(client.get("/api/v1/cadence/"))
    assert "Fine Person" in everyone and "Hidden Person" not in everyone
    assert client.get("/api/v1/cadence/", {"overdue": "1"}).status_code == 400


def test_the_cadence_list_is_for_roles_only(outsider):
    assert client_for(outsider).get("/api/v1/cadence/").status_code == 403
    assert APIClient().get("/api/v1/cadence/").status_code == 401


def test_caseworkers_add_and_close_tasks_viewers_read_them(caseworker, viewer, people):
    body = {
        "detainee": people["late"].pk,
        "kind": "hearing",
        "title": "Sentencing hearing",
        "due_on": "2026-12-01",
    }
    assert client_for(viewer).post("/api/v1/tasks/", body).status_code == 403
    created = client_for(caseworker).post("/api/v1/tasks/", body)
    assert created.status_code == 201, created.json()
    task = created.json()
    assert task["assignee"]["username"] == "caseworker" and task["state"] == "open"
    listed = client_for(viewer).get("/api/v1/tasks/").json()["results"]
    assert [t["title"] for t in listed] == ["Sentencing hearing"]
    assert client_for(viewer).post(f"/api/v1/tasks/{task['id']}/complete/").status_code == 403
    done = client_for(caseworker).post(f"/api/v1/tasks/{task['id']}/complete/")
    assert done.status_code == 200 and done.json()["state"] == "done"
    again = client_for(caseworker).post(f"/api/v1/tasks/{task['id']}/cancel/")
    assert again.status_code == 409 and again.json()["fields"] == {
        "state": [again.json()["detail"]]
    }
    assert Task.objects.get().state == TaskState.DONE


def test_tasks_of_hidden_people_are_not_found(caseworker, people):
    hidden_task = TaskFactory(detainee=people["hidden"], title="Secret")
    client = client_for(caseworker)
    assert client.get("/api/v1/tasks/").json()["results"] == []
    assert client.get(f"/api/v1/tasks/{hidden_task.pk}/").status_code == 404
    refused = client.post(
        "/api/v1/tasks/",
        {"detainee": people["hidden"].pk, "kind": "other", "title": "x", "due_on": "2026-12-01"},
    )
    assert refused.status_code == 400 and "detainee" in refused.json()["fields"]


def test_my_open_tasks_by_due_date(caseworker, other_caseworker, people):
    TaskFactory(detainee=people["late"], assignee=caseworker, title="Second", due_on="2026-08-02")
    TaskFactory(detainee=people["late"], assignee=caseworker, title="First", due_on="2026-08-01")
    TaskFactory(detainee=people["late"], assignee=other_caseworker, title="Theirs")
    rows = client_for(caseworker).get("/api/v1/tasks/", {"mine": "true"}).json()["results"]
    assert [r["title"] for r in rows] == ["First", "Second"]


def test_expected_release_is_computed_over_the_api(caseworker, people):
    from cases.tests.factories import CaseFactory

    sentence = SentenceFactory(
        case=CaseFactory(detainee=people["late"]),
        sentenced_on=dt.date(2024, 5, 1),
        sentenced_on_precision="day",
        term_years=3,
        time_served_credit_days=10,
    )
    response = client_for(caseworker).post(
        "/api/v1/tasks/expected-release/", {"sentence": sentence.pk}
    )
    assert response.status_code == 201, response.json()
    assert response.json()["due_on"] == "2027-04-21" and response.json()["is_computed"]


def test_a_handover_over_the_api(admin_user, caseworker, other_caseworker, people):
    person = people["late"]
    refused = client_for(other_caseworker).post(
        "/api/v1/assignments/", {"detainee": person.pk, "caseworker": other_caseworker.pk}
    )
    assert refused.status_code == 403
    done = client_for(caseworker).post(
        "/api/v1/assignments/",
        {"detainee": person.pk, "caseworker": other_caseworker.pk, "note": "Going on leave"},
    )
    assert done.status_code == 201, done.json()
    assert done.json()["caseworker"]["username"] == "other-caseworker"
    history = client_for(admin_user).get("/api/v1/assignments/", {"detainee": person.pk}).json()
    assert [(r["caseworker"]["username"], r["ended_at"] is None) for r in history["results"]] == [
        ("caseworker", False),
        ("other-caseworker", True),
    ]
    assert Assignment.objects.count() == 2


def test_notifications_watches_and_the_calendar_address(caseworker, other_caseworker, people):
    Notification.objects.create(user=caseworker, kind="task", message="Mine")
    Notification.objects.create(user=other_caseworker, kind="task", message="Theirs")
    client = client_for(caseworker)
    assert [n["message"] for n in client.get("/api/v1/notifications/").json()["results"]] == [
        "Mine"
    ]
    assert client.post("/api/v1/notifications/read/", {}).json() == {"marked": 1}
    assert client.post(
        "/api/v1/watches/", {"detainee": people["late"].pk, "watching": True}
    ).json() == {"detainee": people["late"].pk, "watching": True}
    assert Watch.objects.filter(user=caseworker).count() == 1
    hidden = client.post("/api/v1/watches/", {"detainee": people["hidden"].pk, "watching": True})
    assert hidden.status_code == 400
    url = client.get("/api/v1/calendar-feed/").json()["url"]
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    new = client.post("/api/v1/calendar-feed/").json()["url"]
    assert new != url
    assert APIClient().get(url.replace("http://testserver", "")).status_code == 404
    assert APIClient().get(new.replace("http://testserver", "")).status_code == 200


def test_list_queries_do_not_grow_with_the_rows(caseworker, people, django_assert_max_num_queries):
    for person in (people["late"], people["later"], people["fine"]):
        for n in range(3):
            TaskFactory(detainee=person, assignee=caseworker, title=f"Task {n}")
    client = client_for(caseworker)
    client.get("/api/v1/tasks/")  # warms the per-user permission caches
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/tasks/").json()["results"]) == 9
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/cadence/").json()["results"]) == 3
    with django_assert_max_num_queries(8):
        client.get("/api/v1/assignments/")


def test_filters_refuse_what_they_cannot_read(caseworker, people):
    client = client_for(caseworker)
    assert client.get("/api/v1/tasks/", {"mine": "yes"}).status_code == 400
    assert client.get("/api/v1/tasks/", {"state": "finished"}).status_code == 400
    assert client.get("/api/v1/cadence/", {"country": "XX"}).status_code == 400
    assert client.get("/api/v1/cadence/", {"caseworker": str(2**64)}).status_code == 400
    hidden = client.get("/api/v1/tasks/", {"detainee": people["hidden"].pk})
    assert hidden.status_code == 400  # exactly like an id that does not exist
