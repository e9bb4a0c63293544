"""Find the people an article names and group the ways it spells each of them.

A person is first introduced by a run of two or more capitalised name tokens ("Joselito
Ocampo", "Аркадий Васильев"); later single tokens ("Ocampo", "Lin") refer back to a known
person. Spellings are grouped by a transliteration key, so "Seleznyov", "Seleznev" and
"Seleznyouv", or "Vasilyev" and "Васильев", land on one person. No person names are listed
anywhere: the rules look only at shape, position and the gazetteers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from .alternation import literal_alternation
from .gazetteers import (
    FUNCTION_WORDS,
    HEAD_OF_STATE_TITLES,
    MONTH_NAMES,
    NEUTRAL_TITLES,
    OFFICIAL_TITLES,
    ORG_WORDS,
    ORGANISATION_HEADS,
    PERSON_NOUNS,
    RANKS,
    RELATIVE_NOUNS,
    SPEECH_VERBS,
    WEEKDAYS,
    compound_demonym_codes,
    country_names,
    demonyms,
    multiword_places,
    name_blocklist,
    place_demonym,
    places,
)
from .segment import Sentence

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:\.(?<=\b\w\.)|\.(?<=\b\w\w\.))?")
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "binti",
        "ibn",
        "bint",
        "la",
        "le",
        "y",
        "dela",
        "delos",
        "los",
        "las",
        "des",
        "ten",
        "zu",
    ]
)
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)-[^\W\d_]", re.IGNORECASE)
_ARABIC_PREFIX_ONLY = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an)-", re.IGNORECASE)
_LOWER_AFTER_HYPHEN = re.compile(r"[^\W\d_]-[a-z]")
# "Ming-cheh", "Jong-un", "Ji-hoon": a romanised given name of two syllables, not a word with
# a modifier after it ("War-era", "Kremlin-led").
_SYLLABLE_PAIR = re.compile(
    r"^(?!(?:Ex|Anti|Hard|Far|Left|Right|Pro|Non|Self|Co|Post|Pre|Mid|All|Well|Ultra|Neo|Semi|"
    r"Half|One|Two|Vice|Over|Under|Multi|Cross|Long|Short|High|Low|Full|Part)-)"
    r"[A-Z][a-z]{1,4}-(?!(?:era|led|run|born|made|held|like|wide|free|only|type|age|old|new|"
    r"aged|based|style|owned|linked|backed)$)[a-z]{1,4}$"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_LATIN_PAREN = re.compile(r"\s*\(([^()A-Za-z0-9]{1,40})\)")


@dataclass
class NameRun:
    """A capitalised run read as a person's name."""

    start: int
    end: int
    tokens: tuple[str, ...]
    sentence: int
    possessive: bool
    title_before: str | None = None  # e.g. "Russian Ambassador", "consul"
    neutral_title: bool = False
    alias_of: int | None = None  # start of the full name a quoted nickname belongs to
    suffix: str | None = None  # a generational suffix written after the name: "Jr.", "III"


@dataclass
class Person:
    """One individual, with every mention by full name, surname or first name."""

    pid: int
    runs: list[NameRun] = field(default_factory=list)
    short_mentions: list[tuple[int, int, int, bool]] = field(default_factory=list)
    extra_spellings: list[tuple[int, int]] = field(default_factory=list)
    _canonical: tuple[int, NameRun] | None = field(default=None, repr=False, compare=False)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.canonical_run.tokens

    @property
    def canonical_run(self) -> NameRun:
        """The fullest Latin-script spelling; the first one when several are as full.

        Remembered until a run is added (runs are only ever appended), since it is asked for
        at every mention of the person."""
        cached = self._canonical
        if cached is not None and cached[0] == len(self.runs):
            return cached[1]
        latin = [r for r in self.runs if is_latin(" ".join(r.tokens))] or self.runs
        run = max(latin, key=lambda r: (len(r.tokens), -r.start))
        self._canonical = (len(self.runs), run)
        return run

    @property
    def name(self) -> str:
        """The fullest spelling, with the generational suffix any mention writes ("III")."""
        suffix = next((r.suffix for r in self.runs if r.suffix), None)
        return " ".join(self.tokens + ((suffix,) if suffix else ()))

    @property
    def first_position(self) -> int:
        positions = [r.start for r in self.runs] + [m[0] for m in self.short_mentions]
        return min(positions)


@lru_cache(maxsize=8192)
def is_latin(text: str) -> bool:
    for char in text:
        if char.isalpha():
            try:
                if not unicodedata.name(char).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


@lru_cache(maxsize=8192)
def translit_key(token: str) -> str:
    """A spelling-insensitive key: "Seleznyov", "Seleznev" and "Селезнёв" agree."""
    text = anyascii(token).lower()
    text = re.sub(r"[^a-z]", "", text)
    for old, new in (
        ("shch", "sh"),
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("ts", "c"),
        ("tz", "c"),
        ("ch", "c"),
        ("sh", "s"),
        ("yo", "e"),
        ("yu", "u"),
        ("ya", "a"),
        ("ye", "e"),
        ("iy", "i"),
        ("ij", "i"),
        ("y", "i"),
        ("w", "v"),
        ("ou", "u"),
        ("ie", "e"),
        ("ks", "x"),
        ("ph", "f"),
        ("th", "t"),
        ("dj", "j"),
    ):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def spellings_agree(a: str, b: str) -> bool:
    """Same name written two ways. The last letter must agree, which keeps a feminine
    surname ("Sokolovskaya") apart from the masculine one ("Sokolovsky")."""
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if ka[0] != kb[0] or ka[-1] != kb[-1] or min(len(ka), len(kb)) < 4:
        return False
    return ratio(ka, kb) >= 80


def _strip_possessive(token: str) -> tuple[str, bool]:
    if len(token) > 2 and _POSSESSIVE.search(token) and token[-2:] in ("'s", "’s"):
        return token[:-2], True
    if token.endswith(("s'", "s’")) and len(token) > 3:
        return token[:-1], True
    return token, False


def _is_name_token(token: str, blocked: frozenset[str], lower_vocab: frozenset[str]) -> bool:
    bare = token.rstrip(".")
    if not bare:
        return False
    if _ARABIC_PREFIX.match(bare):
        return True
    first = bare[0]
    if not first.isupper():
        return False
    if len(bare) == 1:
        return token.endswith(".")  # an initial
    if bare.isupper() and len(bare) > 1:
        return False  # acronyms: TASS, FSB, US
    lowered = bare.lower()
    if lowered in blocked or lowered in lower_vocab:
        return False
    if _LOWER_AFTER_HYPHEN.search(bare) and not _SYLLABLE_PAIR.match(bare):
        return False  # "War-era", "Kremlin-backed", "Texas-based": a modifier, not a name
    if _is_brand(bare):
        return False
    return not token.endswith(".") or len(bare) <= 2


