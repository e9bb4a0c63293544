"""The OpenAPI document: valid, with every filter and every error response documented."""

import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    # Validates against the OpenAPI 3 specification; any warning fails.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def _parameters(schema, path: str) -> set[str]:
    return {p["name"] for p in schema["paths"][path]["get"].get("parameters", [])}


def test_schema_validates(schema):
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/detainees/" in schema["paths"]
    assert "/api/v1/stats/extraditions/" in schema["paths"]


def test_filters_are_documented(schema):
    params = _parameters(schema, "/api/v1/detainees/")
    assert {
        "search",
        "status",
        "nationality",
        "detaining_country",
        "facility",
        "charge_category",
        "arrested_from",
        "arrested_to",
        "sentenced_from",
        "extradited_to",
        "visited_from",
        "no_visit_since",
        "assigned_caseworker",
        "ordering",
        "page",
        "page_size",
    } <= params
    assert {"nationality", "date_from", "date_to"} <= _parameters(schema, "/api/v1/stats/summary/")


def test_error_responses_are_documented(schema):
    ops = schema["paths"]["/api/v1/detainees/{id}/"]
    assert {"401", "403", "404"} <= set(ops["get"]["responses"])
    assert {"400", "401", "403", "404", "409"} <= set(ops["patch"]["responses"])
    post = schema["paths"]["/api/v1/cases/"]["post"]["responses"]
    assert {"201", "400", "401", "403", "409"} <= set(post)
    error = post["400"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/Error")
    assert post["201"]["content"]["application/json"]["schema"]["$ref"].endswith("/CaseDetail")
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"401", "403"} <= set(operation["responses"]), (method, path)


@pytest.mark.django_db
def test_browsable_docs_are_served_offline(viewer):
    client = APIClient()
    client.force_login(viewer)
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    assert b"swagger-ui" in page.content and b"cdn" not in page.content.lower()
    assert client.get("/api/v1/schema/").status_code == 200
