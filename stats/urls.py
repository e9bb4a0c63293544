"""Dashboard figures, mounted at /api/v1/stats/ by config/api_urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("summary/", views.SummaryView.as_view(), name="api-stats-summary"),
    path("extraditions/", views.ExtraditionsView.as_view(), name="api-stats-extraditions"),
    path("charges/", views.ChargesView.as_view(), name="api-stats-charges"),
    path("sentences/", views.SentencesView.as_view(), name="api-stats-sentences"),
    path("visits/", views.VisitsView.as_view(), name="api-stats-visits"),
    path("overdue/", views.OverdueView.as_view(), name="api-stats-overdue"),
    path("facilities/", views.FacilitiesView.as_view(), name="api-stats-facilities"),
]
