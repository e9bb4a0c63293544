"""Sums of money ("$170 mln", "120,000 dirhams", "48,000 euros") with ISO 4217 currencies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import parse_number

_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "hk$": "HKD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "r$": "BRL",
    "nz$": "NZD",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₦": "NGN",
    "₱": "PHP",
}

# Currency word -> ISO code; the word may be qualified by a demonym ("Hong Kong dollars").
_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "rouble": "RUB",
    "ruble": "RUB",
    "dirham": "AED",
    "riyal": "SAR",
    "rial": "IRR",
    "rupee": "INR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "peso": "MXN",
    "lira": "TRY",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "lari": "GEL",
    "tenge": "KZT",
    "som": "KGS",
    "soms": "KGS",
    "cedi": "GHS",
    "naira": "NGN",
    "rand": "ZAR",
    "shilling": "KES",
    "franc": "CHF",
    "dinar": "KWD",
    "lei": "RON",
    "leu": "RON",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "krone": "NOK",
    "kroner": "NOK",
    "krona": "SEK",
    "kronor": "SEK",
    "real": "BRL",
    "reais": "BRL",
    "dong": "VND",
    "taka": "BDT",
    "manat": "AZN",
    "dram": "AMD",
    "somoni": "TJS",
    "sum": "UZS",
    "kyat": "MMK",
    "riel": "KHR",
    "kip": "LAK",
    "shekel": "ILS",
    "shekels": "ILS",
    "pesos": "MXN",
}

# Country that qualifies an ambiguous currency word -> that country's currency.
_NATIONAL = {
    ("dollar", "AU"): "AUD",
    ("dollar", "CA"): "CAD",
    ("dollar", "HK"): "HKD",
    ("dollar", "SG"): "SGD",
    ("dollar", "NZ"): "NZD",
    ("dollar", "TW"): "TWD",
    ("dirham", "MA"): "MAD",
    ("riyal", "QA"): "QAR",
    ("rial", "OM"): "OMR",
    ("rial", "YE"): "YER",
    ("rupee", "PK"): "PKR",
    ("rupee", "LK"): "LKR",
    ("rupee", "NP"): "NPR",
    ("peso", "PH"): "PHP",
    ("peso", "AR"): "ARS",
    ("peso", "CO"): "COP",
    ("peso", "CL"): "CLP",
    ("peso", "CU"): "CUP",
    ("franc", "CH"): "CHF",
    ("dinar", "IQ"): "IQD",
    ("dinar", "JO"): "JOD",
    ("dinar", "BH"): "BHD",
    ("dinar", "RS"): "RSD",
    ("dinar", "TN"): "TND",
    ("dinar", "DZ"): "DZD",
    ("dinar", "LY"): "LYD",
    ("leu", "MD"): "MDL",
    ("lei", "MD"): "MDL",
    ("krone", "DK"): "DKK",
    ("kroner", "DK"): "DKK",
    ("shilling", "UG"): "UGX",
    ("shilling", "TZ"): "TZS",
    ("pound", "EG"): "EGP",
    ("lira", "LB"): "LBP",
    ("manat", "TM"): "TMT",
}

# A currency word used in a country without qualification means that country's money.
_LOCAL = {
    ("dirham", "MA"): "MAD",
    ("riyal", "QA"): "QAR",
    ("rupee", "PK"): "PKR",
    ("rupee", "LK"): "LKR",
    ("rupee", "NP"): "NPR",
    ("peso", "PH"): "PHP",
    ("peso", "AR"): "ARS",
    ("peso", "CO"): "COP",
    ("dinar", "IQ"): "IQD",
    ("dinar", "JO"): "JOD",
    ("dinar", "BH"): "BHD",
    ("dinar", "RS"): "RSD",
    ("leu", "MD"): "MDL",
    ("lei", "MD"): "MDL",
    ("krone", "DK"): "DKK",
    ("kroner", "DK"): "DKK",
    ("shilling", "UG"): "UGX",
    ("shilling", "TZ"): "TZS",
    ("pound", "EG"): "EGP",
    ("dollar", "AU"): "AUD",
    ("dollar", "CA"): "CAD",
    ("dollar", "HK"): "HKD",
    ("dollar", "SG"): "SGD",
    ("dollar", "NZ"): "NZD",
}

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
}

_AMOUNT = r"(?P<num{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# "£12-million" joins the scale with a hyphen, as "£12 million" does with a space.
_SCALE_RE = r"(?:(?:\s*|-)(?P<scale{n}>thousand|million|mln|mn|billion|bln|bn|m|k|b)\b\.?)?"
_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_WORD_RE = "|".join(sorted(_WORDS, key=len, reverse=True))

_MONEY = re.compile(
    r"(?P<sym>"
    + _SYMBOL_RE
    + r")\s?"
    + _AMOUNT.format(n=1)
    + _SCALE_RE.format(n=1)
    + r"|"
    + _AMOUNT.format(n=2)
    + _SCALE_RE.format(n=2)
    + r"\s+(?:(?P<qual>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?(?P<word>"
    + _WORD_RE
    + r")s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str


def _currency(match: re.Match[str], local_country: str | None) -> str:
    from .gazetteers import country_code

    if match["sym"]:
        return _SYMBOLS[match["sym"].lower()]
    word = match["word"].lower()
    singular = word[:-1] if word.endswith("s") and word[:-1] in _WORDS else word
    qualifier = match["qual"]
    if qualifier:
        code = country_code(qualifier)
        if code and (singular, code) in _NATIONAL:
            return _NATIONAL[(singular, code)]
    if local_country and (singular, local_country) in _LOCAL:
        return _LOCAL[(singular, local_country)]
    return _WORDS.get(word) or _WORDS[singular]


def find_money(text: str, local_country: str | None = None) -> list[Money]:
    """Every sum of money in `text`. `local_country` settles ambiguous currency words: dinars
    spent in Jordan are Jordanian dinars."""
    found: list[Money] = []
    for match in _MONEY.finditer(text):
        value = parse_number(match["num1"] or match["num2"])
        if value is None:
            continue
        scale = (match["scale1"] or match["scale2"] or "").lower()
        if scale in ("m", "b", "k") and not match["sym"]:
            # "5 m euros" is rare; a bare letter after a number is more often something else.
            scale = scale if match["word"] else ""
        amount = value * _SCALE.get(scale, 1.0)
        found.append(Money(match.start(), match.end(), amount, _currency(match, local_country)))
    return found
