"""Browser pages under /review/: submitting articles, the review queue and the draft page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.errors import DomainError
from cases.partial_dates import PartialDate, PartialDateError
from cases.partial_dates import parse as parse_partial_date

from . import facts as fact_rules
from . import forms, review, services
from .constants import ArticleState, DraftStatus
from .intake import sanitise_html
from .matching import draft_matches
from .models import Article, ArticleEvent, Draft, DraftFact, Feed

REVIEW = "ingest.review_draft"


def _duplicate_redirect(request, exc: services.DuplicateArticle):
    messages.info(request, exc.message)
    return redirect("ingest:article", pk=exc.article.pk)


QUEUE_PAGE_SIZE = 50


@login_required
def queue(request):
    """Drafts awaiting review, oldest first, with counts."""
    if not request.user.has_perm(REVIEW):
        # The 403 page says why and what the person can do here instead.
        raise PermissionDenied(
            _(
                "The review queue is for reviewers: they accept or reject the drafts made "
                "from news articles."
            )
            + (
                " " + _("You can still submit an article for them to review.")
                if request.user.has_perm("ingest.add_article")
                else ""
            )
        )
    # Each row shows its article's title and its number of facts: one join, one aggregate.
    drafts = (
        Draft.objects.visible_to(request.user)
        .awaiting_review()
        .select_related("article")
        .annotate(fact_count=Count("facts"))
    )
    state_counts = dict(
        Article.objects.visible_to(request.user)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    # A page at a time: a large backlog (hundreds of drafts) is counted, not all drawn.
    page = Paginator(drafts, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ingest/queue.html",
        {
            "drafts": page.object_list,
            "drafts_page": page,
            "pending_count": page.paginator.count,
            "state_counts": [(s.label, state_counts.get(s.value, 0)) for s in ArticleState],
            "recent": Article.objects.visible_to(request.user)
            .with_draft_counts(request.user)
            .order_by("-created_at", "-id")[:20],
        },
    )


def _submit_page(request, forms_by_kind, *, too_large: str = "", status: int = 200):
    limit = settings.INGEST_MAX_DOCUMENT_BYTES
    return render(
        request,
        "ingest/submit.html",
        {
            "forms": forms_by_kind,
            "max_bytes": limit,
            "max_megabytes": f"{limit / 1_000_000:g}",
            "too_large": too_large,
        },
        status=status,
    )


@login_required
@permission_required("ingest.add_article", raise_exception=True)
def submit(request):
    forms_by_kind = {
        "paste": forms.PasteForm(prefix="paste"),
        "upload": forms.UploadForm(prefix="upload"),
        "url": forms.UrlForm(prefix="url"),
    }
    if request.method == "POST":
        try:
            kind = request.POST.get("kind")
        except RequestDataTooBig:
            # Too large to read at all (the page's script refuses such a paste before it is
            # sent, keeping the text): say so plainly instead of a bare error page.
            limit = settings.INGEST_MAX_DOCUMENT_BYTES / 1_000_000
            return _submit_page(
                request,
                forms_by_kind,
                too_large=_(
                    "What you sent is far larger than an article may be (%(limit)s MB of text), "
                    "so it was not received. Split the text, or upload it as a file."
                )
                % {"limit": f"{limit:g}"},
                status=413,
            )
        if kind not in forms_by_kind:
            messages.error(request, _("Choose how to submit the article."))
        else:
            form_class = type(forms_by_kind[kind])
            form = form_class(request.POST, request.FILES, prefix=kind)
            forms_by_kind[kind] = form
            if form.is_valid():
                data = form.cleaned_data
                common = {
                    "user": request.user,
                    "title": data.get("title", ""),
                    "outlet": data.get("outlet", ""),
                    "url": data.get("url", ""),
                    "published": data.get("published"),
                }
                try:
                    if kind == "paste":
                        article = services.article_submit_text(text=data["text"], **common)
                    elif kind == "upload":
                        article = services.article_submit_upload(upload=data["file"], **common)
                    else:
                        article = services.article_submit_url(url=data["url"], user=request.user)
                except services.DuplicateArticle as exc:
                    return _duplicate_redirect(request, exc)
                except DomainError as exc:
                    form.add_error(None, exc.message)
                else:
                    messages.success(request, _("Article received."))
                    return redirect("ingest:article", pk=article.pk)
    return _submit_page(request, forms_by_kind)


@login_required
@permission_required("ingest.view_article", raise_exception=True)
def article_detail(request, pk: int):
    article = get_object_or_404(
        Article.objects.visible_to(request.user).select_related("submitted_by", "source"), pk=pk
    )
    return render(
        request,
        "ingest/article.html",
        {
            "article": article,
            "events": ArticleEvent.objects.filter(article=article).select_related("actor"),
            "drafts": Draft.objects.visible_to(request.user)
            .filter(article=article)
            .order_by("position", "id"),
            # Stored clean; cleaned again here so that nothing unsafe can reach the page.
            "safe_html": sanitise_html(article.html) if article.html else "",
            "can_review": request.user.has_perm(REVIEW),
        },
    )


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_POST
def article_reextract(request, pk: int):
    article = get_object_or_404(Article.objects.visible_to(request.user), pk=pk)
    try:
        services.article_reextract(article=article, user=request.user)
        messages.success(request, _("Extraction queued again."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("ingest:article", pk=pk)


def _date_of_birth(text: str | None) -> PartialDate | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_partial_date(text)
    except PartialDateError as exc:
        raise DomainError(
            _("Date of birth: %(problem)s") % {"problem": exc}, field="date_of_birth"
        ) from exc


def _draft(request, pk: int) -> Draft:
    return get_object_or_404(
        Draft.objects.visible_to(request.user)
        .select_related("article", "detainee", "reviewed_by")
        .prefetch_related(
            Prefetch("facts", queryset=DraftFact.objects.select_related("decided_by"))
        ),
        pk=pk,
    )


def _field_value(spec, fact, submitted):
    """What a field shows: what the reviewer submitted when an accept failed, else the
    fact's value."""
    name = f"fact-{fact.pk}-{spec.name}"
    if submitted is None:
        return fact.value.get(spec.name)
    if spec.type == "bool":
        return bool(submitted.get(name))
    return submitted.get(name, fact.value.get(spec.name))


