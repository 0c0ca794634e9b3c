"""How the red-flag screen holds up when patients mistype: every complaint of a patient-style set is read
again with one typing slip in one of its words, and emergencies caught / false alarms are counted.

The slips are the kinds ``kiosk/triage/spelling.py`` is meant to read (a letter dropped, added, swapped
with its neighbour, or replaced by a key next to it), made at random with a fixed seed, so a figure is
repeatable and a change to the lexicon or the reader shows up as a change in it. They never touch a
word's first letter, as people rarely do. It prints figures only: the held-out sets may be measured but
not read.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from kiosk.triage.engine import Resources, TriageEngine
from training.evaluate import load_patient_set

SLIPS = ("drop", "add", "swap", "replace")


def misspell(text: str, rng: random.Random, neighbours: dict[str, list[str]], alphabet: str) -> str | None:
    """``text`` with one slip in one word of four letters or more (None: no such word). ``neighbours``:
    letter → letters next to it on the keyboard; a letter without any is replaced from ``alphabet``."""
    words = text.split(" ")
    long_words = [i for i, word in enumerate(words) if sum(c.isalpha() for c in word) >= 4]
    if not long_words:
        return None
    i = rng.choice(long_words)
    word = words[i]
    letters = [k for k, c in enumerate(word) if c.isalpha()][1:]  # never the first letter
    k = rng.choice(letters)
    slip = rng.choice(SLIPS)
    near = neighbours.get(word[k].lower()) or list(alphabet)
    if slip == "drop":
        word = word[:k] + word[k + 1 :]
    elif slip == "add":
        word = word[:k] + rng.choice(near) + word[k:]
    elif slip == "swap" and k + 1 < len(word) and word[k + 1].isalpha():
        word = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    else:
        word = word[:k] + rng.choice(near) + word[k + 1 :]
    words[i] = word
    return " ".join(words)


@dataclass
class TypoFigures:
    caught: int = 0
    emergencies: int = 0
    false_alarms: int = 0
    ordinary: int = 0

    @property
    def sensitivity(self) -> float:
        return self.caught / self.emergencies if self.emergencies else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.ordinary if self.ordinary else 0.0


def check(engine: TriageEngine, path: Path, language: str, slips_per_complaint: int = 2, seed: int = 7) -> TypoFigures:
    """Red flags with one slip per complaint, for one language's set at ``path``."""
    items = load_patient_set(path)
    alphabet = "".join(sorted({c for item in items for c in item["text"].lower() if c.isalpha()}))
    settings = engine.res.spelling.languages.get(language)
    neighbours: dict[str, list[str]] = {}
    for a, b in sorted(settings.neighbours) if settings else ():
        neighbours.setdefault(a, []).append(b)
    rng = random.Random(seed)
    typed = []
    for item in items:
        for _ in range(slips_per_complaint):
            text = misspell(item["text"], rng, neighbours, alphabet)
            if text is not None:
                typed.append((text, bool(item.get("red_flag"))))
    figures = TypoFigures()
    results = engine.triage_many([(text, language) for text, _ in typed])
    for (_, emergency), result in zip(typed, results, strict=True):
        flagged = result.red_flag is not None
        if emergency:
            figures.emergencies += 1
            figures.caught += flagged
        else:
            figures.ordinary += 1
            figures.false_alarms += flagged
    return figures


def report(resources_dir: Path, directory: Path, languages: list[str] | None = None) -> list[str]:
    """One line of figures per language of ``directory``: the red-flag rows and the spelling reader, without
    the learned urgency screen (trained on the dev complaints, it would recognise them slip or no slip)."""
    resources = Resources.load(resources_dir, argos_dir=resources_dir / "argos")
    resources.urgency = None
    resources.wording = None  # trained on the dev sets too
    engine = TriageEngine(resources)
    lines = []
    for path in sorted(directory.glob("*.jsonl")):
        if languages and path.stem not in languages:
            continue
        f = check(engine, path, path.stem)
        lines.append(
            f"{path.stem}: emergencies caught {f.caught}/{f.emergencies} ({f.sensitivity:.1%}), "
            f"false alarms {f.false_alarms}/{f.ordinary} ({f.false_alarm_rate:.1%})"
        )
    return lines
