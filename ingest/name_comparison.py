"""Comparing two person names part by part, the way name-screening tools do.

Pure Python, no Django. A name is split into given names, a patronymic and a surname (in
Latin or Cyrillic, hyphenated or with particles), then the parts are compared separately:

* **Surnames** must agree: the same spelling, another transliteration (Seleznev /
  Seleznyov / Селезнёв), or the same Russian surname inflected by sex or case (Silin /
  Silina, Селезнёва is Селезнёв in the genitive). A different surname is a different person
  however close the given names are.
* **Given names** may be the same, another transliteration (Yevgeniy / Evgeny / Евгений),
  a diminutive (Sasha / Aleksandr), or an initial. The same name in its male and female form
  (Yevgeniy / Yevgeniya) is a different person in Latin text; in Cyrillic it may also be a
  case ending (Романа / Роман), so it counts only as a weak match there.

Given-name equivalences come from rigour (OpenSanctions' name library: Wikidata given-name
groups and some English nicknames) and the `nicknames` dataset (English diminutives),
completed with the common Russian diminutives below, which neither has. Transliteration is
folded with `cases.names.fold` and a key that merges the letters romanisation systems
disagree on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nicknames import NickNamer

from cases import names as name_keys

# --- Titles and ranks ---------------------------------------------------------------------

# Ranks and service words that newspapers put before a name and rigour's list of person
# prefixes lacks. A name never keeps them.
RANKS = frozenset(
    [
        "marine",
        "marines",
        "sergeant",
        "sgt",
        "staff",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "major",
        "maj",
        "general",
        "gen",
        "corporal",
        "cpl",
        "private",
        "pvt",
        "admiral",
        "commander",
        "cmdr",
        "captain",
        "capt",
        "officer",
        "agent",
        "detective",
        "det",
        "inspector",
        "constable",
        "sheriff",
        "deputy",
        "chief",
        "petty",
        "seaman",
        "airman",
        "soldier",
        "trooper",
        "ensign",
        "warrant",
        "specialist",
        "spc",
        "lance",
        "gunnery",
        "master",
        "chief",
        "commodore",
        "brigadier",
        "professor",
        "prof",
        "reverend",
        "rev",
        "father",
        "pastor",
        "imam",
        "rabbi",
        "sister",
        "brother",
        "judge",
        "justice",
        "senator",
        "sen",
        "governor",
        "gov",
        "president",
        "minister",
        "ambassador",
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "sir",
        "dame",
        "lord",
        "lady",
        "mister",
        "madam",
        "sheikh",
        "sheik",
    ]
)
# Words that only qualify a rank: "U.S. Marine", "former Army Sergeant", "retired Colonel".
_RANK_QUALIFIERS = frozenset(
    [
        "us",
        "u.s.",
        "usa",
        "uk",
        "u.k.",
        "british",
        "american",
        "russian",
        "former",
        "ex",
        "retired",
        "navy",
        "naval",
        "army",
        "air",
        "force",
        "marine",
        "corps",
        "coast",
        "guard",
        "special",
        "national",
        "guard",
        "veteran",
        "decorated",
    ]
)


def _rigour_names():
    """rigour.names, imported on first use: its native library weighs about 30 MB in every
    process that imports it, and a web worker that shows no draft never needs it."""
    import rigour.names

    return rigour.names


def _bare(word: str) -> str:
    return word.strip(".,;:()\"'“”‘’").lower()


def remove_titles(name: str) -> str:
    """The name without leading honorifics, titles and ranks ("U.S. Marine Paul Whelan" →
    "Paul Whelan", "Dr. Ivan Petrov" → "Ivan Petrov"); "" when nothing else is left."""
    name = " ".join((name or "").split())
    previous = None
    while previous != name:
        previous = name
        name = _rigour_names().remove_person_prefixes(name).strip()
        words = name.split()
        cut = 0
        has_rank = False
        for i, word in enumerate(words):
            bare = _bare(word)
            bare_parts = [p for p in bare.replace("-", " ").split() if p]
            if bare_parts and all(p in RANKS for p in bare_parts):
                has_rank = True
                cut = i + 1
            elif bare in _RANK_QUALIFIERS or bare.replace(".", "") in _RANK_QUALIFIERS:
                continue
            else:
                break
        if has_rank:
            name = " ".join(words[cut:])
    return name.strip(" ,;:-")


# --- Splitting a name into parts ----------------------------------------------------------

_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "ter",
        "ten",
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "abu",
    ]
)
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|inichna)(a|u|em|om|oi|oy|e|oj|y)?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class PersonName:
    original: str
    given: tuple[str, ...]  # folded, first name first
    given_original: tuple[str, ...]  # as written, for the name-group lookup
    patronymic: str
    surname: tuple[str, ...]  # folded parts of a hyphenated or double surname, no particles
    cyrillic: bool

    @property
    def has_given(self) -> bool:
        return bool(self.given)

    def display_surname(self) -> str:
        return "-".join(self.surname)


_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "junior", "senior", "ii", "iii", "iv"])


def _words(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s,]+", name) if w.strip(".-'’")]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _fold_word(word: str) -> str:
    # German umlauts are spelt out as German does (Müller, Mueller).
    return "".join(name_keys.fold(word.translate(_UMLAUTS)).split())


def _surname_parts(words: list[str]) -> tuple[str, ...]:
    parts = []
    for word in words:
        for piece in re.split(r"[-‐–]", word):
            folded = _fold_word(piece)
            if folded and folded not in _PARTICLES:
                parts.append(folded)
    return tuple(parts)


@lru_cache(maxsize=4096)
def parse(name: str) -> PersonName:
    """Given names, patronymic and surname of a person's name as written."""
    cleaned = remove_titles(name)
    words = _words(cleaned)
    cyrillic = bool(_CYRILLIC.search(cleaned))
    folded = [_fold_word(w) for w in words]
    patronymic_at = next(
        (i for i, f in enumerate(folded) if len(f) > 6 and _PATRONYMIC.search(f)), None
    )
    if len(words) < 3:
        patronymic_at = None  # "Denis Popovich": a surname, not a patronymic
    upper = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and not w.endswith(".")]
    if upper and len(upper) < len(words):
        # "NIKULIN Yevgeniy": the surname written in capitals, wherever it stands.
        surname_words = [words[i] for i in upper]
        given_idx = [i for i in range(len(words)) if i not in upper and i != patronymic_at]
    elif patronymic_at is not None and patronymic_at == len(words) - 1 and len(words) >= 3:
        # "Никулин Евгений Александрович": surname, given name, patronymic.
        surname_words = [words[0]]
        given_idx = list(range(1, patronymic_at))
    elif patronymic_at is not None and patronymic_at > 0:
        surname_words = words[patronymic_at + 1 :]
        given_idx = list(range(patronymic_at))
    elif len(words) <= 1:
        surname_words, given_idx = words, []
    else:
        start = len(words) - 1
        while start > 1 and _fold_word(words[start - 1]) in _PARTICLES:
            start -= 1
        surname_words = words[start:]
        given_idx = list(range(start))
    given_idx = [i for i in given_idx if folded[i] and folded[i] not in _PARTICLES]
    return PersonName(
        original=name,
        given=tuple(folded[i] for i in given_idx),
        given_original=tuple(words[i].strip(".") for i in given_idx),
        patronymic=folded[patronymic_at] if patronymic_at is not None else "",
        surname=_surname_parts(surname_words),
        cyrillic=cyrillic,
    )


