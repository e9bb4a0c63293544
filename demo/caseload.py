"""A generated caseload with a realistic spread, so that lists and dashboards have
something to show. Seeded: the same seed gives the same people."""

import datetime as dt
import random
from decimal import Decimal

from anyascii import anyascii
from django.db import transaction
from faker import Faker

from cases import services
from cases.constants import (
    CaseStatus,
    ChargeCategory,
    ChargeDisposition,
    DatePrecision,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    Priority,
)
from cases.models import Tag
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    NameVariantFactory,
    NationalityFactory,
    SentenceFactory,
)
from consular.constants import VisitKind, VisitOutcome
from consular.tests.factories import ConsularVisitFactory

GENERATED_TAG = "generated"

# Where nationals end up held, weighted roughly by how often news reports such cases.
DETAINING_COUNTRIES = {
    "US": 30,
    "DE": 8,
    "PL": 7,
    "TR": 6,
    "AE": 5,
    "TH": 5,
    "ES": 4,
    "FR": 4,
    "GB": 4,
    "CZ": 3,
    "LT": 3,
    "GE": 3,
    "IT": 3,
    "CN": 2,
    "IN": 2,
    "EE": 2,
    "FI": 2,
    "KZ": 2,
}
# Third countries that arrest people and surrender them to another.
SURRENDERING = ["TH", "ES", "GE", "CZ", "NL", "CH", "MV", "CY", "AE", "EE", "KR", "IT", "BG"]
CHARGES = {
    ChargeCategory.CYBERCRIME: ["computer intrusion", "conspiracy to commit computer fraud"],
    ChargeCategory.FRAUD: ["wire fraud", "securities fraud", "bank fraud"],
    ChargeCategory.MONEY_LAUNDERING: ["money laundering", "operating an unlicensed exchange"],
    ChargeCategory.SANCTIONS_EXPORT: ["export control violations", "sanctions evasion"],
    ChargeCategory.DRUGS: ["drug trafficking", "possession of narcotics"],
    ChargeCategory.WEAPONS: ["arms smuggling"],
    ChargeCategory.ESPIONAGE: ["espionage", "treason"],
    ChargeCategory.FOREIGN_AGENT: ["acting as an unregistered foreign agent"],
    ChargeCategory.VIOLENT: ["assault", "murder"],
    ChargeCategory.IMMIGRATION: ["illegal border crossing", "visa overstay"],
    ChargeCategory.OTHER: ["smuggling", "customs violations"],
}
CHARGE_WEIGHTS = [16, 18, 12, 10, 12, 4, 6, 3, 8, 6, 5]
STATUSES = {
    DetaineeStatus.DETAINED: 14,
    DetaineeStatus.CHARGED: 16,
    DetaineeStatus.ON_TRIAL: 8,
    DetaineeStatus.CONVICTED: 34,
    DetaineeStatus.EXTRADITION_PENDING: 7,
    DetaineeStatus.RELEASED: 9,
    DetaineeStatus.DEPORTED: 5,
    DetaineeStatus.EXCHANGED: 3,
    DetaineeStatus.DECEASED: 1,
    DetaineeStatus.UNKNOWN: 3,
}
VISITORS = [
    "Consul Irina Volkova",
    "Vice-consul Pavel Orlov",
    "Ambassador's deputy Oleg Sokolov",
    "Consular officer Marina Lebedeva",
    "Honorary consul Artem Belov",
]


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def _facilities(rng: random.Random) -> dict[str, list]:
    by_country: dict[str, list] = {}
    city = Faker("en_US")
    city.seed_instance(rng.random())
    for code in DETAINING_COUNTRIES:
        by_country[code] = [
            FacilityFactory(
                name=f"{code} {kind.label} No. {n}",
                country=code,
                kind=kind,
                locality=city.city(),
            )
            for n, kind in enumerate((FacilityKind.PRE_TRIAL, FacilityKind.PRISON), start=1)
        ]
    return by_country


@transaction.atomic
def generate_caseload(count: int = 300, *, seed: int = 2026, today: dt.date) -> int:
    """Creates `count` detainees unless a generated caseload exists; returns how many."""
    tag, created = Tag.objects.get_or_create(name=GENERATED_TAG)
    if not created and tag.detainees.exists():
        return 0
    rng = random.Random(seed)
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    facilities = _facilities(rng)
    for _ in range(count):
        _one_detainee(rng, fake, facilities, tag, today)
    return count


