"""Every place the text refers to a person: by name, by pronoun, or by a phrase such as
"the Georgian national" or "two Filipino workers", each resolved to the people it means."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .gazetteers import SPEECH_VERBS
from .nationality import PersonPhrase, find_person_phrases, find_plain_phrases
from .people import Person
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
_AFTER_NAME_GAP = re.compile(r"^\s*(?:\([^)]{0,60}\))?\s*,\s*(?:\d{1,3}\s*,\s*)?$")
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


def _sentence_of(sentences: list[Sentence], position: int) -> int:
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
    names = _name_refs(people)
    eligible = {pid for pid, role in roles.items() if role.eligible}
    genders = {pid: role.gender for pid, role in roles.items()}
    first_seen = {p.pid: p.first_position for p in people}
    known_codes = {pid: {c.code for c in role.nationality} for pid, role in roles.items()}
    links: list[NationalityLink] = []
    group_codes: Counter[str] = Counter()
    pending: list[_Pending] = []

    for sentence in sentences:
        if sentence.is_title:
            continue
        in_sentence = [r for r in names if r.sentence == sentence.index]
        for phrase in _phrases(sentence):
            start, end = sentence.start + phrase.start, sentence.start + phrase.end
            item = _classify_phrase(text, sentence, phrase, start, end, in_sentence, links)
            if item == "linked":
                continue
            if phrase.codes and (phrase.count is None or phrase.count > 1):
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

    all_refs = names + [p.ref for p in pending]
    all_refs.sort(key=lambda r: (r.start, r.kind != "name"))
    pending_by_ref = {id(p.ref): p for p in pending}
    history: list[tuple[int, int, int]] = []  # (sentence, position, pid) of resolved mentions
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
                all_refs,
                eligible,
                genders,
                first_seen,
                claimed,
                possessive_positions,
                known_codes,
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
            history.append((ref.sentence, ref.start, pid))
        if ref.possessive:
            possessive_positions.add(ref.start)
    return References(all_refs, links, group_codes)


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
) -> tuple[str, int] | str | None:
    """Link a phrase that is an apposition of a name; otherwise say how it refers:
    ("anaphora"|"cataphora", count), or None when it refers to no one in particular."""
    following = [r for r in in_sentence if r.start >= end]
    preceding = [r for r in in_sentence if r.end <= start]
    if following:
        nxt = following[0]
        gap = text[end : nxt.start]
        if gap.strip() == "" or (phrase.count == 1 and _APPOSITION_GAP.match(gap)):
            _link(links, nxt.pids, phrase, start, end)
            return "linked"
        if phrase.count and 1 < phrase.count <= _MAX_GROUP and re.match(r"^\s*,\s*$", gap):
            members = _listed_names(text, following, phrase.count)
            if len(members) == phrase.count:
                for ref in members:
                    _link(links, ref.pids, phrase, start, end)
                return "linked"
        if phrase.plural and _LIST_INTRO.match(gap):
            for ref in _listed_names(text, following, _MAX_GROUP):
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


def _listed_names(text: str, following: list[Ref], count: int) -> list[Ref]:
    """The names of a list that follows a group phrase: "two Russians, A and B"."""
    members = [following[0]]
    for ref in following[1:]:
        if len(members) == count:
            break
        gap = text[members[-1].end : ref.start]
        if re.match(r"^\s*(?:,\s*\d{1,3}\s*)?(?:,|and|,\s*and)\s*$", gap):
            members.append(ref)
        else:
            break
    return members


def _link(
    links: list[NationalityLink], pids: tuple[int, ...], phrase: PersonPhrase, start: int, end: int
) -> None:
    for pid in pids:
        for code in phrase.codes:
            links.append(NationalityLink(pid, code, start, end, "apposition"))


def _compatible(pid: int, gender: str | None, genders: dict[int, str | None]) -> bool:
    known = genders.get(pid)
    return gender is None or known is None or known == gender


def _resolve(
    text: str,
    sentences: list[Sentence],
    item: _Pending,
    history: list[tuple[int, int, int]],
    all_refs: list[Ref],
    eligible: set[int],
    genders: dict[int, str | None],
    first_seen: dict[int, int],
    claimed: set[int],
    possessive_positions: set[int],
    known_codes: dict[int, set[str]],
) -> tuple[int, ...]:
    ref = item.ref
    window = ref.sentence - _ANAPHORA_WINDOW
    if item.mode == "anaphora" and item.count == 1 and item.lead:
        # "sentenced the Vietnamese captain ..." in an opening paragraph that names no one yet.
        earlier = [h for h in history if h[2] in eligible]
        if not earlier:
            item.mode = "cataphora"
    if item.mode == "cataphora":
        if item.count == 1:
            # Two opening phrases ("an American engineer ... a Venezuelan businessman") stand
            # for the first two people named after them, in order.
            same_sentence = {pid for s, _pos, pid in history if s == ref.sentence}
            later = [
                pid
                for pid in eligible
                if first_seen.get(pid, -1) > ref.start and pid not in claimed | same_sentence
            ]
            if not later:
                return ()
            chosen = min(later, key=lambda pid: first_seen[pid])
            claimed.add(chosen)
            return (chosen,)
        # "two of his crew" in a sentence that already named the captain: two others.
        taken = {pid for s, _pos, pid in history if s == ref.sentence}
        found: list[int] = []
        for other in all_refs:
            if other.start > ref.end and other.kind == "name":
                for pid in other.pids:
                    if pid in eligible and pid not in found and pid not in taken:
                        found.append(pid)
            if len(found) == item.count:
                return tuple(found)
        return _named_soon_after(all_refs, ref, found)
    if item.mode == "group":
        group = _counted_group(history, ref, eligible, possessive_positions, item)
        if not group and item.count and not any(h[2] in eligible for h in history):
            # "sentenced the three crew members" before any of them is named: the next ones.
            later = sorted(
                (pid for pid in eligible if first_seen.get(pid, -1) > ref.start),
                key=lambda pid: first_seen[pid],
            )
            if len(later) >= item.count:
                group = tuple(later[: item.count])
            else:
                group = _named_soon_after(all_refs, ref, later)
        if item.codes:
            group = tuple(
                pid
                for pid in group
                if not known_codes.get(pid) or known_codes[pid] & set(item.codes)
            )
        return group
    if item.mode == "plural_pronoun":
        before = text[max(0, ref.start - 12) : ref.start].lower()
        if re.search(r"\b(?:of|among)\s+$", before):
            return ()  # "most of them": part of a group the text just described
        return _recent_group(history, ref, eligible, possessive_positions)
    if item.mode == "pronoun":
        sentence = sentences[ref.sentence]
        before = text[sentence.start : ref.start]
        speech = _SPEECH_BEFORE.search(before)
        if speech:
            speakers = [
                pid
                for s, pos, pid in history
                if s == ref.sentence
                and pos < sentence.start + speech.start()
                and _compatible(pid, item.gender, genders)
            ]
            if speakers:
                return (speakers[-1],)
    recent = [h for h in history if h[0] >= window]
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


def _named_soon_after(all_refs: list[Ref], ref: Ref, candidates: list[int]) -> tuple[int, ...]:
    """ "Five Americans" of whom the story names three: the two or more candidates it names
    within the next few sentences stand for the group; people named later are not its."""
    near = {
        pid
        for other in all_refs
        if other.kind == "name"
        and other.start > ref.end
        and other.sentence <= ref.sentence + _GROUP_NAMING_REACH
        for pid in other.pids
    }
    members = tuple(pid for pid in candidates if pid in near)
    return members if len(members) >= 2 else ()


def _recent_group(
    history: list[tuple[int, int, int]],
    ref: Ref,
    eligible: set[int],
    possessive_positions: set[int],
) -> tuple[int, ...]:
    """ "They" after a sentence that named two or more of the people in the case."""
    for back in range(0, 3):
        sentence = ref.sentence - back
        pids: list[int] = []
        for s, pos, pid in history:
            if pos in possessive_positions:
                continue  # "His crewmen A and B": the captain is not one of "they"
            if s == sentence and pos < ref.start and pid in eligible and pid not in pids:
                pids.append(pid)
        if len(pids) >= 2:
            return tuple(pids)
    return ()


def _counted_group(
    history: list[tuple[int, int, int]],
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
        sentence = ref.sentence - back
        for s, pos, pid in history:
            if (
                s == sentence
                and pos < ref.start
                and pid in eligible
                and pos not in possessive_positions
                and pid not in pids
            ):
                pids.append(pid)
        if wanted and len(pids) >= wanted:
            return tuple(pids[:wanted]) if len(pids) == wanted else ()
        if not wanted and len(pids) >= 2:
            return tuple(pids)
    return ()
