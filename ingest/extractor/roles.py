"""What the text says each named person is: an office holder, a relative, a speaker, one of the
accused. Read from titles ("Foreign Minister Sergiu Lungu"), appositions ("his lawyer, Vitalie
Ciobanu," / "Urs Baumgartner, a Swiss diplomat") and speech verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteers import (
    ACCUSED_NOUNS,
    FUNCTION_WORDS,
    NEUTRAL_TITLES,
    OFFICIAL_TITLES,
    PERSON_NOUNS,
    RELATIVE_NOUNS,
    SPEECH_VERBS,
    STRONG_TITLES,
    compound_demonym_codes,
    country_names,
    demonyms,
    place_demonym,
    region_country,
)
from .locations import code_of, demonym_pattern, find_places, kind_of
from .nationality import NOT_PERSON_HEADS, find_person_phrases
from .people import NameRun, Person
from .segment import Sentence

# Words that make any office in the phrase a diplomatic or governmental one.
_STATE_WORDS = re.compile(
    r"\b(?:consular|embassy|consulate|diplomatic|ministry|foreign|government|state|federal|"
    r"office|agency|bureau|department|police|immigration|authority|court|prosecutor['’]?s?)\b",
    re.IGNORECASE,
)
# The head of a service that holds or tries people ("military chief", "jail superintendent")
# speaks for it; an officer of the same service may be the one held (a spy in a swap).
_SERVICE_WORDS = re.compile(
    r"\b(?:military|army|navy|naval|armed|intelligence|security|defen[cs]e|jail|prison|"
    r"penitentiary|customs)\b",
    re.IGNORECASE,
)
# "the Cairo bureau chief of a television channel": a journalist, not an official.
_NEWS_BUREAU = re.compile(r"\bbureau\s+chief\b", re.IGNORECASE)
_HEAD_TITLES = frozenset(["chief", "head", "commander", "superintendent", "director", "chairman"])
_FEMALE = frozenset(
    [
        "woman",
        "women",
        "mother",
        "wife",
        "sister",
        "daughter",
        "girl",
        "businesswoman",
        "grandmother",
        "aunt",
        "niece",
        "widow",
        "fiancee",
        "fiancée",
        "girlfriend",
        "mrs",
        "ms",
        "miss",
        "madam",
    ]
)
_MALE = frozenset(
    [
        "man",
        "men",
        "father",
        "husband",
        "brother",
        "son",
        "boy",
        "businessman",
        "grandfather",
        "uncle",
        "nephew",
        "widower",
        "fiance",
        "fiancé",
        "boyfriend",
        "mr",
        "sir",
    ]
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:his|her|their|[\w\-]+['’]s)\s+(?:[\w\-]+\s+)?(?P<rel>"
    + "|".join(sorted(RELATIVE_NOUNS, key=len, reverse=True))
    + r")(?:s)?\s*,?\s*$",  # "one of their sons, X": a plural names one of them too
    re.IGNORECASE,
)
_SPEECH = "|".join(sorted(SPEECH_VERBS))
_KIN_NAMED_BY_SPEAKER = re.compile(
    r"\s+(?:told|said|says|recalled)\b[^.;]{0,60}?\b[A-Z][\w'’\-]+,\s+(?P<own>his|her)\s+"
    r"(?:[\w\-]+\s+)?(?P<rel>[\w\-]+)\s*,"
)
_SPEECH_AFTER = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?\s*(?:,[^,.;]{1,90},\s*)?(?:has\s+|had\s+|have\s+)?(?:"
    + _SPEECH
    + r")\b"
)
_SPEECH_BEFORE = re.compile(r"\b(?:" + _SPEECH + r"|according\s+to)\s+$")
_APPOSITION_START = re.compile(
    r"^(?:a|an|the|his|her|their|its|another|one|former|[A-Z][\w\-]*['’]s|[A-Z]{2,}|[A-Z][a-z]+)\b"
)
# The name is the subject of a detention: "X, 34, a former Marine, was arrested ...".
_HELD_AFTER = re.compile(
    r"^(?:\s*\([^)]{0,60}\))?(?:\s*,[^,;.]{1,80}){0,2}\s*,?\s+(?:who\s+)?"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are|remains?)"
    r"\s+(?:(?:\w+ly|still|also|now|being)\s+){0,3}"
    r"(?:arrested|detained|jailed|sentenced|convicted|charged|held|imprisoned|abducted|kidnapped|"
    r"seized|captured|taken|freed|pardoned|swapped|exchanged|extradited)\b",
    re.IGNORECASE,
)
# "a film starring X", "played by X": a credit, not a person in the story's events.
_CREDIT_BEFORE = re.compile(
    r"\b(?:starring|co-starring|played\s+by|portrayed\s+by|directed\s+by)\s+$", re.IGNORECASE
)
# "X's body", "the killer of X": the victim of a crime, not someone held.
_VICTIM_AFTER = re.compile(r"^['’]s\s+(?:body|corpse|remains|killer|killers|murderer|murder)\b")
# Not "the death of X": people die in custody.
_VICTIM_BEFORE = re.compile(
    r"\b(?:body|corpse|remains|killer|killers|murderer|murder)\s+of\s+$", re.IGNORECASE
)
# "Anna Petrova, Ivan's sister,": another person's possessive opens the apposition.
_POSSESSIVE_LEAD = re.compile(r"^[A-Z][\w\-]*['’]s\s")
_RELATIVE_OF = re.compile(
    r"^(?:the|a)\s+(?:[\w\-]+\s+)?(?:"
    + "|".join(sorted(RELATIVE_NOUNS, key=len, reverse=True))
    + r")s?\s+of\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*\d{1,3}\s*$")


@dataclass
class NationalityCue:
    code: str
    start: int
    end: int
    source: str  # "apposition", "premodifier", "hometown", "trade_town"


@dataclass
class Role:
    official: bool = False  # holds an office that rules out being the detainee
    weak_official: bool = False  # official, reporter, director: a detainee only on evidence
    relative: bool = False
    witness: bool = False  # "a prosecution witness, X": someone who testifies, not the accused
    accused: bool = False
    speaker: int = 0
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    nationality: list[NationalityCue] = field(default_factory=list)
    # "Russian opposition figure X", "Iranian dissident Y": a figure of the politics of the
    # state named, which is the one that holds them unless the story places them elsewhere.
    home_politics: str | None = None

    byline: bool = False

    @property
    def eligible(self) -> bool:
        """Could be a detainee: no office, family tie or byline rules it out."""
        return not (self.official or self.relative or self.byline or self.witness)


def _classify_phrase(role: Role, phrase: str) -> None:
    words = [w.lower().strip(".,;:'’\"") for w in re.findall(r"[\w'’\-]+", phrase)]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    if any(w in ("former", "ex", "retired", "late") for w in words):
        # A former minister can be the one in the dock.
        role.titles.append(phrase)
        return
    # "a close ally of President X": a title after "of" is the other person's
    own = words[: words.index("of")] if "of" in words[1:] and words[0] in ("a", "an") else words
    titled = [w for w in own if w in OFFICIAL_TITLES]
    if titled:
        role.titles.append(phrase)
        if (
            any(w in STRONG_TITLES for w in titled)
            or _STATE_WORDS.search(_NEWS_BUREAU.sub("", phrase))
            or (_SERVICE_WORDS.search(phrase) and any(w in _HEAD_TITLES for w in titled))
            or "special" in words  # "special officer", "special representative": an envoy
        ):
            role.official = True
        else:
            role.weak_official = True
    if "member" in words and "parliament" in words:
        role.official = True
    if any(w in ("witness", "eyewitness") for w in words):
        role.witness = True
    if any(w in ACCUSED_NOUNS for w in words):
        role.accused = True
    _gender_from(role, words)


def _gender_from(role: Role, words: list[str]) -> None:
    if role.gender is not None:
        return
    if any(w in _FEMALE for w in words):
        role.gender = "f"
    elif any(w in _MALE for w in words):
        role.gender = "m"


_HONORIFIC_BEFORE = re.compile(
    r"(?<=,)\s*(?:"
    + "|".join(re.escape(t.rstrip(".")) for t in sorted(NEUTRAL_TITLES, key=len, reverse=True))
    + r")\.?\s+$",
    re.IGNORECASE,
)


def _apposition_before(text: str, sentence: Sentence, run: NameRun) -> str | None:
    """The phrase between the previous comma (or clause start) and ", <name>"."""
    before = text[sentence.start : run.start]
    honorific = _HONORIFIC_BEFORE.search(before)
    if honorific:
        before = before[: honorific.start()]  # "the emir of Qatar, Sheikh X": past the honorific
    named = re.search(r"\s+(?:named|called|identified\s+as)\s*$", before)
    if named:
        before = before[: named.start()] + ","  # "a Russian woman named X" reads as "..., X"
    if not re.search(r",\s*$", before):
        return None
    body = before.rstrip()[:-1]
    cut = max(body.rfind(","), body.rfind(";"), body.rfind(":"), body.rfind("("), body.rfind("“"))
    phrase = body[cut + 1 :].strip()
    # "the minister said the aid worker, X,": the apposition starts after the speech.
    phrase = _SPEECH_SPLIT.split(phrase)[-1].strip()
    words = phrase.split()
    if honorific and _RELATIVE_BEFORE.search(phrase + ","):
        # "her husband, Dr. X": an honorific marks the one the story is about, not a relative.
        return None
    return " ".join(words[-8:]) if words else None


_SPEECH_SPLIT = re.compile(
    r"\b(?:said|says|told|that|announced|confirmed|reported|added|stated|wrote|tweeted)\b"
)


def _apposition_after(text: str, sentence: Sentence, run: NameRun) -> tuple[str, int] | None:
    """The phrase in ", <phrase>," right after a name, skipping an age ("Arkady Vasilyev, 36,")."""
    rest = text[run.end : sentence.end]
    offset = run.end
    paren = re.match(r"\s*\([^)]{0,60}\)", rest)
    if paren:
        rest, offset = rest[paren.end() :], offset + paren.end()
    for _ in range(2):
        match = re.match(r"\s*,\s*([^,;.()]{1,120})", rest)
        if not match:
            return None
        phrase = match.group(1)
        if not phrase.strip():
            return None  # ", ," : nothing between the commas
        if _AGE.match(phrase):
            rest, offset = rest[match.end() :], offset + match.end()
            continue
        first = phrase.split()[0].lower()
        if first in ("who", "whom") or not (
            _APPOSITION_START.match(phrase) or first in OFFICIAL_TITLES
        ):
            return None
        return " ".join(phrase.split()[:10]), offset + match.start(1)
    return None


def _add_phrase_nationality(role: Role, phrase: str, phrase_start: int, source: str) -> None:
    for found in find_person_phrases(phrase):
        if found.count is not None and found.count > 1:
            continue
        for code in found.codes:
            role.nationality.append(
                NationalityCue(code, phrase_start + found.start, phrase_start + found.end, source)
            )
        return
    own = _COUNTRYS_PERSON.match(phrase)
    code = country_names().get(own.group("country").lower()) if own else None
    words = own.group("words").lower().split() if own else []
    if code and any(w in PERSON_NOUNS for w in words) and not _CAPTIVE_WORDS & set(words):
        # "X, Norway's best-known climber", "Y, once hailed as Chile's top banker"
        span = (phrase_start + own.start("country"), phrase_start + own.end("country"))
        role.nationality.append(NationalityCue(code, *span, source))


# A captive of the state whose possessive leads the phrase is not one of its people
# ("Iran's longest-held foreign detainee").
_CAPTIVE_WORDS = frozenset(["foreign", "detainee", "prisoner", "hostage", "inmate", "captive"])
_COUNTRYS_PERSON = re.compile(
    r"(?:(?:once|long|now|often)\s+)?(?:(?:hailed|described|called|known|seen)\s+as\s+)?"
    r"(?P<country>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)['’]s\s+"
    r"(?P<words>[\w\-]+(?:\s+[\w\-]+){0,4})"
)


_FELLOW_AFTER = re.compile(
    r"\s+and\s+(?:his\s+|her\s+)?fellow\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+[a-zA-Z]"
)
# "A and B have returned home, while fellow British citizen C ...": the people named before
# "fellow" in the sentence are of that nation too.
_FELLOW_LATER = re.compile(
    r"\bfellow\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?:citizens?|nationals?|"
    r"[a-z][\w\-]*\s+)?[A-Z][\w\-]+\s+[A-Z]"
)


def _fellow_nationality(role: Role, text: str, end: int, sentence_end: int) -> None:
    """ "Drinkman and fellow Russian Kalinin": the first named is one of that people too."""
    fellow = _FELLOW_AFTER.match(text, end, sentence_end)
    if fellow is None and not role.nationality:
        # Only for someone the text gives no nationality of their own before the "fellow".
        later = _FELLOW_LATER.search(text, end, sentence_end)
        if later and not find_person_phrases(text[end : later.start()]):
            fellow = later
    words = fellow.group(1) if fellow else ""
    # "fellow North Korean X" or "fellow Russian Alexandr X"
    code = (demonyms().get(words) or _demonym_of(words.split()[0])) if fellow else None
    if fellow and code:
        role.nationality.append(NationalityCue(code, fellow.start(1), fellow.end(1), "premodifier"))


# "Jo Bell, 36, of Wembley, north London,": the town and the wider place it lies in; "A and
# B, both 52 from Leeds,".
_HOMETOWN_AFTER = re.compile(
    r",\s*(?:(?:both|all|aged)\s+)*(?:\d{1,3},?\s*)?(?:of|from)\s+(?P<town>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
    r"(?:,\s*(?P<wider>(?:(?:north|south|east|west|central|south-east|south-west|north-east|"
    r"north-west)\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?\s*[,.;]"
)


def _hometown_cue(role: Role, words: str, base: int, *, region: bool) -> bool:
    """A hometown cue for the town or country named in `words` (at `base` in the text), or,
    with `region`, for the one country with a county or province of that name. True when one
    was found."""
    for place in find_places(words):
        if place.kind in ("place", "country"):
            span = (base + place.start, base + place.end)
            role.nationality.append(NationalityCue(place.code, *span, "hometown"))
            return True
    code = region_country(words) if region else None
    if code:
        role.nationality.append(NationalityCue(code, base, base + len(words), "hometown"))
    return code is not None


def _hometown_places(role: Role, match: re.Match[str]) -> None:
    for group in ("wider", "town"):
        named = match.group(group)
        # a county or province after the town ("Blaby, Leicestershire"), or one of two words
        region = bool(named) and (group == "wider" or " " in named.strip())
        if named and _hometown_cue(role, named, match.start(group), region=region):
            return


# "Ms X, who is from Peru but lives in Spain,": where the person comes from, told in a
# relative clause.
_FROM_RELATIVE = re.compile(
    r",\s*who\s+(?:is|was|comes|came)\s+(?:originally\s+)?from\s+(?:the\s+)?"
    r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
)


def _hometown(role: Role, phrase: str, phrase_start: int) -> None:
    # "a teacher from Leeds"; not "freed from China", "flown from Tehran".
    match = re.search(
        r"(?<!ed\s)(?<!en\s)(?<!own\s)\bfrom\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)",
        phrase,
    )
    if match:
        named = match.group(1)
        _hometown_cue(role, named, phrase_start + match.start(1), region=" " in named.strip())


# "Pedro Alvarez (Peruvian)", "A and B (both Irish)", "A, B and C (all of Ghana)": a
# nationality in brackets after a name, or after a list of names when it says "both" or "all".
_NAME_IN_LIST = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}"
_AND_NAME = re.compile(r"\s+and\s+" + _NAME_IN_LIST)
_BRACKETED_NATIONALITY = re.compile(
    r"(?P<others>(?:\s*,?\s*(?:and\s+)?" + _NAME_IN_LIST + r"(?=\s*[,(]|\s+and\b))*)"
    r"\s*\((?P<group>(?:both|all)\s+(?:of\s+)?)?"
    r"(?P<people>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s*\)"
)


def _bracketed_nationality(role: Role, text: str, end: int, sentence_end: int) -> None:
    match = _BRACKETED_NATIONALITY.match(text, end, sentence_end)
    if not match or (match.group("others").strip() and not match.group("group")):
        return
    words = match.group("people")
    code = demonyms().get(words) or country_names().get(words.lower())
    if code:
        start, stop = match.span("people")
        role.nationality.append(NationalityCue(code, start, stop, "apposition"))


_BYLINE_REACH = 400  # characters from the start of the text where a byline stands


def _is_byline(text: str, sentences: list[Sentence], person: Person, run_starts: set[int]) -> bool:
    """A name alone on a line near the top, never mentioned again, over a short line that
    names no one (the outlet: "BBC News"): who wrote the story."""
    if person.short_mentions or len(person.runs) != 1:
        return False
    run = person.runs[0]
    line = sentences[run.sentence]
    if line.text.strip(" \t.,") != text[run.start : run.end] or run.start > _BYLINE_REACH:
        return False
    if run.sentence + 1 >= len(sentences):
        return False
    below = sentences[run.sentence + 1]
    names_someone = any(below.start <= start < below.end for start in run_starts)
    return len(below.text.split()) <= 4 and not names_someone


# "By Anna Petrova and John Smith | Associated Press": a line of authors, then the outlet.
_AUTHORS = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*"
_BY_LINE = re.compile(
    r"^\s*(?:[Bb]y|BY)\s+(?P<names>"
    + _AUTHORS
    + r"(?:\s*(?:,|\band\b|&)\s*"
    + _AUTHORS
    + r")*)\s*(?:(?:[|,\-–—]|\bfor\b|\bin\b).{0,80})?$"
)


# "... in 2022. — Anna Petrova" closing the text: the reporter signs off.
_SIGN_OFF_BEFORE = re.compile(r"[—–-]\s*$")


def _signs_off(text: str, run: NameRun) -> bool:
    return not text[run.end :].strip(" \t\n.") and bool(
        _SIGN_OFF_BEFORE.search(text[max(0, run.start - 5) : run.start])
    )


def _in_by_line(sentence: Sentence, run: NameRun) -> bool:
    match = _BY_LINE.match(sentence.text)
    if not match:
        return False
    return sentence.start + match.start("names") <= run.start < sentence.start + match.end("names")


# "the ministry headed by X", "a commission chaired by X": the head of a body of state (not
# an office or an agency someone runs, which may be a charity's or a newsroom's)
_HEAD_OF_BODY = re.compile(
    r"\b(?:ministry|government|cabinet|commission|committee)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:headed|chaired)\s+by\s+$",
    re.IGNORECASE,
)
# "X of the Edhi Welfare Trust", "Y of Human Rights Watch": someone speaking for a charity,
# a campaign or a commission. Not a newspaper's, a university's or a company's people, who
# are often the ones held.
_MEMBER_OF = re.compile(
    r"\s+(?:of|from|with)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,5}(?:Foundation|Trust|Union|"
    r"Institute|Association|Society|Council|Committee|Commission|Forum|Network|Campaign|"
    r"Initiative|Project|Programme|Program|Fund|League|Watch|International)\b"
)


def analyse_roles(text: str, sentences: list[Sentence], people: list[Person]) -> dict[int, Role]:
    roles: dict[int, Role] = {}
    run_starts = {r.start for p in people for r in p.runs}
    for person in people:
        role = Role()
        held_by_name = False  # a run of the full name the story says was held
        for run in person.runs:
            sentence = sentences[run.sentence]
            if run.title_before:
                _classify_phrase(role, run.title_before)
            before = _apposition_before(text, sentence, run)
            held = bool(_HELD_AFTER.match(text[run.end : sentence.end]))
            held_by_name = held_by_name or (held and not before)
            if before and held:
                # "Her son, Tobias X, ... was arrested": a relative who is the one held; "the
                # diplomat, X, was freed": an official who is.
                official = role.official
                _classify_phrase(role, before)
                role.official = official
                before = None
            if before:
                if _RELATIVE_BEFORE.search(before + ","):
                    role.relative = True
                    _gender_from(role, [_RELATIVE_BEFORE.search(before + ",").group("rel").lower()])
                else:
                    _classify_phrase(role, before)
                    start = text.rfind(before, sentence.start, run.start)
                    _add_phrase_nationality(role, before, max(start, 0), "apposition")
            home = _HOMETOWN_AFTER.match(text, run.end, sentence.end)
            partner = _AND_NAME.match(text, run.end, sentence.end)
            if not home and partner:
                # "Sam and Jo Hart, both 40 from Leeds": the hometown of both
                home = _HOMETOWN_AFTER.match(text, partner.end(), sentence.end)
                home = home if home and re.match(r",\s*(?:both|all)\b", home.group()) else None
            if home:
                _hometown_places(role, home)
            kin = _KIN_NAMED_BY_SPEAKER.match(text, run.end, sentence.end)
            if kin and kin.group("rel").lower() in RELATIVE_NOUNS:
                # "X told a reporter Y, his sister, had called": X is of the family of Y.
                role.relative = True
                _gender_from(role, [kin.group("own").lower()])
            relative_no_comma = _RELATIVE_BEFORE.search(
                text[max(sentence.start, run.start - 40) : run.start]
            )
            if relative_no_comma and not before and not held:
                role.relative = True
                _gender_from(role, [relative_no_comma.group("rel").lower()])
            if not held and (
                _MEMBER_OF.match(text, run.end, sentence.end)
                or _HEAD_OF_BODY.search(text[max(sentence.start, run.start - 80) : run.start])
            ):
                role.official = True
            after = _apposition_after(text, sentence, run)
            if after and after[1] in run_starts:
                after = None  # "A, B freed from China": the next name of a list
            if after:
                phrase, start = after
                words = [w.lower() for w in re.findall(r"[\w\-]+", phrase)]
                # "his brother", "Y's sister", "the brother of Y"
                owner = (
                    words[:1] in (["his"], ["her"], ["their"])
                    or bool(_POSSESSIVE_LEAD.match(phrase))
                    or bool(_RELATIVE_OF.match(phrase))
                )
                if owner and any(w in RELATIVE_NOUNS for w in words[:4]):
                    role.relative = True
                    _gender_from(role, words[:3])
                else:
                    _classify_phrase(role, phrase)
                    _add_phrase_nationality(role, phrase, start, "apposition")
                    _hometown(role, phrase, start)
            _premodifier_nationality(role, text, sentence, run)
        if role.relative and held_by_name:
            # "her husband, X" in a caption, and "X, who was sentenced to ..." in the story:
            # the relative of someone else is the one held
            role.relative = False
        for end, sentence_end in [(r.end, sentences[r.sentence].end) for r in person.runs] + [
            (e, sentences[i].end) for _s, e, i, _p in person.short_mentions
        ]:
            _fellow_nationality(role, text, end, sentence_end)
            _bracketed_nationality(role, text, end, sentence_end)
            origin = _FROM_RELATIVE.match(text, end, sentence_end)
            if origin:
                _hometown_cue(role, origin.group(1), origin.start(1), region=False)
        role.byline = (
            _is_byline(text, sentences, person, run_starts)
            or _credit_or_victim(text, person)
            or all(_in_by_line(sentences[run.sentence], run) for run in person.runs)
            or (len(person.runs) == 1 and _signs_off(text, person.runs[0]))
        )
        spans = [(r.start, r.end) for r in person.runs] + [
            (s, e) for s, e, _i, _p in person.short_mentions
        ]
        for start, end in spans:
            if _SPEECH_AFTER.match(text[end : end + 140]) or _SPEECH_BEFORE.search(
                text[max(0, start - 30) : start]
            ):
                role.speaker += 1
        roles[person.pid] = role
    return roles


# "the plot against activist X", "a plan to assassinate Y": the target of a crime.
_TARGET_BEFORE = re.compile(
    r"\b(?:plot(?:ted|ting)?\s+(?:against|to\s+(?:kill|murder|assassinate))|"
    # "accused of planning attacks against X", "a plan to commit violent acts against X":
    # X is the target of what was planned
    r"(?:plan(?:s|ned|ning)?|plott(?:ed|ing)|prepar(?:ed|ing))\s+(?:to\s+)?(?:\S+\s+){0,3}?"
    r"(?:attacks?|acts)\s+against|"
    r"plan(?:ned|ning)?\s+to\s+(?:kill|murder|assassinate)|assassinat(?:e|ing|ion\s+of)|"
    r"attempt\s+on\s+the\s+life\s+of)\s+(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _credit_or_victim(text: str, person: Person) -> bool:
    """Named only in a film credit ("starring X") or as the victim of a crime ("X's body",
    "the killer of X", "a plot against X"): someone the story does not report held."""
    for run in person.runs:
        if _CREDIT_BEFORE.search(text[max(0, run.start - 20) : run.start]):
            return True
        if _TARGET_BEFORE.search(text[max(0, run.start - 70) : run.start]):
            return True
        if _VICTIM_AFTER.match(text[run.end : run.end + 20]) or _VICTIM_BEFORE.search(
            text[max(0, run.start - 20) : run.start]
        ):
            return True
    return False


_BARE_DEMONYM_BEFORE = re.compile(r"(?<![\w\-])([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+$")


_LEADER_BEFORE = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w\-]+\s+)?[A-Z][\w\-]+)\s+(?P<party>(?:[a-z][\w\-]*\s+){0,2})leader,?\s+$"
)


_HOME_POLITICS_BEFORE = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w\-]+\s+)?[A-Z][\w\-]+)\s+(?:opposition\s+(?:figure|leader|politician|"
    r"activist|member)|political\s+prisoner|dissident|opposition\s+)\s*$"
)


def _demonym_of(words: str) -> str | None:
    """ "North Korean" or, failing that, its last word ("Korean")."""
    table = demonyms()
    return table.get(" ".join(words.split())) or table.get(words.split()[-1])


def _premodifier_nationality(role: Role, text: str, sentence: Sentence, run: NameRun) -> None:
    """ "Russian citizen Roman Seleznyov": a nationality phrase written right before the name."""
    before = text[max(sentence.start, run.start - 60) : run.start]
    home = _HOME_POLITICS_BEFORE.search(before)
    if home:
        role.home_politics = _demonym_of(home.group(1))
    bare = _BARE_DEMONYM_BEFORE.search(before)
    code = (demonyms().get(bare.group(1)) or place_demonym(bare.group(1))) if bare else None
    pair = compound_demonym_codes(bare.group(1)) if bare else ()
    if pair:
        # "British-Iranian Lena X": a dual national, one of each people.
        base = run.start - len(before)
        for code in pair:
            role.nationality.append(
                NationalityCue(code, base + bare.start(1), base + bare.end(1), "premodifier")
            )
        return
    if bare and code and not bare.group(1).endswith("s"):
        # "and Colombian Yeison Mosquera", "Queenslander X": a demonym used as a title.
        base = run.start - len(before)
        role.nationality.append(
            NationalityCue(code, base + bare.start(1), base + bare.end(1), "premodifier")
        )
        return
    leader = _LEADER_BEFORE.search(before)
    code = _demonym_of(leader.group(1)) if leader else None
    if leader and code:
        # "former Burmese leader X", "Russian opposition leader Y": the leader of a people is
        # one of them ("the Russian leader" alone is never read as a person, so it is here).
        base = run.start - len(before)
        span = (base + leader.start(1), base + leader.end(1))
        role.nationality.append(NationalityCue(code, *span, "premodifier"))
        if not leader.group("party") and not _HELD_AFTER.match(text[run.end : sentence.end]):
            # "North Korean leader X": the head of a state, who speaks for it.
            role.official = True
        return
    for found in find_person_phrases(before):
        if before[found.end :].strip() == "" and (found.count in (None, 1)):
            base = run.start - len(before)
            for code in found.codes:
                role.nationality.append(
                    NationalityCue(code, base + found.start, base + found.end, "premodifier")
                )
            return
    town = _TOWN_TRADE_BEFORE.search(before)
    place = town.group("town") if town else ""
    if town and town.group("noun") in PERSON_NOUNS and kind_of(place) == "place":
        # "North Carolina missionary X", "Perth retiree Y": where the person is from, or only
        # where they live ("Bali surfer X"): the weakest cue, never enough to say the state
        # that holds them is their own
        at = run.start - len(before) + town.start("town")
        role.nationality.append(NationalityCue(code_of(place), at, at + len(place), "trade_town"))
        return
    _demonym_title(role, before, run.start - len(before))


_TOWN_TRADE_BEFORE = re.compile(
    r"(?<![\w\-])(?P<town>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?P<noun>[a-z][\w\-]*)\s+$"
)


_TITLE_VERBS = frozenset(["said", "says", "told", "tells", "met", "meets", "held", "holds"])


def _title_words(words: list[str]) -> bool:
    """Lower-case words that read as one person's title: no verb ("said", "arrested"), no
    function word, no institution ("court", "police"), and a head that is not a plural."""
    for word in words:
        low = word.lower()
        if low in FUNCTION_WORDS or low in _TITLE_VERBS or low.endswith("ed"):
            return False
        if low in NOT_PERSON_HEADS:
            return False
    last = words[-1].lower()
    return not (last.endswith("s") and not last.endswith("ss"))


def _demonym_title(role: Role, before: str, base: int) -> None:
    """ "Chilean drug lord Rafael X", "fugitive Indian jeweller Y": a demonym and a title of
    any trade written right before a name; the name itself shows the title is one person's,
    so the head noun need not be one the phrase reader knows."""
    match = _demonym_title_regex().search(before)
    if not match or not _title_words(match.group("words").split()):
        return
    code = code_of(match.group("dem"))
    if code:
        role.nationality.append(
            NationalityCue(code, base + match.start("dem"), base + match.end("dem"), "premodifier")
        )


_DEMONYM_TITLE: re.Pattern[str] | None = None


def _demonym_title_regex() -> re.Pattern[str]:
    global _DEMONYM_TITLE
    if _DEMONYM_TITLE is None:
        _DEMONYM_TITLE = re.compile(
            r"(?<![\w\-])(?P<dem>"
            + demonym_pattern()
            + r")(?P<words>(?:\s+[a-z][a-z\-]*){1,3})\s+$"
        )
    return _DEMONYM_TITLE
