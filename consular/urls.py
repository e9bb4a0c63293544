"""API routes of consular visits, mounted under /api/v1/ by config/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("visits", views.VisitViewSet, basename="api-visit")

urlpatterns = router.urls
