"""Writes to the case record that span rows. Each function validates, writes and cites
its source in one transaction; callers (admin, API, ingest review, demo data) all come
through here."""

import datetime as dt
import re
from decimal import Decimal
from typing import TypeVar

import pycountry
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import dated_facts, validators
from .constants import (
    HELD_STATUSES,
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    ReportedFact,
    SourceKind,
)
from .errors import Conflict, DomainError, NotPermitted, StaleVersion
from .fields import is_web_address, web_address_validator
from .models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    Facility,
    FactChoice,
    FactReport,
    NameVariant,
    Nationality,
    Sentence,
    Source,
)
from .partial_dates import PRECISIONS, PartialDate, truncate
from .partial_dates import earliest as earliest_date
from .partial_dates import parse as parse_partial_date
from .querysets import is_admin
from .relations import referring_row_ids

M = TypeVar("M", bound=Model)

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


def cite(fact: Model, source: Source | None, quote: str = "") -> None:
    """Records that `source` supports `fact`; citing twice keeps the first quote."""
    if source is None:
        return
    fact.citations.get_or_create(source=source, defaults={"quote": quote[:5000]})


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


# --- Sources -----------------------------------------------------------------------------


def source_get_or_create(
    *,
    url: str = "",
    title: str = "",
    outlet: str = "",
    published: PartialDate | None = None,
    language: str = "",
    kind: str = SourceKind.ARTICLE,
) -> Source:
    """One row per URL; a source without a URL is matched on title and outlet."""
    check_web_address(url)
    lookup = {"url": url} if url else {"url": "", "title": title, "outlet": outlet}
    source, _created = Source.objects.get_or_create(
        **lookup,
        defaults={
            "title": title,
            "outlet": outlet,
            "language": language,
            "kind": kind,
            **_date_kwargs("published_on", published),
        },
    )
    return source


def check_web_address(url: str, *, field: str = "url") -> None:
    """Only http(s) addresses are stored as links: others could run script when clicked."""
    if url and not is_web_address(url):
        raise DomainError(web_address_validator.message, field=field)


# --- People ------------------------------------------------------------------------------

# Who may see a case depends on these two fields; changing them takes this permission.
ACCESS_FIELDS = ("is_restricted", "assigned_caseworker")
RESTRICT_PERMISSION = "cases.restrict_detainee"


def detainee_access_check(*, user, changes: dict, detainee: Detainee | None = None) -> None:
    """Refuses a change of restriction or assignment (in `changes`) that `user` may not
    make: only holders of `cases.restrict_detainee` (administrators by default) change
    them; a restricted case needs its assigned caseworker; and nobody but an administrator
    restricts a case out of their own sight. Values sent unchanged pass."""
    current = {
        "is_restricted": detainee.is_restricted if detainee else False,
        "assigned_caseworker": detainee.assigned_caseworker if detainee else None,
    }
    sent = {name: changes[name] for name in ACCESS_FIELDS if name in changes}
    changed = [name for name, value in sent.items() if value != current[name]]
    if not changed:
        return
    if not user.has_perm(RESTRICT_PERMISSION):
        raise NotPermitted(
            "Only administrators restrict a case or assign its caseworker.", field=changed[0]
        )
    after = {**current, **sent}
    if after["is_restricted"] and after["assigned_caseworker"] is None:
        raise DomainError(
            _(
                "A restricted case needs an assigned caseworker: only they and administrators "
                "see it."
            ),
            field="assigned_caseworker",
        )
    if after["is_restricted"] and after["assigned_caseworker"] != user and not is_admin(user):
        raise DomainError(
            _("You would no longer see this case: assign it to yourself or ask an administrator."),
            field="assigned_caseworker",
        )


