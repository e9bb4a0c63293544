import django_filters

from cases.filters import ChoicesFilter, RecordFilterSet

from .constants import ArticleOrigin, ArticleState, DraftStatus
from .models import Article, Draft


class ArticleFilter(RecordFilterSet):
    state = ChoicesFilter(choices=ArticleState.choices)
    origin = django_filters.ChoiceFilter(choices=ArticleOrigin.choices)
    language = django_filters.CharFilter()

    class Meta:
        model = Article
        fields = ["state", "origin", "language", "feed"]


class DraftFilter(RecordFilterSet):
    status = ChoicesFilter(choices=DraftStatus.choices)

    class Meta:
        model = Draft
        fields = ["status", "article"]
