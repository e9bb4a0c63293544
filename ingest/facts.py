"""Draft facts: what each kind holds, how the extractor's output becomes facts, and how a
reviewer's edits are checked. Values are plain JSON in the vocabulary of the case records
(country codes, `cases.constants` choices, partial dates as ISO strings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cases.constants import ChargeCategory, DetaineeStatus, ExtraditionStatus
from cases.errors import DomainError
from cases.partial_dates import PartialDate, PartialDateError
from cases.partial_dates import parse as parse_partial_date
from consular.constants import VisitKind

from . import name_comparison
from .constants import FactKind

# The extractor's status words, in the case record's vocabulary.
STATUS_FROM_EXTRACTOR = {
    "detained": DetaineeStatus.DETAINED,
    "charged": DetaineeStatus.CHARGED,
    "convicted": DetaineeStatus.CONVICTED,
    "released": DetaineeStatus.RELEASED,
    "deported": DetaineeStatus.DEPORTED,
    "exchanged": DetaineeStatus.EXCHANGED,
    # Handed over and now held by the requesting country.
    "extradited": DetaineeStatus.DETAINED,
    "unknown": DetaineeStatus.UNKNOWN,
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str  # text, country, choice, int, bool, decimal, currency, date
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()


def _choices(enum) -> tuple[tuple[str, str], ...]:
    return tuple((value, label) for value, label in enum.choices)


VISIT_KINDS = (("", _("Unknown")), *_choices(VisitKind))

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    FactKind.NAME: (
        FieldSpec("name", _("Full name"), "text", required=True),
        FieldSpec("original_script", _("Name in its own script"), "text"),
    ),
    FactKind.NAME_VARIANT: (FieldSpec("name", _("Spelling"), "text", required=True),),
    FactKind.NATIONALITY: (FieldSpec("country", _("Country"), "country", required=True),),
    FactKind.STATUS: (
        FieldSpec("status", _("Status"), "choice", required=True, choices=_choices(DetaineeStatus)),
    ),
    FactKind.DETAINING_COUNTRY: (FieldSpec("country", _("Country"), "country", required=True),),
    FactKind.ARREST: (
        FieldSpec("date", _("Arrested on"), "date"),
        FieldSpec("country", _("Country (default: detaining country)"), "country"),
        FieldSpec("place", _("Place"), "text"),
        FieldSpec("requested_by", _("At the request of"), "country"),
    ),
    FactKind.FACILITY: (
        FieldSpec("name", _("Facility"), "text", required=True),
        FieldSpec("country", _("Country (default: detaining country)"), "country"),
    ),
    FactKind.CHARGE: (
        FieldSpec("description", _("Charge"), "text", required=True),
        FieldSpec("category", _("Category"), "choice", choices=_choices(ChargeCategory)),
        # When the text says when it was brought; else the charge is dated by the article.
        FieldSpec("date", _("Charged on"), "date"),
    ),
    FactKind.MAX_PENALTY: (
        FieldSpec("years", _("Up to (years)"), "int", required=True),
        FieldSpec("life", _("Life"), "bool"),
    ),
    FactKind.SENTENCE: (
        FieldSpec("years", _("Years"), "int"),
        FieldSpec("months", _("Months"), "int"),
        FieldSpec("life", _("Life"), "bool"),
        FieldSpec("death", _("Death sentence"), "bool"),
        FieldSpec("fine_amount", _("Fine"), "decimal"),
        FieldSpec("fine_currency", _("Currency"), "currency"),
        FieldSpec("date", _("Sentenced on"), "date"),
    ),
    FactKind.EXTRADITION: (
        FieldSpec("from_country", _("From (surrendering country)"), "country", required=True),
        FieldSpec("to_country", _("To (requesting country)"), "country", required=True),
        FieldSpec("date", _("Date"), "date"),
        FieldSpec("status", _("Status"), "choice", choices=_choices(ExtraditionStatus)),
    ),
    FactKind.CONSULAR_VISIT: (
        FieldSpec("visitor", _("Visitor"), "text"),
        FieldSpec("date", _("Date"), "date"),
        FieldSpec("kind", _("Kind"), "choice", choices=VISIT_KINDS),
        FieldSpec("denied", _("Access denied"), "bool"),
    ),
}

_DEFAULTS = {
    FactKind.CHARGE: {"category": ChargeCategory.OTHER},
    FactKind.EXTRADITION: {"status": ExtraditionStatus.REQUESTED},
}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _error(kind: str, spec: FieldSpec, message: str) -> DomainError:
    return DomainError(f"{FactKind(kind).label}, {spec.label.lower()}: {message}", field=spec.name)


def _clean_field(kind: str, spec: FieldSpec, raw):
    if isinstance(raw, str) and _CONTROL.search(raw):
        # PostgreSQL cannot store NUL, and no fact needs a control character.
        raise _error(kind, spec, gettext("contains a control character; type the text again."))
    if raw is not None and not isinstance(raw, str | int | float | bool):
        raise _error(kind, spec, gettext("give a single value, not a list or an object."))
    empty = raw is None or (isinstance(raw, str) and not raw.strip())
    if spec.type == "bool":
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "on", "yes")
        return bool(raw)
    if empty:
        if spec.required:
            raise _error(kind, spec, gettext("this is required."))
        return None if spec.type in ("int", "decimal") else ""
    if spec.type == "text":
        return " ".join(str(raw).split())[:500]
    if spec.type == "country":
        code = str(raw).strip().upper()
        if pycountry.countries.get(alpha_2=code) is None:
            raise _error(
                kind, spec, gettext("%(value)r is not an ISO 3166 country code.") % {"value": raw}
            )
        return code
    if spec.type == "currency":
        code = str(raw).strip().upper()
        if pycountry.currencies.get(alpha_3=code) is None:
            raise _error(
                kind, spec, gettext("%(value)r is not an ISO 4217 currency code.") % {"value": raw}
            )
        return code
    if spec.type == "choice":
        value = str(raw).strip()
        if value not in {c for c, _label in spec.choices}:
            raise _error(
                kind, spec, gettext("%(value)r is not one of the choices.") % {"value": raw}
            )
        return value
    if spec.type == "int":
        try:
            number = float(raw)
        except (TypeError, ValueError) as exc:
            raise _error(
                kind, spec, gettext("%(value)r is not a number.") % {"value": raw}
            ) from exc
        if number < 0 or number != int(number) or number > 10000:
            raise _error(kind, spec, gettext("give a whole number of zero or more."))
        return int(number)
    if spec.type == "decimal":
        try:
            amount = Decimal(str(raw).replace(",", "").strip())
        except InvalidOperation as exc:
            raise _error(
                kind, spec, gettext("%(value)r is not an amount.") % {"value": raw}
            ) from exc
        if not amount.is_finite() or amount < 0 or amount >= Decimal("1e16"):
            raise _error(kind, spec, gettext("give an amount of zero or more."))
        return format(amount.quantize(Decimal("0.01")), "f")
    if spec.type == "date":
        try:
            return parse_partial_date(str(raw)).isoformat()
        except PartialDateError as exc:
            raise _error(kind, spec, str(exc)) from exc
    raise AssertionError(spec.type)


def clean_value(kind: str, raw: dict) -> dict:
    """A fact value checked against its kind's fields; unknown keys are dropped."""
    if kind not in FIELDS:
        raise DomainError(f"Unknown fact kind {kind!r}.", field="kind")
    if not isinstance(raw, dict):
        raise DomainError(gettext("A fact's value is an object of fields."), field="value")
    raw = {**_DEFAULTS.get(kind, {}), **raw}
    value, errors = {}, {}
    for spec in FIELDS[kind]:
        try:
            value[spec.name] = _clean_field(kind, spec, raw.get(spec.name))
        except DomainError as exc:
            errors[spec.name] = exc.message
    if errors:
        # Every bad field at once, so that a form can show each beside its field.
        name, message = next(iter(errors.items()))
        raise DomainError(message, field=name, details=errors if len(errors) > 1 else None)
    if kind == FactKind.SENTENCE:
        if value["months"] is not None and value["months"] >= 12:
            value["years"] = (value["years"] or 0) + value["months"] // 12
            value["months"] = value["months"] % 12
        if bool(value["fine_amount"]) != bool(value["fine_currency"]):
            raise DomainError(
                gettext("Sentence: a fine needs both an amount and a currency."), field="fine"
            )
        if (
            not (value["years"] or value["months"] or value["life"] or value["death"])
            and not (value["fine_amount"])
        ):
            raise DomainError(
                gettext("Sentence: give a term, life, death or a fine."), field="years"
            )
    if kind == FactKind.ARREST:
        if not (value["date"] or value["place"]):
            raise DomainError(gettext("Arrest: give when or where it was made."), field="date")
        if value["requested_by"] and value["requested_by"] == value["country"]:
            raise DomainError(
                gettext(
                    "Arrest: the requesting country is another country than the one that made it."
                ),
                field="requested_by",
            )
    if kind == FactKind.EXTRADITION and value["from_country"] == value["to_country"]:
        raise DomainError(
            gettext("Extradition: the two countries must differ."), field="to_country"
        )
    return value