# "LockBit", "JPMorgan", "WhatsApp": a capital inside a word, after lower case or after two
# capitals, writes a brand; family names do it only after a prefix ("McDonald", "DiCaprio").
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]|^[A-Z]{2,}(?=[a-z])")
_NAME_PREFIXES = frozenset(
    ["mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "st", "ben", "abu"]
)


def _is_brand(word: str) -> bool:
    return any(
        match.start() == 0 or word[: match.start()].lower() not in _NAME_PREFIXES
        for match in _INNER_CAPITAL.finditer(word)
    )


def _title_before(text: str, start: int, floor: int) -> tuple[str | None, bool]:
    """The office written right before a name ("Foreign Minister", "consul", "Judge")."""
    window = text[max(floor, start - 80) : start]
    words = re.findall(r"[\w'’\-\.]+|[\[\],;:()]", window)
    phrase: list[str] = []
    official = False
    neutral = False
    allowed_lower = {
        "of",
        "for",
        "and",
        "to",
        "the",
        "general",
        "deputy",
        "assistant",
        "senior",
        "chief",
        "foreign",
        "second",
        "first",
        "third",
        "vice",
        "special",
        "acting",
        "presiding",
        "state",
        "consular",
        "district",
        "federal",
        "regional",
        "public",
        "head",
        "[",
        "]",
        # The service an office heads: "military chief General X", "prison superintendent".
        "military",
        "army",
        "navy",
        "police",
        "intelligence",
        "security",
        "spy",
        "prison",
        "jail",
        "defence",
        "defense",
        "border",
        "customs",
        "immigration",
    }
    words = _without_acronym_brackets(words)
    for word in reversed(words):
        if word in (",", ";", ":", "(", ")"):
            break
        bare, _ = _strip_possessive(word.rstrip("."))
        if bare.startswith("-") and bare[1:2].isupper():
            bare = bare[1:]  # "Secretary -General": a compound office written with a space
        low = bare.lower()
        if len(bare) == 1 and bare.isupper() and not phrase:
            continue  # an initial or a one-letter name element ("I Made ...")
        if (
            not phrase
            and word.endswith(".")
            and len(bare) == 2
            and bare[0].isupper()
            and low not in _NEUTRAL_BARE
        ):
            continue  # a given name written short: "spokesperson Ma. Teresita X"
        if low in ("former", "ex", "late", "then"):
            if official and any(w.lower().rstrip(".") in HEAD_OF_STATE_TITLES for w in phrase):
                # "former President X": a past head of state still speaks for a state.
                return " ".join(reversed(phrase)), False
            return None, False
        if word.endswith(".") and low in _TITLE_ABBREVIATIONS:
            official = True
            phrase.append(_TITLE_ABBREVIATIONS[low])
            continue
        if low in OFFICIAL_TITLES:
            official = True
            phrase.append(word)
            continue
        if low in RANKS:
            # "Police Commander Pol Maj Gen": read past the ranks to the office before them.
            neutral = True
            phrase.append(word)
            continue
        if not phrase and low in NEUTRAL_TITLES | {t.rstrip(".") for t in NEUTRAL_TITLES}:
            neutral = True
            break
        if word in ("[", "]") or low in allowed_lower or (bare[:1].isupper() and phrase):
            phrase.append(word)
            if len(phrase) > 7:
                break
            continue
        if bare[:1].isupper() and not phrase:
            # A capitalised word right before the name that is no title ends the search,
            # unless it closes an office "of" a body: "Minister of State for Foreign Affairs".
            office = _OFFICE_OF.search(window)
            if office and office.group("office").lower() in OFFICIAL_TITLES:
                return " ".join(office.group().split()), False
            break
        break
    if official:
        words_in = [w for w in reversed(phrase) if w not in ("[", "]")]
        return " ".join(words_in).strip(), False
    if not neutral:
        # "Consul General in New York Oleg X", "Ambassador to Gabon Jane Y": an office placed
        # by a town or country between the title and the name.
        placed = _PLACED_TITLE.search(window)
        if placed and any(w.lower() in OFFICIAL_TITLES for w in placed.group("title").split()):
            return " ".join(placed.group().split()), False
    return None, neutral


def _without_acronym_brackets(words: list[str]) -> list[str]:
    """ "National Bureau of Investigation (NBI) chief": the bracketed acronym is left out, so
    that the office reads on to the body's name."""
    kept: list[str] = []
    index = 0
    while index < len(words):
        if (
            words[index] == "("
            and index + 2 < len(words)
            and words[index + 2] == ")"
            and words[index + 1].isupper()
        ):
            index += 3
            continue
        kept.append(words[index])
        index += 1
    return kept


_OFFICE_OF = re.compile(
    r"\b(?P<office>[A-Z][\w\-]*)\s+(?:of|for)\s+(?:(?:[A-Z][\w'’\-]*|of|for|and|the)\s+){1,7}$"
)

# Offices written short with a full stop: "Sen. Bob X", "Gov. Jane Y".
_TITLE_ABBREVIATIONS = {
    "sen": "Senator",
    "sens": "Senators",
    "gov": "Governor",
    "reps": "Representatives",
    "amb": "Ambassador",
    "atty": "Attorney",
    "supt": "Superintendent",
}

_PLACED_TITLE = re.compile(
    r"(?P<title>(?:(?:[A-Z][\w\-]*|special|deputy|senior|chief|assistant)\s+){0,3}"
    r"[A-Za-z][\w\-]*)\s+(?:in|to|at|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-’']*\s+){1,3}$"
)


@lru_cache(maxsize=1)
def _multiword_place_starts() -> re.Pattern[str]:
    """At each position where a multi-word place name starts, the longest one (a look-ahead,
    so that names overlapping each other are all found)."""
    names = [name for name, _code in multiword_places()]
    return re.compile(r"(?=\b(" + literal_alternation(names) + r")\b)")


def _mask_places(sentence: str) -> str:
    """Blank out multi-word place names and demonyms ("Hong Kong", "New York", "Sri Lankan")
    so they are not read as person names; the blanks keep every offset where it was."""
    masked = sentence
    for match in _multiword_place_starts().finditer(sentence.lower()):
        start, end = match.span(1)
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked


# "the Department of Migrant Workers": capitalised words after an institution's "of".
_ORG_OF = re.compile(
    r"\b(?:Department|Ministry|Office|Bureau|Committee|Council|Commission|Court|University|"
    r"Institute|Agency|Service|Directorate|Union|Federation|Association|Society|Board|School|"
    r"College|Academy|Centre|Center|Fund|Foundation|Party|Museum|House|Bank|Church|Secretary|"
    r"Minister|Division|Administration|Authority|Chamber|League|Organisation|Organization)\s+"
    r"(?:of|for|on)\s+(?:the\s+)?$"
)


def _lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the article also writes in lower case: those are common words, not names."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z'\-]+\b", text) if len(w) > 2)


