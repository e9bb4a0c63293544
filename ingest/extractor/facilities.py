"""Where a person is held: named facilities ("Kerobokan prison", "Penitentiary No. 13 in
Chisinau", "SIZO-1"), facilities placed by town ("a penal colony in Mordovia"), or just the
town ("jailed in New York"). "The prison" points back to the last facility named."""

from __future__ import annotations

import re

from .alternation import literal_alternation
from .events import Event, SentenceContext
from .gazetteers import (
    FACILITY_HEADS,
    FUNCTION_WORDS,
    MONTH_FULL_NAMES,
    WEEKDAY_NAMES,
    country_code,
    demonyms,
    places,
)

_HEAD = "|".join(re.escape(h) for h in FACILITY_HEADS)
_MODIFIER = (
    r"(?:central|women['’]s|men['’]s|maximum|high|medium|low|security|maximum-security|"
    r"high-security|pretrial|pre-trial|remand|federal|state|county|city|regional|military|"
    r"strict-regime|general-regime|juvenile|psychiatric|detention|correctional)"
)
_NOT_PLACE = r"(?!(?:" + MONTH_FULL_NAMES + "|" + WEEKDAY_NAMES + r")\b)"
_PLACE = (
    r"(?:the\s+)?(?:(?:[A-Z][\w]+-)?(?:occupied|annexed|rebel-held|separatist-held)\s+)?"
    + _NOT_PLACE
    + r"[A-Z][\w\-’']+(?:\s+"
    + _NOT_PLACE
    + r"[A-Z][\w\-’']+){0,2}"
    r"(?:\s+(?:region|province|oblast|krai|district|state))?"
)
_IN_PLACE = r"(?:,?\s+in\s+" + _PLACE + r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)?"

# "Al Awir Central Prison", "Lefortovo pretrial detention centre", "Butner prison complex".
_NAMED = re.compile(
    r"(?P<lead>(?:[A-Z][\w\-’']*\s+){1,4})(?:(?i:"
    + _MODIFIER
    + r")\s+){0,3}(?P<head>(?i:"
    + _HEAD
    + r"))"
    r"(?![\w-])(?:\s+(?i:complex|No\.?\s*\d+))?" + _IN_PLACE
)
# "Penitentiary No. 13 in Chisinau", "pretrial detention centre No. 1 (SIZO-1) in Grodno".
_NUMBERED = re.compile(
    r"(?i:(?:"
    + _MODIFIER
    + r"\s+){0,2}(?:"
    + _HEAD
    + r"))\s+No\.?\s*\d+(?:\s*\([^)]{1,20}\))?"
    + _IN_PLACE
)
# Russian and US facility codes: "SIZO-1", "IK-6", "FCI Butner", "MDC Brooklyn".
_CODED = re.compile(
    r"\b(?:SIZO|IK|IZ|FCI|MDC|USP|FDC|FMC)(?:[-\s]?\d+|\s+[A-Z][a-z]+)\b" + _IN_PLACE
)
# "a penal colony in Mordovia", "in prison in Brooklyn", "a detention facility run by the
# Beijing State Security Bureau".
_HEAD_IN_PLACE = re.compile(
    r"(?i:(?:" + _MODIFIER + r"\s+){0,2}(?:" + _HEAD + r"))\s+(?:in\s+(?P<place>" + _PLACE + r")"
    r"|(?:run|operated|controlled)\s+by\s+(?:the\s+)?(?P<org>(?:[A-Z][\w\-’']+\s+){0,5}"
    r"[A-Z][\w\-’']+))"
)
# "held at El Helicoide", "held at the headquarters of the counterintelligence directorate in X".
_HELD_AT = re.compile(
    r"\b(?:held|jailed|imprisoned|detained|incarcerated|locked\s+up|kept)\s+(?:since\s+\w+\s+)?"
    r"at\s+(?:(?P<name>(?:the\s+)?[A-Z][\w\-’']+(?:\s+(?:[A-Z][\w\-’']+|de|del|of)){0,4})"
    r"|(?P<hq>the\s+(?:headquarters|offices|compound|base)\s+of\s+(?:the\s+)?"
    r"(?:[\w\-]+\s+){1,6}?in\s+[A-Z][\w\-’']+))"
)
# "jailed in New York", "imprisoned in Butner, North Carolina", "served his term in Leeds"
# (not "detained in Tehran", which says where the arrest was made).
_HELD_IN_TOWN = re.compile(
    r"\b(?:jailed|imprisoned|held|incarcerated|locked\s+up|behind\s+bars|"
    r"spent\s+(?:[\w\-]+\s+){1,3}?|"
    # "served a prison sentence in Butner": the term says the town held them.
    r"served\s+(?:[\w\-]+\s+){0,3}?(?:sentence|term|years?|months?)\s+)\s*in\s+"
    r"(?P<place>[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){0,2}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)"
)
# "the prison of Vakilabad in Mashhad": the name after the head.
_HEAD_OF_NAME = re.compile(
    r"\b(?:the\s+)?(?:" + _HEAD + r")\s+of\s+(?P<name>" + _NOT_PLACE + r"[A-Z][\w\-’']+"
    r"(?:\s+[A-Z][\w\-’']+){0,2})" + _IN_PLACE,
    re.IGNORECASE,
)
# "the high-security prison Silivri": the name after the head.
_HEAD_THEN_NAME = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:"
    + _HEAD
    + r")\s+(?P<name>"
    + _NOT_PLACE
    + r"[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){0,2})(?![\w’'-])"
    # "the prison Silivri, where", not "the prison Orlov died in": the name ends a phrase.
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|near|outside|on|at|where|which|for)\b)"
)
# "Dornfeld, an overcrowded high-security jail near the capital": a name described.
_NAME_THEN_HEAD = re.compile(
    r"\b(?:in|at|was|is|to)\s+(?P<name>[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){0,3}),\s+"
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?(?:" + _HEAD + r")\b"
)
# "the prison", "the same jail", "the detention centre".
_ANAPHORIC = re.compile(
    r"\b(?:the|that)\s+(?:same\s+)?(?P<head>(?i:"
    + _HEAD
    + r"))(?![\w-])(?!\s+(?:system|service|authorities|officials|guards|staff|term|sentence))"
)

