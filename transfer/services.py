"""Imports in two steps, and exports.

`import_preview` reads an uploaded file and runs it through the importer without keeping
anything (a dry run in a transaction that is rolled back), then keeps the file on an
ImportLog row. `import_confirm` runs that same file for real: every row is written, or, if
any row fails (the record may have changed since the preview), none is. Exports write CSV or
XLSX with every cell that a spreadsheet would run as a formula kept as text."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePath

import tablib
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.errors import DomainError, NotPermitted
from cases.roles import can_view_sensitive
from config.api import formula_safe

from .constants import MAX_FILE_BYTES, MAX_ROWS, FileFormat, ImportKind, ImportState
from .models import ImportLog
from .resources import resource_for

IMPORT_PERMISSIONS = {
    ImportKind.DETAINEES: "cases.add_detainee",
    ImportKind.CASES: "cases.add_case",
    ImportKind.VISITS: "consular.add_consularvisit",
}


def can_import(user, kind: str | None = None) -> bool:
    """Caseworkers and administrators import; a viewer or a role-less account does not."""
    kinds = [kind] if kind else list(IMPORT_PERMISSIONS)
    return any(user.has_perm(IMPORT_PERMISSIONS[k]) for k in kinds if k in IMPORT_PERMISSIONS)


@dataclass
class RowReport:
    """One row of the file as the preview shows it."""

    number: int
    values: list
    errors: list[str] = field(default_factory=list)


@dataclass
class Preview:
    headers: list[str]
    rows: list[RowReport]
    file_errors: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(1 for r in self.rows if r.errors)

    @property
    def valid(self) -> bool:
        return self.error_count == 0 and bool(self.rows)


def file_format_of(name: str) -> str:
    suffix = PurePath(name or "").suffix.lower().lstrip(".")
    if suffix not in FileFormat.values:
        raise DomainError(
            _("Upload a .csv or .xlsx file (this one is “%(name)s”).") % {"name": name},
            field="file",
        )
    return suffix


def read_dataset(content: bytes, file_format: str) -> tablib.Dataset:
    """The file as rows under its header row, or a DomainError that says what is wrong."""
    if len(content) > MAX_FILE_BYTES:
        raise DomainError(
            _("The file is larger than %(mb)s MB: split it into smaller files.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)},
            field="file",
        )
    try:
        if file_format == FileFormat.CSV:
            text = content.decode("utf-8-sig")
            dataset = tablib.Dataset().load(text, format="csv")
        else:
            dataset = tablib.Dataset().load(content, format="xlsx")
    except UnicodeDecodeError:
        raise DomainError(
            _("The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”."),
            field="file",
        ) from None
    except Exception:
        raise DomainError(
            _("The file could not be read as %(format)s.") % {"format": file_format.upper()},
            field="file",
        ) from None
    if not dataset.headers or not any(h for h in dataset.headers):
        raise DomainError(_("The file has no header row naming its columns."), field="file")
    dataset.headers = [(h or "").strip() for h in dataset.headers]
    if file_format == FileFormat.XLSX:
        dataset = _dates_as_text(dataset)
    if len(dataset) > MAX_ROWS:
        raise DomainError(
            _("The file has %(rows)s rows; at most %(max)s are imported at once.")
            % {"rows": len(dataset), "max": MAX_ROWS},
            field="file",
        )
    if not len(dataset):
        raise DomainError(_("The file has a header row but no rows under it."), field="file")
    return dataset


def _spreadsheet_date_as_text(cell):
    """A date cell of a spreadsheet (openpyxl reads it as a datetime, or a date) as the day
    it shows, written the way a date is typed in a text cell ("2019-06-21"); the time of day
    a date cell carries is not part of any date the records keep."""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return cell


def _dates_as_text(dataset: tablib.Dataset) -> tablib.Dataset:
    return tablib.Dataset(
        *[tuple(_spreadsheet_date_as_text(cell) for cell in row) for row in dataset],
        headers=dataset.headers,
    )


def _column_errors(resource, dataset: tablib.Dataset) -> list[str]:
    """Columns the importer does not know, and required ones that are missing."""
    known = {f.column_name for f in resource.get_import_fields()}
    errors = []
    unknown = [h for h in dataset.headers if h and h not in known and h != "id"]
    if unknown:
        errors.append(
            _("Unknown columns: %(unknown)s. The columns are: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))}
        )
    return errors


def _label(resource, name: str) -> str:
    """A field's column name, for messages about it."""
    for f in resource.fields.values():
        if f.attribute == name or f.column_name == name:
            return f.column_name
    return name


