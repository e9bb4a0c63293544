"""The ingest API: submit and read articles; list, read, accept and reject drafts."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from config.api import ErrorSerializer, RolePermission
from config.parsers import BoundedJSONParser

from . import services
from .filters import ArticleFilter, DraftFilter
from .matching import draft_matches
from .models import Article, ArticleEvent, Draft, DraftFact
from .serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    ArticleSubmitSerializer,
    DraftAcceptSerializer,
    DraftDetailSerializer,
    DraftListSerializer,
    DraftNotThisPersonSerializer,
    DraftRejectSerializer,
)


class CanReviewDrafts(permissions.BasePermission):
    message = _("Only reviewers can do this.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("ingest.review_draft"))


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


@extend_schema_view(
    list=extend_schema(summary="List articles", description="Newest first, with draft counts."),
    retrieve=extend_schema(summary="Read an article, its events and drafts"),
)
class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [RolePermission]
    filterset_class = ArticleFilter
    ordering_fields = ["created_at", "published_on", "state"]
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    queryset = Article.objects.none()

    def get_queryset(self):
        # The submitter's name and the draft counts are read for every row: one join and
        # two aggregates instead of three queries per article.
        queryset = (
            Article.objects.visible_to(self.request.user)
            .select_related("submitted_by")
            .with_draft_counts(self.request.user)
            .order_by("-created_at", "-id")
        )
        if self.action in ("retrieve", "create"):
            # Events with their actors and the drafts: prefetched once for the detail page.
            drafts = Draft.objects.visible_to(self.request.user).order_by("position", "id")
            queryset = queryset.prefetch_related(
                Prefetch("events", queryset=ArticleEvent.objects.select_related("actor")),
                Prefetch("drafts", queryset=drafts),
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "create":
            return ArticleSubmitSerializer
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer

    @extend_schema(
        summary="Submit an article",
        description="Pasted text (JSON or form), an uploaded .txt/.html file (multipart) or a "
        "URL to fetch. Extraction runs in the background; the answer is the stored article "
        "in its current state. An article stored before answers 409 with its id in `article`.",
        request={
            "application/json": ArticleSubmitSerializer,
            "multipart/form-data": ArticleSubmitSerializer,
        },
        responses={
            201: ArticleDetailSerializer,
            400: _error("Empty, binary, oversized, undecodable or refused input."),
            409: _error("Already stored: `fields.article` names the stored article."),
        },
    )
    def create(self, request, *args, **kwargs):
        form = ArticleSubmitSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        common = {
            "user": request.user,
            "title": data.get("title", ""),
            "outlet": data.get("outlet", ""),
            "url": data.get("url", ""),
            "published": data.get("published"),
        }
        try:
            if "file" in data:
                article = services.article_submit_upload(upload=data["file"], **common)
            elif "text" in data:
                article = services.article_submit_text(text=data["text"], **common)
            else:
                article = services.article_submit_url(url=data["url"], user=request.user)
        except services.DuplicateArticle as exc:
            return Response(
                {
                    "status": 409,
                    "code": "duplicate",
                    "detail": exc.message,
                    "fields": {"article": [str(exc.article.pk)]},
                    "article": exc.article.pk,
                },
                status=status.HTTP_409_CONFLICT,
            )
        article = self.get_queryset().get(pk=article.pk)
        serializer = ArticleDetailSerializer(article, context=self.get_serializer_context())
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Run extraction again",
        request=None,
        responses={
            202: ArticleListSerializer,
            409: _error("The article is being processed."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewDrafts])
    def reextract(self, request, pk=None):
        article = self.get_object()
        services.article_reextract(article=article, user=request.user)
        article = self.get_queryset().get(pk=article.pk)
        return Response(ArticleListSerializer(article).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(
    list=extend_schema(summary="List drafts", description="Oldest first: the review queue."),
    retrieve=extend_schema(summary="Read a draft, its facts and matching detainees"),
)
class DraftViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    parser_classes = [BoundedJSONParser]
    filterset_class = DraftFilter
    ordering_fields = ["created_at"]
    queryset = Draft.objects.none()

    def get_queryset(self):
        # Article title and reviewer for each row by join; fact counts by aggregate.
        queryset = (
            Draft.objects.visible_to(self.request.user)
            .select_related("article", "reviewed_by")
            .annotate(fact_count=Count("facts"))
            .order_by("created_at", "id")
        )
        if self.action != "list":
            # The facts with their deciders, in one query for the detail.
            queryset = queryset.prefetch_related(
                Prefetch("facts", queryset=DraftFact.objects.select_related("decided_by"))
            )
        return queryset

    def get_serializer_class(self):
        return DraftListSerializer if self.action == "list" else DraftDetailSerializer

    def _detail(self, draft, request, code=status.HTTP_200_OK):
        draft = self.get_queryset().get(pk=draft.pk)
        context = {
            **self.get_serializer_context(),
            "matches": draft_matches(draft, request.user),
        }
        return Response(DraftDetailSerializer(draft, context=context).data, status=code)

    def retrieve(self, request, *args, **kwargs):
        return self._detail(self.get_object(), request)

    @extend_schema(
        summary="Accept a draft",
        description="Writes the chosen facts (with the reviewer's edits) to a new detainee, "
        "or to `merge_into`, in one transaction; each record cites the article. Merging into "
        "anyone but the draft's `suggested_match` takes `confirm_merge: true`.",
        request=DraftAcceptSerializer,
        responses={
            200: DraftDetailSerializer,
            400: _error(
                "An edit is invalid, a fact is incomplete or the target is unknown; nothing is "
                "written. Errors of facts are keyed `facts.<fact id>.<field>`."
            ),
            403: _error("Only reviewers can accept drafts."),
            409: _error(
                "The draft was already accepted or rejected; or `merge_into` is not the "
                "draft's `suggested_match` and `confirm_merge` was not sent: then `code` is "
                "`confirmation_required`, nothing is written and `fields.confirm_merge` lists "
                "what the merge would change on that record, one line each (send the same "
                "request again with `confirm_merge: true` to proceed)."
            ),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewDrafts])
    def accept(self, request, pk=None):
        draft = self.get_object()
        form = DraftAcceptSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        services.draft_accept(
            draft=draft,
            user=request.user,
            merge_into=data.get("merge_into"),
            fact_ids=data.get("facts"),
            edits=data.get("edits") or {},
            date_of_birth=data.get("date_of_birth"),
            finish=data.get("finish", True),
            confirm_merge=data.get("confirm_merge", False),
        )
        return self._detail(draft, request)

    @extend_schema(
        summary="Undo an accepted draft",
        description="Deletes every record and citation accepting the draft wrote and restores "
        "every value it changed, in one transaction recorded in the history; the draft awaits "
        "review again. Refused when one of those records was changed since.",
        request=None,
        responses={
            200: DraftDetailSerializer,
            403: _error("Only reviewers can undo drafts."),
            409: _error(
                "The draft is not accepted, or a record it wrote was changed since: "
                "`detail` names it."
            ),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewDrafts])
    def undo(self, request, pk=None):
        draft = self.get_object()
        services.draft_undo(draft=draft, user=request.user)
        return self._detail(draft, request)

    @extend_schema(
        summary="Reject a draft",
        request=DraftRejectSerializer,
        responses={
            200: DraftDetailSerializer,
            400: _error("No reason given."),
            403: _error("Only reviewers can reject drafts."),
            409: _error("The draft was already accepted or rejected."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewDrafts])
    def reject(self, request, pk=None):
        draft = self.get_object()
        form = DraftRejectSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.draft_reject(draft=draft, user=request.user, reason=form.validated_data["reason"])
        return self._detail(draft, request)

    @extend_schema(
        summary="Judge a candidate not to be the draft's person",
        description="Keeps the judgement (who, when); that detainee is never again offered "
        "as the same person for this name.",
        request=DraftNotThisPersonSerializer,
        responses={
            200: DraftDetailSerializer,
            400: _error("No such detainee that you can see."),
            403: _error("Only reviewers can judge matches."),
            409: _error("The draft was already accepted or rejected."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="not-this-person",
        permission_classes=[CanReviewDrafts],
    )
    def not_this_person(self, request, pk=None):
        draft = self.get_object()
        form = DraftNotThisPersonSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.draft_not_this_person(
            draft=draft,
            detainee_id=form.validated_data["detainee"],
            user=request.user,
            note=form.validated_data.get("note", ""),
        )
        return self._detail(draft, request)