# Every pattern above but the codes, "held at" and "jailed in" needs a facility's head word:
# a sentence without one (most sentences) is not searched for them.
_ANY_HEAD = re.compile(r"(?:" + _HEAD + r")", re.IGNORECASE)

# "a Prague prison", "prison in France": a bare prison named only by its town or country says
# where someone is held, not which facility holds them.
_GENERIC_HEADS = frozenset(["prison", "jail", "gaol"])


def _only_a_place(words: str) -> bool:
    tokens = [t for t in re.split(r"[\s,]+", words) if t and t.lower() not in FUNCTION_WORDS]
    return (
        bool(tokens)
        and all(t in places() or t in demonyms() or country_code(t) is not None for t in tokens)
        or (country_code(" ".join(tokens)) is not None)
    )


def _is_country(name: str) -> bool:
    return country_code(name) is not None and name not in places()


STRENGTH_NAMED = 3
STRENGTH_PLACED = 2
STRENGTH_TOWN = 1


def _clean_lead(lead: str) -> str:
    """Drop words in front of a facility name that are not part of it ("North Carolina's",
    "Saudi", "The")."""
    words = lead.split()
    possessive = [i for i, w in enumerate(words) if w.endswith(("’s", "'s"))]
    if possessive:
        words = words[possessive[-1] + 1 :]
    while words:
        word = words[0]
        bare = word.rstrip("’'s") if word.endswith(("’s", "'s")) else word
        if (
            word.endswith(("’s", "'s"))
            or word.lower() in FUNCTION_WORDS
            or bare in demonyms()
            or (country_code(bare) and bare not in places())
        ):
            words = words[1:]
            continue
        break
    return " ".join(words)


def _trim_adjective_place(text: str, start: int, end: int) -> int:
    """ "Al-Malaz prison in the Saudi capital": the words after "in" describe a noun that the
    match did not take, so they are not the facility's place."""
    cut = text.rfind(" in ", start, end)
    if cut == -1 or not re.match(r"\s+[a-z]", text[end : end + 3]):
        return end
    last_word = text[cut:end].split()[-1]
    return cut if last_word in demonyms() else end


def _event(context: SentenceContext, start: int, end: int, name: str, strength: int) -> Event:
    end_trimmed = _trim_adjective_place(context.text, start, end)
    if end_trimmed != end:
        name = context.text[start:end_trimmed]
        end = end_trimmed
    base = context.sentence.start
    return Event(
        kind="facility",
        sentence=context.sentence.index,
        start=base + start,
        end=base + end,
        anchor=base + start,
        anchor_end=base + end,
        transitive=False,
        data={"name": name, "strength": strength},
    )


