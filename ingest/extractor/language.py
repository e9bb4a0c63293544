"""A quick check that an article is in English, the only language the rules are written for."""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "was",
        "is",
        "for",
        "on",
        "that",
        "with",
        "by",
        "he",
        "she",
        "said",
        "his",
        "her",
        "has",
        "at",
        "from",
        "as",
        "were",
        "had",
        "have",
        "been",
        "who",
        "which",
        "it",
        "an",
        "are",
        "be",
        "not",
        "this",
        "their",
        "they",
        "after",
    ]
)
_MIN_WORDS = 25
_MIN_SHARE = 0.12


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and few of its words are English function
    words (an English news paragraph has a quarter or more)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < _MIN_WORDS:
        return True
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return share >= _MIN_SHARE
