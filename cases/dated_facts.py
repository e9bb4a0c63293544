"""How the record's current values follow from dated reports, and where reports disagree.

Pure functions over `FactReport` rows already loaded (a page or an API call prefetches
them once): no queries here. The write side is `services.detainee_facts_derive`.

- A fact that changes (status, detaining country, facility, extradition status) takes its
  value from its latest dated report. Reports of the same date that disagree are a dispute;
  a caseworker's choice settles it, otherwise the last one recorded shows.
- An extradition's status only moves forward; refused or withdrawn end it when a report
  dated after every earlier one says so.
- A fact with one true value (a date of birth, the term of a sentence) keeps the value on
  the record; reports that disagree with one another are a dispute until a caseworker
  chooses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django_countries import countries

from .constants import (
    CHANGING_FACTS,
    EXTRADITION_PROGRESS,
    DetaineeStatus,
    ExtraditionStatus,
    ReportedFact,
)
from .partial_dates import PartialDate, PartialDateError, parse

# --- Values ------------------------------------------------------------------------------


def term_value(*, years: int | None, months: int | None, is_life: bool) -> str:
    """A sentence term as an ISO 8601 duration ("P27Y", "P2Y6M"), "life", or "" for none."""
    if is_life:
        return "life"
    if not years and not months:
        return ""
    return "P" + (f"{years}Y" if years else "") + (f"{months}M" if months else "")


def term_parts(value: str) -> dict:
    """The Sentence fields of a term value."""
    if value == "life":
        return {"is_life": True, "term_years": None, "term_months": None}
    body = value.removeprefix("P")
    years, _, rest = body.partition("Y") if "Y" in body else ("", "", body)
    months = rest.removesuffix("M")
    return {
        "is_life": False,
        "term_years": int(years) if years else None,
        "term_months": int(months) if months else None,
    }


def value_label(fact: str, value: str, facilities: dict | None = None) -> str:
    """A value as people read it."""
    if fact == ReportedFact.STATUS:
        return DetaineeStatus(value).label if value in DetaineeStatus.values else value
    if fact == ReportedFact.EXTRADITION_STATUS:
        return ExtraditionStatus(value).label if value in ExtraditionStatus.values else value
    if fact == ReportedFact.DETAINING_COUNTRY:
        return countries.name(value) or value
    if fact == ReportedFact.FACILITY:
        facility = (facilities or {}).get(int(value)) if value.isdigit() else None
        return str(facility) if facility else f"facility {value}"
    if fact == ReportedFact.DATE_OF_BIRTH:
        try:
            return parse(value).display()
        except PartialDateError:
            return value
    if fact == ReportedFact.SENTENCE_TERM:
        if value == "life":
            return "life"
        parts = term_parts(value)
        words = []
        if parts["term_years"]:
            words.append(f"{parts['term_years']} year{'s' if parts['term_years'] != 1 else ''}")
        if parts["term_months"]:
            words.append(f"{parts['term_months']} month{'s' if parts['term_months'] != 1 else ''}")
        return " ".join(words) or value
    return value


def _dates_agree(a: str, b: str) -> bool:
    """ "1980" and "1980-05-02" agree; "1980" and "1981" do not."""
    try:
        first, second = parse(a), parse(b)
    except PartialDateError:
        return a == b
    coarse, fine = sorted((first, second), key=lambda d: d.last_day - d.value, reverse=True)
    return coarse.value <= fine.value <= coarse.last_day


def values_agree(fact: str, a: str, b: str) -> bool:
    if fact == ReportedFact.DATE_OF_BIRTH:
        return _dates_agree(a, b)
    return a == b


# --- Ordering by the date a report speaks of ---------------------------------------------


def date_key(report) -> tuple:
    """Undated reports come first (they never outrank a dated one); on the same date, the
    one recorded last."""
    return (report.as_of is not None, report.as_of or dt.date.min, report.pk or 0)


def _same_date(a, b) -> bool:
    return a.as_of == b.as_of and a.as_of_precision == b.as_of_precision


def latest_reports(reports: list) -> list:
    """The reports of the latest date (all of them if none is dated)."""
    if not reports:
        return []
    ordered = sorted(reports, key=date_key)
    top = ordered[-1]
    return [r for r in ordered if _same_date(r, top)]


def last_word_of_each(reports: list) -> list:
    """A source that says something else on the same date takes back what it said: only its
    last report of each date counts (caseworkers' entries, without a source, count as one
    voice: the later edit replaces the earlier)."""
    last: dict[tuple, object] = {}
    for report in sorted(reports, key=lambda r: r.pk or 0):
        last[(report.source_id, report.as_of, report.as_of_precision)] = report
    return sorted(last.values(), key=date_key)


# --- The state of one fact ---------------------------------------------------------------


@dataclass
class Alternative:
    value: str
    label: str
    reports: list = field(default_factory=list)

    @property
    def sources(self) -> list:
        seen, out = set(), []
        for report in self.reports:
            if report.source_id and report.source_id not in seen:
                seen.add(report.source_id)
                out.append(report.source)
        return out


@dataclass
class FactState:
    fact: str
    value: str | None
    label: str
    as_of: PartialDate | None
    alternatives: list[Alternative]
    disputed: bool
    choice: object = None  # the FactChoice that settles it, if any
    extradition_id: int | None = None
    sentence_id: int | None = None

    @property
    def key(self) -> str:
        subject = self.extradition_id or self.sentence_id
        return f"{self.fact}:{subject}" if subject else self.fact


def _alternatives(fact: str, reports: list, facilities: dict | None) -> list[Alternative]:
    groups: dict[str, Alternative] = {}
    for report in sorted(reports, key=date_key):
        if report.value not in groups:
            groups[report.value] = Alternative(
                report.value, value_label(fact, report.value, facilities)
            )
        groups[report.value].reports.append(report)
    return list(groups.values())


def _extradition_progress(reports: list) -> str | None:
    """The extradition status the reports add up to, taken in date order."""
    status = None
    for report in sorted(reports, key=date_key):
        value = report.value
        if status is None or value in (ExtraditionStatus.REFUSED, ExtraditionStatus.WITHDRAWN):
            status = value
        elif status in (ExtraditionStatus.REFUSED, ExtraditionStatus.WITHDRAWN):
            # A new request after a refusal starts over.
            status = value
        elif EXTRADITION_PROGRESS.get(value, -1) >= EXTRADITION_PROGRESS.get(status, -1):
            status = value
    return status


def fact_state(
    fact: str,
    reports: list,
    *,
    choice=None,
    recorded: str | None = None,
    facilities: dict | None = None,
    extradition_id: int | None = None,
    sentence_id: int | None = None,
) -> FactState:
    """The state of one fact from its reports. `recorded` is the value the record holds
    now, which a fact with one true value keeps until a caseworker chooses another."""
    if facilities is None:
        facilities = {r.facility_id: r.facility for r in reports if r.facility_id}
    reports = last_word_of_each(reports)
    if fact in CHANGING_FACTS:
        top = latest_reports(reports)
        alternatives = _alternatives(fact, top, facilities)
        disputed = len(alternatives) > 1
        if fact == ReportedFact.EXTRADITION_STATUS:
            value = _extradition_progress(reports)
        else:
            value = top[-1].value if top else recorded
        if disputed and choice is not None and choice.value in {a.value for a in alternatives}:
            value = choice.value
        as_of = top[-1].reported_as_of if top else None
    else:
        alternatives = _alternatives(fact, reports, facilities)
        values = [a.value for a in alternatives]
        disputed = any(
            not values_agree(fact, a, b) for i, a in enumerate(values) for b in values[i + 1 :]
        )
        value = choice.value if (disputed and choice is not None) else recorded
        if value is None and values:
            value = values[0]
        as_of = None
    return FactState(
        fact=fact,
        value=value,
        label=value_label(fact, value, facilities) if value else "",
        as_of=as_of,
        alternatives=alternatives,
        disputed=disputed,
        choice=choice if disputed else None,
        extradition_id=extradition_id,
        sentence_id=sentence_id,
    )


def _subject(row) -> tuple:
    return (row.fact, row.extradition_id, row.sentence_id)


def fact_states(
    reports: list, choices: list, *, recorded: dict | None = None, facilities=None
) -> dict[tuple, FactState]:
    """Every reported fact of one detainee, by (fact, extradition id, sentence id).
    `recorded` maps the same keys to the values the record holds now."""
    recorded = recorded or {}
    grouped: dict[tuple, list] = {}
    for report in reports:
        grouped.setdefault(_subject(report), []).append(report)
    chosen = {_subject(c): c for c in choices}
    return {
        key: fact_state(
            key[0],
            group,
            choice=chosen.get(key),
            recorded=recorded.get(key),
            facilities=facilities,
            extradition_id=key[1],
            sentence_id=key[2],
        )
        for key, group in grouped.items()
    }


def detainee_fact_states(detainee) -> dict[tuple, FactState]:
    """Every reported fact of a detainee, from its (prefetched) `reports`, `fact_choices`
    and sentences, by (fact, extradition id, sentence id)."""
    recorded = {
        (ReportedFact.DATE_OF_BIRTH, None, None): (
            detainee.birth_date.isoformat() if detainee.birth_date else None
        )
    }
    for case in detainee.cases.all():
        for sentence in case.sentences.all():
            recorded[(ReportedFact.SENTENCE_TERM, None, sentence.pk)] = term_value(
                years=sentence.term_years, months=sentence.term_months, is_life=sentence.is_life
            )
    return fact_states(
        list(detainee.reports.all()), list(detainee.fact_choices.all()), recorded=recorded
    )
