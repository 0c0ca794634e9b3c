"""Training the learned urgency screen (``kiosk/triage/urgency.py``) from the development sets.

One logistic regression per language over hashed character n-grams of the patient's text, emergencies
against ordinary complaints of ``data/dev``. The alarm threshold must keep false alarms within
``max_false_alarm`` twice: on cross-validated dev probabilities, and on ``data/validation`` — complaints
written independently of the dev sets and the lexicon. The second check is what keeps the screen honest:
a dev set's ordinary complaints share their writers' style, so a model can tell them from emergencies by
style alone and then flag another writer's ordinary complaints (in Vietnamese, cross-validation promised
1.4% false alarms where another writer's complaints drew about 10%). A language without a validation
set gets no learned screen. The held-out sets are never read here.

The kiosk asks the screen only about complaints the red-flag rows let through, so on the validation set only
those ordinary complaints can become its false alarms: an alarming-sounding one the rows already stop is a
false alarm the rows raise whatever the screen says, and it should not push the threshold up. So
``train_all`` can be told which validation complaints the rows stop (on the sets of 2026-11-30 that moved no
threshold: the highest-scoring ordinary complaints were all ones the rows let through). Retrain the screen
after the lexicon changes (``python -m training urgency``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from kiosk.triage.urgency import FORMAT, MANIFEST_FILE, N_FEATURES, NGRAMS, WEIGHTS_FILE, vectorizer
from training.evaluate import load_patient_set

# Inverse regularisation. Cross-validated on the en/es/ht/ko dev sets (2026-11-28), emergencies caught at a
# 1.5% false-alarm budget: C=1 0.54-0.66, C=5 0.59-0.71, C=20 0.67-0.74, C=100 0.63-0.76 (less stable).
C = 20.0
FLOOR = 0.5  # never alarm on a complaint the model thinks more likely ordinary than not
# Judge only complaints mostly made of n-grams seen in training: real complaints in the language have
# 0.9–1.0 (5th percentile of the en/ar validation sets 0.91), keyboard mashes and other languages far less.
MIN_COVERAGE = 0.8
MAX_FALSE_ALARM = 0.015  # on the dev set, cross-validated
# On the validation set the screen's own false alarms (among the ordinary complaints the rows let through) must
# stay below this rate with 95% confidence (one-sided Clopper-Pearson bound). With ~100 ordinary complaints
# not even none flagged proves that, so none may be (the bound is then ~3%); with ~400, one may be; with ~500,
# two. A fixed "none" let a single odd complaint set the threshold of a large set: on the tenth round's
# validation sets the highest-scoring ordinary complaint sat 0.2 above the next in English and Korean.
VALIDATION_FALSE_ALARM_BOUND = 0.015
CONFIDENCE = 0.95
FOLDS = 5
MIN_EXAMPLES = 20  # per class in data/dev; fewer and the language gets no learned screen
MIN_VALIDATION = 20  # per class in data/validation


@dataclass(frozen=True)
class LanguageFit:
    code: str
    indices: np.ndarray
    values: np.ndarray
    threshold: float
    emergencies: int
    ordinary: int
    cv_sensitivity: float  # share of dev emergencies the screen alone flags at the threshold (cross-validated)
    cv_false_alarms: float  # share of ordinary dev complaints it flags
    validation_sensitivity: float  # the same on the independent validation set, with the final model
    validation_false_alarms: float


def _model(c: float) -> LogisticRegression:
    """No intercept: with one, the dev sets (more emergencies than ordinary complaints, and ordinary ones in
    a narrow style) taught the model that any text unlike their ordinary complaints, "hello" included, is an
    emergency (intercepts of +3 to +6)."""
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000, fit_intercept=False)


def judged(model: LogisticRegression, features) -> np.ndarray:
    """The model's probabilities, with 0 for texts it may not judge (coverage below MIN_COVERAGE), which is
    how the kiosk uses them."""
    seen = np.flatnonzero(model.coef_[0])
    coverage = np.asarray(features[:, seen].multiply(features[:, seen]).sum(axis=1)).ravel()
    return np.where(coverage >= MIN_COVERAGE, model.predict_proba(features)[:, 1], 0.0)


def cross_validated(texts: list[str], urgent: np.ndarray, c: float = C, seed: int = 0) -> np.ndarray:
    """Each complaint's probability of being an emergency from a model that did not see it."""
    features = vectorizer().transform(texts)
    probabilities = np.zeros(len(texts))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(texts, urgent):
        probabilities[test] = judged(_model(c).fit(features[train], urgent[train]), features[test])
    return probabilities


def allowed_false_alarms(ordinary: int, bound: float = VALIDATION_FALSE_ALARM_BOUND) -> int:
    """The most false alarms among ``ordinary`` complaints that still show the true rate below ``bound`` with
    ``CONFIDENCE``; 0 when even none cannot show it (a small set)."""
    from scipy.stats import beta

    allowed = 0
    while allowed + 1 < ordinary and beta.ppf(CONFIDENCE, allowed + 2, ordinary - allowed - 1) <= bound:
        allowed += 1
    return allowed


