"""Reading a Russian article into the extractor's records: the same `Detainee` dataclasses
the English rules produce, so review, matching and accepting do not know the language."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..records import (
    Arrest,
    Charge,
    ConsularVisit,
    CountryFact,
    CourtSentence,
    Detainee,
    Extradition,
    Facility,
    MaxPenalty,
    NameMention,
    Nationality,
    Span,
)
from . import translit
from .dates import DateMention, find_dates
from .events import REMAND_HEADS, Event, charge_events, find_places, sentence_events
from .nlp import analyse, fix_lookalikes, lemma, parses
from .people import (
    DIPLOMATIC,
    TITLES,
    Person,
    given_name_first,
    group_people,
    mark_officials,
    merge_aliases,
)
from .places import (
    CITIZEN_NOUNS,
    CYRILLIC_NAME_COUNTRIES,
    adjective_country,
    country_for,
    demonym_country,
)

_FOCUS_REACH = 3  # sentences a person stays "he" or "the Russian" after being named
_DATED_KINDS = frozenset(
    ["detained", "charged", "convicted", "released", "deported", "exchanged", "extradition",
     "term", "fine", "visit", "access_denied"]
)  # fmt: skip
_EVIDENCE = frozenset(
    ["detained", "charged", "convicted", "released", "deported", "exchanged", "extradition",
     "term", "max_penalty", "fine", "charge", "visit", "access_denied", "facility"]
)  # fmt: skip
# What only accuses someone: a person the text reports no more of was charged, never held.
_ACCUSED_ONLY = frozenset(["charged", "charge", "max_penalty"])
_STATUS_RANK = {"detained": 1, "charged": 2, "extradited": 3, "convicted": 4}
_TERMINAL = ("exchanged", "deported", "released")


@dataclass
class _Owned:
    event: Event
    sentence: int
    start: int  # offsets into the whole text
    end: int
    date: str | None
    owners: tuple[int, ...] = ()
    visitor: str | None = None


@dataclass
class _Article:
    text: str
    offset: int
    published: dt.date | None
    sentences: list[tuple[int, int]]  # offsets into the whole text
    people: list[Person]
    mentions: list[tuple[int, int, int, int]] = field(
        default_factory=list
    )  # start, end, pid, sentence
    events: list[_Owned] = field(default_factory=list)
    by_sentence: dict[int, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    _places: dict[int, list] = field(default_factory=dict)
    _votes: Counter | None = None
    first_place: dict[str, int] = field(default_factory=dict)
    owned_by: dict[int, list[_Owned]] = field(default_factory=dict)
    described: dict[int, int | None] = field(default_factory=dict)  # sentence -> person
    _codes: dict[int, set[str]] = field(default_factory=dict)

    @cached_property
    def story_people(self) -> tuple[str, Span] | None:
        """The one people the story names in the plural (`_count_story_people`), found once."""
        return _count_story_people(self)

    def codes(self, pid: int) -> set[str]:
        """The nationalities the words beside a person's names give, found once."""
        if pid not in self._codes:
            self._codes[pid] = {n.country for n in _nationalities(self, self.people[pid])}
        return self._codes[pid]

    def places(self, index: int) -> list:
        """The places named in one sentence, found once."""
        if index not in self._places:
            self._places[index] = find_places(self.sentence_text(index))
        return self._places[index]

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def span(self, index: int) -> Span:
        start, end = self.sentences[index]
        return Span(start, end)


def read_russian(text: str, offset: int, published: dt.date | None) -> tuple[Detainee, ...]:
    """The detainees of a Russian article. `offset` is where the body starts in `text`
    (after a `Published:` line); every span indexes `text`."""
    original = text
    body = fix_lookalikes(text[offset:])
    text = text[:offset] + body
    analysis = analyse(body)
    people = group_people(analysis)
    sentences = [(offset + s, offset + e) for s, e in analysis.sentences]
    mark_officials(body, list(analysis.sentences), people)
    merge_aliases(body, list(analysis.sentences), people)
    article = _Article(text, offset, published, sentences, people)
    for person in people:
        for span in person.spans:
            start, end = offset + span.start, offset + span.end
            article.mentions.append((start, end, person.pid, _sentence_of(sentences, start)))
    article.mentions.sort()
    for mention in article.mentions:
        article.by_sentence.setdefault(mention[3], []).append(mention)
    article.first_place = _first_places(article)
    _find_events(article)
    if _clear_misread_officials(article):
        article.events = []
        _find_events(article)
    for owned in article.events:
        for pid in owned.owners:
            article.owned_by.setdefault(pid, []).append(owned)
    records = []
    for person in people:
        record = _detainee(article, person, original)
        if record is not None:
            records.append(record)
    return tuple(records)


def _sentence_of(sentences: list[tuple[int, int]], position: int) -> int:
    index = bisect.bisect_right(sentences, (position, float("inf"))) - 1
    return min(max(0, index), max(0, len(sentences) - 1))


# --- events and who they are about --------------------------------------------------------


def _eligible(article: _Article, pid: int) -> bool:
    return not article.people[pid].official


def _sentence_mentions(article: _Article, index: int, eligible_only: bool = True):
    return [
        m
        for m in article.by_sentence.get(index, ())
        if not eligible_only or _eligible(article, m[2])
    ]


def _described(article: _Article, index: int) -> int | None:
    """ "российского лётчика задержали": a sentence that names nobody but describes someone
    by nationality is about the last person named before whose nationality that is, not
    simply the last one named ("обменяли на американского студента X")."""
    if index in article.described:
        return article.described[index]
    found = None
    if not _sentence_mentions(article, index):
        described = _nationality_words(article.sentence_text(index))
        if described:
            codes = set(described[0][0])
            start = article.sentences[index][0]
            earlier = [m for m in reversed(article.mentions) if m[0] < start]
            earlier = [m for m in earlier if _eligible(article, m[2])]
            # one of that nationality; else one whose nationality the text does not give
            found = next((m[2] for m in earlier if codes & article.codes(m[2])), None)
            if found is None:
                found = next((m[2] for m in earlier if not article.codes(m[2])), None)
    article.described[index] = found
    return found


def _focus(article: _Article, index: int) -> int | None:
    """The person "he" is: the last non-official person named (or described by nationality)
    in the sentences before. A line of a word or two (a rubric, a caption) is no sentence
    that puts him out of mind."""
    described = _described(article, index)
    if described is not None:
        return described
    reach = _FOCUS_REACH
    earlier = index - 1
    while earlier >= 0 and reach > 0:
        named = _sentence_mentions(article, earlier)
        if named:
            return named[-1][2]
        if article.described.get(earlier) is not None:
            return article.described[earlier]
        line = article.sentence_text(earlier).strip()
        if len(line.split()) > 3 or re.search(r"[.!?…»\"]$", line):
            reach -= 1
        earlier -= 1
    if article.mentions and article.mentions[0][3] >= index:
        # Before anyone is named (a headline, a lead): the first person named after.
        later = [m for m in article.mentions if _eligible(article, m[2])]
        return later[0][2] if later else None
    return None


