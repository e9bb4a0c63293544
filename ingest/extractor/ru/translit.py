"""Latin spellings of a Russian name.

`passport()` is the standard of Russian international passports since 2013 (ICAO Doc 9303):
ё→e, й→i, х→kh, ц→ts, щ→shch, ъ→ie, ь dropped, ю→iu, я→ia, so Селезнёв is Seleznev and
Мария is Mariia. Records made from English news use the spellings of the press instead
(Seleznyov, Maria, Dmitry, Yevgeny): `press_spellings()` gives the common ones, so that a
draft's variants find such a record. Names of foreigners written in Cyrillic (an American
named in a Russian article) come back to their usual Latin form by `foreign_spelling()`
when the given name is a known foreign one.
"""

from __future__ import annotations

import re

_PASSPORT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

# The press (BGN/PCGN, as English-language news write Russian names).
_PRESS = {**_PASSPORT, "ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya"}
_VOWELS = set("аеёиоуыэюяьъ")


def _word(word: str, table: dict[str, str], *, ye: bool = False) -> str:
    out: list[str] = []
    lower = word.lower()
    for index, ch in enumerate(lower):
        latin = table.get(ch)
        if latin is None:
            latin = ch
        elif ye and ch == "е" and (index == 0 or lower[index - 1] in _VOWELS):
            latin = "ye"
        if word[index].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _words(name: str, convert) -> str:
    return re.sub(r"[А-Яа-яЁё]+", lambda m: convert(m.group(0)), name)


def passport(name: str) -> str:
    """The Russian passport (ICAO 9303) transliteration; other characters are kept."""
    return _words(name, lambda w: _word(w, _PASSPORT))


def _press_word(word: str) -> list[str]:
    bgn = _word(word, _PRESS, ye=True)
    simple = _word(word, _PRESS)
    forms = [bgn, simple]
    low = word.lower()
    # Dmitrii → Dmitry, Yevgenii → Yevgeny, Iurii → Yury; Mariia → Maria, Kseniia → Ksenia.
    if low.endswith("ий") and len(low) > 3:
        forms += [f[:-2] + "y" for f in (bgn, simple)]
    if low.endswith("ия") and len(low) > 3:
        forms += [f[:-3] + "ia" for f in (bgn, simple)]
    # Aleksei → Alexei, Aleksandr → Alexander
    forms += [f.replace("ks", "x").replace("Ks", "X") for f in list(forms) if "ks" in f.lower()]
    if low == "александр":
        forms.append("Alexander")
    return list(dict.fromkeys(forms))


def press_spellings(name: str) -> list[str]:
    """Common Latin spellings of a Cyrillic name in the press, the most usual first."""
    parts = name.split()
    if not parts or not any(_is_cyrillic(p) for p in parts):
        return []
    options = [_press_word(p) if _is_cyrillic(p) else [p] for p in parts]
    # Each word's usual form together, then each word's alternatives one at a time: a few
    # spellings, not every combination.
    spellings = [" ".join(o[0] for o in options)]
    for index, choices in enumerate(options):
        for choice in choices[1:]:
            words = [o[0] for o in options]
            words[index] = choice
            spellings.append(" ".join(words))
    if len(options) > 1:
        spellings.append(" ".join(o[-1] for o in options))
    return list(dict.fromkeys(spellings))


def _is_cyrillic(text: str) -> bool:
    return bool(re.search(r"[А-Яа-яЁё]", text))


