"""Patients' own complaints as training examples: the dev sets, read the way the kiosk reads them.

Symptom2Disease is fluent English paragraphs; the kiosk's model reads what the lexicon (or an Argos pack)
made of a patient's few words. The dev sets hold thousands of such complaints from many writers in every
language, labelled, so their readings teach the model the kiosk's own input. The held-out sets never join:
they stay the unseen measure. Dev figures of a model trained on them are taken out of fold
(``training/train.py``: a language is scored by a model that did not see its complaints).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from kiosk.triage.engine import TriageEngine
from training.multilingual import Readings
from training.train import PatientExamples

log = logging.getLogger(__name__)


def dev_examples(
    engine: TriageEngine, readings: Readings, sets: Mapping[str, list[dict]], dev_dir: Path
) -> PatientExamples:
    """Language → (model input, condition) of each ordinary, labelled complaint of its dev set.

    A complaint the red-flag screen stopped has no model input in its reading; it is read for the model
    anyway (the words are still a patient describing that condition)."""
    conditions = engine.res.specialties.conditions
    examples: PatientExamples = {}
    for language, items in sorted(sets.items()):
        if language not in engine.res.languages:
            continue
        read = readings.readings(engine, str(dev_dir / f"{language}.jsonl"), items, language)
        pairs = []
        for item, reading in zip(items, read, strict=True):
            label = item.get("label")
            if item.get("red_flag") or label not in conditions:
                continue
            text = reading.model_input if reading.decided is None else engine.model_text(item["text"], language)
            if text:
                pairs.append((text, label))
        if pairs:
            examples[language] = pairs
    log.info("train: %d dev complaints join training", sum(len(p) for p in examples.values()))
    return examples


def summary(examples: PatientExamples, groups: list[list[str]]) -> dict:
    """What the training record says about them."""
    return {
        "n": sum(len(pairs) for pairs in examples.values()),
        "by_language": {language: len(pairs) for language, pairs in sorted(examples.items())},
        "language_folds": groups,
    }
