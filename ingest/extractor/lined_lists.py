"""People listed one to a line after a sentence that introduces them with a colon: "Five
Iranians convicted of X in the United States were pardoned:" and then a name on each line.
What the sentence says of the group, each person listed shares, nationality included."""

from __future__ import annotations

from dataclasses import replace

from .events import Event
from .nationality import find_person_phrases
from .references import NationalityLink, Ref
from .segment import Sentence

_SHARED = frozenset(["detained", "charged", "charge", "convicted", "term", "released", "exchanged"])
_MAX_LINES = 30  # names listed under one sentence
_NAME_SHARE = 0.8  # a line is a name when the name covers this much of it


def _listed_lines(
    sentences: list[Sentence], intro: Sentence, names: dict[int, list[Ref]]
) -> list[Ref]:
    """The name on each line after `intro`, as long as every line is a name alone."""
    found: list[Ref] = []
    for sentence in sentences[intro.index + 1 : intro.index + 1 + _MAX_LINES]:
        refs = names.get(sentence.index, [])
        if not sentence.is_title or len(refs) != 1:
            break
        ref = refs[0]
        if (ref.end - ref.start) < _NAME_SHARE * len(sentence.text.strip()):
            break
        found.append(ref)
    return found


def lined_list_ties(
    sentences: list[Sentence], refs: list[Ref], eligible: set[int], events: list[Event]
) -> tuple[list[Event], list[NationalityLink]]:
    """The events of each introducing sentence, given to the people listed under it, and the
    nationality its group phrase ("five Iranians") gives them."""
    names: dict[int, list[Ref]] = {}
    for ref in refs:
        if ref.kind == "name":
            names.setdefault(ref.sentence, []).append(ref)
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        if event.kind in _SHARED and not event.owners and not event.hypothetical:
            by_sentence.setdefault(event.sentence, []).append(event)
    tied: list[Event] = []
    links: list[NationalityLink] = []
    for sentence in sentences:
        if sentence.is_title or not sentence.text.rstrip().endswith(":"):
            continue
        if sentence.index not in by_sentence or names.get(sentence.index):
            continue
        listed = _listed_lines(sentences, sentence, names)
        owners = tuple(dict.fromkeys(p for ref in listed for p in ref.pids if p in eligible))
        if len(owners) < 2:
            continue
        # The sentence names no one else, so its places are theirs: not marked "listed".
        tied.extend(replace(event, owners=owners) for event in by_sentence[sentence.index])
        for phrase in find_person_phrases(sentence.text):
            if phrase.plural and phrase.count in (None, len(owners)):
                start, end = sentence.start + phrase.start, sentence.start + phrase.end
                links.extend(
                    NationalityLink(pid, code, start, end, "phrase")
                    for pid in owners
                    for code in phrase.codes
                )
    return tied, links
