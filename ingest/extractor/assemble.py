"""The pipeline: text in, draft detainee records out."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import NamedTuple

from .arrests import find_arrest
from .attribution import Attributor
from .charges import find_charges
from .consular import OFFICIAL_CONTEXT, find_visits
from .dates import find_dates
from .detainee_filter import Candidate, active_model, candidate_features
from .events import (
    EVIDENCE_KINDS,
    Event,
    SentenceContext,
    find_status_events,
    is_hypothetical,
    pick_date,
)
from .extradition import find_extraditions
from .facilities import find_facilities, find_repeated_facilities
from .gazetteers import FUNCTION_WORDS, RELATIVE_NOUNS
from .language import looks_english
from .lined_lists import lined_list_ties
from .locations import PlaceMention, find_places
from .metadata import header_date, metadata_length, split_metadata
from .money import find_money
from .nationality import find_citizenship, says_citizenship_unknown
from .penalties import find_fines, find_max_penalties, find_terms
from .people import (
    NAMES_JOIN,
    Person,
    cluster_people,
    drop_places,
    find_name_runs,
    find_script_variants,
    find_short_mentions,
    rehome_shared_surnames,
)
from .records import (
    Charge,
    ConsularVisit,
    CountryFact,
    CourtSentence,
    Detainee,
    ExtractionResult,
    Extradition,
    Facility,
    MaxPenalty,
    NameMention,
    Nationality,
    Span,
)
from .references import NationalityLink, Ref, References, build_references
from .roles import Role, analyse_roles
from .ru import RUSSIAN_VERSION, looks_russian, read_russian
from .segment import Sentence, clause_spans, split_sentences

EXTRACTOR_VERSION = "rules-1.9"

# How much of a text is read. A news story is a few thousand characters and a long feature
# some tens of thousands; past this (about 15,000 words) the extractor reads the text up to
# the last paragraph or sentence break before the limit and says so in its warnings, so that
# a pasted book or a page of logs costs no more than a very long article.
MAX_TEXT_CHARS = 100_000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")

_EVIDENCE = frozenset(EVIDENCE_KINDS)
# Event kinds whose clause can say where a person is held.
_LOCATING = frozenset(
    {
        "detained",
        "charged",
        "convicted",
        "term",
        "fine",
        "released",
        "exchanged",
        "facility",
        "charge",
        "visit",
        "access_denied",
        "max_penalty",
    }
)
_AUTHORITY = re.compile(
    r"^\s*(?:['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:court|courts|police|authorities|officials|prison|prisons|"
    r"jail|jails|guards|security|service|prosecutors?|judges?|investigators|forces|military|"
    r"custody|intelligence|government|state\s+media|regime|penal)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_DIRECTION = re.compile(
    r"\b(?:to|from|into|back\s+to|return\s+to|citizens?\s+of|nationals?\s+of|for|against|"
    r"on\s+behalf\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Places a person's events name that hold no one: where they went once freed, and the
# governments that judged the case from outside. (Where they lived may well be where they
# are held: "a Slovak engineer living in Dubai".)
_NOT_WHERE_HELD = re.compile(
    r"\b(?:(?:arrived|landed|returned|flew)\s+(?:back\s+)?(?:home\s+)?(?:in|at|to)|"
    # "free and home in Kyiv", "safely back home in Canada": where the freed are now
    r"(?:free\s+and|back|safely|now)\s+(?:back\s+)?home\s+in|"
    r"(?:condemned|critici[sz]ed|denounced|protested|deplored|welcomed|praised)\s+by)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "in countries including Peru, Chile and Bolivia": examples of places, none where anyone is
# held.
_COUNTRIES_LISTED = re.compile(
    r"\b(?i:countries|nations|states)\s+(?i:including|such\s+as|like)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)"
    r"(?:the\s+)?)*$"
)
# "the foreign ministry in Hanoi said": where the source sits, not where anyone is held.
_SOURCE_SEAT = re.compile(
    r"\b(?:ministry|spokes(?:man|woman|person)|office|statement)\s+in\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_ACTOR_VERB = re.compile(
    # "Russia on Thursday sentenced", "Iran has released": the state as the verb's subject.
    # "Sudan's president has pardoned": the state's head or courts as the subject.
    r"^(?:['’]s\s+(?:[\w-]+\s+)?(?:president|king|emir|sultan|monarch|ruler|courts?|"
    r"judiciary))?"
    r"\s+(?:on\s+\w+\s+|last\s+\w+\s+|\w+ly\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:released|freed|jailed|jails|sentenced|convicted|detained|pardoned|"
    r"arrested|holds|held|exchanged|extradited|deported|expelled|imprisoned|sentences)\b",
    re.IGNORECASE,
)
_FREED_FROM = re.compile(
    r"\b(?:released|freed|escaped|rescued)\s+from\s+(?:the\s+)?$", re.IGNORECASE
)
_HELD_BY = re.compile(
    r"\b(?:held|detained|arrested|jailed|imprisoned|captured|seized|sentenced|convicted|tried)"
    r"\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_STATUS_RANK = {
    "detained": 1,
    "charged": 2,
    "extradited": 3,
    "convicted": 4,
    "released": 5,
    "deported": 6,
    "exchanged": 7,
}


@dataclass
class _Article:
    text: str
    published: dt.date | None
    sentences: list[Sentence]
    contexts: list[SentenceContext]
    places: list[list[PlaceMention]]
    people: list[Person]
    roles: dict[int, Role]
    refs: References
    events: list[Event]
    attributor: Attributor
    by_sentence: dict[int, list[Event]]
    first_sentence_naming: dict[str, Sentence]  # country code: the first sentence naming it
    first_demonym: dict[str, Span]  # country code: its first demonym ("Thai", "Americans")
    events_by_owner: dict[int, list[Event]]  # pid: the person's events in text order
    links_by_pid: dict[int, list[NationalityLink]]
    everyone: bool = False  # the learned filter's wider training pool (see `_analyse`)


def extract(
    text: str,
    published: dt.date | None = None,
    *,
    max_chars: int = MAX_TEXT_CHARS,
    detainee_filter: bool | None = None,
) -> ExtractionResult:
    """Draft detainee records for one article.

    `text` may start with a `Published: YYYY-MM-DD` line; it is read as metadata and, unless
    `published` is given, dates the article. Every span in the result indexes `text` itself.
    Only the first `max_chars` characters after that line are read (see `MAX_TEXT_CHARS`).
    `detainee_filter` False keeps every candidate the rules find, True applies the learned
    filter (see `detainee_filter.py`) whatever its defaults say, None follows them.
    """
    text, offset, body, published, warnings = _read_part(text, published, max_chars)
    iso = published.isoformat() if published else None
    if looks_russian(body):
        if published is None:
            warnings.append("No publication date: relative dates were left unresolved.")
        detainees = read_russian(text, offset, published)
        return ExtractionResult(
            detainees, iso, "ru", f"{EXTRACTOR_VERSION}+{RUSSIAN_VERSION}", tuple(warnings)
        )
    if not looks_english(body):
        return ExtractionResult(
            (),
            iso,
            "other",
            EXTRACTOR_VERSION,
            (*warnings, "The text is neither English nor Russian; no detainees were read from it."),
        )
    article = _analyse(text, offset, published)
    detainees = _filtered(article, _candidates(article), detainee_filter)
    if published is None:
        warnings.append("No publication date: relative dates were left unresolved.")
    return ExtractionResult(tuple(detainees), iso, "en", EXTRACTOR_VERSION, tuple(warnings))


def _read_part(
    text: str, published: dt.date | None, max_chars: int
) -> tuple[str, int, str, dt.date | None, list[str]]:
    """The part of `text` that is read (see `MAX_TEXT_CHARS`), where its body starts, the
    body, the publication date (given, else from the metadata line or the body's header) and
    the warning of a cut, if any."""
    offset = metadata_length(text)
    warnings: list[str] = []
    if len(text) - offset > max_chars:
        text = _first_part(text, offset + max_chars)
        warnings.append(
            f"The text is longer than {max_chars:,} characters: only the first "
            f"{len(text) - offset:,} were read."
        )
    body, line_date = split_metadata(text)
    return text, offset, body, published or line_date or header_date(body), warnings


def _first_part(text: str, limit: int) -> str:
    """`text` up to `limit`, cut at the last paragraph break in its final quarter, else at the
    last sentence end there, else at `limit`. Spans into the part are spans into the text."""
    window_start = limit - (limit - metadata_length(text)) // 4
    window = text[window_start:limit]
    paragraph = window.rfind("\n\n")
    if paragraph >= 0:
        return text[: window_start + paragraph]
    ends = [m.start() for m in _SENTENCE_END.finditer(window)]
    return text[: window_start + ends[-1]] if ends else text[:limit]


def _analyse(
    text: str, offset: int, published: dt.date | None, *, everyone: bool = False
) -> _Article:
    """The article read into people, roles and events. `everyone` lets events go to office
    holders, relatives and witnesses as well: the wider pool the learned filter is taught
    from, never what the extractor reports."""
    sentences = split_sentences(text, offset)
    runs = find_name_runs(text, sentences)
    people = cluster_people(runs)
    find_short_mentions(text, sentences, people, runs)
    find_script_variants(text, people)
    people = drop_places(text, people)
    roles = analyse_roles(text, sentences, people)
    if rehome_shared_surnames(people, {pid for pid, role in roles.items() if role.eligible}):
        roles = analyse_roles(text, sentences, people)
    lead = _lead_paragraph(sentences)
    refs = build_references(text, sentences, people, roles, lead)
    contexts = [
        SentenceContext(s, clause_spans(s.text), find_dates(s.text, published)) for s in sentences
    ]
    places = [find_places(s.text) for s in sentences]
    events: list[Event] = []
    for index, context in enumerate(contexts):
        if context.sentence.is_title:
            continue
        recent = " ".join(c.text for c in contexts[max(0, index - 2) : index + 1])
        events.extend(find_status_events(context))
        events.extend(find_charges(context))
        events.extend(find_terms(context))
        events.extend(find_max_penalties(context))
        events.extend(find_fines(context))
        events.extend(find_extraditions(context, recent))
        events.extend(find_facilities(context))
        events.extend(find_visits(context))
        events.extend(_citizenship_events(context))
    events.extend(find_repeated_facilities(contexts, events))
    eligible = {pid for pid, role in roles.items() if everyone or role.eligible}
    attributor = Attributor(text, refs.refs, eligible)
    _resolve_facility_anaphora(events)
    for event in events:
        if event.kind in ("visit", "access_denied") and not event.data.get("granted"):
            event.owners = _visit_objects(attributor, event)
        else:
            event.owners = attributor.assign(event)
    _give_granted_access(events, refs.refs, eligible)
    _keep_family_visits_to_the_held(events)
    _give_ownerless_penalties(events)
    _give_told_again_terms(events)
    names = _names_by_sentence(refs.refs)
    events.extend(_list_ties(sentences, names, eligible, events))
    events.extend(_traded_for_ties(text, names, eligible, events))
    events.extend(_listed_prisoners(sentences, names, eligible))
    lined, lined_links = lined_list_ties(sentences, refs.refs, eligible, events)
    events.extend(lined)
    refs.nationality.extend(lined_links)
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.sentence].append(event)
    first_sentence_naming: dict[str, Sentence] = {}
    first_demonym: dict[str, Span] = {}
    for sentence, mentions in zip(sentences, places, strict=True):
        for place in mentions:
            first_sentence_naming.setdefault(place.code, sentence)
            if place.kind == "demonym":
                span = Span(sentence.start + place.start, sentence.start + place.end)
                first_demonym.setdefault(place.code, span)
    events_by_owner: dict[int, list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.start):
        for pid in dict.fromkeys(event.owners):
            events_by_owner[pid].append(event)
    links_by_pid: dict[int, list[NationalityLink]] = defaultdict(list)
    for link in refs.nationality:
        links_by_pid[link.pid].append(link)
    return _Article(
        text,
        published,
        sentences,
        contexts,
        places,
        people,
        roles,
        refs,
        events,
        attributor,
        by_sentence,
        first_sentence_naming,
        first_demonym,
        events_by_owner,
        links_by_pid,
        everyone,
    )


_LEAD_WORDS = 15  # a story's opening paragraph is longer than a page's notices
_LEAD_SENTENCE_WORDS = 10  # and holds a full sentence, where notices are short lines


def _lead_paragraph(sentences: list[Sentence]) -> int:
    """The paragraph that opens the story: the first of running text long enough to be one
    ("Alerts can be switched off in your settings." above a story is not, nor three
    short lines saying a feature is unavailable)."""
    words: Counter[int] = Counter()
    full: set[int] = set()
    first = -1
    for sentence in sentences:
        if sentence.is_title:
            continue
        if first < 0:
            first = sentence.paragraph
        count = len(sentence.text.split())
        words[sentence.paragraph] += count
        if count >= _LEAD_SENTENCE_WORDS:
            full.add(sentence.paragraph)
        if sentence.paragraph in full:
            return sentence.paragraph
    return first


_CHARGE_KINDS = frozenset(["charge", "charged"])


def _give_ownerless_penalties(events: list[Event]) -> None:
    """ "He faces ten charges. The most serious carry a maximum of 30 years": a maximum told
    of the charges, with no one named beside it, is the one of the person just charged, or
    just found guilty ("X was convicted of fraud. Fraud is punishable by up to ten years")."""
    charged_in: dict[int, tuple[int, ...]] = {}
    for event in events:
        if (
            (event.kind in _CHARGE_KINDS or event.kind == "convicted")
            and event.owners
            and not event.hypothetical
        ):
            charged_in[event.sentence] = event.owners
    for event in events:
        if event.kind != "max_penalty" or event.owners:
            continue
        owners = charged_in.get(event.sentence) or charged_in.get(event.sentence - 1)
        if owners:
            event.owners = owners


def _term_value(event: Event) -> tuple[object, ...]:
    data = event.data
    return (data["years"], data["months"], bool(data.get("life")), bool(data.get("death")))


def _give_told_again_terms(events: list[Event]) -> None:
    """ "X was sentenced to life ... After a judge pronounced the life sentence last week": a
    term told again with "the", beside no name, is the one of whoever the same term was told
    of, when that is one person or one group."""
    owned: dict[tuple[object, ...], set[tuple[int, ...]]] = defaultdict(set)
    for event in events:
        if event.kind == "term" and event.owners and not event.hypothetical:
            owned[_term_value(event)].add(tuple(event.owners))
    for event in events:
        if event.kind != "term" or event.owners or not event.data.get("definite"):
            continue
        holders = owned.get(_term_value(event), set())
        if len(holders) == 1:
            event.owners = next(iter(holders))


def _keep_family_visits_to_the_held(events: list[Event]) -> None:
    """ "Access to the Garratts" reaches those of the family who are held, not a son named in
    the story: a visit to a family goes to those with some other fact of a detention."""
    held: set[int] = set()
    for event in events:
        if event.kind in _EVIDENCE and event.kind != "visit" and not event.hypothetical:
            held.update(event.owners)
    for event in events:
        if event.data.get("family"):
            event.owners = tuple(pid for pid in event.owners if pid in held)


def _give_granted_access(events: list[Event], refs: list[Ref], eligible: set[int]) -> None:
    """ "The mission was granted consular access" names no one held: the access is to the
    people last referred to ("their detention") in that sentence or the one before."""
    by_sentence: dict[int, list[Ref]] = defaultdict(list)
    for ref in refs:
        if any(pid in eligible for pid in ref.pids):
            by_sentence[ref.sentence].append(ref)
    for event in events:
        if event.kind != "visit" or not event.data.get("granted") or event.owners:
            continue
        for index in (event.sentence, event.sentence - 1):
            before = [r for r in by_sentence.get(index, ()) if r.start < event.anchor]
            if before:
                event.owners = tuple(pid for pid in before[-1].pids if pid in eligible)
                break


# "They included A and B", "Among those freed were A", "Also freed were B": a list that names
# the people a swap or release just reported.
_LIST_INTRO = re.compile(
    r"^\W*(?:(?:they|those\s+[\w\s]{0,30}?|the\s+(?:[\w-]+\s+){0,4}?"
    r"(?:prisoners|detainees|captives|people|civilians|citizens|nationals|men|women))\s+"
    r"(?:included|include|were)\b|among\s+(?:them|those|the\s+(?:[\w-]+\s+){0,4}?"
    r"(?:prisoners|detainees|captives|people|civilians|citizens|nationals|men|women))\b|"
    r"also\s+(?:freed|released|exchanged|swapped|returned|freed\s+and\s+\w+)\s+(?:were|was)\b|"
    r"(?:the\s+)?others?\s+(?:(?:freed|released|exchanged|swapped)\s+)?"
    r"(?:are|were|was|include|included)\b|"
    # a caption's list of the people pictured: "From top left: A; B; and C."
    r"from\s+(?:top\s+|bottom\s+)?(?:left|right)\b)",
    re.IGNORECASE,
)
_LIST_REACH = 3  # sentences between the swap and the list that names its people
_GROUP_FACTS = frozenset(["detained", "charged", "charge", "convicted", "term"])


def _names_by_sentence(refs: list[Ref]) -> dict[int, list[Ref]]:
    """The references by name, sentence by sentence, in text order: the lists' readers
    look for the names a sentence gives."""
    names: dict[int, list[Ref]] = defaultdict(list)
    for ref in refs:
        if ref.kind == "name":
            names[ref.sentence].append(ref)
    return names


def _list_ties(
    sentences: list[Sentence],
    names: dict[int, list[Ref]],
    eligible: set[int],
    events: list[Event],
) -> list[Event]:
    """Events that tie the people a list sentence names to the swap or release before it."""
    anchors: dict[int, Event] = {}
    for event in events:
        if event.kind in ("exchanged", "released") and not event.hypothetical:
            current = anchors.get(event.sentence)
            if current is None or (current.kind != "exchanged" and event.kind == "exchanged"):
                anchors[event.sentence] = event
    group_facts: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        if event.kind in _GROUP_FACTS and not event.owners and not event.hypothetical:
            group_facts[event.sentence].append(event)
    tied: list[Event] = []
    last: Event | None = None
    for sentence in sentences:
        if sentence.is_title:
            continue
        index = sentence.index
        if last is not None and index - last.sentence > _LIST_REACH:
            last = None
        if _LIST_INTRO.match(sentence.text) and last is not None:
            owners = tuple(
                dict.fromkeys(pid for ref in names[index] for pid in ref.pids if pid in eligible)
            )
            if owners:
                start = sentence.start
                origin = last.data.get("origin", last.sentence)
                tie = replace(
                    last,
                    sentence=index,
                    start=start,
                    end=start,
                    anchor=start,
                    anchor_end=start,
                    date=last.date,
                    data={**last.data, "listed": True, "origin": origin},
                    owners=owners,
                )
                tied.append(tie)
                # "The ten who were freed had been arrested and charged with X. From top left:
                # A, B ...": what the sentence of the swap says of the group, each member shares.
                tied.extend(
                    replace(event, data={**event.data, "listed": True}, owners=owners)
                    for event in group_facts.get(origin, ())
                )
                last = tie
                continue
        own = anchors.get(index)
        if own is not None:
            last = own
            tied.extend(_included_ties(sentence, own, names[index], eligible))
    return tied


# "freed in exchange for A", "swapped for a convicted arms dealer, A", "traded for two
# Russians, A and B": the anchor of a swap, then the people given in return.
_FOR_OTHERS = re.compile(r"\b(?:in\s+exchange|exchanged|swapped|traded)\s+for$", re.IGNORECASE)
# What may stand between "for" and the first name given in return: the release of, a count,
# a description ending in a comma; never a word that makes the name something else's
# ("information about A", "talks with A").
_TO_THE_OTHERS = re.compile(
    r"^\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?"
    r"(?:(?!(?:about|on|from|to|with|by|in|at|against|regarding|concerning|of|that|which|"
    r"who)\b)[\w.’'-]+\s+){0,5}?(?:[\w.’'-]+,\s*)?$",
    re.IGNORECASE,
)
_THEN_FOR = re.compile(r"\s+for\b")


def _traded_for_ties(
    text: str, names: dict[int, list[Ref]], eligible: set[int], events: list[Event]
) -> list[Event]:
    """The swap of a sentence, given to the people it says were given in return: they were
    held by the other side and exchanged too."""
    tied: list[Event] = []
    for event in events:
        if event.kind != "exchanged" or event.hypothetical or event.data.get("listed"):
            continue
        # "in exchange for" ends with "for"; after "exchanged", "swapped", "for" comes next
        then = _THEN_FOR.match(text, event.anchor_end)
        after = then.end() if then else event.anchor_end
        if not _FOR_OTHERS.search(text[event.anchor : after]):
            continue
        following = [r for r in names[event.sentence] if r.start >= after]
        if not following or not _TO_THE_OTHERS.match(text[after : following[0].start]):
            continue
        if following[0].possessive:
            continue  # "in exchange for X's testimony"
        given = [following[0]]
        joins: list[str] = []
        for ref in following[1:]:
            join = text[given[-1].end : ref.start]
            if ref.possessive or not NAMES_JOIN.fullmatch(join):
                break
            given.append(ref)
            joins.append(join)
        if joins and not any("and" in join for join in joins):
            given = given[:1]  # "for A, B told reporters": no list that "and" closes
        owners = tuple(
            dict.fromkeys(
                pid
                for ref in given
                for pid in ref.pids
                if pid in eligible and pid not in event.owners
            )
        )
        if owners:
            data = {**event.data, "listed": True, "given_in_return": True}
            tied.append(replace(event, data=data, owners=owners))
    return tied


# "16 prisoners, including A and B": the names listed after a plural noun for people held;
# "the many citizens detained in Iran, ... the likes of A and B": after people said held.
_PRISONERS_INCLUDING = re.compile(
    r"(?:\b(?:prisoners|detainees|hostages|captives|inmates)\b(?:\s+[\w-]+){0,4}?"
    r"|\b(?:detained|held|jailed|imprisoned)\s+(?:in|by)\s+[^.;:]{0,80}?)"
    r",?\s+(?:including|among\s+them|among\s+whom|such\s+as|the\s+likes\s+of)\s+",
    re.IGNORECASE,
)


def _listed_prisoners(
    sentences: list[Sentence], names: dict[int, list[Ref]], eligible: set[int]
) -> list[Event]:
    """A detention for each person a sentence lists as one of the prisoners it counts."""
    found: list[Event] = []
    for sentence in sentences:
        if sentence.is_title or not names.get(sentence.index):
            continue
        match = _PRISONERS_INCLUDING.search(sentence.text)
        if not match:
            continue
        start = sentence.start + match.end()
        owners = tuple(
            dict.fromkeys(
                pid
                for ref in names[sentence.index]
                if ref.start >= start
                for pid in ref.pids
                if pid in eligible
            )
        )
        if owners:
            anchor = sentence.start + match.start()
            found.append(
                Event(
                    "detained",
                    sentence.index,
                    anchor,
                    start,
                    anchor,
                    start,
                    False,
                    data={"word": match.group().lower(), "listed": True},
                    owners=owners,
                )
            )
    return found


# "Russia released 16 people, including A and B": the list illustrates the people freed.
_INCLUDING = re.compile(r",?\s+(?:including|among\s+them|among\s+whom|such\s+as)\s+")


def _included_ties(
    sentence: Sentence, event: Event, names: list[Ref], eligible: set[int]
) -> list[Event]:
    """The release or swap of a sentence, given to each person listed after its "including"."""
    match = _INCLUDING.search(sentence.text, event.anchor_end - sentence.start)
    if not match:
        return []
    start = sentence.start + match.end()
    owners = tuple(
        dict.fromkeys(
            pid
            for ref in names
            if ref.start >= start
            for pid in ref.pids
            if pid in eligible and pid not in event.owners
        )
    )
    if not owners:
        return []
    return [replace(event, data={**event.data, "listed": True}, owners=owners)]


def _citizenship_events(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    for found in find_citizenship(context.text):
        events.append(
            Event(
                "citizenship",
                context.sentence.index,
                base + found.start,
                base + found.end,
                base + found.start,
                base + found.end,
                False,
                data={"codes": found.codes},
            )
        )
    if says_citizenship_unknown(context.text):
        events.append(
            Event(
                "citizenship_unknown",
                context.sentence.index,
                base,
                base + len(context.text),
                base + len(context.text),
                base + len(context.text),
                False,
            )
        )
    return events


def _resolve_facility_anaphora(events: list[Event]) -> None:
    """ "The colony" is the last facility named that is a colony; "the prison" the last one
    named at all. Without one before it, it names nothing."""
    named: list[Event] = []
    for event in sorted((e for e in events if e.kind == "facility"), key=lambda e: e.start):
        if not event.data.get("anaphoric"):
            if event.data["strength"] >= 2:
                named.append(event)
            continue
        head = event.data["name"].split()[-1].lower()
        same_head = [n for n in named if head in n.data["name"].lower()]
        referent = (same_head or named or [None])[-1]
        if referent is None:
            event.kind = "facility_unresolved"
        else:
            event.data.update(name=referent.data["name"], strength=referent.data["strength"])


# Between a visit verb and the person visited: nothing but modifiers ("visited Russian citizen
# Roman X", "visited two Russians, A and B"); a preposition means the object was a place.
_VISIT_OBJECT_GAP = re.compile(
    r"^[\s,]*(?:(?!(?:in|at|on|to|from|with|and|that|when|after|before|for|by)\b)[\w'’.-]+[\s,]+){0,4}$",
    re.IGNORECASE,
)
# "X said consular officers had visited him": the speaker is not the visitor.
_UNNAMED_VISITOR = re.compile(
    r"\b(?:said|says|told|added|stated)\b.*\b(?:officers?|officials?|diplomats?|consuls?|staff|"
    r"envoy|ambassador|representatives?)\b",
    re.IGNORECASE,
)


_RELATIVE_SUBJECT = re.compile(
    r"\b(?:his|her|their|[\w\-]+['’]s)\s+(?:[\w\-]+\s+)?(?:"
    + "|".join(sorted(RELATIVE_NOUNS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _subject_before(article: _Article, event: Event) -> Ref | None:
    """The last reference before a visit verb that is not one of the people visited."""
    refs = article.attributor.all_by_sentence.get(event.sentence, [])
    for ref in reversed([r for r in refs if r.end <= event.anchor]):
        if ref.pids and set(ref.pids) <= set(event.owners):
            continue
        return ref
    return None


# Between a subject and its verb: auxiliaries and adverbs only.
_SUBJECT_GAP = re.compile(
    r"\s*(?:(?:is|was|were|are|has|have|had|been|also|later|finally|first|then|\w+ly)\s+)*",
    re.IGNORECASE,
)


def _visit_objects(attributor: Attributor, event: Event) -> tuple[int, ...]:
    if event.kind == "visit" and event.data.get("held_subject"):
        # "X met with consular officials": the subject right before the verb is visited (not
        # "X's wife", nor "his lawyer")
        before = attributor.nearest_before(event, any_role=False)
        if (
            before is None
            or before.possessive
            or not _SUBJECT_GAP.fullmatch(attributor.text, before.end, event.anchor)
        ):
            return ()
        return attributor.group_of(before, event)
    if event.kind == "visit" and event.data.get("passive"):
        before = attributor.nearest_before(event, any_role=False)
        return attributor.group_of(before, event) if before else ()
    target = attributor.first_after(event.sentence, event.anchor_end, limit=40)
    if target is None or not _VISIT_OBJECT_GAP.match(
        attributor.text[event.anchor_end : target.start]
    ):
        return ()
    if target.family:
        event.data["family"] = True
    return attributor.group_of(target, event)


# ---------------------------------------------------------------- per-person assembly


def _sentence_span(article: _Article, event: Event) -> Span:
    sentence = article.sentences[event.sentence]
    return Span(sentence.start, sentence.end)


def _owned(article: _Article, pid: int) -> list[Event]:
    return list(article.events_by_owner.get(pid, ()))


# Words for coming home that mean a release only in a story about someone held.
_HOMECOMING = re.compile(r"\b(?:home)\b", re.IGNORECASE)
_HELD_STORY = re.compile(
    r"\b(?:arrest(?:ed)?|detain(?:ed)?|detention|jail(?:ed)?|prison|imprison(?:ed)?|custody|"
    r"held\s+(?:in|at|by|for|without|since|on)|hostage|captive|captivity|sentenced|convicted)\b",
    re.IGNORECASE,
)


def _detention_evidence(article: _Article, events: list[Event]) -> bool:
    for event in events:
        if event.kind in ("visit", "access_denied"):
            return True
        if (
            event.kind == "released"
            and _HOMECOMING.search(event.data.get("word", ""))
            and not _HELD_STORY.search(article.text)
        ):
            continue
        if event.kind in _EVIDENCE and not event.hypothetical:
            if event.kind == "charge" and not event.data.get("strong"):
                continue
            return True
    return False


def _filtered(
    article: _Article, candidates: list[Candidate], switch: bool | None
) -> list[Detainee]:
    """The candidates' records, less those the learned filter finds unlikely to be held."""
    model = active_model(switch)
    if model is None or not candidates:
        return [c.record for c in candidates]
    features = _features(article, candidates)
    return [
        c.record
        for c, f in zip(candidates, features, strict=True)
        if model.probability(f) >= model.threshold
    ]


def _features(article: _Article, candidates: list[Candidate]) -> list[dict[str, float]]:
    return candidate_features(
        candidates,
        sentences=article.sentences,
        lead_paragraph=_lead_paragraph(article.sentences),
        text=article.text,
        article_events=article.events,
    )


def scored_candidates(
    text: str, published: dt.date | None = None, *, everyone: bool = False
) -> list[tuple[Detainee, dict[str, float]]]:
    """Every record the rules would report for an English article, with the features the
    learned filter reads; what the filter is trained on. Empty for any other language.
    `everyone` widens the pool to anyone the story reports held, whatever the role rules
    say of them."""
    text, offset, body, published, _cut = _read_part(text, published, MAX_TEXT_CHARS)
    if looks_russian(body) or not looks_english(body):
        return []
    article = _analyse(text, offset, published, everyone=everyone)
    candidates = _candidates(article)
    return list(zip([c.record for c in candidates], _features(article, candidates), strict=True))


def _candidates(article: _Article) -> list[Candidate]:
    """Everyone the rules report held, in order of first mention."""
    article_votes = _country_votes(article, article.events)
    official_fallback = _most_present_official(article)
    group_codes = article.refs.group_codes
    placed = {
        person.pid: placement
        for person in article.people
        if (placement := _placement(article, person, group_codes, article_votes)) is not None
    }
    found: list[tuple[int, Candidate]] = []
    for person in article.people:
        if person.pid not in placed:
            continue
        role = article.roles[person.pid]
        events, nationality, extraditions, detaining = placed[person.pid]
        codes = [n.country for n in nationality]
        # Held by the state of their only nationality, told by the person's own words, not a
        # guess from the groups the story speaks of ("the Russians").
        held_at_home = bool(detaining) and codes == [detaining.country]
        own_nationality = held_at_home and bool(
            _nationality(article, person, role, events, Counter(), trade_town=False)
        )
        if own_nationality:
            detaining = _swapped_from(article, person.pid, role, events, detaining, placed)
        elif detaining and all(e.data.get("given_in_return") for e in events):
            # Known only as given in return in a swap: held by the other side, which the places
            # of the swap (those of the people freed) do not tell.
            detaining = None
        if detaining:
            # "extradited from the Netherlands" and then held in Brooklyn: delivered there.
            extraditions = [
                replace(e, to_country=detaining.country)
                if e.status == "surrendered"
                and e.to_country is None
                and e.from_country not in (None, detaining.country)
                else e
                for e in extraditions
            ]
        if not article.everyone and _held_in_home_politics(
            article, role, events, codes, extraditions
        ):
            continue  # "Russian opposition figure X", freed in a swap told from abroad
        if detaining and codes == [detaining.country]:
            if own_nationality and not article.everyone:
                continue  # held by their own country: not a national detained abroad
            # Only a guess from the groups the story speaks of ("the Russians") made them a
            # national of the state that holds them: the guess goes, the person stays.
            nationality, codes = [], []
        record = Detainee(
            name=person.name,
            name_variants=_variants(article.text, person),
            mentions=_mentions(article.text, person),
            nationality=tuple(nationality),
            detaining_country=detaining,
            facility=_facility(article, events),
            charges=_charges(article, events),
            sentence=_court_sentence(article, events, detaining.country if detaining else None),
            max_penalty=_max_penalty(article, events),
            extraditions=tuple(extraditions),
            consular_visits=tuple(_visits(article, events, official_fallback)),
            status="unknown",
            status_evidence=None,
        )
        status, evidence = _status(article, events, record)
        record = _replace_status(record, status, evidence)
        arrest = find_arrest(
            events,
            article.contexts,
            article.places,
            nationality=codes,
            extraditions=extraditions,
            detaining=detaining.country if detaining else None,
        )
        record = replace(record, arrest=arrest)
        found.append((person.first_position, Candidate(record, person, role, events)))
    return [candidate for _pos, candidate in sorted(found, key=lambda item: item[0])]


class _Placement(NamedTuple):
    """A person reported held: their events, nationality, extraditions and holder."""

    events: list[Event]
    nationality: list[Nationality]
    extraditions: list[Extradition]
    detaining: CountryFact | None


def _placement(
    article: _Article, person: Person, group_codes: Counter[str], article_votes: Counter[str]
) -> _Placement | None:
    """A person reported held, with their nationality, extraditions and the state that holds
    them; None for anyone the story does not report held."""
    role = article.roles[person.pid]
    if not (role.eligible or article.everyone):
        return None
    events = _owned(article, person.pid)
    if not _detention_evidence(article, events):
        return None
    # The state whose consuls look after the person, when the story gives no nationality: a
    # guess like the groups' (it goes if that state turns out to hold them).
    nationality = _nationality(article, person, role, events, group_codes) or _protecting_state(
        article, events
    )
    codes = [n.country for n in nationality]
    events = _repatriations(events, codes)
    extraditions = _extraditions(article, events)
    detaining = _detaining_country(article, events, codes, extraditions, article_votes)
    if detaining:
        # A town held by another state's forces: "a Russian-installed court in Luhansk".
        occupier = _occupier(article, events, [*codes, detaining.country])
        if occupier:
            detaining = occupier
    return _Placement(events, nationality, extraditions, detaining)


def _swapped_from(
    article: _Article,
    pid: int,
    role: Role,
    events: list[Event],
    detaining: CountryFact,
    placed: dict[int, _Placement],
) -> CountryFact:
    """ "A (held by Afghanistan) freed in exchange for B, an Afghan": a swap trades the people
    each side holds, so B, exchanged, and placed by the story in his own country where the
    swap ended, was held by the state of the people his own state gave up. Only when those
    people are all of one other nationality, and not for a figure of his own state's
    politics (freed in the same swap by his own state); otherwise unchanged."""
    if role.home_politics or not any(e.kind == "exchanged" and not e.hypothetical for e in events):
        return detaining
    home = detaining.country
    held = [e for e in events if e.kind not in _FREEING]
    if _country_votes(article, held).get(home, 0) >= _PLACED_EVENT:
        return detaining  # "jailed in St Petersburg": held at home, freed in the same swap
    other_sides = {
        n.country
        for other, placement in placed.items()
        if other != pid and placement.detaining and placement.detaining.country == home
        for n in placement.nationality
        if n.country != home
    }
    if len(other_sides) != 1:
        return detaining
    return CountryFact(other_sides.pop(), detaining.evidence)


def _held_in_home_politics(
    article: _Article,
    role: Role,
    events: list[Event],
    nationality: list[str],
    extraditions: list[Extradition],
) -> bool:
    """A figure of their own state's politics ("Russian opposition figure X", "Iranian
    dissident Y") of that nationality alone, whom nothing in the story places abroad (no
    extradition, no arrest or trial in another country), is held by that state: a swap story
    told from several countries does not make them a national held abroad."""
    home = role.home_politics
    if not home or nationality != [home] or extraditions:
        return False
    held = [e for e in events if e.kind not in _FREEING]  # not where a swap set them free
    own = _country_votes(article, held)
    return not any(code != home for code, n in own.items() if n >= _LOCATIVE_EVENT)


def _repatriations(events: list[Event], nationality: list[str]) -> list[Event]:
    """ "handed over to Thai officials" said of a Thai national is a release into the care of
    their own country, not an extradition."""
    if not nationality:
        return events
    out: list[Event] = []
    for event in events:
        if (
            event.kind == "extradition"
            and event.data.get("to") in nationality
            and event.data["word"].startswith(("handed", "surrendered"))
            and event.data["status"] == "surrendered"
        ):
            event = replace(event, kind="released", transitive=False, data={"word": "handed over"})
        out.append(event)
    return out


# "Russian forces", "a Russian-installed court", "occupied by Russia": who holds a town of the
# person's own country when that town is under another state's control.
_OCCUPATION = re.compile(
    r"\b(?:occupied|occupying|occupation|annexed|[\w-]+-installed|[\w-]+-appointed|"
    r"[\w-]+-controlled|de\s+facto)\b",
    re.IGNORECASE,
)
_OCCUPIER_AFTER = re.compile(
    r"^(?:-(?:installed|appointed|backed|controlled|occupied|run)\b|\s+(?:forces|troops|soldiers|"
    r"military|army|servicemen|occupation|occupying|security\s+services?|(?:military\s+)?police)\b)",
    re.IGNORECASE,
)
_OCCUPIER_BEFORE = re.compile(
    r"\b(?:occupied|annexed|controlled|seized|captured|held)\s+by\s+(?:the\s+)?$", re.IGNORECASE
)


def _occupier(article: _Article, events: list[Event], nationality: list[str]) -> CountryFact | None:
    """The state whose forces hold a national in their own country's occupied territory."""
    own_sentences = sorted({e.sentence for e in events if not e.data.get("listed")})
    if not any(_OCCUPATION.search(article.sentences[i].text) for i in own_sentences):
        return None
    for scope in (own_sentences, range(len(article.sentences))):
        votes: Counter[str] = Counter()
        first: dict[str, Span] = {}
        for index in scope:
            sentence = article.sentences[index]
            for place in article.places[index]:
                if place.code in nationality or place.kind == "place":
                    continue
                after = sentence.text[place.end : place.end + 30]
                before = sentence.text[max(0, place.start - 30) : place.start]
                if _OCCUPIER_AFTER.match(after) or _OCCUPIER_BEFORE.search(before):
                    votes[place.code] += 1
                    first.setdefault(place.code, Span(sentence.start, sentence.end))
        if votes:
            code = votes.most_common(1)[0][0]
            return CountryFact(code, first[code])
    return None


def _replace_status(record: Detainee, status: str, evidence: Span | None) -> Detainee:
    return replace(record, status=status, status_evidence=evidence)


def _variants(text: str, person: Person) -> tuple[str, ...]:
    seen: list[str] = []
    spellings = [text[r.start : r.end] for r in person.runs]
    spellings += [text[s:e] for s, e, _i, _p in sorted(person.short_mentions)]
    spellings += [text[s:e] for s, e in person.extra_spellings]
    for spelling in spellings:
        spelling = " ".join(spelling.split())
        if spelling and spelling != person.name and spelling not in seen:
            seen.append(spelling)
    return tuple(seen)


def _mentions(text: str, person: Person) -> tuple[NameMention, ...]:
    spans = [(r.start, r.end) for r in person.runs]
    spans += [(s, e) for s, e, _i, _p in person.short_mentions] + list(person.extra_spellings)
    unique = sorted(set(spans))
    return tuple(NameMention(text[s:e], Span(s, e)) for s, e in unique)


def _nationality(
    article: _Article,
    person: Person,
    role: Role,
    events: list[Event],
    group_codes: Counter[str],
    *,
    trade_town: bool = True,
) -> list[Nationality]:
    """The person's nationalities, from the strongest cues found. Without `trade_town`, a town
    written before their trade ("Bali surfer X") is left out: it may be only where they live."""
    found: dict[str, Span] = {}
    hometown: dict[str, Span] = {}
    for cue in role.nationality:
        if cue.source == "trade_town" and not trade_town:
            continue
        target = hometown if cue.source in ("hometown", "trade_town") else found
        target.setdefault(cue.code, Span(cue.start, cue.end))
    for link in article.links_by_pid.get(person.pid, ()):
        found.setdefault(link.code, Span(link.start, link.end))
    for event in events:
        if event.kind == "citizenship":
            for code in event.data["codes"]:
                found.setdefault(code, Span(event.start, event.end))
    if found:
        return [Nationality(code, span) for code, span in found.items()]
    if hometown:
        return [Nationality(code, span) for code, span in hometown.items()]
    if any(e.kind == "citizenship_unknown" for e in events) or not group_codes:
        return []
    code, count = group_codes.most_common(1)[0]
    if count < 2:
        return []
    span = article.first_demonym.get(code)
    return [Nationality(code, span)] if span else []


def _country_votes(article: _Article, events: list[Event]) -> Counter[str]:
    """Where the events happened: places in the clauses that report an arrest, a trial, a
    facility. A place someone is sent to or comes from does not count."""
    votes: Counter[str] = Counter()
    for event in events:
        if event.kind not in _LOCATING or event.hypothetical or event.data.get("listed"):
            continue
        context = article.contexts[event.sentence]
        base = context.sentence.start
        clause_start, clause_end = context.clause(event.anchor)
        if event.kind == "detained":
            # "arrested ... while travelling in the Netherlands": where the arrest took place.
            rest = context.text[clause_end - base :]
            if _WHILE_THERE.match(rest):
                clause_end = context.clause(clause_end + len(rest) - len(rest.lstrip()))[1]
        swap_at = [base + m.end() for m in _SWAP.finditer(context.text)]
        for place in article.places[event.sentence]:
            start, end = base + place.start, base + place.end
            if any(clause_start <= at <= start for at in swap_at) and place.kind != "demonym":
                continue  # "a swap at Ankara airport": where a swap took place holds no one
            if event.kind == "facility":
                if event.start <= start < event.end:
                    votes[place.code] += 3
                continue
            if not clause_start <= start < clause_end:
                continue
            if _nearer_event(article, event, start):
                continue
            before = context.text[max(0, place.start - 30) : place.start]
            after = context.text[place.end : place.end + 40]
            if _FREED_FROM.search(before) and place.kind != "demonym":
                votes[place.code] += 3  # "released from Afghanistan": the state that held them
                continue
            if _DIRECTION.search(before) or _SOURCE_SEAT.search(before):
                continue
            if _NOT_WHERE_HELD.search(before):
                continue  # "arrived in Washington", "lived near Houston", "condemned by the US"
            if _COUNTRIES_LISTED.search(context.text[max(0, place.start - 160) : place.start]):
                continue  # "contacts in countries including Peru, Chile and Bolivia"
            if _MISSION_AFTER.match(after):
                continue  # "UK embassy officials", "the Indian consulate": the visiting state
            if _FREED_AT.search(before):
                continue  # "freed in Oman in exchange for ...": a handover place
            if place.kind == "demonym":
                if _AUTHORITY.match(after):
                    votes[place.code] += 1.5
            elif _ACTOR_VERB.match(after) and end <= event.anchor + 1:
                votes[place.code] += 3
            elif _HELD_BY.search(before) and place.kind != "demonym":
                votes[place.code] += 3  # "is being held by Russia"
            elif _LOCATIVE.search(before) and not (
                event.kind in _FREEING and abs(start - event.anchor) > _FREEING_REACH
            ):
                # "the release of X was a sign of ... the war in Ukraine": a release is placed
                # by the words next to it, not by any place its clause goes on to name.
                votes[place.code] += 2
            elif _AUTHORITY.match(after):
                votes[place.code] += 1.5
    if events is article.events:
        for sentence, places in zip(article.sentences, article.places, strict=True):
            if sentence.is_title:
                for place in places:
                    votes[place.code] += 0.5
        for code in _dateline_codes(article):
            votes[code] += 0.5
    return votes


# "SINGAPORE : ...", "MOSCOW (Reuters) - ...": the capitalised place a wire story opens on.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,2})\s*(?:\([\w .]{1,30}\)\s*)?[:—–-]\s"
)


