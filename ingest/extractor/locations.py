"""Countries, demonyms and places mentioned in text, as ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .alternation import literal_alternation
from .gazetteers import country_names, demonyms, places

# Short forms that are only countries when written in capitals ("US", not "us").
_UPPER_FORMS = {
    "us": "US",
    "u.s.": "U.S.",
    "u.s": "U.S",
    "usa": "USA",
    "uk": "UK",
    "u.k.": "U.K.",
    "uae": "UAE",
    "drc": "DRC",
}
_SMALL_WORDS = {"of", "and", "the", "da", "de", "du", "d'ivoire", "on", "au"}


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    code: str
    kind: str  # "country", "demonym" or "place"
    text: str


def _surface(name: str) -> str:
    if name in _UPPER_FORMS:
        return _UPPER_FORMS[name]
    words = name.split()
    return " ".join(
        w if (i and w in _SMALL_WORDS) else (w[:1].upper() + w[1:]) for i, w in enumerate(words)
    )


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    lookup: dict[str, tuple[str, str]] = {}
    for name, code in country_names().items():
        lookup[_surface(name)] = (code, "country")
    for name, code in places().items():
        lookup.setdefault(name, (code, "place"))
    for name, code in demonyms().items():
        lookup.setdefault(name, (code, "demonym"))
    pattern = re.compile(r"(?<![\w-])(?:the\s+)?(" + literal_alternation(lookup) + r")(?![\w-])")
    return pattern, lookup


def find_places(text: str) -> list[PlaceMention]:
    """Every country name, demonym and known place in `text`, left to right."""
    pattern, lookup = _tables()
    found: list[PlaceMention] = []
    for match in pattern.finditer(text):
        surface = match.group(1)
        code, kind = lookup[surface]
        found.append(PlaceMention(match.start(1), match.end(1), code, kind, surface))
    return found


def code_of(surface: str) -> str | None:
    _pattern, lookup = _tables()
    entry = lookup.get(surface)
    return entry[0] if entry else None


def kind_of(surface: str) -> str | None:
    """ "country", "demonym" or "place" for a name as written; None when it is none."""
    _pattern, lookup = _tables()
    entry = lookup.get(surface)
    return entry[1] if entry else None


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """Regex alternation of every demonym, longest first, for use inside other patterns."""
    return literal_alternation(demonyms())


@lru_cache(maxsize=1)
def country_pattern() -> str:
    """Regex alternation of country names, places and demonyms, longest first."""
    _pattern, lookup = _tables()
    return literal_alternation(lookup)
