"""Numbers, prison terms, fines and maximum penalties in Russian: "к 27 годам",
"к шести годам и десяти месяцам", "на 18 месяцев", "пожизненное заключение",
"штраф в 1,2 тысячи долларов", "грозит до 20 лет"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nlp import lemma

_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "полтора": 1.5, "полтора год": 1.5,
}  # fmt: skip
_NUMBER_WORD = (
    r"(?:один|одн\w*|дв\w+|тр\w+|четыр\w*|пят\w*|шест\w*|сем\w*|восьм\w*|восем\w*|девят\w*|"
    r"десят\w*|одиннадцат\w*|двенадцат\w*|\w+надцат\w*|сорок\w*|девяност\w*|сто|ста|"
    r"полутора|полтора)"
)
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})?)"


def number_value(text: str) -> float | None:
    text = text.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    total = 0.0
    for word in text.split():
        value = _UNITS.get(lemma(word))
        if value is None:
            return None
        total += value
    return total


@dataclass(frozen=True)
class Term:
    years: int | None
    months: int | None
    life: bool
    death: bool
    start: int
    end: int


_TERM = re.compile(
    rf"\b(?P<n1>{NUMBER})\s+(?P<u1>год\w*|лет|месяц\w*)"
    rf"(?:\s+и\s+(?P<n2>{NUMBER})\s+(?P<u2>месяц\w*))?",
    re.IGNORECASE,
)
_SENTENCING = re.compile(
    r"\b(?:приговор\w*|осужд\w+|осуж[её]н\w*|получил\w*|получивш\w+|назначил\w*|назначен\w*|"
    r"отбыва\w+|отбыть|срок\w*)\b",
    re.IGNORECASE,
)
_TIME_HELD = re.compile(
    r"(?:\bпров[её]л\w*|\bпровест\w*|\bпробыл\w*|\bсидел\w*|\bсидит|\bнаход\w+)\s+"
    r"(?:\S+\s+){0,3}?$|(?:под\s+стражей|в\s+заключении|за\s+решеткой|за\s+решёткой)\s+$",
    re.IGNORECASE,
)
_MAXIMUM = re.compile(
    r"\b(?:грозит|грозят|грозило|грозило|грозящ\w+|угрожает|светит|может\s+получить|"
    r"может\s+быть\s+приговор\w+|предусматривает|предусмотрен\w*|максимальн\w+|"
    r"сроком\s+от)\b",
    re.IGNORECASE,
)
# "к пожизненному тюремному заключению": "тюремный" may stand between
_LIFE = re.compile(
    r"\bпожизненн\w+\s+(?:тюремн\w+\s+)?(?:заключени\w+|лишени\w+|срок\w*)", re.IGNORECASE
)
# "был казнён", "казнили": an execution told as carried out (a sentence of death before it).
EXECUTED = r"казн[её]н[аоы]?\b|казнил[аи]?\b"
_DEATH = re.compile(
    r"\b(?:к\s+смертной\s+казни|к\s+расстрелу|" + EXECUTED + r")",
    re.IGNORECASE,
)


def find_terms(sentence: str) -> list[Term]:
    """Terms a court imposed: a number of years or months after a sentencing word, not after
    "до" or a word of threat (those are maximum penalties)."""
    if not (_SENTENCING.search(sentence) or _LIFE.search(sentence) or _DEATH.search(sentence)):
        return []
    found: list[Term] = []
    for m in _TERM.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()].lower()
        if re.search(r"\b(?:до|от|более|свыше)\s*$", before) or _MAXIMUM.search(before):
            continue
        if re.search(r"\b(?:назад|спустя|через|в\s+течение|на\s+протяжении)\s*$", before):
            continue
        if _TIME_HELD.search(before) or re.search(r"\b(?:отсроч\w+|отложен\w*)\s+на\s*$", before):
            continue  # "провели под стражей полтора года": time already held, not a term
        after = sentence[m.end() : m.end() + 25].lower()
        if re.match(r"\s*(?:назад|спустя|подряд|рождения)", after):
            continue
        if re.match(r"\s*(?:\S+\s+)?(?:грозит|грозят|грозило|угрожа\w+|светит)", after):
            continue  # "из которых 30 лет грозят за сговор": what a charge carries at most
        if not _SENTENCING.search(sentence[max(0, m.start() - 160) : m.start()]) and not (
            re.match(r"\s*(?:лишения\s+свободы|тюрьмы|колонии|заключения|тюремного)", after)
        ):
            continue
        years, months = _units(m.group("n1"), m.group("u1"))
        if years is None and months is None:
            continue
        if m.group("n2"):
            extra = number_value(m.group("n2"))
            if extra is not None:
                months = (months or 0) + int(extra)
        if years is not None and years > 100:
            continue
        found.append(Term(years, months or 0, False, False, m.start(), m.end()))
    for pattern, life, death in ((_LIFE, True, False), (_DEATH, False, True)):
        for m in pattern.finditer(sentence):
            if _MAXIMUM.search(sentence[max(0, m.start() - 40) : m.start()]):
                continue
            found.append(Term(None, None, life, death, m.start(), m.end()))
    return found


def _units(number: str, unit: str) -> tuple[int | None, int | None]:
    value = number_value(number)
    if value is None:
        return None, None
    if unit.lower().startswith("месяц"):
        total = int(round(value))
        return total // 12, total % 12
    whole = int(value)
    months = int(round((value - whole) * 12))
    return whole, months


@dataclass(frozen=True)
class MaxPenaltyFound:
    years: float | None
    life: bool
    start: int
    end: int


_UPTO = re.compile(
    rf"\b(?:до|от\s+{NUMBER}\s+до)\s+(?P<n>{NUMBER})\s+(?:год\w*|лет|ле$)", re.IGNORECASE
)


def find_max_penalties(sentence: str) -> list[MaxPenaltyFound]:
    found: list[MaxPenaltyFound] = []
    threat = _MAXIMUM.search(sentence)
    if not threat:
        return found
    for m in _UPTO.finditer(sentence, threat.start()):
        value = number_value(m.group("n"))
        if value is not None and value <= 100:
            found.append(MaxPenaltyFound(value, False, m.start(), m.end()))
    for m in _LIFE.finditer(sentence, threat.start()):
        found.append(MaxPenaltyFound(None, True, m.start(), m.end()))
    return found


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    start: int
    end: int


_CURRENCIES = (
    (r"долл\w*|\$|usd", "USD"),
    (r"евро|€|eur", "EUR"),
    (r"руб\w*|₽|rub", "RUB"),
    (r"фунт\w*(?:\s+стерлинг\w*)?|£", "GBP"),
    (r"гривн\w*", "UAH"),
    (r"лари", "GEL"),
    (r"бат\w*", "THB"),
    (r"юан\w*", "CNY"),
    (r"тенге", "KZT"),
    (r"франк\w*", "CHF"),
)
_SCALE = r"(?P<scale>тыс\w*\.?|млн\.?|миллион\w*|млрд\.?|миллиард\w*)?"
_CURRENCY = "|".join(f"(?:{p})" for p, _ in _CURRENCIES)
_AMOUNT = re.compile(
    rf"(?P<pre>\$|€|£)?\s*(?P<n>\d+(?:[ \u00a0]\d{{3}})*(?:[.,]\d+)?)\s*{_SCALE}\s*"
    rf"(?P<cur>{_CURRENCY})?",
    re.IGNORECASE,
)


def _scale(word: str | None) -> float:
    if not word:
        return 1
    word = word.lower()
    if word.startswith("тыс"):
        return 1e3
    if word.startswith(("млн", "миллион")):
        return 1e6
    return 1e9


_WORD_AMOUNT = re.compile(
    rf"(?P<n>(?:{_NUMBER_WORD}\s+)?)(?P<scale>тысяч\w*|миллион\w*|миллиард\w*)\s+"
    rf"(?P<cur>{_CURRENCY})",
    re.IGNORECASE,
)


def find_money(text: str) -> list[Money]:
    """Sums of money with their currency: "$170 млн", "1,2 тысячи долларов", "миллион
    рублей", "пять тысяч евро"."""
    found: list[Money] = []
    for m in _WORD_AMOUNT.finditer(text):
        count = number_value(m.group("n")) if m.group("n").strip() else 1.0
        if count is None:
            continue
        currency = next(
            code
            for pattern, code in _CURRENCIES
            if re.fullmatch(pattern, m.group("cur"), re.IGNORECASE)
        )
        found.append(Money(count * _scale(m.group("scale")), currency, m.start(), m.end()))
    for m in _AMOUNT.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        symbol = m.group("pre") or m.group("cur")
        if not symbol:
            continue
        currency = next(
            code for pattern, code in _CURRENCIES if re.fullmatch(pattern, symbol, re.IGNORECASE)
        )
        digits = re.sub(r"[ \u00a0]", "", m.group("n")).replace(",", ".")
        amount = float(digits) * _scale(m.group("scale"))
        found.append(Money(amount, currency, m.start(), m.end()))
    return sorted(found, key=lambda money: money.start)


_FINE = re.compile(r"\bштраф\w*", re.IGNORECASE)
_NOT_A_FINE = re.compile(r"\b(?:или|либо)\s+(?:крупн\w+\s+)?(?:денежн\w+\s+)?штраф", re.IGNORECASE)


def find_fines(sentence: str) -> list[Money]:
    """A fine the court imposed: an amount within a few words after "штраф"; "тюрьмы или
    штраф" (what a law allows) is none."""
    found: list[Money] = []
    for m in _FINE.finditer(sentence):
        if _NOT_A_FINE.search(sentence[max(0, m.start() - 30) : m.end()]):
            continue
        window = sentence[m.end() : m.end() + 60]
        for money in find_money(window):
            if re.search(r"[.;]", window[: money.start]):
                break
            found.append(Money(money.amount, money.currency, m.start(), m.end() + money.end))
            break
        else:
            # "и $20 тыс. штрафа", "100 тысяч рублей штрафа": the amount just before
            start = max(0, m.start() - 40)
            before = find_money(sentence[start : m.start()])
            if before and not sentence[start + before[-1].end : m.start()].strip(" .\u00a0"):
                money = before[-1]
                found.append(Money(money.amount, money.currency, start + money.start, m.end()))
    return found
