"""Name keys that make every spelling of a name findable from any other.

Pure functions, no Django: the ingest matcher and the search both use them.

A name is folded to ASCII (Cyrillic and accented letters transliterated), then each word
is reduced to a consonant skeleton in which the letters that transliteration systems
disagree on (vowels, y/j, doubled letters, kh/h, ts/tz/c ...) collapse to one form.
"Seleznyov", "Seleznev", "Seleznyouv" and "Селезнёв" all give "slsnv".
"""

import re
import unicodedata

from anyascii import anyascii
from rapidfuzz import fuzz

_WORD = re.compile(r"[a-z]+")

# Order matters: longer digraphs first, so that "shch" is not read as "sh" + "ch".
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "S"),
    ("sch", "S"),
    ("dzh", "J"),
    ("tch", "C"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "Z"),
    ("dj", "J"),
    ("kh", "H"),
    ("ts", "C"),
    ("tz", "C"),
    ("cz", "C"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("gh", "g"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("j", "J"),
    ("c", "k"),
    ("h", "H"),
    # Cyrillic "с" between vowels is often written "z" in the Latin original (Альварес,
    # Alvarez); one letter for both costs little precision.
    ("z", "s"),
)
_DROPPED = set("aeiouy")


def fold(name: str) -> str:
    """Lower-case ASCII form of a name, words separated by single spaces."""
    ascii_text = anyascii(unicodedata.normalize("NFC", name)).lower()
    # Soft and hard signs come out as apostrophes, as in O'Brien: part of the word.
    ascii_text = ascii_text.replace("'", "").replace('"', "")
    return " ".join(_WORD.findall(ascii_text))


def word_skeleton(word: str) -> str:
    """The consonant skeleton of one folded word."""
    for digraph, replacement in _DIGRAPHS:
        word = word.replace(digraph, replacement)
    # Russian final -ov/-off and -ev/-eff are one sound written two ways.
    if word.endswith("ff"):
        word = word[:-2] + "v"
    elif word.endswith("f"):
        word = word[:-1] + "v"
    kept = [ch for ch in word if ch not in _DROPPED]
    collapsed: list[str] = []
    for ch in kept:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    skeleton = "".join(collapsed).lower()
    # A word of vowels only ("Ai", "Yu") keeps its folded form, so it stays searchable.
    return skeleton or word.lower()


def search_key(name: str) -> str:
    """Key stored beside a name: the skeleton of each word, space-delimited on both sides
    so that a word-prefix match is a plain `contains` on " <skeleton>"."""
    skeletons = [word_skeleton(word) for word in fold(name).split()]
    return f" {' '.join(skeletons)} " if skeletons else ""


def query_terms(query: str) -> list[str]:
    """The fragments a stored key must contain for a name query to match it.

    Every word of the query must start a word of the name. Very short skeletons must
    match a whole word, or "Li" would find every name with an L in it.
    """
    terms = []
    for word in fold(query).split():
        skeleton = word_skeleton(word)
        terms.append(f" {skeleton} " if len(skeleton) < 2 else f" {skeleton}")
    return terms


def similarity_query(query: str) -> str:
    """A name query as it is compared with names for ranking: lower case, single spaces."""
    return " ".join(query.lower().split())


def similarity(query: str, name: str) -> float:
    """How well `name` matches `query`, 0 to 1: the best ratio between the query and a run
    of as many consecutive words of the name, so that "Klyushin" matches "KLYUSHIN Oleg"
    fully. PostgreSQL ranks with pg_trgm's `strict_word_similarity`, a measure of the same
    idea; this one ranks on other databases (registered as an SQL function)."""
    query_words = similarity_query(query or "").split()
    name_words = similarity_query(name or "").split()
    if not query_words or not name_words:
        return 0.0
    width = min(len(query_words), len(name_words))
    text = " ".join(query_words)
    runs = (
        " ".join(name_words[start : start + width]) for start in range(len(name_words) - width + 1)
    )
    return max(fuzz.ratio(text, run) for run in runs) / 100


def is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name if ch.isalpha())
