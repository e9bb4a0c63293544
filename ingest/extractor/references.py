"""Every place the text refers to a person: by name, by pronoun, or by a phrase such as
"the Georgian national" or "two Filipino workers", each resolved to the people it means."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .gazetteers import MONTH_FULL_NAMES, SPEECH_VERBS, WEEKDAY_NAMES
from .nationality import PersonPhrase, find_person_phrases, find_plain_phrases
from .people import NAMES_JOIN, Person
from .roles import Role
from .segment import Sentence

_PRONOUN = re.compile(
    r"\b(he|she|him|his|her|they|them|their|He|She|His|Her|They|Them|Their"
    r"|(?:(?:[Tt]he|[Aa]ll)\s+(?:two|three|four|five|six|seven|eight|nine|ten)|[Bb]oth)"
    r"(?=\s+(?:could|can|will|would|were|are|was|had|have|has|each|also|"
    r"face|faces|remain|by|of\s+them|in|at|on)\b|\s*[,.;]))\b"
)
_GROUP_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_GROUP_COUNT.update({"nine": 9, "ten": 10, "both": 2})
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_NOT_A_NOUN_AFTER_HER = frozenset(
    [
        "to",
        "for",
        "from",
        "in",
        "on",
        "at",
        "by",
        "with",
        "without",
        "about",
        "after",
        "before",
        "again",
        "too",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "was",
        "is",
        "were",
        "has",
        "had",
        "had",
        "would",
        "will",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "who",
        "which",
        "when",
        "while",
        "because",
        "if",
        "so",
        "since",
        "until",
        "into",
        "out",
        "up",
        "down",
        "off",
        "over",
        "under",
        "through",
        "during",
        "against",
        "among",
        "between",
        "within",
        "throughout",
        "away",
        "back",
        "home",
        "there",
        "here",
        "alone",
        "last",
        "first",
        "once",
        "twice",
    ]
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")(?:\s+(?:reporters|journalists|[A-Z]\w+|the\s+\w+))?"
    r"\s+(?:that\s+)?$"
)
_SPEECH_AFTER = re.compile(
    r"^\s+(?:had\s+|has\s+|then\s+|later\s+)?(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)
_GENDERED_HEADS = {
    "man": "m",
    "woman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "boy": "m",
    "girl": "f",
    "mother": "f",
    "father": "m",
    "wife": "f",
    "husband": "m",
    "son": "m",
    "daughter": "f",
}
_NEUTRAL_TITLE_GAP = r"(?:(?:Captain|Capt\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh)\s+)?"
_APPOSITION_GAP = re.compile(
    r"^(?:[^,;.]{0,90},\s*" + _NEUTRAL_TITLE_GAP + r"|\s+(?:named|called|identified\s+as)\s+"
    r"|\s*,\s*(?:[A-Z][\w\-]+\s+)?(?:national|citizen|resident|native)\s+)$"
)
# "several Americans, including A and B": the names that illustrate a group.
_LIST_INTRO = re.compile(r"^\s*,?\s*(?:including|among\s+them|such\s+as|namely)\s+$", re.IGNORECASE)
# "X, a Russian citizen", "X (34), a Russian", "X is a Russian citizen", "X, 59, is a Russian".
_AFTER_NAME_GAP = re.compile(
    r"^\s*(?:\([^)]{0,60}\))?\s*(?:,\s*(?:\d{1,3}\s*,\s*)?|(?:,\s*\d{1,3}\s*,)?\s(?:is|was)\s+"
    r"(?:also\s+)?"
    # "X was the longest held Peruvian detainee": words of degree between the article and the
    # phrase, none of them a preposition that would make the phrase someone else
    r"(?:the\s+(?:(?!(?:of|for|to|with|by|from|in|on|at|and|or|a|an|the)\b)[a-z][\w-]*\s+){1,3})?)$"
)
# The gaps inside a list of names: "A, B" and "B and C" / "B, and C".
_COMMA = re.compile(r"\s*,\s*")
_AND_BEFORE_LAST = re.compile(r"\s*(?:,\s*)?and\s+")
# How many sentences after a counted group its members may be named.
_GROUP_NAMING_REACH = 3
_MAX_GROUP = 10
# "the Russians who ...", "the prisoners of conscience": a class of people, not the ones named.
_GENERIC_AFTER = re.compile(r"^\s*(?:who|that|which|of|in\s+general|around|across|like)\b")
_ANAPHORA_WINDOW = 8  # sentences a pronoun or "the Russian" may reach back


@dataclass
class Ref:
    """A span of text that stands for one or more people."""

    start: int
    end: int
    sentence: int
    kind: str  # "name", "pronoun" or "phrase"
    pids: tuple[int, ...]
    possessive: bool = False
    plural: bool = False
    family: bool = False  # "the Garratts": everyone of that family name


@dataclass(frozen=True)
class NationalityLink:
    pid: int
    code: str
    start: int
    end: int
    source: str


@dataclass
class References:
    refs: list[Ref]
    nationality: list[NationalityLink]
    group_codes: Counter[str]  # nationalities of people the article speaks of in groups


@dataclass
class _Pending:
    ref: Ref
    mode: str  # "anaphora", "cataphora", "pronoun", "plural_pronoun"
    count: int
    codes: tuple[str, ...]
    gender: str | None
    phrase_span: tuple[int, int]
    lead: bool = False  # a phrase in the opening paragraph that no name stands beside


def _name_refs(people: list[Person]) -> list[Ref]:
    refs: list[Ref] = []
    for person in people:
        for run in person.runs:
            refs.append(
                Ref(run.start, run.end, run.sentence, "name", (person.pid,), run.possessive)
            )
        for start, end, index, possessive in person.short_mentions:
            refs.append(Ref(start, end, index, "name", (person.pid,), possessive))
    refs.sort(key=lambda r: r.start)
    return refs


def _family_refs(text: str, sentences: list[Sentence], people: list[Person]) -> list[Ref]:
    """ "the Garratts", "The Foremans": a family named by its plural surname stands for every
    person the text names with that family name."""
    by_family: dict[str, list[int]] = {}
    for person in people:
        if len(person.tokens) > 1:
            by_family.setdefault(person.tokens[-1], []).append(person.pid)
    if not by_family:
        return []
    refs: list[Ref] = []
    for match in _FAMILY_PLURAL.finditer(text):
        pids = by_family.get(match.group("family"))
        if pids:
            start = match.start("family")
            sentence = sentence_of(sentences, start)
            refs.append(
                Ref(start, match.end(), sentence, "name", tuple(pids), plural=True, family=True)
            )
    return refs


_FAMILY_PLURAL = re.compile(r"\b[Tt]he\s+(?P<family>[A-Z][\w'’-]+?)(?:e?s)(?:['’])?(?![\w'’-])")


def _first_named_in_body(sentences: list[Sentence], people: list[Person]) -> dict[int, int]:
    """Where each person is first named outside headlines and captions: an opening "A British
    academic who was jailed ..." stands for the person the story names after it, even when a
    headline or a photo caption above it gave the name first."""
    found: dict[int, int] = {}
    for person in people:
        starts = [run.start for run in person.runs if not sentences[run.sentence].is_title]
        starts += [s for s, _e, i, _p in person.short_mentions if not sentences[i].is_title]
        found[person.pid] = min(starts, default=person.first_position)
    return found


def sentence_of(sentences: Sequence[Sentence], position: int) -> int:
    """The index of the sentence a position falls in (the last one starting at or before
    it), found by bisection."""
    low, high = 0, len(sentences) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if sentences[mid].start <= position:
            low = mid
        else:
            high = mid - 1
    return low


def _phrases(sentence: Sentence) -> list[PersonPhrase]:
    found = find_person_phrases(sentence.text)
    for plain in find_plain_phrases(sentence.text):
        if any(p.start < plain.end and plain.start < p.end for p in found):
            continue
        det = sentence.text[plain.start : plain.end].split()[0].lower()
        if (
            det in ("his", "her", "their", "its") or det.endswith(("'s", "’s"))
        ) and plain.head not in (
            "client",
            "clients",
        ):
            continue
        found.append(plain)
    return sorted(found, key=lambda p: p.start)


def build_references(
    text: str,
    sentences: list[Sentence],
    people: list[Person],
    roles: dict[int, Role],
    lead_paragraph: int,
) -> References:
    families = _family_refs(text, sentences, people)
    names = sorted(
        [r for r in _name_refs(people) if not any(f.start <= r.start < f.end for f in families)]
        + families,
        key=lambda r: r.start,
    )
    eligible = {pid for pid, role in roles.items() if role.eligible}
    genders = {pid: role.gender for pid, role in roles.items()}
    first_seen = _first_named_in_body(sentences, people)
    known_codes = {pid: {c.code for c in role.nationality} for pid, role in roles.items()}
    voices = _voices_only(people, roles)
    links: list[NationalityLink] = []
    group_codes: Counter[str] = Counter()
    pending: list[_Pending] = []
    listed: list[Ref] = []  # counted groups whose members a list names, resolved

    names_by_sentence: dict[int, list[Ref]] = {}
    for ref in names:
        names_by_sentence.setdefault(ref.sentence, []).append(ref)
    for sentence in sentences:
        if sentence.is_title:
            continue
        in_sentence = names_by_sentence.get(sentence.index, [])
        for phrase in _phrases(sentence):
            start, end = sentence.start + phrase.start, sentence.start + phrase.end
            # "the Russians seized three Estonian fishermen": the captors, no one of the case
            captors = _CAPTORS_VERB.match(text, end) is not None
            item = (
                None
                if captors and phrase.plural
                else _classify_phrase(text, sentence, phrase, start, end, in_sentence, links)
            )
            if item == "linked":
                continue
            if item is not None and item[0] == "listed":
                listed.append(Ref(start, end, sentence.index, "phrase", item[1], plural=True))
                continue
            if phrase.codes and (phrase.count is None or phrase.count > 1) and not captors:
                group_codes.update(phrase.codes)
            if item is None:
                continue
            mode, count = item
            if (
                mode == "cataphora"
                and count == 1
                and (sentence.paragraph != lead_paragraph or in_sentence or not phrase.codes)
            ):
                continue
            ref = Ref(start, end, sentence.index, "phrase", (), plural=count > 1)
            lead = sentence.paragraph == lead_paragraph and not in_sentence and bool(phrase.codes)
            pending.append(
                _Pending(
                    ref,
                    mode,
                    count,
                    phrase.codes,
                    _GENDERED_HEADS.get(phrase.head),
                    (start, end),
                    lead,
                )
            )
        for match in _PRONOUN.finditer(sentence.text):
            word = " ".join(match.group().lower().split())
            group_count = _GROUP_COUNT.get(word.split()[-1])
            if group_count:
                word = "they"
            start = sentence.start + match.start()
            if any(r.start <= start < r.end for r in in_sentence):
                continue
            possessive = word in ("his", "their") or (
                word == "her" and _her_is_possessive(sentence.text, match.end())
            )
            plural = word in ("they", "them", "their")
            ref = Ref(
                start,
                sentence.start + match.end(),
                sentence.index,
                "pronoun",
                (),
                possessive,
                plural,
            )
            mode = "plural_pronoun" if plural else "pronoun"
            count = group_count or (2 if plural else 1)
            if group_count:
                mode = "group"
            pending.append(_Pending(ref, mode, count, (), _GENDER.get(word), (start, start)))

    all_refs = names + listed + [p.ref for p in pending]
    all_refs.sort(key=lambda r: (r.start, r.kind != "name"))
    pending_by_ref = {id(p.ref): p for p in pending}
    history = _History(eligible)
    later_people = _LaterPeople(eligible, first_seen)
    name_starts = _NameStarts(all_refs)
    claimed: set[int] = set()  # people an opening phrase already stands for
    possessive_positions: set[int] = set()
    for ref in all_refs:
        item = pending_by_ref.get(id(ref))
        if item is not None:
            ref.pids = _resolve(
                text,
                sentences,
                item,
                history,
                name_starts,
                later_people,
                eligible,
                genders,
                claimed,
                possessive_positions,
                known_codes,
                voices,
            )
            for pid in ref.pids:
                for code in item.codes:
                    links.append(
                        NationalityLink(
                            pid, code, item.phrase_span[0], item.phrase_span[1], "phrase"
                        )
                    )
            if item.mode == "pronoun" and len(ref.pids) == 1 and item.gender:
                genders.setdefault(ref.pids[0], item.gender)
                if genders.get(ref.pids[0]) is None:
                    genders[ref.pids[0]] = item.gender
        for pid in ref.pids:
            history.append(ref.sentence, ref.start, pid)
        if ref.possessive:
            possessive_positions.add(ref.start)
    return References(all_refs, links, group_codes)


def _voices_only(people: list[Person], roles: dict[int, Role]) -> set[int]:
    """The people every mention of whom says or tells something ("..., X said")."""
    return {
        person.pid
        for person in people
        if roles[person.pid].speaker >= len(person.runs) + len(person.short_mentions)
    }


def _her_is_possessive(sentence: str, end: int) -> bool:
    match = re.match(r"\s*([A-Za-z][\w\-]*)", sentence[end:])
    if not match:
        return False
    return match.group(1).lower() not in _NOT_A_NOUN_AFTER_HER


def _classify_phrase(
    text: str,
    sentence: Sentence,
    phrase: PersonPhrase,
    start: int,
    end: int,
    in_sentence: list[Ref],
    links: list[NationalityLink],
) -> tuple[str, int] | tuple[str, tuple[int, ...]] | str | None:
    """Link a phrase that is an apposition of a name; otherwise say how it refers:
    ("anaphora"|"cataphora", count), ("listed", the members' pids) for a counted group whose
    names follow, or None when it refers to no one in particular."""
    following = [r for r in in_sentence if r.start >= end]
    preceding = [r for r in in_sentence if r.end <= start]
    if following:
        nxt = following[0]
        gap = text[end : nxt.start]
        if gap.strip() == "" and phrase.plural and phrase.count is None:
            # "Canadians A and B": every name of the list that follows.
            for ref in _listed_names(text, following, _MAX_GROUP):
                _link(links, ref.pids, phrase, start, end)
            return "linked"
        if gap.strip() == "" or (phrase.count == 1 and _APPOSITION_GAP.match(gap)):
            _link(links, nxt.pids, phrase, start, end)
            return "linked"
        if phrase.count and 1 < phrase.count <= _MAX_GROUP and _COUNTED_LIST_GAP.match(gap):
            members = _listed_names(text, following, phrase.count)
            if len(members) == phrase.count:
                for ref in members:
                    _link(links, ref.pids, phrase, start, end)
                # "Russia detained four Ukrainians: A, B, C and D": what is told of the
                # group is told of each member the list names.
                return "listed", tuple(pid for ref in members for pid in ref.pids)
        if phrase.plural and _LIST_INTRO.match(gap):
            for ref in _listed_names(text, following, _MAX_GROUP):
                _link(links, ref.pids, phrase, start, end)
            return "linked"
    if preceding and phrase.plural and _COMMA.fullmatch(text[preceding[-1].end : start]):
        # "A and B, two Slovak engineers,": the list of names the phrase stands beside.
        members = _listed_names_before(text, preceding)
        if len(members) > 1 and phrase.count in (None, len(members)):
            for ref in members:
                _link(links, ref.pids, phrase, start, end)
            return "linked"
    if preceding and phrase.count in (1, None) and not phrase.plural:
        prev = preceding[-1]
        if _AFTER_NAME_GAP.match(text[prev.end : start]):
            _link(links, prev.pids, phrase, start, end)
            return "linked"
    group_like = (
        phrase.definite
        and phrase.plural
        and text[start : start + 4].lower() == "the "
        and not _GENERIC_AFTER.match(text[end : end + 20])
        and not re.search(r"\b(?:of|among|for|like)\s+$", text[max(0, start - 8) : start])
        and (bool(phrase.codes) or start == sentence.start or phrase.count is not None)
    )
    if group_like and phrase.count is None:
        return "group", 0  # "the men", "the Indian crew members": the people just named
    if phrase.count is None or phrase.count > _MAX_GROUP:
        return None
    if group_like and phrase.count > 1:
        return "group", phrase.count
    if phrase.definite:
        return "anaphora", phrase.count
    return "cataphora", phrase.count


# "two Russians, A and B", "five Ukrainians in Crimea: A, B ...": what stands between a
# counted group and the list of its names (a place it is in may).
_COUNTED_LIST_GAP = re.compile(
    r"^\s*(?:(?:in|from|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*)?[,:]\s*$"
)


def _listed_names(text: str, following: list[Ref], count: int) -> list[Ref]:
    """The names of a list that follows a group phrase: "two Russians, A and B"."""
    members = [following[0]]
    for ref in following[1:]:
        if len(members) == count:
            break
        gap = text[members[-1].end : ref.start]
        if NAMES_JOIN.fullmatch(gap):
            members.append(ref)
        else:
            break
    return members


def _listed_names_before(text: str, preceding: list[Ref]) -> list[Ref]:
    """The names of a list that ends right before a group phrase: "A, B and C, three ...";
    a list that "and" does not close is no list."""
    members = [preceding[-1]]
    closed = False
    for ref in reversed(preceding[:-1]):
        gap = text[ref.end : members[0].start]
        if _AND_BEFORE_LAST.fullmatch(gap) and not closed:
            closed = True
        elif not (closed and _COMMA.fullmatch(gap)):
            break
        members.insert(0, ref)
    return members if closed and len(members) <= _MAX_GROUP else members[-1:]


def _link(
    links: list[NationalityLink], pids: tuple[int, ...], phrase: PersonPhrase, start: int, end: int
) -> None:
    for pid in pids:
        for code in phrase.codes:
            links.append(NationalityLink(pid, code, start, end, "apposition"))


def _compatible(pid: int, gender: str | None, genders: dict[int, str | None]) -> bool:
    known = genders.get(pid)
    return gender is None or known is None or known == gender


class _History:
    """The people resolved so far, as (sentence, position, pid) in text order, looked up by
    sentence with bisection so that resolving a mention never rereads the whole story."""

    def __init__(self, eligible: set[int]) -> None:
        self._eligible = eligible
        self._entries: list[tuple[int, int, int]] = []
        self._sentences: list[int] = []
        self.has_eligible = False

    def append(self, sentence: int, position: int, pid: int) -> None:
        self._entries.append((sentence, position, pid))
        self._sentences.append(sentence)
        self.has_eligible = self.has_eligible or pid in self._eligible

    def in_sentence(self, sentence: int) -> list[tuple[int, int, int]]:
        return self._entries[
            bisect_left(self._sentences, sentence) : bisect_right(self._sentences, sentence)
        ]

    def since(self, sentence: int) -> list[tuple[int, int, int]]:
        return self._entries[bisect_left(self._sentences, sentence) :]


class _LaterPeople:
    """The people who may be held, in the order the text first names them."""

    def __init__(self, eligible: set[int], first_seen: dict[int, int]) -> None:
        ordered = sorted((first_seen[pid], pid) for pid in eligible if pid in first_seen)
        self._positions = [position for position, _pid in ordered]
        self._pids = [pid for _position, pid in ordered]

    def after(self, position: int, limit: int, skip: set[int] = frozenset()) -> list[int]:
        """Up to `limit` people first named after `position`, leaving out `skip`."""
        found: list[int] = []
        for pid in self._pids[bisect_right(self._positions, position) :]:
            if pid not in skip:
                found.append(pid)
                if len(found) == limit:
                    break
        return found


class _NameStarts:
    """The name mentions in text order, to read the ones after a position."""

    def __init__(self, refs: list[Ref]) -> None:
        self._names = [r for r in refs if r.kind == "name"]
        self._starts = [r.start for r in self._names]
        self._distinct_after: list[int] | None = None

    def people_after(self, ref: Ref, eligible: set[int]) -> int:
        """How many different people who may be held are named after `ref`."""
        if self._distinct_after is None:
            # Counted once, from the end: the number of different eligible people named at or
            # after each name mention.
            seen: set[int] = set()
            counts: list[int] = [0] * (len(self._names) + 1)
            for index in range(len(self._names) - 1, -1, -1):
                seen.update(pid for pid in self._names[index].pids if pid in eligible)
                counts[index] = len(seen)
            self._distinct_after = counts
        return self._distinct_after[bisect_right(self._starts, ref.end)]

    def named_after(self, ref: Ref) -> list[Ref]:
        return self._names[bisect_right(self._starts, ref.end) :]

    def first_list_after(self, ref: Ref, eligible: set[int], reach: int) -> tuple[int, ...]:
        """The people who may be held named in the first sentence after `ref` (within
        `reach` sentences) that names two or more of them."""
        by_sentence: dict[int, list[int]] = {}
        for other in self.named_within(ref, reach):
            listed = by_sentence.setdefault(other.sentence, [])
            listed.extend(p for p in other.pids if p in eligible and p not in listed)
        for sentence in sorted(by_sentence):
            if len(by_sentence[sentence]) >= 2:
                return tuple(by_sentence[sentence])
        return ()

    def named_within(self, ref: Ref, reach: int) -> Iterator[Ref]:
        """Names after `ref` up to `reach` sentences on."""
        for other in self._names[bisect_right(self._starts, ref.end) :]:
            if other.sentence > ref.sentence + reach:
                return
            yield other


def _resolve(
    text: str,
    sentences: list[Sentence],
    item: _Pending,
    history: _History,
    name_starts: _NameStarts,
    later_people: _LaterPeople,
    eligible: set[int],
    genders: dict[int, str | None],
    claimed: set[int],
    possessive_positions: set[int],
    known_codes: dict[int, set[str]],
    voices: set[int],
) -> tuple[int, ...]:
    ref = item.ref
    window = ref.sentence - _ANAPHORA_WINDOW
    if item.mode == "anaphora" and item.count == 1 and item.lead and not history.has_eligible:
        # "sentenced the Vietnamese captain ..." in an opening paragraph that names no one yet.
        item.mode = "cataphora"
    if item.mode == "cataphora":
        same_sentence = {pid for _s, _pos, pid in history.in_sentence(ref.sentence)}
        if item.codes:
            # "five Germans" ahead of a list: not the people the text gives another nationality.
            same_sentence |= {
                pid for pid, codes in known_codes.items() if codes and not codes & set(item.codes)
            }
        if item.count == 1:
            # Two opening phrases ("an American engineer ... a Venezuelan businessman") stand
            # for the first two people named after them, in order.
            later = later_people.after(ref.start, 1, claimed | same_sentence)
            if not later:
                return ()
            claimed.add(later[0])
            return (later[0],)
        # "two of his crew" in a sentence that already named the captain: two others.
        # Someone named only as the voice of a quote after "three Filipinos were executed"
        # reports on the group rather than being one of it.
        same_sentence |= voices
        found: list[int] = []
        if name_starts.people_after(ref, eligible) < item.count:
            # Too few people are named after it to fill the group: only those named soon
            # after it can stand for it, and reading on to the end would find nobody more.
            for other in name_starts.named_within(ref, _GROUP_NAMING_REACH):
                found.extend(
                    pid
                    for pid in other.pids
                    if pid in eligible and pid not in found and pid not in same_sentence
                )
            return _named_soon_after(name_starts, ref, found)
        for other in name_starts.named_after(ref):
            for pid in other.pids:
                if pid in eligible and pid not in found and pid not in same_sentence:
                    found.append(pid)
            if len(found) == item.count:
                return tuple(found)
        return _named_soon_after(name_starts, ref, found)
    if item.mode == "group":
        group = _counted_group(text, history, ref, eligible, possessive_positions, item)
        if not group and not item.count and not history.has_eligible:
            # "sentenced the Indian veterans" before any of them is named: the people of
            # the first sentence after it that names two or more who may be held.
            group = name_starts.first_list_after(ref, eligible, _ANAPHORA_WINDOW)
        if not group and item.count and not history.has_eligible:
            # "sentenced the three crew members" before any of them is named: the next ones.
            later = later_people.after(ref.start, item.count)
            if len(later) >= item.count:
                group = tuple(later)
            else:
                group = _named_soon_after(name_starts, ref, later)
        if item.codes:
            group = tuple(
                pid
                for pid in group
                if not known_codes.get(pid) or known_codes[pid] & set(item.codes)
            )
        return group
    if item.mode == "plural_pronoun":
        before = text[max(0, ref.start - 12) : ref.start].lower()
        if _ALL_OF_THEM_BEFORE.search(before) or _ALL_AFTER.match(text, ref.end):
            # "All of them were freed", "they were all freed": everyone just named
            return _everyone_named_before(history, ref, eligible, possessive_positions)
        if not ref.possessive and re.search(r"\b(?:of|among)\s+$", before):
            return ()  # "most of them": part of a group the text just described
        return _recent_group(history, ref, eligible, possessive_positions)
    if item.mode == "pronoun":
        sentence = sentences[ref.sentence]
        before = text[sentence.start : ref.start]
        speech = _SPEECH_BEFORE.search(before)
        if speech:
            speakers = [
                pid
                for _s, pos, pid in history.in_sentence(ref.sentence)
                if pos < sentence.start + speech.start() and _compatible(pid, item.gender, genders)
            ]
            if speakers:
                return (speakers[-1],)
    recent = history.since(window)
    if item.mode == "pronoun" and _SPEECH_AFTER.match(text[ref.end : ref.end + 20]):
        # "..., he added": whoever closes a quote is most likely the official being quoted.
        for _s, _pos, pid in reversed(recent):
            if pid not in eligible and _compatible(pid, item.gender, genders):
                return (pid,)
    # Anaphora: the most recent eligible person who fits, else anyone who fits nearby.
    if item.mode == "anaphora" and item.count > 1:
        found = []
        for _s, _pos, pid in reversed(recent):
            if pid in eligible and pid not in found:
                found.append(pid)
            if len(found) == item.count:
                return tuple(found)
        return ()
    for _s, _pos, pid in reversed(recent):
        if pid in eligible and _compatible(pid, item.gender, genders):
            return (pid,)
    if item.mode == "pronoun":
        for s, _pos, pid in reversed(recent):
            if s >= ref.sentence - 1 and _compatible(pid, item.gender, genders):
                return (pid,)
    return ()


def _named_soon_after(name_starts: _NameStarts, ref: Ref, candidates: list[int]) -> tuple[int, ...]:
    """ "Five Americans" of whom the story names three: the two or more candidates it names
    within the next few sentences stand for the group; people named later are not its."""
    following = name_starts.named_within(ref, _GROUP_NAMING_REACH)
    near = {pid for other in following for pid in other.pids}
    members = tuple(pid for pid in candidates if pid in near)
    return members if len(members) >= 2 else ()


# "the Russians seized three Estonian fishermen": a group that holds people is not theirs.
# The verb has an object ("seized three fishermen"); "Americans detained in Russia"
# are the ones held.
# A time after such a verb, not its object: "detained Tuesday", "arrested the same week",
# "jailed two years ago".
_A_TIME = (
    r"(?:(?:the\s+)?(?:same|previous|following|next|last|this|that)\b|"
    + WEEKDAY_NAMES
    + r"\b|"
    + MONTH_FULL_NAMES
    + r"\b|\S+\s+(?:years?|months?|weeks?|days?|hours?)\b)"
)
_CAPTORS_VERB = re.compile(
    r"\s+(?:have\s+|had\s+|has\s+)?(?:detained|arrested|captured|seized|abducted|kidnapped|"
    r"jailed|imprisoned|detain|arrest|capture|seize|abduct|kidnap|jail|imprison)\s+(?!"
    + _A_TIME
    + r")(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens|"
    r"hundreds|some|many|more|about|at\s+least)\b|[A-Z])"
)
# "all of them", "each of them"; "they were all", "they are now all", "them all"
_ALL_OF_THEM_BEFORE = re.compile(r"\b(?:all|each)\s+of\s+$")
_ALL_AFTER = re.compile(r"\s+(?:(?:are|were|have|had|have\s+been|had\s+been)\s+)?(?:now\s+)?all\b")
# How many sentences back "all of them" gathers the people named.
_ALL_REACH = 3


def _everyone_named_before(
    history: _History,
    ref: Ref,
    eligible: set[int],
    possessive_positions: set[int],
) -> tuple[int, ...]:
    """ "All of them": the people of the case named in this sentence and in the sentences
    just before it that each name two or more (a list told sentence by sentence), in order,
    when there are two or more in all. A sentence about one person ends the list."""
    pids: list[int] = []
    for back in range(0, _ALL_REACH + 1):
        found = [
            pid
            for _s, pos, pid in history.in_sentence(ref.sentence - back)
            if pos not in possessive_positions and pos < ref.start and pid in eligible
        ]
        found = list(dict.fromkeys(found))
        if back and len(found) < 2:
            break
        pids = [*found, *[pid for pid in pids if pid not in found]]
    return tuple(pids[:_MAX_GROUP]) if len(pids) >= 2 else ()


def _recent_group(
    history: _History,
    ref: Ref,
    eligible: set[int],
    possessive_positions: set[int],
) -> tuple[int, ...]:
    """ "They" after a sentence that named two or more of the people in the case."""
    for back in range(0, 3):
        pids: list[int] = []
        for _s, pos, pid in history.in_sentence(ref.sentence - back):
            if pos in possessive_positions:
                continue  # "His crewmen A and B": the captain is not one of "they"
            if pos < ref.start and pid in eligible and pid not in pids:
                pids.append(pid)
        if len(pids) >= 2:
            return tuple(pids)
    return ()


def _counted_group(
    text: str,
    history: _History,
    ref: Ref,
    eligible: set[int],
    possessive_positions: set[int],
    item: _Pending,
) -> tuple[int, ...]:
    """ "The four", "all three", "the men": the people of the case named in the last few
    sentences, gathered back until there are as many as the phrase says. A demonym in the
    phrase leaves out people the text gave another nationality."""
    wanted = item.count
    pids: list[int] = []
    for back in range(0, 5):
        found_before = len(pids)
        first_at: dict[int, int] = {}
        for _s, pos, pid in history.in_sentence(ref.sentence - back):
            if (
                pos < ref.start
                and pid in eligible
                and pos not in possessive_positions
                and pid not in pids
            ):
                pids.append(pid)
                first_at[pid] = pos
        if wanted and len(pids) >= wanted:
            if len(pids) == wanted:
                return tuple(pids)
            if found_before == 0:
                return _leading_group(text, pids, first_at, wanted)
            return ()
        if not wanted and len(pids) >= 2:
            return tuple(pids)
    return ()


# "A, a former diplomat, and B were detained days after C was arrested": the people named
# at the head of the sentence, ahead of anyone named in a later clause.
_LATER_CLAUSE = re.compile(
    r"\b(?:after|before|when|while|because|since|until|whereas|who|whom|whose|which)\b",
    re.IGNORECASE,
)


def _leading_group(
    text: str, pids: list[int], first_at: dict[int, int], wanted: int
) -> tuple[int, ...]:
    """More people in one sentence than the phrase counts: the first ones, when the rest are
    named only in a later clause of it."""
    last_kept, first_left = first_at[pids[wanted - 1]], first_at[pids[wanted]]
    if first_left > last_kept and _LATER_CLAUSE.search(text[last_kept:first_left]):
        return tuple(pids[:wanted])
    return ()
