from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("articles", views.ArticleViewSet, basename="api-article")
router.register("drafts", views.DraftViewSet, basename="api-draft")

urlpatterns = router.urls
