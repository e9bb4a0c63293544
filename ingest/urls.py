from django.urls import path

from . import pages

app_name = "ingest"

urlpatterns = [
    path("", pages.queue, name="queue"),
    path("submit/", pages.submit, name="submit"),
    path("feeds/", pages.feeds, name="feeds"),
    path("articles/<int:pk>/", pages.article_detail, name="article"),
    path("articles/<int:pk>/reextract/", pages.article_reextract, name="article-reextract"),
    path("drafts/<int:pk>/", pages.draft_detail, name="draft"),
]
