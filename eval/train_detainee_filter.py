#!/usr/bin/env python3
"""Train the learned detainee filter (`ingest/extractor/detainee_filter.py`).

Runs the English extractor with the filter off over labelled articles, marks each candidate
record as a detainee when it matches a labelled one (the shared scorer's name matching: greedy,
best pairs first, a pair at 0.65 or more), fits an L2-regularised logistic regression on the
candidates' features, and writes the weights to `ingest/extractor/detainee_filter.json`.

The regularisation and the probability threshold are chosen by 5-fold cross-validation over
articles (all of an article's candidates in one fold), maximising detainee F1 over every
labelled detainee, found or not. How well that choice itself generalises is measured by nested
cross-validation (the choice made again inside each outer training part): that is the figure to
trust, and the filter is switched on in the weights file only when it beats the rules alone.

    python eval/train_detainee_filter.py --labels DIR/labels.json --texts DIR \\
        [--scorer ../shared/eval/score.py] [--dry-run]

Reproducible: articles are read in id order and split into folds with a fixed seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.extractor.assemble import scored_candidates  # noqa: E402
from ingest.extractor.detainee_filter import WEIGHTS_FILE  # noqa: E402

SEED = 20261202
FOLDS = 5
LAMBDAS = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
# 0.0 keeps every candidate: the rules alone are always one of the choices.
THRESHOLDS = (0.0, *[round(0.05 * i, 2) for i in range(1, 19)])


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer (`score.py`, standard library only), whose name matching decides
    which candidate is a labelled detainee, as it does when the extractor is judged."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(scorer: ModuleType, name: str, variants) -> list[str]:
    return [n for n in (scorer.norm(x) for x in [name, *(variants or [])]) if n]


def name_scores(
    scorer: ModuleType, preds: list[list[str]], golds: list[list[str]]
) -> list[list[float]]:
    """Each candidate's best name score against each labelled detainee (the scorer's
    `person_score`, worked out once so that every fold and threshold reuses it)."""
    return [
        [max((scorer.name_score(a, b) for a in p for b in g), default=0.0) for g in golds]
        for p in preds
    ]


def matched_pairs(scores: list[list[float]], kept: list[int]) -> list[tuple[int, int]]:
    """The scorer's greedy one-to-one matching (its `match`), of the kept candidates, on the
    scores worked out once."""
    pairs = sorted(
        ((scores[i][j], i, j) for i in kept for j in range(len(scores[i]))), reverse=True
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < 0.65 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass
class Pool:
    """One article's candidates: features, labels, and name scores against the labels."""

    features: list[dict[str, float]]
    labels: list[int]
    scores: list[list[float]]


@dataclass
class Article:
    id: str
    golds: int  # labelled detainees
    rules: Pool  # what the rules report: what the filter is applied to
    wide: Pool  # anyone reported held, whatever their role: more examples of who is not


def _pool(scorer: ModuleType, found, golds: list[list[str]]) -> Pool:
    preds = [_names(scorer, r.name, r.name_variants) for r, _f in found]
    scores = name_scores(scorer, preds, golds)
    positive = {i for i, _j in matched_pairs(scores, list(range(len(found))))}
    return Pool([f for _r, f in found], [int(i in positive) for i in range(len(found))], scores)


def load(labels_path: Path, texts: Path, scorer: ModuleType) -> list[Article]:
    items = sorted(json.loads(labels_path.read_text(encoding="utf-8")), key=lambda i: i["id"])
    articles = []
    for item in items:
        text = (texts / (item.get("file") or f"{item['id']}.txt")).read_text(encoding="utf-8")
        golds = [
            _names(scorer, g["name"], g.get("name_variants_in_text")) for g in item["detainees"]
        ]
        rules = _pool(scorer, scored_candidates(text), golds)
        wide = _pool(scorer, scored_candidates(text, everyone=True), golds)
        articles.append(Article(item["id"], len(golds), rules, wide))
    return articles


