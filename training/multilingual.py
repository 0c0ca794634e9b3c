"""End-to-end evaluation through the kiosk's own engine: every language, red flags included.

The same ``TriageEngine`` the kiosk runs is given the candidate model, so these figures are what
patients would get — lexicon or pack translation, red-flag screen, abstention and all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from kiosk.triage.engine import Resources, TriageEngine
from kiosk.triage.model import LoadedModel
from training.evaluate import load_patient_set


def engine_with(
    pipeline, threshold: float, resources_dir: Path, run_id: str = "candidate", base: Resources | None = None
) -> TriageEngine:
    """The kiosk's engine with a candidate model; ``base`` reuses already-loaded resources."""
    model = LoadedModel(pipeline, {"run_id": run_id, "threshold": {"value": threshold}})
    if base is not None:
        return TriageEngine(replace(base, model=model))
    return TriageEngine(Resources.load(resources_dir, argos_dir=resources_dir / "argos", model=model))


def patient_predictions(engine: TriageEngine, sets: dict[str, list[dict]]) -> tuple[np.ndarray, np.ndarray]:
    """(confidence, correct) of the model's top answer for every ordinary complaint, all languages pooled.

    The language is given as the patient would pick it; red-flag complaints are left out (the
    model never sees them in the kiosk).
    """
    confidence, correct = [], []
    for language, items in sets.items():
        for item in items:
            if item.get("red_flag") or not item.get("label"):
                continue
            result = engine.triage(item["text"], language)
            if result.red_flag:
                continue
            top = result.top3[0] if result.top3 else None
            confidence.append(top.probability if top else 0.0)
            correct.append(bool(top and top.disease == item["label"]))
    return np.array(confidence), np.array(correct, dtype=bool)


def evaluate_language(engine: TriageEngine, items: list[dict], language: str, use_language: bool = True) -> dict:
    """Figures for one language's set. ``use_language``: the patient picked the language (else detected)."""
    counts: dict[str, int] = defaultdict(int)
    misses: list[dict] = []
    for item in items:
        result = engine.triage(item["text"], language if use_language else None)
        counts["n"] += 1
        counts["language_ok"] += int(result.language == language)
        if item.get("red_flag"):
            counts["red_flag_n"] += 1
            caught = result.red_flag is not None
            counts["red_flag_caught"] += int(caught)
            if not caught:
                misses.append({"kind": "missed_red_flag", "expected": item["red_flag"], "text": item["text"]})
            continue
        counts["ordinary_n"] += 1
        if result.red_flag:
            counts["false_alarm"] += 1
            misses.append({"kind": "false_alarm", "got": result.red_flag, "text": item["text"]})
            continue
        top = result.top3[0].disease if result.top3 else None
        counts["top1_ok"] += int(top == item.get("label"))  # ignoring abstention: raw model+translation accuracy
        if result.abstained:
            counts["abstained"] += 1
        else:
            counts["answered_ok"] += int(result.disease == item.get("label"))
            spec = engine.res.specialties.conditions.get(item.get("label"))
            counts["specialty_ok"] += int(spec is not None and result.specialty == spec.specialty)
        if top != item.get("label"):
            misses.append({"kind": "wrong", "expected": item.get("label"), "got": top, "text": item["text"]})
    n_ord = counts["ordinary_n"] or 1
    answered = counts["ordinary_n"] - counts["abstained"] - 0
    return {
        "n": counts["n"],
        "accuracy": round(counts["top1_ok"] / n_ord, 4),
        "answered_share": round(answered / n_ord, 4),
        "answered_accuracy": round(counts["answered_ok"] / answered, 4) if answered else None,
        "red_flag_sensitivity": round(counts["red_flag_caught"] / counts["red_flag_n"], 4)
        if counts["red_flag_n"]
        else None,
        "false_alarm_rate": round(counts["false_alarm"] / n_ord, 4),
        "language_accuracy": round(counts["language_ok"] / counts["n"], 4) if counts["n"] else None,
        "misses": misses,
    }


def evaluate_sets(engine: TriageEngine, directory: Path) -> dict[str, dict]:
    """Per language: triage with the language chosen, plus how often it is detected when not chosen."""
    results = {}
    for path in sorted(directory.glob("*.jsonl")):
        if path.stem in engine.res.languages:
            items = load_patient_set(path)
            figures = evaluate_language(engine, items, path.stem, use_language=True)
            detected = [engine.detector.detect(item["text"]).language for item in items]
            figures["language_accuracy"] = (
                round(sum(d == path.stem for d in detected) / len(items), 4) if items else None
            )
            results[path.stem] = figures
    return results
