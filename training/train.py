"""Hyperparameter choice by stratified cross-validation on the training split, then the final fit.

Symptom2Disease paragraphs are easy (most settings score ~0.98 in CV); what differs between
settings is how well they read short patient complaints. So CV narrows the field to settings
within ``cv_slack`` of the best, and the patient-style *dev* set (never the test split) picks
among them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold

from training.augment import clause_examples
from training.model import EnglishLexicon, PatientStyleClassifier, build_pipeline

log = logging.getLogger(__name__)

N_JOBS = 2  # the hospital PCs this is sized for have two cores

# Small on purpose: the whole run must stay near 20 s on a 2-core hospital PC. Sweeps of 32 settings
# (alpha 0.005-0.1, stop words, char n-grams, sketch counts, weighting the original paragraphs) moved
# CV by at most a point and the patient-style dev score less than that; these three span what mattered.
GRID: tuple[dict, ...] = (
    # The plain model (no patient-style augmentation), kept as a reference point in every report.
    {
        "char_ngrams": True,
        "word_ngrams": (1, 2),
        "alpha": 0.01,
        "stop_words": None,
        "sketches_per_label": 0,
        "clauses": False,
    },
    {
        "char_ngrams": False,
        "word_ngrams": (1, 2),
        "alpha": 0.05,
        "stop_words": "english",
        "sketches_per_label": 150,
        "clauses": True,
    },
    {
        "char_ngrams": True,
        "word_ngrams": (1, 2),
        "alpha": 0.01,
        "stop_words": "english",
        "sketches_per_label": 150,
        "clauses": True,
    },
)
PIPELINE_KEYS = ("char_ngrams", "word_ngrams", "alpha", "stop_words")


@dataclass(frozen=True)
class Candidate:
    params: dict
    cv_scores: list[float]
    dev_accuracy: float | None

    @property
    def cv_mean(self) -> float:
        return float(np.mean(self.cv_scores))


def make_estimator(
    params: dict, lexicon: EnglishLexicon, seed: int, normalized: dict[str, str] | None = None
) -> PatientStyleClassifier:
    pipeline = build_pipeline(lexicon, **{k: params[k] for k in PIPELINE_KEYS})
    return PatientStyleClassifier(
        pipeline=pipeline,
        lexicon=lexicon,
        clauses=params["clauses"],
        sketches_per_label=params["sketches_per_label"],
        seed=seed,
        normalized=normalized,
    )


def normalize_once(texts: Sequence[str], lexicon: EnglishLexicon) -> dict[str, str]:
    """Lay-term normalisation of every training text and sentence, shared by all fits of the search."""
    unique = list(dict.fromkeys([*texts, *clause_examples(texts, ["_"] * len(texts))[0]]))
    normalizer = build_pipeline(lexicon).named_steps["normalize"]
    return dict(zip(unique, normalizer.transform(unique), strict=True))


def _prepare(estimator: PatientStyleClassifier, x: list[str], y: np.ndarray, rows) -> tuple[list[str], list[str]]:
    return estimator.prepare([x[i] for i in rows], list(y[rows]))


def _fit_and_score(estimator: PatientStyleClassifier, prepared: tuple, x_test: list[str] | None, y_test):
    """One fit: a CV fold (returns its accuracy) or, with no test rows, the final fit (returns the model)."""
    fitted = clone(estimator).fit_prepared(*prepared)
    if x_test is None:
        return fitted
    return float(np.mean(fitted.pipeline_[1:].predict(x_test) == y_test))


def _augmentation(params: dict) -> tuple:
    return params["clauses"], params["sketches_per_label"]


def select(
    train_x: Sequence[str],
    train_y: Sequence[str],
    dev_score: Callable[[object], float | None],
    lexicon: EnglishLexicon,
    seed: int,
    folds: int,
    grid: Sequence[dict] | None = None,
    cv_slack: float = 0.01,
) -> tuple[PatientStyleClassifier, Candidate, list[Candidate]]:
    """Score every grid point; return the chosen estimator fitted on the whole training split.

    ``dev_score`` rates a fitted Pipeline on the patient-style dev sets (None when there are none).
    Each fold's augmented, normalised examples are prepared once per augmentation setting (only from
    that fold's training rows), then every setting's fits on them are spread over the machine's cores.
    """
    started = time.perf_counter()
    grid = list(grid or GRID)
    x, y = list(train_x), np.asarray(train_y)
    normalized = normalize_once(x, lexicon)
    estimators = [make_estimator(params, lexicon, seed, normalized) for params in grid]
    splits = [*StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(x, y), (np.arange(len(x)), None)]
    first_of = {}  # augmentation setting → the first estimator using it (it prepares for all)
    for params, estimator in zip(grid, estimators, strict=True):
        first_of.setdefault(_augmentation(params), estimator)
    keys = [(aug, k) for aug in first_of for k in range(len(splits))]
    prepared = {(aug, k): _prepare(first_of[aug], x, y, splits[k][0]) for aug, k in keys}
    tests = [None if test is None else ([normalized[x[i]] for i in test], y[test]) for _, test in splits]
    jobs = [
        (e, prepared[(_augmentation(p), k)], tests[k])
        for p, e in zip(grid, estimators, strict=True)
        for k in range(len(splits))
    ]
    outputs = Parallel(n_jobs=N_JOBS)(
        delayed(_fit_and_score)(e, data, *(test or (None, None))) for e, data, test in jobs
    )
    log.info("train: %d preparations and %d fits in %.1f s", len(keys), len(jobs), time.perf_counter() - started)
    candidates: list[tuple[Candidate, PatientStyleClassifier]] = []
    for n, params in enumerate(grid):
        *scores, fitted = outputs[n * len(splits) : (n + 1) * len(splits)]
        fitted.normalized = None  # the memo served the search; it does not belong to the model
        dev = dev_score(fitted.pipeline_)
        candidate = Candidate(params, [round(float(s), 4) for s in scores], None if dev is None else round(dev, 4))
        candidates.append((candidate, fitted))
        log.info("train: %s → CV %.4f, dev %s", params, candidate.cv_mean, "n/a" if dev is None else f"{dev:.4f}")
    best_cv = max(c.cv_mean for c, _ in candidates)
    eligible = [(c, f) for c, f in candidates if c.cv_mean >= best_cv - cv_slack]
    chosen, fitted = max(eligible, key=lambda cf: (cf[0].dev_accuracy or 0.0, cf[0].cv_mean))
    return fitted, chosen, [c for c, _ in candidates]
