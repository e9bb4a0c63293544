"""When and where a person was arrested: "arrested in Prague in October 2016", "detained at
Ngurah Rai International Airport in March", "taken into custody in ...", and at whose request
("at the request of US prosecutors", "on a US warrant").

The arrest is read from the person's own arrest events (found by `events`): the date that
goes with the verb, the first place named after it in its clause, the country of that place
(or of the police that made it), and the country that asked for it. An arrest with neither a
date nor a place is not reported: it adds nothing a reviewer could check.
"""

from __future__ import annotations

import re

from .events import Event, SentenceContext
from .locations import PlaceMention
from .records import Arrest, Extradition, Span

# The words of a `detained` event that report the arrest itself rather than being held.
_ARREST_WORD = re.compile(
    r"^(?:arrest(?:ed)?|detained|taken\s+into\s+custody|under\s+arrest)$", re.IGNORECASE
)
# "at the request of the US", "sought by Washington", "on a US warrant".
_REQUEST = re.compile(
    r"\b(?:at\s+the\s+(?:request|behest|instigation)\s+of|(?:requested|sought|wanted)\s+by|"
    r"on\s+behalf\s+of)\s+(?:the\s+)?"
    r"|\bon\s+(?:an?\s+)?(?=(?:[A-Z][\w.-]*\s+){1,3}(?:arrest\s+)?(?:warrant|request)s?\b)",
    re.IGNORECASE,
)
_REQUEST_REACH = 45
# A named place that is not a town: "Ngurah Rai International Airport", "Palanca crossing".
_NAMED_SITE = re.compile(
    r"\b(?:at|in|near|outside)\s+(?:the\s+)?(?P<site>(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"(?i:international\s+airport|airport|border\s+crossing|crossing|checkpoint|border\s+post|"
    r"railway\s+station|train\s+station|station|seaport|port|hotel))\b"
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A place in a clause about a facility holds someone; it is not where they were arrested.
_FACILITY_WORD = re.compile(
    r"\b(?:prison|jail|penal\s+colony|colony|detention\s+cent(?:re|er)|remand|pre-?trial)\b",
    re.IGNORECASE,
)
# Words before a country that send the person somewhere or name their origin: not where the
# arrest was made.
_NOT_WHERE = re.compile(
    r"\b(?:to|from|into|citizens?\s+of|nationals?\s+of|for|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _request_region(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end() + _REQUEST_REACH) for m in _REQUEST.finditer(text)]


def _inside(position: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in regions)


def _requested_by(text: str, places: list[PlaceMention], regions: list[tuple[int, int]]):
    for start, end in regions:
        for place in places:
            if start <= place.start < end and place.kind in ("country", "demonym", "place"):
                return place.code
    return None


def _place_and_country(
    context: SentenceContext, places: list[PlaceMention], event: Event, nationality: list[str]
) -> tuple[str | None, str | None, list[tuple[int, int]]]:
    text = context.text
    base = context.sentence.start
    clause_start, clause_end = context.clause(event.anchor)
    lo, hi = clause_start - base, clause_end - base
    after_anchor = event.anchor_end - base
    requests = _request_region(text)
    place = country = None
    site = next(
        (
            m
            for m in _NAMED_SITE.finditer(text, after_anchor, hi)
            if not _inside(m.start(), requests)
        ),
        None,
    )
    located = [
        p
        for p in places
        if lo <= p.start < hi
        and not _inside(p.start, requests)
        and not _NOT_WHERE.search(text[max(0, p.start - 25) : p.start])
    ]
    # "arrested in Prague", "detained in southern Iran", "in the resort town of Alicante".
    after = [
        p
        for p in located
        if p.start >= after_anchor
        and p.kind != "demonym"
        and _LOCATIVE_BEFORE.search(text[max(0, p.start - 40) : p.start])
    ]
    if site is not None and not _FACILITY_WORD.search(site.group("site")):
        place = " ".join(site.group("site").split())
        within = [p for p in located if site.start("site") <= p.start < site.end("site")]
        # "at Noi Bai International Airport in Hanoi": the town after the site places it.
        nearby = within or [p for p in after if p.start >= site.end("site")]
        if nearby:
            country = nearby[0].code
    elif (
        after
        and after[0].kind == "place"
        and not _FACILITY_WORD.search(text[after[0].end : after[0].end + 25])
    ):
        place, country = after[0].text, after[0].code
    if country is None:
        countries = [p for p in after if p.kind == "country"]
        # "by Spanish police": the police of a country make its arrests.
        police = [p for p in located if p.kind == "demonym" and p.code not in nationality]
        for candidates in (countries, police):
            if candidates:
                country = candidates[0].code
                break
    return place, country, requests


def find_arrest(
    events: list[Event],
    contexts: list[SentenceContext],
    places: list[list[PlaceMention]],
    *,
    nationality: list[str],
    extraditions: list[Extradition],
    detaining: str | None,
) -> Arrest | None:
    """The person's arrest, from the events they own; the earliest dated one when the text
    tells of several."""
    found: list[tuple[tuple, Arrest]] = []
    for event in events:
        if event.kind != "detained" or event.hypothetical or event.data.get("listed"):
            continue
        if not _ARREST_WORD.match(event.data.get("word", "")):
            continue
        context = contexts[event.sentence]
        sentence_places = places[event.sentence]
        place, country, requests = _place_and_country(context, sentence_places, event, nationality)
        date = event.date.value if event.date and event.date.value else None
        if date is None and place is None:
            continue
        requested = _requested_by(context.text, sentence_places, requests)
        routes = [e for e in extraditions if e.from_country and e.to_country]
        if country is None:
            # Extradited from somewhere: the arrest was made where the extradition began.
            country = routes[0].from_country if routes else detaining
        if requested is None:
            # Held for an extradition: the country that asked for it asked for the arrest.
            requested = next((e.to_country for e in routes if e.from_country == country), None)
        if requested == country:
            requested = None
        sentence = context.sentence
        arrest = Arrest(date, country, place, requested, Span(sentence.start, sentence.end))
        found.append(((date is None, date or "", event.start), arrest))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]
