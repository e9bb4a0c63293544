"""A large generated caseload written by bulk writes, for the load benchmark.

The rows are those the services would write for the same people (search keys, current
status, facility and detaining country as `services.detainee_facts_derive` derives them,
a dated status report citing a source), built as plain tuples with ids assigned here and
written table by table: COPY on PostgreSQL, one multi-row INSERT per batch elsewhere.
History rows are not written: no page or API call the benchmark drives reads them.

The same seed and `today` give the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from faker import Faker

from cases import names, roles
from cases.constants import (
    HELD_STATUSES,
    CaseStatus,
    ChargeDisposition,
    DatePrecision,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
    Priority,
    ReportedFact,
    SourceKind,
)
from cases.models import (
    Case,
    CaseCitation,
    Charge,
    CustodyPeriod,
    Detainee,
    DetaineeCitation,
    Extradition,
    Facility,
    FactReport,
    NameVariant,
    Nationality,
    Sentence,
    Source,
)
from consular.constants import VisitKind, VisitOutcome
from consular.models import ConsularVisit
from consular.services import latest_visits_rebuild
from demo.caseload import (
    CHARGE_WEIGHTS,
    CHARGES,
    DETAINING_COUNTRIES,
    STATUSES,
    SURRENDERING,
    VISITORS,
)
from ingest.constants import ArticleOrigin, ArticleState, DraftStatus, FactKind
from ingest.models import Article, Draft, DraftFact
from stats.services import summaries_refresh

# The nationals the service follows, and the second nationalities some of them hold.
NATIONALITY = "RU"
SECOND_NATIONALITIES = ["IL", "DE", "US", "UA", "KZ", "AM", "BY"]
CASEWORKERS = 20
BENCH_PASSWORD = "bench-password"  # noqa: S105 (throwaway benchmark database)
USERS = {"admin": roles.ADMIN, "viewer": roles.VIEWER, "reviewer": roles.REVIEWER}
OUTLETS = ["Wire Service", "Daily Ledger", "The Courier", "Morning Post", "City Herald"]
COURTS = ["District Court", "Regional Court", "Federal Court", "Criminal Court"]
EURO = {"DE", "FR", "ES", "IT", "LT", "EE", "FI"}
# Cases a person's status implies for their latest case.
CASE_STATUS = {
    DetaineeStatus.DETAINED: CaseStatus.INVESTIGATION,
    DetaineeStatus.CHARGED: CaseStatus.PRE_TRIAL,
    DetaineeStatus.ON_TRIAL: CaseStatus.TRIAL,
    DetaineeStatus.CONVICTED: CaseStatus.SENTENCED,
    DetaineeStatus.EXTRADITION_PENDING: CaseStatus.PRE_TRIAL,
}
SENTENCED_CASES = (CaseStatus.SENTENCED, CaseStatus.APPEAL, CaseStatus.CLOSED)
BATCH = 2000  # detainees written per round of COPYs


def _default(model_field: models.Field, now: dt.datetime):
    if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
        return now
    if model_field.has_default():
        return model_field.get_default()
    if model_field.null:
        return None
    if isinstance(model_field, models.CharField | models.TextField):
        return ""
    return None


class Table:
    """Rows of one model's table, as tuples in column order, with ids assigned here."""

    def __init__(self, model: type[models.Model], now: dt.datetime, first_id: int = 1):
        self.model = model
        fields = model._meta.concrete_fields
        self.columns = [f.column for f in fields]
        self.attnames = [f.attname for f in fields]
        self.defaults = {f.attname: _default(f, now) for f in fields}
        self.json = [isinstance(f, models.JSONField) for f in fields]
        self.rows: list[tuple] = []
        self.next_id = first_id
        self.written = 0

    def add(self, **values) -> int:
        pk = values.setdefault("id", self.next_id)
        self.next_id = max(self.next_id, pk + 1)
        defaults = self.defaults
        row = tuple(values[a] if a in values else defaults[a] for a in self.attnames)
        if any(self.json):
            # Both COPY and SQLite take JSON as its text.
            row = tuple(json.dumps(v) if j else v for v, j in zip(row, self.json, strict=True))
        self.rows.append(row)
        return pk

    def flush(self, cursor) -> None:
        if not self.rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in self.rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(self.columns))
            for start in range(0, len(self.rows), 200):
                chunk = self.rows[start : start + 200]
                values = ", ".join([f"({marks})"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608
                    [v for row in chunk for v in row],
                )
        self.written += len(self.rows)
        self.rows.clear()


def _first_free_id(model: type[models.Model]) -> int:
    last = model._base_manager.aggregate(m=models.Max("pk"))["m"]
    return (last or 0) + 1


@dataclass
class Caseload:
    """What `generate` wrote: row counts per table, the users by role."""

    counts: dict[str, int] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)


