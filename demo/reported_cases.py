"""The cases reported by the two news stories the product started from, written out by
hand through the case services. Every fact cites the story it came from.

One later development is recorded as dated, sourced facts: Roman Seleznyov was released to
Russia in the prisoner exchange of 1 August 2024. His record shows how a newer report wins:
the 2023 story's "convicted, held at Butner" stays on the timeline, while his status reads
exchanged and no country holds him."""

from decimal import Decimal

from cases import services
from cases.constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    SourceKind,
)
from cases.models import Detainee
from cases.partial_dates import parse
from consular.constants import VisitOutcome
from consular.services import visit_record

AMBASSADOR = "Ambassador Anatoly Antonov"


def _detainee(full_name: str, **kwargs) -> tuple[Detainee, bool]:
    existing = Detainee.objects.search(full_name).filter(full_name=full_name).first()
    if existing:
        return existing, False
    return services.detainee_create(full_name=full_name, **kwargs), True


def _record_exchange(seleznyov: Detainee, butner) -> None:
    """The prisoner exchange of 1 August 2024, as reported that day. Each write is a dated
    report or finds what it wrote before, so running it again changes nothing."""
    exchange_story = services.source_get_or_create(
        title="Russia and Western countries carry out a prisoner exchange in Ankara",
        outlet="News report",
        published=parse("2024-08-01"),
        language="en",
        kind=SourceKind.ARTICLE,
    )
    exchanged_on = parse("2024-08-01")
    services.detainee_status_record(
        detainee=seleznyov,
        status=DetaineeStatus.EXCHANGED,
        as_of=exchanged_on,
        source=exchange_story,
        quote="Roman Seleznyov was among the prisoners released to Russia in the exchange",
    )
    period = seleznyov.custody_periods.filter(facility=butner, ended_on__isnull=True).first()
    if period is not None:
        services.record_update(record=period, changes={"ended_on": exchanged_on})
        services.cite(period, exchange_story, "released from US custody in the exchange")


