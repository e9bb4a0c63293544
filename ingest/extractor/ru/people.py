"""The people a Russian article names: natasha's person spans brought to the nominative,
grouped into one person per surname, and told apart into officials (посол, консул, адвокат,
прокурор, судья, министр, пресс-секретарь...) and the others."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .nlp import Analysis, PersonSpan, lemma, parses
from .places import demonym_country
from .translit import passport

# Words for officials and others whom a named person's title marks as not detained.
TITLES = frozenset(
    [
        "посол",
        "генконсул",
        "консул",
        "министр",
        "замминистра",
        "замглава",
        "глава",
        "пресс-секретарь",
        "секретарь",
        "адвокат",
        "защитник",
        "юрист",
        "прокурор",
        "генпрокурор",
        "судья",
        "представитель",
        "посланник",
        "спецпосланник",
        "госсекретарь",
        "дипломат",
        "патриарх",
        "губернатор",
        "следователь",
        "омбудсмен",
        "омбудсман",
        "уполномоченный",
        "заведующий",
        "начальник",
        "руководитель",
        "сенатор",
        "депутат",
        "мэр",
        "заместитель",
        "советник",
        "директор",
        "президент",
        "премьер",
        "премьер-министр",
        "спикер",
        "председатель",
        "канцлер",
        "король",
        "корреспондент",
        "журналист",
        "атташе",
        "пресс-атташе",
        "официальный",
        "постпред",
        "эксперт",
        "аналитик",
        "политолог",
        "правозащитник",
        "заведовать",
        "заведующий",
        "уполномочить",
        "замглавы",
        "замдиректора",
        "вице-президент",
        "вице-премьер",
        "пресс-служба",
        "генсек",
        "генпрокурор",
        "консул-советник",
        "вице-консул",
        "поверенный",
        "тренер",
        "политик",
        "правитель",
        "диктатор",
    ]
)
# Diplomatic and consular posts: a person named with one is never the one held, whatever
# the sentences around report ("генконсул Алексей Марков" speaking of Russians in prison).
DIPLOMATIC = frozenset(
    ["посол", "генконсул", "консул", "вице-консул", "консул-советник", "атташе", "пресс-атташе",
     "дипломат", "посланник", "спецпосланник", "поверенный", "постпред"]
)  # fmt: skip
# Staff words that are a post when a diplomatic mission follows ("сотрудник посольства",
# "заведующая консульским отделом посольства").
_STAFF = frozenset(
    ["сотрудник", "сотрудница", "работник", "представитель", "глава", "заведующий",
     "заведующая", "секретарь", "советник", "руководитель", "начальник"]
)  # fmt: skip
_MISSION = re.compile(
    r"(?i)^\s*(?:\S+\s+){0,2}?(?:посольств|консульств|генконсульств|генеральн\w+\s+консульств|"
    r"дипмисси|дипломатическ\w+\s+мисси|консульск)"
)
# A relative of an official ("сына губернатора Артема Усса") is named after the official's
# title: the title is not theirs.
RELATIVES = frozenset(
    ["сын", "дочь", "жена", "муж", "отец", "мать", "брат", "сестра", "супруга", "супруг"]
)
_HELD_BEFORE_TITLE = re.compile(
    r"(?i)(?:задержанн|арестованн|осужденн|осуждённ|заключенн|заключённ|похищенн)\w*\s+$"
)
_PREPOSITIONS = frozenset(
    ["с", "со", "к", "ко", "у", "о", "об", "обо", "для", "при", "без", "от", "до", "на", "за",
     "по", "из", "над", "под", "перед", "через", "про"]
)  # fmt: skip
_NAME_TAGS = ("Name", "Surn", "Patr")
_HELD_IN_CLAUSE = re.compile(
    r"[^,;.!?()«»\"—–]{0,40}?\b(?:задержа|арестова|осуди|осужд|приговор|посадил|похитил)",
    re.IGNORECASE,
)
# A body named after its head ("Ведомству Сергея Лаврова", "администрации Байдена"): the head
# is an official.
_BODIES = frozenset(
    ["ведомство", "министерство", "правительство", "администрация", "кабинет", "аппарат",
     "канцелярия", "минюст", "мид", "пресс-служба", "режим"]
)  # fmt: skip
# Heads of state and government are officials whatever case a foreign name seems to be in
# ("с президентом Финляндии Саули Ниинистё", where the dictionary reads "Саули" as genitive).
_HEAD_TITLES = frozenset(["президент", "премьер", "премьер-министр", "канцлер", "король"])
# A reporter is quoted in most stories, but is the one held where the sentence speaks of custody.
_PRESS_TITLES = frozenset(["журналист", "корреспондент", "тренер"])
_CUSTODY = re.compile(
    r"(?i)(?:содерж\w*\s+(?:в|под)|задержа|арестова|осужд|заключ[её]нн|сизо|тюрьм|колони|"
    r"под\s+страж|обвиняе|приговор|в\s+плену|пленн|заложник|похи[тщ]|удержива|обмен)"
)


@dataclass
class Person:
    pid: int
    name: str  # Cyrillic, nominative
    spans: list[PersonSpan] = field(default_factory=list)
    official: bool = False  # a title (or a relationship) names them as someone not held
    diplomat: bool = False  # the title is a diplomatic or consular post

    @property
    def surname(self) -> str:
        return _key(self.name.split()[-1])


def _key(word: str) -> str:
    return word.lower().replace("ё", "е")


def _is_name_word(word: str) -> bool:
    found = parses(word.lower())
    if not found:
        return True
    if any(any(t in p.tag for t in _NAME_TAGS) for p in found):
        return True
    # Not in the dictionary: a foreign or rare surname ("Блэк", "Усок").
    return not found[0].is_known


def _clean_span(span: PersonSpan, previous: str = "") -> PersonSpan | None:
    """Drops leading words that are no part of a name ("Россиянина Артура Петрова"). A
    capitalised word inside a sentence that is neither a title nor a nationality is kept,
    though the dictionary knows it as a common word ("дочь Миру Тэрада")."""
    if span.listed:
        return span  # a given name and a surname by their place in a list of names
    tokens = list(span.tokens)
    while len(tokens) > 1 and not _is_name_word(tokens[0].text):
        if _inside_sentence(previous) and not _describes(tokens[0].text):
            break
        tokens.pop(0)
    if len(tokens) == 1 and not _is_name_word(tokens[0].text):
        found = parses(tokens[0].text.lower())
        if found and found[0].tag.POS != "NOUN":
            return None
        if found and demonym_country(found[0].normal_form):
            return None
    if not tokens:
        return None
    text = " ".join(t.text for t in tokens)
    normal = span.normal
    if len(tokens) != len(span.tokens):
        normal = " ".join(normal.split()[len(span.tokens) - len(tokens) :]) or text
    return PersonSpan(text, normal, tokens[0].start, tokens[-1].end, tuple(tokens))


def _inside_sentence(previous: str) -> bool:
    return bool(previous) and previous[-1:].isalpha() and previous[:1].islower()


def _describes(word: str) -> bool:
    """A word that says who someone is rather than naming them: a title, a nationality, a
    relative."""
    found = parses(word.lower())
    normal = found[0].normal_form if found else word.lower()
    return (
        normal in TITLES
        or normal in RELATIVES
        or demonym_country(normal) is not None
        or any(p.tag.POS != "NOUN" for p in found[:1])
    )


def nominative_name(span: PersonSpan) -> str:
    """The name in the nominative. The given name's case and sex decide how each other word
    is read ("Ксению Карелину" → "Ксения Карелина", "Гордона Блэка" → "Гордон Блэк"); a
    word that does not decline stays as written ("Ирину Усок")."""
    words = [t.text for t in span.tokens]
    natasha = span.normal.split()
    if len(natasha) != len(words):
        natasha = words
    if len(words) == 2 and given_name_first(" ".join(words)) != " ".join(words):
        # "Смирнова Алексея": surname first; read (and give) it as "Алексей Смирнов"
        words, natasha = words[::-1], words[::-1]
    given = [p for p in parses(words[0].lower()) if "Name" in p.tag and p.tag.number == "sing"]
    if len(words) > 1 and not _agreeing(given, words[-1]):
        # "Уэйлоном Гринвудом", "Брэдда Норта": a foreign given name the dictionary only
        # guesses at; the reading in the surname's case and sex is the one meant
        given = _given_by_agreement(words) or given
    if len(words) > 1 and not given:
        out = _foreign_nominative(words, natasha)
        return _restore_yo(" ".join(_title(w) for w in out), span.text)
    if len(words) == 1 or not given:
        out = natasha
    else:
        # The reading of the given name whose case and sex the surname shares ("Анне
        # Зайцевой" is Анна in the dative, not the name Анне).
        surname_readings = [p for p in parses(words[-1].lower()) if "Surn" in p.tag]
        declined = sorted(given, key=lambda g: "Fixd" in g.tag)
        family = bool(surname_readings) and all(p.tag.number == "plur" for p in surname_readings)
        first = next(
            (
                g
                for g in declined
                if any(
                    s.tag.case == g.tag.case
                    and (s.tag.gender == g.tag.gender or s.tag.number == "plur")
                    for s in surname_readings
                )
            ),
            given[0],
        )
        listed_after = span.tokens[-1].start < span.tokens[0].start
        if family and listed_after and any(g.tag.case == "nomn" for g in given):
            # "Полина" of "семьи Сорокиных": a given name listed after the family's surname
            # is in its own case, not the surname's
            first = next(g for g in given if g.tag.case == "nomn")
        case, gender = first.tag.case, first.tag.gender
        out = [_title(first.inflect({"nomn"}).word if first.inflect({"nomn"}) else natasha[0])]
        for word in words[1:]:
            if case == "nomn":
                out.append(_one_of_family(word, gender) if listed_after else word)
                continue
            options = [
                p
                for p in parses(word.lower())
                if p.tag.case == case
                and p.tag.number != "plur"
                and (p.tag.gender in (gender, None) or "Fixd" in p.tag)
            ]
            options.sort(key=lambda p: not any(t in p.tag for t in _NAME_TAGS))
            form = options[0].inflect({"nomn"}) if options else None
            if form is None:
                # "Анны Дульцевых": a family's surname, in the singular of the given name's sex
                shared = [
                    p
                    for p in parses(word.lower())
                    if "Surn" in p.tag and p.tag.number == "plur" and p.tag.case == case
                ]
                form = shared[0].inflect({"nomn", "sing", str(gender)}) if shared else None
            out.append(_title(form.word) if form else _unknown_surname(word, case, gender))
    return _restore_yo(" ".join(_title(w) for w in out), span.text)


def _listed_in_family(span: PersonSpan) -> bool:
    """A given name listed after the family's surname it is read with ("семьи Сорокиных —
    Глеб, его жена Вера")."""
    return len(span.tokens) == 2 and span.tokens[-1].start < span.tokens[0].start


