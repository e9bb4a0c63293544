"""Writing official figures, and setting each beside the record's own count."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.errors import DomainError
from cases.models import Detainee
from cases.services import check_web_address

from .constants import SINCE_DEFINITIONS, Definition, Qualifier
from .counting import record_count
from .models import EARLIEST_YEAR, OfficialFigure

# The dashboard shows the latest figures; each costs one count query.
DASHBOARD_LIMIT = 20


def figure_check(
    *,
    definition: str,
    since_year: int | None,
    said_on: dt.date,
    source_url: str,
    source_document: str,
) -> None:
    """The rules of a figure a form or serializer cannot check field by field."""
    if definition not in Definition.values:
        raise DomainError(_("Choose what the figure counts."), field="definition")
    if definition in SINCE_DEFINITIONS:
        if since_year is None:
            raise DomainError(_("Give the year this figure counts from."), field="since_year")
        if not EARLIEST_YEAR <= since_year <= said_on.year:
            raise DomainError(
                _("The year counted from is between %(first)s and the year it was said.")
                % {"first": EARLIEST_YEAR},
                field="since_year",
            )
    elif since_year is not None:
        raise DomainError(
            _("A figure of people held now counts from no year: leave the year empty."),
            field="since_year",
        )
    if said_on > timezone.localdate():
        raise DomainError(_("A figure cannot be said in the future."), field="said_on")
    if source_url:
        check_web_address(source_url, field="source_url")
    if not source_url and not source_document:
        raise DomainError(
            _("Give the source: a link, or the document it was said in."), field="source_url"
        )


def figure_record(
    *,
    said_by: str,
    said_on: dt.date,
    number: int,
    definition: str,
    nationality: str,
    country: str,
    qualifier: str = Qualifier.EXACTLY,
    since_year: int | None = None,
    source_url: str = "",
    source_document: str = "",
    notes: str = "",
    user=None,
) -> OfficialFigure:
    said_by = " ".join((said_by or "").split())
    if not said_by:
        raise DomainError(_("Say who gave the figure."), field="said_by")
    figure_check(
        definition=definition,
        since_year=since_year,
        said_on=said_on,
        source_url=source_url,
        source_document=source_document,
    )
    with transaction.atomic():
        return OfficialFigure.objects.create(
            said_by=said_by,
            said_on=said_on,
            number=number,
            qualifier=qualifier,
            definition=definition,
            nationality=nationality,
            country=country,
            since_year=since_year,
            source_url=source_url,
            source_document=source_document,
            notes=notes,
            created_by=user,
        )


@dataclass
class Comparison:
    """An official figure beside the record's count for the same question."""

    figure: OfficialFigure
    record_count: int

    @property
    def gap(self) -> int:
        """How many more people the official figure names than the record holds (negative
        when the record holds more)."""
        return self.figure.number - self.record_count


def figure_compare(*, figure: OfficialFigure, detainees: QuerySet) -> Comparison:
    return Comparison(
        figure=figure,
        record_count=record_count(
            definition=figure.definition,
            nationality=figure.nationality.code,
            country=figure.country.code,
            since_year=figure.since_year,
            detainees=detainees,
        ),
    )


def figures_compared(*, user, limit: int = DASHBOARD_LIMIT) -> list[Comparison]:
    """The latest figures, each with what the record counts among the people `user` may
    see."""
    detainees = Detainee.objects.visible_to(user)
    return [
        figure_compare(figure=figure, detainees=detainees)
        for figure in OfficialFigure.objects.all()[:limit]
    ]
