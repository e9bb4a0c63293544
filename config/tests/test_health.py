import pytest


@pytest.mark.django_db
def test_health_check_answers_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