def _owners(
    article: _Article, index: int, start: int, end: int, visit: bool = False
) -> tuple[int, ...]:
    mentions = _sentence_mentions(article, index)
    counted = _GROUP_BEFORE_NAMES.search(article.sentence_text(index)) if not mentions else None
    if counted:
        group = _first_list(article, index)
        if len(group) == _GROUP_SIZES[counted.group().lower()[:3]]:
            # "Пятеро граждан Сербии задержаны": before anyone is named, a group counted in
            # the lead is the list of names that follows it.
            return group
    if visit:
        # The one visited or kept from a visit is the object, never the one trying to visit
        # ("консул Геннадий Брескаленко не может попасть к соотечественнице").
        mentions = [m for m in mentions if not _nominative(article, m)]
    if not mentions:
        if _ALL_OF_THEM.search(article.sentence_text(index)):
            listed = _named_before(article, index)
            if listed:
                return listed  # "Ранее все они признали вину": each of those just named
        focus = _focus(article, index)
        return _with_coordinated(article, index, focus) if focus is not None else ()

    def distance(m) -> int:
        if m[1] <= start:
            return start - m[1]
        return max(0, m[0] - end)

    nearest = min(mentions, key=distance)
    # a family's surname is a mention of each of them
    owners = [m[2] for m in mentions if m[0] == nearest[0] and m[1] == nearest[1]]
    if nearest[0] >= end:
        # "выдала граждан России Ивана Лосева и Петра Гусева": the coordinated names
        # after the verb share it.
        previous = nearest
        for at, m in enumerate(mentions):
            if m[0] <= previous[0]:
                continue
            if at + 1 < len(mentions) and 0 <= mentions[at + 1][0] - m[1] <= 1:
                continue  # "фонда Смирнова Ирина Белова": the possessor of a description
            between = article.text[previous[1] : m[0]]
            joined = _JOINED_BY_AND.search(between) or _LIST_JOINT.fullmatch(between)
            if joined and m[2] not in owners:
                owners.append(m[2])
                previous = m
            elif m[2] == previous[2]:
                previous = m
    else:
        # "Ивана Лосева и Петра Гусева, обвиняемых в ...": a phrase after a list of
        # names is about all of them.
        _add_listed_before(article, [m for m in mentions if m[1] <= nearest[0]], nearest, owners)
    return tuple(owners)


# "все они", "они все", "все десятеро": everyone the sentence before named.
_ALL_OF_THEM = re.compile(
    r"(?i)(?<![\w-])(?:все\s+они|они\s+все|всех\s+их|все\s+(?:трое|четверо|пятеро|шестеро|"
    r"семеро|восьмеро|девятеро|десятеро))(?![\w-])"
)


def _named_before(article: _Article, index: int) -> tuple[int, ...]:
    """The people, officials aside, named in the sentence before `index`, in order."""
    if index == 0:
        return ()
    found: list[int] = []
    for mention in _sentence_mentions(article, index - 1):
        if mention[2] not in found and not article.people[mention[2]].official:
            found.append(mention[2])
    return tuple(found)


# The first letters of a collective number, and how many it counts.
_GROUP_SIZES = {"дво": 2, "тро": 3, "тре": 3, "чет": 4, "пят": 5, "шес": 6, "сем": 7, "вос": 8}
_GROUP_BEFORE_NAMES = re.compile(
    r"(?i)(?<![\w-])(?:двое|трое|четверо|пятеро|шестеро|семеро|восьмеро|двоих|троих|"
    r"четверых|пятерых|шестерых|семерых)(?![\w-])"
)


def _first_list(article: _Article, index: int) -> tuple[int, ...]:
    """The people of the first list of names after sentence `index`, when no one is named
    before it: the first name and those joined to it by "и" or a comma."""
    later = [m for m in article.mentions if _eligible(article, m[2])]
    if not later or later[0][3] <= index or any(m[3] <= index for m in article.mentions):
        return ()
    first = later[0]
    owners, previous = [first[2]], first
    for m in later[1:]:
        if m[3] != first[3]:
            break
        if re.fullmatch(r"\s*(?:,\s*|\s+и\s+)", article.text[previous[1] : m[0]]):
            if m[2] not in owners:
                owners.append(m[2])
            previous = m
        else:
            break
    return tuple(owners) if len(owners) > 1 else ()


# A relative named in a list of a family's members.
_RELATIVE = r"(?:жена|супруга|муж|супруг|сын|дочь|брат|сестра|мать|отец)"
# The words that join the names of a list: "и", "а также".
_AND = r"(?:и|а\s+также|и\s+также)"
# "X и Y", "X и бывшая сотрудница фонда Y", "X, а также 40-летний Y": the next name of a
# list, with its description.
_JOINED_BY_AND = re.compile(r"(?:^|\s|,)" + _AND + r"\s+(?:[\dА-Яа-яЁё-]+\s+){0,5}$")
# What stands between two names of one list read backwards from its last name: a comma, or
# "и" / "а также" with a short lowercase description of the next one ("и 19-летний").
_LIST_JOINT = re.compile(
    r"\s*(?:,\s*|,?\s+" + _AND + r"\s+(?:[\dа-яё-]+\s+){0,3}|"
    # "Глеб, его жена Вера и дочь Полина": the members of a family
    r",\s*(?:(?:его|её|ее|их)\s+)?" + _RELATIVE + r"\s+|"
    # "Роман Глотов («Гром»), Илья Сазонов": a nickname in brackets after a name
    r"\s*\([^()]{1,40}\)\s*(?:,\s*|,?\s+" + _AND + r"\s+(?:[\dа-яё-]+\s+){0,3}))"
)


def _add_listed_before(article: _Article, earlier: list, last, owners: list[int]) -> None:
    """Adds to `owners` the people of `earlier` (mentions before `last`, in text order) joined
    to `last` by "и" or a comma, walking back from it until the list ends."""
    current = last
    for m in reversed(earlier):
        between = article.text[m[1] : current[0]]
        if _LIST_JOINT.fullmatch(between) and m[2] not in owners:
            owners.append(m[2])
            current = m
        else:
            break


def _with_coordinated(article: _Article, index: int, pid: int) -> tuple[int, ...]:
    """The person "they" are: the one named last, with the names joined to that mention by
    "и" or a comma ("Артема и Анны Дульцевых")."""
    before = [m for m in article.mentions if m[3] < index and _eligible(article, m[2])]
    last = next((m for m in reversed(before) if m[2] == pid), None)
    if last is None:
        return (pid,)
    owners = [pid]
    same_sentence = [m for m in before if m[1] <= last[0] and m[3] == last[3]]
    _add_listed_before(article, same_sentence, last, owners)
    return tuple(owners)


def _exchanged_for(
    article: _Article, index: int, end: int, owners: tuple[int, ...]
) -> tuple[int, ...]:
    """ "X обменян на Y": Y was exchanged too."""
    others: list[int] = []
    for m in _sentence_mentions(article, index):
        if (
            m[0] >= end
            and m[2] not in owners
            and m[2] not in others
            and re.search(r"(?i)\bна\s+(?:\S+\s+){0,3}$", article.text[end : m[0]])
        ):
            others.append(m[2])
    return tuple(others)


def _nominative(article: _Article, mention) -> bool:
    for span in article.people[mention[2]].spans:
        if article.offset + span.start == mention[0]:
            words = span.text.split()
            return words == span.normal.split() and any(
                "Name" in p.tag and p.tag.case == "nomn" for p in parses(words[0].lower())
            )
    return False


_CUT_WORD = re.compile(r"\s+\S*[^\W\d_]$")


def _whole_words(sentence: str) -> str:
    """An excerpt cut off in the middle of a word ("обвиняют его в незак") is read up to its
    last whole word."""
    return sentence[: m.start()] if (m := _CUT_WORD.search(sentence)) else sentence