def partial(value: str) -> PartialDate | None:
    return parse_partial_date(value) if value else None


def display(kind: str, value: dict) -> str:
    """A one-line reading of a fact for pages and diffs."""
    v = value
    if kind in (FactKind.NAME, FactKind.NAME_VARIANT):
        return v.get("name", "")
    if kind in (FactKind.NATIONALITY, FactKind.DETAINING_COUNTRY):
        return _country_name(v.get("country"))
    if kind == FactKind.STATUS:
        return DetaineeStatus(v["status"]).label if v.get("status") else ""
    if kind == FactKind.ARREST:
        where = ", ".join(p for p in (v.get("place"), _country_name(v.get("country"))) if p)
        parts = [where or gettext("place unknown"), v.get("date") or gettext("date unknown")]
        if v.get("requested_by"):
            parts.append(
                gettext("at the request of %(country)s")
                % {"country": _country_name(v["requested_by"])}
            )
        return ", ".join(parts)
    if kind == FactKind.FACILITY:
        country = f" ({_country_name(v['country'])})" if v.get("country") else ""
        return f"{v.get('name', '')}{country}"
    if kind == FactKind.CHARGE:
        category = ChargeCategory(v.get("category") or "other").label
        charged = gettext(", charged %(date)s") % {"date": v["date"]} if v.get("date") else ""
        return f"{v.get('description', '')} [{category}]{charged}"
    if kind == FactKind.MAX_PENALTY:
        if v.get("life"):
            return str(_("life"))
        years = int(v.get("years") or 0)
        return ngettext("up to %(years)s year", "up to %(years)s years", years) % {"years": years}
    if kind == FactKind.SENTENCE:
        return sentence_display(v)
    if kind == FactKind.EXTRADITION:
        route = f"{v.get('from_country') or '?'} → {v.get('to_country') or '?'}"
        return " ".join(p for p in (route, v.get("status", ""), v.get("date", "")) if p)
    if kind == FactKind.CONSULAR_VISIT:
        parts = [
            v.get("visitor") or gettext("unnamed official"),
            v.get("date") or gettext("date unknown"),
        ]
        if v.get("denied"):
            parts.append(gettext("access denied"))
        return ", ".join(parts)
    return str(v)


