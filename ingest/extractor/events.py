"""Things that happen to a detainee, found sentence by sentence: arrest, charge, conviction,
release, deportation, exchange. Each event keeps the word that anchors it to a person, so the
attribution step can decide whose event it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dates import DateMention
from .segment import Sentence, clause_of

# Words that make what follows them a wish, a plan, a condition or a denial rather than a fact.
_MODAL = re.compile(
    # "may" in lower case only: "in May" and "Lucy May Farrow" are no modal
    r"\b(?:if|whether|unless|would|could|might|(?-i:may)|will|shall|should|can|cannot|expected|"
    r"expects|"
    r"hopes?|hoped|hoping|chances?|plans?|planned|planning|intends?|intended|intending|wants?|"
    r"wanted|seeks?|seeking|sought|demands?|demanded|demanding|call(?:s|ed)?\s+for|urged?|urges|"
    # "prosecutors had requested he be sentenced to two years": a term asked for
    r"request(?:s|ed|ing)?|recommend(?:s|ed|ing)?|"
    r"ask(?:s|ed)?\s+for|possible|possibility|likely|unlikely|qualify|eligible|"
    r"campaign(?:s|ed)?\s+for|push(?:es|ed)?\s+for|press(?:es|ed)?\s+for|due\s+to|set\s+to|"
    r"scheduled\s+to|to\s+be|avoid|risks?|fears?|feared|not|never|without|no|denies|denied|"
    r"rejected|refused|against|awaiting|pending|prevent|stop)\b",
    re.IGNORECASE,
)
_MODAL_REACH = 60
_COORDINATED = re.compile(r"\band\s*$", re.IGNORECASE)
_FUTURE_MODAL = re.compile(
    # "may" in lower case: "found guilty in May 2018 and sentenced" is a fact.
    r"\b(?:would|will|could|might|(?-i:may)|should|shall|to\s+be|set\s+to|due\s+to)\b",
    re.IGNORECASE,
)
# "raised money for the release of X", "efforts towards his release": a release sought
_SOUGHT = re.compile(r"\b(?:for|towards?|toward)\s+(?:the|his|her|their)\s+$", re.IGNORECASE)
_THANKED = re.compile(r"\b(?:thank\w*|grateful|credit\w*|prais\w*|welcom\w*|celebrat\w*)\b", re.I)


def _sought(before: str) -> bool:
    """A release worked for, not one that happened; "thanked Oman for the release of X" is."""
    return bool(_SOUGHT.search(before)) and not _THANKED.search(before[-80:])


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# "In a move against cybercrime, the US extradited ...": these govern only their own phrase,
# which a comma closes.
_PHRASE_BOUND = frozenset(["against", "without"])


# Events that show a person is held, tried or punished: at least one makes a detainee.
EVIDENCE_KINDS = (
    "detained",
    "charged",
    "convicted",
    "released",
    "deported",
    "exchanged",
    "extradition",
    "term",
    "max_penalty",
    "charge",
    "fine",
)


@dataclass
class Event:
    """Something the text says happened (or may happen) to someone."""

    kind: str
    sentence: int
    start: int  # absolute span of the matched words
    end: int
    anchor: int  # absolute position of the word that ties the event to a person
    anchor_end: int
    transitive: bool  # an active verb whose object is the person ("Moscow released X")
    hypothetical: bool = False
    date: DateMention | None = None
    data: dict[str, Any] = field(default_factory=dict)
    owners: tuple[int, ...] = ()


@dataclass
class SentenceContext:
    """What the detectors need to know about one sentence."""

    sentence: Sentence
    clauses: list[tuple[int, int]]
    dates: list[DateMention]

    @property
    def text(self) -> str:
        return self.sentence.text

    def clause(self, absolute: int) -> tuple[int, int]:
        """The clause holding an absolute position, as absolute offsets."""
        start, end = clause_of(self.clauses, absolute - self.sentence.start)
        return self.sentence.start + start, self.sentence.start + end


def is_hypothetical(context: SentenceContext, anchor: int) -> bool:
    """True when a modal, a condition or a negation governs the word at `anchor`."""
    clause_start, _ = context.clause(anchor)
    lo = max(clause_start, anchor - _MODAL_REACH) - context.sentence.start
    window = context.text[lo : anchor - context.sentence.start]
    if any(
        not (match.group().lower() in _PHRASE_BOUND and "," in window[match.end() :])
        for match in _MODAL.finditer(window)
    ):
        return True
    # "would be jailed and then deported": a verb coordinated with the one before shares its
    # modal.
    start = clause_start - context.sentence.start
    if _COORDINATED.search(context.text[max(0, start - 6) : start]) and re.fullmatch(
        r"\s*(?:then\s+|later\s+|be\s+)?", window
    ):
        before = context.text[max(0, start - _MODAL_REACH) : start]
        return bool(_FUTURE_MODAL.search(before))
    return False


def pick_date(
    context: SentenceContext, anchor: int, *, fallback_sentence: bool = False
) -> DateMention | None:
    """The date that goes with the event at `anchor`: the nearest one after it in its clause,
    else the nearest before it; dates that only say when someone spoke do not count."""
    clause_start, clause_end = context.clause(anchor)
    base = context.sentence.start
    usable = [d for d in context.dates if not d.reporting]
    after = [d for d in usable if anchor <= base + d.start < clause_end]
    if after:
        return after[0]
    before = [d for d in usable if clause_start <= base + d.start < anchor]
    if before:
        return before[-1]
    if fallback_sentence and usable:
        return min(usable, key=lambda d: abs(base + d.start - anchor))
    return None


# kind, pattern, transitive verb forms. Group "t" marks the anchor word.
_STATUS_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "detained",
        re.compile(
            r"\b(?P<t>arrested|detained|jailed|imprisoned|incarcerated|remanded|abducted|kidnapped|"
            # "captured in Berdyansk", not "captured on camera"
            r"captured(?!\s+(?:on|in|by)\s+(?:[\w-]+\s+){0,2}?(?:camera|video|film|tape|cctv|"
            r"photo|footage))|"
            r"taken\s+(?:prisoner|hostage|captive)|"
            r"locked\s+up|taken\s+into\s+custody|behind\s+bars|in\s+custody|under\s+arrest|"
            r"in\s+(?:pre-?trial\s+)?detention|held(?=\s+(?:at|in|on|since|for|without|"
            r"incommunicado|hostage|captive|by|there|in\s+custody)\b|\s*[,.;])|"
            r"in\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:prison|jail|penal\s+colony|detention\s+cent(?:re|er))\b|"
            r"serving\s+time|arrest\b(?!\s+warrant)|detention\s+of|"
            # "they are kept in the Okrestina remand ward", "kept in custody"
            r"kept\s+(?:in|at)\s+(?:a\s+|an\s+|the\s+)?(?:(?!hospital\b)[\w-]+\s+){0,3}?"
            r"(?:prison|jail|custody|detention|remand\s+ward|prison\s+ward|penal\s+colony|cell))",
            re.IGNORECASE,
        ),
    ),
    (
        "charged",
        re.compile(
            r"\b(?P<t>charged\b(?=\s+(?:\w+\s+){0,7}?with\b)|indicted|arraigned|prosecuted|"
            r"on\s+trial|stood\s+trial|stands\s+trial|went\s+on\s+trial|goes\s+on\s+trial|"
            r"trial(?!s)\b|face[sd]?\s+(?:\w+\s+)?charges|pleaded\s+not\s+guilty|"
            # "appeared before a magistrate", "appeared in a city court": a step of the case
            r"appeared\s+(?:in\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?court|before\s+(?:a\s+|the\s+)?"
            r"(?:[\w-]+\s+)?(?:court|judge|magistrate|magistrates))\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "convicted",
        re.compile(
            r"\b(?P<t>convicted|found\s+(?:\w+\s+){0,3}?guilty|pleaded\s+guilty|sentenced|"
            # "murder convict Joselito Zapanta": a noun for someone convicted, before the name
            r"(?-i:convicts?)(?=\s+(?-i:[A-Z][a-z]))|"
            r"conviction|serving\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:sentence|term)|"
            r"served\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:sentence|term)|"
            # "A and B received much lighter sentences", "a court handed a suspended
            # sentence to X"
            r"(?:received|receives|receiving|got|given|handed(?:\s+down)?)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:sentences?|(?:jail|prison)\s+terms?)\b|"
            # "has had a ten-year prison sentence upheld", "had his sentence cut"
            r"(?<=has\s|had\s|ave\s)had\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:sentences?|(?:jail|prison)\s+terms?)\b|"
            # an execution carries out a sentence: the status stays "convicted"
            r"(?<=was\s)(?:executed|hanged)|(?<=were\s)(?:executed|hanged)|"
            r"(?<=been\s)(?:executed|hanged)|execution\s+of(?=\s+(?-i:[A-Z])))",
            re.IGNORECASE,
        ),
    ),
    (
        "released",
        re.compile(
            r"\b(?P<t>released|freed|set\s+free|walked\s+free|walked\s+out\s+of|pardoned|"
            # "the three are now free", "she is finally free": told as the news, not "was free
            # until", "free and fair", "free to go"
            r"(?:is|are)\s+(?:now|finally|all)\s+(?:(?:now|all)\s+)?free\b(?![\s-]+(?:to|of|from|"
            r"for|until|on|speech|trade|press|market|agent|zone|kick|fall|will|spirited)\b)|"
            r"acquitted|(?:granted|received|given|won)\s+(?:a\s+|an\s+)?(?:pardon|clemency|amnesty|"
            r"parole)|"
            r"cleared\s+of|"
            r"(?:returned|came\s+back|back)\s+from\s+captivity|"
            r"release\s+of|returned\s+(?:back\s+)?home|flown\s+(?:back\s+)?home|"
            r"flew\s+(?:back\s+)?home|arrived\s+(?:back\s+)?home|came\s+(?:back\s+)?home|"
            r"(?<=is\s)back\s+home|(?<=are\s)back\s+home|(?<=was\s)back\s+home|"
            r"(?<=were\s)back\s+home|(?:bring|brings|bringing|brought)\s+home|"
            # "was able to return to France", "was flown back to Canada" (not "to face
            # charges" there), "her release was agreed": a return or a release told as done
            r"(?<=\bable\s)to\s+return\s+(?:home\b|to\s+(?:the\s+)?(?-i:[A-Z]))|"
            r"flown\s+back\s+to\s+(?:the\s+)?(?-i:[A-Z])(?![^.;]{0,60}\b(?:to\s+face|"
            r"to\s+stand\s+trial|charges?\b|extradit|arrest|detain|held\b|jail|custody))|"
            r"(?<=\bhis\s|\bher\s)release\s+(?:was|had\s+been|has\s+been)\s+"
            r"(?:agreed|secured|negotiated|confirmed|announced)|"
            # "returned to Norway after spending a year in a Freedonian jail", "are on their way
            # back to Peru after ... in detention": a return told with the time held; not
            # "returned to Iran, where he was arrested"
            r"(?:returned|(?<=are\s|ere\s|now\s|\sis\s|was\s)on\s+(?:his|her|their)\s+way\s+back)"
            r"(?=\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?"
            r"(?:\s+(?:in|on|last|this)\s+[\w-]+)?\s+after\s+"
            r"(?:(?:spending|serving)\s+(?:[\w,.-]+\s+){0,6}?(?:in|behind)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:prison|jail|custody|bars|detention|captivity)\b|being\s+(?:freed|released|"
            r"pardoned|sentenced|held|jailed|imprisoned|detained)\b)))",
            re.IGNORECASE,
        ),
    ),
    (
        "deported",
        re.compile(r"\b(?P<t>deported|expelled|deportation\s+of|repatriated)", re.IGNORECASE),
    ),
    (
        "exchanged",
        re.compile(
            r"\b(?P<t>exchanged|swapped|(?:prisoner|hostage)\s+(?:exchange|swap)|"
            r"in\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:exchange|swap)\b|in\s+exchange\s+for|"
            # "had been returned to Latvia as part of the swap"
            r"as\s+part\s+of\s+(?:a|an|the)\s+"
            r"(?:(?!(?:student|cultural|academic|youth|school|university|language)\b)[\w-]+\s+){0,2}?"
            r"(?:exchange|swap)\b(?!\s+(?:programme|program|scheme|visit|trip|student))|"
            r"traded\s+for|in\s+return(?=\s*,?\s*\w+\s+(?:freed|released)))",
            re.IGNORECASE,
        ),
    ),
]

_TRANSITIVE = re.compile(
    r"^(?:arrested|detained|jailed|imprisoned|abducted|kidnapped|captured|held|remanded|convicted|"
    r"convicts?|"
    r"sentenced|released|freed|pardoned|acquitted|deported|expelled|exchanged|swapped|"
    r"extradited|extradite|fined|charged|accused|accuse|found|handed|tried|indicted|"
    r"repatriated|visited|visiting|visit|saw|met|bring|brings|bringing|brought)$",
    re.IGNORECASE,
)
_NOT_A_DETENTION = re.compile(
    r"^held\s+(?:talks|a\s+meeting|meetings|a\s+press|a\s+news|a\s+rally|a\s+vote|elections?|"
    r"negotiations|a\s+briefing|consultations|office|power)",
    re.IGNORECASE,
)


def is_transitive(word: str) -> bool:
    return bool(_TRANSITIVE.match(word.split()[0] if word else ""))


# "a judge ordered X freed, but she is still in custody": the same sentence says the release
# did not happen.
_STILL_HELD = re.compile(
    r"[^.;]{0,80}?,?\s+but\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:still\s+)?(?:remains?|"
    r"is\s+still|are\s+still|was\s+still|were\s+still)\s+(?:behind\s+bars|in\s+(?:custody|"
    r"prison|jail|detention)|held|jailed|detained|imprisoned)\b"
)


def _still_held_after(text: str, end: int) -> bool:
    return bool(_STILL_HELD.match(text, end))


def find_status_events(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    for kind, pattern in _STATUS_PATTERNS:
        for match in pattern.finditer(context.text):
            word = match.group("t")
            if _NOT_A_DETENTION.match(context.text[match.start("t") :]):
                continue
            anchor = base + match.start("t")
            if word.lower().startswith(
                (
                    "arrest",
                    "trial",
                    "conviction",
                    "release of",
                    "detention of",
                    "deportation of",
                    "execution of",
                )
            ):
                transitive = False
            else:
                transitive = is_transitive(word)
            date = pick_date(context, anchor)
            if (
                kind != "detained"
                and date is not None
                and _SINCE.search(context.text[max(0, date.start - 8) : date.start])
            ):
                # "the release of X, imprisoned in Iran since June 2019": "since" dates the
                # start of a state, the detention, never a release or a verdict.
                date = None
            event = Event(
                kind=kind,
                sentence=context.sentence.index,
                start=base + match.start(),
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                transitive=transitive,
                hypothetical=is_hypothetical(context, anchor)
                or _sought(context.text[: match.start("t")])
                or (kind == "released" and _still_held_after(context.text, match.end())),
                date=date,
                data={"word": word.lower()},
            )
            events.append(event)
    return _dates_of_their_own(context, events)


def _dates_of_their_own(context: SentenceContext, events: list[Event]) -> list[Event]:
    """ "X, arrested in Russia in 2021, has been freed": a date that follows another event's
    verb in that verb's clause, before this event's verb, is the other event's date."""
    base = context.sentence.start
    for event in events:
        date = event.date
        if date is None or base + date.start >= event.anchor:
            continue
        where = context.clause(base + date.start)
        if any(
            other.kind != event.kind
            and other.anchor < base + date.start
            and context.clause(other.anchor) == where
            for other in events
        ):
            event.date = None
    return events
