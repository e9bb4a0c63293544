"""The extractor's output: plain, immutable dataclasses.

Every fact carries an `evidence` span: half-open character offsets (start, end) into the exact
string that was passed to `extract()` — including a leading `Published:` line when there is one —
so `text[span.start:span.end]` is the sentence a reviewer should read to check the fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = (
    "detained",
    "charged",
    "convicted",
    "released",
    "deported",
    "exchanged",
    "extradited",
    "unknown",
)

CHARGE_CATEGORIES = (
    "cybercrime",
    "fraud",
    "money_laundering",
    "sanctions_export",
    "drugs",
    "weapons",
    "espionage",
    "foreign_agent",
    "violent",
    "immigration",
    "other",
)

EXTRADITION_STATUSES = ("requested", "contested", "approved", "refused", "surrendered", "withdrawn")


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in the text given to `extract()`."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class NameMention:
    """One place where the text names the person, exactly as written."""

    text: str
    span: Span


@dataclass(frozen=True)
class Nationality:
    country: str  # ISO 3166-1 alpha-2
    evidence: Span


@dataclass(frozen=True)
class CountryFact:
    country: str  # ISO 3166-1 alpha-2
    evidence: Span


@dataclass(frozen=True)
class Facility:
    name: str
    evidence: Span


@dataclass(frozen=True)
class Charge:
    phrase: str  # as the text states it
    category: str  # one of CHARGE_CATEGORIES
    evidence: Span


@dataclass(frozen=True)
class CourtSentence:
    """What a court imposed. Dates are ISO 8601 strings at the precision the text gives."""

    years: int | None
    months: int | None
    life: bool
    death: bool
    fine_amount: float | None
    fine_currency: str | None  # ISO 4217
    date: str | None
    commuted: bool
    evidence: Span


@dataclass(frozen=True)
class MaxPenalty:
    years: float | None
    life: bool
    evidence: Span


@dataclass(frozen=True)
class Extradition:
    from_country: str | None
    to_country: str | None
    date: str | None
    status: str  # one of EXTRADITION_STATUSES: the latest step the text reports
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class ConsularVisit:
    visitor: str | None  # the official's name when the text gives it
    date: str | None
    kind: str  # "in_person", "phone" or "unknown"
    denied: bool  # access was asked for and refused
    evidence: Span


@dataclass(frozen=True)
class Arrest:
    """Where and when the person was arrested; `requested_by` is the country at whose request
    another country made the arrest. Dates are ISO 8601 strings at the text's precision."""

    date: str | None
    country: str | None  # ISO 3166-1 alpha-2
    place: str | None  # a town or a site ("Prague", "Ngurah Rai International Airport")
    requested_by: str | None
    evidence: Span


@dataclass(frozen=True)
class Detainee:
    name: str
    name_variants: tuple[str, ...]
    mentions: tuple[NameMention, ...]
    nationality: tuple[Nationality, ...]
    detaining_country: CountryFact | None
    facility: Facility | None
    charges: tuple[Charge, ...]
    sentence: CourtSentence | None
    max_penalty: MaxPenalty | None
    extraditions: tuple[Extradition, ...]
    consular_visits: tuple[ConsularVisit, ...]
    status: str
    status_evidence: Span | None
    arrest: Arrest | None = None
    # The name as written in its own script when that is not Latin ("Роман Селезнёв").
    name_original_script: str | None = None

    @property
    def extradition(self) -> Extradition | None:
        """The extradition that happened or is under way; refused or withdrawn ones are not."""
        live = [e for e in self.extraditions if e.status not in ("refused", "withdrawn")]
        order = {"surrendered": 4, "approved": 3, "contested": 2, "requested": 1}
        # Of two transfers, the one into the custody of the state that holds the person:
        # "extradited to the US in 2019 ... the US sent him home to serve his term".
        holder = self.detaining_country.country if self.detaining_country else None
        return max(
            live,
            key=lambda e: (order.get(e.status, 0), holder is not None and e.to_country == holder),
            default=None,
        )

    @property
    def completed_extradition(self) -> Extradition | None:
        """The extradition that was carried out: the person was handed to the requesting
        country. An approved, pending or contested one is not yet a transfer of custody."""
        done = self.extradition
        return done if done is not None and done.status == "surrendered" else None


@dataclass(frozen=True)
class ExtractionResult:
    detainees: tuple[Detainee, ...]
    published: str | None  # ISO date the relative dates were resolved against
    language: str  # "en", "ru", or "other" when the text is in a language not read
    extractor_version: str
    warnings: tuple[str, ...] = field(default=())
