"""What the detainee page shows, built from the records: the summary card, the timeline and
the change history. Each function reads what it needs once; the page's query count does not
grow with the number of facts."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from cases import dated_facts
from cases.constants import HELD_STATUSES, ReportedFact
from cases.fields import sensitive_field_names
from cases.models import (
    Case,
    Charge,
    CustodyPeriod,
    Detainee,
    Extradition,
    FactChoice,
    FactReport,
    NameVariant,
    Sentence,
)
from cases.partial_dates import PartialDate
from consular.constants import VisitOutcome
from consular.models import ConsularVisit

# Each fact's citations with their sources.
CITED = "citations__source"


def detainee_page_queryset(user) -> QuerySet:
    """Everything the page shows, prefetched with each fact's citations and sources: one
    query per kind of fact instead of one per row (and per citation)."""
    return (
        Detainee.objects.visible_to(user)
        .select_related("assigned_caseworker", "current_facility")
        .prefetch_related(
            "nationalities",
            "tags",
            Prefetch("name_variants", queryset=NameVariant.objects.order_by("name")),
            Prefetch(
                "custody_periods",
                queryset=CustodyPeriod.objects.select_related("facility").prefetch_related(CITED),
            ),
            Prefetch(
                "cases",
                queryset=Case.objects.prefetch_related(
                    CITED,
                    Prefetch("charges", queryset=Charge.objects.prefetch_related(CITED)),
                    Prefetch("sentences", queryset=Sentence.objects.prefetch_related(CITED)),
                ),
            ),
            Prefetch("extraditions", queryset=Extradition.objects.prefetch_related(CITED)),
            Prefetch(
                "consular_visits",
                queryset=ConsularVisit.objects.select_related("facility").prefetch_related(CITED),
            ),
            Prefetch("reports", queryset=FactReport.objects.select_related("source", "facility")),
            Prefetch("fact_choices", queryset=FactChoice.objects.select_related("chosen_by")),
        )
    )


@dataclass
class Entry:
    """One line of the timeline."""

    date: PartialDate | None
    kind: str  # arrest, extradition, charge, sentence, custody, visit, release
    title: str
    detail: str = ""
    citations: list = field(default_factory=list)
    future: bool = False
    # For an undated fact, the best date known for it (see `_place_undated`).
    placed_on: dt.date | None = None

    @property
    def kind_label(self) -> str:
        return str(ENTRY_KINDS.get(self.kind, self.kind))

    @property
    def sort_key(self):
        # An undated fact sits at its best known date; on the same day, the order they
        # were added in (an arrest before its charges and sentence) is kept.
        when = self.date.value if self.date else self.placed_on
        return (when is None, when or dt.date.max)


# The word shown beside each timeline entry.
ENTRY_KINDS = {
    "arrest": pgettext_lazy("timeline", "arrest"),
    "extradition": pgettext_lazy("timeline", "extradition"),
    "charge": pgettext_lazy("timeline", "charge"),
    "sentence": pgettext_lazy("timeline", "sentence"),
    "custody": pgettext_lazy("timeline", "custody"),
    "visit": pgettext_lazy("timeline", "visit"),
    "release": pgettext_lazy("timeline", "release"),
    "status": pgettext_lazy("timeline", "status"),
}


def _up_to_years(years: int | None) -> str:
    if not years:
        return ""
    return ngettext("up to %(years)d year", "up to %(years)d years", years) % {"years": years}


def _sentenced_title(term: str, fine: str) -> str:
    if term and fine:
        return _("Sentenced to %(term)s, fine %(fine)s") % {"term": term, "fine": fine}
    if term:
        return _("Sentenced to %(term)s") % {"term": term}
    if fine:
        return _("Sentenced, fine %(fine)s") % {"fine": fine}
    return _("Sentenced")


def _citations(fact) -> list:
    return list(fact.citations.all())


def _first_reported(citations: list) -> PartialDate | None:
    """The earliest publication date among the sources a fact cites."""
    dates = [c.source.published for c in citations if c.source.published]
    return min(dates, key=lambda d: d.value) if dates else None


def _arrest_placed_on(case: Case, citations: list) -> dt.date | None:
    """An undated arrest happened no later than anything dated in its case (its sentences,
    their expected release) and than the first report of it."""
    known = [s.sentenced.value for s in case.sentences.all() if s.sentenced]
    first = _first_reported(citations)
    if first:
        known.append(first.value)
    return min(known, default=None)


def _place_undated(entries: list[Entry]) -> None:
    """Undated facts other than arrests sit at the first report of them when one is dated;
    an arrest with nothing dated around it goes first, since it starts a case."""
    for entry in entries:
        if entry.date is not None or entry.placed_on is not None:
            continue
        first = _first_reported(entry.citations)
        if first:
            entry.placed_on = first.value
        elif entry.kind == "arrest":
            entry.placed_on = dt.date.min


def timeline(detainee: Detainee, *, can_view_sensitive: bool) -> list[Entry]:
    today = timezone.localdate()
    entries: list[Entry] = []
    for case in detainee.cases.all():
        where = ", ".join(p for p in (case.arrest_place, case.arrest_country.name) if p)
        cites = _citations(case)
        entries.append(
            Entry(
                case.arrested,
                "arrest",
                (
                    _("Arrested in %(place)s — case in %(country)s")
                    % {"place": where, "country": case.country.name}
                    if where
                    else _("Arrested — case in %(country)s") % {"country": case.country.name}
                ),
                " · ".join(p for p in (case.court, case.case_number, case.summary) if p),
                cites,
                placed_on=None if case.arrested else _arrest_placed_on(case, cites),
            )
        )
        for charge in case.charges.all():
            cites = _citations(charge)
            # At the arrest that began the case; without one, at the date the charge speaks
            # of (when it was brought, else first reported).
            reported = (
                (charge.reported_as_of or _first_reported(cites)) if case.arrested is None else None
            )
            entries.append(
                Entry(
                    case.arrested or reported,
                    "charge",
                    _("Charged: %(charge)s") % {"charge": charge.description},
                    " · ".join(
                        p
                        for p in (
                            charge.get_category_display(),
                            charge.get_disposition_display(),
                            charge.statute,
                            _up_to_years(charge.max_penalty_years),
                            _("as first reported") if reported else "",
                        )
                        if p
                    ),
                    cites,
                )
            )
        for sentence in case.sentences.all():
            term = sentence.term_display
            fine = sentence.fine_display
            entries.append(
                Entry(
                    sentence.sentenced,
                    "sentence",
                    _sentenced_title(term, fine),
                    " · ".join(p for p in (sentence.court, sentence.notes) if p),
                    _citations(sentence),
                )
            )
            if sentence.expected_release:
                entries.append(
                    Entry(
                        sentence.expected_release,
                        "release",
                        _("Expected release"),
                        "",
                        [],
                        future=sentence.expected_release.value > today,
                    )
                )
    reported = _reported_entries(detainee)
    reported_extraditions = {
        r.extradition_id for r in detainee.reports.all() if r.extradition_id is not None
    }
    for ex in detainee.extraditions.all():
        route = f"{ex.from_country.name} → {ex.to_country.name}"
        cites = _citations(ex)
        if ex.arrested:
            entries.append(
                Entry(
                    ex.arrested,
                    "extradition",
                    _("Arrested for extradition (%(route)s)") % {"route": route},
                )
            )
        if ex.decided:
            entries.append(
                Entry(
                    ex.decided,
                    "extradition",
                    _("Extradition decided (%(route)s)") % {"route": route},
                )
            )
        if ex.pk in reported_extraditions:
            continue  # each dated report of its status is an entry of its own
        entries.append(
            Entry(
                ex.surrendered,
                "extradition",
                _("Extradition %(status)s: %(route)s")
                % {"status": ex.get_status_display().lower(), "route": route},
                ex.notes,
                cites,
            )
        )
    entries += reported
    for period in detainee.custody_periods.all():
        if period.ended:
            until = _("until %(date)s") % {"date": period.ended.display()}
        elif period.facility_id == detainee.current_facility_id:
            until = _("current")
        else:
            # Open, but later facts have the person elsewhere (or free): the record does not
            # know when this stay ended.
            until = _("end not reported")
        entries.append(
            Entry(
                period.started,
                "custody",
                _("Held at %(facility)s") % {"facility": period.facility},
                until,
                _citations(period),
            )
        )
    today = timezone.localdate()
    for visit in detainee.consular_visits.all():
        detail = [visit.get_kind_display()]
        if visit.facility:
            detail.append(str(visit.facility.name))
        if can_view_sensitive and visit.observations:
            detail.append(visit.observations)
        if visit.follow_up:
            detail.append(_("Follow-up: %(follow_up)s") % {"follow_up": visit.follow_up})
        planned = visit.outcome == VisitOutcome.PLANNED
        # A planned visit whose date has passed, with no outcome recorded, is not upcoming.
        lapsed = planned and visit.visited is not None and visit.visited.last_day < today
        outcome = _("not recorded") if lapsed else visit.get_outcome_display().lower()
        entries.append(
            Entry(
                visit.visited,
                "visit",
                _("Visit by %(visitors)s — %(outcome)s")
                % {"visitors": visit.visitors, "outcome": outcome},
                " · ".join(detail),
                _citations(visit),
                future=planned and not lapsed,
            )
        )
    _place_undated(entries)
    return sorted(entries, key=lambda e: e.sort_key)


# How a dated report reads on the timeline.
_REPORT_TITLES = {
    ReportedFact.STATUS: gettext_lazy("Status: %(label)s"),
    ReportedFact.DETAINING_COUNTRY: gettext_lazy("Held by %(label)s"),
    ReportedFact.FACILITY: gettext_lazy("Reported held at %(label)s"),
}


def _reported_entries(detainee: Detainee) -> list[Entry]:
    """The dated reports of changing facts, one entry per value and date with every source
    that gave it. Older reports stay on the timeline; the summary shows the latest."""
    extraditions = {ex.pk: ex for ex in detainee.extraditions.all()}
    groups: dict[tuple, list] = {}
    for report in detainee.reports.all():
        if report.fact in _REPORT_TITLES or report.fact == ReportedFact.EXTRADITION_STATUS:
            key = (report.fact, report.extradition_id, report.value, report.as_of)
            groups.setdefault(key, []).append(report)
    entries = []
    for (fact, extradition_id, value, _date), reports in groups.items():
        first = reports[0]
        label = dated_facts.value_label(fact, value, {first.facility_id: first.facility})
        if fact == ReportedFact.EXTRADITION_STATUS:
            ex = extraditions.get(extradition_id)
            if ex is None:
                continue
            title = _("Extradition %(status)s: %(route)s") % {
                "status": label.lower(),
                "route": f"{ex.from_country.name} → {ex.to_country.name}",
            }
            kind = "extradition"
        else:
            title = _REPORT_TITLES[fact] % {"label": label}
            kind = "status" if fact == ReportedFact.STATUS else "custody"
        by_caseworker = any(r.source_id is None for r in reports)
        entries.append(
            Entry(
                first.reported_as_of,
                kind,
                title,
                _("entered by a caseworker") if by_caseworker else _("as reported"),
                [r for r in reports if r.source_id],
            )
        )
    return entries


@dataclass
class Dispute:
    """A fact whose sources disagree, for the page's "disputed" badges and choice form."""

    state: dated_facts.FactState
    title: str


