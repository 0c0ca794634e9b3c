"""Lexicon authors' view of a development set: every complaint, what the kiosk made of it, and the misses.

Only ``data/dev`` is offered on purpose: looking at held-out mistakes would quietly turn the held-out
sets into development data, and their figures would stop predicting what unseen patients get.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.triage.engine import Resources, TriageEngine
from kiosk.triage.result import TriageResult
from training.evaluate import load_patient_set


def outcome(item: dict, result: TriageResult) -> tuple[bool, str]:
    """Whether the kiosk handled one complaint right, and a one-line account of what it did."""
    expected = item.get("red_flag") or item.get("label")
    if item.get("red_flag"):
        ok = result.red_flag is not None
        got = result.red_flag or (result.top3[0].disease if result.top3 else "nothing")
    elif result.red_flag:
        ok, got = False, f"FALSE ALARM {result.red_flag}"
    else:
        got = result.top3[0].disease if result.top3 else "nothing"
        ok = got == item.get("label")
    mark = "ok  " if ok else "MISS"
    return ok, f"{mark} {expected:>22} → {got:<22} | {item['text']}\n{'':>30}en: {result.english_text}"


def check(resources_dir: Path, language: str, dev_dir: Path, misses_only: bool) -> tuple[int, int, list[str]]:
    """(right, total, lines) for one language's development set through the shipped engine."""
    resources = Resources.load(resources_dir, argos_dir=resources_dir / "argos", only=(language,))
    # The lexicon authors' view: what the rows (and the spelling reader) catch. The learned urgency screen
    # is trained on these very complaints, so with it every dev emergency would look caught.
    resources.urgency = None
    resources.wording = None  # trained on the dev sets too
    engine = TriageEngine(resources)
    lines, right, items = [], 0, load_patient_set(dev_dir / f"{language}.jsonl")
    results = engine.triage_many([(item["text"], language) for item in items])
    for item, result in zip(items, results, strict=True):
        ok, line = outcome(item, result)
        right += ok
        if not (ok and misses_only):
            lines.append(line)
    return right, len(items), lines
