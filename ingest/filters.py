import django_filters

from .constants import ArticleOrigin, ArticleState, DraftStatus
from .models import Article, Draft


class ArticleFilter(django_filters.FilterSet):
    state = django_filters.MultipleChoiceFilter(choices=ArticleState.choices)
    origin = django_filters.ChoiceFilter(choices=ArticleOrigin.choices)
    language = django_filters.CharFilter()

    class Meta:
        model = Article
        fields = ["state", "origin", "language", "feed"]


class DraftFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=DraftStatus.choices)

    class Meta:
        model = Draft
        fields = ["status", "article"]
