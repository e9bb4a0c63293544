"""The learned detainee filter: its weights load, it drops a candidate who reads like an
organiser rather than a prisoner, keeps a clear detainee, and can be switched off."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extractor import detainee_filter, extract
from ingest.extractor.assemble import scored_candidates
from ingest.extractor.detainee_filter import load_model

# Invented story: a teacher jailed abroad, and an event's director whom the text only says
# might face questioning; the rules take him for a second detainee.
_ORGANISER = """Published: 2025-03-04

Canadian teacher jailed in Freedonia for six years

A court in Freedonia sentenced Canadian teacher Marla Quenby to six years in prison on \
Monday for spying, her family said.

Quenby, 41, was arrested in the capital in May last year and has denied the charges. \
Canadian consular officials visited her in prison in January.

Festival director Tobin Vask, who organised the event where she was detained, may also face \
questioning, said a spokesman. Vask could be charged, the spokesman said.
"""

_ARTICLES = Path(__file__).parent / "articles"


def _names(text: str, switch: bool | None = None) -> list[str]:
    return [d.name for d in extract(text, detainee_filter=switch).detainees]


def test_weights_file_loads_and_names_only_known_features():
    model = load_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    produced = {name for _record, features in scored_candidates(_ORGANISER) for name in features}
    assert set(model.weights) <= produced


def test_organiser_with_only_possible_charges_is_dropped_and_the_prisoner_kept():
    assert _names(_ORGANISER, False) == ["Marla Quenby", "Tobin Vask"]
    assert _names(_ORGANISER, True) == ["Marla Quenby"]


def test_official_like_features_score_below_the_threshold():
    model = load_model()
    official_like = {
        "role_titles": 1.0,
        "title_before_name": 1.0,
        "role_speaker": 1.0,
        "role_speaker_log": 1.0,
        "only_hypothetical": 1.0,
        "hypothetical_share": 1.0,
        "status_unknown": 1.0,
        "name_words_in_lower_case": 1.0,
        "mentions_log": 0.7,
        "first_position": 0.8,
    }
    detainee_like = {
        "event_detained": 1.0,
        "event_convicted": 1.0,
        "event_term": 1.0,
        "events_log": 1.6,
        "event_sentences_log": 1.4,
        "nationality_found": 1.0,
        "detaining_found": 1.0,
        "status_convicted": 1.0,
        "has_sentence": 1.0,
        "has_charges": 1.0,
        "named_in_title": 1.0,
        "named_in_first_sentence": 1.0,
        "named_in_lead": 1.0,
        "most_mentioned": 1.0,
        "surname_alone": 1.0,
        "mentions_log": 1.8,
        "first_position": 0.1,
    }
    assert model.probability(official_like) < model.threshold
    assert model.probability(detainee_like) > model.threshold


def test_switching_off_restores_the_rules_output(monkeypatch):
    texts = [_ORGANISER] + [p.read_text(encoding="utf-8") for p in sorted(_ARTICLES.glob("*.txt"))]
    off = [_names(t, False) for t in texts]
    # Off is the rules' own output: every candidate they build, as the trainer reads them.
    assert off == [[record.name for record, _f in scored_candidates(t)] for t in texts]
    monkeypatch.setattr(detainee_filter, "ENABLED", False)
    assert [_names(t) for t in texts] == off
    monkeypatch.setattr(detainee_filter, "ENABLED", True)
    on = [_names(t) for t in texts]
    assert on != off  # the organiser goes
    for kept, everyone in zip(on, off, strict=True):
        assert set(kept) <= set(everyone)


@pytest.mark.parametrize("switch", [True, False])
def test_a_clear_detainee_is_kept_either_way(switch):
    text = (
        "Published: 2025-06-11\n\nBriton held in Ruritania\n\nA British engineer, Dillon Harrow, "
        "has been detained in Ruritania on charges of bribery, the Foreign Office said on "
        "Tuesday.\n\nHarrow was arrested last week at the airport. He faces up to ten years in "
        "prison if convicted.\n"
    )
    assert _names(text, switch) == ["Dillon Harrow"]


def test_someone_fighting_extradition_is_kept_when_the_story_tells_of_them():
    """Named once with nothing told of them but the fight, a person is what the filter
    doubts (a known limit, a sparse candidate); told of with an arrest, they are kept."""
    told = (
        "Oleg Brannik is fighting extradition to the United States from the Netherlands, "
        "where he was arrested last year."
    )
    assert _names(told, True) == ["Oleg Brannik"]
    bare = "In Utrecht, Oleg Brannik is fighting against extradition to the United States."
    assert _names(bare, False) == ["Oleg Brannik"]
