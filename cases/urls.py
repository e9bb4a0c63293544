"""API routes of the case record, mounted under /api/v1/ by config/api_urls.py."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("detainees", views.DetaineeViewSet, basename="api-detainee")
router.register("name-variants", views.NameVariantViewSet, basename="api-name-variant")
router.register("cases", views.CaseViewSet, basename="api-case")
router.register("charges", views.ChargeViewSet, basename="api-charge")
router.register("sentences", views.SentenceViewSet, basename="api-sentence")
router.register("custody-periods", views.CustodyPeriodViewSet, basename="api-custody-period")
router.register("extraditions", views.ExtraditionViewSet, basename="api-extradition")
router.register("facilities", views.FacilityViewSet, basename="api-facility")
router.register("sources", views.SourceViewSet, basename="api-source")

urlpatterns = router.urls