def _dateline_codes(article: _Article) -> list[str]:
    """The country of the place a story's first body sentence opens on, written in capitals
    as wire services do: where the story is told from, weighed like a headline's place."""
    first = next((s for s in article.sentences if not s.is_title), None)
    match = _DATELINE.match(first.text) if first else None
    if not match:
        return []
    return [p.code for p in find_places(match.group("place").title()) if p.kind != "demonym"]


def _nearer_event(article: _Article, event: Event, position: int) -> bool:
    """ "freed in a swap for two men convicted in New York": another person's event stands
    between this event and the place, so the place is that event's."""
    low, high = sorted((event.anchor, position))
    for other in article.by_sentence.get(event.sentence, ()):
        if (
            other is not event
            and other.kind in _STATUS_KINDS
            and low < other.anchor < high
            and other.owners != event.owners
        ):
            return True
    return False


_WHILE_THERE = re.compile(
    r"^\s*,?\s*while\s+(?:travel+ing|on\s+(?:holiday|vacation|a\s+\w+\s+trip)|visiting|"
    r"vacationing|holidaying|staying|working|passing\s+through)\b",
    re.IGNORECASE,
)
_MISSION_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:[\w-]+\s+)?(?:embassy|embassies|consulate|consular|diplomats?|diplomatic|"
    r"high\s+commission|ambassador|envoy|foreign\s+(?:ministry|office|secretary|minister))\b",
    re.IGNORECASE,
)
_FREEING = frozenset(["released", "exchanged"])
_FREED_AT = re.compile(
    r"\b(?:released|freed|handed\s+over|swapped|exchanged)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FREEING_REACH = 50  # characters between a release and the place it happened in
_STATUS_KINDS = frozenset(["detained", "charged", "convicted", "released", "deported", "exchanged"])


def _detaining_country(
    article: _Article,
    events: list[Event],
    nationality: list[str],
    extraditions: list[Extradition],
    article_votes: Counter[str],
) -> CountryFact | None:
    """Where the person is held: the country an extradition delivered them to, else the
    place their own events point to, else where the article's events happen. A person's own
    country wins only when nothing else comes close: then they are held at home."""
    for extradition in extraditions:
        if extradition.status != "surrendered" or not extradition.to_country:
            continue
        if (
            extradition.to_country in nationality
            and extradition.from_country
            and extradition.from_country not in nationality
            and _sent_home_to_serve(article, events, extradition)
        ):
            # "Canada sent a Polish national it had sentenced to six years home to Poland
            # by extradition": sent home by the state that held them, to serve the sentence.
            return CountryFact(extradition.from_country, extradition.evidence[0])
        return CountryFact(extradition.to_country, extradition.evidence[0])
    own = _country_votes(article, events)
    for votes in (own, article_votes):
        ranked = [(code, n) for code, n in votes.most_common() if n >= 1]
        if not ranked and votes is article_votes and nationality:
            # Only a headline places the story: its foreign country, if it names one.
            ranked = [(c, n) for c, n in votes.most_common() if c not in nationality][:1]
        if not ranked:
            continue
        code, top = ranked[0]
        if code in nationality:
            others = [(c, n) for c, n in ranked if c not in nationality]
            if votes is article_votes and top < _PLACED_EVENT:
                # Nothing in the story is placed in the person's own country (no arrest or
                # trial there), only named: a story from home about a national held abroad.
                # Any foreign country it names (a headline's) is the better guess.
                others = [(c, n) for c, n in votes.most_common() if c not in nationality]
                if others:
                    code = others[0][0]
            elif others and others[0][1] * 2 >= top:
                code = others[0][0]
        return CountryFact(code, _country_evidence(article, events, code))
    return None


# "extradited to Russia to face charges", "wanted in Russia": a fugitive sent home for trial.
_FOR_TRIAL = re.compile(r"\b(?:to\s+face|to\s+stand\s+trial|wanted\s+(?:in|by|for))\b", re.I)


def _sent_home_to_serve(article: _Article, events: list[Event], extradition: Extradition) -> bool:
    """Sent to their own country by a state that had sentenced them, not for trial at home."""
    span = extradition.evidence[0]
    if _FOR_TRIAL.search(article.text[span.start : span.end]):
        return False
    return any(e.kind == "term" and not e.hypothetical for e in events)


_PLACED_EVENT = 3  # the weight of one event placed in a country ("arrested in Accra")
_LOCATIVE_EVENT = 2  # the weight of an event said to happen in a place ("tried in Minsk")


def _country_evidence(article: _Article, events: list[Event], code: str) -> Span:
    for event in events:
        for place in article.places[event.sentence]:
            if place.code == code:
                return _sentence_span(article, event)
    sentence = article.first_sentence_naming.get(code)
    return Span(sentence.start, sentence.end) if sentence else Span(0, 0)


def _facility(article: _Article, events: list[Event]) -> Facility | None:
    candidates = [e for e in events if e.kind == "facility" and e.data.get("strength", 0) > 0]
    if not candidates:
        return None
    best = max(candidates, key=lambda e: (e.data["strength"], not e.data.get("anaphoric"), e.start))
    return Facility(best.data["name"], _sentence_span(article, best))


def _charges(article: _Article, events: list[Event]) -> tuple[Charge, ...]:
    charges: list[Charge] = []
    kept: list[frozenset[str]] = []
    for event in events:
        if event.kind != "charge" or event.hypothetical:
            continue
        phrase = event.data["phrase"]
        key = _charge_key(phrase)
        at = next((i for i, other in enumerate(kept) if key <= other or other <= key), None)
        if at is not None:
            continue  # once each: "drug trafficking" told again as "trafficking"
        kept.append(key)
        charges.append(Charge(phrase, event.data["category"], _sentence_span(article, event)))
    return tuple(charges)


_CHARGE_FILLER = frozenset(["charge", "offence", "offense"])


def _charge_key(phrase: str) -> frozenset[str]:
    """The words that tell one charge from another."""
    # "drugs charge" and "drug offence" are one charge: plurals count as their singular.
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) > 3}
    words -= _CHARGE_FILLER
    return frozenset(words) or frozenset([phrase.lower()])


