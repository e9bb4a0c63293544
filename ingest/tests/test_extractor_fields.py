"""Facts about each detainee that real news states in ways the first rules missed, each checked
on invented sentences: charges named by their field ("drug charges") or as an offence ("a drug
offence"), a sentence that a bare "No." ends, an attribution opened by its verb."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.segment import split_sentences

PUBLISHED = dt.date(2024, 5, 10)


def _charges(text: str) -> dict[str, list[str]]:
    return {d.name: [c.phrase for c in d.charges] for d in extract(text, PUBLISHED).detainees}


def test_charges_named_by_their_field_keep_the_word_charges():
    text = (
        "Ana Silva, a Brazilian woman, was detained in Jakarta on drug charges. Tom Reed, a "
        "Briton, was held in Dubai on weapons charges. Li Wen was jailed in Macau on "
        "drug-related charges."
    )
    assert _charges(text) == {
        "Ana Silva": ["drug charges"],
        "Tom Reed": ["weapons charges"],
        "Li Wen": ["drug-related charges"],
    }


def test_a_charge_named_after_a_determiner_and_a_similar_one():
    text = (
        "Tom Reed, a British man, was arrested in Bangkok in 2019 on a similar drugs charge. "
        "He is serving 20 years in a Thai jail for a drug offence."
    )
    assert _charges(text) == {"Tom Reed": ["drugs charge"]}


def test_a_similar_offence_names_no_charge():
    text = "Tom Reed, a British man, was jailed in Bangkok in 2019 for a similar offence."
    assert _charges(text) == {"Tom Reed": []}


def test_an_offence_after_for_a_is_a_charge():
    text = "Tom Reed, a British man, is serving 20 years in a Thai jail for a drug offence."
    assert _charges(text) == {"Tom Reed": ["drug offence"]}


def test_a_bare_no_ends_a_sentence_but_not_before_a_number():
    text = "Was he free to go? No. He was charged with fraud. He sits in court No. 5 today."
    sentences = [s.text for s in split_sentences(text, 0)]
    assert sentences == [
        "Was he free to go?",
        "No.",
        "He was charged with fraud.",
        "He sits in court No. 5 today.",
    ]


def test_a_charge_after_a_bare_no_is_not_denied():
    text = (
        "Simon Hale, a British tourist, was detained at Phuket airport. Was he free to go? "
        "No. Hale was then charged with \u201crude behaviour\u201d towards an officer."
    )
    assert _charges(text) == {"Simon Hale": ["rude behaviour"]}


def test_an_attribution_opened_by_its_verb_is_not_part_of_a_name():
    text = (
        "Simon Hale, a British tourist, was detained at Phuket airport. Says Hale to the "
        "paper: \u201cI did nothing wrong.\u201d"
    )
    assert [d.name for d in extract(text, PUBLISHED).detainees] == ["Simon Hale"]
