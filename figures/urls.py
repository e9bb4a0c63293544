"""API routes of official figures, mounted under /api/v1/ by config/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("figures", views.FigureViewSet, basename="api-figure")

urlpatterns = router.urls
