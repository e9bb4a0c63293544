"""Everything under /api/v1/."""

from django.contrib.auth.views import redirect_to_login
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotAuthenticated

from .views import api_root


class SignInSwaggerView(SpectacularSwaggerSplitView):
    """The docs page, for signed-in users and token holders; people without credentials are
    sent to sign in (the schema itself answers 401). The split view serves its start-up
    script as a file: the CSP forbids inline script."""

    def handle_exception(self, exc):
        if isinstance(exc, NotAuthenticated):
            return redirect_to_login(self.request.get_full_path())
        return super().handle_exception(exc)


urlpatterns = [
    path("", api_root, name="api-root"),
    path("", include("ingest.api_urls")),
    path("", include("audit.api_urls")),
    path("", include("cases.urls")),
    path("", include("consular.urls")),
    path("", include("casework.api_urls")),
    path("", include("figures.urls")),
    path("stats/", include("stats.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SignInSwaggerView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
]
