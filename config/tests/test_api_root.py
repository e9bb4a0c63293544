import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_the_api_root_links_every_collection(admin_user):
    client = APIClient()
    client.force_authenticate(admin_user)

    response = client.get("/api/v1/")

    assert response.status_code == 200
    links = response.json()
    assert links["detainees"] == "http://testserver/api/v1/detainees/"
    assert links["docs"] == "http://testserver/api/v1/docs/"
    for url in links.values():
        assert client.get(url).status_code == 200, url


def test_the_api_root_needs_sign_in():
    assert APIClient().get("/api/v1/").status_code == 401
