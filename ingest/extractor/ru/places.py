"""Countries, cities and demonyms in Russian, inflected: "в США", "из Таиланда", "на Кипре",
"гражданина России", "россиянку", "американский".

Country names come from the ISO 3166 names in Russian that pycountry ships, brought to their
dictionary form word by word, plus the short and everyday names news use; cities that
stand for their country ("суд Салоник", "во Владивостоке") are a small table.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

from .nlp import lemma

# Everyday names not in the ISO list (or shorter than it), as lemmas.
_COUNTRY_NAMES = {
    "россия": "RU", "рф": "RU", "российский федерация": "RU", "сша": "US", "америка": "US",
    "соединить штат": "US", "соединённый штат": "US", "соединенный штат": "US",
    "соединить штат америка": "US", "штат": None, "великобритания": "GB", "англия": "GB",
    "британия": "GB", "южный корея": "KR", "корея": "KR", "северный корея": "KP",
    "кндр": "KP", "молдавия": "MD", "молдова": "MD", "белоруссия": "BY", "беларусь": "BY",
    "киргизия": "KG", "кыргызстан": "KG", "чехия": "CZ", "оаэ": "AE", "эмират": "AE",
    "таиланд": "TH", "тайланд": "TH", "таилинд": "TH", "вьетнам": "VN", "иран": "IR",
    "сирия": "SY", "лаос": "LA", "венесуэла": "VE", "боливия": "BO", "танзания": "TZ",
    "македония": "MK", "голландия": "NL", "нидерланды": "NL", "мальдивы": "MV",
    "мальдивский остров": "MV", "кипр": "CY", "республика кипр": "CY", "ватикан": "VA",
    "юар": "ZA", "украина": "UA", "грузия": "GE", "эстония": "EE", "латвия": "LV",
    "литва": "LT", "черногория": "ME", "сербия": "RS", "косово": "XK", "турция": "TR",
    "турецкий республика": "TR",
    "тайвань": "TW", "китай": "CN", "кнр": "CN", "германия": "DE", "фрг": "DE",
    "франция": "FR", "италия": "IT", "испания": "ES", "греция": "GR", "швейцария": "CH",
    "финляндия": "FI", "польша": "PL", "израиль": "IL", "ливан": "LB", "индонезия": "ID",
    "казахстан": "KZ", "узбекистан": "UZ", "таджикистан": "TJ", "азербайджан": "AZ",
    "армения": "AM", "египет": "EG", "япония": "JP", "индия": "IN", "канада": "CA",
    "австралия": "AU", "бразилия": "BR", "аргентина": "AR", "мексика": "MX",
    "колумбия": "CO", "куба": "CU", "австрия": "AT", "бельгия": "BE", "болгария": "BG",
    "венгрия": "HU", "дания": "DK", "ирландия": "IE", "норвегия": "NO", "португалия": "PT",
    "румыния": "RO", "словакия": "SK", "словения": "SI", "хорватия": "HR", "швеция": "SE",
    "монголия": "MN", "пакистан": "PK", "афганистан": "AF", "ирак": "IQ",
    "саудовский аравия": "SA", "катар": "QA", "марокко": "MA", "нигерия": "NG",
    "шри-ланка": "LK", "филиппины": "PH", "малайзия": "MY", "сингапур": "SG",
    "камбоджа": "KH", "мьянма": "MM", "непал": "NP", "тунис": "TN", "ливия": "LY",
    "судан": "SD", "эфиопия": "ET", "кения": "KE", "перу": "PE", "чили": "CL",
    "эквадор": "EC", "доминиканский республика": "DO", "ямайка": "JM", "исландия": "IS",
    "люксембург": "LU", "монако": "MC", "мальта": "MT", "албания": "AL", "босния": "BA",
    "туркмения": "TM", "туркменистан": "TM", "абхазия": None, "южный осетия": None,
    "донбасс": None, "лнр": None, "днр": None,
}  # fmt: skip

# Cities and regions that name their country in news ("суд в Сиэтле", "на Пхукете").
_CITIES = {
    "москва": "RU", "санкт-петербург": "RU", "петербург": "RU", "владивосток": "RU",
    "краснодар": "RU", "екатеринбург": "RU", "лефортово": "RU", "новосибирск": "RU",
    "казань": "RU", "ростов-на-дону": "RU", "калининград": "RU", "брянск": "RU",
    "красноярск": "RU", "шереметьево": "RU", "внуково": "RU", "домодедово": "RU",
    "пулково": "RU", "матросская тишина": "RU", "химки": "RU", "мордовия": "RU",
    "лефортовский": "RU", "басманный": "RU", "мещанский": "RU", "тверской": "RU",
    "нью-йорк": "US", "вашингтон": "US", "сиэтл": "US", "бруклин": "US",
    "калифорния": "US", "техас": "US", "флорида": "US", "невада": "US", "мичиган": "US",
    "бангкок": "TH", "пхукет": "TH", "паттайя": "TH", "самуи": "TH", "никосия": "CY",
    "ларнака": "CY", "лимассол": "CY", "пафос": "CY", "афины": "GR", "салоники": "GR",
    "халкидики": "GR", "женева": "CH", "цюрих": "CH", "берн": "CH", "лозанна": "CH",
    "рим": "IT", "милан": "IT", "неаполь": "IT", "тбилиси": "GE", "батуми": "GE",
    "киев": "UA", "харьков": "UA", "одесса": "UA", "львов": "UA", "таллин": "EE",
    "таллинн": "EE", "нарва": "EE", "тарту": "EE", "хельсинки": "FI", "вантаа": "FI",
    "бейрут": "LB", "мале": "MV", "сеул": "KR", "подгорица": "ME", "париж": "FR",
    "берлин": "DE", "минск": "BY", "лондон": "GB", "варшава": "PL", "рига": "LV",
    "вильнюс": "LT", "анкара": "TR", "стамбул": "TR", "анталья": "TR", "дубай": "AE",
    "пекин": "CN", "бали": "ID", "джакарта": "ID", "прага": "CZ", "мадрид": "ES",
    "барселона": "ES", "амстердам": "NL", "гаага": "NL", "вена": "AT", "белград": "RS",
    "баку": "AZ", "ереван": "AM", "алматы": "KZ", "астана": "KZ", "бишкек": "KG",
    "ташкент": "UZ", "душанбе": "TJ", "токио": "JP", "дели": "IN", "гоа": "IN",
    "хошимин": "VN", "нячанг": "VN", "ханой": "VN", "пномпень": "KH", "катманду": "NP",
    "вьентьян": "LA",
    # Russia's regions and regional centres, where its courts and colonies are named
    "адыгея": "RU", "башкирия": "RU", "башкортостан": "RU", "татарстан": "RU",
    "чечня": "RU", "дагестан": "RU", "ингушетия": "RU", "карелия": "RU", "коми": "RU",
    "якутия": "RU", "бурятия": "RU", "хакасия": "RU", "чувашия": "RU", "удмуртия": "RU",
    "калмыкия": "RU", "кабардино-балкария": "RU", "псков": "RU", "воронеж": "RU",
    "ростов": "RU", "таганрог": "RU", "смоленск": "RU", "тверь": "RU", "курск": "RU",
    "белгород": "RU", "саратов": "RU", "самара": "RU", "пермь": "RU", "омск": "RU",
    "томск": "RU", "иркутск": "RU", "хабаровск": "RU", "челябинск": "RU", "тюмень": "RU",
    "уфа": "RU", "волгоград": "RU", "тула": "RU", "рязань": "RU", "калуга": "RU",
    "ярославль": "RU", "липецк": "RU", "тамбов": "RU", "пенза": "RU", "ульяновск": "RU",
    "кострома": "RU", "мурманск": "RU", "архангельск": "RU", "сочи": "RU",
    "ставрополь": "RU", "майкоп": "RU", "махачкала": "RU", "нальчик": "RU",
    "барнаул": "RU", "кемерово": "RU", "магадан": "RU", "чита": "RU", "улан-удэ": "RU",
    "якутск": "RU", "сыктывкар": "RU", "петрозаводск": "RU", "саранск": "RU",
    "чебоксары": "RU", "ижевск": "RU", "оренбург": "RU", "астрахань": "RU",
}  # fmt: skip

# Demonyms (nouns, both sexes) and the adjectives of countries.
_DEMONYMS = {
    "россиянин": "RU", "россиянка": "RU", "американец": "US", "американка": "US",
    "украинец": "UA", "украинка": "UA", "белорус": "BY", "белоруска": "BY",
    "эстонец": "EE", "эстонка": "EE", "латыш": "LV", "литовец": "LT", "грузин": "GE",
    "грузинка": "GE", "казах": "KZ", "армянин": "AM", "азербайджанец": "AZ",
    "британец": "GB", "британка": "GB", "англичанин": "GB", "француз": "FR",
    "француженка": "FR", "немец": "DE", "немка": "DE", "итальянец": "IT", "грек": "GR",
    "израильтянин": "IL", "израильтянка": "IL", "канадец": "CA", "канадка": "CA",
    "австралиец": "AU", "японец": "JP", "китаец": "CN", "кореец": "KR", "турок": "TR",
    "поляк": "PL", "полька": "PL", "финн": "FI", "швейцарец": "CH", "киприот": "CY",
    "таец": "TH", "молдаванин": "MD", "узбек": "UZ", "таджик": "TJ", "киргиз": "KG",
    "норвежец": "NO", "норвежка": "NO", "голландец": "NL", "нидерландец": "NL",
    "швед": "SE", "шведка": "SE", "датчанин": "DK", "австриец": "AT", "бельгиец": "BE",
    "венгр": "HU", "румын": "RO", "болгарин": "BG", "серб": "RS", "хорват": "HR",
    "словак": "SK", "словенец": "SI", "испанец": "ES", "испанка": "ES", "португалец": "PT",
    "ирландец": "IE", "чех": "CZ", "чешка": "CZ", "литовка": "LT", "латышка": "LV",
    "казашка": "KZ", "армянка": "AM", "вьетнамец": "VN", "иранец": "IR", "черногорец": "ME",
    "мексиканец": "MX", "бразилец": "BR", "индиец": "IN",
    "соотечественник": None, "соотечественница": None,
}  # fmt: skip
_ADJECTIVES = {
    "российский": "RU", "американский": "US", "украинский": "UA", "белорусский": "BY",
    "эстонский": "EE", "латвийский": "LV", "литовский": "LT", "грузинский": "GE",
    "казахстанский": "KZ", "британский": "GB", "французский": "FR", "немецкий": "DE",
    "германский": "DE", "итальянский": "IT", "греческий": "GR", "израильский": "IL",
    "канадский": "CA", "австралийский": "AU", "японский": "JP", "китайский": "CN",
    "турецкий": "TR", "польский": "PL", "финский": "FI", "финляндский": "FI",
    "швейцарский": "CH", "кипрский": "CY", "таиландский": "TH", "тайский": "TH",
    "молдавский": "MD", "черногорский": "ME", "сербский": "RS", "чешский": "CZ",
    "испанский": "ES", "вьетнамский": "VN", "иранский": "IR", "индонезийский": "ID",
    "ливанский": "LB", "мальдивский": "MV", "южнокорейский": "KR", "корейский": "KR",
    "северокорейский": "KP", "миланский": "IT", "тбилисский": "GE", "киевский": "UA",
    "московский": "RU", "нью-йоркский": "US", "вашингтонский": "US",
    "норвежский": "NO", "нидерландский": "NL", "голландский": "NL", "шведский": "SE",
    "датский": "DK", "австрийский": "AT", "бельгийский": "BE", "венгерский": "HU",
    "румынский": "RO", "болгарский": "BG", "хорватский": "HR", "словацкий": "SK",
    "словенский": "SI", "португальский": "PT", "ирландский": "IE", "азербайджанский": "AZ",
    "армянский": "AM", "киргизский": "KG", "кыргызский": "KG", "узбекский": "UZ",
    "таджикский": "TJ", "мексиканский": "MX", "бразильский": "BR", "индийский": "IN",
    "эмиратский": "AE", "египетский": "EG", "монгольский": "MN",
}  # fmt: skip
# Words that make "России" in "гражданина России" a nationality.
CITIZEN_NOUNS = frozenset(
    ["гражданин", "гражданка", "подданный", "подданная", "уроженец", "уроженка", "гражданство"]
)


@dataclass(frozen=True)
class PlaceMention:
    code: str
    start: int  # offsets into the sentence
    end: int
    kind: str  # "country", "city", "demonym" or "adjective"
    case: str  # the grammatical case of its first word ("loct", "gent"...), "" if unknown


@cache
def _iso_names() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return table
    for country in pycountry.countries:
        name = russian.gettext(country.name)
        key = " ".join(lemma(w) for w in name.replace(",", " ").split())
        table.setdefault(key, country.alpha_2)
    return table


def country_for(lemmas: tuple[str, ...]) -> tuple[str | None, int]:
    """The country named by the longest run of lemmas from the start, and how many words
    it takes; (None, 0) when the words name none."""
    iso = _iso_names()
    for size in (4, 3, 2, 1):
        if len(lemmas) < size:
            continue
        key = " ".join(lemmas[:size]).replace("ё", "е")
        for table in (_COUNTRY_NAMES, iso):
            if key in table:
                return table[key], size
    return None, 0


def city_country(word_lemma: str) -> str | None:
    return _CITIES.get(word_lemma.replace("ё", "е"))


def demonym_country(word_lemma: str) -> tuple[str | None, str] | None:
    """(country, "demonym"|"adjective") for a demonym or a country's adjective."""
    key = word_lemma.replace("ё", "е")
    if key in _DEMONYMS:
        return _DEMONYMS[key], "demonym"
    if key in _ADJECTIVES:
        return _ADJECTIVES[key], "adjective"
    return None


# Ex-Soviet nationalities whose people's names are Russian in form: spelled by the passport
# standard rather than as a foreign name.
CYRILLIC_NAME_COUNTRIES = frozenset(["RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "MD", "AM", "AZ"])


def adjective_country(word_lemma: str) -> str | None:
    """The country of a country's or a city's adjective ("российский", "краснодарский",
    "миланский")."""
    key = word_lemma.replace("ё", "е")
    if key in _ADJECTIVES:
        return _ADJECTIVES[key]
    for suffix, endings in (("ский", ("", "а", "ь", "и")), ("цкий", ("к",))):
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            # "химкинский" is of Химки: the stem may carry an "н" the name has not.
            stems = [stem, stem[:-1]] if stem.endswith("н") else [stem]
            for base in stems:
                for ending in endings:
                    code = _CITIES.get(base + ending)
                    if code:
                        return code
    return None
