"""Finding the detainee a drafted person may already be.

Candidates come from the name search (every spelling, Latin or Cyrillic, via the consonant
skeletons of `cases.names`, plus each word's uninflected surname stem). Each is scored by
comparing names part by part (`ingest.name_comparison`: surname, then given names), taking
the best pair of a drafted and a recorded spelling; nationality and date of birth add or
subtract evidence; reviewers' judgements on earlier drafts count last.

Three tiers:

* **same person** (score ≥ `SAME_PERSON_SCORE`): offered as the suggestion, pre-selected
  on the draft page. Needs the surname and a given name to agree; never when a reviewer
  has judged that name not to be this person, and never when two records tie for it.
* **possible** (≥ `POSSIBLE_SCORE`): listed with its reasons, never pre-selected.
* below that: not listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from cases import names
from cases.models import Detainee, NameVariant
from cases.partial_dates import PartialDate

from . import name_comparison
from .constants import FactKind, MatchTier, MatchVerdict
from .models import MatchJudgement

SAME_PERSON_SCORE = 85
POSSIBLE_SCORE = 50
NATIONALITY_BONUS = 3  # most people on record share the nationality the office serves
NATIONALITY_PENALTY = 15
BIRTH_BONUS = 10
BIRTH_PENALTY = 40
JUDGED_SAME_SCORE = 95


@dataclass
class Candidate:
    detainee: Detainee
    score: int
    tier: str
    reasons: list[str] = field(default_factory=list)

    @property
    def is_same_person(self) -> bool:
        return self.tier == MatchTier.SAME


@dataclass
class Matches:
    """Ranked candidates and the one offered as the same person, if any."""

    candidates: list[Candidate]
    suggested: Candidate | None

    @property
    def suggested_match(self) -> int | None:
        return self.suggested.detainee.pk if self.suggested else None


def tier_of(score: int) -> str | None:
    if score >= SAME_PERSON_SCORE:
        return MatchTier.SAME
    if score >= POSSIBLE_SCORE:
        return MatchTier.POSSIBLE
    return None


def _dates_agree(a: PartialDate, b: PartialDate) -> bool:
    # Overlapping periods agree: "1984" and "1984-06-02" do; "1984" and "1985" do not.
    return a.value <= b.last_day and b.value <= a.last_day


def _search_words(spelling: str) -> set[str]:
    words = set()
    for word in names.fold(name_comparison.remove_titles(spelling)).split():
        if len(names.word_skeleton(word)) >= 3:
            words.add(word)
            # "Ivanovym", "Silina": also look for the uninflected surname.
            words.add(name_comparison.surname_stem(word))
    return words


def _candidate_pool(spellings: list[str], queryset) -> list[Detainee]:
    ids: set[int] = set()
    for spelling in spellings:
        ids.update(queryset.search(spelling).values_list("pk", flat=True)[:50])
        # Any one word finds candidates (a surname recorded with another first name, or a
        # spelling whose skeleton differs in one letter); scoring sorts them out.
        for word in _search_words(spelling):
            ids.update(queryset.search(word).values_list("pk", flat=True)[:50])
    # Name variants and nationalities are read for every candidate: prefetched once.
    return list(
        queryset.filter(pk__in=ids).prefetch_related(
            Prefetch("name_variants", queryset=NameVariant.objects.order_by("name")),
            "nationalities",
        )
    )


def best_name_comparison(
    spellings: list[str], recorded: list[str]
) -> tuple[name_comparison.NameComparison, str, str] | None:
    """The best pair of a drafted and a recorded spelling. Pairs where both names have a
    given name and a surname decide when there are any: a bare "Smirnov" elsewhere on the
    draft does not outweigh "Izyaslav" against "Aleksei"."""
    compared = [
        (name_comparison.compare(ours, theirs), ours, theirs)
        for ours in spellings
        for theirs in recorded
    ]
    if not compared:
        return None
    complete = [c for c in compared if c[0].complete]
    return max(complete or compared, key=lambda c: c[0].score)


def _latest_judgements(spellings: list[str]) -> dict[int, MatchJudgement]:
    keys = {names.fold(s) for s in spellings} - {""}
    latest: dict[int, MatchJudgement] = {}
    for judgement in MatchJudgement.objects.for_names(keys).select_related("decided_by"):
        latest[judgement.detainee_id] = judgement
    return latest


def _judgement_reason(judgement: MatchJudgement) -> str:
    who = judgement.decided_by.username if judgement.decided_by else "a reviewer"
    verdict = "is" if judgement.verdict == MatchVerdict.SAME else "is not"
    return (
        f"{who} judged on {judgement.decided_at:%Y-%m-%d} that “{judgement.name}” "
        f"{verdict} this person"
    )


def find_matches(
    *,
    spellings: list[str],
    queryset,
    nationalities: list[str] | tuple[str, ...] = (),
    date_of_birth: PartialDate | None = None,
    limit: int = 5,
) -> Matches:
    """Ranked candidates among `queryset` (already limited to what the user may see)."""
    spellings = [s for s in dict.fromkeys(spellings) if s and s.strip()]
    spellings = [s for s in spellings if name_comparison.remove_titles(s)]
    if not spellings:
        return Matches([], None)
    judgements = _latest_judgements(spellings)
    candidates = []
    for detainee in _candidate_pool(spellings, queryset):
        recorded = [detainee.full_name, detainee.name_original_script] + [
            v.name for v in detainee.name_variants.all()
        ]
        best = best_name_comparison(spellings, [r for r in recorded if r])
        if best is None:
            continue
        comparison, ours, theirs = best
        score = comparison.score
        reasons = [f"name: “{ours}” ≈ “{theirs}”: {'; '.join(comparison.reasons)}"]
        theirs_countries = {n.country.code for n in detainee.nationalities.all()}
        ours_countries = set(nationalities)
        if ours_countries and theirs_countries:
            shared = ours_countries & theirs_countries
            if shared:
                score += NATIONALITY_BONUS
                reasons.append(f"nationality {', '.join(sorted(shared))} matches")
            else:
                score -= NATIONALITY_PENALTY
                reasons.append(
                    f"nationality differs ({', '.join(sorted(ours_countries))} vs "
                    f"{', '.join(sorted(theirs_countries))})"
                )
        if date_of_birth and detainee.birth_date:
            if _dates_agree(date_of_birth, detainee.birth_date):
                score += BIRTH_BONUS
                reasons.append(f"date of birth {detainee.birth_date.isoformat()} matches")
            else:
                score -= BIRTH_PENALTY
                reasons.append(
                    f"date of birth differs ({date_of_birth.isoformat()} vs "
                    f"{detainee.birth_date.isoformat()})"
                )
        score = max(0, min(100, round(score)))
        judgement = judgements.get(detainee.pk)
        if judgement is not None:
            reasons.append(_judgement_reason(judgement))
            if judgement.verdict == MatchVerdict.DIFFERENT:
                score = min(score, SAME_PERSON_SCORE - 1)
            elif not comparison.surname_differs:
                score = max(score, JUDGED_SAME_SCORE)
        tier = tier_of(score)
        if tier is not None:
            candidates.append(Candidate(detainee=detainee, score=score, tier=tier, reasons=reasons))
    candidates.sort(key=lambda c: (-c.score, c.detainee.full_name, c.detainee.pk))
    top = [c for c in candidates if c.tier == MatchTier.SAME]
    if len(top) > 1:
        # Two records that both look like this person: the reviewer decides, nothing is
        # offered.
        for candidate in top:
            candidate.tier = MatchTier.POSSIBLE
            candidate.reasons.append("another record matches this name as well")
        top = []
    return Matches(candidates[:limit], top[0] if top else None)


def find_candidates(**kwargs) -> list[Candidate]:
    return find_matches(**kwargs).candidates


def draft_spellings(draft) -> list[str]:
    facts = list(draft.facts.all())
    return [draft.name] + [
        f.value.get("name", "") for f in facts if f.kind in (FactKind.NAME, FactKind.NAME_VARIANT)
    ]


def draft_matches(draft, user) -> Matches:
    """Ranked existing detainees a draft's person may be, among those `user` may see."""
    facts = list(draft.facts.all())
    nationalities = [f.value.get("country") for f in facts if f.kind == FactKind.NATIONALITY]
    return find_matches(
        spellings=draft_spellings(draft),
        nationalities=[n for n in nationalities if n],
        date_of_birth=draft.birth_date,
        queryset=Detainee.objects.visible_to(user),
    )


def draft_candidates(draft, user) -> list[Candidate]:
    return draft_matches(draft, user).candidates