def training_rows(articles: list[Article], pool: str):
    """The examples a model learns from: the rules' candidates, the wide pool, or both."""
    chosen = {"rules": ("rules",), "wide": ("wide",), "both": ("rules", "wide")}[pool]
    for article in articles:
        for name in chosen:
            part = getattr(article, name)
            yield from zip(part.features, part.labels, strict=True)


def f1_of(articles: list[Article], probabilities: list[list[float]], threshold: float):
    """Detainee precision, recall and F1 when candidates below `threshold` are dropped, the
    kept ones matched again as the scorer would."""
    matched = predicted = labelled = 0
    for article, probs in zip(articles, probabilities, strict=True):
        kept = [i for i, p in enumerate(probs) if p >= threshold]
        matched += len(matched_pairs(article.rules.scores, kept))
        predicted += len(kept)
        labelled += article.golds
    precision = matched / predicted if predicted else 0.0
    recall = matched / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class Fitted:
    """A logistic regression on standardised features, fitted by Newton's method."""

    def __init__(self, names: list[str], mean, std, weights, bias: float) -> None:
        self.names, self.mean, self.std, self.weights, self.bias = names, mean, std, weights, bias

    def matrix(self, features: list[dict[str, float]]):
        x = np.array([[f.get(n, 0.0) for n in self.names] for f in features], dtype=float)
        return (x - self.mean) / self.std

    def predict(self, features: list[dict[str, float]]) -> list[float]:
        if not features:
            return []
        z = self.matrix(features) @ self.weights + self.bias
        return list(1.0 / (1.0 + np.exp(-np.clip(z, -60, 60))))

    def raw(self) -> tuple[dict[str, float], float]:
        """Weights on the features as the extractor computes them."""
        w = self.weights / self.std
        bias = float(self.bias - np.sum(w * self.mean))
        return {n: round(float(v), 6) for n, v in zip(self.names, w, strict=True)}, round(bias, 6)


def fit(articles: list[Article], names: list[str], lam: float, pool: str) -> Fitted:
    rows = list(training_rows(articles, pool))
    features = [f for f, _label in rows]
    y = np.array([label for _f, label in rows], dtype=float)
    x = np.array([[f.get(n, 0.0) for n in names] for f in features], dtype=float)
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0  # a constant feature stays at weight zero
    xs = np.hstack([(x - mean) / std, np.ones((len(y), 1))])
    w = np.zeros(xs.shape[1])
    penalty = np.full(xs.shape[1], lam)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -60, 60)))
        gradient = xs.T @ (p - y) + penalty * w
        hessian = (xs * (p * (1 - p))[:, None]).T @ xs + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return Fitted(names, mean, std, w[:-1], float(w[-1]))


def folds_of(articles: list[Article], seed: int) -> list[int]:
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    fold = [0] * len(articles)
    for rank, index in enumerate(order):
        fold[index] = rank % FOLDS
    return fold


def out_of_fold(articles: list[Article], names: list[str], lam: float, seed: int, pool: str):
    fold = folds_of(articles, seed)
    probabilities: list[list[float]] = [[] for _ in articles]
    for k in range(FOLDS):
        train = [a for a, f in zip(articles, fold, strict=True) if f != k]
        model = fit(train, names, lam, pool)
        for i, article in enumerate(articles):
            if fold[i] == k:
                probabilities[i] = model.predict(article.rules.features)
    return probabilities


def choose(articles: list[Article], names: list[str], seed: int, pool: str):
    """The (F1, regularisation, threshold) with the best cross-validated F1; on a tie the
    stronger regularisation and the lower threshold, which drop less on little evidence."""
    best = None
    for lam in LAMBDAS:
        probabilities = out_of_fold(articles, names, lam, seed, pool)
        for threshold in THRESHOLDS:
            f1 = f1_of(articles, probabilities, threshold)[2]
            key = (round(f1, 6), lam, -threshold)
            if best is None or key > best[0]:
                best = (key, f1, lam, threshold)
    _key, f1, lam, threshold = best
    return f1, lam, threshold


