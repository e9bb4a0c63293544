from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    DETAINEES = "detainees", _("Detainees")
    CASES = "cases", _("Cases")
    VISITS = "visits", _("Consular visits")


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", _("Previewed")
    IMPORTED = "imported", _("Imported")


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


# An import file's limits: a caseload, not a database dump.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
