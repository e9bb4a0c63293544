"""Extraction throughput on synthetic articles of news length, and how cost grows with length.

Generates articles from templates filled with invented names, countries, charges and
sentences plus background paragraphs (fixed seed, so every run reads the same texts; about
2,500 characters each, like a news story), runs the extractor over them on one core and prints
articles per second, peak memory, and how many of the planted detainees were found. Then it
joins articles into texts of growing length (25 KB up to 4 MB) and prints the time each takes
and the time per 100,000 characters read: flat when the cost is linear; past the extractor's
`MAX_TEXT_CHARS` only the first part is read.

    python bench/extraction_throughput.py [--articles 1500] [--seed 7] [--no-growth]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.extractor import MAX_TEXT_CHARS, extract  # noqa: E402

# (country, demonym, capital, facility name) used for both sides of a story.
COUNTRIES = [
    ("Russia", "Russian", "Moscow", "Lefortovo pretrial detention centre"),
    ("Iran", "Iranian", "Tehran", "Evin prison"),
    ("China", "Chinese", "Beijing", "Beijing No. 2 prison"),
    ("Belarus", "Belarusian", "Minsk", "Volodarsky detention centre"),
    ("Venezuela", "Venezuelan", "Caracas", "Rodeo I prison"),
    ("Indonesia", "Indonesian", "Jakarta", "Cipinang prison"),
    ("Thailand", "Thai", "Bangkok", "Klong Prem prison"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Al-Ha'ir prison"),
    ("Egypt", "Egyptian", "Cairo", "Tora prison"),
    ("Turkey", "Turkish", "Ankara", "Sincan prison"),
    ("Georgia", "Georgian", "Tbilisi", "Gldani prison"),
    ("Greece", "Greek", "Athens", "Korydallos prison"),
]
HOMES = [
    ("American", "US"),
    ("British", "GB"),
    ("French", "FR"),
    ("German", "DE"),
    ("Canadian", "CA"),
    ("Australian", "AU"),
    ("Japanese", "JP"),
    ("Brazilian", "BR"),
    ("Ukrainian", "UA"),
    ("Filipino", "PH"),
    ("Indian", "IN"),
    ("Kenyan", "KE"),
]
CHARGES = [
    "espionage",
    "drug trafficking",
    "money laundering",
    "wire fraud",
    "smuggling migrants",
    "illegal possession of firearms",
    "computer intrusion",
    "tax evasion",
    "sabotage",
]
JOBS = ["engineer", "teacher", "businessman", "student", "sailor", "aid worker", "tourist"]
TITLES = ["ambassador", "consul", "consul general", "deputy foreign minister"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vo",
    "shi",
    "dan",
    "el",
    "bor",
    "ni",
    "tas",
    "ru",
    "ven",
    "sa",
    "gor",
    "li",
    "zan",
    "mer",
    "to",
    "fa",
    "quin",
    "del",
    "har",
]


BACKGROUND = [
    "Rights groups say dozens of foreigners are held in {there} prisons on similar charges, "
    "and that many of them wait months before a court hears their case. Families describe "
    "long silences, letters that arrive weeks late and visits cut short without a reason.",
    "The case has strained relations between the two governments, which had only recently "
    "agreed to resume talks on trade, visas and flights. Diplomats on both sides declined to "
    "say whether the detention would be raised at the next round of talks.",
    "Supporters held a vigil outside the {home} parliament on Sunday, reading out letters "
    "written in detention. Organisers said more than two hundred people attended and that "
    "a petition calling for a return home had gathered thousands of signatures.",
    "Analysts said the arrest fitted a pattern in which foreigners are detained on broad "
    "charges at moments of diplomatic tension, and warned travellers to check official "
    "advice before any visit. The ministry updated its travel advice later that week.",
    '"We are doing everything we can," a spokesperson for the ministry told reporters at a '
    "regular briefing, adding that officials were in close contact with the family and with "
    "the authorities in {there_country}. The spokesperson would not give further details.",
    "Court hearings in such cases are often closed to the public and to the press, and "
    "lawyers say they are given little time to read the evidence against their clients. An "
    "appeal can take a year or more to be heard, during which the accused remain in custody.",
    "Former detainees who have since returned home describe crowded cells, poor food and "
    "little medical care, and say the hardest part was not knowing how long they would be "
    "held. Several have called for clearer rules on when a consul must be told of an arrest.",
    "The foreign ministry has said it raises the cases of all its detained nationals at every "
    "meeting with its counterparts, but critics say quiet diplomacy has achieved little and "
    "that public pressure, sanctions on those responsible, or a negotiated exchange work better.",
]


def background(rng: random.Random, country: str, demonym_there: str, demonym: str) -> list[str]:
    """Four to seven paragraphs of context, the way a news story goes on after its facts."""
    return [
        paragraph.format(there=demonym_there, home=demonym, there_country=country)
        for paragraph in rng.sample(BACKGROUND, rng.randint(4, 7))
    ]


@dataclass
class Article:
    text: str
    detainees: list[str]


def invented_name(rng: random.Random) -> str:
    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    return f"{word(2)} {word(rng.choice((2, 3)))}"


def single_detainee(rng: random.Random, published: dt.date) -> Article:
    country, demonym_there, capital, facility = rng.choice(COUNTRIES)
    demonym, _code = rng.choice(HOMES)
    name, official = invented_name(rng), invented_name(rng)
    surname = name.split()[-1]
    years = rng.choice(NUMBER_WORDS)
    charge = rng.choice(CHARGES)
    month = rng.choice(MONTHS)
    job = rng.choice(JOBS)
    paragraphs = [
        f"Published: {published.isoformat()}",
        f"{demonym_there} court jails {demonym} {job} for {charge}",
        f"{capital.upper()} - A {demonym_there} court on Tuesday sentenced a {demonym} {job} to "
        f"{years} years in prison for {charge}, the {demonym} foreign ministry said.",
        f"{name}, {rng.randint(25, 70)}, was arrested in {capital} in {month} {published.year - 1} "
        f"and has been held in {facility} since then. {surname} denied the charges.",
        f"The {demonym} {rng.choice(TITLES)}, {official}, visited {surname} in {facility} on "
        f"Monday and said he was in good health.",
    ]
    if rng.random() < 0.5:
        paragraphs.append(
            f"{surname}'s lawyer, {invented_name(rng)}, said the defence would appeal. "
            f'"My client is innocent," the lawyer told reporters.'
        )
    paragraphs.extend(background(rng, country, demonym_there, demonym))
    return Article("\n\n".join(paragraphs) + "\n", [name])


def two_detainees(rng: random.Random, published: dt.date) -> Article:
    country, demonym_there, capital, facility = rng.choice(COUNTRIES)
    demonym, _code = rng.choice(HOMES)
    first, second = invented_name(rng), invented_name(rng)
    years_a, years_b = rng.sample(NUMBER_WORDS, 2)
    charge_a, charge_b = rng.sample(CHARGES, 2)
    paragraphs = [
        f"Published: {published.isoformat()}",
        f"Two {demonym} citizens sentenced in {country}",
        f"{capital.upper()} - Two {demonym} citizens held in {facility} were sentenced on "
        f"Wednesday in separate cases, their families said.",
        f"{first} was convicted of {charge_a} and sentenced to {years_a} years. "
        f"{second.split()[-1]}'s case was heard the same day: {second} was found guilty of "
        f"{charge_b} and received a sentence of {years_b} years and six months.",
        f"Foreign Minister {invented_name(rng)} said the government would seek clemency.",
        *background(rng, country, demonym_there, demonym),
    ]
    return Article("\n\n".join(paragraphs) + "\n", [first, second])


def extradition(rng: random.Random, published: dt.date) -> Article:
    (from_country, demonym_there, capital, _f1), (to_country, _d2, _c2, _f2) = rng.sample(
        COUNTRIES, 2
    )
    demonym, _code = rng.choice(HOMES)
    name = invented_name(rng)
    surname = name.split()[-1]
    outcome = rng.choice(["extradited", "refused to extradite", "approved the extradition of"])
    if outcome == "extradited":
        lead = f"{from_country} extradited a {demonym} programmer to {to_country} on Thursday."
    else:
        lead = f"A court in {capital} on Thursday {outcome} a {demonym} programmer to {to_country}."
    paragraphs = [
        f"Published: {published.isoformat()}",
        f"{capital.upper()} - {lead}",
        f"{name} was detained in {capital} in {rng.choice(MONTHS)} at the request of "
        f"{to_country}, where he faces up to {rng.randint(5, 30)} years in prison on "
        f"{rng.choice(CHARGES)} charges.",
        f"His lawyer, {invented_name(rng)}, said {surname} would appeal.",
        *background(rng, from_country, demonym_there, demonym),
    ]
    return Article("\n\n".join(paragraphs) + "\n", [name])


def no_detainee(rng: random.Random, published: dt.date) -> Article:
    country, demonym_there, capital, _f = rng.choice(COUNTRIES)
    paragraphs = [
        f"Published: {published.isoformat()}",
        f"{capital.upper()} - Foreign Minister {invented_name(rng)} met his counterpart "
        f"{invented_name(rng)} in {capital} on Monday to discuss trade and consular cooperation.",
        f"Officials said about a dozen foreigners were serving sentences in {country}, but "
        f"neither minister would discuss individual cases.",
        *background(rng, country, demonym_there, rng.choice(HOMES)[0]),
    ]
    return Article("\n\n".join(paragraphs) + "\n", [])


TEMPLATES = [single_detainee, single_detainee, two_detainees, extradition, no_detainee]


def generate(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    start = dt.date(2018, 1, 1)
    articles = []
    for _ in range(count):
        published = start + dt.timedelta(days=rng.randint(0, 2500))
        articles.append(rng.choice(TEMPLATES)(rng, published))
    return articles


def growth(articles: list[Article]) -> None:
    """Time texts of growing length made by joining the articles (their date lines dropped)."""
    joined = "".join(article.text.split("\n", 1)[1] for article in articles)
    while len(joined) < 4_000_000:
        joined += joined
    for size in (25_000, 100_000, 1_000_000, 4_000_000):
        text = "Published: 2024-01-01\n" + joined[:size]
        started, cpu_started = time.perf_counter(), time.process_time()
        result = extract(text)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        read = min(size, MAX_TEXT_CHARS)
        print(
            f"chars={size} read<={read} seconds={elapsed:.2f} cpu_seconds={cpu:.2f} "
            f"cpu_seconds_per_100k_read={cpu * 100_000 / read:.2f} "
            f"detainees={len(result.detainees)} cut={'yes' if result.warnings else 'no'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-growth", action="store_true", help="skip the long texts")
    args = parser.parse_args()

    articles = generate(args.articles, args.seed)
    extract(articles[0].text)  # imports and compiled patterns are not part of the timing
    planted = found = invented = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        names = {d.name for d in extract(article.text).detainees}
        planted += len(article.detainees)
        found += len(names & set(article.detainees))
        invented += len(names - set(article.detainees))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mean_chars = sum(len(a.text) for a in articles) / len(articles)
    print(
        f"articles={len(articles)} mean_chars={mean_chars:.0f} seconds={elapsed:.2f} "
        f"articles_per_second={len(articles) / elapsed:.1f} "
        f"cpu_articles_per_second={len(articles) / cpu:.1f}"
    )
    print(f"peak_memory_mib={peak_mib:.1f} (resident set, whole process)")
    print(
        f"planted_detainees={planted} found={found} "
        f"recall={found / planted if planted else 0:.3f} extra_people={invented}"
    )
    if not args.no_growth:
        growth(articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
