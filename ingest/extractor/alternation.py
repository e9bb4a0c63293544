"""Regular expressions that find any of many fixed words.

A plain alternation of a thousand names (`Albania|Algeria|...`) makes the regular
expression engine try every name at every position of the text. The same words laid out
as a tree of shared beginnings (`Al(?:bania|geria)|...`) let it drop all but a few at the
first letter, which is what makes the gazetteer lookups cheap on long texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def literal_alternation(words: Iterable[str]) -> str:
    """A regular expression (no group of its own) matching exactly the given words, and
    at any one position the longest of them first, then shorter ones on backtracking, as
    an alternation sorted longest first does."""
    tree: dict = {}
    for word in set(words):
        if not word:
            continue
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(tree) if tree else "(?!)"


def _branches(node: dict) -> str:
    """The words below `node`: its longer continuations first, then the end of a word."""
    ends_here = _END in node
    alternatives = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if ends_here:
        # Greedy: the longer words are tried first, the word ending here last.
        return f"(?:{body})?" if len(alternatives) > 1 or len(body) > 1 else f"{body}?"
    return body