def _report(resource, dataset: tablib.Dataset, result) -> Preview:
    rows = {i: RowReport(i, list(values)) for i, values in enumerate(dataset, 1)}
    for invalid in result.invalid_rows:
        for name, messages in invalid.error_dict.items():
            column = _label(resource, name)
            for message in messages:
                text = " ".join(getattr(message, "messages", [str(message)]))
                rows[invalid.number].errors.append(
                    f"{column}: {text}" if name != "__all__" else text
                )
    for number, errors in result.row_errors():
        for error in errors:
            rows[number].errors.append(
                _("This row could not be saved: %(reason)s") % {"reason": error.error}
            )
    file_errors = [
        _("The file could not be imported: %(reason)s") % {"reason": e.error}
        for e in result.base_errors
    ]
    return Preview(headers=list(dataset.headers), rows=list(rows.values()), file_errors=file_errors)


def _run(*, kind: str, user, dataset: tablib.Dataset, dry_run: bool) -> Preview:
    resource = resource_for(kind, user=user, with_sensitive=can_view_sensitive(user))
    column_errors = _column_errors(resource, dataset)
    if column_errors:
        return Preview(
            headers=list(dataset.headers),
            rows=[RowReport(i, list(v)) for i, v in enumerate(dataset, 1)],
            file_errors=column_errors,
        )
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    return _report(resource, dataset, result)


def import_preview(*, user, kind: str, file_name: str, content: bytes) -> tuple[ImportLog, Preview]:
    """Checks every row of the file without writing a record, and keeps the file for
    `import_confirm`."""
    if kind not in ImportKind.values:
        raise DomainError(_("Choose what the file holds."), field="kind")
    if not can_import(user, kind):
        raise NotPermitted(_("Your role cannot import these records."))
    file_format = file_format_of(file_name)
    dataset = read_dataset(content, file_format)
    preview = _run(kind=kind, user=user, dataset=dataset, dry_run=True)
    log = ImportLog.objects.create(
        user=user,
        kind=kind,
        file_name=PurePath(file_name).name[:255],
        file_format=file_format,
        content=content,
        rows=len(dataset),
        state=ImportState.PREVIEWED,
    )
    return log, preview


def import_confirm(*, user, log_id: int) -> tuple[ImportLog, Preview]:
    """Writes the previewed file: all of its rows, or none of them."""
    with transaction.atomic():
        log = (
            ImportLog.objects.select_for_update()
            .filter(pk=log_id, user=user, state=ImportState.PREVIEWED)
            .first()
        )
        if log is None:
            raise DomainError(
                _("This import was done already, or is not yours: upload the file again."),
                field="file",
            )
        if not can_import(user, log.kind):
            raise NotPermitted(_("Your role cannot import these records."))
        dataset = read_dataset(bytes(log.content), log.file_format)
        preview = _run(kind=log.kind, user=user, dataset=dataset, dry_run=False)
        if not preview.valid:
            return log, preview
        log.state = ImportState.IMPORTED
        log.imported_at = timezone.now()
        log.content = b""
        log.save(update_fields=["state", "imported_at", "content"])
    return log, preview


# --- Export ------------------------------------------------------------------------------


def export_dataset(*, kind: str, user) -> tablib.Dataset:
    """The records of one kind that `user` may see, as rows with the import's columns
    (a file exported here can be edited and imported elsewhere), every text cell safe to
    open in a spreadsheet."""
    from cases.models import Case, Detainee
    from consular.models import ConsularVisit

    sensitive = can_view_sensitive(user)
    resource = resource_for(kind, user=user, with_sensitive=sensitive)
    visible = Detainee.objects.visible_to(user)
    if kind == ImportKind.DETAINEES:
        # Each row lists the person's nationalities: one prefetch, not a query per row.
        queryset = visible.prefetch_related("nationalities").order_by("id")
    elif kind == ImportKind.CASES:
        queryset = Case.objects.filter(detainee__in=visible).order_by("id")
    else:
        queryset = ConsularVisit.objects.filter(detainee__in=visible).order_by("id")
    dataset = resource.export(queryset=queryset)
    safe = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        safe.append([formula_safe(cell) if isinstance(cell, str) else cell for cell in row])
    return safe


def export_file(*, kind: str, user, file_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of an export."""
    if kind not in ImportKind.values:
        raise DomainError(_("There is no such export."), field="kind")
    if file_format not in FileFormat.values:
        raise DomainError(_("Exports are CSV or XLSX."), field="format")
    dataset = export_dataset(kind=kind, user=user)
    name = f"{kind}-{dt.date.today():%Y-%m-%d}.{file_format}"
    if file_format == FileFormat.CSV:
        return dataset.export("csv").encode("utf-8-sig"), "text/csv; charset=utf-8", name
    return (
        dataset.export("xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        name,
    )
