"""How a spreadsheet row becomes a detainee, a case or a consular visit (django-import-export
resources), and how records become rows again for export. Every column reads a value the way
the pages' forms do and says in plain words what is wrong with a cell; the model's own rules
(cases.validators, the check constraints) run on every row through `full_clean()`."""

import pycountry
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import fields, resources, widgets

from cases.constants import CaseStatus, DetaineeStatus, Priority, Sex
from cases.models import Case, Detainee, Nationality
from cases.partial_dates import PartialDateError
from cases.partial_dates import parse as parse_partial_date
from consular.constants import VisitKind, VisitOutcome
from consular.models import ConsularVisit

from .constants import ImportKind


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class PartialDateColumn(fields.Field):
    """A date of any precision in one cell ("2019", "2019-06", "2019-06-21", "June 2019"),
    stored as its first day and its precision, and written back as it was given."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        text = _text(row.get(self.column_name))
        if not text:
            value, precision = None, ""
        else:
            try:
                date = parse_partial_date(text)
            except (PartialDateError, ValueError, TypeError):
                raise ValueError(
                    _("“%(text)s” is not a date: write 2019, 2019-06 or 2019-06-21.")
                    % {"text": text}
                ) from None
            value, precision = date.value, date.precision
        setattr(instance, self.attribute, value)
        setattr(instance, f"{self.attribute}_precision", precision)

    def get_value(self, instance):
        date = getattr(instance, self.attribute)
        if date is None:
            return ""
        precision = getattr(instance, f"{self.attribute}_precision")
        return {"year": date.strftime("%Y"), "month": date.strftime("%Y-%m")}.get(
            precision, date.isoformat()
        )


class ChoiceWidget(widgets.Widget):
    """A choice by its code or its label, in any case ("convicted", "Convicted"); anything
    else is an error listing what the column takes."""

    def __init__(self, choices, *, blank: str | None = None):
        super().__init__()
        self.choices = choices
        self.blank = blank

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text and self.blank is not None:
            return self.blank
        for code, label in self.choices.choices:
            if text.casefold() in (str(code).casefold(), str(label).casefold()):
                return code
        allowed = ", ".join(str(code) for code in self.choices.values if code)
        raise ValueError(
            _("“%(text)s” is not one of: %(allowed)s.") % {"text": text, "allowed": allowed}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class CountryWidget(widgets.Widget):
    """A country by its two-letter code or its English name."""

    def __init__(self, *, required: bool):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            if self.required:
                raise ValueError(_("A country is needed here: a code such as US, or its name."))
            return ""
        code = countries.by_name(text) or (text.upper() if text.upper() in countries else "")
        if not code:
            try:
                # Also the common and official names and three-letter codes ("United States").
                code = pycountry.countries.lookup(text).alpha_2
            except LookupError:
                code = ""
        if not code:
            raise ValueError(_("“%(text)s” is not a country code or name.") % {"text": text})
        return code

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


class VisibleDetaineeWidget(widgets.Widget):
    """A detainee by their number (the id in the address of their page). Someone the
    importing user may not see (a restricted case) is as unknown as a missing one."""

    def __init__(self, detainees: QuerySet):
        super().__init__()
        self.detainees = detainees

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if text.endswith(".0"):  # a number cell of a spreadsheet
            text = text[:-2]
        if not text.isdigit():
            raise ValueError(_("Give the detainee's number, the one in the address of their page."))
        detainee = self.detainees.filter(pk=int(text)).first()
        if detainee is None:
            raise ValueError(_("There is no detainee number %(number)s.") % {"number": text})
        return detainee

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value.pk)


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return _text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def _text_field(name: str) -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=TextWidget())


class RecordResource(resources.ModelResource):
    """Rows always make new records (an import never overwrites what is on file: the id
    column is exported, never read), each is checked with the model's own rules, and the
    whole file is one transaction."""

    id = fields.Field("id", "id", readonly=True)

    def __init__(self, *, user):
        super().__init__()
        self.user = user

    def add_detainee_column(self) -> None:
        """The `detainee` column of records about a person: among those the user may see."""
        self.fields["detainee"] = fields.Field(
            "detainee",
            "detainee",
            widget=VisibleDetaineeWidget(Detainee.objects.visible_to(self.user)),
        )

    class Meta:
        force_init_instance = True
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False
        report_skipped = False


class NationalitiesWidget(widgets.Widget):
    """Nationalities as codes or names separated by ";" ("RU; UA")."""

    def clean(self, value, row=None, **kwargs):
        country = CountryWidget(required=True)
        parts = _text(value).replace(",", ";").split(";")
        return [country.clean(part) for part in parts if part.strip()]

    def render(self, value, obj=None, **kwargs):
        return ""


class DetaineeResource(RecordResource):
    full_name = _text_field("full_name")
    name_original_script = _text_field("name_original_script")
    sex = fields.Field("sex", "sex", widget=ChoiceWidget(Sex, blank=""))
    date_of_birth = PartialDateColumn("date_of_birth", "date_of_birth")
    status = fields.Field("status", "status", widget=ChoiceWidget(DetaineeStatus, blank="unknown"))
    priority = fields.Field("priority", "priority", widget=ChoiceWidget(Priority, blank="normal"))
    # Read into the instance, written as rows of their own once the person is saved.
    nationalities = fields.Field("imported_nationalities", "nationalities", NationalitiesWidget())

    class Meta(RecordResource.Meta):
        model = Detainee
        fields = [
            "id",
            "full_name",
            "name_original_script",
            "sex",
            "date_of_birth",
            "status",
            "priority",
            "nationalities",
        ]
        export_order = fields

    def dehydrate_nationalities(self, detainee) -> str:
        return "; ".join(n.country.code for n in detainee.nationalities.all())

    def after_save_instance(self, instance, row, **kwargs):
        for code in getattr(instance, "imported_nationalities", []):
            Nationality.objects.get_or_create(detainee=instance, country=code)


class CaseResource(RecordResource):
    country = fields.Field("country", "country", widget=CountryWidget(required=True))
    court = _text_field("court")
    case_number = _text_field("case_number")
    arrested_on = PartialDateColumn("arrested_on", "arrested_on")
    arrest_place = _text_field("arrest_place")
    arrest_country = fields.Field(
        "arrest_country", "arrest_country", widget=CountryWidget(required=False)
    )
    status = fields.Field(
        "status", "status", widget=ChoiceWidget(CaseStatus, blank=CaseStatus.INVESTIGATION)
    )
    summary = _text_field("summary")

    class Meta(RecordResource.Meta):
        model = Case
        fields = [
            "id",
            "detainee",
            "country",
            "court",
            "case_number",
            "arrested_on",
            "arrest_place",
            "arrest_country",
            "status",
            "summary",
        ]
        export_order = fields

    def __init__(self, *, user):
        super().__init__(user=user)
        self.add_detainee_column()


class VisitResource(RecordResource):
    visited_on = PartialDateColumn("visited_on", "visited_on")
    visitors = _text_field("visitors")
    kind = fields.Field("kind", "kind", widget=ChoiceWidget(VisitKind, blank=VisitKind.IN_PERSON))
    outcome = fields.Field(
        "outcome", "outcome", widget=ChoiceWidget(VisitOutcome, blank=VisitOutcome.COMPLETED)
    )
    observations = _text_field("observations")
    follow_up = _text_field("follow_up")

    class Meta(RecordResource.Meta):
        model = ConsularVisit
        fields = [
            "id",
            "detainee",
            "visited_on",
            "visitors",
            "kind",
            "outcome",
            "observations",
            "follow_up",
        ]
        export_order = fields

    def __init__(self, *, user, with_sensitive: bool):
        super().__init__(user=user)
        self.add_detainee_column()
        if not with_sensitive:
            # Visit observations are for roles that may read them, in and out.
            del self.fields["observations"]


def resource_for(kind: str, *, user, with_sensitive: bool):
    if kind == ImportKind.DETAINEES:
        return DetaineeResource(user=user)
    if kind == ImportKind.CASES:
        return CaseResource(user=user)
    return VisitResource(user=user, with_sensitive=with_sensitive)
