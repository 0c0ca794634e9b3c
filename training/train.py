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

from training import fastcv
from training.augment import mentioned
from training.model import EnglishLexicon, PatientStyleClassifier, build_pipeline

log = logging.getLogger(__name__)

N_JOBS = 2  # the hospital PCs this is sized for have two cores
# How far below the best CV score a setting may be and still be chosen by the patient-style dev sets.
# The plain model always has the best CV (it is fitted only to the dataset's long paragraphs); with a
# 1-point slack the augmented settings fell out as soon as the richer lexicons and more symptom sketches
# cost them 1.4 points of CV, and the plain model (dev 0.72 against 0.94) would have been chosen.
CV_SLACK = 0.02

# Small on purpose: every setting costs six fits per run on a 2-core hospital PC. Sweeps of 32 settings
# (alpha 0.005-0.1, stop words, char n-grams, sketch counts, weighting the original paragraphs) moved
# CV by at most a point and the patient-style dev score less than that; these three span what mattered.
# 300 sketches per condition with clinician-listed typical symptoms at half weight (training/augment.py)
# beat 150 at quarter weight by 1.1 points on the 11 languages' dev sets (0.948 vs 0.937; CV 0.957 vs 0.960).
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
        "sketches_per_label": 300,
        "clauses": True,
    },
    {
        "char_ngrams": True,
        "word_ngrams": (1, 2),
        "alpha": 0.01,
        "stop_words": "english",
        "sketches_per_label": 300,
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
    params: dict, lexicon: EnglishLexicon, seed: int, concepts: dict[str, frozenset[str]] | None = None
) -> PatientStyleClassifier:
    pipeline = build_pipeline(lexicon, **{k: params[k] for k in PIPELINE_KEYS})
    return PatientStyleClassifier(
        pipeline=pipeline,
        lexicon=lexicon,
        clauses=params["clauses"],
        sketches_per_label=params["sketches_per_label"],
        seed=seed,
        concepts=concepts,
    )


def _normalize(texts: list[str], lexicon: EnglishLexicon) -> list[str]:
    return build_pipeline(lexicon).named_steps["normalize"].transform(texts)


def _mentions(texts: list[str], lexicon: EnglishLexicon) -> list[frozenset[str]]:
    matcher = lexicon.matcher()
    return [mentioned(text, matcher) for text in texts]


def each_distinct(function: Callable[[list[str], EnglishLexicon], list], texts: Sequence[str], lexicon) -> dict:
    """``function`` of every distinct text, split over the machine's cores (it must be per-text and pure)."""
    unique = list(dict.fromkeys(texts))
    if len(unique) < 2000:
        return dict(zip(unique, function(unique, lexicon), strict=True))
    chunks = [unique[i::N_JOBS] for i in range(N_JOBS)]
    done = Parallel(n_jobs=N_JOBS)(delayed(function)(chunk, lexicon) for chunk in chunks)
    return {text: out for chunk, outs in zip(chunks, done, strict=True) for text, out in zip(chunk, outs, strict=True)}


def _ready() -> bool:
    return True


def start_workers():
    """Start the search's worker processes now, so their start-up (a Python with scikit-learn and this
    package imported, ~2 s each) overlaps the run's first stages instead of delaying the search.

    Keep the returned object until the search has started: dropping it early would cancel the warm-up.
    """
    return Parallel(n_jobs=N_JOBS, return_as="generator")(delayed(_ready)() for _ in range(N_JOBS))


def _fit_final(estimator: PatientStyleClassifier, texts: list[str], labels: list[str]) -> PatientStyleClassifier:
    return estimator.fit_prepared(texts, labels)


def _augmentation(params: dict) -> tuple:
    return params["clauses"], params["sketches_per_label"]


def _augment_splits(x: list[str], y: np.ndarray, splits: list, settings: dict, lexicon, seed: int, concepts) -> dict:
    """(augmentation setting, split) → that split's training rows plus their patient-style examples."""
    jobs = [(key, k) for key in settings for k in range(len(splits))]
    made = Parallel(n_jobs=N_JOBS)(
        delayed(make_estimator(settings[key], lexicon, seed, concepts).augment)(
            [x[i] for i in splits[k][0]], list(y[splits[k][0]])
        )
        for key, k in jobs
    )
    return dict(zip(jobs, made, strict=True))


