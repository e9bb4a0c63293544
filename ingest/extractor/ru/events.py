"""What one Russian sentence reports: arrests, charges, convictions, releases, exchanges,
extraditions, visits, facilities, terms, fines and maximum penalties, each at its place in
the sentence so that it can be given to the person it is about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import quantities
from .nlp import lemma, lemmas, nominative_phrase, parses
from .places import CITIZEN_NOUNS, city_country, country_for, demonym_country


@dataclass
class Event:
    kind: str
    start: int  # offsets into the sentence
    end: int
    hypothetical: bool = False
    data: dict = field(default_factory=dict)


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


_STATUS = {
    "detained": _rx(
        r"\b(?:задержан\w*|задержал\w*|арестован\w*|арестовал\w*|арестовыва\w+|задержани\w+|"
        r"арест(?:а|е|у|ом)?|под\s+страж\w+|взят\w*\s+под\s+страж\w+|"
        r"находит\w*\s+в\s+(?:сизо|тюрьм\w+|следственн\w+|колони\w+|изолятор\w+|заключени\w+)|"
        r"находящ\w+\s+в\s+заключени\w+|содерж\w+\s+(?:в|под)\s+|под\s+домашн\w+\s+арест\w*|"
        # "в изоляторе на окраине города находятся двое": the place before the verb
        r"(?:сизо|тюрьм[еи]|изолятор[еа]|колони[ия])\s+(?:[^\s.,;:!?]+\s+){0,7}?находят?ся|"
        r"(?:находил\w*|находит\w*|содерж\w+)\s+в\s+плену|в\s+плену|"
        r"в\s+кутузк\w+|в\s+заключени\w+)\b"
    ),
    "charged": _rx(
        r"\b(?:предъяв\w+\s+(?:\w+\s+){0,2}обвинени\w+|обвин[её]н\w*\s+в|судят|судили|"
        r"предстал\w*\s+перед\s+судом|суд\s+над|на\s+скамь\w+\s+подсудимых|до\s+суда|"
        r"ожида\w+\s+суда|отда\w+\s+под\s+суд|подсудим\w+|обвиняет?ся\s+во?|обвиняем\w+\s+во?|"
        r"вменя(?:ют|ет|ется|ются|ли|лось|лся)\b|инкриминиру\w+|"
        # "возбудил против американца уголовное дело": a case opened against the person
        r"возбу[дж]\w*\s+(?:\S+\s+){0,3}?уголовн\w+\s+дел\w*)\b"
    ),
    "convicted": _rx(
        r"\b(?:приговорил\w*|приговорен\w*|приговорён\w*|осужд[её]н\w*|осудил\w*|"
        r"признал\w*\s+(?:его\s+|ее\s+|её\s+|их\s+)?виновн\w+|признан\w*\s+виновн\w+|"
        # "признал сотрудника полиции Латвии Яниса Берзиньша виновным": the one found guilty between
        r"признал\w*\s+(?:[^\s.;:!?]+\s+){1,8}?виновн\w+|"
        r"сочл\w+\s+(?:\w+\s+){0,3}виновн\w+|вынес\w*(?:\s+\S+){0,3}\s+приговор\w*|"
        r"вынесени\w+(?:\s+\S+){0,3}\s+приговор\w*|получил\w*\s+(?:\w+\s+){0,3}(?:лет|год\w*)\s+"
        r"(?:тюрьмы|колонии|заключения|лишения)|"
        # "отбывающего заключение в тюрьме": serving a sentence
        r"отбыва\w+\s+(?:\S+\s+){0,2}?(?:наказани\w+|срок\w*|заключени\w+)|"
        # executed, so convicted before
        + quantities.EXECUTED
        + r")"
    ),
    "released": _rx(
        r"\b(?:освобожд[её]н[аоы]?\b|освобожд[её]нн\w+|освободил\w*|вышл?\w*\s+на\s+свобод\w+|"
        # "тогда же он получил свободу": freedom given
        r"(?:получил|обр[её]л)\w*\s+свобод\w+|"
        r"помилован\w*|помиловал\w*|отпущен[аоы]?\b|отпустил\w*|"
        # an acquittal ends the case
        r"оправдал[аи]?\b|оправдан[аоы]?\b|вынес\w*\s+оправдательн\w+\s+приговор\w*)"
    ),
    "deported": _rx(
        r"\b(?:депортирован\w*|депортировал\w*|выслан[аоы]?\b|выдворен\w*|"
        # "приняли решение выдворить его из страны": a decision taken
        r"(?:принял\w*|принято|вынесл\w*|вынесен\w*)\s+решени\w+\s+(?:о\s+)?"
        r"(?:выдворить|выслать|депортировать|выдворении|высылке|депортации))"
    ),
    "exchanged": _rx(
        r"\b(?:обменян\w*|обменял\w*|в\s+рамках\s+обмена|в\s+ходе\s+обмена|"
        r"в\s+результате\s+обмена|по\s+обмену|включ\w+\s+в\s+(?:\S+\s+)?обмен\w*|"
        r"в\s+обменн\w+\s+спис\w+|"
        # "в субботу состоялся обмен пленными": an exchange that took place
        r"(?:произош\w+|состоял\w*)\s+(?:\S+\s+){0,2}?обмен\w*|"
        # "обмен X и Y на Z состоялся": the word, with the names after it
        r"обмен(?:а|ом|е)?(?=\s+(?:[^\s.;!?]+\s+){1,8}?(?:состоял\w*|произош[её]л|прош[её]л)\b))"
    ),
}
# "приговор вынесут в июле": a verdict still to come
_FUTURE = _rx(r"(?:вынесут|вынесет|огласят|огласит)\b")
_PLEA = _rx(r"признал\w*\s+себя\s+виновн")
# "вынесение приговора назначено на сентябрь": a step still to come.
_SCHEDULED = _rx(
    r"\s*(?:\S+\s+){0,3}?(?:назначен\w*|запланирован\w*|намечен\w*|отложен\w*|"
    r"перенесен\w*|ожидается|состоится)\b"
)
_HYPOTHETICAL = _rx(
    r"(?:\bне|\bможет|\bмогут|\bмог\w*|\bбудет|\bбудут|\bесли|\bбы|\bвозможн\w+|\bнамерен\w*|"
    r"\bпланир\w+|\bтребу\w+|\bдобива\w+|\bдобиться|\bхочет|\bпросит|\bпросил\w*|\bдолжен|"
    r"\bдолжна|\bрассчитыва\w+|\bизбежать|\bугроз\w+|\bопаса\w+)\s+(?:\S+\s+){0,2}$"
)


# "должен заплатить штраф": what a court ordered, not a possibility.
_OBLIGED = _rx(r"\b(?:должен|должна|должны|обязан\w*)\s+(?:\S+\s+){0,2}$")


def _hypothetical(sentence: str, start: int) -> bool:
    return bool(_HYPOTHETICAL.search(sentence[max(0, start - 40) : start]))


_ON_BAIL = _rx(
    r"(?:\s+(?:из\s+)?(?:сизо|изолятор\w*|под\s+стражи|зала\s+суда|тюрьмы))?\s+"
    r"(?:под\s+(?:подписку|залог|домашн\w+\s+арест|запрет)|на\s+поруки|до\s+суда)"
)
_IN_ABSENTIA = _rx(r"\bзаочно\s+(?:\S+\s+){0,4}$")
_ASKED_PARDON = _rx(
    r"(?:прошени\w*|просьб\w*|ходатайств\w*|призыв\w*|обращени\w*|заявлени\w*|"
    r"добива\w*|просил\w*|проси\w+)\s+(?:\S+\s+){0,2}(?:о|об|к)\s+(?:\S+\s+)?$"
)
# "высланы для обмена", "в обмен на": a trade of people, not "для обмена опытом".
_FOR_EXCHANGE = _rx(
    r"(?:\b(?:для|ради)\s+(?:\S+\s+)?обмен\w*(?!\w)|\bв\s+обмен\b)"
    r"(?!\s+(?:опыт|мнени|информаци|валют|знани|студент|делегаци|данн))"
)
_EXCHANGE_TOLD = _rx(r"\bобмен\w*\s+(?:\S+\s+)?заключ\w+|\bв\s+обмен\b")


def status_events(sentence: str, following: str, preceding: str = "") -> list[Event]:
    events: list[Event] = []
    for kind, pattern in _STATUS.items():
        for m in pattern.finditer(sentence):
            if kind == "convicted" and _PLEA.match(sentence, m.start()):
                continue
            if kind == "detained" and re.match(r"(?i)арест\w*\s+(?:был\w*\s+)?отменен", m.group(0)):
                continue
            if kind in ("detained", "charged") and _IN_ABSENTIA.search(
                sentence[max(0, m.start() - 40) : m.start()]
            ):
                continue  # "заочно арестован": ordered by a state that does not hold them
            if kind == "released" and _ON_BAIL.match(sentence, m.end()):
                continue  # "освобождён под подписку о невыезде": the case goes on
            if kind == "released" and _ASKED_PARDON.search(
                sentence[max(0, m.start() - 40) : m.start()]
            ):
                continue  # "просьбы о помиловании": a pardon asked for, not given
            hypothetical = (
                _hypothetical(sentence, m.start())
                or bool(_SCHEDULED.match(sentence, m.end()))
                or bool(_FUTURE.match(m.group(0)))
            )
            event = Event(kind, m.start(), m.end(), hypothetical, {"word": m.group(0)})
            if kind == "released" and (
                re.search(r"(?i)\bв\s+обмен|\bобмен\w*\b", sentence + following)
                or _EXCHANGE_TOLD.search(preceding)
            ):
                event.kind = "exchanged"  # freed in the exchange the sentence before tells
            elif kind == "deported" and _FOR_EXCHANGE.search(sentence):
                event.kind = "exchanged"  # "высланы из США для обмена": sent away to be traded
            events.append(event)
    return events


# --- charges ---------------------------------------------------------------------------

_CHARGE_LEAD = _rx(
    r"(?:(?:ему|ей|им)\s+(?:\w+\s+)?вменя\w+|вменя\w+\s+в\s+вину|"
    # "Смиту вменяют мошенничество", "ему инкриминируют попытку подкупа"
    r"вменя(?:ют|ет|ется|ются|ли|лось|лся)\b|инкриминиру\w+|по\s+обвинению\s+во?|обвиня\w+\s+(?:(?:его|ее|её|их|(?-i:[А-ЯЁ]\w+))\s+){0,2}?во?|"
    r"обвинил\w*\s+(?:(?:его|ее|её|их|(?-i:[А-ЯЁ]\w+))\s+){0,3}?во?|"
    r"обвиняем\w+\s+во?|обвин[её]нн?\w*\s+во?|по\s+подозрению\s+во?|подозрева(?!ем)\w+\s+(?:\w+\s+){0,3}?во?|"
    r"подозреваем\w+\s+во?|обвинени\w+\s+во?|виновн\w+\s+во?|по\s+делу\s+о|по\s+статье\s+о|"
    # "по уголовному делу о дезорганизации", "возбудил уголовное дело за нападение"
    r"уголовн\w+\s+дел\w*\s+(?:об?|за)|"
    r"(?:осужд[её]н\w*|задержан\w*|арестован\w*|приговорен\w*|арестовали|задержали|осудили|казн[её]н\w*)"
    r"(?:\s+(?-i:[А-ЯЁA-Z]\w+)|\s+в\s+(?-i:[А-ЯЁ]\w+)){0,2}\s+за|"
    r"(?<=\s)за(?=\s+[«\"“„])|(?<=\s)за(?=\s+(?:\w+\s+)?(?:нарушени|незаконн|контрабанд|мошенничеств|шпионаж|госизмен|"
    r"убийств|кражу|хищени|отмывани|взятк|терроризм|экстремизм|хулиганств|разбо|грабеж|"
    r"наемничеств|наёмничеств|дезертирств|хранени|сбыт|торговл|участи|финансировани|нападени|применени|насили)))\s+"
)
_CHARGE_STOP = _rx(
    r",(?!\d)|[.;:!?()«»\"“”—–](?!\d)|\s-\s|\s(?:по\s+запросу|сообща\w+|заявил\w*|после|когда|котор\w+|"
    r"пока|однако|но|а|хотя|он|она|они|оно|за|тогда|чтобы|из-за|во\s+время|в\s+то\s+время|"
    r"в\s+отношении|в\s+истории|и\s+(?:был|была|"
    # "и его приговорили" ends a charge; "и его сбыте" is one more
    r"были|(?:его|ее|её|их)(?!\s+(?:контрабанд|сбыт|хранени|перевоз|продаж|использовани))|"
    r"он|она|они|приговор\w*|теперь)|в\s+(?:19|20)\d\d|\d{1,2}\s+\w+\s+(?:19|20)\d\d)\b"
)
_NOT_CHARGE = _rx(r"^(?:том|этом|тех|этих|связи|частности|рамках|отношении|интересах|пользу)\b")
_MAX_CHARGE_WORDS = 14
# Words of doubt a writer puts before a charge ("в якобы шпионаже", "в предполагаемом").
_HEDGE = _rx(r"(?:якобы|будто\s+бы|мнимо\w*|так\s+называем\w+)\s+")
_OPENING_QUOTES = frozenset('«"“„')
# "и других правонарушениях", or a frame alone: no charge is stated
_UNSTATED = _rx(
    r"^(?:(?:другие|иные|прочие)\s|(?:ведение|совершение|осуществление|участие|организация)$|"
    # "обвиняется в особо тяжком преступлении": how grave, not what
    r"(?:особо\s+)?тяжк\w+\s+преступлени|преступлени\w+\s+(?:небольшой|средней)\s+тяжести|"
    # "виновным в совершении преступления, предусмотренного статьей": an article's frame
    r"совершение\s+(?:\S+\s+)?(?:преступлени|правонарушени)\w*$)"
)
_OFFENCE_CONTEXT = _rx(
    r"\b(?:задерж|арест|осуд|осужд|приговор|обвин|подозр|суд|наказ|штраф|срок)\w*"
)


# "в одном из самых дерзких ограблений": one of a kind, told in the plural
_ONE_OF = _rx(r"^одн\w+\s+из\s+(?:сам\w+\s+)?")
# "по ч. 2 ст. 275 УК РФ (государственная измена)": the article's offence in brackets
_ARTICLE_NAMED = _rx(
    r"\bст(?:\.|ать\w+)\s*\d+(?:\.\d+)?(?:\s*(?:ч\.|част\w+)\s*\d+)?\s+УК(?:\s+[А-ЯЁ]{2,3})?"
    r"\s*\((?P<offence>[^()]{6,160})\)"
)


# "по статьям «Подделка документов» и «Уклонение от налогов»": the articles' names in
# quotes are the charges (the last may run to the end of an excerpt cut short).
_ARTICLES_QUOTED = _rx(r"\bпо\s+стать(?:е|ям)\s+(?=[«\"„“])")
_QUOTED_ITEM = re.compile(r"\s*(?:,|и\s)?\s*[«\"„“]([^«»\"„“”]{4,160})(?:[»\"“”]|$)")


def _list_items(rest: str, stop: re.Match | None, first: list[str]) -> list[str]:
    """ "в торговле оружием, отмывании денег и незаконной передаче военных технологий": after
    a comma, a phrase whose head is in the first charge's case is one more charge."""
    head_case = next(
        (p.tag.case for w in first for p in parses(w.lower())[:1] if p.tag.POS == "NOUN"), None
    )
    items: list[str] = []
    while stop is not None and stop.group(0) == "," and head_case:
        rest = rest[stop.end() :]
        stop = _CHARGE_STOP.search(rest)
        item = rest[: stop.start()] if stop else rest
        words = item.split()
        if not words:
            break
        readings = parses(words[0].lower())[:2]
        if not any(r.tag.POS in ("NOUN", "ADJF") and r.tag.case == head_case for r in readings):
            break
        items.append(item)
    return items


