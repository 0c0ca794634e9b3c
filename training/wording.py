"""Training the wording reader (``kiosk/triage/wording.py``) from the development sets' ordinary complaints.

One multinomial Naive Bayes per language over character n-grams of the patient's own text. Nothing here is
tuned on ``data/validation`` or the held-out sets: the weight and the minimum coverage are fixed below, and
the validation figures printed are a report. Retrain after the dev sets or the model's conditions change
(``python -m training wording``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import MultinomialNB

from kiosk.triage.wording import FORMAT, MANIFEST_FILE, N_FEATURES, NGRAMS, WEIGHTS_FILE, LanguageWording, counter
from training.evaluate import load_patient_set

# Laplace smoothing for n-gram counts this sparse (the language detector's n-gram NB uses the same).
ALPHA = 0.1
# An equal say with the model: no weighting was tuned. Measured 2026-11-30 on data/validation's ordinary
# complaints (a false alarm or a ticket for the nurse counts wrong): writers none of whose lines are in
# data/dev 0.932 -> 0.970 (ar, en, es, fr, ht, pt, vi); the eleventh round's unread half 0.838 -> 0.878.
WEIGHT = 0.5
# The reader stays silent on a text most of whose n-grams it has never seen. This is no gibberish filter
# (an English reader knows most n-grams of "the weather is nice"; the model's own known-word count is what
# sends nonsense to the nurse): it keeps another script or language from diluting the model. On the dev
# sets, text in another script scored 0.00-0.09 and the Chinese complaints' 1st percentile was 0.28 (Han
# text has no spaces, so most of its 4- and 5-grams are new); every cut from 0 to 0.6 gave the same
# validation figures.
MIN_COVERAGE = 0.25
MIN_PER_CONDITION = 5  # ordinary dev complaints per condition; fewer and the language gets no reader
FOLDS = 5


@dataclass(frozen=True)
class LanguageFit:
    code: str
    model: LanguageWording
    complaints: int
    cv_accuracy: float  # the reader alone, cross-validated on the dev complaints
    validation_accuracy: float | None  # the reader alone on data/validation's ordinary complaints


def fit(texts: list[str], labels: list[str], classes: tuple[str, ...]) -> LanguageWording:
    """The reader for one language; ``classes`` fixes the column order (every one must occur in ``labels``)."""
    counts = counter().transform(texts).tocsc()
    columns = np.flatnonzero(counts.getnnz(axis=0))
    seen = counts[:, columns].tocsr()
    tfidf = TfidfTransformer(sublinear_tf=True).fit(seen)
    nb = MultinomialNB(alpha=ALPHA).fit(tfidf.transform(seen), labels)
    order = [list(nb.classes_).index(c) for c in classes]
    return LanguageWording(
        columns=columns.astype(np.int64),
        idf=tfidf.idf_.astype(np.float32),
        log_prob=np.ascontiguousarray(nb.feature_log_prob_[order].T.astype(np.float32)),
        class_log_prior=nb.class_log_prior_[order].copy(),
    )


def accuracy(model: LanguageWording, classes: tuple[str, ...], items: list[dict]) -> float:
    """Share of ``items`` whose condition is the reader's top answer (a text it cannot read counts wrong)."""
    right = 0
    for item in items:
        reading = model.read(item["text"])
        right += reading is not None and classes[int(reading.probabilities.argmax())] == item["label"]
    return right / len(items) if items else 0.0


def cross_validated(items: list[dict], classes: tuple[str, ...], seed: int = 0) -> float:
    labels = [item["label"] for item in items]
    right = 0
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(items, labels):
        model = fit([items[i]["text"] for i in train], [labels[i] for i in train], classes)
        right += round(accuracy(model, classes, [items[i] for i in test]) * len(test))
    return right / len(items)


def ordinary(items: list[dict], classes: tuple[str, ...]) -> list[dict]:
    return [item for item in items if not item.get("red_flag") and item.get("label") in classes]


def train_all(
    dev_dir: Path, validation_dir: Path, codes: list[str], classes: tuple[str, ...]
) -> tuple[list[LanguageFit], dict[str, str]]:
    """A reader for every language whose dev set has every condition often enough, and why the others got none."""
    fits, skipped = [], {}
    for code in codes:
        items = ordinary(load_patient_set(dev_dir / f"{code}.jsonl"), classes)
        short = [c for c in classes if sum(item["label"] == c for item in items) < MIN_PER_CONDITION]
        if short:
            skipped[code] = f"fewer than {MIN_PER_CONDITION} ordinary dev complaints for {', '.join(short[:3])}"
            continue
        model = fit([item["text"] for item in items], [item["label"] for item in items], classes)
        validation = ordinary(load_patient_set(validation_dir / f"{code}.jsonl"), classes)
        fits.append(
            LanguageFit(
                code,
                model,
                len(items),
                cross_validated(items, classes),
                accuracy(model, classes, validation) if validation else None,
            )
        )
    return fits, skipped


def save(fits: list[LanguageFit], classes: tuple[str, ...], directory: Path, dev_dir: Path) -> Path:
    """Write the weights and then their manifest, so a half-written reader is never taken for a whole one."""
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for f in fits:
        arrays.update(
            {
                f"{f.code}_columns": f.model.columns,
                f"{f.code}_idf": f.model.idf,
                f"{f.code}_log_prob": f.model.log_prob,
                f"{f.code}_prior": f.model.class_log_prior,
            }
        )
    weights = directory / WEIGHTS_FILE
    np.savez_compressed(weights, **arrays)
    manifest = {
        "format": FORMAT,
        "n_features": N_FEATURES,
        "ngrams": list(NGRAMS),
        "alpha": ALPHA,
        "weight": WEIGHT,
        "min_coverage": MIN_COVERAGE,
        "classes": list(classes),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "weights_sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        "languages": {
            f.code: {
                "trained_on": hashlib.sha256((dev_dir / f"{f.code}.jsonl").read_bytes()).hexdigest()[:16],
                "complaints": f.complaints,
                "cv_accuracy": round(f.cv_accuracy, 4),
                "validation_accuracy": None if f.validation_accuracy is None else round(f.validation_accuracy, 4),
            }
            for f in fits
        },
    }
    path = directory / MANIFEST_FILE
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path