def _conviction_date(events: list[Event], before: int) -> str | None:
    dated = [
        e
        for e in events
        if e.kind == "convicted"
        and not e.hypothetical
        and e.date
        and e.date.value
        and e.start <= before
    ]
    return dated[-1].date.value if dated else None


def _first_conviction_date(events: list[Event]) -> str | None:
    """The earliest conviction the text dates: the trial an appeal looked back on."""
    dated = [
        e.date.value
        for e in events
        if e.kind == "convicted" and not e.hypothetical and e.date and e.date.value
    ]
    return min(dated) if dated else None


def _later_sentencing_date(events: list[Event], after: int) -> str | None:
    """ "X has been sentenced to death. ... X was sentenced on June 10": the sentencing told
    again further on with its date, in a sentence that gives no term of its own."""
    with_terms = {e.sentence for e in events if e.kind == "term"}
    for event in events:
        if (
            event.kind == "convicted"
            and event.start > after
            and event.sentence not in with_terms
            and not event.hypothetical
            and event.date
            and event.date.value
            and event.data.get("word") == "sentenced"
        ):
            return event.date.value
    return None


def _court_sentence(
    article: _Article, events: list[Event], local_country: str | None
) -> CourtSentence | None:
    terms = [e for e in events if e.kind == "term" and not e.hypothetical]
    fines = [e for e in events if e.kind == "fine" and not e.hypothetical]
    if not terms and not fines:
        return None
    chosen: Event | None = None
    if terms:
        terms = [t for t in terms if not t.data.get("superseded")] or terms
        commuted = [t for t in terms if t.data.get("commuted")]
        chosen = commuted[-1] if commuted else _latest(terms)
    fine = None
    if fines:
        same = [f for f in fines if chosen is not None and f.sentence == chosen.sentence]
        fine = same[0] if same else fines[0]
    anchor_event = chosen or fine
    assert anchor_event is not None
    date = anchor_event.date.value if anchor_event.date else None
    if date is None:
        date = _conviction_date(events, anchor_event.start)
    if date is None and anchor_event.data.get("upheld"):
        # "the court upheld his death sentence ... He was convicted in 2019": the first trial
        # told after the appeal dates the term.
        date = _first_conviction_date(events)
    if date is None and anchor_event.data.get("perfect"):
        date = _later_sentencing_date(events, anchor_event.start)
    if date is None and anchor_event.data.get("perfect") and article.published:
        date = article.published.isoformat()
    amount = currency = None
    if fine is not None:
        money = find_money(fine.data["raw"], local_country)
        amount = fine.data["amount"]
        currency = money[0].currency if money else fine.data["currency"]
    data = chosen.data if chosen else {"years": None, "months": None, "life": False, "death": False}
    return CourtSentence(
        years=data["years"],
        months=data["months"],
        life=bool(data.get("life")),
        death=bool(data.get("death")),
        fine_amount=amount,
        fine_currency=currency,
        date=date,
        commuted=bool(data.get("commuted")),
        evidence=_sentence_span(article, anchor_event),
    )