def _one_of_family(word: str, gender) -> str:
    """ "Вера" of "семьи Сорокиных": a family's surname in the plural, in the singular of
    the given name's sex (Сорокина); any other word as written."""
    readings = [p for p in parses(word.lower()) if "Surn" in p.tag]
    if not readings or any(p.tag.number == "sing" for p in readings):
        return word
    form = readings[0].inflect({"nomn", "sing", str(gender)})
    return _title(form.word) if form else word


def _agreeing(given: list, surname: str) -> bool:
    """Whether a reading of the given name shares a case and sex with one of the surname's
    (or the surname has no reading as one to tell by)."""
    readings = [p for p in parses(surname.lower()) if "Surn" in p.tag] or _name_readings(surname)
    if not readings:
        return bool(given)
    return any(
        s.tag.case == g.tag.case and (s.tag.gender == g.tag.gender or s.tag.number == "plur")
        for g in given
        for s in readings
    )


def _foreign_nominative(words: list[str], natasha: list[str]) -> list[str]:
    """ "Брэдда Дэниела Харпера": no word is a given name the dictionary knows in the case of
    the surname, but the surname is one it knows, only in oblique cases. Each word is read
    in that case: a known name by the dictionary, an unknown one by its ending."""
    readings = [p for p in parses(words[-1].lower()) if "Surn" in p.tag and p.tag.number == "sing"]
    cases = {p.tag.case for p in readings}
    if not readings or "nomn" in cases or len({p.tag.gender for p in readings}) != 1:
        return natasha
    case = readings[0].tag.case
    gender = readings[0].tag.gender
    out = []
    for word in words:
        known = [
            p
            for p in parses(word.lower())
            if any(t in p.tag for t in ("Name", "Surn"))
            and p.tag.case == case
            and p.tag.number == "sing"
            and p.tag.gender in (gender, None)
        ]
        form = known[0].inflect({"nomn"}) if known else None
        out.append(form.word if form else _foreign_by_ending(word, case, gender))
    return out