# --- Names -------------------------------------------------------------------------------


@dataclass
class NamePools:
    male_first: list[str]
    female_first: list[str]
    male_last: list[str]
    female_last: list[str]


def _name_pools(seed: int, size: int) -> NamePools:
    fake = Faker("ru_RU")
    fake.seed_instance(seed)

    def pool(make) -> list[str]:
        return sorted({make() for _ in range(size)})

    return NamePools(
        male_first=pool(fake.first_name_male),
        female_first=pool(fake.first_name_female),
        male_last=pool(fake.last_name_male),
        female_last=pool(fake.last_name_female),
    )


def _latin(text: str) -> str:
    return anyascii(text).replace("'", "").replace('"', "")


def _variants(first: str, last: str, full_name: str) -> list[str]:
    """Two other spellings, as foreign courts and newspapers write the name: surname first,
    and another transliteration (or initials when that gives nothing new)."""
    first_latin, last_latin = _latin(first), _latin(last)
    reversed_order = f"{last_latin.upper()} {first_latin}"
    other = full_name.replace("y", "i").replace("kh", "h").replace("ts", "tz").replace("v", "w", 1)
    if other in (full_name, reversed_order):
        other = f"{first_latin[0]}. {last_latin}"
    return [reversed_order, other]


# --- Reference rows ----------------------------------------------------------------------


def _users(rng: random.Random) -> dict[str, list[int]]:
    """The logins the benchmark signs in as: an administrator, a viewer, a reviewer and
    `CASEWORKERS` caseworkers (whom cases are assigned to)."""
    roles.sync_role_groups()
    User = get_user_model()
    password = make_password(BENCH_PASSWORD)
    found: dict[str, list[int]] = {}
    wanted = {**USERS, **{f"caseworker{n}": roles.CASEWORKER for n in range(1, CASEWORKERS + 1)}}
    for username, role in wanted.items():
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "password": password,
                "is_staff": role != roles.VIEWER,
                "is_superuser": role == roles.ADMIN,
            },
        )
        user.groups.add(Group.objects.get(name=role))
        found.setdefault(role, []).append(user.pk)
    return found