def disputes(detainee: Detainee, states: dict) -> list[Dispute]:
    sentences = {s.pk: s for c in detainee.cases.all() for s in c.sentences.all()}
    extraditions = {ex.pk: ex for ex in detainee.extraditions.all()}
    out = []
    for (fact, extradition_id, sentence_id), state in states.items():
        if not state.disputed:
            continue
        title = str(ReportedFact(fact).label)
        if sentence_id in sentences:
            sentence = sentences[sentence_id]
            country = sentence.case.country.name
            title = (
                _("Sentence term of %(date)s (%(country)s)")
                % {"date": sentence.sentenced.display(), "country": country}
                if sentence.sentenced
                else _("Sentence term (%(country)s)") % {"country": country}
            )
        if extradition_id in extraditions:
            ex = extraditions[extradition_id]
            title = _("Extradition status (%(route)s)") % {
                "route": f"{ex.from_country.code} → {ex.to_country.code}"
            }
        out.append(Dispute(state, title))
    return out


@dataclass
class Summary:
    nationalities: list
    current_facility: object
    custody_since: PartialDate | None
    days_in_custody: int | None
    latest_sentence: Sentence | None
    last_visit: ConsularVisit | None
    days_since_visit: int | None
    next_visit: ConsularVisit | None
    held: bool
    # Held, and the last completed visit is older than the visit interval (or none yet).
    visit_overdue: bool = False
    detaining_countries: list = field(default_factory=list)
    # The state of each reported fact of the detainee (status, detaining country, facility,
    # date of birth), by fact; a term's state is on `term_state`.
    facts: dict = field(default_factory=dict)
    term_state: object = None
    disputes: list = field(default_factory=list)