def _acting_user(record: Model):
    """Who is making a change: the user a caller named for the history, else the signed-in
    user of the request being served (the history middleware keeps it), else None."""
    from simple_history.models import HistoricalRecords

    user = getattr(record, "_history_user", None)
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def assignment_change_record(
    *, detainee: Detainee, previous_id: int | None, user=None, note: str = ""
) -> Model | None:
    """Records a change of `detainee.assigned_caseworker` (already saved; `previous_id` is
    the holder before it) in the handover history: the previous holder's period ends now and
    the new holder's begins. Every writer of the field calls this (the handover, the API,
    the admin), so the history shows who held the case when however it was changed. The
    history's rows are reached through the reverse relation: this app does not import the
    casework app. Answers the new period, or None when nothing changed."""
    if previous_id == detainee.assigned_caseworker_id:
        return None
    assignments = Detainee._meta.get_field("assignments").related_model.objects
    now = timezone.now()
    current = assignments.select_for_update().filter(detainee=detainee, ended_at__isnull=True)
    current = current.first()
    if current is None and previous_id is not None:
        # Held since before handovers were recorded: its start is unknown.
        current = assignments.create(detainee=detainee, caseworker_id=previous_id, started_at=None)
    if current is not None:
        current.ended_at = now
        current.save(update_fields=["ended_at"])
    return assignments.create(
        detainee=detainee,
        caseworker_id=detainee.assigned_caseworker_id,
        assigned_by=user,
        note=(note or "").strip(),
        started_at=now,
    )


@transaction.atomic
def detainee_create(
    *,
    full_name: str,
    name_original_script: str = "",
    nationalities: list[str] | tuple[str, ...] = (),
    name_variants: list[str] | tuple[str, ...] = (),
    status: str = DetaineeStatus.UNKNOWN,
    sex: str = "",
    date_of_birth: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
    status_as_of: PartialDate | None = None,
    **fields,
) -> Detainee:
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise DomainError(_("A detainee needs a name."), field="full_name")
    detainee = Detainee.objects.create(
        full_name=full_name,
        name_original_script=name_original_script,
        status=status,
        sex=sex,
        **_date_kwargs("date_of_birth", date_of_birth),
        **fields,
    )
    if detainee.assigned_caseworker_id is not None:
        assignment_change_record(detainee=detainee, previous_id=None, user=_acting_user(detainee))
    cite(detainee, source, quote)
    for country in nationalities:
        nationality_add(detainee=detainee, country=country, source=source, quote=quote)
    for variant in (full_name, name_original_script, *name_variants):
        if variant:
            name_variant_add(detainee=detainee, name=variant, source=source, quote=quote)
    if status != DetaineeStatus.UNKNOWN:
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.STATUS,
            value=status,
            as_of=status_as_of,
            source=source,
            quote=quote,
        )
    if date_of_birth is not None:
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.DATE_OF_BIRTH,
            value=date_of_birth.isoformat(),
            source=source,
            quote=quote,
        )
    return detainee


def fact_date_record(
    fact: Model, *, as_of: PartialDate | None = None, source: Source | None = None
) -> None:
    """Dates a charge, name variant or nationality as a source reports it (`as_of` when the
    text gives the event's date, else the source's publication date; a caseworker's entry
    without a source, the day it is made). The fact keeps the earliest date it is reported
    as of, or a finer one inside it: a later article repeating it does not move it."""
    reported = _report_date(as_of, source)
    date = earliest_date(fact.reported_as_of, reported)
    if date is None or date == fact.reported_as_of:
        return
    fact.as_of, fact.as_of_precision = date.value, date.precision
    fact.save(update_fields=["as_of", "as_of_precision"])


