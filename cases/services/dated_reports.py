"""Dated reports, and the current values derived from them: a source's (or a
caseworker's) word on a fact as of a date; the status, detaining country, current
facility and extradition statuses derived from the latest; the date of birth as
sources give it; a caseworker settling a disputed fact; and the reports that edits saved
straight to the rows (the admin) become."""

import datetime as dt
from typing import TypeVar

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import dated_facts
from ..constants import HELD_STATUSES, DetaineeStatus, ExtraditionStatus, ReportedFact
from ..errors import Conflict, DomainError
from ..models import (
    CustodyPeriod,
    Detainee,
    Extradition,
    Facility,
    FactChoice,
    FactReport,
    Sentence,
    Source,
)
from ..partial_dates import PartialDate
from ..partial_dates import parse as parse_partial_date
from .field_values import _date_kwargs
from .sources import cite

M = TypeVar("M", bound=Model)


def _refine(known: PartialDate | None, new: PartialDate | None) -> PartialDate | None:
    """A date already known stays, unless the new one falls inside it more precisely
    ("June 2022" becomes "14 June 2022"; "2021" does not replace "June 2022")."""
    if known is None:
        return new
    if new is None:
        return known
    inside = known.value <= new.value <= known.last_day
    finer = (new.last_day - new.value) < (known.last_day - known.value)
    return new if inside and finer else known


def _report_date(as_of: PartialDate | None, source: Source | None) -> PartialDate | None:
    """The date a report speaks of: the event date when given, else the publication date
    of its source; a caseworker's entry without a source speaks of the day it is made."""
    if as_of is not None:
        return as_of
    if source is not None:
        return source.published
    return PartialDate(timezone.localdate())


def fact_report_record(
    *,
    detainee: Detainee,
    fact: str,
    value: str,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
    extradition: Extradition | None = None,
    sentence: Sentence | None = None,
    facility: Facility | None = None,
) -> FactReport:
    """Records that `source` (or a caseworker, without one) gives `value` for a fact as of
    a date. The same word from the same source on the same date is one report; a source's
    later report of the same date replaces its earlier one (`dated_facts`). Callers derive
    the current values afterwards (`detainee_facts_derive`)."""
    if fact not in ReportedFact.values:
        raise DomainError(_("%(fact)r is not a reported fact.") % {"fact": fact}, field="fact")
    value = str(value or "").strip()
    if not value:
        raise DomainError(_("A report needs a value."), field="value")
    date = _report_date(as_of, source)
    if source is None:
        # A caseworker's entry: each one is recorded, the latest counting (so that changing
        # a value back on the same day is a new word, not the old one found again).
        return FactReport.objects.create(
            detainee=detainee,
            fact=fact,
            extradition=extradition,
            sentence=sentence,
            value=value,
            quote=quote[:5000],
            facility=facility,
            **_date_kwargs("as_of", date),
        )
    report, _created = FactReport.objects.get_or_create(
        detainee=detainee,
        fact=fact,
        extradition=extradition,
        sentence=sentence,
        value=value,
        source=source,
        **_date_kwargs("as_of", date),
        defaults={"quote": quote[:5000], "facility": facility},
    )
    return report


def _at_or_after(first: PartialDate | None, second: PartialDate | None) -> bool:
    if first is None:
        return second is None
    return second is None or first.value >= second.value


def _counted(detainee: Detainee, model: type[M]):
    """The rows of `model` about `detainee` that the current values derive from: the live
    ones, and for an archived person also those archived with them (an administrator still
    corrects the record, and they come back together). A row archived on its own is out."""
    rows = model._base_manager.filter(detainee=detainee)
    if detainee.archived_at is None:
        return rows.filter(archived_at__isnull=True)
    return rows.filter(Q(archived_at__isnull=True) | Q(archived_at=detainee.archived_at))


def _open_custody_facility(periods: list[CustodyPeriod]) -> Facility | None:
    open_periods = [p for p in periods if p.ended_on is None]
    open_periods.sort(key=lambda p: (p.started_on is not None, p.started_on or dt.date.min, p.pk))
    return open_periods[-1].facility if open_periods else None