# --- Transliteration and inflection -------------------------------------------------------

_TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),
    (r"w", "v"),
    (r"q", "k"),
    (r"ph", "f"),
    (r"shch", "sh"),
    (r"kh", "h"),
    (r"gh", "g"),
    (r"tz|cz", "ts"),
    (r"ck", "k"),
    (r"dzh|dj", "j"),
    (r"^ye|^je", "e"),
    (r"(?<=[aeiou])ye|(?<=[bcdfgklmnprstvz])ye", "e"),
    (r"(?<=[bcdfgklmnprstvz])ie(?=[bcdfgklmnprstvz])", "e"),
    (r"yo|jo|io(?=v)", "e"),
    (r"ju|iu", "yu"),
    (r"ja|ia", "ya"),
    (r"(?<=[aeou])y(?=[^aeiouy])", "i"),
    (r"(iy|ij|yj|yi|ii|y)$", "i"),
    (r"ey$|ei$", "ei"),
    (r"ou", "u"),
    (r"ff$|f$", "v"),
    (r"(.)\1+", r"\1"),
)
_TRANSLIT = [(re.compile(p), r) for p, r in _TRANSLIT_RULES]


def translit_key(word: str) -> str:
    """One form for the spellings romanisation systems produce for the same name."""
    word = _fold_word(word)
    for pattern, replacement in _TRANSLIT:
        word = pattern.sub(replacement, word)
    return word


