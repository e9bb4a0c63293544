from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


class Sex(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")
    OTHER = "x", _("Other")
    UNKNOWN = "", _("Unknown")


class DetaineeStatus(models.TextChoices):
    DETAINED = "detained", _("Detained")
    CHARGED = "charged", _("Charged")
    ON_TRIAL = "on_trial", _("On trial")
    CONVICTED = "convicted", _("Convicted")
    RELEASED = "released", _("Released")
    DEPORTED = "deported", _("Deported")
    EXCHANGED = "exchanged", _("Exchanged")
    EXTRADITION_PENDING = "extradition_pending", _("Extradition pending")
    DECEASED = "deceased", _("Deceased")
    UNKNOWN = "unknown", _("Unknown")


# Statuses of a person still in someone's custody, for "currently held" counts.
HELD_STATUSES = (
    DetaineeStatus.DETAINED,
    DetaineeStatus.CHARGED,
    DetaineeStatus.ON_TRIAL,
    DetaineeStatus.CONVICTED,
    DetaineeStatus.EXTRADITION_PENDING,
)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class FacilityKind(models.TextChoices):
    PRISON = "prison", _("Prison")
    JAIL = "jail", _("Jail")
    PRE_TRIAL = "pre_trial", _("Pre-trial detention")
    IMMIGRATION = "immigration", _("Immigration detention")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    INVESTIGATION = "investigation", _("Under investigation")
    PRE_TRIAL = "pre_trial", _("Charged, awaiting trial")
    TRIAL = "trial", _("On trial")
    SENTENCED = "sentenced", _("Sentenced")
    APPEAL = "appeal", _("On appeal")
    CLOSED = "closed", _("Closed")
    DISMISSED = "dismissed", _("Dismissed")


class ChargeCategory(models.TextChoices):
    CYBERCRIME = "cybercrime", _("Cybercrime")
    FRAUD = "fraud", _("Fraud")
    MONEY_LAUNDERING = "money_laundering", _("Money laundering")
    SANCTIONS_EXPORT = "sanctions_export", _("Sanctions / export control")
    DRUGS = "drugs", _("Drugs")
    WEAPONS = "weapons", _("Weapons")
    ESPIONAGE = "espionage", _("Espionage")
    FOREIGN_AGENT = "foreign_agent", _("Foreign agent")
    VIOLENT = "violent", _("Violent crime")
    IMMIGRATION = "immigration", _("Immigration")
    OTHER = "other", _("Other")


class ChargeDisposition(models.TextChoices):
    PENDING = "pending", _("Pending")
    DISMISSED = "dismissed", _("Dismissed")
    ACQUITTED = "acquitted", _("Acquitted")
    PLEADED_GUILTY = "pleaded_guilty", _("Pleaded guilty")
    CONVICTED = "convicted", _("Convicted")


class ExtraditionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    CONTESTED = "contested", _("Contested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    SURRENDERED = "surrendered", _("Surrendered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("News article")
    COURT = "court", _("Court document")
    OFFICIAL = "official", _("Official statement")
    FAMILY = "family", _("Family or lawyer")
    OTHER = "other", _("Other")


class ReportedFact(models.TextChoices):
    """Facts that sources report as of a date and that can change or be disputed. The
    record's current value of each is derived from its reports (`cases.dated_facts`)."""

    STATUS = "status", _("Status")
    DETAINING_COUNTRY = "detaining_country", _("Detaining country")
    FACILITY = "facility", _("Facility")
    EXTRADITION_STATUS = "extradition_status", _("Extradition status")
    DATE_OF_BIRTH = "date_of_birth", _("Date of birth")
    SENTENCE_TERM = "sentence_term", _("Sentence term")


# Facts whose value changes over time: the latest dated report gives the current value.
# The others (a date of birth, the term of one sentence) have one true value; reports that
# disagree on them are a dispute whatever their dates.
CHANGING_FACTS = (
    ReportedFact.STATUS,
    ReportedFact.DETAINING_COUNTRY,
    ReportedFact.FACILITY,
    ReportedFact.EXTRADITION_STATUS,
)

# An extradition moves forward through these; a report of an earlier step never moves it
# back. Refused and withdrawn end it whenever a later-dated report says so.
EXTRADITION_PROGRESS = {
    ExtraditionStatus.REQUESTED: 0,
    ExtraditionStatus.CONTESTED: 1,
    ExtraditionStatus.APPROVED: 2,
    ExtraditionStatus.SURRENDERED: 3,
}
