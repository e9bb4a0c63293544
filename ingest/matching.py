"""Finding the detainee a drafted person may already be.

Candidates come from the name search (every spelling, Latin or Cyrillic, via the consonant
skeletons of `cases.names`), then each is scored: the best fuzzy match between any drafted
spelling and any recorded one, adjusted by nationality and date of birth. Each candidate
carries the reasons for its score, for the reviewer to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from rapidfuzz import fuzz

from cases import names
from cases.models import Detainee, NameVariant
from cases.partial_dates import PartialDate

MIN_SCORE = 50
NATIONALITY_BONUS = 8
NATIONALITY_PENALTY = 15
BIRTH_BONUS = 10
BIRTH_PENALTY = 40


@dataclass
class Candidate:
    detainee: Detainee
    score: int
    reasons: list[str] = field(default_factory=list)


def _name_similarity(a: str, b: str) -> tuple[float, str]:
    """0–100 and how: identical skeletons (same name in another spelling or script) score 100;
    otherwise the better of fuzzy token matches on folded text and on skeletons."""
    key_a, key_b = names.search_key(a).strip(), names.search_key(b).strip()
    if key_a and key_a == key_b:
        same = names.fold(a) == names.fold(b)
        return 100.0, "same name" if same else "same name in another spelling"
    words_a, words_b = key_a.split(), key_b.split()
    if len(words_a) == 1 or len(words_b) == 1:
        # One word against a full name: a surname counts for more than a first name.
        short, long_ = (words_a, words_b) if len(words_a) <= len(words_b) else (words_b, words_a)
        if short[0] == long_[-1]:
            return 85.0, "surname matches"
        if short[0] in long_:
            return 55.0, "only a first name matches"
    folded = fuzz.token_sort_ratio(names.fold(a), names.fold(b))
    skeleton = fuzz.token_sort_ratio(key_a, key_b)
    return max(folded, skeleton), "similar spelling"


def _dates_agree(a: PartialDate, b: PartialDate) -> bool:
    # Overlapping periods agree: "1984" and "1984-06-02" do; "1984" and "1985" do not.
    return a.value <= b.last_day and b.value <= a.last_day


def _candidate_pool(spellings: list[str], queryset) -> list[Detainee]:
    ids: set[int] = set()
    for spelling in spellings:
        ids.update(queryset.search(spelling).values_list("pk", flat=True)[:50])
        # Any one word finds candidates (a surname recorded with another first name, or a
        # spelling whose skeleton differs in one letter); scoring sorts them out.
        words = [w for w in names.fold(spelling).split() if len(names.word_skeleton(w)) >= 3]
        if len(words) > 1:
            for word in words:
                ids.update(queryset.search(word).values_list("pk", flat=True)[:50])
    # Name variants and nationalities are read for every candidate: prefetched once.
    return list(
        queryset.filter(pk__in=ids).prefetch_related(
            Prefetch("name_variants", queryset=NameVariant.objects.order_by("name")),
            "nationalities",
        )
    )


def find_candidates(
    *,
    spellings: list[str],
    queryset,
    nationalities: list[str] | tuple[str, ...] = (),
    date_of_birth: PartialDate | None = None,
    limit: int = 5,
) -> list[Candidate]:
    """Ranked candidates among `queryset` (already limited to what the user may see)."""
    spellings = [s for s in dict.fromkeys(spellings) if s and s.strip()]
    if not spellings:
        return []
    candidates = []
    for detainee in _candidate_pool(spellings, queryset):
        recorded = [detainee.full_name, detainee.name_original_script] + [
            v.name for v in detainee.name_variants.all()
        ]
        best, how, pair = 0.0, "", ("", "")
        for ours in spellings:
            for theirs in filter(None, recorded):
                score, reason = _name_similarity(ours, theirs)
                if score > best:
                    best, how, pair = score, reason, (ours, theirs)
        reasons = [f"name: “{pair[0]}” ≈ “{pair[1]}” ({how}, {best:.0f})"]
        score = best
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
        if score >= MIN_SCORE:
            candidates.append(Candidate(detainee=detainee, score=score, reasons=reasons))
    candidates.sort(key=lambda c: (-c.score, c.detainee.full_name, c.detainee.pk))
    return candidates[:limit]


def draft_candidates(draft, user) -> list[Candidate]:
    """Ranked existing detainees a draft's person may be, among those `user` may see."""
    facts = list(draft.facts.all())
    spellings = [draft.name] + [
        f.value.get("name", "") for f in facts if f.kind in ("name", "name_variant")
    ]
    nationalities = [f.value.get("country") for f in facts if f.kind == "nationality"]
    return find_candidates(
        spellings=spellings,
        nationalities=[n for n in nationalities if n],
        date_of_birth=draft.birth_date,
        queryset=Detainee.objects.visible_to(user),
    )