def _latest(terms: list[Event]) -> Event:
    """The term in force: the most recently dated, else the last reported."""
    dated = [t for t in terms if t.date and t.date.value]
    if dated:
        return max(dated, key=lambda t: (t.date.value, t.start))
    return terms[-1]


def _max_penalty(article: _Article, events: list[Event]) -> MaxPenalty | None:
    found = [e for e in events if e.kind == "max_penalty"]
    if not found:
        return None
    best = max(found, key=lambda e: (e.data["life"], e.data["years"] or 0))
    return MaxPenalty(best.data["years"], best.data["life"], _sentence_span(article, best))


_EXTRADITION_ORDER = {
    "requested": 1,
    "contested": 2,
    "approved": 3,
    "refused": 4,
    "withdrawn": 4,
    "surrendered": 5,
}


def _extraditions(article: _Article, events: list[Event]) -> list[Extradition]:
    """One record per destination, at the latest step the text reports for it."""
    steps = [e for e in events if e.kind == "extradition"]
    if not steps:
        return []
    destinations = {e.data["to"] for e in steps if e.data["to"]}
    groups: dict[str | None, list[Event]] = defaultdict(list)
    for step in steps:
        to = step.data["to"]
        if to is None and len(destinations) == 1:
            to = next(iter(destinations))
        groups[to].append(step)
    records: list[Extradition] = []
    for to, group in groups.items():
        arrest_country = _arrest_country(article, events, to)
        status = _extradition_status(group)
        surrendered = [g for g in group if g.data["status"] == "surrendered"]
        dated = [g for g in (surrendered or group) if g.date and g.date.value]
        if status in ("refused", "withdrawn"):
            dated = [g for g in group if g.data["status"] == status and g.date and g.date.value]
        date = dated[0].date.value if dated else None
        if date is None and surrendered:
            date = _arrival_date(article, surrendered[0])
        if to is None and surrendered:
            to = _arrival_country(article, surrendered[0])
        origins = [g.data["from"] for g in group if g.data["from"] and g.data["from"] != to]
        origin = origins[0] if origins else arrest_country
        if origin == to:
            origin = None
        records.append(
            Extradition(origin, to, date, status, tuple(_sentence_span(article, g) for g in group))
        )
    return records


