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
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, cross_val_score

from training.model import EnglishLexicon, PatientStyleClassifier, build_pipeline

log = logging.getLogger(__name__)

# Small on purpose: the whole run must stay near 20 s on a 2-core hospital PC.
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
    {
        "char_ngrams": True,
        "word_ngrams": (1, 2),
        "alpha": 0.01,
        "stop_words": None,
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


def make_estimator(params: dict, lexicon: EnglishLexicon, seed: int) -> PatientStyleClassifier:
    pipeline = build_pipeline(lexicon, **{k: params[k] for k in PIPELINE_KEYS})
    return PatientStyleClassifier(
        pipeline=pipeline,
        lexicon=lexicon,
        clauses=params["clauses"],
        sketches_per_label=params["sketches_per_label"],
        seed=seed,
    )


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
    """
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    candidates: list[tuple[Candidate, PatientStyleClassifier]] = []
    for params in grid or GRID:
        started = time.perf_counter()
        estimator = make_estimator(params, lexicon, seed)
        scores = cross_val_score(clone(estimator), list(train_x), list(train_y), cv=splitter, n_jobs=2)
        fitted = estimator.fit(list(train_x), list(train_y))
        dev = dev_score(fitted.pipeline_)
        candidate = Candidate(params, [round(float(s), 4) for s in scores], None if dev is None else round(dev, 4))
        candidates.append((candidate, fitted))
        log.info(
            "train: %s → CV %.4f, dev %s (%.1f s)",
            params,
            candidate.cv_mean,
            "n/a" if dev is None else f"{dev:.4f}",
            time.perf_counter() - started,
        )
    best_cv = max(c.cv_mean for c, _ in candidates)
    eligible = [(c, f) for c, f in candidates if c.cv_mean >= best_cv - cv_slack]
    chosen, fitted = max(eligible, key=lambda cf: (cf[0].dev_accuracy or 0.0, cf[0].cv_mean))
    return fitted, chosen, [c for c, _ in candidates]
