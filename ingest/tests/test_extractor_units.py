"""The extractor's building blocks: dates, money, numbers, names, metadata, sentences."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extractor import extract, split_metadata, to_record
from ingest.extractor.charges import categorise
from ingest.extractor.dates import find_dates, resolve_phrase
from ingest.extractor.language import looks_english
from ingest.extractor.metadata import header_date, metadata_length
from ingest.extractor.money import find_money
from ingest.extractor.numbers import parse_number
from ingest.extractor.people import spellings_agree, translit_key
from ingest.extractor.segment import split_sentences

FRIDAY = dt.date(2024, 3, 15)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on March 3, 2021,", "2021-03-03"),
        ("on 3 March 2021", "2021-03-03"),
        ("in March 2021", "2021-03"),
        ("in 2019", "2019"),
        ("on Wednesday", "2024-03-13"),
        ("on Friday", "2024-03-15"),  # the day of publication itself
        ("last Friday", "2024-03-08"),
        ("next Monday", "2024-03-18"),
        ("in February", "2024-02"),
        ("in November", "2023-11"),  # a month after publication is last year's
        ("on 20 December", "2023-12-20"),
        ("last month", "2024-02"),
        ("last year", "2023"),
        ("yesterday", "2024-03-14"),
        ("three days ago", "2024-03-12"),
        ("2022-06-30", "2022-06-30"),
    ],
)
def test_dates_resolve_against_publication(phrase, expected):
    assert resolve_phrase(phrase, FRIDAY) == expected


def test_relative_dates_stay_unresolved_without_publication_date():
    assert resolve_phrase("on Wednesday", None) is None
    assert resolve_phrase("in August", None) is None
    assert resolve_phrase("in August 2020", None) == "2020-08"


def test_modal_may_is_not_a_month():
    assert find_dates("He may be released soon.", FRIDAY) == []


def test_date_said_on_a_day_is_marked_as_reporting():
    (found,) = find_dates("the ministry said on Thursday", FRIDAY)
    assert found.reporting and found.value == "2024-03-14"


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a penalty of $2.5 mln", 2_500_000, "USD"),
        ("fined 75,000 euros", 75_000, "EUR"),
        ("a fine of 40,000 dirhams", 40_000, "AED"),
        ("3 million Hong Kong dollars", 3_000_000, "HKD"),
        ("a fine of £900", 900, "GBP"),
        ("250,000 rupiah", 250_000, "IDR"),
    ],
)
def test_money(text, amount, currency):
    (found,) = find_money(text)
    assert (found.amount, found.currency) == (amount, currency)


def test_ambiguous_currency_follows_the_country():
    (found,) = find_money("fined 5,000 dirhams", local_country="MA")
    assert found.currency == "MAD"


@pytest.mark.parametrize(
    ("token", "value"),
    [("twenty-seven", 27), ("eleven", 11), ("1,500", 1500), ("3.5", 3.5), ("a", 1)],
)
def test_numbers(token, value):
    assert parse_number(token) == value


def test_transliterations_agree():
    assert translit_key("Seleznyov") == translit_key("Seleznev")
    assert spellings_agree("Kovalyov", "Ковалёв")
    assert spellings_agree("Hnatyuk", "Hnatiuk")
    assert spellings_agree("Zhukov", "Jukov")


def test_feminine_and_masculine_surnames_stay_apart():
    assert not spellings_agree("Petrova", "Petrov")
    assert not spellings_agree("Sokolovskaya", "Sokolovsky")


def test_split_metadata_strips_the_published_line():
    text = "Published: 2022-01-31\n\nBody text here."
    body, published = split_metadata(text)
    assert published == dt.date(2022, 1, 31)
    assert body == "\nBody text here."
    assert text[metadata_length(text) :] == body


def test_split_metadata_leaves_other_text_alone():
    assert split_metadata("No metadata.\nPublished: 2022-01-31") == (
        "No metadata.\nPublished: 2022-01-31",
        None,
    )


def test_header_stamp_of_a_scraped_page():
    assert header_date(" date 2021-07-09 Nairobi: police said") == dt.date(2021, 7, 9)
    assert header_date("A story from 2021-07-09 in the middle") is None


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Headline without stop\n\nMr. Lee was held in the U.S. for years. He is 40."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Headline without stop",
        "Mr. Lee was held in the U.S. for years.",
        "He is 40.",
    ]
    assert sentences[0].is_title and not sentences[1].is_title
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_charge_categories():
    assert categorise("conspiracy to commit wire fraud") == "fraud"
    assert categorise("money laundering") == "money_laundering"
    assert categorise("smuggling migrants") == "immigration"
    assert categorise("possession of heroin") == "drugs"
    assert categorise("spying for a foreign intelligence service") == "espionage"
    assert categorise("acting as an unregistered foreign agent") == "foreign_agent"
    assert categorise("unauthorised computer access") == "cybercrime"
    assert categorise("illegal possession of firearms") == "weapons"
    assert categorise("violating export controls") == "sanctions_export"
    assert categorise("theft") == "other"


def test_english_check():
    english = (
        "The court said on Monday that the man had been held in the city jail for a week. " * 2
    )
    assert looks_english(english)
    spanish = (
        "La policía detuvo el martes a un ciudadano que era buscado por las autoridades de su "
        "país por delitos económicos, según informaron fuentes cercanas a la investigación."
    )
    assert not looks_english(spanish)


_VOCABULARY = (
    "The court in Moscow sentenced Ivan Petrov , a Russian citizen , to 5 years in prison . "
    "He was arrested on Monday and held in Evin prison . Ambassador Ana Silva visited him "
    "Published: 2020-01-01 \n \n\n fined $ 500 euros extradited to the US from Spain , and "
    "она Иван 林 ’s ( ) “ ” — last month in May 2019 ; charged with fraud"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=80).map(" ".join))
def test_extract_never_fails_and_spans_stay_in_the_text(text):
    result = extract(text)
    for detainee in result.detainees:
        for mention in detainee.mentions:
            assert text[mention.span.start : mention.span.end] == mention.text
        to_record(detainee)


def test_empty_and_blank_texts():
    assert extract("").detainees == ()
    assert extract("Published: 2020-01-01\n").detainees == ()
    assert extract("   \n\n  ").detainees == ()


def test_a_name_followed_by_empty_commas_is_read_without_error():
    assert extract("Ivan Petrov , , was held.").language == "en"