def charge_events(sentence: str) -> list[Event]:
    events: list[Event] = []
    for m in _CHARGE_LEAD.finditer(sentence):
        if m.group(0).lower().startswith("за") and not _OFFENCE_CONTEXT.search(sentence):
            continue
        rest = sentence[m.end() :]
        if rest[:1] in _OPENING_QUOTES:
            # "за «оскорбление власти» и «незаконное хранение» боеприпасов": the charges as quoted
            rest = re.sub(r"[«»\"“”„]", "", rest)
        one_of = _ONE_OF.match(rest)
        if one_of:
            rest = rest[one_of.end() :]
        hedge = _HEDGE.match(rest)
        if hedge:
            rest = rest[hedge.end() :]  # "обвиняют в якобы шпионаже": the charge after the doubt
        stop = _CHARGE_STOP.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        words = _noun_phrase(phrase.split()[:_MAX_CHARGE_WORDS])
        phrase = " ".join(words)
        if not words or _NOT_CHARGE.match(phrase) or _to_whom(words):
            continue
        hypothetical = _hypothetical(sentence, m.start())
        parts = _split_coordinated(words)
        for item in _list_items(rest, stop, words):
            parts += _split_coordinated(_noun_phrase(item.split()[:_MAX_CHARGE_WORDS]))
        for part in parts:
            if one_of:
                part = [w for w in part if not _superlative(w)]
            text = " ".join(nominative_phrase(part, singular=bool(one_of))).strip(" ,")
            if len(text) < 4 or _UNSTATED.match(text):
                continue
            # The lead ("по обвинению в") is what ties the charge to a name.
            events.append(_charge_event(m, hypothetical, text))
    for m in _ARTICLES_QUOTED.finditer(sentence):
        at = m.end()
        while item := _QUOTED_ITEM.match(sentence, at):
            at = item.end()
            words = _noun_phrase(item.group(1).split()[:_MAX_CHARGE_WORDS])
            if not words:
                continue
            text = " ".join(words)
            text = text[:1].lower() + text[1:]
            events.append(_charge_event(m, _hypothetical(sentence, m.start()), text))
    for m in _ARTICLE_NAMED.finditer(sentence):
        text = m.group("offence").strip()
        first = parses(text.split()[0].lower())[:1]
        if not first or first[0].tag.POS not in ("NOUN", "ADJF") or first[0].tag.case != "nomn":
            continue
        events.append(_charge_event(m, _hypothetical(sentence, m.start()), text))
    return events


