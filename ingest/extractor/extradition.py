"""Extradition steps: requested, contested, approved, refused, surrendered, withdrawn; with the
countries a person is sent from and to."""

from __future__ import annotations

import re

from .events import Event, SentenceContext, is_hypothetical, pick_date
from .locations import find_places

_TRIGGER = re.compile(
    r"\b(?P<t>extradited|extradites|extradite|extraditing|extradition|"
    # "handed him over to", "handed al-Kassar over to", "handed over businessman X to"
    r"handed\s+(?:(?:him|her|them)\s+|(?:[a-z]{1,3}-)?"
    r"(?-i:[A-Z])[\w'’.-]*\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){0,3})?over\s+to|"
    # a described person: words that are no preposition or article ("evidence against X",
    # "the letter from X" are things), then the name
    r"handed\s+over\s+(?:(?!(?:of|against|on|from|about|for|by|with|the|a|an)\s)"
    r"[\w'’.-]+\s+){0,3}?(?-i:[A-Z])[\w'’.-]*\s+to(?=\s)|"
    r"surrendered\s+to|request|bid)\b",
    re.IGNORECASE,
)
# Status words, strongest first when several stand in one clause.
_STATUS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "refused",
        re.compile(
            r"\b(?:refused|refuses|refuse|rejected|rejects|blocked|blocks|denied|denies|turned\s+down|"
            r"dismissed|halted|overturned|ruled\s+against|not\s+be\s+extradited|declined)\b",
            re.IGNORECASE,
        ),
    ),
    ("withdrawn", re.compile(r"\b(?:withdrew|withdrawn|withdraws|dropped)\b", re.IGNORECASE)),
    (
        "approved",
        re.compile(
            r"\b(?:approved|approves|granted|grants|cleared|allowed|authori[sz]ed|upheld|agreed\s+to|"
            r"signed\s+off|ordered|can\s+be\s+extradited|could\s+be\s+extradited)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "contested",
        re.compile(
            # not "the fight against fraud", a campaign rather than the person's own
            r"\b(?:contest(?:s|ed|ing)?|appeal(?:s|ed|ing)?|fought|challeng(?:e|es|ed|ing)|"
            r"fight(?:s|ing)?(?!\s+against\s+(?!(?:[\w-]+\s+){0,2}extradit))|"
            r"oppos(?:e|es|ed|ing)|resist(?:s|ed|ing)?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "requested",
        re.compile(
            r"\b(?:request(?:s|ed)?|seeks?|sought|seeking|asked\s+for|warrant|wanted|faces?|facing)\b",
            re.IGNORECASE,
        ),
    ),
)
# "Thai authorities extradited": the country's organ stands right before the verb.
_SUBJECT_GAP = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+)?[\w-]+\s+(?:\w+ly\s+)?(?:(?:have|has|had)\s+)?$"
)
_SURRENDER = re.compile(r"^(?:extradited|extradites|handed|surrendered)", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|return\s+to|back\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_JOURNEY_TO = re.compile(
    r"\b(?:plane|flight|aircraft|flown|flew|sent|taken)\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "fled to Freedonia and was extradited": the refuge is the state that hands the person over.
_FLED_TO = re.compile(
    r"\b(?:fled|escaped|fleeing|escaping|absconded|hiding|hid|hidden|holed\s+up)\s+(?:\w+\s+)?"
    r"(?:to|in|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "... to Freedonia and was later extradited", "... in Freedonia, where he was extradited": the
# flight and the surrender told one after the other, not a refuge of years before.
_FLED_THEN = re.compile(r"^\s*,?\s*(?:and|but|where|until|before)\s+(?:\w+\s+){0,4}$")
# "handed over to US agents at Prague airport": the surrendering state where it happened.
_HANDOVER_AT = re.compile(r"\bat\s+(?:the\s+)?$", re.IGNORECASE)
# "extradited by Greece": the surrendering state named after the verb.
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# "arrested in 2009", "sentenced on Monday": a date that follows another event's verb.
_OTHER_EVENTS_DATE = re.compile(
    r"\b(?:arrested|detained|held|jailed|imprisoned|sentenced|convicted|charged|indicted|"
    r"tried|born|caught|captured|seized|released|freed)\s+(?:[\w,]+\s+){0,3}?(?:in|on|since)?\s*$",
    re.IGNORECASE,
)
# "Freedonia, which extradited him": the country a relative clause opens on.
_WHICH_GAP = re.compile(r"^\s*,\s*which\s+(?:later\s+|then\s+|\w+ly\s+)?$")
# "Switzerland extradited", "Greece has extradited", "The Czech Republic on Friday extradited",
# "Freedonia, which later extradited": a country as the subject of the verb is the state that
# surrenders the person.
_COUNTRY_SUBJECT_GAP = re.compile(
    r"^(?:\s*,\s*which)?\s+(?:on\s+\w+\s+|\w+ly\s+|last\s+\w+\s+|later\s+|then\s+)?"
    r"(?:(?:has|had|have)\s+)?(?:now\s+|\w+ly\s+)?$"
)
# "extradited to face US charges", "extradited ... and is in US custody": the state named as
# the one that tries or holds the person after the surrender is where they were sent.
_DESTINATION_BEFORE = re.compile(r"\b(?:to\s+face|in|into)\s+(?:the\s+)?$", re.IGNORECASE)
_DESTINATION_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:charges|custody|courts?|prisons?|jails?|justice|prosecutors)\b",
    re.IGNORECASE,
)
_BY_AUTHORITY = re.compile(
    r"^\s*(?:['’]s\s+)?(?:\w+\s+){0,2}?(?:authorities|court|courts|government|police|officials|"
    r"prosecutors|justice|ministry|marshals|agents)\b",
    re.IGNORECASE,
)


_SWAP_WORD = re.compile(r"\b(?:swap|swapped|exchange|exchanged)\b", re.IGNORECASE)
# "handed over to Thai officials / to the embassy / to his family": people who receive a freed
# person, unlike the police, marshals or prosecutors who receive an extradited one.
_CARETAKERS = re.compile(
    r"^\s*[\"“‘']?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:officials|diplomats|embassy|consulate|"
    r"consuls?|representatives|envoys?|ambassador|family|families|relatives|red\s+cross|"
    r"mediators?|negotiators?|intermediar(?:y|ies)|"
    r"government|committee\s+of\s+the\s+red\s+cross)\b",
    re.IGNORECASE,
)


def _status(context: SentenceContext, anchor: int, word: str) -> str:
    """The step an extradition mention reports. A request noun is judged on its sentence
    ("a rival request ..., which sought his return, was turned down"), the rest on their clause."""
    if word.lower() in ("request", "bid"):
        scope = context.text
    else:
        clause_start, clause_end = context.clause(anchor)
        base = context.sentence.start
        scope = context.text[clause_start - base : clause_end - base]
    found = {status for status, pattern in _STATUS_WORDS if pattern.search(scope)}
    for status in ("refused", "withdrawn", "approved", "contested"):
        if status in found:
            return status
    if _SURRENDER.match(word) and not is_hypothetical(context, anchor):
        return "surrendered"
    if word.lower() == "extradition" and _told_as_done(context, anchor, word):
        return "surrendered"  # "pleaded not guilty three weeks after his extradition to the US"
    return "requested"


def _told_as_done(context: SentenceContext, anchor: int, word: str) -> bool:
    """ "after his extradition to the US": the noun of a surrender that has taken place."""
    at = anchor - context.sentence.start
    return bool(
        _AFTER_ONES_EXTRADITION.search(context.text[max(0, at - 24) : at])
        and _DIRECTION_AFTER.match(context.text[at + len(word) : at + len(word) + 60])
        and not _STEP_TOLD_AFTER.match(context.text[at + len(word) :])
        and not is_hypothetical(context, anchor)
        and not _PROSPECT_BEFORE.search(context.text[:at])
    )


# "following his extradition to the US", "after their extradition from Spain": a surrender
# told as done, when the words after it give its direction ("after his extradition hearing"
# is a step of the case), no verb after it makes it a step ("after his extradition was
# delayed") and nothing before it makes it a prospect ("could face life after his
# extradition to the US").
_AFTER_ONES_EXTRADITION = re.compile(
    r"\b(?:following|after)\s+(?:his|her|their)\s+$", re.IGNORECASE
)
_DIRECTION_AFTER = re.compile(r"\s+(?:to|from)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_STEP_TOLD_AFTER = re.compile(
    r"[^.;]*?\b(?:was|is|were|are|had\s+been|has\s+been|have\s+been)\s+\w+(?:ed|en)\b",
    re.IGNORECASE,
)
_PROSPECT_BEFORE = re.compile(
    r"\b(?:could|would|will|may|might|shall|faces?|facing|awaits?|awaiting|expected|pending)\b"
    r"[^.;]*$",
    re.IGNORECASE,
)


def find_extraditions(context: SentenceContext, recent_text: str) -> list[Event]:
    """Extradition events. A bare "request" counts only where extradition is under discussion
    (`recent_text` is this and the previous sentences)."""
    events: list[Event] = []
    base = context.sentence.start
    text = context.text
    places = find_places(text)
    for match in _TRIGGER.finditer(text):
        word = match.group("t")
        if word.lower() in ("request", "bid") and (
            "extradit" not in recent_text.lower()
            or "extradit" in text[max(0, match.start() - 15) : match.start()].lower()
        ):
            continue
        anchor = base + match.start("t")
        clause_start, clause_end = context.clause(anchor)
        to_country = from_country = subject_country = None
        for place in places:
            absolute = base + place.start
            if (
                absolute < anchor
                and from_country is None
                and place.kind == "country"
                and _FLED_TO.search(text[max(0, place.start - 30) : place.start])
                and _FLED_THEN.match(text[place.end : anchor - base])
            ):
                # "fled to Freedonia and was later extradited": the clause before the verb
                # tells where the person was caught.
                from_country = place.code
                continue
            if not clause_start <= absolute < clause_end and not (
                absolute < anchor and _WHICH_GAP.match(text[place.end : anchor - base])
            ):
                continue
            before = text[max(0, place.start - 14) : place.start]
            after = text[place.end : place.end + 30]
            if _TO.search(before) and absolute > anchor and to_country is None:
                to_country = place.code
            elif _FROM.search(before) and from_country is None:
                from_country = place.code
            elif (
                absolute > anchor
                and from_country is None
                and place.kind != "demonym"
                and word.lower().startswith(("handed", "surrendered"))
                and _HANDOVER_AT.search(before)
            ):
                from_country = place.code  # "handed over to US agents at Prague airport"
            elif (
                _BY.search(before)
                and absolute > anchor
                and from_country is None
                and place.kind == "country"
                and match.group("t").lower().startswith("extradit")
            ):
                from_country = place.code  # "after being extradited by Greece"
            elif (
                absolute < anchor
                and place.kind == "country"
                and from_country is None
                and match.group("t").lower().startswith(("extradited", "extradites", "handed"))
                and _COUNTRY_SUBJECT_GAP.match(text[place.end : anchor - base])
            ):
                # "Switzerland extradited him to the US", "Spain handed X over to US agents"
                subject_country = place.code
            elif (
                absolute < anchor
                and place.kind in ("demonym", "country")
                and re.match(
                    r"^\s*(?:extradition|request|bid)\b",
                    text[place.end : place.end + 14],
                    re.IGNORECASE,
                )
            ):
                to_country = to_country or place.code  # "the US extradition request"
            elif (
                absolute < anchor
                and _BY_AUTHORITY.match(after)
                and from_country is None
                and _SUBJECT_GAP.match(text[place.end : anchor - base])
            ):
                from_country = place.code  # "Thai authorities extradited him"
        if subject_country is not None:
            if from_country is None:
                from_country = subject_country
            elif to_country is None and subject_country != from_country:
                to_country = subject_country  # "the US has extradited X from Israel"
        if word.lower() in ("request", "bid") and to_country is None:
            # "a request from Moscow": the requesting state is where the person would go.
            to_country, from_country = from_country, None
        status = _status(context, anchor, word)
        date = pick_date(context, anchor)
        if status == "surrendered" and word.lower().startswith("extradit"):
            # "flown to the US on Monday after being extradited by Spain": the journey and
            # its day, told in the sentence of the surrender.
            if to_country is None:
                to_country = next(
                    (
                        place.code
                        for place in places
                        if place.kind == "country"
                        and place.code != from_country
                        and _JOURNEY_TO.search(text[max(0, place.start - 40) : place.start])
                    ),
                    None,
                )
            if to_country is None:
                to_country = next(
                    (
                        place.code
                        for place in places
                        if base + place.start > anchor
                        and place.code != from_country
                        and _DESTINATION_BEFORE.search(text[max(0, place.start - 12) : place.start])
                        and _DESTINATION_AFTER.match(text[place.end : place.end + 30])
                    ),
                    None,
                )
            if date is None:
                date = pick_date(context, anchor, fallback_sentence=True)
                if date is not None and _OTHER_EVENTS_DATE.search(
                    text[max(0, date.start - 30) : date.start]
                ):
                    date = None  # "arrested in 2009 and ... extradited": the arrest's year
        if (
            status == "surrendered"
            and not word.lower().startswith("extradit")
            and "extradit" not in recent_text.lower()
            and (_CARETAKERS.match(text[match.end() :]) or _SWAP_WORD.search(text))
        ):
            # A release into the care of officials or family, or a handover in a swap ("handed
            # X over to German authorities as part of a prisoner swap"), not an extradition.
            events.append(
                Event(
                    kind="released",
                    sentence=context.sentence.index,
                    start=base + match.start(),
                    end=base + match.end(),
                    anchor=anchor,
                    anchor_end=base + match.end("t"),
                    transitive=False,
                    hypothetical=is_hypothetical(context, anchor),
                    date=pick_date(context, anchor),
                    data={"word": "handed over"},
                )
            )
            continue
        events.append(
            Event(
                kind="extradition",
                sentence=context.sentence.index,
                start=base + match.start(),
                end=base + match.end(),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                # "handed over to the Chinese authorities": the words after the verb name the
                # receiving state, not the person handed over, who is the one told before it.
                transitive=word.lower() in ("extradited", "extradites", "extradite", "extraditing"),
                hypothetical=False,
                date=date,
                data={
                    "status": status,
                    "from": from_country,
                    "to": to_country,
                    "word": word.lower(),
                },
            )
        )
    return _merge_adjacent(events)


def _merge_adjacent(events: list[Event]) -> list[Event]:
    """ "refused to extradite ... extradition" in one clause is one step."""
    merged: list[Event] = []
    for event in events:
        if (
            merged
            and merged[-1].sentence == event.sentence
            and event.anchor - merged[-1].anchor_end < 25
        ):
            last = merged[-1]
            for key in ("from", "to"):
                last.data[key] = last.data[key] or event.data[key]
            continue
        merged.append(event)
    return merged