def sentence_display(v: dict) -> str:
    parts = []
    if v.get("death"):
        parts.append(gettext("death sentence"))
    elif v.get("life"):
        parts.append(str(_("life")))
    else:
        if v.get("years"):
            years = int(v["years"])
            parts.append(ngettext("%(n)d year", "%(n)d years", years) % {"n": years})
        if v.get("months"):
            months = int(v["months"])
            parts.append(ngettext("%(n)d month", "%(n)d months", months) % {"n": months})
    if v.get("fine_amount"):
        amount = number_format(Decimal(v["fine_amount"]), 0, force_grouping=True)
        fine = f"{v.get('fine_currency', '')} {amount}"
        parts.append(gettext("fine %(fine)s") % {"fine": fine})
    if v.get("date"):
        parts.append(gettext("on %(date)s") % {"date": v["date"]})
    return ", ".join(parts)


def _country_name(code: str | None) -> str:
    if not code:
        return ""
    # In the interface's language, as the case pages name countries.
    return str(countries.name(code)) or code


# --- From the extractor ------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widens a span to the sentence (or sentences) it sits in."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    match = _SENTENCE_END.search(text, max(end - 1, start))
    if match:
        right = match.start()
    return left, right


@dataclass
class ExtractedFact:
    kind: str
    value: dict
    spans: list[list[int]] = field(default_factory=list)
    quote: str = ""
    note: str = ""


