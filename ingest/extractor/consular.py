"""Consular visits, calls and refused access. The visitor is whoever the sentence makes the
subject of the visit; the detainee is its object."""

from __future__ import annotations

import re

from .events import Event, SentenceContext, is_hypothetical, pick_date
from .numbers import parse_number

_VISIT = re.compile(
    r"\b(?P<t>visited|visiting|visits?|saw|seen|seeing|see|met\s+with|met|meeting\s+with|"
    r"meets\s+with|"
    r"(?:spoke|spoken|speak|speaks|speaking|talked|talk|talks)\s+(?:[\w-]+\s+){0,3}?(?:to|with)|"
    r"called|phoned)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?P<t>refused|denied|barred|blocked|rejected|not\s+(?:been\s+)?(?:allowed|permitted|"
    r"granted|given))\b(?P<rest>[^.;]{0,80})",
    re.IGNORECASE,
)
_ACCESS = re.compile(r"\b(?:access|visits?|see|meet|contact|meetings?)\b", re.IGNORECASE)
_PHONE = re.compile(r"\b(?:phone|telephone|call|called|phoned|video|videolink)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:yet\s+)?(?:been\s+)?$", re.IGNORECASE)
OFFICIAL_CONTEXT = re.compile(
    r"\b(?:consul\w*|embass\w*|ambassador|diplomat\w*|envoy|attach[eé]|charg[eé]|"
    r"foreign\s+ministry|foreign\s+office|high\s+commission\w*)\b",
    re.IGNORECASE,
)


