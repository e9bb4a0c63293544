"""Schemathesis over the whole API: every operation (writes and deletes included, on the test
database), every check, as an administrator and as a viewer, against the Django app
in-process. No 500s, and every response matches the schema: its status codes, content types,
bodies and headers; requests that break the schema are refused.

One allowance: a request that fits the schema may still be refused with a 400 when it breaks
a rule across fields or rows that OpenAPI cannot state (a date range that ends before it
starts, an extradition between one country and itself, a reference to a record that does not
exist, an upload that is not .txt or .html). The refusal itself is checked like any other
response: documented, in the one error shape.

It runs where DATABASE_URL is PostgreSQL (CI's second leg), in a few minutes: a fixed number
of examples per operation, derandomised. `-m "not schemathesis"` deselects it."""

import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.config import SchemathesisConfig

from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    NameVariantFactory,
    NationalityFactory,
    SentenceFactory,
    SourceFactory,
)
from consular.tests.factories import ConsularVisitFactory
from ingest.tests.factories import ArticleFactory, DraftFactFactory, DraftFactory

pytestmark = [
    pytest.mark.schemathesis,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="runs on PostgreSQL (set DATABASE_URL, as .ci/run's second leg does)",
    ),
]

EXAMPLES = 10
# What positive data may get by default, as schemathesis has it; 400 added (see above).
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]


def _seed() -> None:
    """One of each kind of record, so that ids in paths and filters find rows."""
    for _ in range(2):
        detainee = DetaineeFactory()
        NationalityFactory(detainee=detainee)
        NameVariantFactory(detainee=detainee)
        case = CaseFactory(detainee=detainee)
        ChargeFactory(case=case)
        SentenceFactory(case=case)
        CustodyPeriodFactory(detainee=detainee)
        ExtraditionFactory(detainee=detainee, case=case)
        ConsularVisitFactory(detainee=detainee)
    SourceFactory()
    article = ArticleFactory()
    draft = DraftFactory(article=article)
    DraftFactFactory(draft=draft)


def _openapi() -> dict:
    """The schema the API serves, generated in-process (no request needed)."""
    generator = SchemaGenerator(patterns=None)
    document = generator.get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "400"]}}}
)
schema = schemathesis.openapi.from_dict(_openapi(), config=CONFIG)
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Django closes the database connection after each request it serves; here requests go
    straight to the WSGI app inside the test's transaction, so keep it open (as Django's
    test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["admin_user", "viewer"])
def auth(request):
    """The request headers of one role, with a database full of records to find."""
    _seed()
    token = Token.objects.create(user=request.getfixturevalue(request.param))
    return {"Authorization": f"Token {token.key}"}


SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@SETTINGS
def test_api(case, auth):
    case.call_and_validate(headers=auth)
