from django.contrib import admin
from django.urls import include, path

from . import views

handler500 = "config.unavailable.server_error"

admin.site.site_header = "Detainee case tracker"
admin.site.site_title = "Case tracker admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("config.api_urls")),
    path("review/", include("ingest.urls")),
    path("", include("ui.urls")),
]
