from django.db import models


class VisitKind(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video"


class VisitOutcome(models.TextChoices):
    COMPLETED = "completed", "Completed"
    ACCESS_DENIED = "denied", "Access denied"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"
    PLANNED = "planned", "Planned"