def _flush(
    text: str,
    sentence: Sentence,
    masked: str,
    current: list[re.Match[str]],
    runs: list[NameRun],
    organisations: list[NameRun],
) -> None:
    """Close the run of name tokens collected so far; keep it when it can be a name, and
    set it apart when the words around it make it an organisation's or a ship's name."""
    while current and current[-1].group().lower() in _PARTICLES:
        current.pop()
    if (
        len(current) >= 2
        and not _title_follows(masked, current[-1].end())
        and any(len(m.group().rstrip(".")) > 1 for m in current)  # not just "U. S."
    ):
        run = _make_run(text, sentence, current)
        if run is not None:
            if _names_an_organisation(text, masked, sentence, run):
                organisations.append(run)
            else:
                runs.append(run)
    current.clear()


_ORGANISATION_AFTER = re.compile(r"\s+(?:&\s+[A-Z]|(?P<word>[A-Z][\w'’]*)(?![\w'’]))")
# The noun that a name stands in apposition to: "the terrorist group Harakat X", "a firm
# called X", "the tanker MT Heroic Idun".
_ORGANISATION_BEFORE = re.compile(
    r"(?:\b(?:group|organi[sz]ation|movement|militia|party|network|company|firm|agency|"
    r"newspaper|daily|broadcaster|outlet|channel|website|brand|band|charity|bank|airline|"
    r"carrier|tanker|ship|vessel|yacht|trawler|boat)\s+(?:called\s+|named\s+|known\s+as\s+)?"
    r"|\b(?:MT|MV|MS|HMS|USS|RV|SS)\s+)$"
)


# "the Dow Jones media group", "X and other firms": a kind of business after the name; "the
# Night Owl ransomware": a program.
_SOFTWARE = r"malware|ransomware|spyware|software|virus|botnet|trojan|infostealer"
_BUSINESS_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:group|firm|company|conglomerate|corporation|newspaper|agency|"
    r"bank|lender|brokerage|network|outlet|giant|" + _SOFTWARE + r")\b"
)


# "Harlow Tench executive Dana Holt", "Northwind reporter Ann Bell": the employer before a job and
# the name of the one who holds it.
_EMPLOYER_BEFORE_JOB = re.compile(
    r"\s+(?:executive|employee|manager|staffer|reporter|correspondent|engineer|analyst|"
    r"consultant|photographer|editor|researcher)\s+[A-Z]"
)


def _names_an_organisation(text: str, masked: str, sentence: Sentence, run: NameRun) -> bool:
    if run.possessive:
        return False
    end = run.end - sentence.start
    if _EMPLOYER_BEFORE_JOB.match(masked, end):
        return True
    after = _ORGANISATION_AFTER.match(masked, end)
    if after and (after.group("word") or "co").lower() in ORGANISATION_HEADS:
        return True  # "... Foundation", "... & Co."
    if _BUSINESS_AFTER.match(masked, end):
        return True
    return bool(_ORGANISATION_BEFORE.search(text[max(sentence.start, run.start - 40) : run.start]))


# A nickname in quotes between a given name and a family name.
_NICKNAME = re.compile(r"(?<=[^\W\d_] )[\"“‘']([A-Z][\w\-]+)[\"”’'](?= [A-Z])")


# Months that are also given names: "Bella May Culley", "Anna June Hart".
_NAME_MONTHS = frozenset(["april", "may", "june"])
_NEXT_WORD = re.compile(r" ([A-Z][\w’'\-]+)")


def _middle_name(
    masked: str,
    match: re.Match[str],
    bare: str,
    blocked: frozenset[str],
    lower_vocab: frozenset[str],
) -> bool:
    """A month between a given name and a family name is a middle name ("Bella May Culley"),
    and so is a word the story also writes in lower case ("Tam Long Vo"): between two names
    it is one of them."""
    low = bare.lower()
    if low not in _NAME_MONTHS and (low in blocked or low not in lower_vocab):
        return False
    if not bare[:1].isupper() or bare.isupper():
        return False
    following = _NEXT_WORD.match(masked, match.end())
    return bool(following) and _is_name_token(following.group(1), blocked, lower_vocab)


def find_name_runs(text: str, sentences: list[Sentence]) -> list[NameRun]:
    """Capitalised runs of two or more name tokens, sentence by sentence."""
    blocked = name_blocklist()
    lower_vocab = _lowercase_vocabulary(text)
    runs: list[NameRun] = []
    organisations: list[NameRun] = []
    for sentence in sentences:
        masked = _mask_places(sentence.text)
        nicknames = {m.start(1): m.end() for m in _NICKNAME.finditer(masked)}
        current: list[re.Match[str]] = []
        previous_end = None
        for match in _WORD.finditer(masked):
            if current and match.start() in nicknames:
                previous_end = nicknames[match.start()]  # Anastasia "Nastya" B.: read past it
                continue
            token = match.group()
            bare, possessive = _strip_possessive(token)
            gap = masked[previous_end : match.start()] if previous_end is not None else " "
            if gap not in (" ", ""):
                _flush(text, sentence, masked, current, runs, organisations)
            is_name = _is_name_token(bare, blocked, lower_vocab) or (
                bool(current)
                and not sentence.is_title  # a headline's "May" is the verb
                and _middle_name(masked, match, bare, blocked, lower_vocab)
            )
            is_particle = bare.lower() in _PARTICLES and bool(current)
            if is_name or is_particle:
                current.append(match)
                if possessive:
                    _flush(text, sentence, masked, current, runs, organisations)
            else:
                _flush(text, sentence, masked, current, runs, organisations)
            previous_end = match.end()
        _flush(text, sentence, masked, current, runs, organisations)
    runs = _split_long_runs(_without_organisations(text, runs, organisations))
    runs = _without_headline_fragments(text, sentences, runs)
    runs = [_with_suffix(text, _without_place_demonym(text, run)) for run in runs]
    runs = _without_cut_name(text, runs)
    runs.extend(_place_led_runs(text, sentences, runs, blocked, lower_vocab))
    runs.extend(_place_surname_runs(text, sentences, runs, blocked, lower_vocab))
    runs.extend(_shared_surname_runs(text, sentences, runs, blocked, lower_vocab))
    runs.extend(_initialled_runs(sentences, runs, blocked, lower_vocab))
    runs.extend(_nickname_runs(sentences, runs))
    return sorted(runs, key=lambda r: r.start)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(sentence: Sentence) -> bool:
    """A headline written in title case ("Moscow Swaps American Journalists, Top Dissidents
    For Convicted Criminals"), where every word is capitalised, names or not."""
    words = _LONG_WORD.findall(sentence.text)
    return (
        sentence.is_title
        and len(words) >= 4
        and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    )


