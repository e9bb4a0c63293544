"""A learned second opinion on each person the rules would report held.

The rules decide who is a detainee one cue at a time; each cue was written for the stories it
was found in, and on new stories officials, relatives, reporters and the other side of a swap
slip through. This module describes every candidate record by what the pipeline already knows
about the person (role cues, the kinds of events they own, where and how often they are named,
what facts were found for them) and scores it with a logistic model trained on the labelled
development articles (`eval/train_detainee_filter.py`). A candidate whose probability falls
below the trained threshold is dropped.

Only engineered features are used, never the words of an article, so the weights file holds
nothing from the stories it was trained on. Plain Python: a dot product and a logistic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .events import EVIDENCE_KINDS
from .references import sentence_of

WEIGHTS_FILE = Path(__file__).with_name("detainee_filter.json")

# The switch for the whole module, for a run that wants the rules' own output (the trainer
# reads every candidate through `assemble.scored_candidates`, which never filters).
ENABLED = True

# Event kinds whose presence (and hypothetical use) is a feature, in a fixed order: the
# evidence of detention, and where and by whom the person was seen.
EVENT_KINDS = (*EVIDENCE_KINDS, "facility", "visit", "access_denied")
STATUSES = ("unknown", "detained", "charged", "convicted", "released", "deported", "exchanged")


@dataclass(frozen=True)
class Candidate:
    """What the features of one candidate are read from, in the pipeline's own terms."""

    record: Any  # the Detainee the rules built
    person: Any  # the Person it was built for
    role: Any  # the person's Role
    events: Sequence[Any]  # the events the person owns


def _log(count: float) -> float:
    return math.log1p(max(0.0, count))