def _charge_event(lead: re.Match, hypothetical: bool, text: str) -> Event:
    """A charge stated as `text`, tied to a name by the words `lead` matched."""
    return Event(
        "charge",
        lead.start(),
        lead.end(),
        hypothetical,
        {"phrase": text, "category": _category(text)},
    )


def _to_whom(words: list[str]) -> bool:
    """ "обвинение, которое вменяют российским инженерам": people in the dative after the
    lead are those the charge is put to, and the charge itself was named before."""
    for word in words[:3]:
        found = parses(word.lower().strip(',.»"'))[:1]
        if found and found[0].tag.POS == "NOUN":
            return found[0].tag.animacy == "anim" and found[0].tag.case == "datv"
    return False


def _superlative(word: str) -> bool:
    return any("Supr" in p.tag for p in parses(word.lower())[:1])


def _noun_phrase(words: list[str]) -> list[str]:
    """The words of a charge up to the first that cannot belong to it: a finite verb or a
    short participle ("не может быть передан"), a demonym or a person's name ("за
    кибермошенничество россиянин Роман Селезнев")."""

    kept: list[str] = []
    for index, word in enumerate(words):
        found = parses(word.lower().strip(',.»"'))
        if found:
            best = found[0]
            if kept and best.tag.POS in ("VERB", "PRTS"):
                break
            known = demonym_country(best.normal_form)
            if kept and known and known[1] == "demonym":
                break
            # "шпионаж американского гражданина": the person accused follows the charge
            if kept and _citizen_word(word):
                break
            if (
                kept
                and known
                and known[1] == "adjective"
                and index + 1 < len(words)
                and _citizen_word(words[index + 1])
            ):
                break
            if kept and word[:1].isupper() and any("Name" in p.tag for p in found[:2]):
                break
            # "шпионаже супругов": the people accused, not the charge
            if kept and best.normal_form in _PEOPLE_WORDS and best.tag.case == "gent":
                break
        kept.append(word)
    # A phrase ends on its noun, not on a dangling word ("цифровые преступления и",
    # "незаконное обогащение на сумму").
    while kept:
        found = parses(kept[-1].lower().strip(',.»"'))
        if kept[-1].lower() == "сумму" or (
            found and found[0].tag.POS in ("CONJ", "PREP", "ADJF", "PRCL")
        ):
            kept.pop()
            continue
        break
    return kept


