"""The Russian language models: natasha (sentences, tokens, named people) and pymorphy
(lemmas and inflection). Loaded on first use, once per process: about a second, so never at
import time of the web application."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

_lock = threading.Lock()
_models = None


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the analysed text
    end: int


@dataclass(frozen=True)
class PersonSpan:
    text: str
    normal: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    listed: bool = False  # found as an item of a list of names, beside the model's


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...]
    people: tuple[PersonSpan, ...]


class _Models:
    def __init__(self) -> None:
        # natasha imports yargy, which makes pymorphy2 work on Python 3.11: import it first.
        import natasha
        import pymorphy2

        embedding = natasha.NewsEmbedding()
        self.segmenter = natasha.Segmenter()
        self.ner_tagger = natasha.NewsNERTagger(embedding)
        self.doc_class = natasha.Doc
        self.morph = pymorphy2.MorphAnalyzer()


def models() -> _Models:
    global _models
    if _models is None:
        with _lock:
            if _models is None:
                _models = _Models()
    return _models


def analyse(text: str) -> Analysis:
    """Sentences, tokens and the people natasha's NER finds (a surname alone already in the
    nominative)."""
    m = models()
    doc = m.doc_class(text)
    doc.segment(m.segmenter)
    # NER needs no morphology tagging, which would cost several times more than the rest:
    # names are brought to the nominative with pymorphy (`people.nominative_name`).
    doc.tag_ner(m.ner_tagger)
    people = []
    for span in doc.spans:
        if span.type != "PER":
            continue
        tokens = _name_part(text, [Token(t.text, t.start, t.stop) for t in span.tokens])
        if not tokens:
            continue
        surface = text[tokens[0].start : tokens[-1].end]
        normal = single_word_nominative(surface) if len(tokens) == 1 else surface
        people.append(PersonSpan(surface, normal, tokens[0].start, tokens[-1].end, tokens))
    people = _completed_lists(text, people)
    sentences = tuple(_split_lines(text, [(s.start, s.stop) for s in doc.sents]))
    tokens = tuple(Token(t.text, t.start, t.stop) for t in doc.tokens)
    return Analysis(sentences, tokens, tuple(people))


# A given name and a surname written like one, as the next or the previous item of a list
# of names ("Орлин Маринов, Бисер Петков, Елена Иванова и ..."): the model knows the
# common names of a list and may miss the rare ones beside them.
_LIST_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_LIST_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))(" + _LIST_NAME + r")(?:,\s*|\s+и\s+)$")
_LIST_AFTER = re.compile(r"^(?:,\s*|\s+и\s+)(" + _LIST_NAME + r")(?![а-яёА-ЯЁ-])")
_SURNAME_END = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ич|енко|ук|юк|швили|дзе|ян)$"
)


def _surname_like(word: str) -> bool:
    if _SURNAME_END.search(word.lower()):
        return True
    found = parses(word.lower())
    return (
        not found or any("Surn" in p.tag or "Name" in p.tag for p in found) or not found[0].is_known
    )


def _list_item(text: str, start: int, end: int) -> PersonSpan | None:
    first, last = text[start:end].split()
    if any(
        "Geox" in p.tag or "Orgn" in p.tag for w in (first, last) for p in parses(w.lower())[:1]
    ):
        return None
    if not _surname_like(last):
        return None
    tokens = (Token(first, start, start + len(first)), Token(last, end - len(last), end))
    return PersonSpan(text[start:end], text[start:end], start, end, tokens, listed=True)


def _completed_lists(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    found = sorted(people, key=lambda p: p.start)
    # The model's own names that stand in such a list are read as names in full, though a
    # rare given name may also be a word ("Бисер", "Орлин").
    for at, span in enumerate(found):
        neighbours = found[max(0, at - 1) : at] + found[at + 1 : at + 2]
        joined = any(
            re.fullmatch(r",\s*|\s+и\s+", text[min(a.end, b.end) : max(a.start, b.start)])
            for a, b in ((span, other) for other in neighbours)
        )
        if joined and re.fullmatch(_LIST_NAME, span.text):
            item = _list_item(text, span.start, span.end)
            if item is not None:
                found[at] = item
    added = True
    while added:
        added = False
        for span in list(found):
            line_start = text.rfind("\n", 0, span.start) + 1
            line_end = text.find("\n", span.end)
            line_end = len(text) if line_end < 0 else line_end
            before = _LIST_BEFORE.search(text, line_start, span.start)
            after = _LIST_AFTER.match(text, span.end, line_end)
            for match in (before, after):
                if not match:
                    continue
                start, end = match.span(1)
                if any(p.start < end and start < p.end for p in found):
                    continue
                item = _list_item(text, start, end)
                if item is not None:
                    found.append(item)
                    found.sort(key=lambda p: p.start)
                    added = True
    return found


# Lower-case words inside foreign names ("Шарль де Голль", "Людвиг ван Бетховен").
_PARTICLES = frozenset(["де", "да", "ди", "дю", "дель", "делла", "ван", "фон", "дер", "ибн",
                        "бен", "аль", "ле", "ла", "оглы", "кызы"])  # fmt: skip
_NOT_IN_NAME = re.compile(r"[()\[\]{}«»\"“”„,;:/|*]+")


def _name_part(text: str, tokens: list[Token]) -> tuple[Token, ...]:
    """A name does not run over a line break, a bracket or a lower-case word: a headline's
    last name and the next line's first word ("россиянина Франчетти" / "Консул
    посольства"), or a name and another one in brackets ("Александр Блок (Гуревич)"), are
    not one name."""
    kept: list[Token] = []
    while len(tokens) > 2 and len(tokens[0].text) == 1 and tokens[1].text == ".":
        tokens = tokens[2:]  # "А.Мельник": an initial, then the surname the person is known by
    for token in tokens:
        if _NOT_IN_NAME.fullmatch(token.text):
            break
        if kept and "\n" in text[kept[-1].end : token.start]:
            break
        if kept and token.text[:1].islower() and token.text.lower() not in _PARTICLES:
            break  # "увидели Ивана дома": a lower-case word is no part of the name
        kept.append(token)
    return tuple(kept)


def single_word_nominative(word: str) -> str:
    """A surname alone in the nominative ("Селезнёва" → "Селезнёв", "Бутиной" → "Бутина");
    a word the dictionary reads as no name is left as written."""
    readings = [p for p in parses(word.lower()) if "Surn" in p.tag]
    if not readings:
        readings = [p for p in parses(word.lower())[:1] if p.tag.POS == "NOUN" and not p.is_known]
    form = readings[0].inflect({"nomn"}) if readings else None
    if form is None:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in form.word.split("-"))


def _split_lines(text: str, sentences: list[tuple[int, int]]):
    """A headline or a dateline on its own line is a sentence of its own."""
    for start, end in sentences:
        for m in re.finditer(r"[^\n]+", text[start:end]):
            if m.group(0).strip():
                yield start + m.start(), start + m.end()


# Latin letters that look like Cyrillic ones, as they turn up inside Russian words of text
# copied from the web ("cына" with a Latin c). One letter for one, so offsets stay.
_LOOKALIKES = str.maketrans("aceopxyABCEHKMOPTXk", "асеорхуАВСЕНКМОРТХк")
_MIXED = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")


def fix_lookalikes(text: str) -> str:
    """Latin look-alikes inside Cyrillic words replaced by their Cyrillic letters."""
    return _MIXED.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


@lru_cache(maxsize=50000)
def parses(word: str):
    return tuple(models().morph.parse(word))


def lemma(word: str) -> str:
    found = parses(word.lower())
    return found[0].normal_form if found else word.lower()


_WORD = re.compile(r"[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z-]*")


def lemmas(text: str) -> list[tuple[str, int, int]]:
    """(lemma, start, end) of every word of a text."""
    return [(lemma(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


def nominative_phrase(words: list[str], singular: bool = False) -> list[str]:
    """The leading noun phrase of a prepositional, instrumental or genitive phrase in the
    nominative ("незаконном экспорте микроэлектроники" → "незаконный экспорт микроэлектроники"):
    adjectives before the head noun agree with it, words after it are kept as written."""
    head_index = None
    for index, word in enumerate(words):
        found = parses(word.lower())
        if not found:
            break
        best = found[0]
        noun = next((p for p in found if p.tag.POS == "NOUN"), None)
        if best.tag.POS == "NOUN" or (word.isupper() and noun is not None):
            head_index = index
            break
        if best.tag.POS not in ("ADJF", "PRTF"):
            break
    if head_index is None:
        return words
    head = next(p for p in parses(words[head_index].lower()) if p.tag.POS == "NOUN")
    number = "sing" if singular else (head.tag.number or "sing")
    out = list(words)
    head_form = head.inflect({"nomn", number}) if head.tag.case != "nomn" else head
    if head_form is not None:
        out[head_index] = _same_case(words[head_index], head_form.word)
    gender = head.tag.gender
    for index in range(head_index):
        adjective = parses(words[index].lower())[0]
        grams = {"nomn", number}
        if number == "sing" and gender:
            grams.add(gender)
        form = adjective.inflect(grams)
        if form is not None:
            out[index] = _same_case(words[index], form.word)
    return out


def _same_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