def name_variant_add(
    *,
    detainee: Detainee,
    name: str,
    source: Source | None = None,
    quote: str = "",
    as_of: PartialDate | None = None,
) -> NameVariant:
    """Adds a spelling unless the detainee already has it (ignoring case and spacing)."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError(_("A name variant cannot be empty."), field="name")
    folded = name.casefold()
    variant = next((v for v in detainee.name_variants.all() if v.name.casefold() == folded), None)
    if variant is None:
        variant = NameVariant.objects.create(
            detainee=detainee, name=name, **_date_kwargs("as_of", _report_date(as_of, source))
        )
    else:
        fact_date_record(variant, as_of=as_of, source=source)
    cite(variant, source, quote)
    return variant


def nationality_add(
    *,
    detainee: Detainee,
    country: str,
    source: Source | None = None,
    quote: str = "",
    as_of: PartialDate | None = None,
) -> Nationality:
    code = (country or "").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(_NOT_A_COUNTRY % {"code": country}, field="nationality")
    nationality, created = Nationality.objects.get_or_create(
        detainee=detainee,
        country=code,
        defaults=_date_kwargs("as_of", _report_date(as_of, source)),
    )
    if not created:
        fact_date_record(nationality, as_of=as_of, source=source)
    cite(nationality, source, quote)
    return nationality


# --- Custody and legal facts -------------------------------------------------------------


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


def case_open(
    *,
    detainee: Detainee,
    country: str,
    status: str = CaseStatus.INVESTIGATION,
    arrested: PartialDate | None = None,
    court: str = "",
    case_number: str = "",
    arrest_place: str = "",
    arrest_country: str = "",
    arrest_requested_by: str = "",
    summary: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Case:
    if arrest_requested_by and arrest_requested_by == arrest_country:
        raise DomainError(
            _("An arrest made at another country's request names that other country."),
            field="arrest_requested_by",
        )
    case = Case.objects.create(
        detainee=detainee,
        country=country,
        status=status,
        court=court,
        case_number=case_number,
        arrest_place=arrest_place,
        arrest_country=arrest_country,
        arrest_requested_by=arrest_requested_by,
        summary=summary,
        **_date_kwargs("arrested_on", arrested),
    )
    cite(case, source, quote)
    return case


PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}


def _refines(recorded: PartialDate, reported: PartialDate) -> bool:
    """True when the two dates can be the same day ("2016-10" and "2016-10-05")."""
    coarse, fine = sorted((recorded, reported), key=lambda d: PRECISION_RANK[d.precision])
    return truncate(fine.value, coarse.precision) == coarse.value


def case_arrest_record(
    *,
    case: Case,
    arrested: PartialDate | None = None,
    country: str = "",
    place: str = "",
    requested_by: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Case:
    """Records the arrest that began `case`, as a source reports it, and cites the source.
    What the record lacks is filled in and a date is made more precise; a report that
    contradicts the recorded arrest is refused, naming the field, so that nothing recorded
    is silently replaced."""
    place = " ".join((place or "").split())[:200]
    country, requested_by = (country or "").upper(), (requested_by or "").upper()
    for field, code in (("country", country), ("requested_by", requested_by)):
        if code and pycountry.countries.get(alpha_2=code) is None:
            raise DomainError(_NOT_A_COUNTRY % {"code": code}, field=field)
    if requested_by and requested_by == country:
        raise DomainError(
            _("An arrest made at another country's request names that other country."),
            field="requested_by",
        )
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        changes: dict = {}
        recorded = case.arrested
        if arrested is not None:
            if recorded is None or (
                _refines(recorded, arrested)
                and PRECISION_RANK[arrested.precision] > PRECISION_RANK[recorded.precision]
            ):
                changes.update(_date_kwargs("arrested_on", arrested))
            elif not _refines(recorded, arrested):
                raise DomainError(
                    _(
                        "The record has this arrest on %(recorded)s, not %(arrested)s: correct "
                        "one of them or leave this out."
                    )
                    % {"recorded": recorded, "arrested": arrested},
                    field="date",
                )
        for field, column, value in (
            ("country", "arrest_country", country),
            ("place", "arrest_place", place),
            ("requested_by", "arrest_requested_by", requested_by),
        ):
            current = str(getattr(case, column) or "")
            if not value or current.casefold() == value.casefold():
                continue
            if current:
                raise DomainError(
                    _(
                        "The record has this arrest's %(field)s as %(current)s, not %(value)s: "
                        "correct one of them or leave this out."
                    )
                    % {"field": field.replace("_", " "), "current": current, "value": value},
                    field=field,
                )
            changes[column] = value
        if changes.get("arrest_requested_by") and changes["arrest_requested_by"] == (
            changes.get("arrest_country") or case.arrest_country
        ):
            raise DomainError(
                _("An arrest made at another country's request names that other country."),
                field="requested_by",
            )
        if changes:
            for column, value in changes.items():
                setattr(case, column, value)
            case.save(update_fields=list(changes))
        cite(case, source, quote)
    return case


def charge_add(
    *,
    case: Case,
    description: str,
    category: str = ChargeCategory.OTHER,
    disposition: str = ChargeDisposition.PENDING,
    statute: str = "",
    max_penalty_years: int | None = None,
    source: Source | None = None,
    quote: str = "",
    as_of: PartialDate | None = None,
) -> Charge:
    """Adds a charge, dated as of `as_of` (when the text says when it was brought) or its
    source's date; the same wording on the same case is one charge."""
    description = " ".join((description or "").split())
    if not description:
        raise DomainError(_("A charge needs a description."), field="description")
    _check_limits(max_penalty_years=max_penalty_years)
    charge = case.charges.filter(description__iexact=description).first()
    if charge is None:
        # "computer hacks" and "computer hacks that hit 200 businesses" are one charge
        # told at two lengths.
        folded = description.casefold()
        charge = next(
            (
                c
                for c in case.charges.all()
                if c.description.casefold().startswith(folded)
                or folded.startswith(c.description.casefold())
            ),
            None,
        )
    if charge is None:
        charge = Charge.objects.create(
            case=case,
            description=description[:500],
            category=category,
            disposition=disposition,
            statute=statute,
            max_penalty_years=max_penalty_years,
            **_date_kwargs("as_of", _report_date(as_of, source)),
        )
    else:
        fact_date_record(charge, as_of=as_of, source=source)
    cite(charge, source, quote)
    return charge