def nested(articles: list[Article], names: list[str], pool: str):
    """Outer 5-fold cross-validation in which each outer training part chooses its own
    regularisation and threshold by an inner 5-fold cross-validation."""
    fold = folds_of(articles, SEED + 1)
    probabilities: list[list[float]] = [[] for _ in articles]
    thresholds = [0.0] * len(articles)
    choices = []
    for k in range(FOLDS):
        train = [a for a, f in zip(articles, fold, strict=True) if f != k]
        _f1, lam, threshold = choose(train, names, SEED, pool)
        choices.append((lam, threshold))
        model = fit(train, names, lam, pool)
        for i, article in enumerate(articles):
            if fold[i] == k:
                probabilities[i] = model.predict(article.rules.features)
                thresholds[i] = threshold
    # Each article judged at its own fold's threshold: shift so that one cut of 0.5 applies.
    shifted = [
        [0.5 + p - t if t > 0 else 1.0 for p in probs]
        for probs, t in zip(probabilities, thresholds, strict=True)
    ]
    return f1_of(articles, shifted, 0.5), choices


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--scorer", type=Path, default=Path("../shared/eval/score.py"))
    parser.add_argument(
        "--pool",
        choices=("rules", "wide", "both"),
        default="wide",
        help="train on the rules' candidates, on everyone reported held, or on both",
    )
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args()

    articles = load(args.labels, args.texts, load_scorer(args.scorer))
    names = sorted({n for a in articles for f, _label in training_rows([a], args.pool) for n in f})
    n = sum(len(a.rules.labels) for a in articles)
    positives = sum(sum(a.rules.labels) for a in articles)
    print(f"articles={len(articles)} candidates={n} detainees={positives} others={n - positives}")
    wide = [label for a in articles for label in a.wide.labels]
    print(f"wide pool: candidates={len(wide)} detainees={sum(wide)} others={len(wide) - sum(wide)}")

    keep_all = [[1.0] * len(a.rules.labels) for a in articles]
    base = f1_of(articles, keep_all, 0.5)
    print("rules alone:           P {:.3f} R {:.3f} F1 {:.3f}".format(*base))

    cv_f1, lam, threshold = choose(articles, names, SEED, args.pool)
    print(f"5-fold CV, chosen:     F1 {cv_f1:.3f} (lambda {lam}, threshold {threshold})")
    (nested_p, nested_r, nested_f1), choices = nested(articles, names, args.pool)
    print(f"nested 5x5-fold CV:    P {nested_p:.3f} R {nested_r:.3f} F1 {nested_f1:.3f}")
    print("  outer choices (lambda, threshold):", choices)

    model = fit(articles, names, lam, args.pool)
    rows = list(training_rows(articles, args.pool))
    in_sample = f1_of(articles, [model.predict(a.rules.features) for a in articles], threshold)
    print("in-sample (optimistic): P {:.3f} R {:.3f} F1 {:.3f}".format(*in_sample))
    weights, bias = model.raw()
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))

    enabled = threshold > 0 and nested_f1 > base[2]
    print("filter", "ON" if enabled else "OFF (it does not beat the rules under nested CV)")
    if args.dry_run:
        return 0
    payload = {
        "enabled": enabled,
        "threshold": threshold,
        "bias": bias,
        "weights": weights,
        "regularisation": lam,
        "pool": args.pool,
        "training": {
            "date": dt.date.today().isoformat(),
            "articles": len(articles),
            "candidates": n,
            "detainees": positives,
            "examples": len(rows),
            "example_detainees": sum(label for _f, label in rows),
            "seed": SEED,
            "rules_f1": round(base[2], 4),
            "cv_f1": round(cv_f1, 4),
            "nested_cv_f1": round(nested_f1, 4),
            "in_sample_f1": round(in_sample[2], 4),
        },
    }
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