def find_facilities(context: SentenceContext) -> list[Event]:
    text = context.text
    found: list[Event] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    has_head = _ANY_HEAD.search(text) is not None
    for pattern in (_NUMBERED, _CODED) if has_head else (_CODED,):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                taken.append((match.start(), match.end()))
                found.append(
                    _event(
                        context, match.start(), match.end(), match.group().strip(), STRENGTH_NAMED
                    )
                )
    for match in _NAMED.finditer(text) if has_head else ():
        lead = _clean_lead(match.group("lead"))
        if not lead:
            continue
        if (
            match.group("head").lower() in _GENERIC_HEADS
            and _only_a_place(lead)
            and re.search(r"\ban?\s+$", text[max(0, match.start() - 3) : match.start()])
        ):
            continue  # "in a Prague prison"
        start = match.start() + match.group().find(lead)
        if not free(start, match.end()):
            continue
        taken.append((start, match.end()))
        found.append(_event(context, start, match.end(), text[start : match.end()], STRENGTH_NAMED))
    for match in _HEAD_IN_PLACE.finditer(text) if has_head else ():
        head = match.group().split(" in ")[0].strip().lower()
        place = match.group("place")
        if (
            head in _GENERIC_HEADS
            and place
            and _only_a_place(place)
            and (
                _is_country(re.sub(r"^the\s+", "", place))
                or re.search(
                    r"\b(?:years?|months?|weeks?|days?|term|time)\s+in\s+$",
                    text[max(0, match.start() - 12) : match.start()],
                )
            )
        ):
            continue  # "four years in prison in Dubai", "a prison in France"
        if free(match.start(), match.end()):
            taken.append((match.start(), match.end()))
            found.append(
                _event(context, match.start(), match.end(), match.group(), STRENGTH_PLACED)
            )
    for pattern in (_HEAD_OF_NAME, _NAME_THEN_HEAD, _HEAD_THEN_NAME) if has_head else ():
        for match in pattern.finditer(text):
            name = match.group("name")
            if not free(match.start("name"), match.end("name")):
                continue
            if _only_a_place(name) and (pattern is not _HEAD_THEN_NAME or _is_country(name)):
                continue  # "the prison Silivri" names it by its town; "the prison Iran runs"
            taken.append((match.start("name"), match.end("name")))
            found.append(
                _event(context, match.start("name"), match.end("name"), name, STRENGTH_NAMED)
            )
    for match in _HELD_AT.finditer(text):
        group = "hq" if match.group("hq") else "name"
        name = match.group(group)
        if group == "name" and re.search(r"['’]s$", name):
            continue  # "detained at Port Amber's main airport": the town's, not a site's name
        first = re.sub(r"^the\s+", "", name).split()[0]
        known = first in places() or country_code(first) is not None
        if group == "name" and known and name.split()[0] != "the" and " " not in name:
            strength = STRENGTH_TOWN
        elif group == "name" and (known or name.split()[0].lower() == "the"):
            continue
        else:
            strength = STRENGTH_PLACED
        if free(match.start(group), match.end(group)):
            taken.append((match.start(group), match.end(group)))
            found.append(_event(context, match.start(group), match.end(group), name, strength))
    for match in _HELD_IN_TOWN.finditer(text):
        place = match.group("place")
        first = place.split(",")[0].strip()
        if first not in places():
            continue
        if free(match.start("place"), match.end("place")):
            taken.append((match.start("place"), match.end("place")))
            found.append(
                _event(context, match.start("place"), match.end("place"), place, STRENGTH_TOWN)
            )
    for match in _ANAPHORIC.finditer(text) if has_head else ():
        if free(match.start(), match.end()):
            event = _event(context, match.start(), match.end(), match.group(), 0)
            event.data["anaphoric"] = True
            found.append(event)
    return found


_REPEAT_MODIFIERS = re.compile(r"^(?i:" + _MODIFIER + r")$")


def _short_name(name: str) -> str | None:
    """ "Kharsa Central prison" -> "Kharsa": the words that tell a named facility apart,
    when they are not a place."""
    words = name.split()
    lead: list[str] = []
    for word in words:
        if not word[:1].isupper() or _REPEAT_MODIFIERS.match(word):
            break
        lead.append(word)
    if not lead or len(lead) == len(words):
        return None
    short = " ".join(lead)
    if len(short) < 4 or _only_a_place(short):
        return None
    return short


def find_repeated_facilities(contexts: list[SentenceContext], events: list[Event]) -> list[Event]:
    """ "held in the Kharsa Central prison ... nine years in Kharsa": a named facility told
    again by its own name alone."""
    full_names: dict[str, str] = {}
    for event in events:
        if event.kind == "facility" and event.data.get("strength") == STRENGTH_NAMED:
            short = _short_name(event.data["name"])
            if short:
                full_names.setdefault(short, event.data["name"])
    if not full_names:
        return []
    pattern = re.compile(
        r"\b(?:in|at|inside|to|from)\s+(?:the\s+)?(?P<name>"
        + literal_alternation(full_names)
        + r")(?![\w’'-])"
        r"(?!\s+[A-Z])(?!\s+(?i:" + _MODIFIER + r"|" + _HEAD + r")\b)"
    )
    found: list[Event] = []
    told: dict[int, list[int]] = {}
    for event in events:
        if event.kind == "facility":
            told.setdefault(event.sentence, []).append(event.start)
    for context in contexts:
        if context.sentence.is_title:
            continue
        for match in pattern.finditer(context.text):
            start = context.sentence.start + match.start("name")
            if any(abs(p - start) < 40 for p in told.get(context.sentence.index, ())):
                continue  # the full name told here already
            event = _event(
                context,
                match.start("name"),
                match.end("name"),
                full_names[match.group("name")],
                STRENGTH_NAMED,
            )
            event.data["name"] = full_names[match.group("name")]
            found.append(event)
    return found
