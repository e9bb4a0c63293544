from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

handler400 = "config.api.handler400"
handler404 = "config.api.handler404"
handler500 = "config.api.handler500"

admin.site.site_header = _("Detainee case tracker")
admin.site.site_title = _("Case tracker admin")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("language/", include("languages.urls")),
    path("api/v1/", include("config.api_urls")),
    path("review/", include("ingest.urls")),
    path("", include("casework.urls")),
    path("transfer/", include("transfer.urls")),
    path("", include("ui.urls")),
]
