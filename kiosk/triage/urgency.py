"""The learned urgency screen: a second opinion for emergencies told in words the lexicon does not have.

The lexicon's red-flag rows are exact and reviewable, but patients keep finding new ways to say "my chest
feels like an elephant is sitting on it". On complaints written by people who never saw the lexicon, the
rows caught 77–87% of emergencies. A linear model over character n-grams of the patient's own text,
trained per language on the development sets' emergencies and ordinary complaints, recognises the
family resemblance of an emergency even when no row matches; it runs only when the rows found nothing,
so it can add alarms but never take one away.

The weights are plain arrays (``urgency.npz``, no pickle) checked against ``urgency.json``'s sha256;
features are computed here, by the same function training uses, so they cannot drift apart. A missing
or damaged file leaves the rows and the spelling reader on their own, logged for IT: the kiosk still runs.
"""

from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.triage.hashing import char_ngram_hasher
from kiosk.triage.weightfiles import UNUSABLE, present, read_checked

if TYPE_CHECKING:
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

log = logging.getLogger(__name__)

WEIGHTS_FILE = "urgency.npz"
MANIFEST_FILE = "urgency.json"
FORMAT = 1
N_FEATURES = 1 << 20
NGRAMS = (2, 5)


@functools.cache
def vectorizer() -> HashingVectorizer:
    """Character 2–5-grams within words, hashed and l2-normalised (stateless, so one is shared)."""
    return char_ngram_hasher(NGRAMS, N_FEATURES, "l2", "float32")


@dataclass(frozen=True)
class LanguageWeights:
    indices: np.ndarray  # int64 feature numbers with a non-zero weight: the n-grams seen in training, sorted
    values: np.ndarray  # float32 weights
    threshold: float  # alarm at or above this probability (kept within budget on dev and validation sets)
    min_coverage: float  # and only if at least this share of the text is n-grams the model has seen


@dataclass(frozen=True)
class UrgencyScore:
    probability: float
    coverage: float  # share of the text's n-grams (squared weight: the vectors are l2-normalised) seen in training


@dataclass(frozen=True)
class UrgencyScreen:
    languages: dict[str, LanguageWeights]
    manifest: dict

    def score(self, text: str, language: str) -> UrgencyScore | None:
        """How likely ``text`` is an emergency, and how much of it the model knows (None: no model for
        ``language``, or no text). There is no intercept: only n-grams the model has seen move the
        probability away from one half, so "hello" or a keyboard mash is not an emergency by default."""
        weights = self.languages.get(language)
        if weights is None or not text.strip():
            return None
        import numpy as np

        row = vectorizer().transform([text])
        # The weights are sparse and sorted by feature number: look up only the n-grams the text has.
        at = np.minimum(np.searchsorted(weights.indices, row.indices), len(weights.indices) - 1)
        found = weights.indices[at] == row.indices
        score = float(np.dot(row.data[found], weights.values[at[found]]))
        return UrgencyScore(1.0 / (1.0 + math.exp(-score)), float(np.dot(row.data[found], row.data[found])))

    def is_urgent(self, text: str, language: str) -> bool:
        score = self.score(text, language)
        if score is None:
            return False
        weights = self.languages[language]
        return score.coverage >= weights.min_coverage and score.probability >= weights.threshold


def load_urgency(directory: Path) -> UrgencyScreen | None:
    """The shipped urgency screen, or None (logged) when it is absent, damaged or of another format."""
    if not present(directory, MANIFEST_FILE, WEIGHTS_FILE):
        log.warning("No learned urgency screen in %s; the red-flag rows work alone", directory)
        return None
    try:
        manifest, arrays = read_checked(directory, MANIFEST_FILE, WEIGHTS_FILE, FORMAT, N_FEATURES)
        languages = {code: _weights(arrays, code, entry) for code, entry in manifest["languages"].items()}
    except UNUSABLE as exc:
        log.error(
            "The learned urgency screen in %s cannot be used (%s); the red-flag rows work alone. "
            "Retrain it with `python -m training urgency`.",
            directory,
            exc,
        )
        return None
    return UrgencyScreen(languages, manifest)


def _weights(arrays, code: str, entry: dict) -> LanguageWeights:
    import numpy as np

    indices = arrays[f"{code}_indices"].astype(np.int64)
    values = arrays[f"{code}_values"].astype(np.float32)
    if len(indices) == 0 or len(indices) != len(values) or np.any(np.diff(indices) <= 0):
        raise ValueError(f"the weights for {code} are not in order")
    if indices[0] < 0 or indices[-1] >= N_FEATURES:
        raise ValueError(f"the weights for {code} are out of range")
    threshold, min_coverage = float(entry["threshold"]), float(entry["min_coverage"])
    if not (0.0 < threshold < 1.0 and 0.0 <= min_coverage <= 1.0):
        raise ValueError(f"the threshold or minimum coverage for {code} is not between 0 and 1")
    return LanguageWeights(indices, values, threshold, min_coverage)
