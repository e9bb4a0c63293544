"""People held abroad and the legal facts about them.

Every fact that news can report cites the sources it came from through a small
citation table of its own, which keeps the quote that supports it.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from . import names, validators
from .constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    Priority,
    ReportedFact,
    Sex,
    SourceKind,
)
from .fields import (
    DatePrecisionField,
    PartialDateField,
    SensitiveTextField,
    WebAddressField,
    partial_date,
    partial_date_constraint,
)
from .querysets import (
    ArchivableQuerySet,
    DetaineeQuerySet,
    LiveManager,
    SourceQuerySet,
    VersionedQuerySet,
)


def _choices_constraint(field: str, choices: type[models.TextChoices], table: str):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}), name=f"{table}_{field}_valid"
    )


class VersionedModel(models.Model):
    """A record whose every write raises its version by one, whatever the path (services,
    API, pages, admin, bulk updates through its QuerySet). Clients hold the version they
    read (the API's ETag, a form's hidden field) and a write made against an older one is
    refused instead of silently undoing what came in between."""

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised by one on every change of the record."),
    )

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        # The next version is read under the row's lock, so two writers never both claim
        # the same number; the lock is held until the write commits. A service that has
        # just read the row under its lock, in this transaction, says so for this one save
        # (`_locked_version`), and the read is not repeated.
        locked = self.__dict__.pop("_locked_version", None)
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            if locked is not None and locked == self.version:
                stored = self.version
            else:
                stored = (
                    type(self)
                    ._base_manager.select_for_update()
                    .filter(pk=self.pk)
                    .values_list("version", flat=True)
                    .first()
                )
            self.version = (stored if stored is not None else self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            return super().save(*args, **kwargs)


class Source(VersionedModel):
    """An article or document that facts cite."""

    kind = models.CharField(
        _("kind"), max_length=12, choices=SourceKind.choices, default=SourceKind.ARTICLE
    )
    url = WebAddressField(_("url"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    published_on = PartialDateField(_("published"), null=True, blank=True)
    published_on_precision = DatePrecisionField(_("published on precision"))
    language = models.CharField(
        _("language"), max_length=16, blank=True, help_text=_("BCP 47 code, e.g. en, ru")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "-id"]
        constraints = [
            _choices_constraint("kind", SourceKind, "source"),
            partial_date_constraint("published_on", "source"),
            # One source row per document: facts from a re-read article cite the same row.
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_url_unique"),
        ]

    def __str__(self) -> str:
        label = self.title or self.url or f"Source {self.pk}"
        return f"{self.outlet}: {label}" if self.outlet else label

    @property
    def published(self):
        return partial_date(self, "published_on")


class Citation(models.Model):
    """Links one fact to one source, with the words that support it."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source")
    )
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("The sentence of the source that states it")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"cites {self.source}"