def sentence_record(
    *,
    case: Case,
    sentenced: PartialDate | None = None,
    term_years: int | None = None,
    term_months: int | None = None,
    is_life: bool = False,
    fine_amount: Decimal | None = None,
    fine_currency: str = "",
    court: str = "",
    expected_release: PartialDate | None = None,
    time_served_credit_days: int | None = None,
    notes: str = "",
    source: Source | None = None,
    quote: str = "",
) -> Sentence:
    if term_months is not None and term_months >= 12:
        term_years, term_months = (term_years or 0) + term_months // 12, term_months % 12
    _check_limits(
        term_years=term_years,
        term_months=term_months,
        time_served_credit_days=time_served_credit_days,
    )
    if is_life and (term_years or term_months):
        raise DomainError(_("A life sentence has no term in years."), field="term_years")
    if fine_amount is not None:
        if fine_amount < 0:
            raise DomainError(_("A fine cannot be negative."), field="fine_amount")
        fine_currency = check_currency(fine_currency)
    else:
        fine_currency = ""
    term = dated_facts.term_value(years=term_years, months=term_months, is_life=is_life)
    with transaction.atomic():
        sentence = _same_sentence(case, sentenced)
        if sentence is None:
            sentence = Sentence.objects.create(
                case=case,
                court=court,
                term_years=term_years,
                term_months=term_months,
                is_life=is_life,
                fine_amount=fine_amount,
                fine_currency=fine_currency,
                time_served_credit_days=time_served_credit_days,
                notes=notes,
                **_date_kwargs("sentenced_on", sentenced),
                **_date_kwargs("expected_release_on", expected_release),
            )
        elif sentenced is not None and sentence.sentenced_on is None:
            for column, value in _date_kwargs("sentenced_on", sentenced).items():
                setattr(sentence, column, value)
            sentence.save(update_fields=["sentenced_on", "sentenced_on_precision"])
        recorded = dated_facts.term_value(
            years=sentence.term_years, months=sentence.term_months, is_life=sentence.is_life
        )
        if term and recorded and term != recorded:
            # Two sources disagree on the term of one sentence: both are kept with their
            # sources, the record keeps its value until a caseworker chooses.
            _term_reports_backfill(sentence, recorded)
            fact_report_record(
                detainee=case.detainee,
                fact=ReportedFact.SENTENCE_TERM,
                value=term,
                sentence=sentence,
                as_of=sentenced,
                source=source,
                quote=quote,
            )
            return sentence
        filled = []
        if term and not recorded:
            sentence.term_years, sentence.term_months, sentence.is_life = (
                term_years,
                term_months,
                is_life,
            )
            filled += ["term_years", "term_months", "is_life"]
        if fine_amount is not None and sentence.fine_amount is None:
            sentence.fine_amount, sentence.fine_currency = fine_amount, fine_currency
            filled += ["fine_amount", "fine_currency"]
        if filled:
            sentence.save(update_fields=filled)
        if term:
            fact_report_record(
                detainee=case.detainee,
                fact=ReportedFact.SENTENCE_TERM,
                value=term,
                sentence=sentence,
                as_of=sentenced,
                source=source,
                quote=quote,
            )
        cite(sentence, source, quote)
    return sentence


