"""The extractor's cost grows with the length of the text, not with its square, and a text
past `MAX_TEXT_CHARS` is read only up to there, with a warning.

Work is counted, not timed: every line of the extractor's own code that runs is one step
(`sys.settrace`), so the checks do not depend on how busy the machine is. The texts are
invented here from templates and made-up names.
"""

import random
import sys
from pathlib import Path

from ingest.extractor import MAX_TEXT_CHARS, extract

_EXTRACTOR_DIR = str(Path(extract.__code__.co_filename).parent)
_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "dan", "el", "bor", "ni", "tas", "ru"]
_PLACES = [("Russian", "Moscow"), ("Iranian", "Tehran"), ("Thai", "Bangkok"), ("Greek", "Athens")]
_HOMES = ["American", "British", "French", "Canadian", "Japanese", "Brazilian"]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()

    return f"{word()} {word()}"


def _paragraph(rng: random.Random) -> str:
    demonym, city = rng.choice(_PLACES)
    home = rng.choice(_HOMES)
    held, other, official, brother = (_name(rng) for _ in range(4))
    return (
        f"A {demonym} court in {city} sentenced {held}, a {home} engineer, to {rng.randint(2, 12)} "
        f"years in prison for spying on Tuesday. {held.split()[-1]} was arrested in March and "
        f"has denied the charges, his brother, {brother}, said. Two {home} citizens were "
        f"detained with him; {other} was freed on bail. Foreign Minister {official} said the "
        f"embassy had visited him and that they were in good health.\n\n"
    )


def _story(paragraphs: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    return "Published: 2024-05-10\n" + "".join(_paragraph(rng) for _ in range(paragraphs))


def _one_person_over_and_over(sentences: int) -> str:
    # One person named again and again, with group phrases that look ahead for people.
    return (
        "Published: 2024-05-10\n"
        + (
            "Talo Venmira was arrested in Moscow and charged with spying. He denied it. "
            "Two Americans were sentenced. "
        )
        * sentences
    )


def _work(text: str, max_chars: int = MAX_TEXT_CHARS) -> int:
    steps = 0

    def count_lines(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
        return count_lines

    def enter(frame, event, arg):
        return count_lines if frame.f_code.co_filename.startswith(_EXTRACTOR_DIR) else None

    extract(text[:2000])  # patterns compiled on first use are not part of the count
    sys.settrace(enter)
    try:
        extract(text, max_chars=max_chars)
    finally:
        sys.settrace(None)
    return steps


def test_work_grows_linearly_with_many_different_people():
    short, long = _story(10), _story(40)
    assert 3.5 < len(long) / len(short) < 4.5
    # Linear work is about four times as much; work that grows with the square, 16 times.
    assert _work(long) / _work(short) < 5.5


def test_work_grows_linearly_when_one_person_is_named_throughout():
    short, long = _one_person_over_and_over(60), _one_person_over_and_over(240)
    assert _work(long) / _work(short) < 5.5


def test_a_text_past_the_limit_is_read_up_to_a_paragraph_break_and_says_so():
    story = _story(1 + MAX_TEXT_CHARS // 300)
    assert len(story) > MAX_TEXT_CHARS
    rng = random.Random(9)
    tail = (
        f"Wilmot Dashgrove, a {rng.choice(_HOMES)} teacher, was arrested in Tehran and "
        "sentenced to five years in prison for spying.\n\n"
    )
    result = extract(story + tail * 2000)  # past a megabyte in all
    assert any(f"{MAX_TEXT_CHARS:,} characters" in warning for warning in result.warnings)
    names = {detainee.name for detainee in result.detainees}
    assert names and "Wilmot Dashgrove" not in names
    read = story + tail * 2000
    last = max(m.span.end for d in result.detainees for m in d.mentions)
    assert last <= MAX_TEXT_CHARS + len("Published: 2024-05-10\n")
    for detainee in result.detainees:
        for mention in detainee.mentions:
            assert read[mention.span.start : mention.span.end] == mention.text


def test_reading_stops_at_the_limit_however_long_the_text():
    limit = 12_000
    once = _story(1 + limit // 300)
    assert len(once) > limit
    four_megabytes = once + "x" * (4_000_000 - len(once))
    # Three megabytes and more past the limit add almost no work.
    assert _work(four_megabytes, limit) < 1.1 * _work(once, limit)


def test_a_text_within_the_limit_gets_no_length_warning():
    result = extract(_story(20))
    assert not any("characters" in warning for warning in result.warnings)