def _fact(kind: str, value: dict, spans, text: str) -> ExtractedFact:
    ranges = sorted({(s.start, s.end) for s in spans if s is not None and s.end > s.start})
    sentences: list[str] = []
    for start, end in ranges:
        left, right = sentence_around(text, start, end)
        sentence = " ".join(text[left:right].split())
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    try:
        cleaned, note = clean_value(kind, value), ""
    except DomainError as exc:
        # Kept with the gap named, so the reviewer can fill it in or leave it out.
        cleaned, note = _loose(kind, value), exc.message
    return ExtractedFact(
        kind=kind,
        value=cleaned,
        spans=[[s, e] for s, e in ranges],
        quote=" … ".join(sentences),
        note=note,
    )


def _loose(kind: str, value: dict) -> dict:
    """The value kept as the extractor gave it, shaped like a cleaned one."""
    out = {}
    for spec in FIELDS[kind]:
        raw = value.get(spec.name)
        if spec.type == "bool":
            out[spec.name] = bool(raw)
        elif spec.type in ("int", "decimal"):
            out[spec.name] = raw
        else:
            out[spec.name] = "" if raw is None else str(raw)
    return out


def _amount(value) -> str | None:
    if value is None:
        return None
    return format(Decimal(str(value)).quantize(Decimal("0.01")), "f")


def person_name(name: str) -> str:
    """A drafted person's name without titles or ranks ("Marine Paul Whelan" → "Paul
    Whelan"); the name as given when nothing but a title would be left."""
    return name_comparison.remove_titles(name) or " ".join(name.split())


def is_bare_given_name(variant: str, full_name: str) -> bool:
    """One word that is not the surname of `full_name`: "Paul" for "Paul Whelan"."""
    words = variant.split()
    main = name_comparison.parse(full_name)
    if len(words) != 1 or not main.given:
        return False
    folded = name_comparison.parse(variant).surname
    return not any(
        name_comparison.compare_surname_part(part, theirs).level
        for part in folded
        for theirs in main.surname
    )


# Date words a charge phrase sometimes drags along: "spying Monday", "fraud last week".
_TRAILING_DATE_WORDS = re.compile(
    r"(?:\s+(?:on|last|this|next|early|late|in|since|and)?\s*"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"week|month|year|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{1,4}(?:st|nd|rd|th)?))+[.,;]?$",
    re.IGNORECASE,
)


def charge_phrase(phrase: str) -> str:
    """A charge without trailing date words; the phrase as given if nothing else is left."""
    cleaned = _TRAILING_DATE_WORDS.sub("", " ".join((phrase or "").split())).strip(" ,;")
    return cleaned or " ".join((phrase or "").split())


