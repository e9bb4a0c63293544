"""The Russian reading of the extractor: natasha finds and normalises the people, rules
read the facts, and the result is the same records the English rules produce.

The models load on the first Russian article a process reads, not on import.
"""

from __future__ import annotations

import re

from .reading import read_russian

RUSSIAN_VERSION = "ru-rules-8"

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")


def looks_russian(text: str) -> bool:
    """Most of its letters are Cyrillic, and Russian ones (not Ukrainian і, ї, є, ґ)."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return False
    cyrillic = len(_CYRILLIC.findall(sample))
    ukrainian = len(re.findall(r"[іїєґІЇЄҐ]", sample))
    return cyrillic / letters >= 0.5 and ukrainian <= cyrillic * 0.01


__all__ = ["RUSSIAN_VERSION", "looks_russian", "read_russian"]