def _find_events(article: _Article) -> None:
    for index, (s_start, s_end) in enumerate(article.sentences):
        sentence = article.text[s_start:s_end]
        following = article.sentence_text(index + 1) if index + 1 < len(article.sentences) else ""
        preceding = article.sentence_text(index - 1) if index else ""
        events = sentence_events(sentence, following, preceding)
        if index == len(article.sentences) - 1 and _whole_words(sentence) != sentence:
            # a charge read into the cut word is no charge
            events = [e for e in events if e.kind != "charge"]
            events += charge_events(_whole_words(sentence))
        dates = find_dates(sentence, article.published)
        date_of = _dates_to_events(events, dates)
        for number, event in enumerate(events):
            start, end = s_start + event.start, s_start + event.end
            if event.kind == "facility" and any(
                m[0] < end and start < m[1] for m in article.by_sentence.get(index, ())
            ):
                continue  # "в тюрьме Тревора Рида": the name is a person's, not the prison's
            owned = _Owned(event, index, start, end, date_of.get(number))
            owned.owners = _owners(
                article, index, start, end, visit=event.kind in ("visit", "access_denied")
            )
            if event.kind == "exchanged":
                owned.owners += _exchanged_for(article, index, end, owned.owners)
                if owned.owners and all(
                    m[0] >= end for m in article.by_sentence.get(index, ()) if m[2] in owned.owners
                ):
                    # "Он отпущен в результате обмена гражданина Италии X": X is the
                    # other side of the exchange; the one it is told of was exchanged too.
                    focus = _focus(article, index)
                    if focus is not None and focus not in owned.owners:
                        owned.owners += (focus,)
            if event.kind in ("visit", "access_denied"):
                owned.visitor = _visitor(article, index, start, end)
            article.events.append(owned)
        for found in _nationality_words(sentence):
            start, end = s_start + found[1], s_start + found[2]
            if any(
                m[0] <= end + 2 and start <= m[1] + 60
                for m in _sentence_mentions(article, index, eligible_only=False)
            ):
                # beside a name: read with the name (`_nationalities`), an official's too
                # ("российский журналист X" is no word on the person held)
                continue
            if _others_possessed(sentence, found[1], found[2]) or _actors(sentence, found[2]):
                continue
            owned = _Owned(
                Event("citizenship", found[1], found[2], False, {"codes": found[0]}),
                index,
                start,
                end,
                None,
            )
            owned.owners = _owners(article, index, start, end)
            article.events.append(owned)


def _others_possessed(sentence: str, start: int, end: int) -> bool:
    """ "кража со счетов канадцев": a people in the plural genitive after a noun are those
    the thing belongs to (victims, say), not the person held."""
    words = sentence[start:end].split()
    before = _WORD.findall(sentence[max(0, start - 30) : start])
    if len(words) != 1 or not before:
        return False
    plural = any(
        p.tag.number == "plur" and p.tag.case == "gent" for p in parses(words[0].lower())[:1]
    )
    return plural and any(p.tag.POS == "NOUN" for p in parses(before[-1].lower())[:1])


def _actors(sentence: str, end: int) -> bool:
    """ "Россияне захватили его": a people in the plural doing the deed are its actors, not
    the nationality of the person it was done to."""
    words = _WORD.findall(sentence[end : end + 40])
    if not words:
        return False
    subject = parses(sentence[:end].split()[-1].lower().strip('«»"“”„'))[:1]
    verb = parses(words[0].lower())[:1]
    return bool(
        subject
        and verb
        and subject[0].tag.number == "plur"
        and subject[0].tag.case == "nomn"
        and verb[0].tag.POS == "VERB"
        and verb[0].normal_form != "быть"
    )


_STRONG = frozenset(["detained", "convicted", "term"])


def _clear_misread_officials(article: _Article) -> bool:
    """A title read into a name by mistake ("по словам адвоката Бутиной": Butina's lawyer,
    not Butina the lawyer) is undone when the person is the only one named in two sentences
    that report them held or sentenced."""
    changed = False
    strong = {
        o.sentence for o in article.events if o.event.kind in _STRONG and not o.event.hypothetical
    }
    named_in: dict[int, set[int]] = {}
    for mention in article.mentions:
        named_in.setdefault(mention[2], set()).add(mention[3])
    for person in article.people:
        if not person.official or person.diplomat:
            continue
        sentences = named_in.get(person.pid, set())
        alone = {
            index
            for index in sentences
            if {m[2] for m in article.by_sentence.get(index, ())} == {person.pid}
        }
        held = alone & strong
        if len(held) >= 2:
            person.official = False
            changed = True
    return changed


def _gap(event: Event, date: DateMention) -> int:
    if event.end <= date.start:
        return date.start - event.end
    return max(0, event.start - date.end)


def _attributive(event: Event) -> bool:
    """An event told by a full participle in an oblique case ("задержанного",
    "осуждённому"): a description of the person, not what the sentence reports."""
    word = event.data.get("word", "")
    if not word or " " in word:
        return False
    found = parses(word.lower())[:1]
    return bool(found) and found[0].tag.POS == "PRTF" and found[0].tag.case != "nomn"


def _dates_to_events(events: list[Event], dates: list[DateMention]) -> dict[int, str | None]:
    """Each date goes to the dated event nearest to it in the sentence."""
    out: dict[int, str | None] = {}
    candidates = [(i, e) for i, e in enumerate(events) if e.kind in _DATED_KINDS]
    for date in dates:
        if not candidates:
            break
        # "9 августа задержанного на Кипре россиянина экстрадировали": a date before a
        # participle that describes the person dates the verb of the sentence
        fitting = [
            item for item in candidates if not (date.end <= item[1].start and _attributive(item[1]))
        ] or candidates
        index, event = min(fitting, key=lambda item: _gap(item[1], date))
        if _gap(event, date) <= 90 and index not in out:
            out[index] = date.value
            for j, other in candidates:
                if other.kind == event.kind and j not in out and abs(other.start - event.start) < 5:
                    out[j] = date.value
    return out


def _visitor(article: _Article, index: int, start: int, end: int) -> str | None:
    """The official named in the visit's own clause ("генконсул Сергей Овсянников посетил",
    "посетил в тюрьме генконсул Сергей Овсянников")."""
    s_start, s_end = article.sentences[index]
    text = article.text
    left = max(
        [s_start] + [m.end() + s_start for m in re.finditer(r"[,;:—–]\s", text[s_start:start])]
    )
    stop = re.search(r"[,;:—–]\s|$", text[end:s_end])
    right = end + (stop.start() if stop else 0)
    for m in article.by_sentence.get(index, ()):
        if left <= m[0] and m[1] <= right and article.people[m[2]].official:
            return translit.passport(article.people[m[2]].name)
    return None


# --- nationality --------------------------------------------------------------------------

_WORD = re.compile(r"[А-Яа-яЁё-]+")


