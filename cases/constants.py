from django.db import models


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year"
    MONTH = "month", "Month"
    DAY = "day", "Day"


class Sex(models.TextChoices):
    FEMALE = "f", "Female"
    MALE = "m", "Male"
    OTHER = "x", "Other"
    UNKNOWN = "", "Unknown"


class DetaineeStatus(models.TextChoices):
    DETAINED = "detained", "Detained"
    CHARGED = "charged", "Charged"
    ON_TRIAL = "on_trial", "On trial"
    CONVICTED = "convicted", "Convicted"
    RELEASED = "released", "Released"
    DEPORTED = "deported", "Deported"
    EXCHANGED = "exchanged", "Exchanged"
    EXTRADITION_PENDING = "extradition_pending", "Extradition pending"
    DECEASED = "deceased", "Deceased"
    UNKNOWN = "unknown", "Unknown"


# Statuses of a person still in someone's custody, for "currently held" counts.
HELD_STATUSES = (
    DetaineeStatus.DETAINED,
    DetaineeStatus.CHARGED,
    DetaineeStatus.ON_TRIAL,
    DetaineeStatus.CONVICTED,
    DetaineeStatus.EXTRADITION_PENDING,
)


class Priority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


class FacilityKind(models.TextChoices):
    PRISON = "prison", "Prison"
    JAIL = "jail", "Jail"
    PRE_TRIAL = "pre_trial", "Pre-trial detention"
    IMMIGRATION = "immigration", "Immigration detention"
    OTHER = "other", "Other"


class CaseStatus(models.TextChoices):
    INVESTIGATION = "investigation", "Under investigation"
    PRE_TRIAL = "pre_trial", "Charged, awaiting trial"
    TRIAL = "trial", "On trial"
    SENTENCED = "sentenced", "Sentenced"
    APPEAL = "appeal", "On appeal"
    CLOSED = "closed", "Closed"
    DISMISSED = "dismissed", "Dismissed"


class ChargeCategory(models.TextChoices):
    CYBERCRIME = "cybercrime", "Cybercrime"
    FRAUD = "fraud", "Fraud"
    MONEY_LAUNDERING = "money_laundering", "Money laundering"
    SANCTIONS_EXPORT = "sanctions_export", "Sanctions / export control"
    DRUGS = "drugs", "Drugs"
    WEAPONS = "weapons", "Weapons"
    ESPIONAGE = "espionage", "Espionage"
    FOREIGN_AGENT = "foreign_agent", "Foreign agent"
    VIOLENT = "violent", "Violent crime"
    IMMIGRATION = "immigration", "Immigration"
    OTHER = "other", "Other"


class ChargeDisposition(models.TextChoices):
    PENDING = "pending", "Pending"
    DISMISSED = "dismissed", "Dismissed"
    ACQUITTED = "acquitted", "Acquitted"
    PLEADED_GUILTY = "pleaded_guilty", "Pleaded guilty"
    CONVICTED = "convicted", "Convicted"


class ExtraditionStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    CONTESTED = "contested", "Contested"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    SURRENDERED = "surrendered", "Surrendered"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SourceKind(models.TextChoices):
    ARTICLE = "article", "News article"
    COURT = "court", "Court document"
    OFFICIAL = "official", "Official statement"
    FAMILY = "family", "Family or lawyer"
    OTHER = "other", "Other"


class ReportedFact(models.TextChoices):
    """Facts that sources report as of a date and that can change or be disputed. The
    record's current value of each is derived from its reports (`cases.dated_facts`)."""

    STATUS = "status", "Status"
    DETAINING_COUNTRY = "detaining_country", "Detaining country"
    FACILITY = "facility", "Facility"
    EXTRADITION_STATUS = "extradition_status", "Extradition status"
    DATE_OF_BIRTH = "date_of_birth", "Date of birth"
    SENTENCE_TERM = "sentence_term", "Sentence term"


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
