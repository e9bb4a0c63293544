"""The sensitive-read log: every response that shows a SensitiveTextField value notes the
records it showed; the middleware writes them in one INSERT per request."""

from collections.abc import Iterable

from django.db import models
from django.utils import timezone

from cases.fields import sensitive_field_names

_NOTED = "_audit_sensitive_reads"


def shows_sensitive(instance: models.Model) -> bool:
    """True when the record holds a non-empty sensitive value (an empty one reveals
    nothing, and is not logged)."""
    return any(getattr(instance, name, "") for name in sensitive_field_names(type(instance)))


def _noting(request):
    """The request's table of records shown and its signed-in user, or (None, None) when
    there is no signed-in user to log. `request` may be Django's or DRF's."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None, None
    django_request = getattr(request, "_request", request)
    noted = getattr(django_request, _NOTED, None)
    if noted is None:
        noted = {}
        setattr(django_request, _NOTED, noted)
    return noted, user


def note(request, records: Iterable[models.Model]) -> None:
    """Remembers that this response shows the sensitive values of `records` to the
    request's user. `request` may be Django's or DRF's."""
    noted, user = _noting(request)
    if noted is None:
        return
    for record in records:
        if record is not None and record.pk is not None and shows_sensitive(record):
            noted[(record._meta.label_lower, record.pk)] = user


def noted_keys(request) -> list[tuple[str, int]]:
    """What the request has noted so far, as (model label, id) pairs."""
    noted, _user = _noting(request)
    return list(noted or ())


def note_keys(request, keys) -> None:
    """Notes again what `noted_keys` gave for an earlier answer that this request repeats
    (a cached detail shows the same records)."""
    noted, user = _noting(request)
    if noted is None:
        return
    for label, pk in keys:
        noted[(label, pk)] = user


def flush(request) -> int:
    """Writes what the request noted; returns the number of rows."""
    from .models import SensitiveRead

    noted = getattr(request, _NOTED, None)
    if not noted:
        return 0
    now = timezone.now()
    # The path without its query: a search for a name would keep the name here.
    path = request.path[:500]
    rows = [
        SensitiveRead(
            user=user,
            username=user.get_username(),
            read_at=now,
            record_type=label,
            record_id=pk,
            path=path,
        )
        for (label, pk), user in noted.items()
    ]
    SensitiveRead.objects.bulk_create(rows)
    noted.clear()
    return len(rows)


def note_ids(request, model: type[models.Model], ids: Iterable) -> None:
    """As `note`, for records known by id (e.g. the history of a record)."""
    noted, user = _noting(request)
    if noted is None:
        return
    for pk in ids:
        noted[(model._meta.label_lower, int(pk))] = user


def _forms_shown(context) -> Iterable:
    adminform = context.get("adminform")
    if adminform is not None:
        yield adminform.form
    for inline in context.get("inline_admin_formsets") or ():
        yield from inline.formset.forms


class SensitiveReadsAdminMixin:
    """For admin pages: the change page notes every record (the page's own and its inline
    rows) whose form shows a sensitive value; the history pages note the record when its
    history holds one. Roles without `cases.view_sensitive` are never noted."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        if object_id and _may_see(request):
            note(
                request,
                [
                    form.instance
                    for form in _forms_shown(context)
                    if sensitive_field_names(type(form.instance)) & set(form.fields)
                ],
            )
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._note_history(request, object_id)
        return response

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        response = super().history_form_view(request, object_id, version_id, extra_context)
        self._note_history(request, object_id, version_id)
        return response

    def _note_history(self, request, object_id, version_id=None) -> None:
        names = sensitive_field_names(self.model)
        if not names or not _may_see(request) or not hasattr(self.model, "history"):
            return
        rows = self.model.history.filter(id=object_id)
        if version_id is not None:
            rows = rows.filter(history_id=version_id)
        held = models.Q()
        for name in names:
            held |= ~models.Q(**{name: ""})
        if rows.filter(held).exists():
            note_ids(request, self.model, [object_id])


def _may_see(request) -> bool:
    from cases.roles import can_view_sensitive

    return can_view_sensitive(request.user)