def _name_readings(word: str) -> list:
    """A name word's readings as a name; for a word the dictionary does not know at all
    ("Гринвудом"), its guessed readings as a noun."""
    readings = parses(word.lower())
    named = [p for p in readings if any(t in p.tag for t in ("Name", "Surn"))]
    if named or (readings and readings[0].is_known):
        return named
    return [p for p in readings if p.tag.POS == "NOUN"]


def _given_by_agreement(words: list[str]) -> list:
    """A foreign given name the dictionary does not know as one ("Тревора Лоу", "Лорана
    Клода Жан-Поля Марсо"): read in the case and sex of a later name word that is not in
    the nominative."""
    first = parses(words[0].lower())
    for word in words[1:]:
        for later in _name_readings(word):
            if later.tag.number != "sing":
                continue
            if later.tag.case in (None, "nomn"):
                continue
            for reading in first:
                if (
                    reading.tag.POS == "NOUN"
                    and reading.tag.number == "sing"
                    and reading.tag.case == later.tag.case
                    and reading.tag.gender == later.tag.gender
                ):
                    return [reading]
    return []


def given_name_first(name: str) -> str:
    """A name written surname first ("Тэрада Мира", "Иванов Иван") in the usual order: when
    the last of two words is a given name and the first is none."""
    words = name.split()
    if len(words) != 2:
        return name
    first, last = (parses(w.lower()) for w in words)
    if _given(last) and not _given(first) and any("Surn" in p.tag for p in first[:2]):
        return f"{words[1]} {words[0]}"
    return name


def _given(readings) -> bool:
    return any("Name" in p.tag and p.tag.number == "sing" for p in readings[:2])