def _without_headline_fragments(
    text: str, sentences: list[Sentence], runs: list[NameRun]
) -> list[NameRun]:
    """In a title-case headline every word is capitalised: a run there loses its leading
    words that the text also writes as common words ("Sentences", "Extradites"), and is a
    name only when the prose writes its family name too ("Top Dissidents" is not)."""
    headlines = {s.index for s in sentences if _title_case(s)}
    if not headlines:
        return runs
    prose = {run.tokens[-1].lower() for run in runs if run.sentence not in headlines} | {
        word.lower()
        for s in sentences
        if s.index not in headlines
        for word in re.findall(r"\b[A-Z][\w'’\-]+", s.text)
    }
    stems = {
        word[:size]
        for word in re.findall(r"\b[a-z]{4,}\b", text)
        for size in range(4, len(word) + 1)
    }
    kept: list[NameRun] = []
    for run in runs:
        if run.sentence not in headlines:
            kept.append(run)
            continue
        tokens = list(run.tokens)
        start = run.start
        while len(tokens) > 2 and re.sub(r"e?s$", "", tokens[0].lower()) in stems:
            start = text.index(tokens[1], start + len(tokens[0]))
            tokens.pop(0)
        if tokens[-1].lower() in prose:
            kept.append(replace(run, start=start, tokens=tuple(tokens)))
    return kept


# "William Hale III", "Ray Dunn, Jr.": a suffix that tells a man from his father. It is kept
# apart from the tokens, so that the family name stays the last of them.
_GENERATIONAL_SUFFIX = re.compile(r",?\s(Jr\.?|Sr\.?|II|III|IV)(?![\w'’\-])")


def _with_suffix(text: str, run: NameRun) -> NameRun:
    match = _GENERATIONAL_SUFFIX.match(text, run.end)
    return replace(run, suffix=match.group(1)) if match and not run.possessive else run


def _without_place_demonym(text: str, run: NameRun) -> NameRun:
    """ "Queenslander Ivan Petrov", "Texan Mary Cole": a demonym made from a state's or a
    city's name says where the person is from and is no part of the name."""
    first = run.tokens[0]
    if len(run.tokens) < 3 or (place_demonym(first) is None and not compound_demonym_codes(first)):
        return run
    start = text.index(run.tokens[1], run.start + len(run.tokens[0]))
    return replace(run, start=start, tokens=run.tokens[1:])


def _without_cut_name(text: str, runs: list[NameRun]) -> list[NameRun]:
    """An excerpt that stops in the middle of a name ("... access to Mr Ravi Shank"): the
    cut run is a piece of a name given in full before, not someone else."""
    if not runs or runs[-1].end < len(text.rstrip()):
        return runs
    cut = runs[-1]
    head, tail = cut.tokens[:-1], cut.tokens[-1]
    for run in runs[:-1]:
        if run.tokens[: len(head)] == head and any(
            len(token) > len(tail) and token.startswith(tail) for token in run.tokens[len(head) :]
        ):
            return runs[:-1]
    return runs


def _without_organisations(
    text: str, runs: list[NameRun], organisations: list[NameRun]
) -> list[NameRun]:
    """Leave out the runs that repeat an organisation's name ("Dui Hua" beside "the Dui Hua
    Foundation"), unless the text writes that run as a person's: with a title, an age, an
    apposition or a possessive (a foundation named after someone in the story)."""
    names = {run.tokens for run in organisations}
    if not names:
        return runs
    personal = {run.tokens for run in runs if run.tokens in names and _person_cue(text, run)}
    return [run for run in runs if run.tokens not in names or run.tokens in personal]


_PERSON_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\s*,|an?\s|the\s|who\s)")
# "Night Owl, a ransomware strain,": an apposition that names a thing.
_THING_AFTER = re.compile(
    r"\s*,\s*(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?(?:" + _SOFTWARE + r"|group|company|firm)\b"
)


def _person_cue(text: str, run: NameRun) -> bool:
    return bool(
        run.title_before
        or run.neutral_title
        or run.possessive
        or (
            _PERSON_AFTER.match(text, run.end, run.end + 12)
            and not _THING_AFTER.match(text, run.end, run.end + 60)
        )
    )


# "Rohan Das, PK Mehra, VS Rao and ...": two initials written together, then a family
# name, as an item of a list of names.
_INITIALLED = re.compile(
    r"(?:(?<=,\s)|(?<=\band\s))([A-Z]{2})\s+([A-Z][a-z][\w'’\-]*)(?![\w'’\-]|\s+[A-Z])"
)
_NOT_INITIALS = frozenset(["US", "UK", "UN", "EU", "TV", "AP", "AM", "PM", "ID", "OK", "MP"])


def _initialled_runs(
    sentences: list[Sentence],
    runs: list[NameRun],
    blocked: frozenset[str],
    lower_vocab: frozenset[str],
) -> list[NameRun]:
    covered = _Coverage([(r.start, r.end) for r in runs])
    found: list[NameRun] = []
    for sentence in sentences:
        for match in _INITIALLED.finditer(sentence.text):
            initials, family = match.group(1), match.group(2)
            start = sentence.start + match.start(1)
            if initials in _NOT_INITIALS or covered.contains(start):
                continue
            if not _is_name_token(family, blocked, lower_vocab):
                continue
            end = sentence.start + match.end(2)
            found.append(NameRun(start, end, (initials, family), sentence.index, False))
    return found


def _nickname_runs(sentences: list[Sentence], runs: list[NameRun]) -> list[NameRun]:
    """Evgeny "Eugene" Spector: "Eugene Spector" is another name of the same person."""
    found: list[NameRun] = []
    by_sentence: dict[int, list[NameRun]] = {}
    for run in runs:
        by_sentence.setdefault(run.sentence, []).append(run)
    for sentence in sentences:
        for match in _NICKNAME.finditer(sentence.text):
            start = sentence.start + match.start(1)
            for run in by_sentence.get(sentence.index, ()):
                if run.start < start < run.end and len(run.tokens) >= 2:
                    tokens = (match.group(1), run.tokens[-1])
                    found.append(
                        NameRun(
                            start,
                            start + len(match.group(1)),
                            tokens,
                            sentence.index,
                            False,
                            alias_of=run.start,
                        )
                    )
    return found


