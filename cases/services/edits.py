"""Edits of a record already written: locking it at the version the caller read,
updating only the changed columns, and the reports and derived values that follow."""

from typing import TypeVar

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from ..constants import DetaineeStatus, ReportedFact
from ..errors import DomainError, StaleVersion
from ..models import CustodyPeriod, Detainee, Extradition
from .dated_reports import detainee_facts_derive, fact_report_record
from .field_values import _date_kwargs
from .people import _acting_user, assignment_change_record, name_variant_add, nationality_add

M = TypeVar("M", bound=Model)


def record_lock(*, record: M, expected_version: int | None = None) -> M:
    """The record as stored now, its row locked until the transaction ends. With
    `expected_version`, a record changed since the caller read that version raises
    StaleVersion instead. Call inside `transaction.atomic()`."""
    current = type(record)._base_manager.select_for_update().get(pk=record.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(current, expected=expected_version)
    return current


# What a caller may set on an instance for django-simple-history (who, why, when): the
# fresh copy that is saved carries them too.
_HISTORY_HINTS = ("_history_user", "_change_reason", "_history_date", "skip_history_when_saving")


def _refresh_from(record: Model, current: Model) -> None:
    """Gives the caller's instance the values just written (no query)."""
    for field in record._meta.concrete_fields:
        setattr(record, field.attname, getattr(current, field.attname))


def record_update(*, record: M, changes: dict, expected_version: int | None = None) -> M:
    """Sets fields of one fact (a partial date as a PartialDate or None), checks every field
    rule and constraint of the model, and saves. A broken rule is a DomainError naming the
    field.

    The row is locked and read afresh, and only the changed columns are written: a
    concurrent change to another field survives. With `expected_version` (the version the
    caller's edit is based on), a record changed in between raises StaleVersion and nothing
    is written. `record` is left holding the stored values."""
    from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

    from ..fields import PartialDateField

    with transaction.atomic():
        current = record_lock(record=record, expected_version=expected_version)
        for hint in _HISTORY_HINTS:
            if hasattr(record, hint):
                setattr(current, hint, getattr(record, hint))
        columns: set[str] = set()
        before = {f.attname: getattr(current, f.attname) for f in current._meta.concrete_fields}
        for name, value in changes.items():
            field = current._meta.get_field(name)
            if isinstance(field, PartialDateField):
                for column, column_value in _date_kwargs(name, value).items():
                    setattr(current, column, column_value)
                    columns.add(column)
            else:
                setattr(current, name, value)
                columns.add(name)
        try:
            current.full_clean()
        except ValidationError as exc:
            name, messages = next(iter(exc.message_dict.items()))
            raise DomainError(
                " ".join(messages), field=None if name == NON_FIELD_ERRORS else name
            ) from exc
        if columns:
            auto_now = {
                f.name for f in current._meta.concrete_fields if getattr(f, "auto_now", False)
            }
            current._locked_version = current.version  # read under the lock just above
            current.save(update_fields=columns | auto_now)
            changed = {c for c in columns if before.get(c) != getattr(current, c, None)}
            _derive_after_edit(current, changed)
            if "assigned_caseworker" in columns and isinstance(current, Detainee):
                assignment_change_record(
                    detainee=current,
                    previous_id=before["assigned_caseworker_id"],
                    user=_acting_user(current),
                )
            current.refresh_from_db()
    _refresh_from(record, current)
    return record


def _derive_after_edit(record: Model, changed: set[str]) -> None:
    """A caseworker's change of a reported fact is a report as of today; the current values
    follow. `changed` names the columns whose values changed."""
    if isinstance(record, Detainee):
        if "status" in changed and record.status != DetaineeStatus.UNKNOWN:
            fact_report_record(detainee=record, fact=ReportedFact.STATUS, value=record.status)
        if {"date_of_birth", "date_of_birth_precision"} & changed and record.birth_date:
            fact_report_record(
                detainee=record,
                fact=ReportedFact.DATE_OF_BIRTH,
                value=record.birth_date.isoformat(),
            )
        if "status" in changed:
            detainee_facts_derive(detainee=record)
    elif isinstance(record, Extradition) and "status" in changed:
        fact_report_record(
            detainee=record.detainee,
            fact=ReportedFact.EXTRADITION_STATUS,
            value=record.status,
            extradition=record,
        )
        asked = record.status
        detainee_facts_derive(detainee=record.detainee)
        record.refresh_from_db()
        if record.status != asked:
            raise DomainError(
                _(
                    "An extradition only moves forward: it is %(status)s by its reports. Record "
                    "that it was refused or withdrawn instead."
                )
                % {"status": record.get_status_display().lower()},
                field="status",
            )
    elif isinstance(record, CustodyPeriod) and changed:
        detainee_facts_derive(detainee=record.detainee)


@transaction.atomic
def detainee_update(
    *,
    detainee: Detainee,
    changes: dict,
    nationalities: list[str] | None = None,
    expected_version: int | None = None,
) -> Detainee:
    """Edits a detainee. A new full name keeps the old one findable as a name variant;
    `nationalities`, when given, is the complete new list. The detainee's version is raised
    by any change, nationalities included; `expected_version` as for record_update."""
    old_name = record_lock(record=detainee, expected_version=expected_version).full_name
    if "full_name" in changes:
        changes = {**changes, "full_name": " ".join((changes["full_name"] or "").split())}
    record_update(record=detainee, changes=changes)
    if detainee.full_name != old_name:
        for name in (old_name, detainee.full_name):
            name_variant_add(detainee=detainee, name=name)
    if nationalities is not None:
        wanted = {(code or "").upper() for code in nationalities}
        held = set(detainee.nationalities.values_list("country", flat=True))
        for code in sorted(wanted):
            nationality_add(detainee=detainee, country=code)
        detainee.nationalities.exclude(country__in=wanted).delete()
        if held != wanted and not changes:
            detainee.save(update_fields=["updated_at"])
    return detainee
