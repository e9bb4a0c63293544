"""Import and export pages: /transfer/import/ (upload, preview, confirm), /transfer/export/
(CSV and XLSX downloads) and the printable one-page summary of a detainee."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.errors import DomainError, NotPermitted
from cases.roles import can_view_sensitive
from ui import records
from ui.views import role_required

from . import services
from .constants import FileFormat, ImportKind
from .forms import ImportForm
from .models import ImportLog
from .resources import resource_for


# The columns each kind of file takes, shown beside the upload form.
def _columns(user) -> dict:
    sensitive = can_view_sensitive(user)
    return {
        kind.label: [
            f.column_name
            for f in resource_for(kind, user=user, with_sensitive=sensitive).get_import_fields()
        ]
        for kind in ImportKind
        if services.can_import(user, kind)
    }


def _import_page(request, *, form, preview=None, log=None, status=200):
    kinds = [k for k in ImportKind.values if services.can_import(request.user, k)]
    context = {
        "form": form,
        "preview": preview,
        "log": log,
        "columns": _columns(request.user),
        "kinds": kinds,
        # Recent imports of this user, newest first.
        "recent": ImportLog.objects.filter(user=request.user).order_by("-created_at", "-id")[:10],
    }
    return render(request, "transfer/import.html", context, status=status)


@role_required
def import_page(request):
    user = request.user
    if not services.can_import(user):
        raise PermissionDenied(_("Importing records is for caseworkers and administrators."))
    kinds = [k for k in ImportKind.values if services.can_import(user, k)]
    if request.method != "POST":
        return _import_page(request, form=ImportForm(kinds=kinds))
    form = ImportForm(request.POST, request.FILES, kinds=kinds)
    if not form.is_valid():
        return _import_page(request, form=form, status=400)
    upload = form.cleaned_data["file"]
    try:
        log, preview = services.import_preview(
            user=user, kind=form.cleaned_data["kind"], file_name=upload.name, content=upload.read()
        )
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        form.add_error("file" if exc.field == "file" else None, exc.message)
        return _import_page(request, form=form, status=400)
    return _import_page(
        request,
        form=ImportForm(kinds=kinds),
        preview=preview,
        log=log,
        status=200 if preview.valid else 400,
    )


@require_POST
@role_required
def import_confirm(request, pk: int):
    kinds = [k for k in ImportKind.values if services.can_import(request.user, k)]
    try:
        log, preview = services.import_confirm(user=request.user, log_id=pk)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("transfer:import")
    if not preview.valid:
        # The records changed since the preview: nothing was written.
        return _import_page(
            request, form=ImportForm(kinds=kinds), preview=preview, log=log, status=409
        )
    messages.success(
        request,
        _("Imported %(rows)s rows from %(name)s.") % {"rows": log.rows, "name": log.file_name},
    )
    return redirect("transfer:import")


@role_required
def export_page(request):
    return render(
        request,
        "transfer/export.html",
        {"kinds": ImportKind.choices, "formats": FileFormat.choices},
    )


@role_required
def export_download(request, kind: str, file_format: str):
    try:
        content, content_type, name = services.export_file(
            kind=kind, user=request.user, file_format=file_format
        )
    except DomainError as exc:
        from django.http import Http404

        raise Http404(exc.message) from exc
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


BRIEFING_TIMELINE_ENTRIES = 15


@role_required
def detainee_summary(request, pk: int):
    """One page per detainee for a briefing, laid out for print."""
    detainee = get_object_or_404(records.detainee_page_queryset(request.user), pk=pk)
    # A briefing paper leaves the building: no welfare notes, next of kin or observations.
    timeline = records.timeline(detainee, can_view_sensitive=False)
    context = {
        "detainee": detainee,
        "summary": records.summary(detainee),
        # One page: the latest entries, and how many earlier ones the detainee page has.
        "timeline": timeline[-BRIEFING_TIMELINE_ENTRIES:],
        "earlier": max(len(timeline) - BRIEFING_TIMELINE_ENTRIES, 0),
    }
    return render(request, "transfer/summary.html", context)
