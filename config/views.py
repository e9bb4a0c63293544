from django.db import connection
from django.http import JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.reverse import reverse

from .unavailable import DATABASE_ERRORS, database_unavailable


def healthz(request):
    """For load balancers and the compose health check: the app answers and the database too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS as exc:
        return database_unavailable(request, exc)
    return JsonResponse({"status": "ok"})


# The collections the API root lists, by URL name: a client starts here and follows links.
API_ROOT_LINKS = {
    "detainees": "api-detainee-list",
    "name-variants": "api-name-variant-list",
    "cases": "api-case-list",
    "charges": "api-charge-list",
    "sentences": "api-sentence-list",
    "custody-periods": "api-custody-period-list",
    "extraditions": "api-extradition-list",
    "facilities": "api-facility-list",
    "sources": "api-source-list",
    "visits": "api-visit-list",
    "articles": "api-article-list",
    "drafts": "api-draft-list",
    "tasks": "api-task-list",
    "cadence": "api-cadence",
    "assignments": "api-assignment-list",
    "notifications": "api-notification-list",
    "figures": "api-figure-list",
    "stats": "api-stats-summary",
    "schema": "api-schema",
    "docs": "api-docs",
}


@extend_schema(exclude=True)
@api_view(["GET"])
def api_root(request, format=None):
    """`/api/v1/`: links to every collection, the statistics, the schema and its docs."""
    return Response(
        {name: reverse(url_name, request=request) for name, url_name in API_ROOT_LINKS.items()}
    )
