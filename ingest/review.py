"""What the draft page shows: the article with each fact's evidence marked, and a draft's
facts beside the current record of a detainee, with the differences named."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cases import names
from cases.models import Detainee

from . import facts as fact_rules
from .constants import FactKind


def highlight(text: str, marks: list[tuple[int, int, int, str]]) -> SafeString:
    """`text` escaped, with each (start, end, fact id, kind) range wrapped in <mark>.
    Overlapping ranges split into segments that carry every fact covering them."""
    bounds = {0, len(text)}
    for start, end, _fact, _kind in marks:
        if 0 <= start < end <= len(text):
            bounds.update((start, end))
    points = sorted(bounds)
    out = []
    for left, right in zip(points, points[1:], strict=False):
        segment = escape(text[left:right])
        covering = [
            (fact, kind) for start, end, fact, kind in marks if start <= left and right <= end
        ]
        if covering:
            fact_ids = " ".join(str(f) for f, _kind in covering)
            kinds = " ".join(sorted({f"fact-{k}" for _fact, k in covering}))
            first = covering[0][0]
            out.append(
                f'<mark class="{kinds}" data-facts="{fact_ids}" id="ev-{first}-{left}">'
                f"{segment}</mark>"
            )
        else:
            out.append(segment)
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


@dataclass
class Comparison:
    fact_id: int
    kind: str
    proposed: str
    current: str
    state: str  # "new", "same" or "differs"


def _same_name(a: str, b: str) -> bool:
    return names.search_key(a).strip() == names.search_key(b).strip()


def compare(draft_facts, detainee: Detainee) -> list[Comparison]:
    """Each fact against what the record already holds."""
    variants = [detainee.full_name, detainee.name_original_script] + [
        v.name for v in detainee.name_variants.all()
    ]
    nationalities = {n.country.code for n in detainee.nationalities.all()}
    cases = list(detainee.cases.all())
    charges = [c for case in cases for c in case.charges.all()]
    sentences = [s for case in cases for s in case.sentences.all()]
    facilities = [p.facility for p in detainee.custody_periods.all()]
    extraditions = list(detainee.extraditions.all())
    visits = list(detainee.consular_visits.all())
    rows = []
    for fact in draft_facts:
        v, kind = fact.value, fact.kind
        proposed = fact_rules.display(kind, v)
        current, state = "", "new"
        if kind in (FactKind.NAME, FactKind.NAME_VARIANT):
            match = next((n for n in variants if n and n.casefold() == v["name"].casefold()), None)
            similar = next((n for n in variants if n and _same_name(n, v["name"])), None)
            current = match or similar or detainee.full_name
            state = "same" if match else "new"
        elif kind == FactKind.NATIONALITY:
            current = ", ".join(sorted(nationalities))
            state = "same" if v.get("country") in nationalities else "new"
        elif kind == FactKind.STATUS:
            current = detainee.get_status_display()
            state = "same" if detainee.status == v.get("status") else "differs"
        elif kind == FactKind.DETAINING_COUNTRY:
            countries = sorted({c.country.code for c in cases})
            current = ", ".join(countries)
            state = "same" if v.get("country") in countries else ("differs" if cases else "new")
        elif kind == FactKind.ARREST:
            arrests = [c for c in cases if c.arrested or c.arrest_place]
            current = "; ".join(
                ", ".join(
                    p for p in (c.arrest_place, c.arrest_country.name, str(c.arrested or "")) if p
                )
                for c in arrests
            )
            same = any(
                c.arrested
                and c.arrested.isoformat() == v.get("date")
                and (not v.get("place") or c.arrest_place.casefold() == v["place"].casefold())
                for c in arrests
            )
            state = "same" if same else ("differs" if arrests else "new")
        elif kind == FactKind.FACILITY:
            current = "; ".join(f.name for f in facilities)
            state = (
                "same"
                if any(f.name.casefold() == v.get("name", "").casefold() for f in facilities)
                else ("differs" if facilities else "new")
            )
        elif kind == FactKind.CHARGE:
            current = "; ".join(c.description for c in charges)
            wanted = v.get("description", "").casefold()
            state = "same" if any(c.description.casefold() == wanted for c in charges) else "new"
        elif kind == FactKind.MAX_PENALTY:
            years = {c.max_penalty_years for c in charges if c.max_penalty_years is not None}
            current = ", ".join(f"up to {y} years" for y in sorted(years))
            state = "same" if v.get("years") in years else ("differs" if years else "new")
        elif kind == FactKind.SENTENCE:
            current = "; ".join(
                s.term_display + (f", fine {s.fine_display}" if s.fine_display else "")
                for s in sentences
            )
            same = any(
                s.term_years == v.get("years") and bool(s.is_life) == bool(v.get("life"))
                for s in sentences
            )
            state = "same" if same else ("differs" if sentences else "new")
        elif kind == FactKind.EXTRADITION:
            current = "; ".join(
                f"{e.from_country.code} → {e.to_country.code} {e.status}" for e in extraditions
            )
            same = any(
                e.from_country.code == v.get("from_country")
                and e.to_country.code == v.get("to_country")
                for e in extraditions
            )
            state = "same" if same else ("differs" if extraditions else "new")
        elif kind == FactKind.CONSULAR_VISIT:
            current = "; ".join(f"{x.visitors}, {x.visited or 'date unknown'}" for x in visits)
            same = any(
                x.visitors.casefold() == (v.get("visitor") or "").casefold()
                and (x.visited.isoformat() if x.visited else "") == v.get("date", "")
                for x in visits
            )
            state = "same" if same else "new"
        rows.append(Comparison(fact.pk, kind, proposed, current, state))
    return rows


def detainee_for_comparison(pk: int, user) -> Detainee | None:
    """The detainee with everything `compare` reads, in a fixed number of queries."""
    return (
        Detainee.objects.visible_to(user)
        .prefetch_related(
            "name_variants",
            "nationalities",
            "cases__charges",
            "cases__sentences",
            "custody_periods__facility",
            "extraditions",
            "consular_visits",
        )
        .filter(pk=pk)
        .first()
    )


@dataclass
class Written:
    """Where an accepted fact went: the record it wrote or cited, in words."""

    detainee_id: int | None
    detainee_name: str
    description: str
    admin_url: str = ""


def _record_description(record) -> str:
    label = type(record)._meta.label_lower
    if label == "cases.namevariant":
        return f"name variant “{record.name}”"
    if label == "cases.nationality":
        return f"nationality {record.country.name}"
    if label == "cases.detainee":
        return f"status {record.get_status_display().lower()}"
    if label == "cases.case":
        arrested = f", arrested {record.arrested}" if record.arrested else ""
        return f"case in {record.country.name}{arrested}"
    if label == "cases.custodyperiod":
        return f"custody at {record.facility.name}"
    if label == "cases.charge":
        return f"charge “{record.description}”"
    if label == "cases.sentence":
        if record.sentenced:
            return f"sentence of {record.sentenced}"
        return f"sentence ({record.term_display or record.fine_display or 'undated'})"
    if label == "cases.extradition":
        return f"extradition {record.from_country.code} → {record.to_country.code}"
    if label == "consular.consularvisit":
        return f"visit of {record.visited or 'unknown date'}"
    return f"{type(record)._meta.verbose_name} “{record}”"


def written_records(draft_facts, *, detainee: Detainee | None, user=None) -> dict[int, Written]:
    """For each accepted fact, the record it wrote, loaded in one query per kind of record.
    A record deleted since reads as such."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    wanted: dict[str, set[int]] = {}
    for fact in draft_facts:
        if fact.record_type and fact.record_id:
            wanted.setdefault(fact.record_type, set()).add(fact.record_id)
    loaded = {}
    for label, ids in wanted.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        related = [
            f.name for f in model._meta.concrete_fields if f.many_to_one and f.name in ("facility",)
        ]
        for pk, record in model._default_manager.select_related(*related).in_bulk(ids).items():
            loaded[(label, pk)] = record
    can_admin = bool(user and user.is_staff)
    out = {}
    for fact in draft_facts:
        if not (fact.record_type and fact.record_id):
            continue
        record = loaded.get((fact.record_type, fact.record_id))
        if record is None:
            description, url = "a record since removed", ""
        else:
            description, url = _record_description(record), ""
            if can_admin:
                opts = type(record)._meta
                try:
                    url = reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]
                    )
                except NoReverseMatch:
                    url = ""
        out[fact.pk] = Written(
            detainee_id=detainee.pk if detainee else None,
            detainee_name=detainee.full_name if detainee else "",
            description=description,
            admin_url=url,
        )
    return out


def merge_changes(draft_facts, detainee: Detainee) -> list[str]:
    """What writing these facts to `detainee` would change on the record, one line each:
    what the confirmation of a merge into someone other than the suggestion lists."""
    lines = []
    for row in compare(draft_facts, detainee):
        if row.state == "same":
            continue
        label = FactKind(row.kind).label
        if row.kind == FactKind.DETAINING_COUNTRY and row.state != "same":
            lines.append(
                _("New case in %(country)s (cases now: %(current)s)")
                % {"country": row.proposed, "current": row.current or _("none")}
            )
        elif row.kind == FactKind.STATUS:
            lines.append(
                _("Status: %(current)s → %(proposed)s")
                % {"current": row.current or "—", "proposed": row.proposed}
            )
        elif row.kind in (FactKind.NAME, FactKind.NAME_VARIANT):
            lines.append(_("New name: %(name)s") % {"name": row.proposed})
        elif row.state == "differs":
            lines.append(
                _("%(fact)s: %(proposed)s (record has: %(current)s)")
                % {"fact": label, "proposed": row.proposed, "current": row.current}
            )
        else:
            lines.append(
                _("New %(fact)s: %(proposed)s") % {"fact": label.lower(), "proposed": row.proposed}
            )
    return lines
