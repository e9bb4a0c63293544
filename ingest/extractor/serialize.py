"""The JSON shape of a result: the draft-record fields, plus the evidence spans behind them."""

from __future__ import annotations

from typing import Any

from .records import Detainee, ExtractionResult, Span


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span else None


def to_record(detainee: Detainee) -> dict[str, Any]:
    """One detainee as a plain dict. The top-level keys are the draft record; `evidence` maps
    each field to the [start, end) spans of the sentences that support it."""
    sentence = detainee.sentence
    # The draft record's extradition is a completed transfer; every step (requested, approved,
    # refused) stays listed under "extraditions".
    extradition = detainee.completed_extradition
    visits = [v for v in detainee.consular_visits if not v.denied]
    denied = [v for v in detainee.consular_visits if v.denied]
    return {
        "name": detainee.name,
        "name_original_script": detainee.name_original_script,
        "name_variants": list(detainee.name_variants),
        "nationality": [n.country for n in detainee.nationality],
        "detaining_country": detainee.detaining_country.country
        if detainee.detaining_country
        else None,
        "facility": detainee.facility.name if detainee.facility else None,
        "charges": [c.phrase for c in detainee.charges],
        "charge_categories": [c.category for c in detainee.charges],
        "sentence": None
        if sentence is None
        else {
            "years": sentence.years,
            "months": sentence.months,
            "life": sentence.life,
            "death": sentence.death,
            "commuted": sentence.commuted,
            "fine_amount": sentence.fine_amount,
            "fine_currency": sentence.fine_currency,
            "date": sentence.date,
        },
        "max_penalty_years": detainee.max_penalty.years if detainee.max_penalty else None,
        "max_penalty_life": bool(detainee.max_penalty and detainee.max_penalty.life),
        "extradition": None
        if extradition is None
        else {
            "from": extradition.from_country,
            "to": extradition.to_country,
            "date": extradition.date,
            "status": extradition.status,
        },
        "extraditions": [
            {"from": e.from_country, "to": e.to_country, "date": e.date, "status": e.status}
            for e in detainee.extraditions
        ],
        "arrest": None
        if detainee.arrest is None
        else {
            "date": detainee.arrest.date,
            "country": detainee.arrest.country,
            "place": detainee.arrest.place,
            "requested_by": detainee.arrest.requested_by,
        },
        "consular_visits": [{"visitor": v.visitor, "date": v.date, "kind": v.kind} for v in visits],
        "consular_access_denied": [{"date": v.date} for v in denied],
        "status": detainee.status,
        "evidence": {
            "mentions": [_span(m.span) for m in detainee.mentions],
            "nationality": [_span(n.evidence) for n in detainee.nationality],
            "detaining_country": _span(
                detainee.detaining_country.evidence if detainee.detaining_country else None
            ),
            "facility": _span(detainee.facility.evidence if detainee.facility else None),
            "charges": [_span(c.evidence) for c in detainee.charges],
            "sentence": _span(sentence.evidence if sentence else None),
            "max_penalty": _span(detainee.max_penalty.evidence if detainee.max_penalty else None),
            "extradition": [_span(s) for e in detainee.extraditions for s in e.evidence],
            "consular_visits": [_span(v.evidence) for v in visits],
            "consular_access_denied": [_span(v.evidence) for v in denied],
            "status": _span(detainee.status_evidence),
            "arrest": _span(detainee.arrest.evidence if detainee.arrest else None),
        },
    }


def result_to_dict(result: ExtractionResult, file: str | None = None) -> dict[str, Any]:
    """A whole result; `file` names the article when it came from one."""
    payload: dict[str, Any] = {}
    if file is not None:
        payload["file"] = file
    payload.update(
        {
            "extractor_version": result.extractor_version,
            "published": result.published,
            "language": result.language,
            "warnings": list(result.warnings),
            "detainees": [to_record(d) for d in result.detainees],
        }
    )
    return payload