def summary(detainee: Detainee) -> Summary:
    today = timezone.localdate()
    periods = list(detainee.custody_periods.all())
    held = detainee.status in HELD_STATUSES
    states = dated_facts.detainee_fact_states(detainee)
    starts = [p.started for p in periods if p.started]
    starts += [c.arrested for c in detainee.cases.all() if c.arrested]
    starts += [e.arrested for e in detainee.extraditions.all() if e.arrested]
    since = min(starts, key=lambda d: d.value) if starts else None
    days = None
    if since:
        ends = [p.ended.last_day for p in periods if p.ended]
        until = today if held or not ends else max(ends)
        days = max((until - since.value).days, 0)
    sentences = [s for c in detainee.cases.all() for s in c.sentences.all()]
    latest = max(sentences, key=lambda s: (s.sentenced_on or dt.date.min, s.pk), default=None)
    visits = list(detainee.consular_visits.all())
    interval = settings.CONSULAR_VISIT_INTERVAL_DAYS
    # An undated completed visit is a visit too: it counts from the day it was reported.
    done = [v for v in visits if v.outcome == VisitOutcome.COMPLETED and v.counted_date]
    last = max(done, key=lambda v: (v.counted_date, v.pk), default=None)
    planned = [
        v
        for v in visits
        if v.outcome == VisitOutcome.PLANNED and v.visited_on and v.visited_on >= today
    ]
    return Summary(
        nationalities=list(detainee.nationalities.all()),
        # Derived from the latest dated reports (cases.services.detainee_facts_derive).
        current_facility=detainee.current_facility,
        custody_since=since,
        days_in_custody=days,
        latest_sentence=latest,
        last_visit=last,
        days_since_visit=(today - last.counted_date).days if last else None,
        next_visit=min(planned, key=lambda v: v.visited_on, default=None),
        held=held,
        visit_overdue=held and (last is None or (today - last.counted_date).days > interval),
        detaining_countries=[detainee.detaining_country.name] if detainee.detaining_country else [],
        facts={
            fact: state for (fact, ex, sentence), state in states.items() if not ex and not sentence
        },
        term_state=states.get((ReportedFact.SENTENCE_TERM, None, latest.pk)) if latest else None,
        disputes=disputes(detainee, states),
    )


