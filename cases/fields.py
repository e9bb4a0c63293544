"""Model fields with meaning beyond their column type."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .constants import DatePrecision
from .partial_dates import PartialDate, PartialDateError, parse


class SensitiveTextField(models.TextField):
    """Welfare, health and family details. Serializers and pages that serve roles
    without the right to see them drop every field marked like this."""

    sensitive = True


@functools.cache
def sensitive_field_names(model: type[models.Model]) -> frozenset[str]:
    # Asked for every row a serializer shows: the fields of a model do not change.
    return frozenset(f.name for f in model._meta.get_fields() if getattr(f, "sensitive", False))


WEB_SCHEMES = ("http", "https")

# Only web addresses: a `javascript:` or `data:` "URL" rendered as a link runs in the reader's
# browser.
web_address_validator = URLValidator(
    schemes=list(WEB_SCHEMES),
    message=_(
        "Only http and https addresses are accepted: give one starting with http:// or https://."
    ),
)


def is_web_address(value) -> bool:
    try:
        web_address_validator(value)
    except ValidationError:
        return False
    return True


class WebAddressField(models.URLField):
    """A URL that is an http(s) web address, wherever it is entered (admin, forms, API)."""

    default_validators = [web_address_validator]

    def formfield(self, **kwargs):
        return super().formfield(
            **{"validators": [web_address_validator], "assume_scheme": "https", **kwargs}
        )


class PartialDateFormField(forms.Field):
    """One text box for a date of any precision: 2019, 2019-06, 2019-06-21, June 2019, and in
    Russian 6 апреля 2024 or 06.04.2024."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("2019, 2019-06 or 2019-06-21"))
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"placeholder": _("YYYY, YYYY-MM or YYYY-MM-DD"), "maxlength": 32})

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return value.isoformat()
        return super().prepare_value(value)

    def to_python(self, value):
        if isinstance(value, PartialDate):
            return value
        text = str(value).strip() if value not in self.empty_values else ""
        if not text:
            return None
        try:
            return parse(text)
        except PartialDateError as exc:
            # The message quotes the input, which may hold "%": pass it as a parameter so
            # that no one formats it as a template.
            raise ValidationError("%(error)s", code="invalid", params={"error": str(exc)}) from exc


class PartialDateField(models.DateField):
    """The first day of a year, month or day, beside a `<name>_precision` column.

    A form edits both through one text box; `PartialDateFormMixin` fills its initial
    value, and `save_form_data` writes both columns.
    """

    def precision_attname(self) -> str:
        return f"{self.name}_precision"

    def formfield(self, **kwargs):
        return PartialDateFormField(required=not self.blank, label=capfirst(self.verbose_name))

    def save_form_data(self, instance, data):
        if isinstance(data, PartialDate):
            setattr(instance, self.name, data.value)
            setattr(instance, self.precision_attname(), data.precision)
        else:
            setattr(instance, self.name, None)
            setattr(instance, self.precision_attname(), "")


class DatePrecisionField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("choices", DatePrecision.choices)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def partial_date_constraint(field: str, table: str) -> models.CheckConstraint:
    """A date and its precision are both set or both empty, and the precision is known."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True, f"{field}_precision": ""})
        | Q(**{f"{field}__isnull": False, f"{field}_precision__in": DatePrecision.values}),
        name=f"{table}_{field}_precision_valid",
    )


def partial_date(instance: models.Model, field: str) -> PartialDate | None:
    value = getattr(instance, field)
    if value is None:
        return None
    return PartialDate.of(value, getattr(instance, f"{field}_precision") or DatePrecision.DAY)


class PartialDateFormMixin:
    """For ModelForms: shows each partial date as one text box with its precision."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, PartialDateFormField) and self.instance.pk:
                self.initial[name] = partial_date(self.instance, name)


class PartialDateModelForm(PartialDateFormMixin, forms.ModelForm):
    pass