def facts_from_extracted(person, text: str) -> list[ExtractedFact]:
    """The facts of one extracted person, each with its evidence, in reading order.

    Names lose titles and ranks, a bare given name is never offered as a variant, charges
    lose trailing date words, and a visit with neither a visitor nor a date is not offered.
    """
    mentions = {}
    for mention in person.mentions:
        mentions.setdefault(mention.text.casefold(), []).append(mention.span)
    first_mention = [person.mentions[0].span] if person.mentions else []
    full_name = person_name(person.name)
    facts = [
        _fact(
            FactKind.NAME,
            {
                "name": full_name,
                # "Роман Селезнёв" beside "Roman Seleznev", when the text wrote it so.
                "original_script": getattr(person, "name_original_script", None) or "",
            },
            mentions.get(person.name.casefold(), first_mention)[:1],
            text,
        )
    ]
    seen = {full_name.casefold()}
    for spelling in person.name_variants:
        variant = name_comparison.remove_titles(spelling)
        if not variant or variant.casefold() in seen or is_bare_given_name(variant, full_name):
            continue
        seen.add(variant.casefold())
        spans = mentions.get(spelling.casefold(), [])[:1]
        facts.append(_fact(FactKind.NAME_VARIANT, {"name": variant}, spans, text))
    for nationality in person.nationality:
        facts.append(
            _fact(
                FactKind.NATIONALITY, {"country": nationality.country}, [nationality.evidence], text
            )
        )
    if person.status and person.status != "unknown":
        facts.append(
            _fact(
                FactKind.STATUS,
                {"status": STATUS_FROM_EXTRACTOR.get(person.status, DetaineeStatus.UNKNOWN)},
                [person.status_evidence],
                text,
            )
        )
    detaining = person.detaining_country
    if detaining is not None:
        facts.append(
            _fact(
                FactKind.DETAINING_COUNTRY,
                {"country": detaining.country},
                [detaining.evidence],
                text,
            )
        )
    arrest = getattr(person, "arrest", None)
    if arrest is not None:
        facts.append(
            _fact(
                FactKind.ARREST,
                {
                    "date": arrest.date or "",
                    "country": arrest.country or "",
                    "place": arrest.place or "",
                    "requested_by": arrest.requested_by or "",
                },
                [arrest.evidence],
                text,
            )
        )
    if person.facility is not None:
        facts.append(
            _fact(
                FactKind.FACILITY,
                {"name": person.facility.name, "country": detaining.country if detaining else ""},
                [person.facility.evidence],
                text,
            )
        )
    for charge in person.charges:
        facts.append(
            _fact(
                FactKind.CHARGE,
                {"description": charge_phrase(charge.phrase), "category": charge.category},
                [charge.evidence],
                text,
            )
        )
    if person.max_penalty is not None:
        years = person.max_penalty.years
        facts.append(
            _fact(
                FactKind.MAX_PENALTY,
                {
                    "years": round(years) if years is not None else None,
                    "life": person.max_penalty.life,
                },
                [person.max_penalty.evidence],
                text,
            )
        )
    if person.sentence is not None:
        s = person.sentence
        facts.append(
            _fact(
                FactKind.SENTENCE,
                {
                    "years": s.years,
                    "months": s.months,
                    "life": s.life,
                    "death": s.death,
                    "fine_amount": _amount(s.fine_amount),
                    "fine_currency": s.fine_currency or "",
                    "date": s.date or "",
                },
                [s.evidence],
                text,
            )
        )
    for extradition in person.extraditions:
        facts.append(
            _fact(
                FactKind.EXTRADITION,
                {
                    "from_country": extradition.from_country or "",
                    "to_country": extradition.to_country or "",
                    "date": extradition.date or "",
                    "status": extradition.status,
                },
                list(extradition.evidence),
                text,
            )
        )
    for visit in person.consular_visits:
        if not visit.visitor and not visit.date:
            continue  # nothing to tell it from any other visit
        facts.append(
            _fact(
                FactKind.CONSULAR_VISIT,
                {
                    "visitor": visit.visitor or "",
                    "date": visit.date or "",
                    "kind": visit.kind if visit.kind in VisitKind.values else "",
                    "denied": visit.denied,
                },
                [visit.evidence],
                text,
            )
        )
    return facts
