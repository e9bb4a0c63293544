"""Mounted under /api/v1/ by config/api_urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "detainees/<int:pk>/subject-access/",
        views.SubjectAccessView.as_view(),
        name="api-detainee-subject-access",
    ),
    path(
        "detainees/<int:pk>/anonymise/",
        views.AnonymiseView.as_view(),
        name="api-detainee-anonymise",
    ),
]