def _same_sentence(case: Case, sentenced: PartialDate | None) -> Sentence | None:
    """The sentence of this case that a report of a sentence on `sentenced` speaks of: the
    one of that date, or the case's only sentence when one of the two dates is unknown.
    Sentences of different known dates are different sentences (a resentencing)."""
    sentences = list(case.sentences.order_by("id"))
    if sentenced is not None:
        same_day = [s for s in sentences if s.sentenced_on == sentenced.value]
        if same_day:
            return same_day[0]
    if len(sentences) == 1 and (sentenced is None or sentences[0].sentenced_on is None):
        return sentences[0]
    return None


def _term_reports_backfill(sentence: Sentence, recorded: str) -> None:
    """A term recorded before terms were reports: its sources speak for it."""
    if sentence.reports.filter(value=recorded).exists():
        return
    citations = list(sentence.citations.select_related("source"))
    for citation in citations or [None]:
        fact_report_record(
            detainee=sentence.case.detainee,
            fact=ReportedFact.SENTENCE_TERM,
            value=recorded,
            sentence=sentence,
            as_of=sentence.sentenced,
            source=citation.source if citation else None,
            quote=citation.quote if citation else "",
        )


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


# --- Status and maximum penalty, as a source reports them ---------------------------------


def _derive_onto(detainee: Detainee) -> None:
    """Re-derives the current values and copies them onto the caller's instance."""
    derived = detainee_facts_derive(detainee=detainee)
    for name in ("status", "detaining_country", "current_facility_id", "updated_at"):
        setattr(detainee, name, getattr(derived, name))