# Endings of Russian surnames in the oblique cases, and their nominative, by sex.
_SURNAME_ENDINGS = {
    "masc": (("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ова", "ов"), ("ева", "ев"),
             ("ина", "ин"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ове", "ов"),
             ("еве", "ев"), ("ине", "ин"), ("ского", "ский"), ("скому", "ский"),
             ("ским", "ский"), ("ском", "ский")),
    "femn": (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ову", "ова"), ("еву", "ева"),
             ("ину", "ина"), ("ской", "ская"), ("скую", "ская")),
}  # fmt: skip


# A foreign man's name word declined like a noun, by case: the ending and its nominative
# ("Брэдда": Брэдд). Only "у" is left alone: many foreign surnames end so undeclined.
_FOREIGN_ENDINGS = {
    "gent": (("а", ""), ("я", "ь")),
    "accs": (("а", ""), ("я", "ь")),
    "ablt": (("ом", ""), ("ем", "ь")),
}
_VOWELS = "аеёиоуыэюя"


def _surname_by_ending(word: str, case, gender) -> str:
    """A surname the dictionary does not know, brought to the nominative by its ending."""
    if str(case) != "nomn":
        for ending, nominative in _SURNAME_ENDINGS.get(str(gender), ()):
            if word.lower().endswith(ending):
                return word[: -len(ending)] + nominative
    return word


def _unknown_surname(word: str, case, gender) -> str:
    """A surname the dictionary cannot decline: a Russian one by its ending, else a foreign
    man's declined like a noun ("Джона Беннета": Беннет)."""
    found = _surname_by_ending(word, case, gender)
    if found != word or any("Surn" in p.tag for p in parses(word.lower())):
        return found
    return _foreign_by_ending(word, case, gender)


def _foreign_by_ending(word: str, case, gender) -> str:
    """A foreign man's name word the dictionary does not know, brought to the nominative
    by its ending in a case the rest of the name shows."""
    if str(gender) == "masc" and "-" not in word:
        for ending, nominative in _FOREIGN_ENDINGS.get(str(case), ()):
            stem = word[: -len(ending)]
            if word.lower().endswith(ending) and len(stem) >= 2:
                if stem[-1].lower() in _VOWELS:
                    if nominative == "ь":
                        return stem + "й"  # "Гайдая": Гайдай
                    continue
                return stem + nominative
    return word


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _restore_yo(normal: str, surface: str) -> str:
    """natasha writes ё as е; the text's own ё is put back ("Селезнёва" → "Селезнёв")."""
    if "ё" not in surface.lower():
        return normal
    out = list(normal)
    for word_index, (n_word, s_word) in enumerate(
        zip(normal.split(), surface.split(), strict=False)
    ):
        offset = sum(len(w) + 1 for w in normal.split()[:word_index])
        for i, (a, b) in enumerate(zip(n_word, s_word, strict=False)):
            if b in "ёЁ" and a in "еЕ":
                out[offset + i] = "ё" if a == "е" else "Ё"
    return "".join(out)


def _bucket(surname: str) -> str:
    return surname[:4]


def _buckets(surname: str) -> list[str]:
    """Where a surname's forms are looked up: a short one in a soft sign ("Ротель") keeps its
    bucket only in the nominative, so its oblique forms ("Ротеля") look there too."""
    keys = [_bucket(surname)]
    if len(surname) <= 5 and surname[-1:] in "яюе":
        keys.append(_bucket(surname[:-1] + "ь"))
    elif len(surname) <= 6 and surname.endswith("ем"):
        keys.append(_bucket(surname[:-2] + "ь"))
    elif len(surname) <= 4 and surname.endswith("ь"):
        keys.append(_bucket(surname[:-1] + "я"))
        keys.append(_bucket(surname[:-1] + "ю"))
        keys.append(_bucket(surname[:-1] + "е"))
    return list(dict.fromkeys(keys))


def group_people(analysis: Analysis) -> list[Person]:
    """One person per surname: a full name founds a person; a surname or a given name alone
    joins the person it belongs to; a lone surname that recurs is a person of its own.
    People are looked up by the start of their surname and by given name, never compared
    with every other, so the work grows with the number of mentions."""
    at = {t.start: i for i, t in enumerate(analysis.tokens)}
    spans = [
        s
        for s in (
            _clean_span(p, analysis.tokens[at[p.start] - 1].text if at.get(p.start) else "")
            for p in analysis.people
        )
        if s is not None
    ]
    spans = _family_members(_coordinated_given_names(_joined(spans, analysis), analysis), analysis)
    people: list[Person] = []
    by_surname: dict[str, list[Person]] = {}
    by_given: dict[str, list[Person]] = {}
    for span in spans:
        if len(span.tokens) < 2:
            continue
        name = nominative_name(span)
        surname = _key(name.split()[-1])
        given = _key(name.split()[0])
        same = next(
            (
                p
                for key in _buckets(surname)
                for p in by_surname.get(key, ())
                # Same given name: "Денис Соколов" and "Ольга Соколова" are two people.
                if (
                    _key(p.name.split()[0]) == given
                    # "Лоран" and "Лорана" before one undeclined surname: one name misread
                    or (p.surname == surname and _same_surname(_key(p.name.split()[0]), given))
                    # "Майк Доусон" and "Майкл Доусон": a short form of the given name
                    or _full_given(_key(p.name.split()[0])) == _full_given(given)
                    # "Брэдд Дэниел Харпер" and "Дэниел Харпер": a middle name he goes by
                    or _middle_name(p.name, name)
                    or _middle_name(name, p.name)
                    # "Эрлона Кохмера", "Эрлону Кохмеру": a given name the dictionary does
                    # not know, declined with the surname
                    or (
                        not _given(parses(given))
                        and _one_stem(_key(p.name.split()[0]), given)
                        and _one_stem(p.surname, surname)
                    )
                )
                and (
                    _same_surname(p.surname, surname)
                    or p.surname.startswith(surname)
                    or surname.startswith(p.surname)
                    # "Бориса Ротеля", "Борис Ротель": one given name, its surname declined
                    or (_key(p.name.split()[0]) == given and _one_stem(p.surname, surname))
                )
            ),
            None,
        )
        if same is None:
            same = Person(len(people), name, [span])
            people.append(same)
            by_surname.setdefault(_bucket(surname), []).append(same)
            by_given.setdefault(given, []).append(same)
        else:
            if (
                len(name.split()) > len(same.name.split())
                and "Patr" not in str(parses(name.split()[1].lower())[0].tag)
                and not _middle_name(name, same.name)
            ):
                same.name = name
            same.spans.append(span)
    # "Джона Митчелла Орлова", later "Митчелл": a name of three words that is no
    # patronymic is a second surname the text may use alone.
    by_middle: dict[str, Person] = {}
    for person in people:
        words = person.name.split()
        if len(words) == 3 and not any("Patr" in p.tag for p in parses(words[1].lower())[:2]):
            by_middle.setdefault(_key(words[1]), person)
    singles: dict[str, list[PersonSpan]] = {}
    for span in sorted(spans + _unmarked_surnames(analysis, spans, people), key=_start):
        if len(span.tokens) != 1:
            continue
        word = span.tokens[0].text
        forms = {_key(span.normal), _key(word), _key(lemma(word))}
        candidates = [p for f in forms for key in _buckets(f) for p in by_surname.get(key, ())]
        owner = (
            next((p for p in candidates if p.surname in forms), None)
            or next(
                (p for p in candidates if any(_same_surname(p.surname, f) for f in forms)), None
            )
            # "Ротеля" of Борис Ротель: a surname in a soft sign, declined
            or next((p for p in candidates if any(_soft_forms(p.surname, f) for f in forms)), None)
        )
        if owner is None:
            owner = next((p for f in forms for p in by_given.get(f, ())), None)
        if owner is None:
            owner = next((by_middle[f] for f in forms if f in by_middle), None)
        if owner is not None:
            owner.spans.append(span)
            if _family(word):
                # "лишения Дульцевых": the plural surname names every one of that family
                for other in candidates:
                    if (
                        other is not owner
                        and span not in other.spans
                        and any(_same_surname(other.surname, f) for f in forms)
                    ):
                        other.spans.append(span)
            continue
        if any("Name" in p.tag for p in parses(word.lower())[:1]):
            continue  # a given name alone is nobody we can record
        if lemma(word) in TITLES or lemma(word) in DIPLOMATIC:
            continue  # "Генконсул в Нью-Йорке допустил ...": a post read as a name
        singles.setdefault(_key(span.normal), []).append(span)
    for group in singles.values():
        word = group[0].tokens[0].text
        readings = parses(word.lower())
        surname = any("Surn" in p.tag for p in readings)
        if not surname and (len(group) < 2 or (readings and readings[0].tag.POS == "VERB")):
            continue  # a one-off capitalised word is no person to record
        people.append(Person(len(people), _title(group[0].normal), group))
    for person in people:
        person.spans.sort(key=lambda s: s.start)
        _settle_declined_words(person)
    _join_latin_names(people)
    return people


# Short forms of foreign given names, as Russian news write them, and the full name.
_SHORT_GIVEN = {
    "рик": "ричард", "дик": "ричард", "боб": "роберт", "роб": "роберт", "майк": "майкл",
    "билл": "уильям", "джим": "джеймс", "том": "томас", "ник": "николас", "дэн": "дэниел",
    "стив": "стивен", "дэйв": "дэвид", "тони": "энтони", "крис": "кристофер",
    "мэтт": "мэттью", "джо": "джозеф", "бен": "бенджамин", "сэм": "сэмюэл", "энди": "эндрю",
    "алекс": "александр", "джефф": "джеффри", "тед": "эдвард", "эд": "эдвард",
}  # fmt: skip


def _full_given(given: str) -> str:
    return _SHORT_GIVEN.get(given, given)


_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*)+$")


def _skeleton(word: str) -> str:
    """A Latin surname's consonants, once each: "Dawson" and "Douson" (from Доусон) agree."""
    consonants = re.sub(r"[aeiouyw'-]", "", word.lower())
    return re.sub(r"(.)\1+", r"\1", consonants)


def _join_latin_names(people: list[Person]) -> None:
    """ "Michael Dawson" beside "Майкл Доусон": a name the text also writes in Latin
    letters (a quoted post, a signature) is the same person."""
    cyrillic = {}
    for person in people:
        if person.spans and not _LATIN_NAME.match(person.name):
            words = person.name.split()
            key = (passport(words[0])[:1].lower(), _skeleton(passport(words[-1])))
            cyrillic.setdefault(key, person)
    for person in people:
        if not person.spans or not _LATIN_NAME.match(person.name):
            continue
        words = person.name.split()
        target = cyrillic.get((words[0][:1].lower(), _skeleton(words[-1])))
        if target is not None:
            target.spans = sorted(target.spans + person.spans, key=lambda s: s.start)
            person.spans = []