def load_reported_cases() -> int:
    """Records the reported cases once; returns how many detainees it created."""
    envoy_story = services.source_get_or_create(
        title="US continues hunt for Russian citizens in third countries — Russian envoy",
        outlet="TASS",
        published=parse("2023-04-06"),
        language="en",
        kind=SourceKind.ARTICLE,
    )
    visits_story = services.source_get_or_create(
        url="",
        title="Russian envoy visits two compatriots held in Brooklyn",
        outlet="News report, New Delhi",
        published=parse("2023-04-28"),
        language="en",
    )
    created = 0
    butner = services.facility_get_or_create(
        name="Federal Correctional Complex Butner",
        country="US",
        kind=FacilityKind.PRISON,
        locality="Butner, North Carolina",
    )
    brooklyn = services.facility_get_or_create(
        name="Metropolitan Detention Center Brooklyn",
        country="US",
        kind=FacilityKind.PRE_TRIAL,
        locality="Brooklyn, New York",
    )

    # Roman Seleznyov: convicted in Seattle, serving 27 years at Butner.
    seleznyov, new = _detainee(
        "Roman Seleznyov",
        name_original_script="Роман Селезнёв",
        nationalities=["RU"],
        name_variants=["Seleznev", "Seleznyouv", "Seleznyov"],
        status=DetaineeStatus.CONVICTED,
        sex="m",
        source=envoy_story,
        quote="visiting Russian citizen Roman Seleznyov, who is currently imprisoned in Butner",
    )
    if new:
        created += 1
        services.detainee_country_record(
            detainee=seleznyov,
            country="US",
            source=envoy_story,
            quote="held in a US federal prison in North Carolina",
        )
        seleznyov.welfare_notes = "The ambassador reports that his health is not very good."
        seleznyov.save(update_fields=["welfare_notes"])
        services.custody_period_record(
            detainee=seleznyov,
            facility=butner,
            source=envoy_story,
            quote="serving a sentence in North Carolina's Butner prison complex",
        )
        case = services.case_open(
            detainee=seleznyov,
            country="US",
            status=CaseStatus.SENTENCED,
            court="US federal district court, Seattle",
            source=envoy_story,
        )
        for description in ("cyber crime", "computer hacks that hit more than 200 US businesses"):
            services.charge_add(
                case=case,
                description=description,
                category=ChargeCategory.CYBERCRIME,
                disposition=ChargeDisposition.CONVICTED,
                source=envoy_story,
                quote="In August 2016, the jury found him guilty of cyber crime.",
            )
        services.sentence_record(
            case=case,
            sentenced=parse("2017-04-21"),
            term_years=27,
            term_months=0,
            fine_amount=Decimal("170000000"),
            fine_currency="USD",
            court="US federal district court, Seattle",
            source=envoy_story,
            quote="sentenced the Russian to 27 years of imprisonment and a penalty of $170 mln",
        )
        visit_record(
            detainee=seleznyov,
            facility=butner,
            visited=parse("2023-04"),
            visitors=AMBASSADOR,
            follow_up="Note to the Department of State asking to ease his conditions in prison.",
            source=envoy_story,
            quote="Antonov told reporters after visiting Roman Seleznyov",
        )
    _record_exchange(seleznyov, butner)

    # Anatoly Legkodymov: charged in the US, faces up to five years.
    legkodymov, new = _detainee(
        "Anatoly Legkodymov",
        nationalities=["RU"],
        status=DetaineeStatus.CHARGED,
        sex="m",
        source=visits_story,
        quote="two Russians, Anatoly Legkodymov and Dmitry Ukrainsky",
    )
    if new:
        created += 1
        services.custody_period_record(detainee=legkodymov, facility=brooklyn, source=visits_story)
        case = services.case_open(
            detainee=legkodymov,
            country="US",
            status=CaseStatus.PRE_TRIAL,
            arrested=parse("2023-01"),
            arrest_place="Miami, Florida",
            arrest_country="US",
            source=visits_story,
        )
        services.charge_add(
            case=case,
            description="breaking US banking regulations",
            category=ChargeCategory.OTHER,
            max_penalty_years=5,
            source=visits_story,
            quote="accused of breaking US banking regulations while running the exchange",
        )
        services.charge_add(
            case=case,
            description="failed to meet anti-money laundering requirements",
            category=ChargeCategory.MONEY_LAUNDERING,
            max_penalty_years=5,
            source=visits_story,
        )
        visit_record(
            detainee=legkodymov,
            facility=brooklyn,
            visited=parse("2023-04-26"),
            visitors=AMBASSADOR,
            source=visits_story,
        )

    # Dmitry Ukrainsky: sentenced in Thailand, then extradited to the US.
    ukrainsky, new = _detainee(
        "Dmitry Ukrainsky",
        nationalities=["RU"],
        status=DetaineeStatus.CHARGED,
        sex="m",
        source=visits_story,
    )
    if new:
        created += 1
        thai_case = services.case_open(
            detainee=ukrainsky,
            country="TH",
            status=CaseStatus.SENTENCED,
            source=visits_story,
        )
        services.charge_add(
            case=thai_case,
            description="money laundering",
            category=ChargeCategory.MONEY_LAUNDERING,
            disposition=ChargeDisposition.CONVICTED,
            source=visits_story,
        )
        services.sentence_record(
            case=thai_case,
            sentenced=parse("2019"),
            term_years=10,
            term_months=0,
            source=visits_story,
            quote="He pleaded not guilty but was sentenced to ten years in 2019.",
        )
        us_case = services.case_open(
            detainee=ukrainsky,
            country="US",
            status=CaseStatus.PRE_TRIAL,
            source=visits_story,
        )
        services.charge_add(
            case=us_case,
            description="stole over $300,000 from the accounts of US citizens",
            category=ChargeCategory.FRAUD,
            source=visits_story,
        )
        services.extradition_record(
            detainee=ukrainsky,
            from_country="TH",
            to_country="US",
            status=ExtraditionStatus.SURRENDERED,
            surrendered=parse("2022-06"),
            case=us_case,
            source=visits_story,
            quote="Thai authorities extradited him to the US in June 2022",
        )
        services.custody_period_record(
            detainee=ukrainsky,
            facility=brooklyn,
            started=parse("2022-06"),
            source=visits_story,
        )
        visit_record(
            detainee=ukrainsky,
            facility=brooklyn,
            visited=parse("2023-04-26"),
            visitors=AMBASSADOR,
            source=visits_story,
        )

    # Vladislav Klyushin: held in the US; the ambassador planned to visit in May.
    klyushin, new = _detainee(
        "Vladislav Klyushin",
        nationalities=["RU"],
        status=DetaineeStatus.DETAINED,
        sex="m",
        source=visits_story,
    )
    if new:
        created += 1
        services.case_open(detainee=klyushin, country="US", source=visits_story)
        visit_record(
            detainee=klyushin,
            visited=parse("2023-05"),
            visitors=AMBASSADOR,
            outcome=VisitOutcome.PLANNED,
            source=visits_story,
        )

    # Maria Butina: charged as an unregistered foreign agent, deported in October 2019.
    butina, new = _detainee(
        "Maria Butina",
        nationalities=["RU"],
        status=DetaineeStatus.DEPORTED,
        sex="f",
        source=visits_story,
    )
    if new:
        created += 1
        case = services.case_open(
            detainee=butina,
            country="US",
            status=CaseStatus.CLOSED,
            source=visits_story,
        )
        services.charge_add(
            case=case,
            description="conspiring to act as an unregistered foreign agent",
            category=ChargeCategory.FOREIGN_AGENT,
            disposition=ChargeDisposition.PLEADED_GUILTY,
            source=visits_story,
        )
    return created