def detainee_status_record(
    *,
    detainee: Detainee,
    status: str,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> Detainee:
    """Records a status as a source reports it as of a date (the source's publication date
    when the text gives none), and cites the source. The status on the record is the
    latest reported one: an older report joins the timeline without moving it back."""
    if status not in DetaineeStatus.values:
        raise DomainError(
            _("%(status)r is not a detainee status.") % {"status": status}, field="status"
        )
    with transaction.atomic():
        if status != DetaineeStatus.UNKNOWN:
            fact_report_record(
                detainee=detainee,
                fact=ReportedFact.STATUS,
                value=status,
                as_of=as_of,
                source=source,
                quote=quote,
            )
        cite(detainee, source, quote)
        _derive_onto(detainee)
    return detainee


def detainee_country_record(
    *,
    detainee: Detainee,
    country: str,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> Detainee:
    """Records which country holds the detainee as a source reports it as of a date."""
    code = (country or "").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(_NOT_A_COUNTRY % {"code": country}, field="country")
    with transaction.atomic():
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.DETAINING_COUNTRY,
            value=code,
            as_of=as_of,
            source=source,
            quote=quote,
        )
        _derive_onto(detainee)
    return detainee


def charge_max_penalty_record(
    *, charge: Charge, years: int, source: Source | None = None, quote: str = ""
) -> Charge:
    """Records the maximum penalty a charge carries, as a source states it."""
    if years is None or years < 0:
        raise DomainError(_("A maximum penalty is a number of years."), field="max_penalty_years")
    _check_limits(max_penalty_years=years)
    with transaction.atomic():
        if charge.max_penalty_years != years:
            charge.max_penalty_years = years
            charge.save(update_fields=["max_penalty_years"])
        cite(charge, source, quote)
    return charge


# --- Edits, and a whole case in one call -------------------------------------------------


def record_lock(*, record: M, expected_version: int | None = None) -> M:
    """The record as stored now, its row locked until the transaction ends. With
    `expected_version`, a record changed since the caller read that version raises
    StaleVersion instead. Call inside `transaction.atomic()`."""
    current = type(record)._base_manager.select_for_update().get(pk=record.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleVersion(current, expected=expected_version)
    return current


# What a caller may set on an instance for django-simple-history (who, why, when): the
# fresh copy that is saved carries them too.
_HISTORY_HINTS = ("_history_user", "_change_reason", "_history_date", "skip_history_when_saving")


def _refresh_from(record: Model, current: Model) -> None:
    """Gives the caller's instance the values just written (no query)."""
    for field in record._meta.concrete_fields:
        setattr(record, field.attname, getattr(current, field.attname))


def record_update(*, record: M, changes: dict, expected_version: int | None = None) -> M:
    """Sets fields of one fact (a partial date as a PartialDate or None), checks every field
    rule and constraint of the model, and saves. A broken rule is a DomainError naming the
    field.

    The row is locked and read afresh, and only the changed columns are written: a
    concurrent change to another field survives. With `expected_version` (the version the
    caller's edit is based on), a record changed in between raises StaleVersion and nothing
    is written. `record` is left holding the stored values."""
    from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

    from .fields import PartialDateField

    with transaction.atomic():
        current = record_lock(record=record, expected_version=expected_version)
        for hint in _HISTORY_HINTS:
            if hasattr(record, hint):
                setattr(current, hint, getattr(record, hint))
        columns: set[str] = set()
        before = {f.attname: getattr(current, f.attname) for f in current._meta.concrete_fields}
        for name, value in changes.items():
            field = current._meta.get_field(name)
            if isinstance(field, PartialDateField):
                for column, column_value in _date_kwargs(name, value).items():
                    setattr(current, column, column_value)
                    columns.add(column)
            else:
                setattr(current, name, value)
                columns.add(name)
        try:
            current.full_clean()
        except ValidationError as exc:
            name, messages = next(iter(exc.message_dict.items()))
            raise DomainError(
                " ".join(messages), field=None if name == NON_FIELD_ERRORS else name
            ) from exc
        if columns:
            auto_now = {
                f.name for f in current._meta.concrete_fields if getattr(f, "auto_now", False)
            }
            current._locked_version = current.version  # read under the lock just above
            current.save(update_fields=columns | auto_now)
            changed = {c for c in columns if before.get(c) != getattr(current, c, None)}
            _derive_after_edit(current, changed)
            if "assigned_caseworker" in columns and isinstance(current, Detainee):
                assignment_change_record(
                    detainee=current,
                    previous_id=before["assigned_caseworker_id"],
                    user=_acting_user(current),
                )
            current.refresh_from_db()
    _refresh_from(record, current)
    return record


def _derive_after_edit(record: Model, changed: set[str]) -> None:
    """A caseworker's change of a reported fact is a report as of today; the current values
    follow. `changed` names the columns whose values changed."""
    if isinstance(record, Detainee):
        if "status" in changed and record.status != DetaineeStatus.UNKNOWN:
            fact_report_record(detainee=record, fact=ReportedFact.STATUS, value=record.status)
        if {"date_of_birth", "date_of_birth_precision"} & changed and record.birth_date:
            fact_report_record(
                detainee=record,
                fact=ReportedFact.DATE_OF_BIRTH,
                value=record.birth_date.isoformat(),
            )
        if "status" in changed:
            detainee_facts_derive(detainee=record)
    elif isinstance(record, Extradition) and "status" in changed:
        fact_report_record(
            detainee=record.detainee,
            fact=ReportedFact.EXTRADITION_STATUS,
            value=record.status,
            extradition=record,
        )
        asked = record.status
        detainee_facts_derive(detainee=record.detainee)
        record.refresh_from_db()
        if record.status != asked:
            raise DomainError(
                _(
                    "An extradition only moves forward: it is %(status)s by its reports. Record "
                    "that it was refused or withdrawn instead."
                )
                % {"status": record.get_status_display().lower()},
                field="status",
            )
    elif isinstance(record, CustodyPeriod) and changed:
        detainee_facts_derive(detainee=record.detainee)


@transaction.atomic
def detainee_update(
    *,
    detainee: Detainee,
    changes: dict,
    nationalities: list[str] | None = None,
    expected_version: int | None = None,
) -> Detainee:
    """Edits a detainee. A new full name keeps the old one findable as a name variant;
    `nationalities`, when given, is the complete new list. The detainee's version is raised
    by any change, nationalities included; `expected_version` as for record_update."""
    old_name = record_lock(record=detainee, expected_version=expected_version).full_name
    if "full_name" in changes:
        changes = {**changes, "full_name": " ".join((changes["full_name"] or "").split())}
    record_update(record=detainee, changes=changes)
    if detainee.full_name != old_name:
        for name in (old_name, detainee.full_name):
            name_variant_add(detainee=detainee, name=name)
    if nationalities is not None:
        wanted = {(code or "").upper() for code in nationalities}
        held = set(detainee.nationalities.values_list("country", flat=True))
        for code in sorted(wanted):
            nationality_add(detainee=detainee, country=code)
        detainee.nationalities.exclude(country__in=wanted).delete()
        if held != wanted and not changes:
            detainee.save(update_fields=["updated_at"])
    return detainee


@transaction.atomic
def case_open_complete(
    *,
    detainee: Detainee,
    charges: list[dict] | tuple[dict, ...] = (),
    sentence: dict | None = None,
    source: Source | None = None,
    quote: str = "",
    **case_fields,
) -> Case:
    """Opens a case with its charges and, when there is one, its sentence: all or nothing."""
    case = case_open(detainee=detainee, source=source, quote=quote, **case_fields)
    for charge in charges:
        charge_add(case=case, source=source, quote=quote, **charge)
    if sentence:
        sentence_record(case=case, source=source, quote=quote, **sentence)
    return case


# --- Archiving: case records are never deleted --------------------------------------------


def _is_archivable(model) -> bool:
    return any(f.name == "archived_at" for f in model._meta.concrete_fields)


def _rows_under(record: Model) -> list[Model]:
    """Every archivable record under `record` (a detainee's cases, custody, extraditions and
    visits; a case's charges, sentences and extraditions), through the reverse relations,
    so that records of other apps (visits) are found without importing them."""
    ids = referring_row_ids(
        type(record),
        [record.pk],
        follows=lambda relation: _is_archivable(relation.related_model),
    )
    ids[type(record)].discard(record.pk)
    return [
        row
        for model, pks in ids.items()
        for row in model._base_manager.filter(pk__in=pks).order_by("pk")
    ]


def _set_archived(row: Model, *, at, user, reason: str) -> None:
    row.archived_at = at
    row.archived_by = user
    # Kept in the change history with the change.
    row._change_reason = reason[:100]
    row.save(update_fields=["archived_at", "archived_by"])


@transaction.atomic
def record_archive(*, record: Model, user, reason: str = "") -> Model:
    """Archives a case record and every record under it: hidden from lists, pages and
    statistics, kept with its history for administrators. Each row is saved on its own,
    so each keeps a history entry."""
    from django.utils import timezone

    model = type(record)
    if not _is_archivable(model):
        raise DomainError(
            _("This %(record)s is not archived.") % {"record": model._meta.verbose_name}
        )
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is not None:
        raise Conflict(_("This record is already archived."))
    now = timezone.now()
    reason = " ".join((reason or "").split()) or "archived"
    for row in [record, *_rows_under(record)]:
        if row.archived_at is None:
            _set_archived(row, at=now, user=user, reason=reason)
    _derive_for(record, user=user, reason=reason)
    return record


@transaction.atomic
def record_restore(*, record: Model, user) -> Model:
    """Brings back an archived record and the records archived with it (not those
    archived on their own before)."""
    model = type(record)
    if not _is_archivable(model):
        raise DomainError(
            _("This %(record)s is not archived.") % {"record": model._meta.verbose_name}
        )
    record = model._base_manager.select_for_update().get(pk=record.pk)
    if record.archived_at is None:
        raise Conflict(_("This record is not archived."))
    when = record.archived_at
    for row in [record, *_rows_under(record)]:
        if row.archived_at == when:
            _set_archived(row, at=None, user=None, reason=f"restored by {user}")
    _derive_for(record, user=user, reason=f"restored by {user}")
    return record


def _derive_for(record: Model, *, user, reason: str) -> None:
    """The current values of the person a record is about follow its archiving or
    restoring: an archived custody period no longer makes its facility the current one."""
    if isinstance(record, Detainee):
        detainee_id = record.pk
    else:
        detainee_id = getattr(record, "detainee_id", None)
    if detainee_id is None and getattr(record, "case_id", None):
        detainee_id = Case._base_manager.values_list("detainee_id", flat=True).get(
            pk=record.case_id
        )
    if detainee_id is not None:
        detainee = Detainee.all_objects.get(pk=detainee_id)
        detainee_facts_derive(detainee=detainee, user=user, reason=reason)


# --- Dated reports, and the current values derived from them ------------------------------


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