def _nationality_words(
    text: str, country_before: str | None = None, names_follow: bool = False
) -> list[tuple[tuple[str, ...], int, int]]:
    """Demonyms ("россиянин"), country adjectives before a citizen word ("российского
    гражданина") and citizen words before a country ("гражданина России", "гражданство
    России и Германии"). With `names_follow` the text ends where names begin, and a plural
    noun last in it is those people ("российских агентов Артема и Анны Дульцевых")."""
    found: list[tuple[tuple[str, ...], int, int]] = []
    words = [(lemma(m.group(0)), m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    for i, (word, start, end, _surface) in enumerate(words):
        known = demonym_country(word)
        if known and known[1] == "demonym" and known[0]:
            if text[start - 1 : start] not in _QUOTES or text[end : end + 1] not in _QUOTES:
                found.append(((known[0],), start, end))
            continue  # "задержанный «канадец»": a nationality claimed, in quotes
        if known and known[1] == "adjective" and known[0] and i + 1 < len(words):
            following = parses(words[i + 1][3].lower())
            readings = {p.normal_form for p in following}
            # "украинская художница", "американского заключённого": a person of that country
            # (one person: "российским хакерам" is a group, not the one named before)
            # An official of a country ("американский адвокат") is no word on the one held;
            # its diplomats serve its nationals ("украинский консул").
            last = names_follow and i + 2 == len(words) and not text[words[i + 1][2] :].strip()
            person = any(
                p.tag.POS == "NOUN"
                and p.tag.animacy == "anim"
                and (p.tag.number == "sing" or last)
                and (p.normal_form not in TITLES or p.normal_form in DIPLOMATIC)
                for p in following[:1]
            )
            if _EXCHANGED_FOR.search(text[max(0, start - 40) : start]):
                continue  # "отпустили в обмен на трёх датских граждан": the others traded
            if person or readings & (CITIZEN_NOUNS | _PERSON_NOUNS):
                found.append(((known[0],), start, words[i + 1][2]))
            continue
        if (
            word in CITIZEN_NOUNS
            or (word in _HEADS_OF_STATE and i + 1 < len(words) and words[i + 1][0] == "страна")
            or (word in _SERVICE_NOUNS and names_follow and not _verb_after(words[i + 1 :]))
        ):
            codes: list[str] = []
            j = i + 1
            last = end
            while j < len(words):
                code, size = country_for(tuple(w[0] for w in words[j : j + 4]))
                if not size or not code:
                    break
                codes.append(code)
                last = words[j + size - 1][2]
                j += size
                if j < len(words) and words[j][0] == "и":
                    j += 1
                    continue
                break
            if not codes and j < len(words) and words[j][0] == "страна":
                # "арестовали гражданина страны": of the country named last before
                for k in range(i - 1, -1, -1):
                    code, size = country_for(tuple(w[0] for w in words[k : k + 3]))
                    if code and size:
                        codes.append(code)
                        break
                else:
                    if country_before:
                        codes.append(country_before)
                last = words[j][2]
            if codes:
                found.append((tuple(codes), start, last))
    return found


_QUOTES = frozenset('«»"“”„')
_EXCHANGED_FOR = re.compile(r"(?i)\bв\s+обмен\s+на\s+(?:[а-яё0-9-]+\s+){0,2}$")

# "двое военнослужащих Азербайджана — X и Y": a country's servicemen are its nationals, when
# no verb comes between them and the names ("военные Армении задержали X" is about others).
_SERVICE_NOUNS = frozenset(["военнослужащий", "солдат", "военный"])


def _verb_after(words: list[tuple[str, int, int, str]]) -> bool:
    return any(
        p.tag.POS in ("VERB", "INFN", "PRTS") for w in words for p in parses(w[3].lower())[:1]
    )


# A head of state, or a former one, is a national of the state ("экс-президент страны").
_HEADS_OF_STATE = frozenset(["президент", "экс-президент", "экс-премьер"])

# Nouns for a person that a country adjective before them makes a nationality
# ("американского заключенного", "российскую актрису").
_PERSON_NOUNS = frozenset(
    [
        "заключенный",
        "заключённый",
        "актриса",
        "актер",
        "бизнесмен",
        "предприниматель",
        "программист",
        "хакер",
        "турист",
        "журналист",
        "военный",
        "солдат",
        "студент",
        "студентка",
        "блогер",
        "спортсмен",
        "баскетболистка",
        "летчица",
        "лётчица",
        "пилот",
        "ученый",
        "моряк",
        "инженер",
        "политик",
        "оппозиционер",
        "активист",
        "гражданин",
        "гражданка",
        "бизнесвумен",
        "тренер",
        "летчик",
        "лётчик",
        "баскетболист",
        "хоккеист",
        "футболист",
        "теннисист",
        "агент",
        "разведчик",
        "художник",
        "музыкант",
        "писатель",
        "священник",
        "заключить",
    ]
)


def _country_before(article: _Article, index: int, position: int) -> str | None:
    """The country named last before a position, in its sentence or the two before."""
    for at in range(index, max(-1, index - 3), -1):
        s_start = article.sentences[at][0]
        named = [p for p in article.places(at) if not p.city and s_start + p.start < position]
        if named:
            return named[-1].code
    return None


_AGE_ONLY = re.compile(r"\s*(?:\d+-летн\w+\s*)?")


def _own_words_before(article: _Article, index: int, start: int) -> str:
    """The words before a name that can describe it: its phrase, back to the name of someone
    else ("чеченский активист X и участница штаба Y": Y is not the one described), except
    that names joined by "и" or a comma share the words before the first ("российских
    агентов Артема и Анны Дульцевых")."""
    s_start = article.sentences[index][0]
    earlier = [m for m in article.by_sentence.get(index, ()) if m[1] <= start]
    at = start
    while True:
        window = article.text[max(s_start, at - 60) : at]
        parts = re.split(r"[.;:!?()«»\"“”—–]|,\s", window)
        before = parts[-1]
        if len(parts) > 1 and _AGE_ONLY.fullmatch(before) and window[-len(before) - 1] in "—–":
            # "двое граждан Кении — 30-летний X": the phrase before the dash is the list's
            before = window[: len(window) - len(before)]
            before = re.split(r"[.;:!?()«»\"“”]|,\s", before[:-1])[-1] + " "
        phrase_start = at - len(before)
        others = [m for m in earlier if m[1] <= at and m[1] > phrase_start]
        if not others:
            break
        last = max(others, key=lambda m: m[1])
        if not _LIST_JOINT.fullmatch(article.text[last[1] : at]):
            before = article.text[last[1] : at]
            break
        at = last[0]
    return before


# "Кроме X, в экипаже есть граждане Армении": citizens in the plural that words of their
# own clause lead to are others; right after a dash they are the names listed before it.
_OTHERS_AFTER = re.compile(r"(?i)\s*,?\s*(?:[^\s—–-]+\s+){1,6}(?:граждане|подданные)\b")

# "выдавать «русского шпиона» X": a description a writer quotes, just before the name
_QUOTED_BEFORE = re.compile(r"[«\"„“][^«»\"“”„\n]{1,60}[»\"”“]\s*$")
# "Третий американец, X": a demonym set off by a comma before the name
_DEMONYM_COMMA_BEFORE = re.compile(r"[А-Яа-яЁё-]+\s*,\s*$")
# "X — кыргызстанец", "X, американец, был": a demonym set off after the name
_DEMONYM_AFTER = re.compile(r"\s*(?:,|—|–|-)\s*(?:\d+-летн[а-яё]+\s+)?(?P<word>[а-яё]+)")


# "Эстония передала США своего гражданина X": a citizen of the state that acts
_OWN_CITIZEN = re.compile(r"(?i)\bсво(?:его|ю|их|ему|ей|им)\s+(?:граждан|подданн)\w*\s+$")


def _subject_country(
    article: _Article, index: int, start: int
) -> list[tuple[tuple[str, ...], int, int]]:
    """The country that is the subject before a position: named last in the nominative."""
    s_start = article.sentences[index][0]
    named = [
        p
        for p in article.places(index)
        if not p.city and not p.preposition and p.case == "nomn" and s_start + p.end <= start
    ]
    return [((named[-1].code,), named[-1].start, named[-1].end)] if named else []


def _described_just_before(article: _Article, index: int, start: int) -> str:
    """The words that describe a name from outside its own phrase: a quoted description
    ("«русского разведчика» X") or a demonym and a comma ("Третий американец, X")."""
    s_start = article.sentences[index][0]
    window = article.text[max(s_start, start - 70) : start]
    quoted = _QUOTED_BEFORE.search(window)
    if quoted:
        return quoted.group(0)
    comma = _DEMONYM_COMMA_BEFORE.search(window)
    if comma:
        known = demonym_country(lemma(comma.group(0).rstrip(" ,")))
        if known and known[1] == "demonym":
            return comma.group(0)
    return ""


def _demonym_after(
    article: _Article, index: int, end: int
) -> list[tuple[tuple[str, ...], int, int]]:
    """ "Назар Аликулов — кыргызстанец": a demonym right after the name, set off by a dash or
    a comma, describes it unless another name follows it ("X, американец Y и Z": a list)."""
    s_end = article.sentences[index][1]
    m = _DEMONYM_AFTER.match(article.text, end, min(s_end, end + 40))
    if not m:
        return []
    known = demonym_country(lemma(m.group("word")))
    if not known or known[1] != "demonym" or not known[0]:
        return []
    after = article.text[m.end() : m.end() + 3]
    if any(m.end() <= o[0] <= m.end() + 2 for o in article.by_sentence.get(index, ())):
        return []
    if after[:1] in _QUOTES:
        return []
    return [((known[0],), m.start(), m.end())]


def _nationalities(article: _Article, person: Person) -> list[Nationality]:
    codes: dict[str, Span] = {}
    text = article.text
    for span in person.spans:
        start, end = article.offset + span.start, article.offset + span.end
        index = _sentence_of(article.sentences, start)
        s_end = article.sentences[index][1]
        before = _own_words_before(article, index, start)
        near = _nationality_words(before, _country_before(article, index, start), names_follow=True)
        if not near and not before.strip():
            near = _nationality_words(_described_just_before(article, index, start))
        if not near:
            near = _demonym_after(article, index, end)
        if not near and _OWN_CITIZEN.search(before):
            near = _subject_country(article, index, start)
        if near:
            for code in near[-1][0]:
                codes.setdefault(code, article.span(index))
        after = text[end : min(s_end, end + 80)]
        m = re.match(
            r"\s*,?\s*(?:(?:\S+\s+){0,5}?(?:(?:являющ\w+|является|имеющ\w+|как\s+к?|—|-)\s*)?)?"
            r"(?P<rest>(?:[а-яё]+\s+)?(?:граждан\w+|подданн\w+|гражданств\w+)(?:\s+\S+){0,4})",
            after,
        )
        if (
            m
            and not any(end < o[0] < end + m.end() for o in article.by_sentence.get(index, ()))
            and not _OTHERS_AFTER.match(after[: m.start("rest")] + m.group("rest"))
        ):
            found = _nationality_words(m.group("rest"))
            if found:
                for code in found[0][0]:
                    codes.setdefault(code, article.span(index))
    for owned in article.owned_by.get(person.pid, ()):
        if owned.event.kind == "citizenship":
            for code in owned.event.data["codes"]:
                codes.setdefault(code, article.span(owned.sentence))
            break
    return [Nationality(code, span) for code, span in codes.items()]


# --- places -------------------------------------------------------------------------------

_HOLDING = frozenset(["detained", "charged", "convicted", "term", "facility", "fine", "visit",
                      "access_denied", "max_penalty"])  # fmt: skip
_REQUEST = re.compile(
    r"(?i)(?:по\s+запросу|по\s+просьбе|по\s+ордеру|по\s+обращению)\s+"
    r"(?:(?!(?:в|во|на)\s)\S+\s+){0,2}$"
)
# "если в США докажут его вину": a condition, not where the person is
_CONDITION = re.compile(r"(?i)\bесли\b[^,;]*$")


def _country_votes(article: _Article, owned: list[_Owned]) -> Counter[str]:
    votes: Counter[str] = Counter()
    seen: set[int] = set()
    for item in owned:
        if item.event.kind in ("released", "exchanged", "deported") and not item.event.hypothetical:
            # "США освободили Артура Петрова": the state that frees someone held them
            s_start = article.sentences[item.sentence][0]
            for place in article.places(item.sentence):
                if not place.preposition and 0 <= item.start - (s_start + place.end) <= 2:
                    votes[place.code] += 3
            # "венесуэльские власти решили выдворить его": whose authorities let him go
            before = article.text[s_start : item.start]
            for m in _AUTHORITIES.finditer(before):
                code = adjective_country(lemma(m.group(1)))
                if code:
                    votes[code] += 3
        if item.event.kind not in _HOLDING or item.event.hypothetical or item.sentence in seen:
            continue
        seen.add(item.sentence)
        s_start, _ = article.sentences[item.sentence]
        sentence = article.sentence_text(item.sentence)
        for place in article.places(item.sentence):
            on_territory = place.case == "gent" and _TERRITORY.search(sentence[: place.start])
            if not on_territory and (
                place.preposition not in ("in", "в", "во", "на")
                or place.case not in ("loct", "", "ablt")
            ):
                continue
            if (
                _REQUEST.search(sentence[: place.start])
                or _MOVED.search(sentence[max(0, place.start - 40) : place.start])
                or _CONDITION.search(sentence[: place.start])
            ):
                continue
            near = abs(s_start + place.start - item.end) < 60
            votes[place.code] += 2 if near else 1
        # "приговорён российским судом", "в краснодарском СИЗО": whose court or prison (a
        # requesting state's prosecutors or agents are not).
        for m in _AUTHORITY.finditer(sentence):
            code = adjective_country(lemma(m.group(1)))
            if code:
                votes[code] += 3
    return votes


# "в колонии на территории России": in that country
_TERRITORY = re.compile(r"(?i)\b(?:на|в)\s+территории\s+$")
_MOVED = re.compile(
    r"(?i)\b(?:выдач\w*|экстрадиц\w*|экстрадир\w*|передач\w*|передан\w*|перенаправлен\w*|"
    r"доставлен\w*|вернуться|вернул\w*|возвращени\w*|вылет\w*|прилетел\w*|приехал\w*|"
    r"прибыл\w*|отправлен\w*)\s+(?:\S+\s+){0,3}?(?:в|во|на)\s+$"
)
_AUTHORITY = re.compile(
    r"(?i)\b([а-яё-]+(?:ским|ском|ский|ского|скому|ской|ская|скую|ские|ских|скими|цким|цком|"
    r"цкий|цкого|цкой))\s+(?:[а-яё]+(?:ой|ый|ий|ом|ым|ого|ая|ую)\s+)?"
    r"(?:суд\w*|полици\w*|прокуратур\w*|"
    r"сизо|тюрьм\w*|колони\w*|изолятор\w*|следственн\w+\s+изолятор\w*)"
)


_AUTHORITIES = re.compile(r"(?i)\b([а-яё-]+(?:ские|ских|цкие|цких))\s+власт\w*")


_OF_A_COUNTRY = CITIZEN_NOUNS | frozenset(
    [
        "посол",
        "консул",
        "генконсул",
        "мид",
        "посольство",
        "генконсульство",
        "консульство",
        "министр",
        "министерство",
        "глава",
        "представитель",
        "правительство",
        "президент",
        "власть",
        "спецслужба",
        "сторона",
        # "в интересах России", "шпионаж против Эстонии": on whose behalf, not where
        "интерес",
        "польза",
        "против",
        "шпионаж",
        "граница",
    ]
)


def _article_votes(article: _Article) -> Counter[str]:
    if article._votes is not None:
        return article._votes
    votes: Counter[str] = Counter()
    for index in range(len(article.sentences)):
        sentence = article.sentence_text(index)
        for place in article.places(index):
            if _REQUEST.search(sentence[: place.start]) or place.case == "accs":
                continue  # a request or a direction ("на Москву", "в Россию")
            previous = _WORD.findall(sentence[max(0, place.start - 30) : place.start])
            if previous and lemma(previous[-1]) in _OF_A_COUNTRY:
                continue  # "гражданина Украины", "посол России": whose, not where
            votes[place.code] += 2 if place.preposition in ("в", "во", "на") else 1
    article._votes = votes
    return votes


def _first_places(article: _Article) -> dict[str, int]:
    first: dict[str, int] = {}
    for index in range(len(article.sentences)):
        for place in article.places(index):
            first.setdefault(place.code, index)
    return first


def _detaining_country(
    article: _Article, owned: list[_Owned], nationality: list[str], extraditions: list[Extradition]
) -> CountryFact | None:
    for extradition in extraditions:
        if extradition.status == "surrendered" and extradition.to_country:
            if extradition.to_country in nationality and extradition.from_country:
                # sent home to face trial: the case abroad is the one in the state that held him
                return CountryFact(extradition.from_country, extradition.evidence[0])
            return CountryFact(extradition.to_country, extradition.evidence[0])
    own = _country_votes(article, owned)
    if own:
        code, top = own.most_common(1)[0]
        if code in nationality:
            # The person's own country wins only when nothing else comes close.
            others = [(c, n) for c, n in own.most_common() if c not in nationality]
            if others and others[0][1] * 2 >= top:
                code = others[0][0]
        return CountryFact(code, _evidence_for(article, owned, code))
    partner = _exchange_partner_country(article, owned, nationality)
    if partner is not None:
        return partner
    for extradition in extraditions:
        # Handed over by a country to one the text does not name, or asked to hand them
        # over: held there until then.
        if extradition.from_country:
            return CountryFact(extradition.from_country, extradition.evidence[0])
    votes = _article_votes(article)
    if any(o.event.kind in ("visit", "access_denied", "exchanged") for o in owned):
        # Consular access is asked for a national held abroad, and an exchange brings people
        # home from abroad: not their own country.
        votes = Counter({c: n for c, n in votes.items() if c not in nationality})
    if votes:
        code = votes.most_common(1)[0][0]
        return CountryFact(code, _evidence_for(article, owned, code))
    return None


def _exchange_partner_country(
    article: _Article, owned: list[_Owned], nationality: list[str]
) -> CountryFact | None:
    """ "X обменяли на американца Y": in a swap each side holds the other's national, so one
    exchanged for a person of another single nationality was held by that person's state."""
    if not nationality:
        return None
    for item in owned:
        if item.event.kind != "exchanged" or item.event.hypothetical:
            continue
        for pid in item.owners:
            # read afresh: the cached codes were found before the events were owned
            codes = {n.country for n in _nationalities(article, article.people[pid])}
            if len(codes) == 1 and not codes & set(nationality):
                return CountryFact(next(iter(codes)), article.span(item.sentence))
    return None


def _evidence_for(article: _Article, owned: list[_Owned], code: str) -> Span:
    for item in owned:
        if any(p.code == code for p in article.places(item.sentence)):
            return article.span(item.sentence)
    first = article.first_place.get(code)
    return article.span(first) if first is not None else Span(0, 0)


# --- one person ---------------------------------------------------------------------------


def _evidence(owned: list[_Owned]) -> set[str]:
    """The kinds of fact that report a person held, charged or sentenced."""
    return {
        o.event.kind
        for o in owned
        if o.event.kind in _EVIDENCE
        and not o.event.hypothetical
        and not (o.event.kind == "facility" and o.event.data["strength"] == 0)
    }


def _co_accused(article: _Article, person: Person, evidence: set[str]) -> bool:
    """ "обвинения предъявлены ему и двум его знакомым, X и Y": a person the text only reports
    charged, in a story that tells of another held, was charged with them but never held
    (at large, or gone home)."""
    if not evidence or not evidence <= _ACCUSED_ONLY:
        return False
    return any(
        other.pid != person.pid
        and not other.official
        and _evidence(article.owned_by.get(other.pid, [])) - _ACCUSED_ONLY
        for other in article.people
    )


def _detainee(article: _Article, person: Person, original: str) -> Detainee | None:
    if person.official:
        return None
    owned = article.owned_by.get(person.pid, [])
    evidence = _evidence(owned)
    if not evidence or _co_accused(article, person, evidence):
        return None
    nationality = _nationalities(article, person)
    codes = [n.country for n in nationality]
    extraditions = _extraditions(article, owned)
    if any(o.event.kind == "deported" and not o.event.hypothetical for o in owned):
        # "решили выдворить его и передали представителям США": an expelled national handed
        # to his own state is sent home, not extradited
        extraditions = [
            e
            for e in extraditions
            if not (e.status == "surrendered" and (e.to_country is None or e.to_country in codes))
        ]
    detaining = _detaining_country(article, owned, codes, extraditions)
    if detaining is not None:
        # "экстрадированному из Грузии": handed over to the state that now holds them
        extraditions = [
            replace(e, to_country=detaining.country)
            if e.status == "surrendered"
            and e.to_country is None
            and e.from_country not in (None, detaining.country)
            else e
            for e in extraditions
        ]
    if detaining is not None and codes == [detaining.country]:
        return None  # held by the state of their only nationality: not held abroad
    if not nationality:
        # "казнены трое словаков ... Лосев, Гусев и Сомов": the one people the story is
        # about, for a person it gives no nationality of their own (never the holder's)
        story = article.story_people
        if story and (detaining is None or story[0] != detaining.country):
            nationality = [Nationality(story[0], story[1])]
            codes = [story[0]]
    extraditions = [_sent_home(article, e, codes) for e in extraditions]
    name, variants = _names(person, codes)
    mentions = tuple(
        NameMention(
            original[article.offset + span.start : article.offset + span.end],
            Span(article.offset + span.start, article.offset + span.end),
        )
        for span in person.spans
    )
    status, status_evidence = _status(article, owned, extraditions)
    return Detainee(
        name=name,
        name_variants=tuple(variants),
        mentions=mentions,
        nationality=tuple(nationality),
        detaining_country=detaining,
        facility=_facility(article, owned),
        charges=_charges(article, owned),
        sentence=_sentence(article, owned, person.pid),
        max_penalty=_max_penalty(article, owned),
        extraditions=tuple(extraditions),
        consular_visits=tuple(_visits(article, owned)),
        status=status,
        status_evidence=status_evidence,
        arrest=_arrest(article, owned, detaining),
        name_original_script=given_name_first(person.name),
    )


def _count_story_people(article: _Article) -> tuple[str, Span] | None:
    """The one people a story names in the plural ("словаков", "россиян", "российских
    военнослужащих"), at least twice and no other: who its unplaced people are. None when it
    names none, once, or two peoples."""
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    words = list(_WORD.finditer(article.text))
    for i, match in enumerate(words):
        known = demonym_country(lemma(match.group(0)))
        if not known or not known[0]:
            continue
        if not any(p.tag.number == "plur" for p in parses(match.group(0).lower())[:1]):
            continue
        if known[1] == "adjective" and not _plural_people_next(article.text, match, words[i + 1 :]):
            continue
        counts[known[0]] += 1
        first.setdefault(known[0], Span(match.start(), match.end()))
    if len(counts) != 1:
        return None
    code, count = counts.most_common(1)[0]
    return (code, first[code]) if count >= 2 else None


def _plural_people_next(text: str, adjective: re.Match, rest: list[re.Match]) -> bool:
    """A country's adjective in the plural that describes people who may be held: right before
    a plural noun for citizens, travellers, workers or servicemen ("российских
    военнослужащих", "эстонских туристов"; not "российских дипломатов" or "иранские
    пограничники"), that is not the subject of the verb after it ("иранские военные
    задержали": the ones who hold)."""
    if not rest or text[adjective.end() : rest[0].start()].strip():
        return False
    held_nouns = CITIZEN_NOUNS | _PERSON_NOUNS | _SERVICE_NOUNS
    noun = next(
        (
            p
            for p in parses(rest[0].group(0).lower())[:1]
            if p.tag.POS == "NOUN" and p.tag.number == "plur" and p.normal_form in held_nouns
        ),
        None,
    )
    after = [("", m.start(), m.end(), m.group(0)) for m in rest[1:2]]
    return noun is not None and not _verb_after(after)


def _names(person: Person, nationality: list[str]) -> tuple[str, list[str]]:
    """The Latin name and its variants. A Russian name is spelled by the passport standard;
    a foreigner's by their own language when it can be told ("Тревор Рид" → "Trevor Rid"),
    with the passport form beside it."""
    written = person.name
    cyrillic = given_name_first(written)
    plain = cyrillic.replace("ё", "е").replace("Ё", "Е")
    passport = translit.passport(plain)
    foreign = None
    if not (set(nationality) & CYRILLIC_NAME_COUNTRIES):
        foreign = translit.foreign_spelling(plain)
    name = foreign or passport
    variants = [cyrillic, plain, passport, *translit.press_spellings(cyrillic)]
    if foreign:
        variants.append(foreign)
        variants += translit.foreign_alternatives(plain)
    if written != cyrillic:  # "по имени Тэрада Мира": the order as written is a variant too
        variants += [written, translit.passport(written.replace("ё", "е").replace("Ё", "Е"))]
    surface = {span.text for span in person.spans}
    variants += sorted(surface)
    seen = {name.casefold()}
    out = []
    for variant in variants:
        if variant and variant.casefold() not in seen:
            seen.add(variant.casefold())
            out.append(variant)
    return name, out


def _names_a_facility(item: _Owned) -> bool:
    """A facility event that names a place: not a bare "в СИЗО" or "в тюрьме", nor a prison
    told by its country alone ("в тайской тюрьме")."""
    return (
        item.event.kind == "facility"
        and item.event.data["strength"] > 0
        and item.event.data["named"]
    )


def _facility(article: _Article, owned: list[_Owned]) -> Facility | None:
    found = [o for o in owned if _names_a_facility(o)]
    if not found:
        return _remand_named_before(article, owned)
    best = max(found, key=lambda o: (o.event.data["strength"], o.start))
    return Facility(best.event.data["name"], article.span(best.sentence))


def _remand_named_before(article: _Article, owned: list[_Owned]) -> Facility | None:
    """ "двоих держат в следственном изоляторе полиции Тбилиси ... Консул назвал тех, кто в
    СИЗО: X и Y": a bare remand prison is the one the story named last before it, in that
    sentence or the two before."""
    bare = [
        o
        for o in owned
        if o.event.kind == "facility"
        and not o.event.data["strength"]
        and o.event.data["name"].lower().startswith(REMAND_HEADS)
    ]
    for mention in bare:
        named = [
            e
            for e in article.events
            if _names_a_facility(e)
            and e.event.data["name"].lower().startswith(REMAND_HEADS)
            and mention.sentence - 2 <= e.sentence <= mention.sentence
            and e.start < mention.start
        ]
        if named:
            last = max(named, key=lambda e: e.start)
            return Facility(last.event.data["name"], article.span(last.sentence))
    return None


# Words that lead a charge without saying what it is ("ведение шпионской деятельности").
_CHARGE_FRAMES = frozenset(["ведение", "совершение", "осуществление", "участие", "организация"])
_FRAME_PREPOSITIONS = frozenset(["в", "во", "на"])


def _content_word(phrase: str) -> str:
    words = phrase.lower().split()
    for word in words:
        # "участие в хищении": the frame and its preposition say nothing of the charge
        if word not in _CHARGE_FRAMES and word not in _FRAME_PREPOSITIONS:
            return word
    return words[0]


def _same_stem(a: str, b: str) -> bool:
    """Two words of one root ("шпионаж", "шпионская"): a common start of five letters or
    more that covers most of the shorter word."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 5 and common >= 0.7 * min(len(a), len(b))


def _charges(article: _Article, owned: list[_Owned]) -> tuple[Charge, ...]:
    charges: list[Charge] = []
    for item in owned:
        if item.event.kind != "charge" or item.event.hypothetical:
            continue
        phrase = item.event.data["phrase"]
        key = phrase.lower()
        head = key.split()[0]
        # A restatement is not a second charge: "кража у жительницы", later "кража у подруги";
        # "шпионаж", later "шпионская деятельность".
        if any(
            key in c.phrase.lower()
            or c.phrase.lower() in key
            or c.phrase.lower().split()[0] == head
            or _same_stem(_content_word(c.phrase), _content_word(phrase))
            for c in charges
        ):
            continue
        charges.append(Charge(phrase, item.event.data["category"], article.span(item.sentence)))
    return tuple(charges)


def _sentence(article: _Article, owned: list[_Owned], pid: int) -> CourtSentence | None:
    terms = [o for o in owned if o.event.kind == "term" and not o.event.hypothetical]
    # A term told beside the person's name outranks one reached through "he" or "the
    # American" (which may be someone else's, told in passing).
    named = [t for t in terms if any(m[2] == pid for m in article.by_sentence.get(t.sentence, ()))]
    terms = named or terms
    fines = [o for o in owned if o.event.kind == "fine" and not o.event.hypothetical]
    if not terms and not fines:
        return None
    chosen = None
    if terms:
        dated = [t for t in terms if t.date]
        chosen = max(dated, key=lambda t: (t.date, t.start)) if dated else terms[-1]
    fine = None
    if fines:
        same = [f for f in fines if chosen is not None and f.sentence == chosen.sentence]
        fine = same[0] if same else fines[0]
    anchor = chosen or fine
    assert anchor is not None
    date = anchor.date
    if date is None:
        convictions = [
            o
            for o in owned
            if o.event.kind == "convicted" and o.sentence == anchor.sentence and o.date
        ]
        date = convictions[0].date if convictions else None
    data = (
        chosen.event.data
        if chosen
        else {"years": None, "months": None, "life": False, "death": False}
    )
    return CourtSentence(
        years=data["years"],
        months=data["months"],
        life=bool(data["life"]),
        death=bool(data["death"]),
        fine_amount=fine.event.data["amount"] if fine else None,
        fine_currency=fine.event.data["currency"] if fine else None,
        date=date,
        commuted=False,
        evidence=article.span(anchor.sentence),
    )


def _max_penalty(article: _Article, owned: list[_Owned]) -> MaxPenalty | None:
    found = [o for o in owned if o.event.kind == "max_penalty"]
    if not found:
        return None
    best = max(found, key=lambda o: (o.event.data["life"], o.event.data["years"] or 0))
    return MaxPenalty(
        best.event.data["years"], best.event.data["life"], article.span(best.sentence)
    )


_EXTRADITION_ORDER = {"requested": 1, "approved": 3, "refused": 4, "surrendered": 5}


def _extraditions(article: _Article, owned: list[_Owned]) -> list[Extradition]:
    steps = [o for o in owned if o.event.kind == "extradition"]
    if not steps:
        return []
    arrest_country = _arrest_country(article, owned)
    records = []
    groups: dict[str | None, list[_Owned]] = {}
    destinations = {s.event.data["to"] for s in steps if s.event.data["to"]}
    for step in steps:
        to = step.event.data["to"]
        if to is None and len(destinations) == 1:
            to = next(iter(destinations))
        groups.setdefault(to, []).append(step)
    for to, group in groups.items():
        status = max((g.event.data["status"] for g in group), key=_EXTRADITION_ORDER.__getitem__)
        chosen = [g for g in group if g.event.data["status"] == status]
        dated = [g for g in chosen if g.date]
        origins = [g.event.data["from"] for g in group if g.event.data["from"]]
        origin = origins[0] if origins else arrest_country
        if origin == to:
            origin = None
        records.append(
            Extradition(
                origin,
                to,
                dated[0].date if dated else None,
                status,
                tuple(article.span(g.sentence) for g in group),
            )
        )
    return records


def _sent_home(article: _Article, extradition: Extradition, nationality: list[str]) -> Extradition:
    """ "Сербия выдала гражданина России X": a surrender that names no destination, no
    requesting state and no other country hands a person over to their only nationality."""
    if (
        extradition.status != "surrendered"
        or extradition.to_country
        or not extradition.from_country
        or len(nationality) != 1
        or nationality[0] == extradition.from_country
    ):
        return extradition
    known = {extradition.from_country, nationality[0]}
    for evidence in extradition.evidence:
        told = article.text[evidence.start : evidence.end]
        index = _sentence_of(article.sentences, evidence.start)
        if _REQUESTER.search(told) or any(p.code not in known for p in article.places(index)):
            return extradition
    return replace(extradition, to_country=nationality[0])


def _arrest_country(article: _Article, owned: list[_Owned]) -> str | None:
    detained = [o for o in owned if o.event.kind == "detained" and not o.event.hypothetical]
    votes = _country_votes(article, detained)
    return votes.most_common(1)[0][0] if votes else None


_AIRPORT = re.compile(
    r"(?i)\b(?:в|во)\s+(?:(?:международном|столичном)\s+)?аэропорту\s+((?:[А-ЯЁ][\w-]+|острова|"
    r"города)(?:\s+[А-ЯЁ][\w-]+)?)"
)
_REQUESTER = re.compile(r"(?i)по\s+(?:запросу|просьбе|ордеру|обращению)\s+((?:\S+\s+){0,2}\S+)")


def _arrest(article: _Article, owned: list[_Owned], detaining: CountryFact | None) -> Arrest | None:
    arrests = [
        o
        for o in owned
        if o.event.kind == "detained"
        and not o.event.hypothetical
        and re.match(r"(?i)(?:задерж|арест)", o.event.data.get("word", ""))
    ]
    if not arrests:
        return None
    first = next((a for a in arrests if a.date), arrests[0])
    sentence = article.sentence_text(first.sentence)
    place = None
    m = _AIRPORT.search(sentence)
    if m:
        place = "аэропорт " + m.group(1)
    requested = None
    r = _REQUESTER.search(sentence)
    if r:
        for word in r.group(1).split():
            known = demonym_country(lemma(word))
            code = known[0] if known else country_for((lemma(word),))[0]
            if code:
                requested = code
                break
    country = _arrest_country(article, owned)
    if requested == country:
        requested = None
    if not (first.date or place):
        return None
    return Arrest(first.date, country, place, requested, article.span(first.sentence))


def _visits(article: _Article, owned: list[_Owned]) -> list[ConsularVisit]:
    visits: list[ConsularVisit] = []
    seen: set[tuple] = set()
    for item in owned:
        kind = item.event.kind
        if kind not in ("visit", "access_denied"):
            continue
        denied = kind == "access_denied"
        key = (None if denied else item.visitor, item.date, denied)
        if key in seen:
            continue
        seen.add(key)
        visits.append(
            ConsularVisit(
                None if denied else item.visitor,
                item.date,
                "unknown" if denied else "in_person",
                denied,
                article.span(item.sentence),
            )
        )
    # "посетил ... Бута" and "посол Антонов посетил": a visit with neither visitor nor date
    # beside a fuller account of it adds nothing (several officials at one meeting are one).
    real = [v for v in visits if not v.denied]
    return [
        v
        for v in visits
        if v.denied or v.visitor is not None or v.date is not None or len(real) == 1
    ]


_HOUSE_ARREST = re.compile(r"(?i)\bдомашн\w+\s+арест")
_FROM_CUSTODY = re.compile(r"(?i)\s+(?:\S+\s+){0,3}?из-под\s+(?:ареста|стражи)")


def _exchange_told(article: _Article) -> bool:
    """The story reports an exchange that took place."""
    return any(o.event.kind == "exchanged" and not o.event.hypothetical for o in article.events)


# "пытается предотвратить его экстрадицию", "в связи с возможной экстрадицией": an
# extradition still to be decided.
_EXTRADITION_FOUGHT = re.compile(
    r"(?i)\b(?:предотвратить|оспорить|оспарива\w+|обжалова\w+|против|избежать|"
    r"возможн\w+|предстоящ\w+|грозящ\w+|ожида\w+)\s+(?:(?:его|ее|её|их)\s+)?"
    r"(?:экстрадици\w+|выдач\w+)"
)


def _extradition_pending(article: _Article) -> bool:
    """The story tells of an extradition asked for or fought over, and of none carried out."""
    steps = [o.event.data["status"] for o in article.events if o.event.kind == "extradition"]
    if "surrendered" in steps:
        return False
    return bool(steps) or bool(_EXTRADITION_FOUGHT.search(article.text, article.offset))


def _to_house_arrest(article: _Article, owned: list[_Owned]) -> bool:
    """ "освободил из-под ареста", where the text tells of a move to house arrest: the person
    left a cell, not the case."""
    return any(
        o.event.kind == "detained"
        and not o.event.hypothetical
        and _HOUSE_ARREST.search(o.event.data.get("word", ""))
        for o in owned
    ) and any(
        o.event.kind == "released" and _FROM_CUSTODY.match(article.text, o.end) for o in owned
    )


def _status(
    article: _Article, owned: list[_Owned], extraditions: list[Extradition]
) -> tuple[str, Span | None]:
    kinds: dict[str, _Owned] = {}
    for item in owned:
        if item.event.hypothetical:
            continue
        kind = item.event.kind
        if kind == "term":
            kind = "convicted"
        elif kind == "max_penalty":
            kind = "charged"
        elif kind in ("facility", "visit", "access_denied", "charge"):
            kind = "detained"
        elif kind == "extradition":
            if item.event.data["status"] != "surrendered":
                continue
            kind = "extradited"
        elif kind == "fine":
            kind = "convicted"
        if kind in _STATUS_RANK or kind in _TERMINAL:
            kinds.setdefault(kind, item)
    if not kinds:
        return "unknown", None
    if "released" in kinds and _to_house_arrest(article, owned):
        del kinds["released"]
    if "released" in kinds and "exchanged" not in kinds and _exchange_told(article):
        # "освобождённый писатель" in a story of an exchange: freed in it
        kinds["exchanged"] = kinds.pop("released")
    for terminal in _TERMINAL:
        if terminal in kinds:
            return terminal, article.span(kinds[terminal].sentence)
    # Held at another state's request (an extradition case), a person is detained, not
    # charged, until the requesting state has them.
    pending = extraditions and not any(e.status == "surrendered" for e in extraditions)
    if not extraditions and _extradition_pending(article):
        # "защита борется против экстрадиции" without saying whose: the story's case is an
        # extradition case, and everyone charged in it is held for it (two accused fighting
        # the same request are both detained); a story of several unrelated cases could
        # need this narrowed to the person's own events.
        pending = True
    if pending and "charged" in kinds and "convicted" not in kinds:
        del kinds["charged"]
        kinds.setdefault("detained", next(iter(kinds.values()), None) or owned[0])
    best = max(kinds, key=lambda k: _STATUS_RANK.get(k, 0))
    return best, article.span(kinds[best].sentence)