# The endings a name word that declines like a noun takes ("Кохмер": Кохмера, Кохмеру,
# Кохмером; "Дубина": Дубины, Дубине, Дубину, Дубиной).
_NOUN_ENDINGS = frozenset(["", "а", "я", "у", "ю", "ом", "ем", "е", "и", "ы", "ой", "ей"])
# The endings of a man's surname in a soft sign ("Ротель": Ротеля, Ротелю, Ротелем, Ротеле).
_SOFT_ENDINGS = frozenset(["я", "ю", "ем", "е"])
# Endings only a word of the first declension (its nominative in -а/-я) takes.
_FIRST_DECLENSION = frozenset(["и", "ы", "ой", "ей"])


def _settle_declined_words(person: Person) -> None:
    """A name word the dictionary cannot decline ("Дубины" read as a plural noun, "Эрлона"
    as no name) is brought to the nominative by the forms the text writes it in: one stem
    with several noun endings is a man's name ending in a consonant ("Эрлона", "Эрлону":
    Эрлон), or a name in -а when an ending only such words take is among them ("Анны
    Дубины", later "Дубина": Дубина)."""
    words = person.name.split()
    if len(words) < 2:
        return
    given = [p for p in parses(words[0].lower())[:2] if "Name" in p.tag]
    given = [p for p in given if p.tag.number == "sing"]
    feminine = bool(given) and given[0].tag.gender == "femn"
    for position in (0, len(words) - 1):
        forms = {
            span.tokens[position if position == 0 else -1].text.replace("ё", "е")
            for span in person.spans
            if len(span.tokens) == len(words) or (position and len(span.tokens) == 1)
        }
        if position == 0 and _given(parses(words[0].lower())):
            continue  # a given name the dictionary knows is declined right
        if len(forms) < 2:
            continue
        stem = _common_start(forms)
        endings = {form[len(stem) :].lower() for form in forms}
        if (
            position
            and not feminine
            and "ь" in endings
            and endings - {"ь"} <= _SOFT_ENDINGS
            and len(stem) >= 2
        ):
            # "Ротеля", "Ротелю", "Ротель": a man's surname in a soft sign
            words[position] = _restore_yo(_title(stem + "ь"), words[position])
            continue
        if len(stem) < 3 or not endings <= _NOUN_ENDINGS or stem[-1].lower() in "аеёиоуыэюяь":
            continue
        if endings & _FIRST_DECLENSION or (feminine and position):
            soft = bool(endings & {"я", "ю", "ей"})
            settled = stem + ("я" if soft else "а")
        elif feminine:
            continue
        elif endings <= {"а", "у"} and _noun_in_a(stem):
            settled = stem + "а"  # "Сову", "Сова": a word the dictionary knows ends in "а"
        else:
            settled = stem
        if _key(settled) != _key(words[position]):
            words[position] = _restore_yo(_title(settled), words[position])
    person.name = " ".join(words)


def _middle_name(full: str, short: str) -> bool:
    """Whether a name of three words has the given name of a name of two as its middle one
    (not a patronymic): "Брэдд Дэниел Харпер" and "Дэниел Харпер"."""
    long_words, short_words = full.split(), short.split()
    return (
        len(long_words) == 3
        and len(short_words) == 2
        and _key(long_words[1]) == _key(short_words[0])
        and not any("Patr" in p.tag for p in parses(long_words[1].lower())[:2])
    )


def _noun_in_a(stem: str) -> bool:
    """Whether the dictionary knows the stem with "а" as a noun, and the stem alone as none."""
    with_a = parses(stem.lower() + "а")
    alone = parses(stem.lower())
    return any(p.tag.POS == "NOUN" and p.normal_form == stem.lower() + "а" for p in with_a) and (
        not any(p.tag.POS == "NOUN" and p.normal_form == stem.lower() for p in alone)
    )


def _common_start(forms: set[str]) -> str:
    first, *rest = sorted(forms)
    size = len(first)
    for other in rest:
        size = min(size, len(other))
        while size and other[:size].lower() != first[:size].lower():
            size -= 1
    return first[:size]


def _start(span: PersonSpan) -> int:
    return span.start


def _unmarked_surnames(
    analysis: Analysis, spans: list[PersonSpan], people: list[Person]
) -> list[PersonSpan]:
    """A surname that is also a common word ("Буря был арестован") is often not found as a
    name when it stands alone; once the full name is found, a capitalised word of that
    surname (in any case) is a mention of the person."""
    surnames: dict[str, list[str]] = {}
    for person in people:
        if len(person.surname) >= 4:
            surnames.setdefault(_bucket(person.surname), []).append(person.surname)
    if not surnames:
        return []
    covered = [(s.start, s.end) for s in spans]
    covered.sort()
    starts = [c[0] for c in covered]
    found = []
    for token in analysis.tokens:
        word = token.text
        if len(word) < 4 or not word[:1].isupper() or not word[1:].islower():
            continue
        key = _key(word)
        known = [s for b in _buckets(key) for s in surnames.get(b, ())]
        if not any(_same_surname(s, key) or _soft_forms(s, key) for s in known):
            continue
        at = bisect.bisect_right(starts, token.start) - 1
        if at >= 0 and covered[at][0] <= token.start < covered[at][1]:
            continue
        found.append(PersonSpan(word, word, token.start, token.end, (token,)))
    return found


def _family(word: str) -> bool:
    """A surname in the plural ("Дульцевых"): the family, not one person."""
    readings = [p for p in parses(word.lower())[:4] if "Surn" in p.tag]
    return bool(readings) and all(p.tag.number == "plur" for p in readings)


def _only_given(word: str) -> bool:
    readings = parses(word.lower())[:3]
    return any("Name" in p.tag for p in readings) and not any("Surn" in p.tag for p in readings)


def _joined(spans: list[PersonSpan], analysis: Analysis) -> list[PersonSpan]:
    """One name found as two ("Лорана Клода" and "Жан-Поль Марсо" side by side): a span
    that ends on a given name and is followed at once by another in the same sentence (a
    line break ends one) is one name with it."""
    starts = [start for start, _end in analysis.sentences]
    out: list[PersonSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and span.start - last.end == 1
            and bisect.bisect_right(starts, last.start) == bisect.bisect_right(starts, span.start)
            and len(last.tokens) >= 2
            and _only_given(last.tokens[-1].text)
        ):
            tokens = last.tokens + span.tokens
            text = f"{last.text} {span.text}"
            out[-1] = PersonSpan(text, text, last.start, span.end, tokens)
            continue
        out.append(span)
    return out