@dataclass
class Change:
    when: dt.datetime
    who: object
    action: str
    record: str
    changes: list


ACTIONS = {
    "+": pgettext_lazy("history", "created"),
    "~": pgettext_lazy("history", "changed"),
    "-": pgettext_lazy("history", "deleted"),
}


def change_history(detainee: Detainee, *, can_view_sensitive: bool, limit: int = 40) -> list:
    """The django-simple-history records of the detainee and of every fact about them,
    newest first, each with the fields it changed. Sensitive fields are left out for
    roles that may not see them (their values live in the history rows too)."""
    case_ids = [c.pk for c in detainee.cases.all()]
    sources = [
        (_("Detainee"), Detainee.history.filter(id=detainee.pk)),
        (_("Name variant"), NameVariant.history.filter(detainee_id=detainee.pk)),
        (_("Custody period"), CustodyPeriod.history.filter(detainee_id=detainee.pk)),
        (_("Case"), Case.history.filter(detainee_id=detainee.pk)),
        (_("Charge"), Charge.history.filter(case_id__in=case_ids)),
        (_("Sentence"), Sentence.history.filter(case_id__in=case_ids)),
        (_("Extradition"), Extradition.history.filter(detainee_id=detainee.pk)),
        (_("Consular visit"), ConsularVisit.history.filter(detainee_id=detainee.pk)),
    ]
    rows = []
    for label, qs in sources:
        model = qs.model.instance_type
        hidden = set() if can_view_sensitive else sensitive_field_names(model)
        for record in qs.select_related("history_user").order_by("-history_date")[:limit]:
            rows.append((label, hidden, record))
    rows.sort(key=lambda r: r[2].history_date, reverse=True)
    changes = []
    for label, hidden, record in rows[:limit]:
        diffs = []
        if record.history_type == "~":
            previous = record.prev_record
            if previous is not None:
                delta = record.diff_against(previous, excluded_fields=hidden or None)
                diffs = [c.field for c in delta.changes if c.field not in hidden]
        changes.append(
            Change(
                when=record.history_date,
                who=record.history_user,
                action=ACTIONS.get(record.history_type, record.history_type),
                record=f"{label}: {_label(record)}",
                changes=[_field_label(record, name) for name in diffs],
            )
        )
    return changes


def _label(record) -> str:
    """A short name for the historical row, from its own columns only (no joins)."""
    model = record.instance_type
    if model is Detainee:
        return record.full_name
    if model is NameVariant:
        return record.name
    if model is Charge:
        return record.description
    if model is Case:
        return f"{record.country.name} {record.case_number}".strip()
    if model is Extradition:
        return f"{record.from_country.code} → {record.to_country.code}"
    if model is Sentence:
        term = Sentence(
            term_years=record.term_years, term_months=record.term_months, is_life=record.is_life
        ).term_display
        return term or _("sentence")
    date = record.visited_on if model is ConsularVisit else record.started_on
    return date.isoformat() if date else _("undated")


def _field_label(record, name: str) -> str:
    try:
        return str(record.instance_type._meta.get_field(name).verbose_name)
    except Exception:
        return name
