"""Metrics a nurse manager and the promotion rule can rely on.

Everything here is a pure function of predictions, so the same numbers come out whether the
model is fresh from training or loaded from ``resources/model``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, precision_recall_fscore_support

from kiosk.triage.specialties import SpecialtyMap


@dataclass(frozen=True)
class Predictions:
    labels: list[str]  # true
    predicted: list[str]
    confidence: np.ndarray  # top-class probability
    classes: list[str]

    @classmethod
    def of(cls, pipeline, texts: Sequence[str], labels: Sequence[str]) -> Predictions:
        proba = pipeline.predict_proba(list(texts))
        classes = [str(c) for c in pipeline.classes_]
        top = proba.argmax(axis=1)
        return cls(list(labels), [classes[i] for i in top], proba.max(axis=1), classes)

    @property
    def correct(self) -> np.ndarray:
        return np.array([p == t for p, t in zip(self.predicted, self.labels, strict=True)], dtype=bool)

    def right_queue(self, specialties: SpecialtyMap) -> np.ndarray:
        """Whether each prediction sends the patient to the queue their true condition belongs to."""
        of = specialties.conditions
        return np.array(
            [of[p].specialty == of[t].specialty for p, t in zip(self.predicted, self.labels, strict=True)], dtype=bool
        )


def classification_metrics(pred: Predictions, specialties: SpecialtyMap) -> dict:
    precision, recall, f1, _ = precision_recall_fscore_support(
        pred.labels, pred.predicted, average="macro", zero_division=0
    )
    true_spec = [specialties.conditions[label].specialty for label in pred.labels]
    pred_spec = [specialties.conditions[label].specialty for label in pred.predicted]
    return {
        "n": len(pred.labels),
        "accuracy": round(float(accuracy_score(pred.labels, pred.predicted)), 4),
        "macro_precision": round(float(precision), 4),
        "macro_recall": round(float(recall), 4),
        "macro_f1": round(float(f1), 4),
        "specialty_accuracy": round(float(accuracy_score(true_spec, pred_spec)), 4),
    }


def per_class_report(pred: Predictions) -> dict:
    return classification_report(pred.labels, pred.predicted, labels=pred.classes, output_dict=True, zero_division=0)


def confusion(pred: Predictions) -> np.ndarray:
    return confusion_matrix(pred.labels, pred.predicted, labels=pred.classes)


def coverage_curve(confidence: np.ndarray, correct: np.ndarray, steps: int = 101) -> list[dict]:
    """Accuracy of the answered cases and share answered, for each confidence threshold."""
    curve = []
    for threshold in np.linspace(0.0, 1.0, steps):
        answered = confidence >= threshold
        n = int(answered.sum())
        curve.append(
            {
                "threshold": round(float(threshold), 3),
                "coverage": round(n / len(confidence), 4) if len(confidence) else 0.0,
                "accuracy": round(float(correct[answered].mean()), 4) if n else None,
            }
        )
    return curve


def choose_threshold(curve: list[dict], target_accuracy: float) -> dict:
    """Lowest threshold whose answered cases reach ``target_accuracy``: answer as many as safely possible.

    If the target is never reached, the threshold giving the best accuracy with at least a
    quarter of cases answered is used, and the report says the target was missed.
    """
    for point in curve:
        if point["accuracy"] is not None and point["accuracy"] >= target_accuracy:
            return {**point, "target_accuracy": target_accuracy, "target_met": True}
    usable = [p for p in curve if p["accuracy"] is not None and p["coverage"] >= 0.25] or [curve[0]]
    best = max(usable, key=lambda p: (p["accuracy"] or 0.0, p["coverage"]))
    return {**best, "target_accuracy": target_accuracy, "target_met": False}


def load_patient_set(path: Path) -> list[dict]:
    """Patient-style complaints (``data/dev``/``data/holdout`` format); empty when the file is absent."""
    if not path.exists():
        return []
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise ValueError(f"{path}, line {number}: not valid JSON") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"{path}, line {number}: needs a text field")
        items.append(item)
    return items


def ordinary(items: list[dict], known_labels: set[str]) -> tuple[list[str], list[str]]:
    """Texts and labels of the non-red-flag complaints whose label the model knows."""
    kept = [i for i in items if not i.get("red_flag") and i.get("label") in known_labels]
    return [i["text"] for i in kept], [i["label"] for i in kept]