# Russian (and Polish) surname endings by sex and case, longest first, each to the
# masculine nominative: Silina → Silin, Ivanovoy → Ivanov, Ukrainskaya → Ukrainski.
_SURNAME_ENDINGS: tuple[tuple[str, str], ...] = (
    ("skaya", "ski"),
    ("skaia", "ski"),
    ("skoi", "ski"),
    ("skogo", "ski"),
    ("skomu", "ski"),
    ("skim", "ski"),
    ("skom", "ski"),
    ("ska", "ski"),
    ("tsaya", "tsi"),
    ("ovoi", "ov"),
    ("evoi", "ev"),
    ("inoi", "in"),
    ("ynoi", "yn"),
    ("ovym", "ov"),
    ("evym", "ev"),
    ("inym", "in"),
    ("ovim", "ov"),
    ("ovu", "ov"),
    ("evu", "ev"),
    ("inu", "in"),
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("yna", "yn"),
)


def _loose(key: str) -> str:
    """A looser key for a name and its transliteration from Cyrillic: "с" is often a Latin
    "z" in the original (Альварес, Alvarez) and "щ" is written "sh" as often as "shch"."""
    return re.sub(r"z(?!h)", "s", key.replace("shch", "sh"))


def surname_stem(word: str) -> str:
    key = translit_key(word)
    for ending, base in _SURNAME_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            return key[: -len(ending)] + base
    return key


# The same given name in its female form: Yevgeniy / Yevgeniya, Aleksandr / Aleksandra.
def _female_form_of(male: str, female: str) -> bool:
    m, f = translit_key(male), translit_key(female)
    if not f.endswith("a") or len(m) < 3:
        return False
    stem = f[:-1].removesuffix("y")
    return stem in (m, m.removesuffix("i"), m + "i") or f[:-1] == m


# Case endings of Russian given names (genitive, dative, instrumental, prepositional).
_GIVEN_CASE_ENDINGS = ("a", "ya", "u", "yu", "om", "em", "e", "i", "oi", "ei")


def _case_form_of(base: str, form: str) -> bool:
    b, f = translit_key(base), translit_key(form)
    b_stem = b[:-1] if b.endswith(("i", "a")) and len(b) > 3 else b
    return any(f == b_stem + e or f == b + e for e in _GIVEN_CASE_ENDINGS)