_PEOPLE_WORDS = frozenset(
    ["супруг", "супруга", "супруги", "муж", "жена", "сын", "дочь", "брат", "сестра", "отец",
     "мать", "семья", "пара", "человек", "люди"]
)  # fmt: skip


def _citizen_word(word: str) -> bool:

    found = parses(word.lower().strip(',.»"'))
    return bool(found) and found[0].normal_form in CITIZEN_NOUNS


_POSSESSIVES = frozenset(["его", "ее", "её", "их"])


def _split_coordinated(words: list[str]) -> list[list[str]]:
    """ "отмывании денег и обходе санкций" is two charges: split at "и" when the next word
    is a noun in the same case as the first charge's head."""
    head_case = None
    for word in words:
        found = parses(word.lower())
        if found and found[0].tag.POS == "NOUN":
            head_case = found[0].tag.case
            break
    parts: list[list[str]] = [[]]
    index = 0
    while index < len(words):
        word = words[index]
        if word.lower() == "и" and index + 1 < len(words) and parts[-1]:
            # "в хранении оружия и его сбыте": a possessive before the next charge
            skip = 1 + (words[index + 1].lower() in _POSSESSIVES and index + 2 < len(words))
            following = parses(words[index + skip].lower())
            if (
                following
                and following[0].tag.POS in ("NOUN", "ADJF")
                and head_case
                and any(p.tag.case == head_case for p in following[:2])
            ):
                parts.append([])
                index += skip
                continue
        parts[-1].append(word)
        index += 1
    return [p for p in parts if p]


