"""Split an article into paragraphs, sentences and clauses, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        # given names written short: "Ma. Teresita", "Md. Rafiq", "Mohd. Najib"
        "ma",
        "md",
        "mohd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rep",
        "sen",
        "gov",
        "prof",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "mt",
        "ft",
        "av",
        "ave",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
    ]
)

# "No. 5", "Nos. 3 and 4": a full stop that abbreviates "number" only before a numeral.
_NUMBER_SIGNS = frozenset(["no", "nos"])

_SENTENCE_END = re.compile(
    r"[.!?]+[\"”’'\)\]]*(?=\s+[\"“‘'(\[A-Z0-9\u0400-\u04FF])"
    # "... with her son.Sarah Hill, 34, was ...": a paragraph break lost in scraping glues the
    # next sentence to the full stop (`_glued_end` decides).
    r"|(?<=[A-Za-z]{2})\.(?=[A-Z][a-z])"
)
_TERMINAL = re.compile(r"[.!?][\"”’'\)\]]*\s*$")
# A link or a source in brackets after the last sentence of a paragraph.
_TRAILING_BRACKET = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s*[(\[](?:https?://|www\.)[^()\[\]\s]{1,200}[)\]]\s*$"
)
_INTRODUCES_LIST = re.compile(r"^(?:\S+\s+){5,}\S*:$")
_LINE = re.compile(r"[^\n]*\n?")

# Where one clause ends and the next begins: the places a fact's date or owner stops reaching.
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|\s+[—–]\s+"
    r"|,\s+(?=(?:but|while|although|though|whereas|after|before|when|which|who|whom|where|"
    r"because|since|until|unless|before|saying|adding)\b)"
    r"|\s+(?=(?:but|after|before|when|while|because|although|though|whereas|until|unless|"
    r"whom|who|which)\s)"
    r"|,?\s+and\s+(?=(?:was|were|is|are|has|had|have|been|then|later|also|did|will|would|could|"
    r"received|served|sent|held|given|got|spent|paid|faces|remains|\w+ed)\b)"
    r"|,\s+(?=(?:and|then)\s)"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a title-like line) with its offsets in the analysed text."""

    index: int
    start: int
    end: int
    paragraph: int
    is_title: bool  # a line without final punctuation: headline, caption, byline
    text: str


def _ends_in_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at `end` closes an abbreviation or an initial, not a sentence."""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:end].lower().rstrip(".")
    if not word:
        return False
    if len(word) == 1 and text[start].isupper():
        return True  # an initial, as in "J. Smith"
    if word in _NUMBER_SIGNS:
        # "No. 5 court" abbreviates "number"; "Free to go? No. He was charged" ends a sentence.
        return bool(re.match(r"\.\s*\d", text[end:]))
    return word in _ABBREVIATIONS


def _glued_end(line: str, stop: int) -> bool:
    """A full stop with a capitalised word right after it ends a sentence when the word
    before it is a lower-case word ("son.Mary") or a short acronym ("UK.Sarah"), not part of a
    chain ("U.S.Army", "Maj.Gen.Ivan") or a capitalised word ("Travel.Com", "Rev.Anna");
    an abbreviation ("mrs.Hill") is left to `_ends_in_abbreviation`, as after any full stop."""
    start = stop
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    word = line[start:stop]
    if start > 0 and line[start - 1] == ".":
        return False
    return (word.islower() and len(word) >= 2) or (word.isupper() and 2 <= len(word) <= 3)


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(line):
        stop = match.start()
        glued = match.end() < len(line) and not line[match.end()].isspace()
        if glued and not _glued_end(line, stop):
            continue
        if line[stop] == "." and _ends_in_abbreviation(line, stop):
            continue
        spans.append((offset + cursor, offset + match.end()))
        cursor = match.end()
        while cursor < len(line) and line[cursor].isspace():
            cursor += 1
    if cursor < len(line.rstrip()):
        spans.append((offset + cursor, offset + len(line.rstrip())))
    return spans


_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s*$")
_INNER_END = re.compile(r"[a-z\d][.!?][\"”’']?\s+[A-Z\"“]")


_INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _initials_close_a_headline(line: str) -> bool:
    """ "... Awaiting Extradition To U.S.": the full stop closes initials, not a sentence, in
    a line written in title case."""
    if not _INITIALS_END.search(line):
        return False
    words = _LONG_WORD.findall(line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _cut_short(line: str, last: bool) -> bool:
    """A line of running text that an excerpt cut off ("... by the Jiangmen Intermediate…", or
    the text's last line stopping mid-sentence) is prose, not a headline."""
    if _ELLIPSIS_END.search(line) and len(line.split()) >= 8:
        return True
    words = line.split()
    if not last or len(words) < 12:
        return False
    # a sentence cut off mid-way: one inside the line ended, or it reads as prose (most of its
    # words in lower case, as a headline's are not)
    lower = sum(w[:1].islower() for w in words)
    return bool(_INNER_END.search(line)) or lower >= 0.6 * len(words)


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Sentences of `text[start:]`. A blank line starts a new paragraph; every line break
    ends a sentence, because scraped articles put headlines and captions on their own lines."""
    sentences: list[Sentence] = []
    paragraph = 0
    blank_run = True
    content_end = len(text.rstrip())
    for line_match in _LINE.finditer(text, start):
        raw = line_match.group()
        if not raw:
            break
        stripped = raw.strip()
        if not stripped:
            if not blank_run:
                paragraph += 1
            blank_run = True
            continue
        blank_run = False
        lead = len(raw) - len(raw.lstrip())
        line = raw.strip()
        offset = line_match.start() + lead
        # "... three months ago. (http://example.org/node/1)": a link after the last sentence
        # leaves running text running text.
        closed = _TRAILING_BRACKET.sub("", line)
        is_title = (
            not _TERMINAL.search(closed) or _initials_close_a_headline(line)
        ) and not _cut_short(line, line_match.end() >= content_end)
        # "Five Iranians convicted of X were pardoned:" introduces a list: it is running text
        is_title = is_title and not _INTRODUCES_LIST.match(line)
        pieces = [(offset, offset + len(line))] if is_title else _split_line(line, offset)
        for s_start, s_end in pieces:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s_start,
                    end=s_end,
                    paragraph=paragraph,
                    is_title=is_title,
                    text=text[s_start:s_end],
                )
            )
    return sentences


def clause_spans(sentence_text: str) -> list[tuple[int, int]]:
    """Clause boundaries inside a sentence, as offsets relative to the sentence."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _CLAUSE_BREAK.finditer(sentence_text):
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(sentence_text)))
    return spans


def clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The clause that holds `position` (relative to the sentence)."""
    for start, end in clauses:
        if start <= position < end:
            return start, end
    return clauses[-1] if clauses else (0, position)