# Common Russian diminutives that rigour's name groups lack, each with its full names
# (transliteration keys). A diminutive matches any of its full names and they match it.
RUSSIAN_DIMINUTIVES: dict[str, tuple[str, ...]] = {
    "sasha": ("aleksandr", "aleksandra", "aleksander"),
    "shura": ("aleksandr", "aleksandra"),
    "zhenya": ("evgeni", "evgenia", "evgenya"),
    "dima": ("dmitri",),
    "misha": ("mihail", "mikhail"),
    "kolya": ("nikolai", "nikolei"),
    "volodya": ("vladimir",),
    "vova": ("vladimir",),
    "tolya": ("anatoli",),
    "katya": ("ekaterina", "katerina"),
    "natasha": ("natalya", "natalia", "natali"),
    "tanya": ("tatyana", "tatiana"),
    "masha": ("marya", "maria", "mariya"),
    "lena": ("elena",),
    "sveta": ("svetlana",),
    "vanya": ("ivan",),
    "petya": ("petr", "peter", "pyotr"),
    "seryozha": ("sergei",),
    "serezha": ("sergei",),
    "lyosha": ("aleksei", "aleksi"),
    "lesha": ("aleksei",),
    "alyosha": ("aleksei",),
    "andryusha": ("andrei",),
    "borya": ("boris",),
    "grisha": ("grigori",),
    "kostya": ("konstantin",),
    "pasha": ("pavel",),
    "slava": ("vyacheslav", "vladislav", "stanislav", "svyatoslav", "yaroslav"),
    "vlad": ("vladislav", "vladimir"),
    "stas": ("stanislav",),
    "vitya": ("viktor", "vitali"),
    "yura": ("yuri",),
    "zhora": ("georgi",),
    "galya": ("galina",),
    "lyuba": ("lyubov",),
    "lyuda": ("lyudmila",),
    "nadya": ("nadezhda", "nadejda"),
    "nastya": ("anastasia", "anastasya"),
    "olya": ("olga",),
    "valya": ("valentina", "valentin"),
    "dasha": ("darya", "daria"),
    "ksyusha": ("ksenia", "kseniya", "ksenya"),
    "lyonya": ("leonid",),
    "tolik": ("anatoli",),
    "styopa": ("stepan",),
    "fedya": ("fedor",),
    "igorek": ("igor",),
    "ilyusha": ("ilya",),
    "gosha": ("georgi", "igor"),
    "yulya": ("yulia", "yulya"),
    "zhanna": ("zhanna",),
}
_DIMINUTIVES = {
    translit_key(short): {translit_key(full) for full in fulls}
    for short, fulls in RUSSIAN_DIMINUTIVES.items()
}


@lru_cache(maxsize=8192)
def _name_groups(word: str) -> frozenset[str]:
    """rigour's name-group and nickname symbols of one given name."""
    found: set[str] = set()
    rigour_names = _rigour_names()
    analyzed = rigour_names.analyze_names(
        rigour_names.NameTypeTag.PER, [word], consolidate=False, phonetics=False
    )
    for name in analyzed:
        for span in name.spans:
            if span.symbol.category.value in ("NAME", "NICK"):
                found.add(f"{span.symbol.category.value}:{span.symbol.id}")
    return frozenset(found)


@lru_cache(maxsize=1)
def _english_nicknames() -> NickNamer:
    return NickNamer()


def warm_up() -> None:
    """Builds the name-group table and the nickname table now rather than on the first
    comparison. The first takes rigour a few seconds and about 270 MB, so web servers do
    not call this at start (config.wsgi); tests that time a page do."""
    _name_groups("Yevgeniy")
    _english_nicknames()