def choose_threshold(
    probabilities: np.ndarray,
    urgent: np.ndarray,
    max_false_alarm: float = MAX_FALSE_ALARM,
    allowed: int | None = None,
) -> float:
    """The lowest threshold ≥ FLOOR whose false-alarm share on the ordinary complaints is within budget (or that
    lets at most ``allowed`` ordinary complaints through, when given)."""
    ordinary = np.sort(probabilities[~urgent])
    if allowed is None:
        allowed = int(np.floor(max_false_alarm * len(ordinary)))  # ordinary complaints that may score at or above
    # An alarm needs a probability strictly above the (allowed+1)-th highest ordinary score.
    if allowed >= len(ordinary):
        return FLOOR
    above = ordinary[len(ordinary) - allowed - 1]
    return float(min(max(FLOOR, np.nextafter(above, 1.0)), 0.999))


def _urgent(items: list[dict]) -> np.ndarray:
    return np.array([bool(item.get("red_flag")) for item in items])


def train_language(
    code: str,
    items: list[dict],
    validation: list[dict],
    c: float = C,
    max_false_alarm: float = MAX_FALSE_ALARM,
    stopped_by_rows: list[bool] | np.ndarray | None = None,
) -> LanguageFit:
    """``stopped_by_rows``: which validation complaints the red-flag rows already stop (None: none), so the
    screen is never asked about them and they do not bound its threshold."""
    texts, urgent = [item["text"] for item in items], _urgent(items)
    probabilities = cross_validated(texts, urgent, c)
    model = _model(c).fit(vectorizer().transform(texts), urgent)
    checked = judged(model, vectorizer().transform([item["text"] for item in validation]))
    checked_urgent = _urgent(validation)
    asked = np.ones(len(validation), dtype=bool) if stopped_by_rows is None else ~np.asarray(stopped_by_rows)
    threshold = max(
        choose_threshold(probabilities, urgent, max_false_alarm),
        choose_threshold(
            checked[asked],
            checked_urgent[asked],
            allowed=allowed_false_alarms(int((~checked_urgent[asked]).sum())),
        ),
    )
    flagged, checked_flagged = probabilities >= threshold, checked >= threshold
    coef = model.coef_[0]
    indices = np.flatnonzero(coef).astype(np.int32)
    return LanguageFit(
        code,
        indices,
        coef[indices].astype(np.float32),
        threshold,
        int(urgent.sum()),
        int((~urgent).sum()),
        float(flagged[urgent].mean()),
        float(flagged[~urgent].mean()),
        float(checked_flagged[checked_urgent].mean()),
        float(checked_flagged[~checked_urgent].mean()),
    )


def enough(items: list[dict], least: int) -> bool:
    urgent = int(_urgent(items).sum()) if items else 0
    return min(urgent, len(items) - urgent) >= least


def train_all(
    dev_dir: Path,
    validation_dir: Path,
    codes: list[str],
    max_false_alarm: float = MAX_FALSE_ALARM,
    rows_stop: Callable[[str, list[str]], list[bool]] | None = None,
) -> tuple[list[LanguageFit], dict[str, str]]:
    """A fit for every language with enough dev complaints and an independent validation set, and the
    reason each other language got none. ``rows_stop(code, texts)`` says which complaints the red-flag rows
    stop (see the module's docstring); without it every ordinary validation complaint bounds the threshold."""
    fits, skipped = [], {}
    for code in codes:
        items = load_patient_set(dev_dir / f"{code}.jsonl")
        validation = load_patient_set(validation_dir / f"{code}.jsonl")
        if not enough(items, MIN_EXAMPLES):
            skipped[code] = f"fewer than {MIN_EXAMPLES} emergencies or ordinary complaints in data/dev"
        elif not enough(validation, MIN_VALIDATION):
            skipped[code] = f"no validation set with {MIN_VALIDATION}+ emergencies and ordinary complaints"
        else:
            stopped = rows_stop(code, [item["text"] for item in validation]) if rows_stop else None
            fits.append(
                train_language(code, items, validation, max_false_alarm=max_false_alarm, stopped_by_rows=stopped)
            )
    return fits, skipped


def save(fits: list[LanguageFit], directory: Path, dev_dir: Path) -> Path:
    """Write the weights and their manifest; the manifest goes last, so a half-written screen is never
    taken for a whole one (its checksum would not match)."""
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for fit in fits:
        arrays[f"{fit.code}_indices"] = fit.indices
        arrays[f"{fit.code}_values"] = fit.values
    weights = directory / WEIGHTS_FILE
    np.savez_compressed(weights, **arrays)
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    manifest = {
        "format": FORMAT,
        "n_features": N_FEATURES,
        "ngrams": list(NGRAMS),
        "c": C,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "trained_on": {fit.code: _fingerprint(dev_dir / f"{fit.code}.jsonl") for fit in fits},
        "weights_sha256": digest,
        "languages": {
            fit.code: {
                "threshold": math.ceil(fit.threshold * 1e6) / 1e6,  # rounded up: never below the chosen one
                "min_coverage": MIN_COVERAGE,
                "emergencies": fit.emergencies,
                "ordinary": fit.ordinary,
                "cv_sensitivity": round(fit.cv_sensitivity, 4),
                "cv_false_alarms": round(fit.cv_false_alarms, 4),
                "validation_sensitivity": round(fit.validation_sensitivity, 4),
                "validation_false_alarms": round(fit.validation_false_alarms, 4),
            }
            for fit in fits
        },
    }
    path = directory / MANIFEST_FILE
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
