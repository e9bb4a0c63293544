"""Decide whose event each event is.

Within its sentence, an event belongs to the object of an active verb ("Moscow released X",
"sentenced him"), else to the nearest person mentioned before it ("X was convicted of ...,
and sentenced to nine years"), else to the first one after it ("in jail for Seleznev").
Office holders and relatives are skipped, people listed together share the event, and a
person mentioned only in another sentence never gets it: that is what keeps one prisoner's
sentence out of another's record.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .events import Event
from .gazetteers import PERSON_NOUNS, RELATIVE_NOUNS, demonyms
from .references import Ref

_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_FALL_THROUGH = re.compile(
    r"^\s*(?:[,.;:)]|$|\d|[$€£¥₽]|(?:to|of|in|at|on|by|from|for|with|under|after|before|over|into|"
    r"since|during|without|as|and|but|or|early|late|last|yesterday|today|there|up|back|home|"
    r"again)\b)",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"^(?:\s*(?:\([^)]{0,60}\))?\s*,[^,;.]{0,90})?\s*,?\s*(?:and|or|as\s+well\s+as|along\s+with|"
    r"together\s+with)\s+$",
    re.IGNORECASE,
)
# A nominal status that names its holder with "of" ("release of", "detention of").
_NOMINAL_OF = re.compile(r"\s+of$", re.IGNORECASE)
_BARE_COMMA = re.compile(r"^\s*,\s*$")
# Words that may stand between a verb and its object's name ("detained Dutch freelance
# journalist X"): anything but the small words that would start another phrase.
_OBJECT_MODIFIERS = re.compile(
    r"^(?:(?!(?:to|in|at|on|from|with|and|or|for|by|of|that|who|which|after|before|as|a|an|the|"
    r"his|her|their)\b)[\w.'’-]+\s+){1,4}$",
    re.IGNORECASE,
)
# "sentenced a Slovak woman, X, to": the person told by a noun phrase, then named in
# apposition (the phrase's last word must be a person noun or a demonym, see `object_of`).
_SMALL_WORDS = r"(?:to|in|at|on|from|with|and|or|for|by|of|that|who|which|after|before|as)\b"
_APPOSED_OBJECT = re.compile(
    r"^(?:a|an|the)\s+(?:(?!" + _SMALL_WORDS + r")[\w.'’-]+\s+){0,3}"
    r"(?!" + _SMALL_WORDS + r")(?P<head>[\w'’-]+)\s*,\s*$",
    re.IGNORECASE,
)
# "Captain A, chief officer B and second engineer C": a list whose names carry job titles.
_ROLE_LIST_GAP = re.compile(
    r"^\s*(?:,\s*\d{1,3}\s*)?(?:,\s*(?:and\s+)?|,?\s*and\s+)(?P<words>(?:[\w\-]+\s+){1,3})$"
)
_NOT_ROLE_WORDS = frozenset(
    [
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "when",
        "where",
        "while",
        "said",
        "says",
        "told",
        "added",
        "according",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "of",
        "to",
        "for",
        "with",
        "by",
        "from",
        "in",
        "at",
        "on",
        "as",
        "than",
        "was",
        "were",
        "is",
        "are",
        "has",
        "had",
        "have",
        "been",
        "be",
        "also",
        "then",
        "later",
        "both",
    ]
)


# "Cecile X and her partner Jacques Y have been jailed": two people held together.
_COMPANION_GAP = re.compile(r"^\s*,?\s*and\s+(?:his|her|their)\s+(?P<noun>[a-z\-]+)\s+$")


def _role_list_gap(gap: str) -> bool:
    companion = _COMPANION_GAP.match(gap)
    if companion:
        return companion.group("noun") in RELATIVE_NOUNS | PERSON_NOUNS
    match = _ROLE_LIST_GAP.match(gap)
    if not match:
        return False
    words = match.group("words").split()
    return not any(
        w in _NOT_ROLE_WORDS
        or w.endswith("ed")
        or (w[0].isupper() and w not in demonyms())
        or not w[0].isalpha()
        for w in words
    )


_COMPANION = re.compile(r"\b(?:together\s+with|along\s+with|alongside)\b", re.IGNORECASE)


# "her father's conviction", "his wife's arrest": the event of a relative left unnamed.
_RELATIVES_EVENT = re.compile(
    r"\b(?:his|her|their|its)\s+(?:"
    + "|".join(sorted(RELATIVE_NOUNS, key=len, reverse=True))
    + r")['’]s?\s+$",
    re.IGNORECASE,
)
# An event inside a quotation does not belong to a person named after it ("...," he added).
_QUOTE_CLOSE = re.compile(r"[”\"]")


def _person_head(word: str) -> bool:
    """A noun that stands for a person: "woman", "engineer", or a demonym ("a Slovak")."""
    return word.lower() in PERSON_NOUNS or word in demonyms()


class Attributor:
    """Owner selection for one article's events."""

    def __init__(self, text: str, refs: list[Ref], eligible: set[int]) -> None:
        self.text = text
        self.eligible = eligible
        self.by_sentence: dict[int, list[Ref]] = defaultdict(list)
        self.all_by_sentence: dict[int, list[Ref]] = defaultdict(list)
        for ref in sorted(refs, key=lambda r: r.start):
            self.all_by_sentence[ref.sentence].append(ref)
            if ref.pids:
                self.by_sentence[ref.sentence].append(ref)
        for items in self.by_sentence.values():
            items.sort(key=lambda r: r.start)

    def _is_eligible(self, ref: Ref) -> bool:
        return any(pid in self.eligible for pid in ref.pids)

    def object_of(self, event: Event, *, any_role: bool = False, reach: int = 4) -> Ref | None:
        """The reference standing right after the event's verb, skipping adverbs."""
        refs = self.by_sentence.get(event.sentence, [])
        tail = self.text[event.anchor_end : event.anchor_end + 120]
        skipped = re.match(r"^(?:\s+\w+ly\b)*\s*", tail)
        position = event.anchor_end + (skipped.end() if skipped else 0)
        for ref in refs:
            if ref.start < position - 1 or not (any_role or self._is_eligible(ref)):
                continue
            gap = self.text[position : ref.start]
            if ref.start <= position + reach or _OBJECT_MODIFIERS.match(gap):
                return ref
            apposed = _APPOSED_OBJECT.match(gap)
            if apposed and _person_head(apposed.group("head")):
                return ref
            return None
        return None

    def _coordinated(self, owner: Ref, event: Event) -> list[Ref]:
        if owner.kind == "pronoun" and owner.possessive:
            return [owner]
        # "A and her partner B": a possessive inside the list joins nobody to it.
        refs = [
            r
            for r in self.by_sentence.get(owner.sentence, [])
            if not (r.kind == "pronoun" and r.possessive)
        ]
        group = [owner]
        index = refs.index(owner)
        for position, ref in enumerate(refs[index + 1 :], start=index + 1):
            gap = self.text[group[-1].end : ref.start]
            if _COORDINATION.match(gap) or _role_list_gap(gap):
                group.append(ref)
                continue
            if _BARE_COMMA.match(gap) and self._list_closes(refs, position):
                group.append(ref)  # "A, B and C": a comma inside a list that "and" closes
                continue
            companion = _COMPANION.search(gap)
            if (
                companion
                and event.anchor < group[-1].end + companion.start()
                and len(gap[companion.end() :].split()) <= 8
                and "." not in gap[companion.end() :]
            ):
                group.append(ref)
                continue
            break
        for position in range(index - 1, -1, -1):
            ref = refs[position]
            gap = self.text[ref.end : group[0].start]
            listed = _COORDINATION.match(gap) or _role_list_gap(gap)
            # "A, B and C were detained": a comma inside a list that "and" closes
            listed = listed or (_BARE_COMMA.match(gap) and self._list_closes(refs, position))
            if listed and ref.end <= event.anchor:
                group.insert(0, ref)
            else:
                break
        return group

    def _list_closes(self, refs: list[Ref], position: int) -> bool:
        """Whether the names from `position` on run, comma after comma, to an "and"."""
        for left, right in zip(refs[position:], refs[position + 1 :], strict=False):
            gap = self.text[left.end : right.start]
            if _COORDINATION.match(gap):
                return True
            if not _BARE_COMMA.match(gap):
                return False
        return False

    def _owners(self, refs: list[Ref], event: Event) -> tuple[int, ...]:
        pids: list[int] = []
        for ref in refs:
            for other in self._coordinated(ref, event):
                for pid in other.pids:
                    if pid in self.eligible and pid not in pids:
                        pids.append(pid)
        return tuple(pids)

    def assign(self, event: Event) -> tuple[int, ...]:
        refs = [r for r in self.by_sentence.get(event.sentence, []) if self._is_eligible(r)]
        if not refs:
            return ()
        if _RELATIVES_EVENT.search(self.text[max(0, event.anchor - 40) : event.anchor]):
            return ()  # "after her father's conviction": a relative's event, not the speaker's
        if event.transitive:
            passive = _PASSIVE_BEFORE.search(self.text[max(0, event.anchor - 30) : event.anchor])
            if not passive:
                target = self.object_of(event)
                if target is not None:
                    return self._owners([target], event)
                if not _FALL_THROUGH.match(self.text[event.anchor_end : event.anchor_end + 12]):
                    return ()  # the verb has an object, and it is nobody we track
        elif _NOMINAL_OF.search(event.data.get("word", "")):
            # "the release of X": the one named after "of"; "said the release of two
            # prisoners would help": the speaker's words, about people left unnamed.
            target = self.object_of(event)
            if target is not None:
                return self._owners([target], event)
            if not _FALL_THROUGH.match(self.text[event.anchor_end : event.anchor_end + 12]):
                return ()
        before = [r for r in refs if r.start < event.anchor]
        if before and self._phrase_between(before[-1], event):
            return ()  # "in a swap for two Venezuelans convicted of ...": the phrase's event
        if before:
            return self._owners([before[-1]], event)
        after = [
            r
            for r in refs
            if r.start >= event.anchor
            and not _QUOTE_CLOSE.search(self.text[event.anchor : r.start])
        ]
        return self._owners([after[0]], event) if after else ()

    def _phrase_between(self, owner: Ref, event: Event) -> bool:
        """An unresolved phrase for other people ("two Venezuelans") stands between the person
        and the event, right before the event's verb."""
        for ref in self.all_by_sentence.get(event.sentence, []):
            if ref.kind != "phrase" or ref.pids or not (owner.end <= ref.start):
                continue
            if ref.end <= event.anchor and re.fullmatch(
                r"\s*(?:,\s*)?(?:(?:who|were|was|are|is|had|have|been|being)\s+)*",
                self.text[ref.end : event.anchor],
            ):
                return True
        return False

    def nearest_before(self, event: Event, *, any_role: bool = True) -> Ref | None:
        """The last reference before the event; with `any_role`, unresolved pronouns too."""
        source = self.all_by_sentence if any_role else self.by_sentence
        refs = source.get(event.sentence, [])
        before = [r for r in refs if r.end <= event.anchor and (any_role or self._is_eligible(r))]
        return before[-1] if before else None

    def first_after(self, sentence: int, position: int, limit: int = 90) -> Ref | None:
        for ref in self.by_sentence.get(sentence, []):
            if position <= ref.start <= position + limit and self._is_eligible(ref):
                return ref
        return None

    def group_of(self, ref: Ref, event: Event) -> tuple[int, ...]:
        return self._owners([ref], event)
