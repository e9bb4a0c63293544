"""Where a person is held and moved: facilities (one per place, whatever generic words
its name carries), custody periods and extraditions."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from ..constants import ExtraditionStatus, FacilityKind, ReportedFact
from ..errors import DomainError
from ..models import Case, CustodyPeriod, Detainee, Extradition, Facility, Source
from ..partial_dates import PartialDate
from .dated_reports import _refine, detainee_facts_derive, fact_report_record
from .field_values import _date_kwargs
from .sources import cite

# Words every prison name may carry; what is left names the place ("Butner").
_GENERIC_FACILITY_WORDS = frozenset(
    [
        "prison",
        "jail",
        "gaol",
        "complex",
        "federal",
        "correctional",
        "correction",
        "institution",
        "facility",
        "centre",
        "center",
        "detention",
        "pretrial",
        "pre",
        "trial",
        "remand",
        "penal",
        "colony",
        "penitentiary",
        "central",
        "state",
        "metropolitan",
        "national",
        "county",
        "city",
        "municipal",
        "women",
        "men",
        "maximum",
        "minimum",
        "medium",
        "security",
        "high",
        "no",
        "the",
        "of",
        "in",
        "at",
        "and",
        "de",
        "del",
        "la",
        "le",
        "fci",
        "fcc",
        "fdc",
        "mdc",
        "mcc",
        "usp",
        "sizo",
    ]
)


def _facility_words(name: str) -> frozenset[str]:
    words = {w for w in re.findall(r"[^\W\d_]+|\d+", name.casefold())}
    return frozenset(words - _GENERIC_FACILITY_WORDS)


def facility_get_or_create(
    *, name: str, country: str, kind: str = FacilityKind.PRISON, locality: str = ""
) -> Facility:
    """The facility of that name in that country. Names that differ only in generic words
    ("Butner prison complex", "Federal Correctional Complex Butner") are one facility."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError(_("A facility needs a name."), field="facility")
    exact = Facility.objects.filter(name__iexact=name, country=country).first()
    if exact:
        return exact
    words = _facility_words(name)
    if words:
        for candidate in Facility.objects.filter(country=country):
            if _facility_words(candidate.name) == words:
                return candidate
    return Facility.objects.create(name=name, country=country, kind=kind, locality=locality)


def custody_period_record(
    *,
    detainee: Detainee,
    facility: Facility,
    started: PartialDate | None = None,
    ended: PartialDate | None = None,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> CustodyPeriod:
    """Opens (or finds) a period at a facility; an open period elsewhere is closed when a
    start date for the new one is known. An open period is also a dated report that the
    person is held there (as of its start, else `as_of`, else the source's date), from
    which the current facility is derived."""
    if started and ended and ended.value < started.value:
        raise DomainError(_("A custody period cannot end before it starts."), field="ended_on")
    with transaction.atomic():
        period = detainee.custody_periods.filter(facility=facility).order_by("-id").first()
        if period is None:
            if started:
                # Row by row, not one UPDATE: each close is in the history (and can be undone).
                still_open = (
                    detainee.custody_periods.select_for_update()
                    .filter(ended_on__isnull=True)
                    .exclude(started_on__gt=started.value)
                )
                for open_period in still_open:
                    open_period.ended_on = started.value
                    open_period.ended_on_precision = started.precision
                    open_period.save(update_fields=["ended_on", "ended_on_precision"])
            period = CustodyPeriod.objects.create(
                detainee=detainee,
                facility=facility,
                **_date_kwargs("started_on", started),
                **_date_kwargs("ended_on", ended),
            )
        cite(period, source, quote)
        if ended is None and period.ended_on is None:
            fact_report_record(
                detainee=detainee,
                fact=ReportedFact.FACILITY,
                value=str(facility.pk),
                facility=facility,
                as_of=started or as_of,
                source=source,
                quote=quote,
            )
        detainee_facts_derive(detainee=detainee)
    return period


def extradition_record(
    *,
    detainee: Detainee,
    from_country: str,
    to_country: str,
    status: str = ExtraditionStatus.REQUESTED,
    arrested: PartialDate | None = None,
    decided: PartialDate | None = None,
    surrendered: PartialDate | None = None,
    as_of: PartialDate | None = None,
    case: Case | None = None,
    notes: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Extradition:
    """Records an extradition, or a report on the one between the same two countries.

    The status is a dated report (as of the surrender or decision date, else `as_of`, else
    the source's date), and the extradition's status only moves forward from its reports
    (see `cases.dated_facts`): an older article saying "requested" leaves a surrender in
    place. Dates fill what is missing or make it more precise; a surrender date is kept
    only while the extradition is surrendered. A surrender is also a report that the
    requesting country holds the person from that date."""
    if not from_country or not to_country:
        raise DomainError(_("An extradition names both countries."), field="from_country")
    if from_country == to_country:
        raise DomainError(
            _("An extradition is between two different countries."), field="to_country"
        )
    if status not in ExtraditionStatus.values:
        raise DomainError(
            _("%(status)r is not an extradition status.") % {"status": status}, field="status"
        )
    if surrendered is not None and status != ExtraditionStatus.SURRENDERED:
        raise DomainError(
            _("A surrender date goes with the status surrendered."), field="surrendered_on"
        )
    with transaction.atomic():
        extradition = (
            Extradition.objects.select_for_update()
            .filter(detainee=detainee, from_country=from_country, to_country=to_country)
            .first()
        )
        if extradition is None:
            extradition = Extradition.objects.create(
                detainee=detainee,
                from_country=from_country,
                to_country=to_country,
                status=status,
                case=case,
                notes=notes,
                **_date_kwargs("arrested_on", arrested),
                **_date_kwargs("decided_on", decided),
                **_date_kwargs("surrendered_on", surrendered),
            )
        elif not extradition.reports.exists():
            # Recorded before its status was a dated report: its sources speak for it.
            for citation in extradition.citations.select_related("source"):
                fact_report_record(
                    detainee=detainee,
                    fact=ReportedFact.EXTRADITION_STATUS,
                    value=extradition.status,
                    extradition=extradition,
                    as_of=extradition.surrendered or extradition.decided,
                    source=citation.source,
                )
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.EXTRADITION_STATUS,
            value=status,
            extradition=extradition,
            as_of=surrendered or decided or as_of,
            source=source,
            quote=quote,
        )
        cite(extradition, source, quote)
        detainee_facts_derive(detainee=detainee)
        extradition.refresh_from_db()
        dates = {
            "arrested_on": _refine(extradition.arrested, arrested),
            "decided_on": _refine(extradition.decided, decided),
        }
        if extradition.status == ExtraditionStatus.SURRENDERED:
            dates["surrendered_on"] = _refine(extradition.surrendered, surrendered)
        changes = {}
        for name, value in dates.items():
            changes.update(_date_kwargs(name, value))
        if case is not None and extradition.case_id is None:
            changes["case"] = case
        # Saved only when something changes: a no-op save would still write history.
        changed = {k: v for k, v in changes.items() if getattr(extradition, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(extradition, name, value)
            extradition.save(update_fields=list(changed))
        if extradition.status == ExtraditionStatus.SURRENDERED and extradition.surrendered:
            fact_report_record(
                detainee=detainee,
                fact=ReportedFact.DETAINING_COUNTRY,
                value=extradition.to_country.code,
                as_of=extradition.surrendered,
                source=source,
                quote=quote,
            )
            detainee_facts_derive(detainee=detainee)
    return extradition
