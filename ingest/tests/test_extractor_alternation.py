"""The gazetteers' word lists as a tree-shaped regular expression: it must find exactly
what the plain alternation of the same words, longest first, finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extractor.alternation import literal_alternation
from ingest.extractor.people import _mask_places

# Few letters, so that words share beginnings, are prefixes of each other and overlap.
_WORD = st.text(alphabet="ab -.", min_size=1, max_size=6)
_TEXT = st.text(alphabet="ab -.x", max_size=40)


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=12), text=_TEXT)
def test_it_finds_what_the_plain_alternation_finds(words, text):
    for wrap in ("({})", r"(?<![\w-])({})(?![\w-])", r"({})\s+b", r"(?=\b({})\b)"):
        tree = re.compile(wrap.format(literal_alternation(words)))
        plain = re.compile(wrap.format(_plain(words)))
        assert [m.span(1) for m in tree.finditer(text)] == [
            m.span(1) for m in plain.finditer(text)
        ], wrap


def test_longer_words_win_and_shorter_ones_remain_on_backtracking():
    pattern = re.compile(r"(?:" + literal_alternation(["Niger", "Nigeria", "Nigerian"]) + r")\b")
    assert [m.group() for m in pattern.finditer("Nigerian, Nigeria, Niger, Nigeri")] == [
        "Nigerian",
        "Nigeria",
        "Niger",
    ]
    assert re.fullmatch(literal_alternation([]), "") is None


def test_overlapping_place_names_are_all_blanked():
    # Every multi-word place is blanked, and the blanks keep every offset where it was.
    sentence = "Mr Smith of New Zealand flew to Hong Kong on Monday."
    masked = _mask_places(sentence)
    assert len(masked) == len(sentence)
    assert "Zealand" not in masked and "Hong" not in masked and "Smith" in masked