# "arrived in the US on Monday", "appeared before a judge on Friday".
_ARRIVAL = re.compile(
    r"\b(?:arrived|landed|was\s+flown|were\s+flown|made\s+(?:his|her|their|an)\s+initial\s+"
    r"appearance|appeared\s+(?:in|before)|was\s+arraigned|were\s+arraigned)\b",
    re.IGNORECASE,
)
_ARRIVAL_REACH = 3  # sentences after a surrender that may date it or name where it went


def _after_surrender(article: _Article, surrender: Event) -> range:
    """The surrender's sentence and the next ones that may tell where and when it ended."""
    return range(
        surrender.sentence, min(len(article.contexts), surrender.sentence + _ARRIVAL_REACH + 1)
    )


def _arrival_date(article: _Article, surrender: Event) -> str | None:
    """An undated surrender takes the date of the arrival or first court appearance the next
    sentences report: the day the person was handed over is the day they arrived."""
    for index in _after_surrender(article, surrender):
        context = article.contexts[index]
        for match in _ARRIVAL.finditer(context.text):
            anchor = context.sentence.start + match.start()
            if is_hypothetical(context, anchor):
                continue
            found = pick_date(context, anchor)
            if found and found.value:
                return found.value
    return None


# "arrived in the United States", "was flown to New York": where a surrender took the person.
_ARRIVED_IN = re.compile(
    r"\b(?:(?:arrived|landed)\s+(?:back\s+)?(?:in|at)|(?:was|were|been)\s+flown\s+(?:back\s+)?to)"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _arrival_country(article: _Article, surrender: Event) -> str | None:
    """The country a surrender that names no destination took the person to: the place they
    "arrived in" or were "flown to" after it, in its sentence ("arrived in the US after being
    extradited", "extradited and flown to New York") or in one of the next ones that opens on
    a pronoun for them ("He was flown to New York")."""
    for index in _after_surrender(article, surrender):
        context = article.contexts[index]
        base = context.sentence.start
        for match in _ARRIVED_IN.finditer(context.text):
            if index == surrender.sentence:
                if base + match.start() < surrender.anchor and not _AFTER_SURRENDER.fullmatch(
                    article.text, base + match.end(), surrender.anchor
                ):
                    continue  # "who arrived in Spain in 2019, was extradited": an earlier trip
            elif not _PRONOUN_SUBJECT.match(context.text[: match.start()]):
                continue  # "His lawyer, who had arrived in Germany": someone else's arrival
            place = next(
                (
                    p
                    for p in article.places[index]
                    if p.start == match.end() and p.kind != "demonym"
                ),
                None,
            )
            if place is not None and not is_hypothetical(context, base + match.start()):
                return place.code
    return None


# "arrived in the US on Monday after being extradited": the arrival the surrender ended in.
_AFTER_SURRENDER = re.compile(
    r"[^.;,]{0,50}?\s+after\s+(?:being\s+|he\s+was\s+|she\s+was\s+|they\s+were\s+)?",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:He|She|They)\s+(?:\w+ly\s+)?$")


def _extradition_status(group: list[Event]) -> str:
    statuses = [g.data["status"] for g in group]
    if "surrendered" in statuses:
        return "surrendered"
    dated = [g for g in group if g.date and g.date.value]
    if dated:
        return max(dated, key=lambda g: (g.date.value, _EXTRADITION_ORDER[g.data["status"]])).data[
            "status"
        ]
    return max(statuses, key=lambda s: _EXTRADITION_ORDER[s])


def _arrest_country(
    article: _Article, events: list[Event], destination: str | None = None
) -> str | None:
    """Where the person was first arrested: the country an extradition starts from. An
    arrest ("arrested in Panama") speaks louder than being held ("held in U.S. prisons")."""
    detained = [e for e in events if e.kind == "detained" and not e.hypothetical]
    detained.sort(key=lambda e: (not e.data.get("word", "").startswith(("arrest", "detain")),))
    for event in detained:
        votes = _country_votes(article, [event])
        for code, _n in votes.most_common():
            if code != destination:
                return code
    return None


def _most_present_official(article: _Article) -> str | None:
    """The official the article quotes most: who "he" is when an envoy's visit is told
    without his name."""
    counts: Counter[int] = Counter()
    for ref in article.refs.refs:
        if ref.kind == "name":
            for pid in ref.pids:
                role = article.roles[pid]
                if role.official or role.speaker:
                    counts[pid] += 1
    for pid, _count in counts.most_common():
        role = article.roles[pid]
        if role.official or role.speaker >= 2:
            return article.people[pid].name
    return None


# A mission or its people as a visitor: "the Indian embassy in Doha", "British officials",
# "UK embassy officials", "diplomats".
_MISSION = re.compile(
    r"(?P<v>(?:[A-Z][\w.’'-]*\s+){0,3}(?:"
    # a mission's people by their trade, only after the mission's word: "embassy personnel",
    # "consular officers" (not "police officers")
    r"(?i:embassy|consular|consulate|diplomatic)\s+(?i:personnel|staff|officers?)|"
    r"(?i:(?:(?:embassy|consular|diplomatic)\s+)?(?:embassy|consulate|diplomatic\s+mission|"
    r"mission|high\s+commission|officials|diplomats|consul(?:-general)?|envoys?)))"
    # "the Canadian Embassy official": the mission's person, when one is named after it
    r"(?:\s+(?i:official|officer|diplomat)(?!s))?"
    r"(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?)\b"
)


# A mission's people told by their trade alone: "consular officers", "embassy personnel",
# "consular officials", with no word that names whose.
_GENERIC_STAFF = re.compile(
    r"(?i:(?:embassy|consular|consulate|diplomatic)\s+)?(?i:officials?|diplomats?|personnel|staff|"
    r"officers?)"
)


def _mission_phrase(match: re.Match[str]) -> str:
    """The mission's words without the capitalised words that open the sentence or clause
    before them ("When Canadian officials" is "Canadian officials")."""
    words = match.group("v").split()
    while len(words) > 1 and words[0].lower() in FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _mission_between(gap: str) -> bool:
    """A mission named as the subject between a person and the visit, not in an apposition
    to that person ("X, the consul in Grodno, visited")."""
    gap = gap[gap.rfind(",") + 1 :]
    return any(len(m.group("v").split()) >= 2 for m in _MISSION.finditer(gap))


def _first_mission(text: str) -> str | None:
    for match in _MISSION.finditer(text):
        phrase = _mission_phrase(match)
        if len(phrase.split()) >= 2 and phrase[0].isupper():
            return phrase
    return None


def _mission_visitor(
    article: _Article, event: Event, index: int | None = None, *, named: bool = True
) -> str | None:
    """The mission named nearest the visit in its sentence (or in the sentence `index`), when
    no person is the visitor. With `named`, only a mission whose words name it ("the U.S.
    Embassy in Moscow", "British officials"), not "consular officers" or "embassy staff"."""
    sentence = article.sentences[event.sentence if index is None else index]
    best: tuple[int, str] | None = None
    for match in _MISSION.finditer(sentence.text):
        phrase = _mission_phrase(match)
        words = phrase.split()
        if len(words) < 2:
            continue  # bare "officials", "the mission": whose, the phrase does not say
        if named and _GENERIC_STAFF.fullmatch(phrase):
            continue
        start = sentence.start + match.start()
        # The subject before the visit first, then the nearest after it.
        distance = event.anchor - start if start < event.anchor else 1000 + start - event.anchor
        if best is None or distance < best[0]:
            best = (distance, phrase)
    return best[1] if best else None


# A head of state or government who meets or calls a detainee makes no consular visit.
_LEADER_TITLE = re.compile(
    r"\b(?:president|prime\s+minister|premier|king|queen|emir|chancellor|sultan)\b", re.IGNORECASE
)
_ENVOY_TITLE = re.compile(r"\b(?:ambassador|consul|envoy|diplomat|attach)", re.IGNORECASE)


# "Slovak officials met with X in prison": a state's officials the subject of the visit.
_STATE_OFFICIALS = re.compile(
    r"\b(?P<state>[A-Z][\w-]+)\s+(?:government\s+)?officials\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:finally\s+|first\s+|later\s+|also\s+|eventually\s+)?$"
)


def _state_officials_before(article: _Article, event: Event) -> bool:
    """A country's officials, named by its demonym or name, make the visit: its consular
    staff, whatever the sentence calls them."""
    sentence = article.sentences[event.sentence]
    lead_in = article.text[sentence.start : event.anchor]
    match = _STATE_OFFICIALS.search(lead_in)
    state = next(
        (
            p.code
            for p in article.places[event.sentence]
            if match and p.start == match.start("state")
        ),
        None,
    )
    # Not the officials of a state the story has placed the person in ("arrested in Lima ...
    # Peruvian officials met with him"): those are their jailers.
    return state is not None and not any(
        place.code == state and place.kind != "demonym"
        for places in article.places[: event.sentence + 1]
        for place in places
    )


_PROTECTING_POWER = re.compile(
    r"\b(?:protecting\s+power|represents?\s+(?:\w+\s+){0,2}interests|interests\s+section|"
    r"on\s+behalf\s+of)\b",
    re.IGNORECASE,
)


def _protecting_state(article: _Article, events: list[Event]) -> list[Nationality]:
    """The state whose mission visited the person or was refused access to them ("Kenyan
    consular officials gained access to her"): a state's consuls look after its own
    nationals. Not a protecting power, told as acting for another state's interests."""
    for event in events:
        if event.hypothetical or event.kind not in ("visit", "access_denied"):
            continue
        if event.kind == "visit" and not _visitor(article, event, None)[0]:
            continue
        sentence = article.sentences[event.sentence]
        if _PROTECTING_POWER.search(sentence.text):
            continue  # "Swiss diplomats, who represent US interests in Iran, visited him"
        for match in _MISSION.finditer(sentence.text):
            if len(match.group("v").split()) < 2:
                continue
            for place in article.places[event.sentence]:
                if match.start("v") <= place.start < match.end("v"):
                    at = sentence.start + place.start
                    return [Nationality(place.code, Span(at, sentence.start + place.end))]
    return []


def _not_a_consular_visitor(article: _Article, name: str) -> bool:
    """A relative, or a head of state or government, seen or heard by the person held."""
    for person in article.people:
        if person.name != name:
            continue
        role = article.roles[person.pid]
        titles = " ".join(role.titles)
        if role.relative:
            return True
        return bool(_LEADER_TITLE.search(titles)) and not _ENVOY_TITLE.search(titles)
    return False


def _visitor(article: _Article, event: Event, fallback: str | None) -> tuple[bool, str | None]:
    """(is this a consular contact, the visitor's name)."""
    consular, visitor = _named_visitor(article, event, fallback)
    if consular and visitor is not None and _not_a_consular_visitor(article, visitor):
        return False, None
    if consular and visitor is None:
        visitor = _mission_visitor(article, event)
    previous = event.sentence - 1
    if (
        consular
        and visitor is None
        and previous >= 0
        and article.sentences[previous].paragraph == article.sentences[event.sentence].paragraph
    ):
        # "... assistance by the British High Commission. He was visited by one of our
        # consular officers": the mission the sentence before named.
        visitor = _mission_visitor(article, event, previous)
    if consular and visitor is None:
        visitor = _mission_visitor(article, event, named=False)  # "a consular officer"
    return consular, visitor


def _named_visitor(
    article: _Article, event: Event, fallback: str | None
) -> tuple[bool, str | None]:
    sentence = article.sentences[event.sentence]
    official_context = bool(OFFICIAL_CONTEXT.search(sentence.text)) or _state_officials_before(
        article, event
    )
    if event.data.get("granted"):
        return True, None
    if event.data.get("passive"):
        after = re.search(r"\bby\s+", article.text[event.anchor_end : event.anchor_end + 40])
        if after:
            # "was visited by his sister and a Kenyan embassy official": the mission.
            by = event.anchor_end + after.end()
            mission = _first_mission(article.text[by : min(sentence.end, by + 90)])
            if mission:
                return True, mission
        target = (
            article.attributor.first_after(event.sentence, event.anchor_end, 60) if after else None
        )
        if target is not None and set(target.pids) & set(event.owners):
            target = None  # "by his mother": the person visited is not the visitor
        return official_context, None if target is None else article.people[target.pids[0]].name
    ref = _subject_before(article, event)
    lead_in = article.text[sentence.start : event.anchor]
    if _RELATIVE_SUBJECT.search(lead_in) and not official_context:
        return False, None  # "Menon's wife said she had spoken to him"
    if ref is not None and _UNNAMED_VISITOR.search(article.text[ref.end : event.anchor]):
        return True, None
    if ref is not None and _mission_between(article.text[ref.end : event.anchor]):
        return True, None  # "X said the High Commission has gained access": the mission visits
    if ref is not None and ref.pids:
        pid = ref.pids[0]
        role = article.roles[pid]
        if role.eligible and not role.weak_official and not official_context:
            return False, None
        if role.eligible and not (role.speaker or role.weak_official):
            return official_context, None
        return True, article.people[pid].name
    if ref is not None and ref.kind == "pronoun" and not ref.pids:
        return True, fallback
    return official_context, None


def _visits(article: _Article, events: list[Event], fallback: str | None) -> list[ConsularVisit]:
    visits: list[ConsularVisit] = []
    for event in events:
        if event.kind == "access_denied":
            visits.append(
                ConsularVisit(
                    None,
                    event.date.value if event.date else None,
                    "unknown",
                    True,
                    _sentence_span(article, event),
                )
            )
            continue
        if event.kind != "visit" or event.hypothetical:
            continue
        consular, visitor = _visitor(article, event, fallback)
        if not consular:
            continue
        kind = "phone" if event.data.get("phone") else "in_person"
        date = event.date.value if event.date else None
        visit = ConsularVisit(visitor, date, kind, False, _sentence_span(article, event))
        visits.extend([visit] * event.data.get("count", 1))  # "three welfare checks by ..."
    return _dedupe_visits(visits)


def _dedupe_visits(visits: list[ConsularVisit]) -> list[ConsularVisit]:
    """Drop a bare mention ("a diplomat spoke to him") when a fuller account of a visit is
    there, and repeats of the same visit."""
    real = [v for v in visits if not v.denied]
    # "visited three compatriots this week" beside the dated account of each visit.
    visits = [
        v
        for v in visits
        if v.denied
        or v.visitor is not None
        or not v.date
        or not any(
            o is not v
            and not o.denied
            and o.date
            and len(o.date) > len(v.date)
            and o.date.startswith(v.date)
            for o in real
        )
    ]
    # "a diplomat was allowed to speak to him by telephone" beside "consul X spoke with him
    # by phone": one call, told first without its caller
    named_kinds = {v.kind for v in real if v.visitor is not None}
    visits = [v for v in visits if v.denied or v.visitor is not None or v.kind not in named_kinds]
    kept: list[ConsularVisit] = []
    seen: set[tuple[str | None, str | None, bool]] = set()
    for visit in visits:
        if not visit.denied and visit.visitor is None and visit.date is None and len(real) > 1:
            continue
        key = (visit.visitor, visit.date, visit.denied)
        if key in seen and (visit.date is not None or visit.denied):
            continue
        seen.add(key)
        kept.append(visit)
    return kept


# "if convicted", "if he were found guilty", "if proven guilty": a charge to be tried
_IF_CONVICTED = re.compile(
    r"\b(?:if|when|unless|upon|on)\s+(?:\w+\s+){0,2}?(?:convicted|conviction|found\s+guilty|"
    r"proven\s+guilty)\b",
    re.IGNORECASE,
)


def _status(article: _Article, events: list[Event], record: Detainee) -> tuple[str, Span | None]:
    """The latest state the text reports."""
    facts = [e for e in events if not e.hypothetical]
    kinds: dict[str, Event] = {}
    for event in facts:
        kind = event.kind
        if kind == "term":
            kind = "convicted"
        elif kind in ("max_penalty",):
            # a maximum alone tells of no charge brought; one "if found guilty" tells of a
            # charge to be tried
            sentence = article.sentences[event.sentence].text
            kind = "charged" if _IF_CONVICTED.search(sentence) else "detained"
        elif kind == "charge":
            kind = "charged" if event.data.get("formal") else "detained"
        elif kind in ("facility", "visit", "access_denied", "fine"):
            kind = "detained"
        elif kind == "extradition":
            if event.data["status"] != "surrendered":
                continue
            kind = "extradited"
        if kind in _STATUS_RANK:
            kinds.setdefault(kind, event)
            if event.date and event.date.value:
                kinds[kind] = event
    if not kinds and any(e.kind in ("visit", "access_denied") for e in events):
        first = next(e for e in events if e.kind in ("visit", "access_denied"))
        return "detained", _sentence_span(article, first)
    if not kinds:
        return "unknown", None
    for terminal in ("exchanged", "deported", "released"):
        if terminal in kinds and _not_superseded(kinds, terminal):
            event = kinds[terminal]
            if terminal == "released":
                swap = (
                    _part_of_a_swap(article, event)
                    or _named_in_a_swap(article, record)
                    or _story_of_a_swap(article, event)
                )
            elif terminal == "deported":
                # "X frees Iranians in swap with academic": sent home as the swap's price.
                swap = _story_of_a_swap(article, event)
            else:
                swap = None
            if swap:
                terminal = "exchanged"
                if isinstance(swap, Span):
                    return terminal, swap
            return terminal, _sentence_span(article, event)
    if "extradited" in kinds and "convicted" in kinds:
        extradited, convicted = kinds["extradited"], kinds["convicted"]
        if extradited.date and convicted.date and extradited.date.value and convicted.date.value:
            later = "extradited" if extradited.date.value >= convicted.date.value else "convicted"
            return later, _sentence_span(article, kinds[later])
        if not (convicted.date and convicted.date.value):
            # "X, convicted in France of fraud, was extradited to the US": a surrender the
            # story opens with is its news, later than a conviction it leaves undated.
            opening = _opening_sentences(article)
            for event in facts:
                if (
                    event.kind == "extradition"
                    and event.data["status"] == "surrendered"
                    and event.data["word"].startswith("extradit")
                    and event.sentence in opening
                ):
                    return "extradited", _sentence_span(article, event)
    for kind in ("convicted", "extradited", "charged", "detained"):
        if kind in kinds:
            return kind, _sentence_span(article, kinds[kind])
    return "unknown", None


# A swap that took place: "in a prisoner swap", "as part of the exchange", "in return".
_SWAP = re.compile(
    r"\b(?:(?:prisoner|detainee|hostage)s?\s+(?:swap|exchange|trade|deal)|swap|swapped|"
    r"exchange\s+of\s+prisoners|in\s+return|in\s+exchange\s+for|traded\s+for|"
    r"the\s+exchange|in\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:exchange|swap))\b",
    re.IGNORECASE,
)
_SWAP_REACH = 2  # sentences before a release that may tell of the swap it was part of


def _part_of_a_swap(article: _Article, release: Event) -> bool:
    """A release the text ties to a prisoner swap: told in the sentence that reports it, the
    one before (a swap, then "Among those freed is ..."), or earlier in its paragraph. A
    release told on its own, away from the swap, stays a release."""
    paragraph = article.sentences[release.sentence].paragraph
    for index in range(max(0, release.sentence - _SWAP_REACH), release.sentence + 1):
        context = article.contexts[index]
        if index < release.sentence - 1 and context.sentence.paragraph != paragraph:
            continue
        for match in _SWAP.finditer(context.text):
            if not is_hypothetical(context, context.sentence.start + match.start()):
                return True
    return False


_OPENING_SENTENCES = 3  # body sentences that open a story and say what it is about
_LEAD_SENTENCES = 2  # body sentences that tell a story's news


def _first_body_contexts(article: _Article, count: int) -> list[SentenceContext]:
    """The first `count` sentences after the headline."""
    return [c for c in article.contexts if not c.sentence.is_title][:count]


def _opening_sentences(article: _Article) -> set[int]:
    """The indexes of the body sentences that tell the story's news."""
    return {c.sentence.index for c in _first_body_contexts(article, _LEAD_SENTENCES)}


def _story_of_a_swap(article: _Article, release: Event) -> Span | None:
    """A release in a story whose headline or opening reports a swap ("Iran frees French
    researcher in swap", "X has freed ten Americans in exchange for ..."): the release is the
    swap's, unless the text dates it before the month the story was published."""
    dated = release.date.value if release.date else None
    if dated and article.published and dated < article.published.isoformat()[:7]:
        return None
    opening = [c for c in article.contexts if c.sentence.is_title][:3]
    opening += _first_body_contexts(article, _OPENING_SENTENCES)
    for context in opening:
        for match in _SWAP.finditer(context.text):
            if not is_hypothetical(context, context.sentence.start + match.start()):
                return Span(context.sentence.start, context.sentence.end)
    return None


# "among those exchanged", "were swapped": the people named took part in a swap.
_EXCHANGED = re.compile(
    r"\b(?:those|was|were|been|being)\s+(?:exchanged|swapped|traded)\b", re.IGNORECASE
)


def _named_in_a_swap(article: _Article, record: Detainee) -> Span | None:
    """A released person whom a sentence reporting a swap names ("freed in exchange for A and
    B", "the swap included A", "A and B were among those exchanged"): the release was the
    swap's, wherever the text tells it."""
    starts = [s.start for s in article.sentences]
    for mention in record.mentions:
        index = bisect_right(starts, mention.span.start) - 1
        if index < 0:
            continue
        context = article.contexts[index]
        if context.sentence.is_title:
            continue
        for pattern in (_SWAP, _EXCHANGED):
            for match in pattern.finditer(context.text):
                if not is_hypothetical(context, context.sentence.start + match.start()):
                    return Span(context.sentence.start, context.sentence.end)
    return None


def _not_superseded(kinds: dict[str, Event], terminal: str) -> bool:
    """A release dated before a later conviction or arrest is not the latest state."""
    event = kinds[terminal]
    if not (event.date and event.date.value):
        return True
    for other in ("convicted", "detained", "charged", "extradited"):
        later = kinds.get(other)
        if later and later.date and later.date.value and later.date.value > event.date.value:
            return False
    return True