@transaction.atomic
def detainee_facts_derive(*, detainee: Detainee, user=None, reason: str = "") -> Detainee:
    """Sets the detainee's status, detaining country and current facility, and each
    extradition's status, from the latest dated reports (see `cases.dated_facts`). Run
    after every write that adds a report or changes custody, so that the current values
    never depend on which write came last."""
    # An archived person's record is still corrected by administrators.
    detainee = Detainee.all_objects.select_for_update().get(pk=detainee.pk)
    reports = list(detainee.reports.select_related("facility"))
    # A report of being held at a facility is over once a custody period there has ended
    # on or after its date and none there is open; and it goes with the custody periods
    # there when they are all archived.
    periods = list(_counted(detainee, CustodyPeriod).select_related("facility"))
    counted_at = {p.facility_id for p in periods}
    archived_at = set(
        CustodyPeriod._base_manager.filter(detainee=detainee)
        .exclude(pk__in=[p.pk for p in periods])
        .values_list("facility_id", flat=True)
    )
    reports = [
        r
        for r in reports
        if not (
            r.fact == ReportedFact.FACILITY
            and r.facility_id in archived_at
            and r.facility_id not in counted_at
        )
    ]
    open_at = {p.facility_id for p in periods if p.ended_on is None}
    left = {}
    for period in periods:
        if period.ended_on and period.facility_id not in open_at:
            left[period.facility_id] = max(
                left.get(period.facility_id, period.ended_on), period.ended_on
            )
    reports = [
        r
        for r in reports
        if not (
            r.fact == ReportedFact.FACILITY
            and r.facility_id in left
            and (r.as_of is None or r.as_of <= left[r.facility_id])
        )
    ]
    states = dated_facts.fact_states(reports, list(detainee.fact_choices.all()))
    changed = set()

    status = states.get((ReportedFact.STATUS, None, None))
    if status is not None and status.value and status.value != detainee.status:
        detainee.status = status.value
        changed.add("status")
    # A release reported at or after the latest word on custody ends it.
    released_at = (
        status.as_of if status is not None and detainee.status not in HELD_STATUSES else None
    )

    where = states.get((ReportedFact.FACILITY, None, None))
    if where is not None:
        facility = next(r.facility for r in reports if r.value == where.value and r.facility)
        facility_as_of = where.as_of
    else:
        facility, facility_as_of = _open_custody_facility(periods), None
    released = status is not None and detainee.status not in HELD_STATUSES
    if released and _at_or_after(released_at, facility_as_of):
        facility = None

    held_by = states.get((ReportedFact.DETAINING_COUNTRY, None, None))
    country = held_by.value if held_by is not None else ""
    if facility is not None and (
        held_by is None or not _at_or_after(held_by.as_of, facility_as_of)
    ):
        # Held at a facility as of a later date than any report of the country.
        country = facility.country.code
    elif facility is not None and facility.country.code != country:
        # A later report has another country holding them: that facility is the past.
        facility = None
    if released and (held_by is None or _at_or_after(released_at, held_by.as_of)):
        country = ""
    if detainee.current_facility_id != (facility.pk if facility else None):
        detainee.current_facility = facility
        changed.add("current_facility")
    if (detainee.detaining_country.code or "") != country:
        detainee.detaining_country = country
        changed.add("detaining_country")
    if changed:
        if user is not None:
            detainee._history_user = user
        if reason:
            detainee._change_reason = reason[:100]
        detainee.save(update_fields=[*sorted(changed), "updated_at"])

    for extradition in _counted(detainee, Extradition).select_for_update():
        state = states.get((ReportedFact.EXTRADITION_STATUS, extradition.pk, None))
        if state is None or not state.value or state.value == extradition.status:
            continue
        extradition.status = state.value
        if state.value != ExtraditionStatus.SURRENDERED:
            # Its date went with the surrender (the history rows keep it).
            extradition.surrendered_on, extradition.surrendered_on_precision = None, ""
        extradition.save(update_fields=["status", "surrendered_on", "surrendered_on_precision"])
    return detainee


def detainee_birth_date_record(
    *,
    detainee: Detainee,
    date_of_birth: PartialDate,
    source: Source | None = None,
    quote: str = "",
) -> Detainee:
    """A date of birth as a source gives it. It fills an empty one or refines it ("1980"
    to "2 May 1980"); a different one is kept beside it as a dispute for a caseworker."""
    with transaction.atomic():
        detainee = Detainee.objects.select_for_update().get(pk=detainee.pk)
        known = detainee.birth_date
        if (
            known is not None
            and not detainee.reports.filter(fact=ReportedFact.DATE_OF_BIRTH).exists()
        ):
            # The date on record before reports were kept: its sources speak for it.
            for citation in detainee.citations.select_related("source"):
                fact_report_record(
                    detainee=detainee,
                    fact=ReportedFact.DATE_OF_BIRTH,
                    value=known.isoformat(),
                    source=citation.source,
                )
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.DATE_OF_BIRTH,
            value=date_of_birth.isoformat(),
            source=source,
            quote=quote,
        )
        if known is None or dated_facts.values_agree(
            ReportedFact.DATE_OF_BIRTH, known.isoformat(), date_of_birth.isoformat()
        ):
            refined = _refine(known, date_of_birth)
            if refined != known:
                for column, value in _date_kwargs("date_of_birth", refined).items():
                    setattr(detainee, column, value)
                detainee.save(update_fields=["date_of_birth", "date_of_birth_precision"])
        cite(detainee, source, quote)
    return detainee