def _diminutive_pair(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    if kb in _DIMINUTIVES.get(ka, ()) or ka in _DIMINUTIVES.get(kb, ()):
        return True
    english = _english_nicknames()
    return b in english.nicknames_of(a) or a in english.nicknames_of(b)


def _similar(a: str, b: str, minimum: float) -> float:
    if min(len(a), len(b)) < 5:
        return 0.0
    rigour_names = _rigour_names()
    alignments = rigour_names.compare_parts(
        [rigour_names.NamePart(a, 0)], [rigour_names.NamePart(b, 1)]
    )
    score = min((al.score for al in alignments), default=0.0)
    return score if score >= minimum else 0.0


# --- Comparing parts ----------------------------------------------------------------------


@dataclass(frozen=True)
class PartMatch:
    level: float  # 0 (different) to 1 (same)
    how: str


DIFFERENT = PartMatch(0.0, "different")


def compare_surname_part(a: str, b: str, *, cross_script: bool = False) -> PartMatch:
    """`cross_script`: one of the two was written in Cyrillic."""
    if a == b:
        return PartMatch(1.0, "same")
    if translit_key(a) == translit_key(b):
        return PartMatch(0.95, "another spelling")
    loose = _loose if cross_script else (lambda key: key)
    if loose(translit_key(a)) == loose(translit_key(b)):
        return PartMatch(0.9, "another spelling")
    if loose(surname_stem(a)) == loose(surname_stem(b)):
        return PartMatch(0.9, "inflected form")
    if _similar(translit_key(a), translit_key(b), 0.85):
        # A letter apart is as often another family (Petrenko, Petrenkov) as a typo:
        # enough to be listed, not to be offered.
        return PartMatch(0.7, "similar spelling")
    return DIFFERENT


def compare_surnames(
    a: tuple[str, ...], b: tuple[str, ...], *, cross_script: bool = False
) -> PartMatch:
    if not a or not b:
        return DIFFERENT

    def compare_surname_part(x: str, y: str) -> PartMatch:
        return _compare_surname_part(x, y, cross_script=cross_script)

    if len(a) == len(b):
        matches = [compare_surname_part(x, y) for x, y in zip(a, b, strict=True)]
        worst = min(matches, key=lambda m: m.level)
        if worst.level:
            return worst
        if len(a) == 2:
            # "García López" and "López García" are one double surname in two orders.
            swapped = [compare_surname_part(x, y) for x, y in zip(a, reversed(b), strict=True)]
            worst = min(swapped, key=lambda m: m.level)
            if worst.level:
                return PartMatch(worst.level * 0.9, "double surname in another order")
        return DIFFERENT
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if all(any(compare_surname_part(s, x).level >= 0.9 for x in long_) for s in short):
        return PartMatch(0.7, "part of a double surname")
    return DIFFERENT


_compare_surname_part = compare_surname_part


def compare_given(a: str, a_original: str, b: str, b_original: str, *, cyrillic: bool):
    """One given name against another."""
    if len(a) == 1 or len(b) == 1:
        first_a, first_b = translit_key(a)[:1], translit_key(b)[:1]
        same_initial = a[:1] == b[:1] or (first_a and first_a == first_b)
        return PartMatch(0.5, "initial") if same_initial else DIFFERENT
    if a == b:
        return PartMatch(1.0, "same")
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb or (cyrillic and _loose(ka) == _loose(kb)):
        return PartMatch(0.95, "another spelling")
    sexed = _female_form_of(a, b) or _female_form_of(b, a)
    inflected = _case_form_of(a, b) or _case_form_of(b, a)
    if sexed or inflected:
        if cyrillic and inflected:
            return PartMatch(0.6, "another case form, or the other sex")
        return PartMatch(0.0, "male and female forms")
    if _name_groups(a_original) & _name_groups(b_original) or _name_groups(a) & _name_groups(b):
        return PartMatch(0.9, "variant or diminutive")
    if _diminutive_pair(a, b):
        return PartMatch(0.9, "diminutive")
    if _similar(ka, kb, 0.85):
        return PartMatch(0.8, "similar spelling")
    return DIFFERENT


# --- Whole names --------------------------------------------------------------------------

SURNAME_WEIGHT = 0.55
GIVEN_WEIGHT = 0.45
# What a name that lacks given names on one side ("Nikulin") counts for as given-name
# evidence: enough to be listed, never enough to be offered as the same person.
MISSING_GIVEN = 0.4
SHARED_SURNAME_ONLY = 40  # same surname, different given name
DIFFERENT_SURNAME = 20
MIDDLE_CONFLICT_PENALTY = 25


@dataclass
class NameComparison:
    score: int  # 0–100
    surname: PartMatch
    given: PartMatch
    reasons: list[str] = field(default_factory=list)
    complete: bool = True  # both names have a surname and a given name

    @property
    def surname_differs(self) -> bool:
        return self.surname.level == 0


def _given_match(a: PersonName, b: PersonName) -> PartMatch:
    if not a.given or not b.given:
        return PartMatch(MISSING_GIVEN, "missing")
    cyrillic = a.cyrillic or b.cyrillic
    first = compare_given(
        a.given[0], a.given_original[0], b.given[0], b.given_original[0], cyrillic=cyrillic
    )
    if first.level == 0 and len(a.given) + len(b.given) > 2:
        # "Ivan Sergeyevich" vs "Sergey": a middle name used as the first name.
        for i, x in enumerate(a.given):
            for j, y in enumerate(b.given):
                if (i, j) == (0, 0):
                    continue
                m = compare_given(x, a.given_original[i], y, b.given_original[j], cyrillic=cyrillic)
                if m.level >= 0.9:
                    return PartMatch(0.6, f"{m.how}, in another position")
    return first


def _middle_conflict(a: PersonName, b: PersonName) -> str:
    cyrillic = a.cyrillic or b.cyrillic
    if a.patronymic and b.patronymic:
        pa, pb = translit_key(a.patronymic), translit_key(b.patronymic)
        if pa[:6] != pb[:6] and not _similar(pa, pb, 0.85):
            return f"patronymics differ ({a.patronymic} / {b.patronymic})"
    if len(a.given) > 1 and len(b.given) > 1:
        m = compare_given(
            a.given[1], a.given_original[1], b.given[1], b.given_original[1], cyrillic=cyrillic
        )
        if m.level == 0:
            return f"middle names differ ({a.given[1]} / {b.given[1]})"
    return ""


def _compare_parsed(a: PersonName, b: PersonName) -> NameComparison:
    surname = compare_surnames(a.surname, b.surname, cross_script=a.cyrillic != b.cyrillic)
    given = _given_match(a, b)
    complete = a.has_given and b.has_given
    reasons: list[str] = []
    if surname.level == 0:
        reasons.append(f"surname differs ({a.display_surname()} / {b.display_surname()})")
        return NameComparison(
            round(DIFFERENT_SURNAME * given.level), surname, given, reasons, complete
        )
    reasons.append(
        "surname " + ("matches" if surname.how == "same" else f"matches ({surname.how})")
    )
    if given.level == 0:
        reasons.append(
            f"given name differs ({a.given[0]} / {b.given[0]}, {given.how})"
            if given.how != "different"
            else f"given name differs ({a.given[0]} / {b.given[0]})"
        )
        return NameComparison(SHARED_SURNAME_ONLY, surname, given, reasons, complete)
    if given.how.startswith("another case form") and surname.how == "inflected form":
        # "Романа Селезнёва": both names in the same grammatical case.
        given = PartMatch(0.9, "both names in another grammatical case")
    if given.how == "missing":
        reasons.append("no given name to compare")
    else:
        reasons.append(
            "given name " + ("matches" if given.how == "same" else f"matches ({given.how})")
        )
    score = 100 * (SURNAME_WEIGHT * surname.level + GIVEN_WEIGHT * given.level)
    conflict = _middle_conflict(a, b)
    if conflict:
        score -= MIDDLE_CONFLICT_PENALTY
        reasons.append(conflict)
    return NameComparison(round(max(0.0, score)), surname, given, reasons, complete)


def _double_surname(name: PersonName) -> PersonName | None:
    """ "María García López" read with a double surname, when it may have one."""
    if len(name.given) < 2 or name.patronymic or len(name.surname) != 1:
        return None
    return PersonName(
        original=name.original,
        given=name.given[:-1],
        given_original=name.given_original[:-1],
        patronymic="",
        surname=(name.given[-1], *name.surname),
        cyrillic=name.cyrillic,
    )


def compare(a: str, b: str) -> NameComparison:
    """How far two written names can be the same person, with the reasons."""
    pa, pb = parse(a), parse(b)
    best = _compare_parsed(pa, pb)
    # A double surname written without a hyphen is read both ways; it counts only when it
    # lines up with a double surname on the other side.
    for left, right in ((_double_surname(pa), pb), (pa, _double_surname(pb))):
        if left is None or right is None or len(left.surname) != len(right.surname):
            continue
        other = _compare_parsed(left, right)
        if other.score > best.score:
            best = other
    da, db = _double_surname(pa), _double_surname(pb)
    if da is not None and db is not None:
        other = _compare_parsed(da, db)
        if other.score > best.score:
            best = other
    # "Wang Wei" / "Wei Wang": two-word names are also tried in the other order.
    for left, right in ((pa, pb), (pb, pa)):
        if len(left.given) == 1 and len(left.surname) == 1 and left.patronymic == "":
            swapped = PersonName(
                original=left.original,
                given=left.surname,
                given_original=left.surname,
                patronymic="",
                surname=left.given,
                cyrillic=left.cyrillic,
            )
            other = _compare_parsed(swapped, right) if left is pa else _compare_parsed(pa, swapped)
            if other.score > best.score and other.surname.level >= 0.95:
                other.score -= 5
                other.reasons.append("name order reversed")
                best = other
    return best