def _coordinated_given_names(spans: list[PersonSpan], analysis: Analysis) -> list[PersonSpan]:
    """ "Артема и Анны Дульцевых": a given name alone joined by "и" to a full name whose
    surname is in the plural shares that surname. The given name's span keeps its own place
    in the text and reads the surname from the other."""
    starts = {t.start: i for i, t in enumerate(analysis.tokens)}
    out = list(spans)
    for index, span in enumerate(spans[:-1]):
        after = spans[index + 1]
        if len(span.tokens) != 1 or len(after.tokens) < 2 or not _only_given(span.text):
            continue
        at = starts.get(span.start)
        if at is None or at + 2 >= len(analysis.tokens):
            continue
        if (
            analysis.tokens[at + 1].text.lower() != "и"
            or analysis.tokens[at + 2].start != after.start
        ):
            continue
        surname = after.tokens[-1]
        if not any(
            "Surn" in p.tag and p.tag.number == "plur" for p in parses(surname.text.lower())[:3]
        ):
            continue
        out[index] = PersonSpan(span.text, span.text, span.start, span.end, (*span.tokens, surname))
    return out


# Between a family's surname and the list of its members' given names ("семьи Сорокиных —
# Глеб, его жена Вера и дочь Полина"), and between two names of that list: the words
# between, joined by spaces.
_FAMILY_OPENS = re.compile(r"[—–:(,-]")
_FAMILY_JOINT = re.compile(r"(?:,|, и|и|а также)(?: (?:его|её|ее|их))?(?: [а-яё-]+)?")


def _family_members(spans: list[PersonSpan], analysis: Analysis) -> list[PersonSpan]:
    """ "семьи Сорокиных — Глеб, его жена Вера и дочь Полина", "супруги Ивановы, Олег и
    Мария": given names listed right after a family's surname in the plural each read with
    that surname, one person each."""
    starts = [t.start for t in analysis.tokens]
    sentence_starts = [s for s, _e in analysis.sentences]
    out = list(spans)
    for index, span in enumerate(spans):
        if len(span.tokens) != 1 or not _family(span.text):
            continue
        sentence = bisect.bisect_right(sentence_starts, span.start)
        previous = span
        for item in spans[index + 1 :]:
            if len(item.tokens) != 1 or not _only_given(item.text):
                break
            if bisect.bisect_right(sentence_starts, item.start) != sentence:
                break
            low = bisect.bisect_left(starts, previous.end)
            high = bisect.bisect_left(starts, item.start)
            between = " ".join(t.text for t in analysis.tokens[low:high])
            pattern = _FAMILY_OPENS if previous is span else _FAMILY_JOINT
            if not pattern.fullmatch(between):
                break
            at = out.index(item)
            out[at] = PersonSpan(
                item.text, item.text, item.start, item.end, (*item.tokens, *span.tokens)
            )
            previous = item
    return out


def _soft_forms(surname: str, word: str) -> bool:
    """ "Ротель" and "Ротеля": a surname in a soft sign and a declined form of it."""
    return surname.endswith("ь") and _one_stem(surname, word)


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2) or (
        _one_stem(a, b) and len(short) >= 5
    )


def _one_stem(a: str, b: str) -> bool:
    """Two forms of one word declined like a noun ("дубине", "дубины"; "эрлона", "эрлону")."""
    stem = _common_start({a, b})
    return (
        len(stem) >= 3
        and len(stem) >= max(len(a), len(b)) - 2
        and {a[len(stem) :].lower(), b[len(stem) :].lower()} <= _NOUN_ENDINGS | {"ь"}
    )


_TITLE_WORD = re.compile(r"[А-Яа-яЁё-]+")


def mark_officials(text: str, sentences: list[tuple[int, int]], people: list[Person]) -> None:
    """A person is an official when a title stands before one of their mentions in the same
    phrase ("генконсул РФ в Бергене Олег Лунин", "адвокат Селезнева Игорь
    Литвак": the title is the second name's) or after it as an apposition ("X, посол
    России"). A title after a word of detention is the detainee's ("задержанному
    представителю ЛНР Андрею Косяку")."""
    mentions = sorted(
        ((span.start, span.end, person) for person in people for span in person.spans),
        key=lambda m: (m[0], m[1]),
    )
    starts = [m[0] for m in mentions]
    sentence_starts = [s for s, _e in sentences]
    for person in people:
        if (
            person.spans
            and all(
                _on_a_line_alone(text, span)
                or _on_a_credit_line(text, span)
                or _in_a_dateline(text, span)
                or _COMMEMORATED.search(text, max(0, span.start - 40), span.start)
                for span in person.spans
            )
            or (
                person.spans
                and len(person.name.split()) == 1
                and all(
                    _QUOTE_SPEAKER.search(text, max(0, s.start - 40), s.start) for s in person.spans
                )
            )
        ):
            # «...», — сказал Черных: one named only as the speaker of quotes is a source
            # a byline or a photo credit: the writer, not one held; a monument or a street
            # named after someone: no one in the story
            person.official = True
    for position, (start, end, person) in enumerate(mentions):
        if person.official:
            continue
        following = mentions[position + 1] if position + 1 < len(mentions) else None
        if following and 0 <= following[0] - end <= 1 and following[2] is not person:
            continue  # "адвокат Селезнева Игорь Литвак": the possessor is no lawyer
        at = bisect.bisect_right(sentence_starts, start) - 1
        sentence_start = sentence_starts[at] if at >= 0 else 0
        before = text[max(sentence_start, start - 90) : start]
        before = re.split(r"[.;:!?()«»\"“”—–]|,\s", before)[-1]
        phrase_start = start - len(before)
        words = list(_TITLE_WORD.finditer(before))
        # "его мать Ольга Соколова": a relative named beside the person held is not held,
        # unless the clause says the relative is ("её дочь Миру Тэрада задержали").
        relative = _relative_before(before, words)
        if (
            relative is not None
            and not _listed_in_family(_span_at(person, start))
            and _cases_agree(relative, _span_at(person, start), person.name)
            and not _HELD_IN_CLAUSE.match(text, end)
        ):
            person.official = True
            continue
        if _SIGNER_BEFORE.search(before) and _nominative_form(_span_at(person, start), person.name):
            person.official = True  # "указ о помиловании подписал X": the head of state
            continue
        if _SIGNER_AFTER.match(text, end) or _VICTIM_BEFORE.search(before):
            person.official = True  # "X подписал указ"; "покушение на генерала X": the victim
            continue
        if "Ъ-" in _span_at(person, start).text:
            person.official = True  # "Ъ-" marks the newspaper's own correspondent
            continue
        # "Ведомству Сергея Лаврова": the head of a ministry or an administration.
        if (
            words
            and lemma(words[-1].group(0)) in _BODIES
            and words[-1].end() >= len(before) - 2
            and (
                not _nominative_form(_span_at(person, start), person.name)
                # "режим Ламберто": a foreign name that does not decline
                or person.name[-1:].lower() in _INDECLINABLE_ENDINGS
            )
        ):
            person.official = True
            continue
        sentence_text = text[
            sentence_start : sentence_starts[at + 1] if at + 1 < len(sentence_starts) else len(text)
        ]
        for m in reversed(words[-10:]):
            word_lemma = _title_lemma(m.group(0))
            if word_lemma in _PRESS_TITLES and _CUSTODY.search(sentence_text):
                continue  # "о содержащемся в сизо журналисте X": the reporter is the one held
            staff = word_lemma in _STAFF and _MISSION.match(before[m.end() :])
            if word_lemma not in TITLES and not staff:
                if _is_verb(m.group(0)):
                    break
                continue
            gap_words = before[m.end() :].split()
            if gap_words and gap_words[-1].lower() in _PREPOSITIONS:
                break  # "встречался консул с Бойко": the name is the one met, not the consul
            if not _cases_agree(m.group(0), _span_at(person, start), person.name) and not (
                word_lemma in _HEAD_TITLES and len(gap_words) <= 2
            ):
                continue
            if _other_person_between(mentions, starts, phrase_start + m.end(), start, person):
                break
            prior = before[: m.start()]
            previous = _TITLE_WORD.findall(prior)
            if _HELD_BEFORE_TITLE.search(prior) or (previous and lemma(previous[-1]) in RELATIVES):
                break
            person.official = True
            person.diplomat = bool(staff) or word_lemma in DIPLOMATIC
            break
        else:
            if _titled_apposition(text, sentence_start, start, end):
                person.official = True
                continue
            after = text[end : end + 60]
            m = re.match(r"\s*,\s*((?:[а-яё-]+\s+){0,2}?)([а-яё-]+)", after)
            if m and lemma(m.group(2)) in TITLES:
                person.official = True
                person.diplomat = lemma(m.group(2)) in DIPLOMATIC
            elif m and lemma(m.group(2)) in _STAFF and _MISSION.match(after[m.end() :]):
                person.official = person.diplomat = True  # "X, сотрудник посольства"