class Archivable(VersionedModel):
    """A case record is never deleted: it is archived, which hides it (and the records
    under it) from every list and page but keeps it, with its history, for
    administrators. See `services.record_archive`."""

    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("archived by"),
    )

    objects = LiveManager.from_queryset(ArchivableQuerySet)()
    all_objects = ArchivableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class DatedFact(models.Model):
    """A fact that carries the date it speaks of: the event date when its source gives one,
    else the publication date of its earliest source (a caseworker's entry without a source:
    the day it was made), with its precision. `services.fact_date_record` keeps the
    earliest."""

    as_of = PartialDateField("as of", null=True, blank=True, editable=False)
    as_of_precision = DatePrecisionField()

    class Meta:
        abstract = True

    @property
    def reported_as_of(self):
        return partial_date(self, "as_of")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Facility(VersionedModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=FacilityKind.choices, default=FacilityKind.PRISON
    )
    country = CountryField(_("country"))
    locality = models.CharField(_("city / region"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("facility")
        ordering = ["name"]
        verbose_name_plural = _("facilities")
        constraints = [
            _choices_constraint("kind", FacilityKind, "facility"),
            models.UniqueConstraint(
                fields=["name", "country"], name="facility_name_country_unique"
            ),
        ]
        indexes = [
            # Serves the facility filter and "facilities by country" lists.
            models.Index(fields=["country", "name"], name="facility_country_idx"),
        ]

    def __str__(self) -> str:
        place = ", ".join(p for p in (self.locality, self.country.name) if p)
        return f"{self.name} ({place})" if place else self.name


class Detainee(Archivable):
    full_name = models.CharField(_("full name"), max_length=200)
    name_original_script = models.CharField(
        _("name in original script"), max_length=200, blank=True
    )
    # Derived from the two names above; kept as a column so that search runs in the database.
    search_key = models.CharField(_("search key"), max_length=500, editable=False, db_index=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True, default="")
    date_of_birth = PartialDateField(_("date of birth"), null=True, blank=True)
    date_of_birth_precision = DatePrecisionField(_("date of birth precision"))
    status = models.CharField(
        _("status"), max_length=20, choices=DetaineeStatus.choices, default=DetaineeStatus.UNKNOWN
    )
    # Derived, like `status`, from the latest dated reports (`services.detainee_facts_derive`).
    detaining_country = CountryField(_("held by"), blank=True, editable=False)
    current_facility = models.ForeignKey(
        Facility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("current facility"),
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.NORMAL
    )
    assigned_caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_detainees",
        verbose_name=_("assigned caseworker"),
    )
    is_restricted = models.BooleanField(
        _("restricted"),
        default=False,
        help_text=_("Only the assigned caseworker and administrators can see a restricted case."),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="detainees", verbose_name=_("tags"))
    welfare_notes = SensitiveTextField(_("welfare / health notes"), blank=True)
    next_of_kin = SensitiveTextField(_("next-of-kin contacts"), blank=True)
    sources = models.ManyToManyField(
        Source,
        through="DetaineeCitation",
        blank=True,
        related_name="detainees",
        verbose_name=_("sources"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_key"])
    objects = LiveManager.from_queryset(DetaineeQuerySet)()
    all_objects = DetaineeQuerySet.as_manager()

    class Meta:
        verbose_name = _("detainee")
        verbose_name_plural = _("detainees")
        ordering = ["full_name", "id"]
        constraints = [
            _choices_constraint("status", DetaineeStatus, "detainee"),
            _choices_constraint("priority", Priority, "detainee"),
            _choices_constraint("sex", Sex, "detainee"),
            partial_date_constraint("date_of_birth", "detainee"),
            models.CheckConstraint(condition=~Q(full_name=""), name="detainee_full_name_present"),
        ]
        permissions = [
            ("view_sensitive", "Can see welfare, health and family details"),
            ("restrict_detainee", "Can restrict a case and assign its caseworker"),
        ]
        indexes = [
            # Serves the status filter and the "by status" statistics.
            models.Index(fields=["status"], name="detainee_status_idx"),
            # Serves "my cases" (assigned caseworker filter) and the visible_to() rule.
            models.Index(fields=["assigned_caseworker", "status"], name="detainee_caseworker_idx"),
            # Serve the list's default order (name, id) unfiltered and with the status filter:
            # a page is read in index order and stops after its rows instead of sorting every
            # match. Live rows only, as every list reads them.
            models.Index(
                fields=["full_name", "id"],
                name="detainee_name_idx",
                condition=Q(archived_at__isnull=True),
            ),
            models.Index(
                fields=["status", "full_name", "id"],
                name="detainee_status_name_idx",
                condition=Q(archived_at__isnull=True),
            ),
            # The countries people are held in now, one probe each, for the list's filter
            # options (`querysets.countries_on_file`) and the detaining-country filter.
            models.Index(
                fields=["detaining_country"],
                name="detainee_held_by_idx",
                condition=Q(archived_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        # A derived column, recomputed whenever a name may have changed.
        self.search_key = names.search_key(f"{self.full_name} {self.name_original_script}")
        if kwargs.get("update_fields") is not None and (
            {"full_name", "name_original_script"} & set(kwargs["update_fields"])
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    @property
    def birth_date(self):
        return partial_date(self, "date_of_birth")


class DetaineeCitation(Citation):
    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="citations", verbose_name=_("detainee")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("detainee citation")
        verbose_name_plural = _("detainee citations")
        constraints = [
            models.UniqueConstraint(fields=["detainee", "source"], name="detainee_citation_unique")
        ]


class NameVariant(DatedFact, VersionedModel):
    """One spelling of a detainee's name as some source wrote it."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="name_variants", verbose_name=_("detainee")
    )
    name = models.CharField(_("name"), max_length=200)
    search_key = models.CharField(_("search key"), max_length=500, editable=False)
    sources = models.ManyToManyField(
        Source,
        through="NameVariantCitation",
        blank=True,
        related_name="name_variants",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords(excluded_fields=["search_key"])

    class Meta:
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["detainee", "name"], name="name_variant_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="name_variant_present"),
            partial_date_constraint("as_of", "name_variant"),
        ]
        indexes = [
            # Serves name search: key lookups join back to the detainee.
            models.Index(fields=["search_key"], name="name_variant_key_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = names.search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def script(self) -> str:
        return "Latin" if names.is_latin(self.name) else "other script"


class NameVariantCitation(Citation):
    name_variant = models.ForeignKey(
        NameVariant,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("name variant"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("name variant citation")
        verbose_name_plural = _("name variant citations")
        constraints = [
            models.UniqueConstraint(
                fields=["name_variant", "source"], name="name_variant_citation_unique"
            )
        ]


class Nationality(DatedFact, VersionedModel):
    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="nationalities", verbose_name=_("detainee")
    )
    country = CountryField(_("country"))
    sources = models.ManyToManyField(
        Source,
        through="NationalityCitation",
        blank=True,
        related_name="nationalities",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nationality")
        verbose_name_plural = _("nationalities")
        ordering = ["country"]
        constraints = [
            models.UniqueConstraint(fields=["detainee", "country"], name="nationality_unique"),
            models.CheckConstraint(condition=~Q(country=""), name="nationality_country_present"),
            partial_date_constraint("as_of", "nationality"),
        ]
        indexes = [
            # Serves the nationality filter and per-nationality statistics.
            models.Index(fields=["country", "detainee"], name="nationality_country_idx"),
        ]

    def __str__(self) -> str:
        return self.country.name


class NationalityCitation(Citation):
    nationality = models.ForeignKey(
        Nationality,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("nationality"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nationality citation")
        verbose_name_plural = _("nationality citations")
        constraints = [
            models.UniqueConstraint(
                fields=["nationality", "source"], name="nationality_citation_unique"
            )
        ]


class CustodyPeriod(Archivable):
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.PROTECT,
        related_name="custody_periods",
        verbose_name=_("detainee"),
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        related_name="custody_periods",
        verbose_name=_("facility"),
    )
    started_on = PartialDateField(_("from"), null=True, blank=True)
    started_on_precision = DatePrecisionField(_("started on precision"))
    ended_on = PartialDateField(_("to"), null=True, blank=True)
    ended_on_precision = DatePrecisionField(_("ended on precision"))
    sources = models.ManyToManyField(
        Source,
        through="CustodyPeriodCitation",
        blank=True,
        related_name="custody_periods",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("custody period")
        verbose_name_plural = _("custody periods")
        ordering = ["-started_on", "-id"]
        constraints = [
            partial_date_constraint("started_on", "custody"),
            partial_date_constraint("ended_on", "custody"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="custody_ends_after_start",
            ),
        ]
        indexes = [
            # Serves "current facility" (open periods) and the facility statistics.
            models.Index(fields=["facility", "ended_on"], name="custody_facility_idx"),
            models.Index(fields=["detainee", "ended_on"], name="custody_detainee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.detainee} at {self.facility}"

    @property
    def started(self):
        return partial_date(self, "started_on")

    @property
    def ended(self):
        return partial_date(self, "ended_on")

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class CustodyPeriodCitation(Citation):
    custody_period = models.ForeignKey(
        CustodyPeriod,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("custody period"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("custody period citation")
        verbose_name_plural = _("custody period citations")
        constraints = [
            models.UniqueConstraint(
                fields=["custody_period", "source"], name="custody_citation_unique"
            )
        ]


class Case(Archivable):
    """One prosecution or detention matter; a detainee can have several."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.PROTECT, related_name="cases", verbose_name=_("detainee")
    )
    country = CountryField(_("prosecuting / detaining country"))
    court = models.CharField(_("court"), max_length=200, blank=True)
    case_number = models.CharField(_("case number"), max_length=100, blank=True)
    arrested_on = PartialDateField(_("arrest date"), null=True, blank=True)
    arrested_on_precision = DatePrecisionField(_("arrested on precision"))
    # The arrest that began this case. An arrest made by one country at another's request
    # (then usually an extradition) sits on the requesting country's case, with
    # `arrest_country` the country that made it.
    arrest_place = models.CharField(_("arrest place"), max_length=200, blank=True)
    arrest_country = CountryField(_("arrest country"), blank=True)
    arrest_requested_by = CountryField(
        _("arrest requested by"),
        blank=True,
        help_text=_("The country at whose request another country made the arrest"),
    )
    status = models.CharField(
        _("status"), max_length=14, choices=CaseStatus.choices, default=CaseStatus.INVESTIGATION
    )
    summary = models.TextField(_("summary"), blank=True)
    sources = models.ManyToManyField(
        Source, through="CaseCitation", blank=True, related_name="cases", verbose_name=_("sources")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-arrested_on", "-id"]
        constraints = [
            _choices_constraint("status", CaseStatus, "case"),
            partial_date_constraint("arrested_on", "case"),
            models.CheckConstraint(
                condition=Q(arrest_requested_by="") | ~Q(arrest_requested_by=F("arrest_country")),
                name="case_arrest_requested_by_another_country",
            ),
        ]
        indexes = [
            # Serves the detaining-country filter and "held by country" statistics.
            models.Index(fields=["country", "detainee"], name="case_country_idx"),
            # Serves the arrest-date range filter.
            models.Index(fields=["arrested_on"], name="case_arrested_idx"),
            # Serves the cases list's status filter.
            models.Index(fields=["status"], name="case_status_idx"),
        ]

    def __str__(self) -> str:
        number = f" {self.case_number}" if self.case_number else ""
        return f"{self.detainee} — {self.country.name}{number}"

    @property
    def arrested(self):
        return partial_date(self, "arrested_on")


class CaseCitation(Citation):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="citations", verbose_name=_("case")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case citation")
        verbose_name_plural = _("case citations")
        constraints = [
            models.UniqueConstraint(fields=["case", "source"], name="case_citation_unique")
        ]


class Charge(DatedFact, Archivable):
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="charges", verbose_name=_("case")
    )
    description = models.CharField(
        _("description"), max_length=500, help_text=_("As stated by the source")
    )
    statute = models.CharField(_("statute"), max_length=200, blank=True)
    category = models.CharField(
        _("category"), max_length=16, choices=ChargeCategory.choices, default=ChargeCategory.OTHER
    )
    disposition = models.CharField(
        _("disposition"),
        max_length=14,
        choices=ChargeDisposition.choices,
        default=ChargeDisposition.PENDING,
    )
    max_penalty_years = models.PositiveSmallIntegerField(
        _("maximum penalty (years)"),
        null=True,
        blank=True,
        validators=validators.max_penalty_years_validators,
    )
    sources = models.ManyToManyField(
        Source,
        through="ChargeCitation",
        blank=True,
        related_name="charges",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("charge")
        verbose_name_plural = _("charges")
        ordering = ["id"]
        constraints = [
            _choices_constraint("category", ChargeCategory, "charge"),
            _choices_constraint("disposition", ChargeDisposition, "charge"),
            models.CheckConstraint(condition=~Q(description=""), name="charge_description_present"),
            models.CheckConstraint(
                condition=Q(max_penalty_years__isnull=True)
                | Q(max_penalty_years__lte=validators.MAX_PENALTY_YEARS),
                name="charge_max_penalty_plausible",
            ),
            partial_date_constraint("as_of", "charge"),
        ]
        indexes = [
            # Serves the charge-category filter and "charges by category" statistics.
            models.Index(fields=["category", "case"], name="charge_category_idx"),
        ]

    def __str__(self) -> str:
        return self.description


class ChargeCitation(Citation):
    charge = models.ForeignKey(
        Charge, on_delete=models.CASCADE, related_name="citations", verbose_name=_("charge")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("charge citation")
        verbose_name_plural = _("charge citations")
        constraints = [
            models.UniqueConstraint(fields=["charge", "source"], name="charge_citation_unique")
        ]


class Sentence(Archivable):
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="sentences", verbose_name=_("case")
    )
    court = models.CharField(_("court"), max_length=200, blank=True)
    sentenced_on = PartialDateField(_("date"), null=True, blank=True)
    sentenced_on_precision = DatePrecisionField(_("sentenced on precision"))
    term_years = models.PositiveSmallIntegerField(
        _("term years"), null=True, blank=True, validators=validators.term_years_validators
    )
    term_months = models.PositiveSmallIntegerField(
        _("term months"), null=True, blank=True, validators=validators.term_months_validators
    )
    is_life = models.BooleanField(_("life sentence"), default=False)
    fine_amount = models.DecimalField(
        _("fine or penalty"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    fine_currency = models.CharField(
        _("fine currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD")
    )
    time_served_credit_days = models.PositiveIntegerField(
        _("credit for time served (days)"),
        null=True,
        blank=True,
        validators=validators.credit_days_validators,
    )
    expected_release_on = PartialDateField(_("expected release"), null=True, blank=True)
    expected_release_on_precision = DatePrecisionField(_("expected release on precision"))
    notes = models.TextField(_("notes"), blank=True, help_text=_("Commutation, parole, appeal …"))
    sources = models.ManyToManyField(
        Source,
        through="SentenceCitation",
        blank=True,
        related_name="sentences",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")
        ordering = ["-sentenced_on", "-id"]
        constraints = [
            partial_date_constraint("sentenced_on", "sentence"),
            partial_date_constraint("expected_release_on", "sentence"),
            models.CheckConstraint(
                condition=Q(term_months__isnull=True) | Q(term_months__lte=11),
                name="sentence_months_under_twelve",
            ),
            models.CheckConstraint(
                condition=Q(term_years__isnull=True) | Q(term_years__lte=validators.MAX_TERM_YEARS),
                name="sentence_term_years_plausible",
            ),
            models.CheckConstraint(
                condition=Q(time_served_credit_days__isnull=True)
                | Q(time_served_credit_days__lte=validators.MAX_CREDIT_DAYS),
                name="sentence_credit_days_plausible",
            ),
            models.CheckConstraint(
                condition=Q(is_life=False) | Q(term_years__isnull=True, term_months__isnull=True),
                name="sentence_life_has_no_term",
            ),
            models.CheckConstraint(
                condition=Q(fine_amount__isnull=True) | Q(fine_amount__gte=0),
                name="sentence_fine_not_negative",
            ),
            # An amount means nothing without its currency, and a currency without an amount.
            models.CheckConstraint(
                condition=Q(fine_amount__isnull=True, fine_currency="")
                | (Q(fine_amount__isnull=False) & Q(fine_currency__regex=r"^[A-Z]{3}$")),
                name="sentence_fine_has_currency",
            ),
        ]
        indexes = [
            # Serves the sentenced-date range filter.
            models.Index(fields=["sentenced_on"], name="sentence_date_idx"),
        ]

    def __str__(self) -> str:
        return self.term_display or str(_("Sentence"))

    @property
    def sentenced(self):
        return partial_date(self, "sentenced_on")

    @property
    def expected_release(self):
        return partial_date(self, "expected_release_on")

    @property
    def term_in_months(self) -> int | None:
        if self.is_life or (self.term_years is None and self.term_months is None):
            return None
        return (self.term_years or 0) * 12 + (self.term_months or 0)

    @property
    def term_display(self) -> str:
        """In the active language, with its plural forms: "27 years", "27 лет", "3 года"."""
        if self.is_life:
            return str(_("life"))
        parts = []
        if self.term_years:
            years = self.term_years
            parts.append(ngettext("%(n)d year", "%(n)d years", years) % {"n": years})
        if self.term_months:
            months = self.term_months
            parts.append(ngettext("%(n)d month", "%(n)d months", months) % {"n": months})
        return " ".join(parts)

    @property
    def fine_display(self) -> str:
        if self.fine_amount is None:
            return ""
        whole = self.fine_amount == self.fine_amount.to_integral_value()
        # Grouped and with the decimal mark of the active language: 170,000,000 / 170 000 000.
        amount = number_format(self.fine_amount, 0 if whole else 2, force_grouping=True)
        return f"{self.fine_currency} {amount}"


class SentenceCitation(Citation):
    sentence = models.ForeignKey(
        Sentence, on_delete=models.CASCADE, related_name="citations", verbose_name=_("sentence")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sentence citation")
        verbose_name_plural = _("sentence citations")
        constraints = [
            models.UniqueConstraint(fields=["sentence", "source"], name="sentence_citation_unique")
        ]


class Extradition(Archivable):
    detainee = models.ForeignKey(
        Detainee, on_delete=models.PROTECT, related_name="extraditions", verbose_name=_("detainee")
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="extraditions",
        verbose_name=_("case"),
    )
    from_country = CountryField(
        _("surrendering country"), help_text=_("Arrested and handed over by")
    )
    to_country = CountryField(_("requesting country"))
    arrested_on = PartialDateField(_("arrest date"), null=True, blank=True)
    arrested_on_precision = DatePrecisionField(_("arrested on precision"))
    decided_on = PartialDateField(_("decision date"), null=True, blank=True)
    decided_on_precision = DatePrecisionField(_("decided on precision"))
    surrendered_on = PartialDateField(_("surrender date"), null=True, blank=True)
    surrendered_on_precision = DatePrecisionField(_("surrendered on precision"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ExtraditionStatus.choices,
        default=ExtraditionStatus.REQUESTED,
    )
    notes = models.TextField(_("notes"), blank=True)
    sources = models.ManyToManyField(
        Source,
        through="ExtraditionCitation",
        blank=True,
        related_name="extraditions",
        verbose_name=_("sources"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("extradition")
        verbose_name_plural = _("extraditions")
        ordering = ["-surrendered_on", "-id"]
        constraints = [
            _choices_constraint("status", ExtraditionStatus, "extradition"),
            partial_date_constraint("arrested_on", "extradition"),
            partial_date_constraint("decided_on", "extradition"),
            partial_date_constraint("surrendered_on", "extradition"),
            models.CheckConstraint(
                condition=~Q(from_country=F("to_country")), name="extradition_countries_differ"
            ),
            # A surrender date belongs to a surrender and to nothing else.
            models.CheckConstraint(
                condition=Q(surrendered_on__isnull=True) | Q(status=ExtraditionStatus.SURRENDERED),
                name="extradition_surrender_date_only_when_surrendered",
            ),
        ]
        indexes = [
            # Serves "extraditions by surrendering country and year".
            models.Index(fields=["from_country", "surrendered_on"], name="extradition_from_idx"),
            # Serves the extradited-date range filter.
            models.Index(fields=["surrendered_on"], name="extradition_date_idx"),
            # Serves the status filter and the statistics of completed surrenders by year.
            models.Index(fields=["status", "surrendered_on"], name="extradition_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.detainee}: {self.from_country.code} → {self.to_country.code}"

    @property
    def surrendered(self):
        return partial_date(self, "surrendered_on")

    @property
    def arrested(self):
        return partial_date(self, "arrested_on")

    @property
    def decided(self):
        return partial_date(self, "decided_on")


class ExtraditionCitation(Citation):
    extradition = models.ForeignKey(
        Extradition,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("extradition"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("extradition citation")
        verbose_name_plural = _("extradition citations")
        constraints = [
            models.UniqueConstraint(
                fields=["extradition", "source"], name="extradition_citation_unique"
            )
        ]


def _one_subject_constraint(table: str) -> models.CheckConstraint:
    """An extradition status is about one extradition, a term about one sentence; every
    other reported fact is about the detainee alone."""
    return models.CheckConstraint(
        condition=(
            Q(
                fact=ReportedFact.EXTRADITION_STATUS,
                extradition__isnull=False,
                sentence__isnull=True,
            )
            | Q(fact=ReportedFact.SENTENCE_TERM, sentence__isnull=False, extradition__isnull=True)
            | (
                ~Q(fact__in=[ReportedFact.EXTRADITION_STATUS, ReportedFact.SENTENCE_TERM])
                & Q(extradition__isnull=True, sentence__isnull=True)
            )
        ),
        name=f"{table}_one_subject",
    )


class FactReport(models.Model):
    """One source's word on the value of a fact that changes or can be disputed (status,
    detaining country, facility, extradition status, date of birth, sentence term), with
    the date it speaks of: the event date when the source gives one, else its publication
    date. The record's current value is derived from these reports, so that an older
    article adds to the timeline without moving the current value backwards."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="reports", verbose_name=_("detainee")
    )
    fact = models.CharField(_("fact"), max_length=20, choices=ReportedFact.choices)
    extradition = models.ForeignKey(
        Extradition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("extradition"),
    )
    sentence = models.ForeignKey(
        Sentence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("sentence"),
    )
    # The facility a facility report names (its id is also the value).
    facility = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    # The value in the record's vocabulary: a status code, a country code, a facility id,
    # an ISO partial date, or a term as an ISO 8601 duration ("P27Y", "P2Y6M", "life").
    value = models.CharField(_("value"), max_length=100)
    as_of = PartialDateField(_("as of"), null=True, blank=True)
    as_of_precision = DatePrecisionField(_("as of precision"))
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("source"),
    )
    quote = models.TextField(_("quote"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fact report")
        verbose_name_plural = _("fact reports")
        ordering = ["as_of", "id"]
        constraints = [
            _choices_constraint("fact", ReportedFact, "fact_report"),
            partial_date_constraint("as_of", "fact_report"),
            models.CheckConstraint(condition=~Q(value=""), name="fact_report_value_present"),
            _one_subject_constraint("fact_report"),
        ]
        indexes = [
            # Serves the derivation of a detainee's current values (all reports of one
            # detainee, by fact and date).
            models.Index(fields=["detainee", "fact", "as_of"], name="fact_report_detainee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_fact_display()}: {self.value} (as of {self.reported_as_of or '?'})"

    @property
    def reported_as_of(self):
        return partial_date(self, "as_of")


class FactChoice(models.Model):
    """A caseworker's choice of the canonical value of a disputed fact, with the reason.
    Who chose and when is in the history rows of this table."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="fact_choices", verbose_name=_("detainee")
    )
    fact = models.CharField(_("fact"), max_length=20, choices=ReportedFact.choices)
    extradition = models.ForeignKey(
        Extradition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("extradition"),
    )
    sentence = models.ForeignKey(
        Sentence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sentence"),
    )
    value = models.CharField(_("value"), max_length=100)
    reason = models.TextField(_("reason"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("chosen by"),
    )
    chosen_at = models.DateTimeField(_("chosen at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fact choice")
        verbose_name_plural = _("fact choices")
        constraints = [
            _choices_constraint("fact", ReportedFact, "fact_choice"),
            _one_subject_constraint("fact_choice"),
            models.CheckConstraint(condition=~Q(reason=""), name="fact_choice_reason_present"),
            models.CheckConstraint(condition=~Q(value=""), name="fact_choice_value_present"),
            # One standing choice per fact.
            models.UniqueConstraint(
                fields=["detainee", "fact"],
                condition=Q(extradition__isnull=True, sentence__isnull=True),
                name="fact_choice_detainee_unique",
            ),
            models.UniqueConstraint(
                fields=["extradition"],
                condition=Q(extradition__isnull=False),
                name="fact_choice_extradition_unique",
            ),
            models.UniqueConstraint(
                fields=["sentence"],
                condition=Q(sentence__isnull=False),
                name="fact_choice_sentence_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_fact_display()}: {self.value} chosen"
