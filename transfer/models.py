"""The import log: who imported which file, when, how many rows. A file is kept from its
preview until it is imported, so that the import writes exactly what was previewed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import FileFormat, ImportKind, ImportState


class ImportLog(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="imports"
    )
    kind = models.CharField(_("what"), max_length=10, choices=ImportKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(max_length=4, choices=FileFormat.choices)
    # The uploaded file, until it is imported (then emptied: the records hold the data).
    content = models.BinaryField(editable=False)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    state = models.CharField(max_length=10, choices=ImportState.choices)
    created_at = models.DateTimeField(_("previewed at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("import log")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ImportKind.values), name="import_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(file_format__in=FileFormat.values), name="import_format_valid"
            ),
            models.CheckConstraint(
                condition=(Q(state=ImportState.IMPORTED) & Q(imported_at__isnull=False))
                | (Q(state=ImportState.PREVIEWED) & Q(imported_at__isnull=True)),
                name="import_state_has_time",
            ),
        ]
        indexes = [
            # Serves the import page's log of recent imports.
            models.Index(fields=["state", "-created_at"], name="import_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_kind_display()}, {self.rows})"