def _cross_validate(params: dict, prepared: dict, tests: list[tuple[list[str], np.ndarray]], tables, lexicon, seed):
    """Accuracy per CV fold of one setting, from its folds' prepared examples (``tests``: normalised texts and
    labels of each fold's held-out rows)."""
    key, estimator = _augmentation(params), make_estimator(params, lexicon, seed)
    fast = fastcv.supported(estimator.pipeline)
    scores = []
    for k, (test_texts, test_labels) in enumerate(tests):
        texts, labels = prepared[key, k]
        if fast:
            scores.append(fastcv.fold_accuracy(estimator.pipeline, tables[key], texts, labels, test_texts, test_labels))
        else:
            fitted = clone(estimator).fit_prepared(texts, labels)
            scores.append(float(np.mean(fitted.pipeline_[1:].predict(test_texts) == test_labels)))
    return scores


def select(
    train_x: Sequence[str],
    train_y: Sequence[str],
    dev_score: Callable[[object], float | None],
    lexicon: EnglishLexicon,
    seed: int,
    folds: int,
    grid: Sequence[dict] | None = None,
    cv_slack: float = CV_SLACK,
) -> tuple[PatientStyleClassifier, Candidate, list[Candidate]]:
    """Score every grid point; return the chosen estimator fitted on the whole training split.

    ``dev_score`` rates a fitted Pipeline on the patient-style dev sets (None when there are none).
    The search does each costly thing once: reading the training texts for symptom concepts, making a
    split's augmented examples (per augmentation setting), normalising a distinct text, counting its
    n-grams (``training/fastcv.py``); the final fits run in worker processes while this one
    cross-validates. Scores and model are exactly those of plain ``cross_val_score`` and ``fit`` (tested).
    """
    started = time.perf_counter()
    grid = list(grid or GRID)
    x, y = list(train_x), np.asarray(train_y)
    concepts = each_distinct(_mentions, x, lexicon)
    splits = [*StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(x, y), (np.arange(len(x)), None)]
    final = len(splits) - 1
    settings = {_augmentation(params): params for params in reversed(grid)}  # augmentation → a setting using it
    augmented = _augment_splits(x, y, splits, settings, lexicon, seed, concepts)
    phases = {"augment": time.perf_counter() - started}
    normalized = each_distinct(_normalize, [*x, *(t for texts, _ in augmented.values() for t in texts)], lexicon)
    prepared = {job: ([normalized[t] for t in texts], labels) for job, (texts, labels) in augmented.items()}
    phases["normalize"] = time.perf_counter() - started
    finals = Parallel(n_jobs=N_JOBS, return_as="generator")(
        delayed(_fit_final)(make_estimator(params, lexicon, seed), *prepared[_augmentation(params), final])
        for params in grid
    )
    tables = {
        key: fastcv.CountTables([*(normalized[t] for t in x), *(t for k in range(final) for t in prepared[key, k][0])])
        for key in settings
    }
    tests = [([normalized[x[i]] for i in test], y[test]) for _, test in splits[:final]]
    scores = [_cross_validate(params, prepared, tests, tables, lexicon, seed) for params in grid]
    phases["cross-validate"] = time.perf_counter() - started
    finals = list(finals)
    phases["final fits"] = time.perf_counter() - started
    log.info(
        "train: %d settings x %d splits in %.1f s (%s)",
        len(grid),
        len(splits),
        time.perf_counter() - started,
        ", ".join(f"{name} done at {at:.1f} s" for name, at in phases.items()),
    )
    candidates: list[tuple[Candidate, PatientStyleClassifier]] = []
    for params, cv, fitted in zip(grid, scores, finals, strict=True):
        dev = dev_score(fitted.pipeline_)
        candidate = Candidate(params, [round(float(s), 4) for s in cv], None if dev is None else round(dev, 4))
        candidates.append((candidate, fitted))
        log.info("train: %s → CV %.4f, dev %s", params, candidate.cv_mean, "n/a" if dev is None else f"{dev:.4f}")
    best_cv = max(c.cv_mean for c, _ in candidates)
    eligible = [(c, f) for c, f in candidates if c.cv_mean >= best_cv - cv_slack]
    chosen, fitted = max(eligible, key=lambda cf: (cf[0].dev_accuracy or 0.0, cf[0].cv_mean))
    return fitted, chosen, [c for c, _ in candidates]