_CATEGORIES = (
    ("cybercrime", r"кибер|хакер|компьютер|вирус|взлом|криптовалют|биткоин|кард"),
    ("money_laundering", r"отмыва|легализаци"),
    ("fraud", r"мошенни|хищени|растрат|присвоени|взятк|подкуп|коррупц"),
    ("sanctions_export", r"санкци|экспорт|контрабанд\w+\s+(?:оружи|технолог|электрон)"),
    ("drugs", r"наркот|каннабис|марихуан|гашиш|кокаин|героин"),
    ("weapons", r"оружи|боеприпас|взрывчат"),
    ("espionage", r"шпион|госизмен|измен\w+\s+родин|разведк|гостайн"),
    ("foreign_agent", r"иностранн\w+\s+агент"),
    ("violent", r"убийств|убить|насили|терроризм|теракт|наемни|наёмни|военн|разбой|грабеж"),
    ("immigration", r"миграц|виз\w*\b|незаконн\w+\s+пересечени|границ"),
)


def _category(text: str) -> str:
    low = text.lower()
    for category, pattern in _CATEGORIES:
        if re.search(pattern, low):
            return category
    return "other"


# --- facilities --------------------------------------------------------------------------

_FACILITY = re.compile(
    r"(?:(?P<adj>[а-яёА-ЯЁ-]+(?:ом|ем|ой|ий|ый|ая|ую|ого|его|ое|ее))\s+)?"
    r"(?P<head>(?i:сизо|следственн\w+\s+изолятор\w*|изолятор\w*\s+временного\s+содержания|"
    r"тюрьм\w+|тюремн\w+\s+(?:\w+\s+)?(?:бокс|больниц)\w*|колони[ияюей]\w*|"
    r"исправительн\w+\s+колони\w+|полицейск\w+\s+управлени\w+|управлени\w+\s+полиции|"
    r"централ\w*|ик-\d+|"
    # "в центр временного содержания", "в депортационном центре": migrants' detention
    r"центр\w*\s+(?:временного\s+)?содержания|(?:депортационн|миграционн|иммиграционн)\w+\s+"
    r"(?:центр|тюрьм|изолятор)\w*))"
    # "тюрьма строгого режима Кленовая": the regime between the kind and the name
    r"(?P<regime>\s+(?:строгого|общего|особого|усиленного|максимального)\s+режима"
    r"(?=\s+[А-ЯЁA-Z«\"“№]))?"
    r"(?P<tail>\s*(?:№|N|в„–)\s*\d+|-\d+(?:\s+[А-ЯЁ][а-яё]+а\b)?|\s+[«\"“][^»\"”]{2,40}[»\"”]|"
    r"(?:\s+[А-ЯЁ][а-яё-]+){1,2}|"
    # "в тюрьме г. Ларедо", "в тюрьме города Ларедо": a town's prison
    r"\s+(?:г\.\s*|города\s+)[А-ЯЁ][а-яё-]+|"
    # "тюрьма Northwest Detention Center", "изолятор КГБ Белоруссии": a Latin name, a body
    r"(?:\s+[A-Z][A-Za-z-]+){1,4}|\s+[А-ЯЁ]{2,6}\b(?:\s+[А-ЯЁ][а-яё-]+)?|"
    # "в изоляторе на окраине Бишкека"
    r"\s+(?:на\s+окраине|в\s+пригороде|под)\s+[А-ЯЁ][а-яё-]+)?"
)
_GENERIC_ADJ = frozenset(
    ["российский", "американский", "местный", "этот", "тот", "такой", "наш", "государственный",
     "федеральный", "иностранный", "зарубежный", "свой", "один", "другой", "обычный"]
)  # fmt: skip


def _country_adjective(word: str) -> bool:
    """A country's adjective ("в тайской тюрьме": some prison in Thailand, a place of custody
    but no name; a town's adjective, "краснодарский СИЗО", is a name)."""
    known = demonym_country(lemma(word))
    return known is not None and known[1] == "adjective"


# The kinds of remand prison a bare mention still counts as custody ("в СИЗО"); a facility
# event's name starts with one of them when it is one.
REMAND_HEADS = ("сизо", "следствен", "изолятор")
# What follows a prison's name after its regime: a place it lies in, or the end of the clause.
_REGIME_NAME_ENDS = re.compile(r"\s+(?:в|во)\s+[А-ЯЁA-Z]|\s*(?:[.;!?]|$)")
# Kinds of regime that are no place: "колония строгого режима".
_REGIME = _rx(r"\s*(?:строгого|общего|особого|усиленного|максимального)\s+режима")


