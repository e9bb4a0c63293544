"""Numbers written as digits or words ("27", "3.4", "twenty-seven", "ten")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))

# A number in digits (with thousands separators or decimals) or in words.
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:" + _WORD + r")(?:[\s-](?:" + "|".join(_UNITS) + r"))?|an?|a\s+half)"
)
_NUMBER_RE = re.compile(r"^" + NUMBER + r"$", re.IGNORECASE)


def parse_number(token: str) -> float | None:
    """Value of a number token matched by NUMBER; None when it is not one."""
    text = " ".join(token.lower().replace("-", " ").split())
    if not text or not _NUMBER_RE.match(token.strip()):
        return None
    if text in ("a", "an"):
        return 1.0
    if text == "a half":
        return 0.5
    if text[0].isdigit():
        return float(text.replace(",", ""))
    total = 0
    for part in text.split():
        if part in _TENS:
            total += _TENS[part]
        elif part in _UNITS:
            total += _UNITS[part]
        else:
            return None
    return float(total)