def candidate_features(
    candidates: Sequence[Candidate],
    *,
    sentences: Sequence[Any],
    lead_paragraph: int,
    text: str,
    article_events: Sequence[Any],
) -> list[dict[str, float]]:
    """One feature dict per candidate, in the candidates' order. Features compare each
    candidate with the others, so all of an article's candidates are described together."""
    first_body = next((s.index for s in sentences if not s.is_title), -1)
    mention_counts = [len(c.record.mentions) for c in candidates]
    most = max(mention_counts, default=0)
    total = sum(mention_counts) or 1
    firsts = sorted(c.person.first_position for c in candidates)
    exchange_story = any(e.kind == "exchanged" and not e.hypothetical for e in article_events)
    story_kinds = {e.kind for e in article_events if not e.hypothetical}
    lower_words = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    out: list[dict[str, float]] = []
    for candidate, mentions in zip(candidates, mention_counts, strict=True):
        record, person, role, events = (
            candidate.record,
            candidate.person,
            candidate.role,
            candidate.events,
        )
        f: dict[str, float] = {}
        # What the text calls the person.
        f["role_official"] = float(role.official)
        f["role_relative"] = float(role.relative)
        f["role_witness"] = float(role.witness)
        f["role_byline"] = float(role.byline)
        f["role_weak_official"] = float(role.weak_official)
        f["role_accused"] = float(role.accused)
        f["role_speaker"] = float(role.speaker > 0)
        f["role_speaker_log"] = _log(role.speaker)
        f["role_titles"] = float(bool(role.titles))
        f["role_home_politics"] = float(bool(role.home_politics))
        f["role_gender_known"] = float(role.gender is not None)
        f["role_nationality_cue"] = float(bool(role.nationality))
        f["title_before_name"] = float(any(r.title_before for r in person.runs))
        f["neutral_title"] = float(any(r.neutral_title for r in person.runs))
        f["possessive_share"] = sum(r.possessive for r in person.runs) / max(1, len(person.runs))
        tokens = len(person.tokens)
        # "Special Operations", "Daily Star": a name whose words the story also writes in
        # lower case is an organisation, a unit or a place more often than a person.
        lowered = [t.lower() for t in person.tokens if len(t) > 2]
        f["name_words_in_lower_case"] = sum(t in lower_words for t in lowered) / max(
            1, len(lowered)
        )
        f["surname_alone"] = float(bool(person.short_mentions))
        f["name_one_token"] = float(tokens == 1)
        f["name_three_tokens"] = float(tokens >= 3)
        # The events the person owns.
        real = [e for e in events if not e.hypothetical]
        kinds = {e.kind for e in real}
        for kind in EVENT_KINDS:
            f[f"event_{kind}"] = float(kind in kinds)
        f["events_log"] = _log(len(real))
        f["hypothetical_share"] = (len(events) - len(real)) / max(1, len(events))
        f["only_hypothetical"] = float(bool(events) and not real)
        listed = [e for e in events if e.data.get("listed")]
        f["listed_any"] = float(bool(listed))
        f["listed_only"] = float(bool(events) and len(listed) == len(events))
        f["shared_events"] = sum(len(set(e.owners)) > 1 for e in events) / max(1, len(events))
        f["event_sentences_log"] = _log(len({e.sentence for e in events}))
        f["transitive_share"] = sum(e.transitive for e in events) / max(1, len(events))
        # Where and how often the person is named.
        spans = [m.span for m in record.mentions]
        mention_sentences = {sentence_of(sentences, s.start) for s in spans}
        f["mentions_log"] = _log(mentions)
        f["mention_share"] = mentions / total
        f["most_mentioned"] = float(mentions == most)
        f["named_in_title"] = float(any(sentences[i].is_title for i in mention_sentences))
        f["named_in_first_sentence"] = float(first_body in mention_sentences)
        f["named_in_lead"] = float(
            any(sentences[i].paragraph == lead_paragraph for i in mention_sentences)
        )
        f["first_position"] = person.first_position / max(1, len(text))
        f["first_candidate"] = float(person.first_position == firsts[0])
        # What was found for them.
        codes = {n.country for n in record.nationality}
        detaining = record.detaining_country.country if record.detaining_country else None
        f["nationality_found"] = float(bool(codes))
        f["detaining_found"] = float(detaining is not None)
        f["held_by_own_state"] = float(detaining is not None and detaining in codes)
        f["several_nationalities"] = float(len(codes) > 1)
        for status in STATUSES:
            f[f"status_{status}"] = float(record.status == status)
        f["has_charges"] = float(bool(record.charges))
        f["has_sentence"] = float(record.sentence is not None)
        f["has_max_penalty"] = float(record.max_penalty is not None)
        f["has_extradition"] = float(bool(record.extraditions))
        f["has_visits"] = float(bool(record.consular_visits))
        f["has_facility"] = float(record.facility is not None)
        f["has_arrest"] = float(record.arrest is not None)
        # The story around them.
        f["other_candidates_log"] = _log(len(candidates) - 1)
        f["alone"] = float(len(candidates) == 1)
        f["exchange_story"] = float(exchange_story)
        f["exchange_story_not_own"] = float(exchange_story and "exchanged" not in kinds)
        f["story_has_term"] = float("term" in story_kinds)
        out.append(f)
    return out


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    enabled: bool

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def model_from(payload: dict[str, Any]) -> Model:
    return Model(
        weights={k: float(v) for k, v in payload["weights"].items()},
        bias=float(payload["bias"]),
        threshold=float(payload["threshold"]),
        enabled=bool(payload.get("enabled", True)),
    )


@cache
def load_model(path: Path = WEIGHTS_FILE) -> Model | None:
    """The trained model, or None when no weights file has been written."""
    if not path.is_file():
        return None
    return model_from(json.loads(path.read_text(encoding="utf-8")))


def active_model(switch: bool | None) -> Model | None:
    """The model to apply: None when switched off by the caller, by `ENABLED`, or by the
    weights file itself (kept off when it did not beat the rules under cross-validation)."""
    if switch is False or (switch is None and not ENABLED):
        return None
    model = load_model()
    if model is None or (switch is None and not model.enabled):
        return None
    return model
