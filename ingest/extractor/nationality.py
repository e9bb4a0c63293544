"""Noun phrases that describe people by nationality, and explicit citizenship statements.

"a Russian software developer", "two Filipino workers", "the Georgian national", "two
Russians", "a citizen of China", "holds both Turkish and German citizenship". The phrases also
serve as references: an article often introduces "a Brazilian surf instructor" in its first
sentence and names him only in the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteers import (
    ACCUSED_NOUNS,
    OFFICIAL_TITLES,
    ORG_WORDS,
    PERSON_NOUNS,
    country_names,
    is_plural_demonym,
)
from .locations import code_of, country_pattern, demonym_pattern, kind_of
from .numbers import parse_number

_COUNT_WORDS = (
    r"the\s+two|the\s+three|the\s+other|a|an|another|one|the|two|three|four|five|six|seven|"
    r"eight|nine|ten|both|all|several|some|"
    r"many|most|other|dozens\s+of|hundreds\s+of|thousands\s+of|scores\s+of|"
    r"(?:more|fewer)\s+than\s+(?:a\s+)?\w+|about\s+(?:a\s+)?\w+|around\s+(?:a\s+)?\w+|"
    r"roughly\s+(?:a\s+)?\w+|at\s+least\s+(?:a\s+)?\w+|\d+|his|her|their|its|our|\w+['’]s"
)
_MODIFIERS = (
    r"(?i:(?:\d+-year-old|[a-z]+-year-old|former|young|elderly|jailed|detained|imprisoned|"
    r"convicted|dual|fellow|other|male|female|second|missing|suspected|alleged|"
    # "a senior Japanese executive", "a prominent Iranian lawyer"
    r"senior|prominent|veteran|leading|top|well-known|renowned|retired|naturali[sz]ed)\s+)*"
)

# Capitalised words inside a noun phrase: "Indian Navy officers", "British Army veterans".
_SERVICE_WORDS = frozenset(["army", "navy", "air", "force", "marine", "coast", "guard"])
_FORMER = re.compile(r"\b(?:former|retired|ex)\b", re.IGNORECASE)
_VAGUE = (
    "several",
    "some",
    "many",
    "most",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "more",
    "fewer",
    "about",
    "around",
    "roughly",
    "at least",
)
NOT_PERSON_HEADS = ORG_WORDS | {
    "media",
    "officials",
    "authorities",
    "government",
    "court",
    "courts",
    "law",
    "laws",
    "side",
    "border",
    "capital",
    "intelligence",
    "embassy",
    "consulate",
    "citizenship",
    "passport",
    "passports",
    "language",
    "documents",
    "papers",
    "territory",
    "soil",
    "jails",
    "prisons",
    "prison",
    "jail",
    "counterpart",
    "nationality",
    "custody",
    "dungeons",
    "police",
}


# Capitalised words a person phrase reads as its own ("Indian Navy officers", "British
# Ambassador"), not as a name before its person noun.
_CAPITALISED_IN_PHRASE = _SERVICE_WORDS | OFFICIAL_TITLES


@dataclass(frozen=True)
class PersonPhrase:
    """A noun phrase naming people by nationality or role, with offsets in the sentence."""

    start: int
    end: int
    codes: tuple[str, ...]
    count: int | None  # people it stands for; None when vague ("hundreds of")
    definite: bool
    plural: bool
    head: str


def _phrase_regex() -> re.Pattern[str]:
    dem = demonym_pattern()
    return re.compile(
        r"(?:(?<![\w-])(?P<det>(?i:"
        + _COUNT_WORDS
        + r"))\s+)?"
        + _MODIFIERS
        + r"(?<![\w-])(?P<dem>(?:"
        + dem
        + r")(?:\s*(?:-|–|and|or)\s*(?:"
        + dem
        + r")|\s+(?:"
        + dem
        + r"))?)(?![\w-])"
        # The words that may follow: lower-case ones ("software developer"), and names
        # of a service or employer before a person noun ("Acme Mining executive"; kept
        # only when the noun comes, see `find_person_phrases`).
        + r"(?P<rest>(?:\s+(?:[a-z][\w\-]*|[A-Z][\w&\-]*)(?![\w-])){0,4})"
    )


_PHRASE: re.Pattern[str] | None = None
# Any demonym, even inside a longer word: a text without one (most sentences) has no such
# phrase, and is not searched with the longer pattern, which tries its determiners and
# modifiers at every word.
_ANY_DEMONYM: re.Pattern[str] | None = None


def _count(det: str | None, plural: bool) -> tuple[int | None, bool]:
    """How many people a determiner stands for, and whether it is definite."""
    if not det:
        return (None if plural else 1), False
    low = " ".join(det.lower().split())
    if low.startswith(_VAGUE):
        return None, False
    if low == "all":
        return None, True  # "A, B and C, all Slovak citizens"
    if low in ("the two", "the three", "both"):
        return (2 if low != "the three" else 3), True
    if low in ("the", "his", "her", "their", "its", "our", "the other") or low.endswith(
        ("'s", "’s")
    ):
        return (None if plural else 1), True
    if low in ("a", "an", "another", "one"):
        return 1, False
    value = parse_number(low)
    if value is not None and value >= 1:
        return int(value), False
    return None, False


# Small words that end a noun phrase: no person noun after them is the phrase's head.
_PHRASE_ENDS = frozenset(
    ["on", "in", "at", "to", "from", "with", "for", "by", "of", "the", "a", "an", "his", "her"]
    + ["their", "its", "who", "whom", "which", "that", "was", "were", "is", "are", "has", "have"]
    + ["had", "will", "would", "said", "says"]
)

# Person nouns that are also adjectives, and the nouns they qualify when they are.
_ADJECTIVE_HEADS = frozenset(["criminal", "cybercriminal", "suspect", "fugitive", "accused"])
_MODIFIED_NOUN = re.compile(
    r"^\s+(?:charges?|cases?|proceedings|investigations?|inquiry|probe|law|laws|code|courts?|"
    r"records?|justice|complaints?|activity|activities|networks?|organi[sz]ations?|groups?|"
    r"gangs?|enterprise|conduct|prosecutions?|trials?|packages?|status)\b",
    re.IGNORECASE,
)


def find_person_phrases(text: str) -> list[PersonPhrase]:
    """Phrases such as "a Russian software developer" or "two Russians" in `text`."""
    global _PHRASE, _ANY_DEMONYM
    if _PHRASE is None:
        _PHRASE = _phrase_regex()
        _ANY_DEMONYM = re.compile(demonym_pattern())
    found: list[PersonPhrase] = []
    if not _ANY_DEMONYM.search(text):
        return found
    pos = 0
    while match := _PHRASE.search(text, pos):
        # The words read after a demonym that heads no phrase ("the Saudi government
        # sentenced a ...") may hold the start of the next one: read on from the demonym.
        pos = match.end("dem")
        dem_text = match.group("dem")
        words = re.findall(r"[A-Za-zÀ-ÿ]+", dem_text)
        codes: list[str] = []
        for piece in re.split(r"\s*(?:-|–|\band\b|\bor\b)\s*", dem_text):
            code = code_of(piece.strip())
            # "Lebanese American": two demonyms side by side, one for each nationality.
            piece_codes = [code] if code else [code_of(word) for word in piece.split()]
            for code in piece_codes:
                if code and code not in codes:
                    codes.append(code)
        if not codes:
            continue
        rest_words = match.group("rest").split()
        head = None
        blocked = serving = lowered = False
        head_end = match.end("dem")
        cursor = match.end("dem")
        for word in rest_words:
            cursor = text.index(word, cursor) + len(word)
            low = word.lower()
            if low in _PHRASE_ENDS:
                break  # "the two Slovaks at his side": the phrase ended before "his"
            if head is None and word[0].isupper() and low not in _CAPITALISED_IN_PHRASE:
                # A name right after the demonym, before the person noun: "Acme Mining
                # executive" ("Criminal Court" has no noun after it, and its capital is a
                # name's, not a person noun's). After other words, a capital starts another
                # phrase ("a Thai court sentenced Australian citizen X").
                if lowered:
                    break
                blocked = blocked or low in NOT_PERSON_HEADS
                continue
            lowered = True
            if low in PERSON_NOUNS or low in ACCUSED_NOUNS:
                head = low
                head_end = cursor
                # Keep going: "Russian software developer" ends at "developer".
                continue
            if head is not None:
                break
            if low in OFFICIAL_TITLES or (low[:-1] in OFFICIAL_TITLES and low.endswith("s")):
                # "eight former Indian Navy officers": no longer in office, so people who
                # may be held; a serving officer is an official.
                head = low
                serving = not _FORMER.search(match.group()[: match.start("dem") - match.start()])
                head_end = cursor
                break
            if low in NOT_PERSON_HEADS:
                blocked = True  # "Russian military intelligence"; a person noun may follow
        if serving or (head is None and blocked):
            continue
        if head in _ADJECTIVE_HEADS and _MODIFIED_NOUN.match(text[head_end:]):
            continue  # "to face US criminal charges": an adjective, not a person
        plural_noun = any(is_plural_demonym(w) for w in words)
        if head is None:
            if plural_noun:
                head = "people"
            elif _bare_singular(text, match):
                head = "person"
            else:
                continue
        plural = (
            plural_noun
            or head.endswith(("s", "men", "people", "personnel", "crew"))
            and head not in ("citizens",)
        )
        plural = plural or head in ("citizens", "nationals", "workers", "people", "personnel")
        count, definite = _count(match.group("det"), plural)
        start = match.start("det") if match.group("det") else match.start("dem")
        found.append(PersonPhrase(start, head_end, tuple(codes), count, definite, plural, head))
        pos = max(pos, head_end)
    return found


_PLAIN = re.compile(
    r"(?<![\w-])(?P<det>(?i:"
    + _COUNT_WORDS
    + r"))\s+"
    + _MODIFIERS
    + r"(?P<rest>(?:(?:[a-z]|[A-Z](?=[a-z]))[\w\-]*\s+){0,2}?)(?P<head>"
    + "|".join(sorted(PERSON_NOUNS | ACCUSED_NOUNS, key=len, reverse=True))
    # "The 35-year-old faces ...": an age standing for the person.
    + r"|\d{1,3}-year-olds?"
    + r")(?![\w-])"
)


def find_plain_phrases(text: str) -> list[PersonPhrase]:
    """Person phrases without a nationality: "two prisoners", "the two men", "the former
    driver". Only those that can stand for named people are kept."""
    found: list[PersonPhrase] = []
    for match in _PLAIN.finditer(text):
        head = match.group("head")
        if any(w in OFFICIAL_TITLES for w in match.group("rest").split()):
            continue
        if any(w[0].isupper() and kind_of(w) != "place" for w in match.group("rest").split()):
            continue  # a capital before the noun only as a town's name: "a Perth retiree"
        if head[0].isdigit() and text[: match.start()].strip():
            continue  # an age stands for a person only as the subject opening a sentence
        plural = head.endswith(("s", "men", "people", "personnel")) or head in (
            "crew",
            "pair",
            "couple",
        )
        count, definite = _count(match.group("det"), plural)
        if head in ("pair", "couple"):
            count, plural = 2, True
        found.append(PersonPhrase(match.start(), match.end(), (), count, definite, plural, head))
    return found


