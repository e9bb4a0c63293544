"""API routes of casework, mounted under /api/v1/ by config/api_urls.py."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("tasks", api.TaskViewSet, basename="api-task")
router.register("assignments", api.AssignmentViewSet, basename="api-assignment")
router.register("notifications", api.NotificationViewSet, basename="api-notification")

urlpatterns = [
    path("cadence/", api.CadenceView.as_view(), name="api-cadence"),
    path("watches/", api.WatchView.as_view(), name="api-watch"),
    path("calendar-feed/", api.CalendarFeedView.as_view(), name="api-calendar-feed"),
    *router.urls,
]
