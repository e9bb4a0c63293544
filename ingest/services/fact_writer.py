"""Writing the accepted facts of one draft to one detainee, through the case and consular
services: which case each fact belongs to, opened or cited as need be."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cases import services as case_services
from cases.constants import CaseStatus, ExtraditionStatus, FacilityKind
from cases.errors import DomainError
from cases.models import Case, Detainee, Source
from consular import services as consular_services
from consular.constants import VisitKind, VisitOutcome

from .. import facts
from ..constants import FactKind
from ..models import DraftFact

UNNAMED_VISITOR = "Consular official (not named)"


class _FactWriter:
    """Writes accepted facts of one draft to one detainee, through the case services."""

    def __init__(self, *, detainee: Detainee, source: Source, chosen: list[DraftFact], draft):
        self.detainee = detainee
        self.source = source
        self.draft = draft
        self.chosen = chosen
        self.case: Case | None = None
        self.charges = []

    def _value_of(self, kind: str) -> dict | None:
        for fact in self.chosen:
            if fact.kind == kind:
                return fact.value
        return None

    def _case_status(self) -> str:
        if self._value_of(FactKind.SENTENCE):
            return CaseStatus.SENTENCED
        if self._value_of(FactKind.CHARGE):
            return CaseStatus.PRE_TRIAL
        return CaseStatus.INVESTIGATION

    def _prosecuting_country(self, country: str) -> str:
        """The country whose case a fact belongs to. A country that arrested the person
        and surrendered them to another holds an arrest and an extradition, not a
        prosecution of its own: their case is the requesting country's, unless the record
        already has a case there."""
        if self.detainee.cases.filter(country=country).exists():
            return country
        for fact in self.chosen:
            if fact.kind == FactKind.EXTRADITION and fact.value.get("from_country") == country:
                return fact.value.get("to_country") or country
        extradition = self.detainee.extraditions.filter(from_country=country).first()
        return extradition.to_country.code if extradition else country

    def _open_case(self, country: str, fact: DraftFact | None = None) -> Case:
        country = self._prosecuting_country(country)
        case = self.detainee.cases.filter(country=country).order_by("-id").first()
        quote = fact.quote if fact else ""
        if case is None:
            case = case_services.case_open(
                detainee=self.detainee,
                country=country,
                status=self._case_status(),
                source=self.source,
                quote=quote,
            )
        else:
            case_services.cite(case, self.source, quote)
        return case

    def case_for(self, fact: DraftFact) -> Case:
        if self.case is not None:
            return self.case
        country = (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get("country")
        if not country:
            existing = self.detainee.cases.order_by("-id").first()
            if existing is not None:
                self.case = existing
                return existing
            raise DomainError(
                _("%(fact)s needs a case: accept or enter the detaining country too.")
                % {"fact": FactKind(fact.kind).label},
                field="detaining_country",
            )
        self.case = self._open_case(country)
        return self.case

    def _arrest(self, fact: DraftFact) -> Case:
        """An arrest goes on the case it began: the requesting country's case when another
        country made it at that country's request, else the case in the detaining country,
        else the detainee's case in the arresting country (opened if need be)."""
        v = fact.value
        detaining = (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get("country")
        country = v.get("country") or detaining
        if not country:
            raise DomainError(_("Arrest: give the country where it was made."), field="country")
        prosecuting = v.get("requested_by") or detaining
        if prosecuting:
            case = (
                self.case
                if self.case is not None and self.case.country.code == prosecuting
                else self._open_case(prosecuting, fact)
            )
        else:
            case = self.detainee.cases.filter(country=country).order_by("-id").first()
            case = case or self._open_case(country, fact)
        requested_by = v.get("requested_by") or ""
        if not requested_by and case.country.code != country:
            requested_by = case.country.code
        return case_services.case_arrest_record(
            case=case,
            arrested=facts.partial(v.get("date", "")),
            country=country,
            place=v.get("place", ""),
            requested_by=requested_by,
            source=self.source,
            quote=fact.quote,
        )

    def write(self, fact: DraftFact):
        v, src, quote, d = fact.value, self.source, fact.quote, self.detainee
        kind = fact.kind
        # Names, nationalities and charges are dated by the article (its publication
        # date) unless the reviewer gives the event's date.
        if kind in (FactKind.NAME, FactKind.NAME_VARIANT):
            return case_services.name_variant_add(
                detainee=d, name=v["name"], source=src, quote=quote
            )
        if kind == FactKind.NATIONALITY:
            return case_services.nationality_add(
                detainee=d, country=v["country"], source=src, quote=quote
            )
        if kind == FactKind.STATUS:
            # Dated by the article: an older article's status joins the timeline but does
            # not replace a newer one.
            return case_services.detainee_status_record(
                detainee=d, status=v["status"], source=src, quote=quote
            )
        if kind == FactKind.DETAINING_COUNTRY:
            case_services.detainee_country_record(
                detainee=d, country=v["country"], source=src, quote=quote
            )
            self.case = self._open_case(v["country"], fact)
            return self.case
        if kind == FactKind.ARREST:
            return self._arrest(fact)
        if kind == FactKind.FACILITY:
            country = v.get("country") or (self._value_of(FactKind.DETAINING_COUNTRY) or {}).get(
                "country"
            )
            if not country:
                raise DomainError(_("Facility: give the country it is in."), field="country")
            facility = case_services.facility_get_or_create(
                name=v["name"], country=country, kind=FacilityKind.PRISON
            )
            return case_services.custody_period_record(
                detainee=d, facility=facility, source=src, quote=quote
            )
        if kind == FactKind.CHARGE:
            charge = case_services.charge_add(
                case=self.case_for(fact),
                description=v["description"],
                category=v.get("category") or "other",
                as_of=facts.partial(v.get("date", "")),
                source=src,
                quote=quote,
            )
            self.charges.append(charge)
            return charge
        if kind == FactKind.MAX_PENALTY:
            charges = self.charges or list(self.case_for(fact).charges.all())
            if not charges:
                raise DomainError(
                    _("Maximum penalty: it applies to a charge; accept a charge too."),
                    field="max_penalty",
                )
            for charge in charges:
                case_services.charge_max_penalty_record(
                    charge=charge, years=v["years"], source=src, quote=quote
                )
            return charges[0]
        if kind == FactKind.SENTENCE:
            return case_services.sentence_record(
                case=self.case_for(fact),
                sentenced=facts.partial(v.get("date", "")),
                term_years=v.get("years"),
                term_months=v.get("months"),
                is_life=bool(v.get("life")) and not v.get("death"),
                fine_amount=facts.Decimal(v["fine_amount"]) if v.get("fine_amount") else None,
                fine_currency=v.get("fine_currency", ""),
                notes="Death sentence." if v.get("death") else "",
                source=src,
                quote=quote,
            )
        if kind == FactKind.EXTRADITION:
            status = v.get("status") or ExtraditionStatus.REQUESTED
            date = facts.partial(v.get("date", ""))
            return case_services.extradition_record(
                detainee=d,
                from_country=v["from_country"],
                to_country=v["to_country"],
                status=status,
                surrendered=date if status == ExtraditionStatus.SURRENDERED else None,
                decided=date if status in (ExtraditionStatus.APPROVED, "refused") else None,
                as_of=date,
                case=self.case,
                source=src,
                quote=quote,
            )
        if kind == FactKind.CONSULAR_VISIT:
            return consular_services.visit_record(
                detainee=d,
                visitors=v.get("visitor") or UNNAMED_VISITOR,
                visited=facts.partial(v.get("date", "")),
                kind=v.get("kind") or VisitKind.IN_PERSON,
                outcome=VisitOutcome.ACCESS_DENIED if v.get("denied") else VisitOutcome.COMPLETED,
                source=src,
                quote=quote,
            )
        raise DomainError(f"Unknown fact kind {kind!r}.")