def _bare_singular(text: str, match: re.Match[str]) -> bool:
    """ "sentenced the Russian to 27 years": a singular demonym used as a noun."""
    det = (match.group("det") or "").lower()
    if det not in ("the", "a", "an", "another"):
        return False
    if match.group("dem").lower() in country_names():
        return False  # "the US has ...": a country, not a person
    after = text[match.end("dem") : match.end("dem") + 20]
    return bool(
        re.match(
            r"\s*(?:[,.;:)]|to\b|was\b|is\b|has\b|had\b|who\b|and\b|in\b|on\b|with\b|"
            r"(?:captured|arrested|detained|held|jailed|seized|accused|charged|convicted|faces|"
            r"faced|pleaded|denies|denied|remains|remained|appeared)\b)",
            after,
        )
    )


# "a citizen of Peru", "a citizen of both Peru and Chile": one state or two.
_CITIZEN_OF = (
    r"\b(?:a\s+)?(?:citizen|national|subject)s?\s+of\s+(?:both\s+)?(?:the\s+)?(?P<c>{countries})"
    r"(?:\s+and\s+(?:the\s+)?(?P<e>{countries}))?\b"
)
_HOLDS = (
    r"\b(?:holds?|held|having|has|had|with|(?:has\s+|had\s+|was\s+|been\s+)?(?:received|"
    r"granted|given|obtained|acquired|gained))\s+(?:both\s+)?(?P<a>{dem})"
    r"(?:\s+(?:and|or)\s+(?P<b>{dem}))?\s+(?:citizenship|nationality|passports?)\b"
)
_DUAL = (
    r"\bdual\s+(?P<a>{dem})\s*[-–/]\s*(?P<b>{dem})\s+(?:national|citizen|citizenship)\b"
    r"|\b(?P<c>{dem})\s*[-–]\s*(?P<d>{dem})\s+dual\s+(?:national|citizen)\b"
)
_UNDISCLOSED = re.compile(
    r"\b(?:not|never|did\s+not|has\s+not|have\s+not|had\s+not)\s+(?:been\s+)?"
    r"(?:disclosed|revealed|given|released|confirmed|known|identified|named)\s+"
    r"(?:his|her|their|the\s+man's|the\s+woman's)\s+(?:citizenship|nationality)"
    r"|\b(?:citizenship|nationality)\s+(?:is|was|remains)\s+(?:not\s+known|unknown|unclear)\b"
)