def _facilities(rng: random.Random, count: int, now) -> dict[str, list[Facility]]:
    """Pre-trial centres and prisons in every detaining country, more of them for a larger
    caseload (one per 4,000 detainees and country, two at least)."""
    per_country = max(2, count // 4000)
    cities = Faker("en_US")
    cities.seed_instance(rng.random())
    by_country: dict[str, list[Facility]] = {}
    for code in DETAINING_COUNTRIES:
        rows = []
        for n in range(1, per_country + 1):
            kind = FacilityKind.PRE_TRIAL if n % 2 else FacilityKind.PRISON
            rows.append(
                Facility(
                    name=f"{code} {kind.label} No. {n}",
                    kind=kind,
                    country=code,
                    locality=cities.city(),
                )
            )
        existing = set(Facility.objects.filter(country=code).values_list("name", flat=True))
        Facility.objects.bulk_create([f for f in rows if f.name not in existing])
        by_country[code] = list(
            Facility.objects.filter(country=code, name__in=[f.name for f in rows]).order_by("id")
        )
    return by_country


# --- One detainee ------------------------------------------------------------------------


@dataclass
class Tables:
    now: dt.datetime

    def __post_init__(self):
        models_in_order = [
            Source,
            Detainee,
            DetaineeCitation,
            NameVariant,
            Nationality,
            Case,
            CaseCitation,
            Charge,
            Sentence,
            Extradition,
            CustodyPeriod,
            ConsularVisit,
            FactReport,
            Article,
            Draft,
            DraftFact,
        ]
        self.all = {m: Table(m, self.now, _first_free_id(m)) for m in models_in_order}

    def __getitem__(self, model) -> Table:
        return self.all[model]

    def flush(self) -> None:
        with connection.cursor() as cursor:
            for table in self.all.values():
                table.flush(cursor)


def _date_fields(name: str, value: dt.date | None, precision: str = DatePrecision.DAY) -> dict:
    if value is None:
        return {name: None, f"{name}_precision": ""}
    if precision == DatePrecision.MONTH:
        value = value.replace(day=1)
    elif precision == DatePrecision.YEAR:
        value = value.replace(month=1, day=1)
    return {name: value, f"{name}_precision": precision}


class Generator:
    def __init__(self, *, seed: int, today: dt.date, count: int):
        self.rng = random.Random(seed)
        self.today = today
        self.now = timezone.now().replace(microsecond=0)
        self.names = _name_pools(seed, 400)
        self.users = _users(self.rng)
        self.facilities = _facilities(self.rng, count, self.now)
        self.tables = Tables(self.now)
        self.serial = self.tables[Source].next_id  # keeps generated source URLs unique

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def source(self, published: dt.date, kind: str = SourceKind.ARTICLE) -> int:
        self.serial += 1
        return self.tables[Source].add(
            kind=kind,
            url=f"https://news.example.org/caseload/{self.serial}",
            title=f"Court hears case No. {self.serial}",
            outlet=self.rng.choice(OUTLETS),
            language="en",
            **_date_fields("published_on", min(published, self.today)),
        )

    def detainee(self) -> None:
        rng, t = self.rng, self.tables
        female = rng.random() < 0.2
        pools = self.names
        first = rng.choice(pools.female_first if female else pools.male_first)
        last = rng.choice(pools.female_last if female else pools.male_last)
        original = f"{first} {last}"
        full_name = _latin(original)
        status = rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0]
        held = status in HELD_STATUSES
        country = rng.choices(list(DETAINING_COUNTRIES), weights=DETAINING_COUNTRIES.values())[0]
        arrested = self.days_ago(120, 365 * 10)
        case_count = 1 if rng.random() < 0.7 else 2

        # The person's custody: an open period for those held (after a pre-trial one for
        # some), ended periods for the others.
        facilities = self.facilities[country]
        periods = []
        if rng.random() < 0.4:
            pre_trial_end = min(self.today, arrested + dt.timedelta(days=rng.randint(60, 400)))
            periods.append((rng.choice(facilities), arrested, pre_trial_end))
            start = pre_trial_end
        else:
            start = arrested
        ended = None if held else min(self.today, start + dt.timedelta(days=rng.randint(60, 1500)))
        periods.append((rng.choice(facilities), start, ended))
        current = periods[-1][0] if held else None

        assigned = rng.random() < 0.6
        caseworker = rng.choice(self.users[roles.CASEWORKER]) if assigned else None
        detainee_id = t[Detainee].add(
            full_name=full_name,
            name_original_script=original,
            search_key=names.search_key(f"{full_name} {original}"),
            sex="f" if female else "m",
            status=status,
            detaining_country=current.country.code if current else "",
            current_facility_id=current.pk if current else None,
            priority=rng.choices(list(Priority.values), weights=[20, 60, 15, 5])[0],
            assigned_caseworker_id=caseworker,
            is_restricted=assigned and rng.random() < 0.03,
            welfare_notes="Needs regular medication." if rng.random() < 0.2 else "",
            **_date_fields(
                "date_of_birth", dt.date(rng.randint(1955, 2004), 1, 1), DatePrecision.YEAR
            ),
        )
        first_reported = min(self.today, arrested + dt.timedelta(days=rng.randint(1, 30)))
        source_id = self.source(first_reported)
        # Names, nationalities and charges speak of the date of the source that reported them.
        dated = _date_fields("as_of", first_reported)
        t[DetaineeCitation].add(
            detainee_id=detainee_id, source_id=source_id, quote="", created_at=self.now
        )
        for name in _variants(first, last, full_name):
            key = names.search_key(name)
            t[NameVariant].add(detainee_id=detainee_id, name=name, search_key=key, **dated)
        t[Nationality].add(detainee_id=detainee_id, country=NATIONALITY, **dated)
        if rng.random() < 0.06:
            second = rng.choice(SECOND_NATIONALITIES)
            t[Nationality].add(detainee_id=detainee_id, country=second, **dated)

        latest_case = None
        case_arrest = arrested
        for n in range(case_count):
            # The second case is an earlier one, closed.
            if n:
                case_arrest = arrested - dt.timedelta(days=rng.randint(400, 2000))
            case_status = CASE_STATUS.get(status, CaseStatus.CLOSED) if n == 0 else "closed"
            case_id = self.case(detainee_id, country, case_status, case_arrest, source_id, dated)
            latest_case = latest_case or case_id
        for period_facility, started, ended_on in periods:
            t[CustodyPeriod].add(
                detainee_id=detainee_id,
                facility_id=period_facility.pk,
                **_date_fields("started_on", started),
                **_date_fields("ended_on", ended_on),
            )
        if status == DetaineeStatus.EXTRADITION_PENDING or rng.random() < 0.14:
            self.extradition(detainee_id, latest_case, country, arrested, status, source_id)
        self.visits(detainee_id, periods, held)
        reported = _date_fields("as_of", min(self.today, arrested + dt.timedelta(days=30)))
        if rng.random() < 0.03:
            # Two sources disagree on the same date; the one recorded last shows until a
            # caseworker chooses (cases.dated_facts).
            t[FactReport].add(
                detainee_id=detainee_id,
                fact=ReportedFact.STATUS,
                value=rng.choice([s for s in STATUSES if s != status]),
                source_id=self.source(arrested, SourceKind.FAMILY),
                quote="",
                created_at=self.now,
                **reported,
            )
        t[FactReport].add(
            detainee_id=detainee_id,
            fact=ReportedFact.STATUS,
            value=status,
            source_id=source_id,
            quote="",
            created_at=self.now,
            **reported,
        )

    def case(self, detainee_id, country, case_status, arrested, source_id, dated) -> int:
        rng, t = self.rng, self.tables
        precision = rng.choice([DatePrecision.DAY, DatePrecision.DAY, DatePrecision.MONTH])
        case_id = t[Case].add(
            detainee_id=detainee_id,
            country=country,
            court=f"{rng.choice(COURTS)} of {country}",
            case_number=f"{arrested.year}-{rng.randint(100, 99999)}",
            status=case_status,
            summary="",
            created_at=self.now,
            **_date_fields("arrested_on", arrested, precision),
        )
        t[CaseCitation].add(case_id=case_id, source_id=source_id, quote="", created_at=self.now)
        sentenced = case_status in SENTENCED_CASES and rng.random() < 0.9
        for category in rng.choices(list(CHARGES), weights=CHARGE_WEIGHTS, k=rng.randint(1, 5)):
            t[Charge].add(
                case_id=case_id,
                description=rng.choice(CHARGES[category]),
                category=category,
                disposition=ChargeDisposition.CONVICTED if sentenced else ChargeDisposition.PENDING,
                max_penalty_years=None if sentenced else rng.choice([None, 5, 10, 20]),
                **dated,
            )
        if sentenced:
            life = rng.random() < 0.03
            years = (
                None
                if life
                else rng.choices([0, 2, 4, 7, 12, 18, 25], weights=[8, 20, 22, 20, 15, 9, 6])[0]
            )
            months = None if life else (rng.choice([0, 0, 6]) if years else rng.randint(3, 11))
            fine = rng.random() < 0.25
            sentenced_on = min(self.today, arrested + dt.timedelta(days=rng.randint(120, 900)))
            t[Sentence].add(
                case_id=case_id,
                court=f"{rng.choice(COURTS)} of {country}",
                is_life=life,
                term_years=years or None,
                term_months=months or None if not life else None,
                fine_amount=Decimal(rng.choice([5000, 25000, 100000, 2500000])) if fine else None,
                fine_currency=("EUR" if country in EURO else "USD") if fine else "",
                **_date_fields("sentenced_on", sentenced_on),
            )
        return case_id

    def extradition(self, detainee_id, case_id, country, arrested, status, source_id) -> None:
        rng = self.rng
        origin = rng.choice([c for c in SURRENDERING if c != country])
        pending = status == DetaineeStatus.EXTRADITION_PENDING
        surrendered = arrested + dt.timedelta(days=rng.randint(90, 600))
        if pending:
            state, surrendered = rng.choice([ExtraditionStatus.REQUESTED, "contested"]), None
        elif rng.random() < 0.15:
            state, surrendered = ExtraditionStatus.REFUSED, None
        else:
            state = ExtraditionStatus.SURRENDERED
            if surrendered > self.today:
                surrendered = None
        self.tables[Extradition].add(
            detainee_id=detainee_id,
            case_id=case_id,
            from_country=origin,
            to_country=country,
            status=state,
            notes="",
            **_date_fields("arrested_on", arrested),
            **_date_fields("surrendered_on", surrendered, DatePrecision.MONTH),
        )

    def visits(self, detainee_id, periods, held) -> None:
        """About ten visits, every one to three months while the person was held; the
        latest one recent for most, long ago for those now overdue."""
        rng = self.rng
        first_day = periods[0][1]
        last_day = self.today if held else periods[-1][2]
        day = last_day - dt.timedelta(days=rng.choice([3, 20, 40, 70, 100, 200, 400]))
        for _ in range(rng.randint(6, 16)):
            if day <= first_day:
                break
            facility = next((f for f, start, _ in reversed(periods) if start <= day), periods[0][0])
            outcome = rng.choices(
                [
                    VisitOutcome.COMPLETED,
                    VisitOutcome.ACCESS_DENIED,
                    VisitOutcome.POSTPONED,
                    VisitOutcome.CANCELLED,
                ],
                [85, 8, 4, 3],
            )[0]
            self.tables[ConsularVisit].add(
                detainee_id=detainee_id,
                facility_id=facility.pk,
                visitors=rng.choice(VISITORS),
                kind=rng.choices(list(VisitKind.values), [75, 15, 10])[0],
                outcome=outcome,
                observations="",
                follow_up="",
                created_at=self.now,
                **_date_fields("visited_on", day),
            )
            day -= dt.timedelta(days=rng.randint(30, 90))

    def drafts(self, count: int) -> None:
        """Articles waiting in the review queue, one person each."""
        rng, t = self.rng, self.tables
        for _ in range(count):
            self.serial += 1
            pools = self.names
            name = _latin(f"{rng.choice(pools.male_first)} {rng.choice(pools.male_last)}")
            article_id = t[Article].add(
                origin=ArticleOrigin.URL,
                state=ArticleState.READY,
                url=f"https://news.example.org/queue/{self.serial}",
                canonical_url=f"https://news.example.org/queue/{self.serial}",
                title=f"National detained abroad, report No. {self.serial}",
                outlet=rng.choice(OUTLETS),
                language="en",
                text_hash=f"{self.serial:064x}",
                **_date_fields("published_on", self.days_ago(1, 60)),
            )
            draft_id = t[Draft].add(
                article_id=article_id,
                person_key=names.search_key(name).strip(),
                name=name,
                extractor_version="bench",
                status=DraftStatus.PENDING,
            )
            value = {"name": name}
            t[DraftFact].add(
                draft_id=draft_id, kind=FactKind.NAME, value=value, extracted_value=value, spans=[]
            )