# Foreign given names as Russian writes them, and their usual Latin spelling. A name in this
# table marks its bearer as named in a Latin-script language, so the surname is spelled the
# English way too.
FOREIGN_GIVEN = {
    "пол": "Paul", "бриттни": "Brittney", "тревор": "Trevor", "марк": "Marc",
    "гордон": "Gordon", "стивен": "Stephen", "стив": "Steve", "майкл": "Michael",
    "джон": "John", "джеймс": "James", "роберт": "Robert", "дэвид": "David",
    "уильям": "William", "ричард": "Richard", "томас": "Thomas",
    "кристофер": "Christopher", "дэниел": "Daniel", "мэтью": "Matthew", "эндрю": "Andrew",
    "джозеф": "Joseph", "джордж": "George", "эван": "Evan", "джо": "Joe",
    "дженнифер": "Jennifer", "сара": "Sarah", "эшли": "Ashley", "джессика": "Jessica",
    "эмили": "Emily", "элизабет": "Elizabeth", "кейт": "Kate", "аннетт": "Annette",
    "кевин": "Kevin", "брайан": "Brian", "джейсон": "Jason", "джастин": "Justin",
    "эрик": "Eric", "райан": "Ryan", "тимоти": "Timothy", "скотт": "Scott",
    "чарльз": "Charles", "гэри": "Gary", "ларри": "Larry", "фрэнк": "Frank",
    "патрик": "Patrick", "питер": "Peter", "генри": "Henry", "дуглас": "Douglas",
    "уэйн": "Wayne", "кит": "Keith", "тайлер": "Tyler", "келли": "Kelly", "лиза": "Lisa",
    "кэтрин": "Catherine", "мишель": "Michelle", "стефани": "Stephanie", "николас": "Nicholas",
    "джонатан": "Jonathan", "бенджамин": "Benjamin", "джошуа": "Joshua", "энтони": "Anthony",
    "джереми": "Jeremy", "шон": "Sean", "гершкович": "Gershkovich",
    "кирк": "Kirk", "уилл": "Will", "гарри": "Harry", "джек": "Jack", "ксавье": "Xavier",
    "уолтер": "Walter", "джеффри": "Jeffrey", "дэнни": "Danny",
    "лоран": "Laurent", "франсуа": "Francois", "ханс": "Hans", "клаус": "Klaus",
}  # fmt: skip

# English spellings of sounds Russian writes its own way, longest first.
_ENGLISH_SOUNDS = (
    ("дж", "j"), ("уи", "wi"), ("уэ", "we"), ("уо", "wo"), ("уа", "wa"), ("кс", "x"),
    ("ай", "i"), ("эй", "ay"), ("ей", "ey"), ("ой", "oy"), ("х", "h"), ("й", "y"),
    ("ё", "yo"), ("ю", "u"), ("я", "ya"), ("ы", "y"), ("ц", "tz"),
)  # fmt: skip


def _english_surname(word: str) -> str:
    low = word.lower()
    out = ""
    index = 0
    while index < len(low):
        for cyr, lat in _ENGLISH_SOUNDS:
            if low.startswith(cyr, index) and (cyr[0] != "у" or index == 0):
                out += lat
                index += len(cyr)
                break
        else:
            ch = low[index]
            # "э" after a consonant is the English short a (Блэк, Black); at the start, e.
            if ch == "э":
                out += "a" if index > 0 else "e"
            else:
                out += _PASSPORT.get(ch, ch)
            index += 1
    out = re.sub(r"(?<=[aeiou])k$", "ck", out)
    return out[:1].upper() + out[1:]


def foreign_spelling(name: str) -> str | None:
    """The usual Latin spelling of a foreigner's name written in Cyrillic ("Тревор Рид" →
    "Trevor Rid", "Гордон Блэк" → "Gordon Black"), or None when the first word is not a
    known foreign given name."""
    parts = name.split()
    if len(parts) < 2:
        return None
    given = FOREIGN_GIVEN.get(parts[0].lower().replace("ё", "е"))
    if given is None:
        return None
    rest = [FOREIGN_GIVEN.get(p.lower()) or _english_surname(p) for p in parts[1:]]
    return " ".join([given, *rest])


# English vowels Russian writes with one letter: "и" is "ee" or "ea" (Рид, Reed; Грин,
# Green; Дин, Dean), "у" is "oo" (Гуд, Good). Tried in a one-syllable surname only.
_LONG_VOWELS = (("i", ("ee", "ea")), ("u", ("oo",)))


def foreign_alternatives(name: str) -> list[str]:
    """Other likely English spellings of a foreigner's name in Cyrillic, beside
    `foreign_spelling` ("Тревор Рид" → "Trevor Reed", "Trevor Read"), so that the matcher
    can find a record spelled the English way."""
    main = foreign_spelling(name)
    if main is None:
        return []
    *first, surname = main.split()
    vowels = [c for c in surname.lower() if c in "aeiouy"]
    if len(vowels) != 1:
        return []
    out = []
    for short, longs in _LONG_VOWELS:
        if short in surname.lower():
            for long in longs:
                out.append(" ".join([*first, surname.replace(short, long, 1)]))
    return out
