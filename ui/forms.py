"""Forms behind the detainee page and the visits page. Each validates what a person can
fix (with the message beside the field), then writes through the cases/consular service;
a service's DomainError comes back as a field error rather than a crash."""

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cases import services
from cases.errors import DomainError, StaleVersion
from cases.fields import PartialDateModelForm, sensitive_field_names, web_address_validator
from cases.forms import VersionedModelForm
from cases.models import Case, Charge, CustodyPeriod, Detainee, Facility, Sentence
from consular.constants import VisitOutcome
from consular.models import ConsularVisit
from consular.services import visit_record


def country_choices() -> list:
    """Read when a form is built, so that the names are in the page's language."""
    return [("", _("Choose a country")), *countries]


class SourceFieldsMixin(forms.Form):
    """Where the fact came from: cited on the new record, shown on the timeline."""

    source_url = forms.URLField(
        label=_("Source link"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        validators=[web_address_validator],
        help_text=_("Article or document that reports it (optional)"),
    )
    source_title = forms.CharField(label=_("Source title"), required=False, max_length=500)
    quote = forms.CharField(
        label=_("Supporting quote"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def source(self):
        url, title = self.cleaned_data.get("source_url"), self.cleaned_data.get("source_title")
        if not url and not title:
            return None
        return services.source_get_or_create(url=url or "", title=title or "")

    def source_kwargs(self) -> dict:
        return {"source": self.source(), "quote": self.cleaned_data.get("quote") or ""}


class ServiceForm(SourceFieldsMixin, PartialDateModelForm):
    """A model form whose `save()` calls a service instead of `Model.save()`."""

    def __init__(self, *args, detainee: Detainee, can_view_sensitive: bool = True, **kwargs):
        self.detainee = detainee
        super().__init__(*args, **kwargs)
        if not can_view_sensitive:
            for name in sensitive_field_names(self._meta.model):
                self.fields.pop(name, None)

    def write(self):
        raise NotImplementedError

    def save(self, commit: bool = True):
        """Returns the written record, or None with the service's complaint on its field."""
        try:
            with transaction.atomic():
                return self.write()
        except DomainError as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
            return None


class VisitForm(ServiceForm):
    class Meta:
        model = ConsularVisit
        fields = [
            "visited_on",
            "outcome",
            "kind",
            "visitors",
            "facility",
            "observations",
            "follow_up",
        ]
        widgets = {
            "observations": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].required = True
        self.fields["visited_on"].label = _("Date")
        self.fields["facility"].queryset = Facility.objects.order_by("name")
        self.fields["facility"].required = False
        current = (
            self.detainee.custody_periods.filter(ended_on__isnull=True).first()
            if self.detainee
            else None
        )
        if current and not self.is_bound:
            self.initial.setdefault("facility", current.facility_id)

    def clean(self):
        data = super().clean()
        when, outcome = data.get("visited_on"), data.get("outcome")
        today = timezone.localdate()
        if when and outcome:
            if outcome == VisitOutcome.PLANNED and when.last_day < today:
                self.add_error("visited_on", _("A planned visit needs a date from today on."))
            elif outcome != VisitOutcome.PLANNED and when.value > today:
                self.add_error(
                    "visited_on", _("This date is in the future: choose “Planned” as the outcome.")
                )
        return data

    def write(self):
        data = self.cleaned_data
        return visit_record(
            detainee=self.detainee,
            visitors=data["visitors"],
            visited=data["visited_on"],
            facility=data.get("facility"),
            kind=data["kind"],
            outcome=data["outcome"],
            observations=data.get("observations", ""),
            follow_up=data.get("follow_up", ""),
            **self.source_kwargs(),
        )


class CaseChoiceMixin(forms.Form):
    """Charges and sentences belong to a case: pick one, or open one in a country."""

    new_case_country = forms.ChoiceField(
        label=_("…or open a new case in"),
        choices=country_choices,
        required=False,
        help_text=_("Prosecuting or detaining country"),
    )

    def setup_case_field(self):
        field = self.fields["case"]
        field.queryset = self.detainee.cases.order_by("-arrested_on", "-id")
        field.required = False
        field.empty_label = _("— new case —")
        field.label_from_instance = lambda c: " · ".join(
            p for p in (c.country.name, c.court, c.case_number, c.get_status_display()) if p
        )
        if not self.is_bound and len(field.queryset) == 1:
            self.initial.setdefault("case", field.queryset[0].pk)

    def clean(self):
        data = super().clean()
        if not data.get("case") and not data.get("new_case_country"):
            self.add_error("case", _("Choose the case, or a country to open a new one in."))
        return data

    def the_case(self) -> Case:
        case = self.cleaned_data.get("case")
        if case is not None:
            return case
        return services.case_open(
            detainee=self.detainee, country=self.cleaned_data["new_case_country"]
        )


class ChargeForm(CaseChoiceMixin, ServiceForm):
    class Meta:
        model = Charge
        fields = ["case", "description", "category", "disposition", "statute", "max_penalty_years"]

    field_order = ["case", "new_case_country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_case_field()

    def write(self):
        data = self.cleaned_data
        return services.charge_add(
            case=self.the_case(),
            description=data["description"],
            category=data["category"],
            disposition=data["disposition"],
            statute=data.get("statute", ""),
            max_penalty_years=data.get("max_penalty_years"),
            **self.source_kwargs(),
        )


class SentenceForm(CaseChoiceMixin, ServiceForm):
    class Meta:
        model = Sentence
        fields = [
            "case",
            "sentenced_on",
            "court",
            "term_years",
            "term_months",
            "is_life",
            "fine_amount",
            "fine_currency",
            "expected_release_on",
            "time_served_credit_days",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    field_order = ["case", "new_case_country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_case_field()
        months = self.fields["term_months"]
        months.help_text = _("0–11; 18 months is 1 year 6 months")
        # Months are carried into years in clean(); the 0–11 limit applies after that.
        months.max_value = None
        months.validators = [v for v in months.validators if not isinstance(v, MaxValueValidator)]
        months.widget.attrs.pop("max", None)
        self.fields["fine_currency"].widget.attrs.update({"maxlength": 3, "size": 4})

    def clean(self):
        data = super().clean()
        years, months = data.get("term_years"), data.get("term_months")
        if months is not None and months >= 12:
            # Written the way a court often says it ("18 months"): carry whole years over.
            data["term_years"], data["term_months"] = (years or 0) + months // 12, months % 12
        if data.get("is_life") and (data.get("term_years") or data.get("term_months")):
            self.add_error("is_life", _("A life sentence has no term in years or months."))
        amount, currency = data.get("fine_amount"), (data.get("fine_currency") or "").upper()
        if amount is not None and amount < 0:
            self.add_error("fine_amount", _("A fine cannot be negative."))
        if amount is not None and not currency:
            self.add_error("fine_currency", _("Give the currency of the fine, e.g. USD."))
        elif currency and amount is None:
            self.add_error("fine_amount", _("Give the amount, or clear the currency."))
        elif currency and pycountry.currencies.get(alpha_3=currency) is None:
            self.add_error(
                "fine_currency",
                _("%(currency)s is not an ISO 4217 currency code.") % {"currency": currency},
            )
        data["fine_currency"] = currency
        sentenced, release = data.get("sentenced_on"), data.get("expected_release_on")
        if sentenced and release and release.last_day < sentenced.value:
            self.add_error("expected_release_on", _("The release cannot come before the sentence."))
        return data

    def write(self):
        data = self.cleaned_data
        return services.sentence_record(
            case=self.the_case(),
            sentenced=data.get("sentenced_on"),
            term_years=data.get("term_years"),
            term_months=data.get("term_months"),
            is_life=data.get("is_life", False),
            fine_amount=data.get("fine_amount"),
            fine_currency=data.get("fine_currency", ""),
            court=data.get("court", ""),
            expected_release=data.get("expected_release_on"),
            time_served_credit_days=data.get("time_served_credit_days"),
            notes=data.get("notes", ""),
            **self.source_kwargs(),
        )


class CustodyPeriodForm(ServiceForm):
    class Meta:
        model = CustodyPeriod
        fields = ["facility", "started_on", "ended_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.order_by("name")
        self.fields["started_on"].label = _("From")
        self.fields["ended_on"].label = _("To")
        self.fields["ended_on"].help_text = _("Leave empty while held there")

    def clean(self):
        data = super().clean()
        started, ended = data.get("started_on"), data.get("ended_on")
        if started and ended and ended.last_day < started.value:
            self.add_error("ended_on", _("A custody period cannot end before it starts."))
        today = timezone.localdate()
        for name in ("started_on", "ended_on"):
            value = data.get(name)
            if value and value.value > today:
                self.add_error(name, _("This date is in the future."))
        return data

    def write(self):
        data = self.cleaned_data
        return services.custody_period_record(
            detainee=self.detainee,
            facility=data["facility"],
            started=data.get("started_on"),
            ended=data.get("ended_on"),
            **self.source_kwargs(),
        )


class DetaineeDetailsForm(VersionedModelForm):
    """A detainee's own fields, edited on their page. Refuses to save over a newer version
    (someone else saved since the page was opened) and names the newer values. Restriction
    and assignment are not edited here."""

    class Meta:
        model = Detainee
        fields = [
            "full_name",
            "name_original_script",
            "sex",
            "date_of_birth",
            "status",
            "priority",
            "welfare_notes",
            "next_of_kin",
        ]
        widgets = {
            "welfare_notes": forms.Textarea(attrs={"rows": 3}),
            "next_of_kin": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, can_view_sensitive: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_view_sensitive:
            for name in sensitive_field_names(Detainee):
                self.fields.pop(name, None)

    def save(self, commit: bool = True):
        """Writes only the fields that were changed; None with the complaint on its field."""
        changes = {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name in self._meta.fields and name in self.cleaned_data
        }
        try:
            with transaction.atomic():
                return services.detainee_update(
                    detainee=self.instance,
                    changes=changes,
                    expected_version=self.cleaned_data["record_version"],
                )
        except StaleVersion as error:
            message = self.stale_message(error.record, error.expected)
            self.add_error(None, ValidationError(message, code="stale"))
        except DomainError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return None


class VisitLogForm(VisitForm):
    """A visit logged from the visits page, where the detainee is chosen in the form."""

    field_order = ["detainee"]

    def __init__(self, *args, detainees, shown=None, **kwargs):
        """`detainees`: everyone a visit may be logged for, against whom a choice is checked;
        `shown`: the people the list offers (all of `detainees` when None). A large caseload
        is not written into the page: the visits page offers the people a name search
        found, and the one chosen."""
        super().__init__(*args, detainee=None, **kwargs)
        field = forms.ModelChoiceField(
            queryset=detainees, label=_("Detainee"), empty_label=_("Choose a detainee")
        )
        if shown is not None:
            field.widget.choices = [("", field.empty_label)] + [
                (person.pk, field.label_from_instance(person)) for person in shown
            ]
        self.fields["detainee"] = field
        self.order_fields(self.field_order)

    def clean(self):
        self.detainee = self.cleaned_data.get("detainee")
        return super().clean()