def facility_events(sentence: str) -> list[Event]:
    events: list[Event] = []
    for m in _FACILITY.finditer(sentence):
        head = m.group("head")
        regime = m.group("regime") or ""
        if (
            head.lower().startswith("колони")
            and not regime
            and _REGIME.match(sentence, m.end("head"))
        ):
            continue
        tail = m.group("tail") or ""
        adj = m.group("adj")
        if adj and lemma(adj) in _GENERIC_ADJ:
            adj = None
        # A tail of capitalised words is a name only when it is not the start of a
        # sentence part ("тюрьмы Коридаллос", not "в тюрьме Петренко сказала").
        if tail and tail.strip()[:1].isupper() and not tail.strip().startswith(("«", '"', "“")):
            first = tail.split()[0]
            if (first.isupper() or regime) and first.isalpha() and country_for((lemma(first),))[1]:
                tail = ""  # "в тюрьме США", "колония строгого режима Белоруссии": no name
            elif (
                re.match(r"(?i)(?:№|n|в„–)", first) is None
                and not first.isupper()
                and not city_country(lemma(first))  # "в тюрьме Вантаа": a town's prison
                and _is_person_or_country(first)
                and not _PLACED_AFTER.match(sentence, m.end())
                # "тюрьма особого режима Кленовая в Канаде": after a regime, a word the
                # sentence places in a country or ends on is the prison's name
                and not (regime and _REGIME_NAME_ENDS.match(sentence, m.end()))
            ):
                tail = ""
        if regime and not tail:
            if head.lower().startswith("колони"):
                continue  # "колония строгого режима" with no name: no place
            regime = ""
        bare = not tail and not adj
        if bare and not head.lower().startswith(REMAND_HEADS):
            continue
        words = ([adj] if adj else []) + head.split()
        name = " ".join(nominative_phrase(words)) + (regime if tail else "") + tail
        strength = 2 if tail else (1 if adj else 0)
        events.append(
            Event(
                "facility",
                m.start(),
                m.end(),
                False,
                {
                    "name": name.strip(),
                    "strength": strength,
                    "named": bool(tail) or not (adj and _country_adjective(adj)),
                },
            )
        )
    return events


# "в тюрьме Ортона в штате Огайо", "в тюрьме Ортона, выступал": a prison's name that a
# location or the end of its clause follows; a person named after "в тюрьме" is the subject
# of the verb that comes next ("в тюрьме Петренко сказала").
_PLACED_AFTER = re.compile(
    r"\s+(?:в|во)\s+(?:штате|провинции|округе|графстве|городе|районе|области|пригороде)\b|"
    r",\s+(?:[а-яё]+(?:л|ла|ли|лся|лась|лись)|где|который|которая|куда)\b"
)


def _is_person_or_country(word: str) -> bool:
    found = parses(word.lower())
    if not found:
        return False
    tag = found[0].tag
    if "Surn" in tag and any("Geox" in p.tag and p.tag.case != "nomn" for p in found[:3]):
        return False  # "в тюрьме Тромсе": a town's name that is a surname too
    return "Name" in tag or "Surn" in tag or ("Geox" in tag and tag.case not in ("gent",))


# --- extraditions ------------------------------------------------------------------------

_SURRENDERED = _rx(
    r"\b(?:экстрадирован\w*|экстрадировал[аи]?|экстрадировали|"
    # "выдан ордер", "выдала визу", "передано в суд": papers and cases, not people
    r"(?:выдан[аоы]?|выдал[аи]?)\b(?!\s+(?:\w+\s+)?(?:ордер|виз|паспорт|разрешени|справк|"
    r"документ|санкци|лицензи))|"
    r"передан[аоы]?\s+(?:властям|в\s(?!суд)|США)|экстрадици\w+\s+из\b|"
    # "передан польской стороне", "Литва передала Польше задержанного"
    r"передан[аоы]?\s+(?:\w+\s+)?сторон[еы]\b|"
    r"передал[аи]?\s+(?:\S+\s+){0,3}?(?:властям|представителям|сторон[еы])\b|"
    r"передал[аи]?\s+(?=(?:США|России|Украине|Белоруссии|Беларуси|Казахстану|Израилю)\b)|"
    # "произвели процедуру выдачи США россиянина": the handover itself
    r"(?:произвел\w*|провел\w*|состоял\w*)\s+(?:\S+\s+){0,5}?процедур\w+\s+выдачи)"
)
_APPROVED = _rx(
    r"\b(?:(?:одобрил\w*|разрешил\w*|санкционировал\w*|удовлетворил\w*|постановил\w*|"
    r"подписал\w*\s+(?:\w+\s+){0,3}решение)\s+(?:\w+\s+){0,3}?(?:экстрад\w+|выдач\w+|выдать)|"
    r"подготовк\w+\s+выдачи|решени\w+\s+о\s+(?:(?:его|ее|её|их)\s+)?(?:выдаче|экстрадиции)|"
    # "решение правительства Сербии выдать": a decision to surrender
    r"решени\w+\s+(?:(?!не\b)\S+\s+){0,3}?(?:экстрадировать|выдать))"
)
_REFUSED = _rx(
    r"\b(?:отказал\w*\s+(?:\w+\s+){0,2}в\s+(?:экстрадиции|выдаче)|отказ\w*\s+в\s+"
    r"(?:экстрадиции|выдаче)|не\s+будет\s+(?:экстрадирован|выдан)\w*|не\s+выдал\w*|"
    r"отклонил\w*\s+(?:\w+\s+){0,2}(?:запрос|просьбу)\s+о\s+(?:выдаче|экстрадиции))"
)
_REQUESTED = _rx(
    r"\b(?:запрос\w*\s+(?:\w+\s+){0,2}на\s+(?:экстрадицию|выдачу)|(?:экстрадиции|выдачи)\s+"
    r"(?:\w+\s+){0,2}добива\w+|добива\w+\s+(?:\w+\s+){0,2}(?:экстрадиции|выдачи)|"
    r"запрос\w*\s+о\s+(?:выдаче|экстрадиции)|до\s+решения\s+об\s+экстрад\w+|"
    r"настаива\w+\s+на\s+(?:\w+\s+)?(?:экстрадиции|выдаче)|"
    r"экстрадиционн\w+\s+запрос\w*)"
)


# A convict handed over to serve the sentence at home: a transfer, no extradition.
_TO_SERVE = _rx(r"(?:\s+[^\s.;!?]+){0,4}?\s+для\s+(?:\S+\s+)?(?:отбывания|отбытия)\b")


