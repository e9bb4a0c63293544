"""Everything under /api/v1/."""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from .views import api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("", include("ingest.api_urls")),
    path("", include("cases.urls")),
    path("", include("consular.urls")),
    path("stats/", include("stats.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # A page for people: sign in first (the schema itself answers 401 without credentials).
    path(
        "docs/",
        login_required(SpectacularSwaggerView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
]
