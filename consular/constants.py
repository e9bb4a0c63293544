from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitKind(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")


class VisitOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    ACCESS_DENIED = "denied", _("Access denied")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
    PLANNED = "planned", _("Planned")