_COMPILED: dict[str, re.Pattern[str]] = {}


def _compiled(name: str) -> re.Pattern[str]:
    if not _COMPILED:
        dem = demonym_pattern()
        _COMPILED["citizen_of"] = re.compile(_CITIZEN_OF.replace("{countries}", country_pattern()))
        _COMPILED["holds"] = re.compile(_HOLDS.replace("{dem}", dem))
        _COMPILED["dual"] = re.compile(_DUAL.replace("{dem}", dem))
    return _COMPILED[name]


@dataclass(frozen=True)
class CitizenshipStatement:
    start: int
    end: int
    codes: tuple[str, ...]


def find_citizenship(text: str) -> list[CitizenshipStatement]:
    """ "a citizen of China", "holds both Turkish and German citizenship", "dual X-Y national"."""
    found: list[CitizenshipStatement] = []
    for name in ("citizen_of", "holds", "dual"):
        for match in _compiled(name).finditer(text):
            codes: list[str] = []
            for group in ("c", "e", "a", "b", "d"):
                value = match.groupdict().get(group)
                if value:
                    code = code_of(value)
                    if code and code not in codes:
                        codes.append(code)
            if codes:
                found.append(CitizenshipStatement(match.start(), match.end(), tuple(codes)))
    return found


def says_citizenship_unknown(text: str) -> bool:
    """ "The court has not disclosed his citizenship": leave the nationality empty."""
    return bool(_UNDISCLOSED.search(text))