def extradition_events(sentence: str) -> list[Event]:
    events: list[Event] = []
    claimed: list[tuple[int, int]] = []
    for status, pattern in (
        ("refused", _REFUSED),
        ("approved", _APPROVED),
        ("requested", _REQUESTED),
        ("surrendered", _SURRENDERED),
    ):
        for m in pattern.finditer(sentence):
            if any(s <= m.start() < e for s, e in claimed):
                continue
            if status == "surrendered" and _hypothetical(sentence, m.start()):
                continue
            if status == "surrendered" and _TO_SERVE.match(sentence, m.end()):
                continue  # "передали российским властям для отбывания наказания": a transfer
            claimed.append((m.start(), m.end()))
            origin, destination = _route(sentence, m.start(), m.end())
            if status == "requested" and destination is None and _asks(sentence, m.start()):
                # "Минск настаивает на его выдаче": the state asking wants them sent to it
                origin, destination = None, origin
            events.append(
                Event(
                    "extradition",
                    m.start(),
                    m.end(),
                    False,
                    {"status": status, "from": origin, "to": destination},
                )
            )
    return events


def _asks(sentence: str, start: int) -> bool:
    """The country before a request is its subject ("Минск настаивает", "США добиваются")."""
    before = [p for p in find_places(sentence[:start]) if not p.preposition and p.case == "nomn"]
    return bool(before) and len(sentence[before[-1].end : start].split()) <= 3


# The organs of a state that surrender a person, in any case: "власти", "правительства".
_STATE_ORGAN = re.compile(
    r"(?i)\b(?:власт(?:и|ей|ям|ями)|суд(?:а|у|ом)?|полици(?:я|и|ей|ю)|"
    r"правительств(?:о|а|у|ом)|минюст(?:а|у|ом)?)\s+$"
)


def _route(sentence: str, start: int, end: int) -> tuple[str | None, str | None]:
    """From: "из X", or a country acting as subject ("Черногория выдала", "выдан
    Швейцарией"). To: "в X", or a country in the dative ("выдан США")."""
    origin = destination = None
    window_start = max(0, start - 80)
    for place in find_places(sentence[window_start : end + 90]):
        absolute = window_start + place.start
        prep = place.preposition
        if prep == "из" and origin is None:
            origin = place.code
        elif prep in ("в", "во") and place.case in ("accs", "") and absolute >= start:
            destination = destination or place.code
        elif prep == "" and origin is None and place.case == "ablt":
            origin = place.code  # "выдан Швейцарией"
        elif prep == "" and origin is None and absolute < start and place.case == "nomn":
            origin = place.code  # "Черногория выдала"
        elif (
            prep == ""
            and origin is None
            and absolute < end  # before the verb, or inside "решение правительства X выдать"
            # "Чехии" reads as genitive, dative or locative alike: the organ before decides
            and place.case in ("gent", "datv", "loct")
            and _STATE_ORGAN.search(sentence[:absolute])
        ):
            origin = place.code  # "власти Сербии выдали", "решение правительства Чехии выдать"
        elif (
            prep == "" and place.case in ("datv", "") and absolute >= end and destination is None
        ):  # "выдан США", "выдан Франции"
            destination = place.code
    if origin == destination:
        origin = None
    return origin, destination


# --- places ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    code: str
    start: int
    end: int
    preposition: str  # the preposition before it, lower case, "" when none
    case: str  # the grammatical case the words are in ("" when they do not decline)
    city: bool


def find_places(text: str) -> list[Place]:
    """Countries and cities named in a text, with the preposition before each."""
    words = lemmas(text)
    places: list[Place] = []
    index = 0
    while index < len(words):
        window = tuple(w for w, _s, _e in words[index : index + 4])
        code, size = country_for(window)
        city = False
        if not size:
            code = city_country(window[0])
            size = 1 if code else 0
            city = bool(code)
        if size and code:
            start, end = words[index][1], words[index + size - 1][2]
            surface = text[start:end].split()[0]
            if surface[:1].isupper():
                before = text[max(0, start - 6) : start].lower().split()
                prep = before[-1] if before else ""
                prep = prep if prep in ("в", "во", "из", "на", "с", "со", "к", "ко", "от") else ""
                case = _case_of(surface, parses, prep)
                places.append(Place(code, start, end, prep, case, city))
        index += size or 1
    return places


_NORMAL_CASE = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "loc1": "loct", "gen1": "gent"}


def _case_of(word: str, parses, preposition: str = "") -> str:
    """The case a place name is in, read with the preposition before it ("в Греции" is
    locative, though "Греции" alone reads first as genitive)."""
    found = parses(word.lower())
    if not found or "Fixd" in found[0].tag:
        return ""
    cases = [_NORMAL_CASE.get(str(p.tag.case), str(p.tag.case)) for p in found if p.tag.case]
    if not cases:
        return ""
    wanted = {
        "в": ("loct", "accs"), "во": ("loct", "accs"), "на": ("loct", "accs"),
        "из": ("gent",), "от": ("gent",), "с": ("gent", "ablt"), "со": ("gent", "ablt"),
        "к": ("datv",), "ко": ("datv",),
    }.get(preposition, ())  # fmt: skip
    for case in wanted:
        if case in cases:
            return case
    return cases[0]


# --- consular visits ---------------------------------------------------------------------

