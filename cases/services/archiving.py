"""Archiving and restoring: case records are never deleted; a record is archived with
every record under it, and restored with those archived with it."""

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from ..errors import Conflict, DomainError
from ..models import Case, Detainee
from ..relations import referring_row_ids
from .dated_reports import detainee_facts_derive


def _is_archivable(model) -> bool:
    return any(f.name == "archived_at" for f in model._meta.concrete_fields)


def _rows_under(record: Model) -> list[Model]:
    """Every archivable record under `record` (a detainee's cases, custody, extraditions and
    visits; a case's charges, sentences and extraditions), through the reverse relations,
    so that records of other apps (visits) are found without importing them."""
    ids = referring_row_ids(
        type(record),
        [record.pk],
        follows=lambda relation: _is_archivable(relation.related_model),
    )
    ids[type(record)].discard(record.pk)
    return [
        row
        for model, pks in ids.items()
        for row in model._base_manager.filter(pk__in=pks).order_by("pk")
    ]


def _set_archived(row: Model, *, at, user, reason: str) -> None:
    row.archived_at = at
    row.archived_by = user
    # Kept in the change history with the change.
    row._change_reason = reason[:100]
    row.save(update_fields=["archived_at", "archived_by"])


@transaction.atomic
def record_archive(*, record: Model, user, reason: str = "") -> Model:
    """Archives a case record and every record under it: hidden from lists, pages and
    statistics, kept with its history for administrators. Each row is saved on its own,
    so each keeps a history entry."""
    from django.utils import timezone

    model = type(record)
    if not _is_archivable(model):
        raise DomainError(
            _("This %(record)s is not archived.") % {"record": model._meta.verbose_name}
        )
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is not None:
        raise Conflict(_("This record is already archived."))
    now = timezone.now()
    reason = " ".join((reason or "").split()) or "archived"
    for row in [record, *_rows_under(record)]:
        if row.archived_at is None:
            _set_archived(row, at=now, user=user, reason=reason)
    _derive_for(record, user=user, reason=reason)
    return record


@transaction.atomic
def record_restore(*, record: Model, user) -> Model:
    """Brings back an archived record and the records archived with it (not those
    archived on their own before)."""
    model = type(record)
    if not _is_archivable(model):
        raise DomainError(
            _("This %(record)s is not archived.") % {"record": model._meta.verbose_name}
        )
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is None:
        raise Conflict(_("This record is not archived."))
    when = record.archived_at
    for row in [record, *_rows_under(record)]:
        if row.archived_at == when:
            _set_archived(row, at=None, user=None, reason=f"restored by {user}")
    _derive_for(record, user=user, reason=f"restored by {user}")
    return record


def _derive_for(record: Model, *, user, reason: str) -> None:
    """The current values of the person a record is about follow its archiving or
    restoring: an archived custody period no longer makes its facility the current one."""
    if isinstance(record, Detainee):
        detainee_id = record.pk
    else:
        detainee_id = getattr(record, "detainee_id", None)
    if detainee_id is None and getattr(record, "case_id", None):
        detainee_id = Case._base_manager.values_list("detainee_id", flat=True).get(
            pk=record.case_id
        )
    if detainee_id is not None:
        detainee = Detainee.all_objects.get(pk=detainee_id)
        detainee_facts_derive(detainee=detainee, user=user, reason=reason)