def _reset_sequences(model_list: Iterable[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _superuser() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


def _skip_row_by_row_foreign_key_checks() -> bool:
    """On PostgreSQL as a superuser, foreign keys are checked once per key over the whole
    table after the load (`_check_foreign_keys`) instead of by one trigger per row at
    commit, which took longer than writing the rows."""
    if connection.vendor != "postgresql" or not _superuser():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    return True


def _check_foreign_keys(model_list: Iterable[type[models.Model]]) -> None:
    """Every foreign key of the written tables points at a row: one anti-join per key."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        for model in model_list:
            for fk in model._meta.concrete_fields:
                if not fk.is_relation:
                    continue
                target = fk.target_field
                cursor.execute(
                    f"SELECT count(*) FROM {quote(model._meta.db_table)} AS r "  # noqa: S608
                    f"WHERE r.{quote(fk.column)} IS NOT NULL AND NOT EXISTS ("
                    f"SELECT 1 FROM {quote(target.model._meta.db_table)} AS t "
                    f"WHERE t.{quote(target.column)} = r.{quote(fk.column)})"
                )
                orphans = cursor.fetchone()[0]
                if orphans:
                    raise AssertionError(
                        f"{orphans} rows of {model._meta.label} name a missing {fk.name}"
                    )


def generate(count: int, *, seed: int = 2026, today: dt.date | None = None, progress=None):
    """Writes `count` generated detainees with everything about them, the users the
    benchmark signs in as, and a review queue of `count // 200` drafts (at least five)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        generator = Generator(seed=seed, today=today, count=count)
        checked_after = _skip_row_by_row_foreign_key_checks()
        tables = generator.tables
        for done in range(1, count + 1):
            generator.detainee()
            if done % BATCH == 0:
                tables.flush()
                if progress:
                    progress(done)
        generator.drafts(max(5, count // 200))
        tables.flush()
        if checked_after:
            _check_foreign_keys(t.model for t in tables.all.values())
        # Each person's latest visit, which the visits' triggers keep on every other write.
        latest_visits_rebuild()
        _reset_sequences(t.model for t in tables.all.values())
    # The statistics answer from counted figures: count them, as beat would within a minute.
    summaries_refresh()
    return Caseload(
        counts={t.model._meta.label: t.written for t in tables.all.values()},
        users={role: ids[0] for role, ids in generator.users.items()},
    )