# Access that took place, said of the person held or of the mission: "was granted consular
# access", "was given a consular visit"; and visits made by a mission: "welfare checks by
# embassy officials".
_GRANTED = re.compile(
    r"\b(?:was|were|been|being|is|are|has|have|had)\s+(?:\w+\s+)?(?P<t>granted|given|allowed|"
    r"afforded|received)\s+(?:a\s+|an\s+|their\s+|his\s+|her\s+)?(?:first\s+|second\s+)?"
    r"(?:consular\s+(?:access|visits?|meetings?)|(?:welfare\s+)?visits?\s+(?:by|from)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:embassy|consulate|consul|diplomats?|officials))\b",
    re.IGNORECASE,
)
# "the consulate has now gained access to X", "was only able to meet X on 3 June":
# access that took place, its visitor the subject, the person held the object.
_ACCESS_GAINED = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:since\s+|now\s+|finally\s+|also\s+|first\s+)?"
    r"(?P<t>gained|obtained|secured|been\s+given|been\s+granted|"
    r"had(?:\s+(?:regular|frequent|some|limited|several|repeated))?)\s+(?:consular\s+)?access\s+to\b"
    # "diplomats gain access to jailed X": a headline's present tense
    r"|(?<!\bto\s)(?<!\bto\sfinally\s)\b(?:finally\s+)?(?P<g>gain|gains)\s+(?:consular\s+)?access\s+to\b"
    r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:only\s+|finally\s+|first\s+|"
    r"eventually\s+)?(?:able|permitted|allowed)\s+to\s+(?P<m>meet|visit|see|check\s+on)\b"
    # "the mission was allowed a consular visit to X", "has been granted a number of
    # supervised visits with her": the mission, allowed in, made the visit
    r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:last\s+|first\s+|finally\s+|"
    r"since\s+|now\s+|only\s+)?(?P<p>permitted|allowed|granted|given)\s+(?:a\s+|an\s+)?"
    r"(?:(?:series|number|handful)\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:consular\s+)?"
    r"(?:visits?|access|meetings?)\s+(?:to|with)\b",
    re.IGNORECASE,
)
# "three welfare checks by embassy officials": each one a visit.
_MISSION_VISITS = re.compile(
    r"\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?P<t>(?:welfare|consular|prison)\s+(?:checks?|visits?))\s+by\s+",
    re.IGNORECASE,
)
_MAX_COUNTED_VISITS = 12
# "arranged for Dutch diplomats to visit her": the visit took place.
_ARRANGED = re.compile(
    r"\b(?:arranged|allowed|permitted|enabled)\s+(?:for\s+)?(?:[\w-]+\s+){1,4}?to\s+"
    r"(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


# A mission as the object of "met with": "consular officials", "the Slovak embassy's staff".
_MISSION_OBJECT = re.compile(
    r"\s+(?:(?i:the|a|an|two|three|several)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?i:consular|embassy|consulate|diplomats?|consuls?|high\s+commission)\b"
)


_NOT_ALLOWED = re.compile(r"\b(?:not|never|n't|no\s+longer|refused|declined)\s+(?:\w+\s+)?$")


def _arranged(before: str) -> bool:
    """A visit the words before arranged ("allowed a consular officer to see"), unless they
    deny it ("have not allowed ... to see")."""
    match = _ARRANGED.search(before)
    return bool(match) and not _NOT_ALLOWED.search(before[: match.start()])


# "no one had visited him until six months after his arrest": a visit that came late.
_LATE_VISIT = re.compile(
    r"(?:\s+[\w’'-]+){0,4}?\s+until\s+(?!(?:his|her|their)\s+release)", re.IGNORECASE
)


def _visit(
    context: SentenceContext,
    match: re.Match[str],
    *,
    transitive: bool,
    hypothetical: bool,
    data: dict[str, object],
) -> Event:
    base = context.sentence.start
    anchor = base + match.start("t")
    return Event(
        kind="visit",
        sentence=context.sentence.index,
        start=base + match.start(),
        end=base + match.end(),
        anchor=anchor,
        anchor_end=base + match.end("t"),
        transitive=transitive,
        hypothetical=hypothetical,
        date=pick_date(context, anchor, fallback_sentence=True),
        data=data,
    )


def find_visits(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    text = context.text
    for pattern in (_GRANTED, _MISSION_VISITS):
        for match in pattern.finditer(text):
            anchor = base + match.start("t")
            counted = match.groupdict().get("n")
            count = int(parse_number(counted) or 1) if counted else 1
            events.append(
                _visit(
                    context,
                    match,
                    transitive=False,
                    hypothetical=is_hypothetical(context, anchor),
                    data={
                        "phone": False,
                        "passive": False,
                        "word": "access",
                        "granted": True,
                        "count": min(count, _MAX_COUNTED_VISITS),
                    },
                )
            )
    for match in _ACCESS_GAINED.finditer(text):
        group = next(g for g in ("t", "g", "m", "p") if match.group(g))
        anchor = base + match.start(group)
        events.append(
            Event(
                kind="visit",
                sentence=context.sentence.index,
                start=base + match.start(),
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end(),
                transitive=True,
                hypothetical=is_hypothetical(context, anchor),
                date=pick_date(context, anchor, fallback_sentence=True),
                data={"phone": False, "passive": False, "word": match.group(group).lower()},
            )
        )
    for match in _VISIT.finditer(text):
        word = match.group("t")
        before = text[: match.start()]
        if word.lower() == "see" and not _arranged(before):
            continue  # "allowed a consular officer to see X" only
        passive = bool(_PASSIVE.search(before)) and word.lower() in (
            "visited",
            "seen",
            "met",
            "called",
        )
        anchor = base + match.start("t")
        clause_start, clause_end = context.clause(anchor)
        clause = text[clause_start - base : clause_end - base]
        # "X met with consular officials": the one held is the subject, the mission the object
        met_mission = " with" in word.lower() and bool(_MISSION_OBJECT.match(text, match.end()))
        events.append(
            _visit(
                context,
                match,
                transitive=not passive,
                hypothetical=is_hypothetical(context, anchor)
                and not _arranged(text[: match.start()])
                and not _LATE_VISIT.match(text, match.end()),
                data={
                    "phone": bool(_PHONE.search(clause)) or bool(_PHONE.search(word)),
                    "passive": passive,
                    "word": word.lower(),
                    "held_subject": met_mission,
                },
            )
        )
    for match in _DENIAL.finditer(text):
        if not _ACCESS.search(match.group("rest")[:50]) and not _ACCESS.search(
            text[max(0, match.start() - 60) : match.start()]
        ):
            continue
        if _NEGATED.search(text[: match.start()]):
            continue
        anchor = base + match.start("t")
        access = re.search(r"\baccess\s+to\b", text)
        object_from = base + (access.end() if access else match.end("t"))
        events.append(
            Event(
                kind="access_denied",
                sentence=context.sentence.index,
                start=base + match.start(),
                end=base + match.end(),
                anchor=anchor,
                anchor_end=object_from,
                transitive=True,
                date=pick_date(context, anchor),
                data={},
            )
        )
    return events