def _title_lemma(word: str) -> str:
    """The lemma of a word before a name, as a title: a former office holder's
    ("экс-президент") is the office's, and a compound post that is no known title as a whole
    ("советник-посланник", "министром-советником") is read by its last part."""
    word_lemma = lemma(word)
    if word_lemma.startswith("экс-"):
        return word_lemma[4:]
    if "-" in word and word_lemma not in TITLES:
        last = lemma(word.rsplit("-", 1)[1])
        if last in TITLES:
            return last
    return word_lemma


# Who signs a decree, a pardon or a law: a head of state or government, never the one held.
_SIGNED = r"(?:указ\w*|закон\w*|распоряжени\w*|помиловани\w*)"
_SIGNER_BEFORE = re.compile(
    r"(?i)\b" + _SIGNED + r"\b[^.;!?]{0,80}?\bподписал[аи]?\s+(?:[а-яё-]+\s+){0,2}$"
)
_SIGNER_AFTER = re.compile(
    r"(?i)\s*(?:[а-яё-]+\s+){0,2}?(?:подписал[аи]?\s+(?:[а-яё-]+\s+){0,2}?"
    + _SIGNED
    + r"|помиловал[аи]?\b)"
)
# "покушение на генерала X", "убийство X": the victim of the crime, not one held.
_VICTIM_BEFORE = re.compile(
    r"(?i)(?:\b(?:покушени|нападени|посягательств)\w*\s+на\s+|\bубийств\w*\s+|\bжертв\w*\s+)"
    r"(?:[а-яё-]+\s+){0,2}$"
)


def _titled_apposition(text: str, sentence_start: int, start: int, end: int) -> bool:
    """ "Адвокат обвиняемого, Джейсон Уорд, заявил": a name set off by commas right after
    a title and the words it governs names who holds the title."""
    if not re.match(r"\s*,", text[end : end + 3]):
        return False
    before = text[max(sentence_start, start - 60) : start]
    m = re.search(r"(?:^|[.;:!?()«»\"“”—–,]\s*)([А-ЯЁа-яё-]+(?:\s+[а-яё-]+){0,3})\s*,\s*$", before)
    if not m:
        return False
    words = m.group(1).split()
    return lemma(words[0]) in TITLES and not any(_is_verb(w) for w in words)


# «...», — сказал X: the one a quotation is attributed to.
_QUOTE_SPEAKER = re.compile(r"[»\"”]\s*,?\s*[—–-]\s*(?:[а-яё]+\s+){1,2}$")