_VISIT = _rx(
    r"\b(?:посетил\w*|посещал\w*|навестил\w*|навещал\w*|навещать|посещать|посетить|"
    r"навестить|встретил\w*\s+(?:\w+\s+){0,4}?с|встретиться\s+с|провел\w*\s+встречу|"
    r"консульск\w+\s+(?:визит|посещени)\w*|получил\w*\s+консульск\w+\s+доступ)"
)
_DENIED = _rx(
    r"(?:\bне\s+(?:разреша\w+|разрешил\w*|позволя\w+|допуска\w+|допустил\w*|смог\w*|может|"
    r"могут|дают|дали|пуска\w+|пустил\w*|предоставля\w+|предоставил\w*|обеспечил\w*)\b|"
    r"\bотказ\w*|\bпрепятств\w+|\bне\s+получил\w*)"
)
_CONSULAR_ACCESS = _rx(r"\bконсульск\w+\s+доступ\w*|\bпопасть\s+в\s+(?:сизо|тюрьм|изолятор)")
OFFICIAL_WORDS = _rx(
    r"\b(?:посол\w*|посл[аеу]\b|генконсул\w*|генеральн\w+\s+консул\w*|консул\w*|дипломат\w*|"
    r"посольств\w*|генконсульств\w*|дипмисси\w*|сотрудник\w*\s+(?:посольства|консульства|"
    r"генконсульства|дипмиссии|мид))"
)


def visit_events(sentence: str) -> list[Event]:
    events: list[Event] = []
    official = OFFICIAL_WORDS.search(sentence)
    for m in _VISIT.finditer(sentence):
        if not official:
            continue
        before = sentence[max(0, m.start() - 60) : m.start()]
        denied = bool(_DENIED.search(before)) or m.group(0).lower().endswith(("ать", "ить"))
        if m.group(0).lower().endswith(("ать", "ить")) and not _DENIED.search(before):
            continue  # "добивались встретиться": a wish, not a visit
        events.append(Event("access_denied" if denied else "visit", m.start(), m.end(), False, {}))
    for m in _CONSULAR_ACCESS.finditer(sentence):
        if any(e.start <= m.start() < e.end for e in events):
            continue
        around = sentence[max(0, m.start() - 80) : m.end() + 40]
        if _DENIED.search(around) or re.search(r"(?i)должн\w+\s+был\w*\s+обеспечить", around):
            events.append(Event("access_denied", m.start(), m.end(), False, {}))
    return events


# "обвинение просило приговорить Грина к 9 годам": what a party asked for
_ASKED = _rx(
    r"\b(?:прос\w+|запрос\w+|потребова\w+|требова\w+|предлага\w+|предложил\w*)\s+(?:\S+\s+){0,4}$"
)


def term_events(sentence: str) -> list[Event]:
    events = []
    for term in quantities.find_terms(sentence):
        events.append(
            Event(
                "term",
                term.start,
                term.end,
                _hypothetical(sentence, term.start)
                or bool(_ASKED.search(sentence[max(0, term.start - 60) : term.start])),
                {
                    "years": term.years,
                    "months": term.months,
                    "life": term.life,
                    "death": term.death,
                },
            )
        )
    return events


_THREAT = _rx(r"\b(?:грози\w*|грозят|светит|рискует|может\s+получить|предусматрива\w+)\b")
# "грозило до 10 лет, но суд ограничился штрафом": a turn after the threat leaves the fine real.
_TURN = _rx(r"\b(?:но|однако|тем\s+не\s+менее)\b|;")


def _threatened(sentence: str, start: int) -> bool:
    """A fine that belongs to a threat told just before it in the sentence, with no turn
    between them: "грозит до 20 лет, а также штраф"."""
    window = sentence[max(0, start - 120) : start]
    threats = list(_THREAT.finditer(window))
    return bool(threats) and not _TURN.search(window, threats[-1].end())


def penalty_events(sentence: str) -> list[Event]:
    events = []
    for found in quantities.find_max_penalties(sentence):
        events.append(
            Event(
                "max_penalty",
                found.start,
                found.end,
                False,
                {"years": found.years, "life": found.life},
            )
        )
    for fine in quantities.find_fines(sentence):
        events.append(
            Event(
                "fine",
                fine.start,
                fine.end,
                (
                    _hypothetical(sentence, fine.start)
                    and not _OBLIGED.search(sentence[max(0, fine.start - 40) : fine.start])
                )
                # "грозит до 20 лет, а также штраф": the fine of the threat, not a sentence
                or _threatened(sentence, fine.start),
                {"amount": fine.amount, "currency": fine.currency},
            )
        )
    return events


# "в рамках обмена выдали 50 пленных": a hand-over in an exchange of prisoners.
_EXCHANGE_NEAR = _rx(r"\bобмен\w*|\bпленн\w+")
_EXCHANGE_WORD = _rx(r"\bобмен\w*")
_EXTRADITION_WORD = _rx(r"экстрад")


def _exchange_handovers(events: list[Event], sentence: str, preceding: str) -> list[Event]:
    """A surrender told in (or right after) a sentence of an exchange is the exchange's
    hand-over, not an extradition."""
    if not _EXCHANGE_NEAR.search(sentence) and not _EXCHANGE_WORD.search(preceding):
        return events
    out = []
    for event in events:
        if event.data.get("status") == "surrendered" and not _EXTRADITION_WORD.match(
            sentence, event.start
        ):
            event = Event("exchanged", event.start, event.end, event.hypothetical, {"word": ""})
        out.append(event)
    return out


def sentence_events(sentence: str, following: str, preceding: str = "") -> list[Event]:
    """Every event of one sentence; `following` and `preceding` are the sentences beside it
    (an exchange is often told in the sentence before or after the release)."""
    return (
        status_events(sentence, following, preceding)
        + charge_events(sentence)
        + facility_events(sentence)
        + _exchange_handovers(extradition_events(sentence), sentence, preceding)
        + visit_events(sentence)
        + term_events(sentence)
        + penalty_events(sentence)
    )
