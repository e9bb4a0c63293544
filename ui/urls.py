from django.urls import path

from . import views

app_name = "ui"

urlpatterns = [
    path("", views.home, name="home"),
    path("detainees/", views.detainee_list, name="detainee_list"),
    path("detainees/<int:pk>/", views.detainee_detail, name="detainee_detail"),
    path(
        "detainees/<int:pk>/add/<slug:kind>/",
        views.detainee_add,
        name="detainee_add",
    ),
    path("detainees/<int:pk>/edit/", views.detainee_edit, name="detainee_edit"),
    path(
        "detainees/<int:pk>/choose-fact/",
        views.detainee_choose_fact,
        name="detainee_choose_fact",
    ),
    path("visits/", views.visits, name="visits"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