def _on_a_line_alone(text: str, span: PersonSpan) -> bool:
    """A full name that is the whole of its line ("Иван Петров" under a headline)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    return (
        len(span.tokens) >= 2
        and not text[line_start : span.start].strip()
        and not text[span.end : line_end].strip(" \t.")
    )


# "Фото © РИА Новости/Иван Петров", "Фото: Иван Петров": a line that credits a picture.
_CREDIT_LINE = re.compile(r"^\s*(?:Фото|Фотография|Иллюстрация|Источник\s+фото)\b|©")


def _on_a_credit_line(text: str, span: PersonSpan) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(line) <= 120 and bool(_CREDIT_LINE.search(line))


# "/Корр. ТАСС Иван Петров/": the reporter of a news agency's dateline.
_DATELINE_BEFORE = re.compile(r"(?i)/\s*(?:спец)?корр(?:\.|еспондент\w*)[^/\n]{0,40}$")
_DATELINE_AFTER = re.compile(r"[^/\n]{0,5}/")


def _in_a_dateline(text: str, span: PersonSpan) -> bool:
    return bool(
        _DATELINE_BEFORE.search(text, max(0, span.start - 60), span.start)
        and _DATELINE_AFTER.match(text, span.end)
    )


# "памятник Борису Ельцину", "больница имени Ивана Петрова", "улица Ленина": a name given to
# a thing, not a person the story is about ("по имени Иван" names the person).
_COMMEMORATED = re.compile(
    r"(?i)(?<![\w-])(?:памятник\w*|монумент\w*|бюст\w*|мемориал\w*|стату[яиеюй]\w*|"
    r"(?<!по\s)имени|им\.|в\s+честь|в\s+память\s+о|улиц[аеуыи]\w*|проспект\w*|площад[иь]\w*)\s+$"
)


def _relative_before(before: str, words: list[re.Match]) -> str | None:
    """The word for a relative right before a name, or before a possessor in the genitive
    that comes between ("сын бывшего узника Андрей Ткачук")."""
    if not words or words[-1].end() < len(before) - 2:
        return None
    for back in range(1, min(4, len(words)) + 1):
        word = words[-back].group(0)
        if lemma(word) in RELATIVES:
            between = before[words[-back].end() : words[-1].end()]
            return word if not re.search(r"[^\w\s-]", between) else None
        if back == 1 and _HELD_BEFORE_TITLE.search(before):
            return None  # "сын задержанного Ивана Лосева": the name is the one held
        if not any(
            p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF")
            for p in parses(word.lower())
        ):
            return None
    return None


_ALIAS = re.compile(
    r"(?i)(?:называ\w+\s+себя|выдава\w+\s+себя\s+за|представля\w+\s+(?:себя\s+)?как|"
    r"под\s+(?:именем|фамилией|видом)|по\s+паспорту\s+на\s+имя|на\s+имя|"
    # "Игорю Сомову, ранее известному как Глеб Лапин": a former name
    r"(?:ранее|прежде|также|более)\s+известн\w+\s+как|известн\w+\s+(?:также\s+)?как|"
    r"урожд[её]нн\w+|"
    # "Олег Сизов по прозвищу «Сыч»": a nickname
    r"по\s+(?:прозвищу|кличке)|с\s+позывным)"
    r"\s+(?:[а-яё-]+\s+){0,4}[«\"„“]?$"
)


def merge_aliases(text: str, sentences: list[tuple[int, int]], people: list[Person]) -> None:
    """A name someone went by ("называвший себя профессором из Бразилии Жозе Ассиса",
    "въехал под именем Александр Горвиц") is the real person's, not another person: its
    mentions join the other person named in the sentence (the next one, else the one
    before)."""
    mentions = sorted(
        ((span.start, span.end, person) for person in people for span in person.spans),
        key=lambda m: (m[0], m[1]),
    )
    starts = [s for s, _e in sentences]
    for start, _end, person in mentions:
        if not _ALIAS.search(text[max(0, start - 60) : start]):
            continue
        at = bisect.bisect_right(starts, start) - 1
        low = starts[at] if at >= 0 else 0
        high = starts[at + 1] if at + 1 < len(starts) else len(text)
        others = [m for m in mentions if low <= m[0] < high and m[2] is not person]
        target = next((m[2] for m in others if m[0] > start), None) or next(
            (m[2] for m in reversed(others) if m[0] < start), None
        )
        if target is None or not person.spans:
            continue
        target.spans = sorted(target.spans + person.spans, key=lambda s: s.start)
        person.spans = []
    _merge_bracketed_names(text, mentions)


def _merge_bracketed_names(text: str, mentions: list[tuple[int, int, Person]]) -> None:
    """ "Майкл Зоттоли (Михаил Куцик)": a name, then another in brackets right after it, is
    one person under two names. The person keeps the name the story repeats more; when both
    are written as often, the one in brackets (a list of agents' cover names gives their own
    in brackets)."""
    for (_start, end, person), (inner_start, inner_end, inner) in zip(
        mentions, mentions[1:], strict=False
    ):
        if inner is person or not person.spans or not inner.spans:
            continue
        if not re.fullmatch(r"\s*\(\s*", text[end:inner_start]):
            continue
        if not re.match(r"\s*\)", text[inner_end : inner_end + 3]):
            continue
        keep, other = (person, inner) if len(person.spans) > len(inner.spans) else (inner, person)
        keep.spans = sorted(keep.spans + other.spans, key=lambda s: s.start)
        other.spans = []


def _nominative_form(span: PersonSpan, nominative: str) -> bool:
    """Whether a mention is written as the person's nominative name (its last word)."""
    return _key(span.text.split()[-1]) == _key(nominative.split()[-1])


def _span_at(person: Person, start: int) -> PersonSpan:
    return next(s for s in person.spans if s.start == start)


# Foreign given names ending so ("Саули", "Марио", "Ху") are not declined in Russian.
_INDECLINABLE_ENDINGS = frozenset("иоуеюэё")


def _cases_agree(title: str, span: PersonSpan, nominative: str = "") -> bool:
    """ "генконсул Сергей", "спецпосланником Стивом" agree; "консулов с Грибом" and a plural
    title before one name do not. A
    name the dictionary does not know is in the nominative when natasha leaves it as it is.
    A surname written otherwise than the person's nominative ("Адвокат Буркова" of Алексей
    Бурков) is not in the nominative, even where a woman's surname would read so."""
    title_parses = [p for p in parses(title.lower()) if p.tag.case]
    if title_parses and all(p.tag.number == "plur" for p in title_parses):
        return False  # "жалоба адвокатов Клюшина": the lawyers are Klyushin's, not him
    title_cases = {str(p.tag.case) for p in title_parses}
    word = span.text.split()[0]
    readings = parses(word.lower())
    named = [p for p in readings if any(t in p.tag for t in _NAME_TAGS) and p.tag.number != "plur"]
    if named:
        name_cases = {str(p.tag.case) for p in named if p.tag.case}
    elif word.lower()[-1:] in _INDECLINABLE_ENDINGS:
        return True  # "с президентом Финляндии Саули Ниинистё": a foreign name keeps its form
    elif span.text == span.normal:
        name_cases = {"nomn"}
    else:
        name_cases = {str(p.tag.case) for p in readings if p.tag.case}
    if (
        len(nominative.split()) >= 2  # the given name tells the sex
        and len(span.text.split()) == 1
        and not _nominative_form(span, nominative)
    ):
        name_cases.discard("nomn")
        if not name_cases:
            return False
    if not title_cases or not name_cases:
        return True
    return bool(title_cases & name_cases)


def _is_verb(word: str) -> bool:
    found = parses(word.lower())
    return bool(found) and found[0].tag.POS in ("VERB", "GRND")


def _other_person_between(mentions, starts, low: int, high: int, person: Person) -> bool:
    """Another name between the title and this one is the title's, unless it stands right
    before this one as its possessor ("адвокат Селезнева Игорь Литвак")."""
    first = bisect.bisect_left(starts, low)
    last = bisect.bisect_left(starts, high)
    for _start, end, other in mentions[first:last]:
        if other is person or end > high:
            continue
        if high - end <= 1:
            continue
        return True
    return False