def _fact_reports(*, detainee: Detainee, fact: str, extradition=None, sentence=None) -> list:
    return list(
        FactReport.objects.filter(
            detainee=detainee, fact=fact, extradition=extradition, sentence=sentence
        ).select_related("source", "facility")
    )


@transaction.atomic
def fact_choose(
    *,
    detainee: Detainee,
    fact: str,
    value: str,
    reason: str,
    user,
    extradition: Extradition | None = None,
    sentence: Sentence | None = None,
) -> FactChoice:
    """A caseworker settles a disputed fact: `value` (one of the values its sources give)
    becomes the record's, and the choice keeps who chose it and why."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError(_("Say why this value is the right one."), field="reason")
    detainee = Detainee.objects.select_for_update().get(pk=detainee.pk)
    if extradition is not None and extradition.detainee_id != detainee.pk:
        raise DomainError(_("That extradition is about someone else."), field="extradition")
    if sentence is not None and sentence.case.detainee_id != detainee.pk:
        raise DomainError(_("That sentence is about someone else."), field="sentence")
    reports = _fact_reports(
        detainee=detainee, fact=fact, extradition=extradition, sentence=sentence
    )
    state = dated_facts.fact_state(fact, reports)
    if not state.disputed:
        raise Conflict(
            _("The %(fact)s is not disputed: there is nothing to choose.")
            % {"fact": ReportedFact(fact).label.lower()},
            field="fact",
        )
    offered = {a.value for a in state.alternatives}
    if value not in offered:
        raise DomainError(
            _("%(value)r is not one of the values the sources give: %(offered)s.")
            % {"value": value, "offered": ", ".join(sorted(offered))},
            field="value",
        )
    choice = FactChoice.objects.filter(
        detainee=detainee, fact=fact, extradition=extradition, sentence=sentence
    ).first() or FactChoice(
        detainee=detainee, fact=fact, extradition=extradition, sentence=sentence
    )
    choice.value, choice.reason, choice.chosen_by = value, reason[:2000], user
    choice._history_user = user
    choice._change_reason = reason[:100]
    choice.save()
    if fact == ReportedFact.SENTENCE_TERM:
        for name, part in dated_facts.term_parts(value).items():
            setattr(sentence, name, part)
        sentence._history_user, sentence._change_reason = user, reason[:100]
        sentence.save(update_fields=["term_years", "term_months", "is_life"])
    elif fact == ReportedFact.DATE_OF_BIRTH:
        chosen = parse_partial_date(value)
        detainee.date_of_birth, detainee.date_of_birth_precision = chosen.value, chosen.precision
        detainee._history_user, detainee._change_reason = user, reason[:100]
        detainee.save(update_fields=["date_of_birth", "date_of_birth_precision", "updated_at"])
    else:
        detainee_facts_derive(detainee=detainee, user=user, reason=reason)
    return choice


@transaction.atomic
def detainee_edits_settle(
    *,
    detainee: Detainee,
    status_edited: bool = False,
    extraditions_edited: list[Extradition] | tuple[Extradition, ...] = (),
) -> list[str]:
    """After a form saved rows directly (the admin): the edited status and extradition
    statuses become a caseworker's reports as of today, and the current values are derived
    again. Returns a message for each edit the rules did not let through (an extradition
    moved back)."""
    detainee.refresh_from_db()
    if status_edited and detainee.status != DetaineeStatus.UNKNOWN:
        fact_report_record(detainee=detainee, fact=ReportedFact.STATUS, value=detainee.status)
    asked = {}
    for extradition in extraditions_edited:
        extradition.refresh_from_db()
        asked[extradition.pk] = extradition.get_status_display()
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.EXTRADITION_STATUS,
            value=extradition.status,
            extradition=extradition,
        )
    detainee_facts_derive(detainee=detainee)
    refused = []
    for extradition in detainee.extraditions.filter(pk__in=asked):
        if extradition.get_status_display() != asked[extradition.pk]:
            refused.append(
                _(
                    "The extradition %(route)s stays %(status)s: an extradition only moves "
                    "forward. Record that it was refused or withdrawn instead."
                )
                % {
                    "route": f"{extradition.from_country.code} → {extradition.to_country.code}",
                    "status": extradition.get_status_display().lower(),
                }
            )
    return refused
