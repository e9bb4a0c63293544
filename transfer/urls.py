from django.urls import path

from . import views

app_name = "transfer"

urlpatterns = [
    path("import/", views.import_page, name="import"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("export/", views.export_page, name="export"),
    path("export/<slug:kind>.<slug:file_format>", views.export_download, name="export_download"),
    path("detainees/<int:pk>/summary/", views.detainee_summary, name="summary"),
]
