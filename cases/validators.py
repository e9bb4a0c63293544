"""The limits of a sentence and a charge, in one place: the model fields carry them (so the
pages' model forms and the admin check them), the API's serializers use the same
validators, the services check them before writing, and the database refuses the rest."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

# No court hands down a longer fixed term; longer is a typing slip ("99999").
MAX_TERM_YEARS = 200
MAX_TERM_MONTHS = 11
MAX_PENALTY_YEARS = 200
# About 270 years.
MAX_CREDIT_DAYS = 100_000

term_years_validators = [
    MinValueValidator(0),
    MaxValueValidator(
        MAX_TERM_YEARS,
        message=_("A term of more than %(limit_value)s years is not a term a court gives."),
    ),
]
term_months_validators = [
    MinValueValidator(0),
    MaxValueValidator(
        MAX_TERM_MONTHS,
        message=_("Months beyond the whole years: 0 to %(limit_value)s."),
    ),
]
max_penalty_years_validators = [
    MinValueValidator(0),
    MaxValueValidator(
        MAX_PENALTY_YEARS,
        message=_("A maximum penalty of more than %(limit_value)s years is not plausible."),
    ),
]
credit_days_validators = [
    MinValueValidator(0),
    MaxValueValidator(
        MAX_CREDIT_DAYS, message=_("Credit for time served is at most %(limit_value)s days.")
    ),
]

# Field name → its validators, for checks outside a form or serializer.
LIMITS = {
    "term_years": term_years_validators,
    "term_months": term_months_validators,
    "max_penalty_years": max_penalty_years_validators,
    "time_served_credit_days": credit_days_validators,
}


def first_limit_error(**values) -> tuple[str, str] | None:
    """(field, message) of the first value outside its limits, or None. `None` values are
    not checked: they mean "not known"."""
    for name, value in values.items():
        if value is None:
            continue
        for validator in LIMITS[name]:
            try:
                validator(value)
            except ValidationError as error:
                return name, " ".join(error.messages)
    return None
