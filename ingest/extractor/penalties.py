"""Prison terms a court imposed, fines, and the maximum penalty a defendant faces.

"Sentenced to six years and four months" is a sentence; "faces up to five years" is a maximum
and never a sentence; "sentenced to death, but the penalty was commuted to 15 years" ends with
a 15-year sentence.
"""

from __future__ import annotations

import re

from .dates import DateMention
from .events import Event, SentenceContext, is_hypothetical, pick_date
from .money import Money, find_money
from .numbers import NUMBER, parse_number

_UNIT = r"(?:years?|months?)"
_TERM = (
    r"(?P<n1>"
    + NUMBER
    + r")(?P<half>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?P<u1>"
    + _UNIT
    + r")(?![\w-]*\s*-?old)(?!\s+(?:later|earlier|ago|afterwards?)\b)"
    r"(?:\s+and\s+(?P<n2>" + NUMBER + r")[\s-]+(?P<u2>months?))?"
    r"|(?P<life>life(?:\s+imprisonment|\s+in\s+prison|\s+sentence|\s+term|\b))"
    r"|(?P<death>death(?:\s+sentence|\s+penalty|\b))"
)
_SENTENCING = re.compile(
    r"\b(?P<t>sentenced|sentencing|jailed|imprisoned|received|receiving|handed(?:\s+down)?|given|"
    r"got|gets|get|getting|serving|served|serve|commuted|reduced|upheld|upholds?|replaced|pronounced|imposed|"
    r"sentence\s+of|term\s+of|imprisonment\s+of)\b"
    r"(?P<gap>(?:[^.;:]|(?<=\b[A-Z])\.){0,90}?)(?<![\w-])(?:" + _TERM + r")",
    re.IGNORECASE,
)
# "a further 4 years, for a total of 9 years": the term in force is the total.
_TOTAL = re.compile(
    r",?\s+(?:for|to|making|bringing\s+(?:it|his|her|their)\s+(?:sentence\s+)?to)\s+"
    r"a\s+total\s+(?:of\s+)?(?:" + _TERM + r")",
    re.IGNORECASE,
)
_BAN_BEFORE = re.compile(
    r"\bbans?\s+(?:(?:was|were|has\s+been|had\s+been|is)\s+)?(?:(?:later|then|also)\s+)?$",
    re.IGNORECASE,
)
_MAXIMUM_BEFORE = re.compile(r"\b(?:maximum|max\.?|possible)\s+$", re.IGNORECASE)
_SUPERSEDED = re.compile(
    r"\b(?:initially|originally|previously|first|earlier|previous|original|initial)\s+"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_GAP_BLOCK = re.compile(
    r"\b(?:rang(?:e|es|ing)\s+from|varying|between|"
    r"up\s+to|maximum|faces?|facing|could|would|asked\s+for|sought|demanded|requested|"
    r"after|before|for\s+(?:more|over|about|almost|nearly))\b|[—–]",
    re.IGNORECASE,
)
_MAX = re.compile(
    r"\b(?P<t>faces?|facing|could\s+(?:face|get|receive)|risks?|carries|carry|carrying|"
    r"punishable\s+by|liable\s+to|maximum\s+(?:sentence|penalty|term)\s+(?:of|is))\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:possible|maximum|potential|prison|jail)\s+)*"
    r"(?:(?:sentence|term|penalty)\s+of\s+)?(?:up\s+to\s+|as\s+many\s+as\s+|a\s+maximum\s+of\s+)?"
    # "faces five to ten years": of a range, the upper bound is the maximum.
    r"(?:between\s+" + NUMBER + r"\s+and\s+|" + NUMBER + r"\s*(?:to|-|–)\s*)?"
    r"(?:(?P<n>"
    + NUMBER
    + r")[\s-]+(?P<u>"
    + _UNIT
    + r")|(?P<life>life(?:\s+imprisonment|\s+in\s+prison|\s+sentence)))",
    re.IGNORECASE,
)
# "a maximum five-year sentence", "the maximum 10-year term": the bound as an adjective.
_MAX_BEFORE_TERM = re.compile(
    r"\b(?:a|the)\s+(?P<t>maximum)\s+(?:(?:possible|prison|jail)\s+)?(?P<n>"
    + NUMBER
    + r")[\s-]+(?P<u>"
    + _UNIT
    + r")\s+(?:prison\s+|jail\s+)?(?:sentence|term|penalty)\b",
    re.IGNORECASE,
)
_FINE = re.compile(
    r"\b(?P<t>fined|fine\s+of|penalty\s+of|ordered\s+to\s+pay|pay\s+a\s+fine\s+of)\b", re.IGNORECASE
)
_FINE_REACH = 45
# "ordered to pay $2 million in restitution" repays victims; it is no fine the court imposed.
_NOT_A_FINE = re.compile(
    r"\b(?:restitution|compensation|damages|costs|reparations?|forfeit\w*|back\s+taxes)\b",
    re.IGNORECASE,
)
_NOT_A_FINE_AFTER = 25
# Verbs that take a prison term only when the words around say so ("received a sentence").
_NEEDS_PENALTY_WORD = frozenset(
    [
        "received",
        "receiving",
        "given",
        "got",
        "gets",
        "get",
        "getting",
        "handed",
        "upheld",
        "served",
        "serving",
        "serve",
        "replaced",
        "uphold",
        "upholds",
        "pronounced",
        "imposed",
    ]
) | {"handed down"}
# "upheld his death sentence", "pronounced the death sentence": a death the court decided.
_DECIDES_DEATH = frozenset(
    [
        "sentenced",
        "sentencing",
        "sentence of",
        "upheld",
        "uphold",
        "upholds",
        "pronounced",
        "imposed",
    ]
)
# An appeal that keeps a term in force: the term dates from the first trial, not the appeal.
_UPHOLDING = frozenset(["upheld", "uphold", "upholds"])
_COMMUTING = re.compile(
    r"\b(?:commut\w*|reduc\w*|replac\w*|spared|spares|lift\w*)\b", re.IGNORECASE
)


_NEWS_OF_THE_DAY = re.compile(
    r"\b(?:has|have)\s+(?:been\s+)?(?:(?:found|pleaded|convicted)\b[^.;]{0,80}?\band\s+)?$"
)


def _term_values(match: re.Match[str]) -> dict[str, object]:
    """The term a match of `_TERM` (or of a pattern with some of its groups) tells."""
    groups = match.groupdict()
    if groups.get("life"):
        return {"years": None, "months": None, "life": True, "death": False}
    if groups.get("death"):
        return {"years": None, "months": None, "life": False, "death": True}
    first = parse_number(groups["n1"]) or 0.0
    if groups.get("half"):
        first += 0.5
    total_months = first * 12 if groups["u1"].lower().startswith("year") else first
    if groups.get("n2"):
        total_months += parse_number(groups["n2"]) or 0.0
    total = round(total_months)
    return {"years": total // 12, "months": total % 12, "life": False, "death": False}


# "reduced his ten-year sentence to a four-year one": the term after "to" is
# the one in force.
_CHANGED_TO = re.compile(
    r"(?:\s+(?:jail|prison))?\s+(?:sentence|term)\s+to\s+(?:a\s+|an\s+)?(?:" + _TERM + r")",
    re.IGNORECASE,
)
_CHANGING = frozenset(["commuted", "reduced", "replaced"])
# "home after his nine-year sentence", "until her 12-year sentence runs out": a term told
# by its length, held by the person the possessive stands for.
_HELD_TERM = re.compile(
    r"\b(?:his|her|their)\s+(?P<sup>(?:original|initial|previous|first)\s+)?"
    r"(?P<n1>" + NUMBER + r")(?P<half>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?P<u1>years?|months?)"
    r"[\s-]+(?:(?:jail|prison)\s+(?:sentence|term)|sentence)\b",
    re.IGNORECASE,
)

# "X has had a 10-year prison sentence ... upheld": a term an appeal court kept in force.
_UPHELD_TERM = re.compile(
    r"\b(?:has|have|had)\s+had\s+(?:a|an|his|her|their)\s+"
    r"(?P<n1>" + NUMBER + r")(?P<half>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?P<u1>years?|months?)"
    r"[\s-]+(?:(?:jail|prison)\s+)?(?:sentence|term)\b"
    r"(?=[^.;]{0,100}?\b(?:upheld|confirmed|endorsed)\b)",
    re.IGNORECASE,
)


def _held_terms(context: SentenceContext) -> list[Event]:
    base = context.sentence.start
    events = []
    matches = [*_HELD_TERM.finditer(context.text), *_UPHELD_TERM.finditer(context.text)]
    for match in matches:
        if not context.text[: match.start()].strip(" \"“‘'"):
            continue  # "His 25-year sentence ..." opening a sentence: whose, another sentence tells
        values = _term_values(match)
        if not (values["years"] or values["months"]):
            continue
        anchor = base + match.start("n1")
        events.append(
            Event(
                kind="term",
                sentence=context.sentence.index,
                start=anchor,
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end(),
                transitive=False,
                hypothetical=is_hypothetical(context, anchor),
                date=None,
                data={
                    **values,
                    "commuted": False,
                    "perfect": False,
                    # "his original 15-year sentence", "reduced his ten-year sentence"
                    "superseded": match.groupdict().get("sup") is not None
                    or bool(
                        _COMMUTING.search(context.text[max(0, match.start() - 12) : match.start()])
                    ),
                },
            )
        )
    return events


def find_terms(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    for match in _SENTENCING.finditer(context.text):
        if _GAP_BLOCK.search(match.group("gap")):
            continue
        trigger = match.group("t").lower()
        # "reduced his ten-year sentence to four years": the old term first, the new after "to"
        changed = _CHANGED_TO.match(context.text, match.end()) if trigger in _CHANGING else None
        term = changed or match
        if trigger in _NEEDS_PENALTY_WORD and not re.search(
            r"sentence|term|jail|prison|imprisonment|years|months|life|death",
            context.text[match.end("t") : match.end() + 25],
            re.IGNORECASE,
        ):
            continue
        if term.group("death") and trigger not in _DECIDES_DEATH:
            continue
        if trigger in ("sentence of", "term of") and _MAXIMUM_BEFORE.search(
            context.text[max(0, match.start("t") - 20) : match.start("t")]
        ):
            continue  # "a maximum sentence of N years": the bound, not the sentence
        if _BAN_BEFORE.search(context.text[max(0, match.start("t") - 40) : match.start("t")]):
            continue  # a travel ban cut to a term: a ban, not a prison term
        total = _TOTAL.match(context.text, term.end())
        values = _term_values(total or term)
        if values["years"] == 0 and values["months"] == 0:
            continue
        anchor = base + match.start("t")
        values["commuted"] = trigger in _CHANGING or bool(
            _COMMUTING.search(context.text[: match.start("t")])
        )
        # "initially sentenced to 15 years", "his previous 15-year sentence": a term that a
        # later ruling replaced.
        # "A court has sentenced X ...", "X has been found guilty and sentenced ...": news of
        # the day, dated by the story when undated.
        # "has been serving a 28-year sentence" tells a state of years, not the day's news.
        values["perfect"] = trigger not in ("serving", "served", "serve") and bool(
            _NEWS_OF_THE_DAY.search(context.text[: match.start("t")])
        )
        values["upheld"] = trigger in _UPHOLDING
        # "pronounced the life sentence": a term told again, whose holder was named before.
        values["definite"] = bool(re.match(r"\s*the\s", match.group("gap")))
        values["superseded"] = bool(
            _SUPERSEDED.search(context.text[max(0, match.start("t") - 25) : match.start("t")])
        )
        events.append(
            Event(
                kind="term",
                sentence=context.sentence.index,
                start=anchor,
                end=base + term.end(),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                transitive=trigger in ("sentenced", "jailed", "imprisoned", "handed", "given"),
                hypothetical=is_hypothetical(context, anchor),
                date=None
                if trigger in _UPHOLDING
                else _sentencing_date(context, anchor) or _trial_date(context, anchor),
                data=values,
            )
        )
    return events + _held_terms(context) + _death_row(context)


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def _sentencing_date(context: SentenceContext, anchor: int) -> DateMention | None:
    """The date of a sentencing; a date told before it after "since" starts a spell in
    custody ("held since 2022, was sentenced to eight years"), not the sentencing."""
    found = pick_date(context, anchor)
    base = context.sentence.start
    if (
        found is not None
        and base + found.start < anchor
        and _SINCE_BEFORE.search(context.text[max(0, found.start - 12) : found.start])
    ):
        return None
    return found


# "sentenced to death ... after a secret trial in May 2019": the trial that ended in the
# sentence, dated after the clause of the sentence has closed.
_AFTER_TRIAL = re.compile(
    r"\b(?:after|following|at\s+the\s+end\s+of)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,3}?trial\s+(?:in|on)\s+",
    re.IGNORECASE,
)


def _trial_date(context: SentenceContext, anchor: int) -> DateMention | None:
    """The date of the trial a sentencing is said to follow, later in the same sentence."""
    offset = anchor - context.sentence.start
    for match in _AFTER_TRIAL.finditer(context.text, offset):
        for mention in context.dates:
            if mention.start == match.end() and not mention.reporting:
                return mention
    return None


# "death row inmate X", "a worker on death row": someone under a sentence of death.
_DEATH_ROW = re.compile(
    r"\b(?P<t>death[\s-]row)\b(?P<noun>(?:\s+[a-z][\w-]*){0,2}?\s+"
    r"(?:inmates?|prisoners?|convicts?|detainees?)\b)?",
    re.IGNORECASE,
)


def _death_row(context: SentenceContext) -> list[Event]:
    base = context.sentence.start
    events = []
    for match in _DEATH_ROW.finditer(context.text):
        anchor = base + match.start("t")
        events.append(
            Event(
                kind="term",
                sentence=context.sentence.index,
                start=anchor,
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                # "death row inmate X": the name after the noun is the one held.
                transitive=match.group("noun") is not None,
                hypothetical=is_hypothetical(context, anchor),
                date=None,
                data={
                    "years": None,
                    "months": None,
                    "life": False,
                    "death": True,
                    "commuted": False,
                    "perfect": False,
                    # Any term a court is said to have imposed tells more than the row does.
                    "superseded": True,
                },
            )
        )
    return events


def find_max_penalties(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    matches = [*_MAX.finditer(context.text), *_MAX_BEFORE_TERM.finditer(context.text)]
    for match in matches:
        if match.groupdict().get("life"):
            years, life = None, True
        else:
            value = parse_number(match.group("n")) or 0.0
            years = value if match.group("u").lower().startswith("year") else round(value / 12, 2)
            life = False
        anchor = base + match.start("t")
        events.append(
            Event(
                kind="max_penalty",
                sentence=context.sentence.index,
                start=anchor,
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                transitive=False,
                data={"years": years, "life": life},
            )
        )
    return events


def _repays_rather_than_fines(text: str, cue_end: int, money: Money) -> bool:
    """A sum paid as restitution, damages or costs ("to pay restitution of $5,000", "$5,000 in
    compensation") goes to the victims or the state's purse, not into the sentence as a fine."""
    lead = text[cue_end : cue_end + money.start]
    tail = text[cue_end + money.end : cue_end + money.end + _NOT_A_FINE_AFTER]
    if _NOT_A_FINE.search(lead):
        return True
    return bool(re.match(r"\s+(?:in|as)\s", tail) and _NOT_A_FINE.search(tail))


def find_fines(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    for match in _FINE.finditer(context.text):
        window = context.text[match.end() : match.end() + _FINE_REACH]
        sums = find_money(window)
        if not sums:
            continue
        first = sums[0]
        if _repays_rather_than_fines(context.text, match.end(), first):
            continue
        anchor = base + match.start("t")
        raw = window[first.start : first.end]
        events.append(
            Event(
                kind="fine",
                sentence=context.sentence.index,
                start=anchor,
                end=base + match.end() + first.end,
                anchor=anchor,
                anchor_end=base + match.end("t"),
                transitive=match.group("t").lower() == "fined",
                hypothetical=is_hypothetical(context, anchor),
                date=pick_date(context, anchor),
                data={"amount": first.amount, "currency": first.currency, "raw": raw},
            )
        )
    return events