def _one_detainee(rng, fake, facilities, tag, today: dt.date) -> None:
    female = rng.random() < 0.2
    first = fake.first_name_female() if female else fake.first_name_male()
    last = fake.last_name_female() if female else fake.last_name_male()
    original = f"{first} {last}"
    latin = anyascii(original).replace("'", "")
    status = _pick(rng, STATUSES)
    country = _pick(rng, DETAINING_COUNTRIES)
    arrested = today - dt.timedelta(days=rng.randint(30, 365 * 9))
    detainee = DetaineeFactory(
        full_name=latin,
        name_original_script=original,
        sex="f" if female else "m",
        status=status,
        priority=rng.choices(list(Priority.values), weights=[20, 60, 15, 5])[0],
        date_of_birth=dt.date(rng.randint(1960, 2003), 1, 1),
        date_of_birth_precision=DatePrecision.YEAR,
    )
    detainee.tags.add(tag)
    NationalityFactory(detainee=detainee, country="RU")
    if rng.random() < 0.06:
        NationalityFactory(detainee=detainee, country=rng.choice(["IL", "DE", "US", "UA", "KZ"]))
    if rng.random() < 0.3:
        # Another transliteration, as a foreign court might spell it.
        variant = latin.replace("y", "i").replace("kh", "h").replace("v ", "w ")
        if variant != latin:
            NameVariantFactory(detainee=detainee, name=variant)

    case_status = {
        DetaineeStatus.DETAINED: CaseStatus.INVESTIGATION,
        DetaineeStatus.CHARGED: CaseStatus.PRE_TRIAL,
        DetaineeStatus.ON_TRIAL: CaseStatus.TRIAL,
        DetaineeStatus.CONVICTED: CaseStatus.SENTENCED,
        DetaineeStatus.EXTRADITION_PENDING: CaseStatus.PRE_TRIAL,
    }.get(status, CaseStatus.CLOSED)
    case = CaseFactory(
        detainee=detainee,
        country=country,
        status=case_status,
        arrested_on=arrested,
        arrested_on_precision=rng.choice(
            [DatePrecision.DAY, DatePrecision.DAY, DatePrecision.MONTH]
        ),
    )
    if case.arrested_on_precision == DatePrecision.MONTH:
        case.arrested_on = arrested.replace(day=1)
        case.save(update_fields=["arrested_on"])
    convicted = status in (
        DetaineeStatus.CONVICTED,
        DetaineeStatus.EXCHANGED,
        DetaineeStatus.RELEASED,
    )
    for category in rng.choices(list(CHARGES), weights=CHARGE_WEIGHTS, k=rng.randint(1, 2)):
        ChargeFactory(
            case=case,
            description=rng.choice(CHARGES[category]),
            category=category,
            disposition=ChargeDisposition.CONVICTED if convicted else ChargeDisposition.PENDING,
            max_penalty_years=rng.choice([None, 5, 10, 20]) if not convicted else None,
        )
    if convicted:
        life = rng.random() < 0.03
        years = (
            None
            if life
            else rng.choices([0, 2, 4, 7, 12, 18, 25], weights=[8, 20, 22, 20, 15, 9, 6])[0]
        )
        fine = rng.random() < 0.25
        SentenceFactory(
            case=case,
            is_life=life,
            term_years=years,
            term_months=None if life else rng.choice([0, 0, 6]) if years else rng.randint(3, 11),
            sentenced_on=min(today, arrested + dt.timedelta(days=rng.randint(120, 900))),
            sentenced_on_precision=DatePrecision.DAY,
            fine_amount=Decimal(rng.choice([5000, 25000, 100000, 2500000])) if fine else None,
            fine_currency=(
                "EUR" if country in ("DE", "FR", "ES", "IT", "LT", "EE", "FI") else "USD"
            )
            if fine
            else "",
        )
    if status == DetaineeStatus.EXTRADITION_PENDING or (country == "US" and rng.random() < 0.35):
        origin = rng.choice([c for c in SURRENDERING if c != country])
        pending = status == DetaineeStatus.EXTRADITION_PENDING
        surrendered = arrested + dt.timedelta(days=rng.randint(90, 600))
        ExtraditionFactory(
            detainee=detainee,
            case=case,
            from_country=origin,
            to_country=country,
            status=ExtraditionStatus.CONTESTED if pending else ExtraditionStatus.SURRENDERED,
            arrested_on=arrested,
            arrested_on_precision=DatePrecision.DAY,
            surrendered_on=None if pending or surrendered > today else surrendered.replace(day=1),
            surrendered_on_precision="" if pending or surrendered > today else DatePrecision.MONTH,
        )
    held = status not in (
        DetaineeStatus.RELEASED,
        DetaineeStatus.DEPORTED,
        DetaineeStatus.EXCHANGED,
        DetaineeStatus.DECEASED,
        DetaineeStatus.UNKNOWN,
    )
    facility = rng.choice(facilities[country])
    ended = None if held else min(today, arrested + dt.timedelta(days=rng.randint(200, 1500)))
    CustodyPeriodFactory(
        detainee=detainee,
        facility=facility,
        started_on=arrested,
        started_on_precision=DatePrecision.DAY,
        ended_on=ended,
        ended_on_precision=DatePrecision.DAY if ended else "",
    )
    if held:
        # Most people are visited every few months; some are overdue, a few never visited.
        gap = rng.choice([35, 60, 80, 120, 200, 400])
        day = today - dt.timedelta(days=rng.randint(1, gap))
        for _ in range(rng.choices([0, 1, 2, 3, 4], weights=[8, 25, 30, 25, 12])[0]):
            if day <= arrested:
                break
            denied = rng.random() < 0.08
            ConsularVisitFactory(
                detainee=detainee,
                facility=facility,
                visited_on=day,
                visitors=rng.choice(VISITORS),
                kind=rng.choices(
                    [VisitKind.IN_PERSON, VisitKind.PHONE, VisitKind.VIDEO], [75, 15, 10]
                )[0],
                outcome=VisitOutcome.ACCESS_DENIED if denied else VisitOutcome.COMPLETED,
            )
            day -= dt.timedelta(days=rng.randint(45, 150))
    # Current facility and detaining country, as the services derive them.
    services.detainee_facts_derive(detainee=detainee)