# "Craig and Lindsay Foreman": the first given name shares the family name that follows
# (not "BK Verma and Sugunakar Pakala", where initials make the first word a family name).
_GIVEN_AND = re.compile(
    r"(?<![\w'’\-])(?<![A-Z]\s)(?<![A-Z]{2}\s)(?<![A-Z]\.\s)([A-Z][a-z]+)\s+(?:and|&)\s+$"
)


def _shared_surname_runs(
    text: str,
    sentences: list[Sentence],
    runs: list[NameRun],
    blocked: frozenset[str],
    lower_vocab: frozenset[str],
) -> list[NameRun]:
    covered = _Coverage([(r.start, r.end) for r in runs])
    found: list[NameRun] = []
    for run in runs:
        if len(run.tokens) != 2:
            continue
        floor = sentences[run.sentence].start
        before = text[max(floor, run.start - 30) : run.start]
        match = _GIVEN_AND.search(before)
        if not match:
            continue
        start = run.start - len(before) + match.start(1)
        given = match.group(1)
        if covered.contains(start) or not _is_name_token(given, blocked, lower_vocab):
            continue
        found.append(
            NameRun(start, start + len(given), (given, run.tokens[-1]), run.sentence, False)
        )
    return found


# "her partner Jacques Paris", "Kohler and Jacques Paris": a family name that is also a town.
_PLACE_SURNAME = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+)\s+([A-Z][a-z]+)(?![\w'’\-])")
_PERSON_BEFORE = re.compile(r"(?:\band|\b(?:his|her|their)\s+[a-z]+,?)\s+$")
# "A, B, and Milan Kral", "A, 34, and B": what joins a name to the one listed before it
# (`fullmatch` the text between the two).
NAMES_JOIN = re.compile(r"\s*(?:,\s*\d{1,3}\s*)?(?:,|,?\s*and)\s*")


def _listed_after_a_name(text: str, start: int, runs: list[NameRun]) -> bool:
    """The words at `start` follow another person's name in a list ("..., and Milan Kral")."""
    return any(
        r.end <= start and start - r.end <= 14 and NAMES_JOIN.fullmatch(text[r.end : start])
        for r in runs
    )


def _place_surname_runs(
    text: str,
    sentences: list[Sentence],
    runs: list[NameRun],
    blocked: frozenset[str],
    lower_vocab: frozenset[str],
) -> list[NameRun]:
    place_words = _place_only_words()
    covered = _Coverage([(r.start, r.end) for r in runs])
    found: list[NameRun] = []
    for sentence in sentences:
        for match in _PLACE_SURNAME.finditer(sentence.text):
            given, family = match.group(1), match.group(2)
            start = sentence.start + match.start()
            if family.lower() not in place_words or covered.contains(start):
                continue
            if not _is_name_token(given, blocked, lower_vocab):
                continue
            before = sentence.text[max(0, match.start() - 30) : match.start()]
            introduced = _PERSON_BEFORE.search(before)
            if not introduced:
                continue
            words = introduced.group().replace(",", " ").split()
            if words[0] in ("his", "her", "their") and (
                words[1] not in RELATIVE_NOUNS | PERSON_NOUNS
            ):
                continue
            found.append(
                NameRun(start, start + len(match.group()), (given, family), sentence.index, False)
            )
    return found


_PLACE_LED = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][\w’'\-]+)")
_NOT_BEFORE_PLACE_LED = re.compile(
    r"(?:\b(?:in|at|from|to|of|near|into|the|a|an|and|or|via|outside|across|for|by|with)|['’]s"
    r"|[A-Z][\w\-]*)\s*$"
)


@lru_cache(maxsize=1)
def _place_only_words() -> frozenset[str]:
    """Capitalised words that are blocked only because a country or town has that name
    ("Jordan", "Georgia", "Chelsea"); they can still open a person's name."""
    other = {w.lower() for w in demonyms()} | ORG_WORDS | FUNCTION_WORDS | OFFICIAL_TITLES
    other |= set(WEEKDAYS) | set(MONTH_NAMES)
    words = {n for n in country_names() if " " not in n} | {
        p.lower() for p in places() if " " not in p
    }
    return frozenset(w for w in words if w not in other)


def _place_led_runs(
    text: str,
    sentences: list[Sentence],
    runs: list[NameRun],
    blocked: frozenset[str],
    lower_vocab: frozenset[str],
) -> list[NameRun]:
    """ "Jordan Beaumont, 61,": a given name that is also a place, read as a name when an age
    follows or the family name stands alone elsewhere in the article."""
    place_words = _place_only_words()
    starts = {r.start: r for r in runs}
    found: list[NameRun] = []
    for sentence in sentences:
        for match in _PLACE_LED.finditer(sentence.text):
            first, second = match.group(1), match.group(2)
            family, possessive = _strip_possessive(second)
            if first.lower() not in place_words:
                continue
            if not _is_name_token(family, blocked, lower_vocab):
                continue
            lead_in = sentence.text[max(0, match.start() - 12) : match.start()]
            start = sentence.start + match.start(1)
            listed = _listed_after_a_name(text, start, runs)
            if _NOT_BEFORE_PLACE_LED.search(lead_in) and not listed:
                continue
            second_start = sentence.start + match.start(2)
            if any(r.start <= start < r.end for r in runs):
                continue
            after = text[second_start + len(second) : second_start + len(second) + 12]
            aged = re.match(r"\s*,\s*\d{1,3}\s*,", after)
            rest = text[second_start + len(second) :]
            alone = re.search(r"(?<![\w’'\-]\s)(?<![\w’'\-])" + re.escape(family) + r"\b", rest)
            if not (aged or alone or listed):
                continue
            existing = starts.get(second_start)
            if existing is not None:
                runs.remove(existing)
                tokens: tuple[str, ...] = (first, *existing.tokens)
                end, possessive = existing.end, existing.possessive
            else:
                tokens = (first, family)
                end = second_start + len(family)
            title, neutral = _title_before(text, start, sentence.start)
            found.append(NameRun(start, end, tokens, sentence.index, possessive, title, neutral))
    return found


_NEUTRAL_BARE = frozenset(t.rstrip(".") for t in NEUTRAL_TITLES)
# "Captains A and B, Commanders C and D": a rank in the plural heads a list of names.
_PLURAL_RANKS = frozenset(
    rank + "s" for rank in RANKS | {"captain", "commander", "sailor"} if len(rank) > 3
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w\-]*)")


def _title_follows(sentence: str, end: int) -> bool:
    """ "Natural Resources Minister": capitalised words right before an office are its name."""
    match = _NEXT_WORD.match(sentence, end)
    return bool(match) and match.group(1)[0].isupper() and match.group(1).lower() in OFFICIAL_TITLES


def _rank_lead(matches: list[re.Match[str]]) -> int:
    """How many leading tokens are ranks, with the initials before them ("U. S. Marine
    Corporal"): those are stripped from the name."""
    count = 0
    for index, match in enumerate(matches[:-2]):
        bare = match.group().lower().rstrip(".")
        if bare in RANKS or bare in _PLURAL_RANKS:
            count = index + 1
        elif not (len(bare) == 1 or bare in _NEUTRAL_BARE):
            break
    return count


# A photo credit: "© Anna Petrova", "Photo: Anna Petrova", "(AGENCY Photo/Anna Petrova)",
# "Anna Petrova/AGENCY".
_CREDIT_BEFORE = re.compile(
    r"(?:©|\(c\)|\b(?:[Pp]hoto(?:graph)?s?|[Pp]icture|[Ii]mage|[Cc]redit)(?:\s+by)?\s*[:/]?)\s*$"
)
_CREDIT_AFTER = re.compile(r"^\s*/\s*[A-Z]")
# "AFP / Anna Petrova", "Reuters/Anna Petrova" at the start of a line: the agency, then who
# took the picture.
_AGENCY_BEFORE = re.compile(r"^\s*[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s*/\s*$")


# "X's Refugee Services", "X's Foundation": a name that is part of an organisation's.
_OWNS_ORGANISATION = re.compile(
    r"['’]s\s+(?:[A-Z][\w\-]*\s+){0,3}(?:"
    + "|".join(w.capitalize() for w in sorted(ORG_WORDS) if w.isalpha())
    + r")\b"
)


# Initials that spell a country ("U.S. Extradites ...", "U.K. Marine"): not a name's.
_COUNTRY_INITIALS = frozenset(["US", "USA", "UK", "UAE", "UN", "EU"])


def _country_initials(matches: list[re.Match[str]]) -> int:
    """How many leading tokens are single letters written together that spell a country."""
    count = 0
    while count < len(matches) and len(matches[count].group().rstrip(".")) == 1:
        if count and matches[count].start() != matches[count - 1].end():
            break
        count += 1
    letters = "".join(m.group().rstrip(".") for m in matches[:count])
    return count if letters in _COUNTRY_INITIALS else 0


def _make_run(text: str, sentence: Sentence, matches: list[re.Match[str]]) -> NameRun | None:
    neutral_lead = False
    matches = matches[_country_initials(matches) :]
    ranks = _rank_lead(matches)
    if ranks:
        matches = matches[ranks:]
        neutral_lead = True
    while matches and matches[0].group().lower().rstrip(".") in _NEUTRAL_BARE:
        matches = matches[1:]
        neutral_lead = True
    if len(matches) < 2:
        return None
    start = sentence.start + matches[0].start()
    end = sentence.start + matches[-1].end()
    if _ORG_OF.search(text[max(sentence.start, start - 40) : start]):
        return None
    if _CREDIT_BEFORE.search(text[max(sentence.start, start - 20) : start]) or _CREDIT_AFTER.match(
        text[end : end + 3]
    ):
        return None
    if matches[0].group() in ("St.", "St", "Saint") or _OWNS_ORGANISATION.match(text, end):
        return None  # "St. Brendan's Relief Services": a saint's name, an organisation's

    if start - sentence.start <= 40 and _AGENCY_BEFORE.match(text[sentence.start : start]):
        return None
    raw_tokens = [m.group() for m in matches]
    last, possessive = _strip_possessive(raw_tokens[-1])
    raw_tokens[-1] = last
    if possessive:
        end -= len(matches[-1].group()) - len(last)
    title, neutral = _title_before(text, start, sentence.start)
    return NameRun(
        start, end, tuple(raw_tokens), sentence.index, possessive, title, neutral or neutral_lead
    )


def _split_long_runs(runs: list[NameRun]) -> list[NameRun]:
    """Break runs such as "Anatoly Antonov Valery Sharifulin" (a caption) into the two names
    seen elsewhere in the article."""
    known = {r.tokens for r in runs if len(r.tokens) <= 3}
    result: list[NameRun] = []
    for run in runs:
        if len(run.tokens) < 4:
            result.append(run)
            continue
        split_at = next(
            (
                i
                for i in range(2, len(run.tokens) - 1)
                if run.tokens[:i] in known or run.tokens[i:] in known
            ),
            None,
        )
        if split_at is None:
            result.append(run)
            continue
        head_len = len(" ".join(run.tokens[:split_at]))
        result.append(
            NameRun(
                run.start,
                run.start + head_len,
                run.tokens[:split_at],
                run.sentence,
                False,
                run.title_before,
                run.neutral_title,
            )
        )
        tail_start = run.start + head_len + 1
        result.append(
            NameRun(tail_start, run.end, run.tokens[split_at:], run.sentence, run.possessive)
        )
    return result


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names for one individual: same given and family name up to spelling, or one
    name's tokens all inside the other's ("Harpreet Sandhu" in "Harpreet Singh Sandhu")."""
    if spellings_agree(a[-1], b[-1]) and spellings_agree(a[0], b[0]):
        return True
    if (
        len(a) == len(b) == 2
        and spellings_agree(a[-1], b[-1])
        and (_is_initial(a[0]) or _is_initial(b[0]))
        and a[0][0].upper() == b[0][0].upper()
    ):
        return True  # "Y. Nikulin" for "Yevgeni Nikulin"
    if (
        len(a) == len(b) == 2
        and translit_key(a[-1]) == translit_key(b[-1])
        and translit_key(a[0])[:1] == translit_key(b[0])[:1]
        and ratio(translit_key(a[0]), translit_key(b[0])) >= 70
    ):
        return True  # "Aliaksandr X" and "Alexander X": one given name, two transliterations
    keys_a = {translit_key(t) for t in a}
    keys_b = {translit_key(t) for t in b}
    shorter, longer = (keys_a, keys_b) if len(keys_a) <= len(keys_b) else (keys_b, keys_a)
    return len(shorter) >= 2 and shorter <= longer


_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|from|across|through|via|towards?|off)\s+(?:the\s+)?"
    r"|\bthe\s+(?:[a-z][\w\-]*\s+){0,3})$"
)
_PLACE_AFTER = re.compile(
    r"^['’]?s?\s+(?:[A-Z][a-z]+\s+){0,2}(?:prison|jail|airport|crossing|court|region|province|"
    r"district|motorway|highway|border|camp|hotel|station|port|street|road|avenue|island|river|"
    r"bay|valley|mountains|desert|city|town|village|county|state|oblast|krai|colony|centre|"
    r"center|complex|penitentiary|base|hospital|university|airline|company|bank|tanker|ship|"
    r"vessel|exchange|platform)\b",
    re.IGNORECASE,
)


_LINKING = frozenset(
    [
        "by",
        "of",
        "with",
        "to",
        "for",
        "from",
        "at",
        "on",
        "in",
        "and",
        "or",
        "as",
        "than",
        "that",
        "who",
    ]
)


def in_place_context(text: str, start: int, end: int) -> bool:
    """True when the words around a capitalised run make it a place or a thing ("at Ngurah
    Rai International Airport", "the tanker Amber Crest")."""
    before = text[max(0, start - 40) : start]
    if _PLACE_AFTER.match(text[end : end + 50]):
        return True
    match = _LOCATIVE_BEFORE.search(before)
    if not match:
        return False
    between = match.group().split()[1:] if match.group().startswith("the") else []
    if any(w in _LINKING or w.endswith("ed") for w in between):
        return False  # "the remarks made by Roger Carstens": the run is not in the noun phrase
    return not any(w.lower() in PERSON_NOUNS or w.lower() in OFFICIAL_TITLES for w in between)


@lru_cache(maxsize=1)
def _places_by_last_word() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for name, _code in multiword_places():
        index.setdefault(name.split()[-1], []).append(name)
    return index


def _misspelt_place(name: str) -> bool:
    """ "Saudia Arabia": a place name written with a slip, which reads as a first name and a
    surname."""
    words = name.lower().split()
    if len(words) < 2:
        return False
    candidates = _places_by_last_word().get(words[-1], ())
    low = " ".join(words)
    return any(ratio(low, c) >= 85 for c in candidates)


def drop_places(text: str, people: list[Person]) -> list[Person]:
    """Keep the people at least one of whose mentions reads as a person's."""
    kept: list[Person] = []
    for person in people:
        spans = [(r.start, r.end) for r in person.runs] + [
            (s, e) for s, e, _i, _p in person.short_mentions
        ]
        titled = any(r.title_before or r.neutral_title for r in person.runs)
        if _misspelt_place(person.name):
            continue
        if titled or not all(in_place_context(text, s, e) for s, e in spans):
            kept.append(person)
    for index, person in enumerate(kept):
        person.pid = index
    return kept


class _PeopleIndex:
    """The people found so far, indexed by spelling keys so that a new name is compared with
    the few people it may share a name with, not with everyone: the cost of grouping stays
    linear in the number of names however many people a long text names."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_any_token: dict[str, set[int]] = {}
        self._by_family_name: dict[str, set[int]] = {}
        self._by_shape: dict[tuple[str, str], set[int]] = {}

    def add(self, person: Person, run: NameRun) -> None:
        pid = person.pid
        keys = [translit_key(t) for t in run.tokens]
        for key in keys:
            self._by_any_token.setdefault(key, set()).add(pid)
        self._by_family_name.setdefault(keys[-1], set()).add(pid)
        self._by_shape.setdefault(_name_shape(keys), set()).add(pid)

    def candidates(self, tokens: tuple[str, ...]) -> list[Person]:
        """Everyone `_same_person` may accept for `tokens`, in the order they were found:
        the same family-name key, any token key equal to the run's family name (the run is
        part of a longer name), a family name equal to any of the run's tokens (a longer run
        holds a shorter name), or the same first and last letters of given and family name
        (spelling variants agree on those)."""
        keys = [translit_key(t) for t in tokens]
        found = set(self._by_any_token.get(keys[-1], ()))
        for key in keys:
            found |= self._by_family_name.get(key, set())
        found |= self._by_shape.get(_name_shape(keys), set())
        return [self.people[pid] for pid in sorted(found)]


def _name_shape(keys: list[str]) -> tuple[str, str]:
    family, given = keys[-1], keys[0]
    return (family[:1] + family[-1:], given[:1] + given[-1:])


def cluster_people(runs: list[NameRun]) -> list[Person]:
    index = _PeopleIndex()
    owner_of_run: dict[int, Person] = {}
    for run in runs:
        target = owner_of_run.get(run.alias_of) if run.alias_of is not None else None
        target = target or next(
            (
                p
                for p in index.candidates(run.tokens)
                if any(_same_person(run.tokens, r.tokens) for r in p.runs)
            ),
            None,
        )
        if target is None:
            target = Person(pid=len(index.people))
            index.people.append(target)
        target.runs.append(run)
        owner_of_run[run.start] = target
        index.add(target, run)
    return index.people


class _Coverage:
    """Is a position inside any of some spans? Answered by bisection, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _end in spans]
        self._reach: list[int] = []  # the furthest end among spans starting at or before
        furthest = -1
        for _start, end in spans:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def contains(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._reach[index]


_SPEECH_AFTER = re.compile(r"^\s*(?:,[^,]{0,60},\s*)?(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b")


def find_short_mentions(
    text: str, sentences: list[Sentence], people: list[Person], runs: list[NameRun]
) -> None:
    """Attach single-token mentions ("Ocampo", "Lin", "Roman") to the people they name, and
    add one-word people (an official known only by surname) when the text treats them as
    speakers or gives them a title."""
    covered = _Coverage([(r.start, r.end) for r in runs])
    blocked = name_blocklist()
    singles: dict[str, list[tuple[int, int, int, bool]]] = {}
    for sentence in sentences:
        for match in _WORD.finditer(sentence.text):
            token, possessive = _strip_possessive(match.group())
            token = token.rstrip(".")
            if not token or not token[0].isupper() or token.isupper() or len(token) < 2:
                continue
            start = sentence.start + match.start()
            if covered.contains(start):
                continue
            if token.lower() in blocked:
                continue
            singles.setdefault(token, []).append(
                (start, start + len(token), sentence.index, possessive)
            )

    known = _SingleNameIndex(people)
    for token, spots in singles.items():
        candidates = known.match(token)
        if candidates:
            starts = [sorted(r.start for r in person.runs) for person in candidates]
            for spot in spots:
                _closest_before(candidates, starts, spot[0]).short_mentions.append(spot)
            continue
        if _looks_like_single_name_person(text, token, spots):
            person = Person(pid=len(people))
            start, end, index, possessive = spots[0]
            person.runs.append(NameRun(start, end, (token,), index, possessive))
            person.runs[0].title_before = _title_before(text, start, 0)[0]
            person.short_mentions.extend(spots[1:])
            people.append(person)


def _closest_before(candidates: list[Person], starts: list[list[int]], position: int) -> Person:
    """Of several people sharing a name, the one last named in full before `position`; the
    first one named when none was. `starts` holds each candidate's sorted run starts."""
    if len(candidates) == 1:
        return candidates[0]
    best: tuple[int, Person] | None = None
    for person, person_starts in zip(candidates, starts, strict=True):
        before = bisect_left(person_starts, position)
        if before and (best is None or person_starts[before - 1] > best[0]):
            best = (person_starts[before - 1], person)
    return best[1] if best else min(candidates, key=lambda p: p.first_position)


class _SingleNameIndex:
    """Where a lone token may point: people indexed by each way `_match_single` compares a
    token with their names, so that a token is compared with a handful of people."""

    def __init__(self, people: list[Person]) -> None:
        self._tables: list[dict[str, list[Person]]] = [{}, {}, {}, {}, {}]
        for person in people:
            for run in person.runs:
                if len(run.tokens) < 2:
                    continue
                family = run.tokens[-1]
                if _ARABIC_PREFIX_ONLY.match(family):
                    self._put(0, translit_key(_ARABIC_PREFIX_ONLY.sub("", family)), person)
                self._put(1, translit_key(family), person)
                self._put(2, translit_key(run.tokens[0]), person)
                for middle in run.tokens[1:-1] if len(run.tokens) > 2 else ():
                    self._put(3, translit_key(middle), person)
                self._put(4, _shape(translit_key(family)), person)

    def _put(self, table: int, key: str, person: Person) -> None:
        bucket = self._tables[table].setdefault(key, [])
        if person not in bucket:
            bucket.append(person)

    def match(self, token: str) -> list[Person]:
        """The people a lone token may name: an exact family name first ("Tamimi" for "Omar
        al-Tamimi" too), then a given name, then a family name before a second one
        ("Montilla" for "Rafael Eduardo Montilla Suárez"), then a transliteration variant
        of a family name."""
        key = translit_key(token)
        for table in range(4):
            found = self._tables[table].get(key)
            if found:
                return sorted(found, key=lambda p: p.pid)
        near = [
            person
            for person in self._tables[4].get(_shape(key), [])
            if any(spellings_agree(r.tokens[-1], token) for r in person.runs if len(r.tokens) > 1)
        ]
        return sorted(near, key=lambda p: p.pid)


def _shape(key: str) -> str:
    return key[:1] + key[-1:]


_TRADE_BEFORE = re.compile(
    r"(?<![\w\-])(?:"
    + "|".join(
        sorted(
            {n for n in PERSON_NOUNS if not n.endswith("s")} - {"person", "people", "national"},
            key=len,
            reverse=True,
        )
    )
    + r"|[A-Z][\w\-]{2,30}\s+native)\s+$"
)
_LIST_ITEM_END = re.compile(r"\s*(?:[,.;:)—–]|and\b|$)")
_PERSON_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:[\w\-’']+\s+){0,5}?(?:"
    + "|".join(
        sorted((PERSON_NOUNS | OFFICIAL_TITLES) - {"people", "person"}, key=len, reverse=True)
    )
    + r")\s*[,.;]"
)


# "executives from Corvana", "Corvana's regional manager": a company's people and parts,
# which a person does not have (an office, staff or a board, a person may have too).
_COMPANY_BEFORE = re.compile(
    r"\b(?:executives?|employees?|staff(?:ers)?|managers?|customers?|users?|shareholders?|"
    r"investors?|subsidiar(?:y|ies)|headquarters)\s+(?:from|of|at)\s+$",
    re.IGNORECASE,
)
_COMPANY_AFTER = re.compile(
    r"['’]s\s+(?:[\w\-]+\s+){0,2}?(?:managers?|executives?|employees?|"
    r"headquarters|subsidiar(?:y|ies)|shares|platform|exchange|users|customers|"
    r"chief\s+executive|ceo|cfo)\b",
    re.IGNORECASE,
)


def _named_as_company(text: str, mentions: list[tuple[int, int, int, bool]]) -> bool:
    return any(
        _COMPANY_BEFORE.search(text, max(0, start - 40), start) or _COMPANY_AFTER.match(text, end)
        for start, end, *_rest in mentions
    )


def _looks_like_single_name_person(
    text: str, token: str, mentions: list[tuple[int, int, int, bool]]
) -> bool:
    if not is_latin(token) or _named_as_company(text, mentions):
        return False
    if any(
        _TRADE_BEFORE.search(text, max(0, start - 30), start) and _LIST_ITEM_END.match(text, end)
        for start, end, *_r in mentions
    ):
        return True  # "and sailor Ragesh —", "Nilamel native Vijith.": known by one name
    if len(mentions) < 2:
        return False
    for start, *_rest in mentions:
        before = text[max(0, start - 40) : start]
        if _ORG_OF.search(before):
            return False
        previous = re.search(r"(?<![.!?\"“]\s)(?<!^)\b([A-Z][\w\-]*)\s+$", before)
        if (
            previous
            and previous.group(1).lower().rstrip(".") not in OFFICIAL_TITLES | _NEUTRAL_BARE
        ):
            return False  # part of a longer capitalised name: an institution, a place
    if any(_PERSON_APPOSITION.match(text, end, end + 80) for _s, end, _i, _p in mentions):
        return True  # "Fahmy, an Egyptian-Canadian journalist,"
    speaking = sum(1 for _s, end, _i, _p in mentions if _SPEECH_AFTER.match(text[end : end + 80]))
    quoted = any(
        re.search(r"\b(?:quoted|according to)\s+$", text[max(0, s - 25) : s]) for s, *_ in mentions
    )
    return speaking >= 1 or quoted


def find_script_variants(text: str, people: list[Person]) -> None:
    """A name in another script given in brackets right after a name: "Lin Meiyu (林美玉)"."""
    for person in people:
        for run in list(person.runs):
            match = _NON_LATIN_PAREN.match(text, run.end)
            if match and not is_latin(match.group(1)) and any(c.isalpha() for c in match.group(1)):
                person.extra_spellings.append((match.start(1), match.end(1)))


def rehome_shared_surnames(people: list[Person], eligible: set[int]) -> bool:
    """When a relative or an official shares the family name of someone who may be held
    ("his mother, Denise X" beside "Tobias X"), the bare family name means the latter.
    Returns True when a mention moved."""
    moved = False
    for person in people:
        if person.pid in eligible or not person.short_mentions:
            continue
        keys = {translit_key(r.tokens[-1]) for r in person.runs if len(r.tokens) > 1}
        others = [
            p
            for p in people
            if p.pid in eligible
            and p is not person
            and any(translit_key(r.tokens[-1]) in keys for r in p.runs if len(r.tokens) > 1)
        ]
        if len(others) != 1:
            continue
        target = others[0]
        keep = []
        for mention in person.short_mentions:
            start, end = mention[0], mention[1]
            token = " ".join(target.runs[0].tokens[-1:])
            if translit_key(token) in keys and end - start > 1:
                target.short_mentions.append(mention)
                moved = True
            else:
                keep.append(mention)
        person.short_mentions = keep
    return moved