def _is_ticked(fact, submitted) -> bool:
    if submitted is None:
        return not fact.note
    return bool(submitted.get(f"accept-{fact.pk}"))


def _merge_confirmation(request, refused: services.MergeNotConfirmed) -> dict:
    """The record a merge was refused for, what it would change there, and everything the
    reviewer sent, to send again with the confirmation."""
    return {
        "detainee": refused.detainee,
        "changes": refused.changes,
        "fields": [
            (key, value)
            for key, values in request.POST.lists()
            if key not in ("csrfmiddlewaretoken", "confirmed")
            for value in values
        ],
    }


@login_required
@permission_required(REVIEW, raise_exception=True)
def draft_detail(request, pk: int):
    draft = _draft(request, pk)
    errors: list[str] = []
    fact_errors: dict[int, dict[str, str]] = {}
    submitted = None
    confirmation = None
    matches = draft_matches(draft, request.user)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "reject":
                form = forms.RejectForm(request.POST)
                if not form.is_valid():
                    raise DomainError(_("Say why the draft is rejected."), field="reason")
                services.draft_reject(
                    draft=draft, user=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Draft for %(name)s rejected.") % {"name": draft.name})
                return redirect("ingest:queue")
            if action == "undo":
                services.draft_undo(draft=draft, user=request.user)
                messages.success(
                    request,
                    _("Undone: what the draft for %(name)s wrote is taken back.")
                    % {"name": draft.name},
                )
                return redirect("ingest:draft", pk=draft.pk)
            if action == "not_this_person":
                detainee_id = request.POST.get("detainee", "")
                services.draft_not_this_person(
                    draft=draft,
                    detainee_id=int(detainee_id) if detainee_id.isdigit() else -1,
                    user=request.user,
                )
                messages.success(request, _("Noted: not the same person."))
                return redirect("ingest:draft", pk=draft.pk)
            chosen = forms.accept_input(draft, request.POST)
            if action == "accept_all":
                chosen["fact_ids"] = None
            date_of_birth = _date_of_birth(request.POST.get("date_of_birth"))
            # Merging into anyone but the suggestion is refused by the service until the
            # reviewer confirms the changes it lists.
            target = chosen["merge_into"]
            draft = services.draft_accept(
                draft=draft,
                user=request.user,
                date_of_birth=date_of_birth,
                confirm_merge=bool(target) and request.POST.get("confirmed") == str(target),
                **chosen,
            )
            messages.success(
                request,
                _("Accepted: %(name)s → %(detainee)s.")
                % {"name": draft.name, "detainee": draft.detainee},
            )
            return redirect("ingest:draft", pk=draft.pk)
        except services.MergeNotConfirmed as exc:
            confirmation = _merge_confirmation(request, exc)
            submitted = request.POST  # the form keeps the reviewer's edits meanwhile
        except DomainError as exc:
            errors.append(exc.message)
            fact_errors = getattr(exc, "errors", {})
            if action not in ("reject", "undo"):
                # The page comes back as the reviewer left it, each error beside its field.
                submitted = request.POST
            draft = _draft(request, pk)
            matches = draft_matches(draft, request.user)
    candidates = matches.candidates
    target = request.POST.get("target") or request.GET.get("merge") or ""
    if not target:
        target = str(draft.detainee_id) if draft.detainee_id else ""
    if not target and matches.suggested:
        # Only the same-person tier is pre-selected; anything less defaults to a new record.
        target = str(matches.suggested_match)
    compared = None
    compare_with = None
    fact_list = list(draft.facts.all())
    open_facts = [f for f in fact_list if f.decision == "pending"]
    if target.isdigit() and open_facts:
        compare_with = review.detainee_for_comparison(int(target), request.user)
        if compare_with is not None:
            compared = {row.fact_id: row for row in review.compare(open_facts, compare_with)}
    written = review.written_records(fact_list, detainee=draft.detainee, user=request.user)
    marks = [(start, end, fact.pk, fact.kind) for fact in fact_list for start, end in fact.spans]
    rows = []
    for fact in fact_list:
        messages_by_field = dict(fact_errors.get(fact.pk, {}))
        fields = []
        for spec in fact_rules.FIELDS[fact.kind]:
            fields.append(
                {
                    "spec": spec,
                    "value": _field_value(spec, fact, submitted),
                    "name": f"fact-{fact.pk}-{spec.name}",
                    "error": messages_by_field.pop(spec.name, ""),
                }
            )
        rows.append(
            {
                "fact": fact,
                "display": fact_rules.display(fact.kind, fact.value),
                "fields": fields,
                "ticked": _is_ticked(fact, submitted),
                # Messages about the fact as a whole, or about a field it does not show.
                "errors": list(messages_by_field.values()),
                "first_span": fact.spans[0] if fact.spans else None,
                "comparison": compared.get(fact.pk) if compared else None,
                "written": written.get(fact.pk),
            }
        )
    return render(
        request,
        "ingest/draft.html",
        {
            "draft": draft,
            "article": draft.article,
            "highlighted": review.highlight(draft.article.text, marks),
            "rows": rows,
            "candidates": candidates,
            "suggested": matches.suggested,
            "target": target or "new",
            "compare_with": compare_with,
            "confirmation": confirmation,
            "errors": errors,
            "date_of_birth": submitted.get("date_of_birth", "") if submitted else "",
            "reject_form": forms.RejectForm(),
            "is_open": draft.status == DraftStatus.PENDING,
            "can_undo": any(f.decision == "accepted" for f in fact_list),
        },
    )


@login_required
@permission_required("ingest.view_feed", raise_exception=True)
def feeds(request):
    form = forms.FeedForm()
    if request.method == "POST":
        if not request.user.has_perm("ingest.add_feed"):
            messages.error(request, _("Your role cannot register feeds."))
            return redirect("ingest:feeds")
        form = forms.FeedForm(request.POST)
        if form.is_valid():
            try:
                services.feed_register(
                    url=form.cleaned_data["url"],
                    title=form.cleaned_data["title"],
                    user=request.user,
                )
                messages.success(request, _("Feed registered; it is polled on a schedule."))
                return redirect("ingest:feeds")
            except DomainError as exc:
                form.add_error("url", exc.message)
    return render(
        request,
        "ingest/feeds.html",
        {"feeds": Feed.objects.annotate(article_count=Count("articles")), "form": form},
    )
