"""A case against a person: opening it (alone, or with its charges and sentence in one
call), the arrest that began it, its charges and their maximum penalty, and sentences."""

from decimal import Decimal

import pycountry
from django.db import transaction
from django.utils.translation import gettext as _

from .. import dated_facts
from ..constants import CaseStatus, ChargeCategory, ChargeDisposition, ReportedFact
from ..errors import DomainError
from ..models import Case, Charge, Detainee, Sentence, Source
from ..partial_dates import PRECISIONS, PartialDate, truncate
from .dated_reports import _report_date, fact_report_record
from .field_values import _NOT_A_COUNTRY, _check_limits, _date_kwargs, check_currency
from .people import fact_date_record
from .sources import cite


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
