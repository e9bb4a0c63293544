"""How the writes check and store values: a partial date as its two columns, the limits
the model fields carry, and ISO country and currency codes."""

import pycountry
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import validators
from ..errors import DomainError
from ..partial_dates import PartialDate

_NOT_A_COUNTRY = gettext_lazy("%(code)r is not an ISO 3166 country code.")


def _date_kwargs(field: str, value: PartialDate | None) -> dict:
    if value is None:
        return {field: None, f"{field}_precision": ""}
    return {field: value.value, f"{field}_precision": value.precision}


def _check_limits(**values) -> None:
    """The limits the model fields carry (cases.validators), for writes that do not pass
    through a form or serializer."""
    error = validators.first_limit_error(**values)
    if error is not None:
        raise DomainError(error[1], field=error[0])


def check_currency(code: str) -> str:
    code = (code or "").upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise DomainError(
            _("%(code)s is not an ISO 4217 currency.") % {"code": code}
            if code
            else _("An empty code is not an ISO 4217 currency."),
            field="fine_currency",
        )
    return code
