"""Schemathesis over the whole API: every operation, every check, as an administrator and
as a viewer, against the Django app in-process. No 500s, and every response matches the
schema (status codes, bodies, headers).

Slow (a few minutes); deselect locally with `-m "not schemathesis"`."""

import json

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

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

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

EXAMPLES = 10


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


schema = schemathesis.openapi.from_dict(_openapi())
schema.app = get_wsgi_application()


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
