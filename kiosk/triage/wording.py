"""The wording reader: which condition a complaint sounds like, read from the patient's own words.

The model reads complaints through the lexicon, so a word no row has is lost to it. Writers who never saw
the lexicon use such words all the time: on the eleventh round's unread complaints the kiosk named the
right condition for 0.69-0.92 of them, by language. A Naive Bayes model over character n-grams of the
patient's own text, trained per language on the ordinary complaints of ``data/dev``, also knows words it
has seen spelled or inflected differently, and words no lexicon row was written for. Its probabilities are
averaged with the model's, so it can tip a close call or lower the confidence of a guess the patient's
words disagree with, but never decides alone: a complaint the model knows nothing of still goes to the
nurse, and the reader stays silent on text most of whose n-grams it has never seen (another script).

Like the urgency screen, the weights are plain arrays (``wording.npz``, no pickle) checked against
``wording.json``'s sha256, and features are computed here, by the same function training uses. A missing
or damaged file leaves the model on its own, logged for IT.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.triage.hashing import char_ngram_hasher
from kiosk.triage.weightfiles import UNUSABLE, present, read_checked

if TYPE_CHECKING:
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

log = logging.getLogger(__name__)

WEIGHTS_FILE = "wording.npz"
MANIFEST_FILE = "wording.json"
FORMAT = 1
N_FEATURES = 1 << 20
NGRAMS = (2, 5)


@functools.cache
def counter() -> HashingVectorizer:
    """Raw counts of hashed character 2–5-grams within words: the n-grams seen in training are a sorted array of
    feature numbers, not a vocabulary of strings in memory (stateless, so one is shared)."""
    return char_ngram_hasher(NGRAMS, N_FEATURES, None, "float64")


@dataclass(frozen=True)
class Reading:
    probabilities: np.ndarray  # over ``WordingReader.classes``
    coverage: float  # share of the text's n-grams (by count) seen in training


@dataclass(frozen=True)
class LanguageWording:
    """One language's fitted reader: sublinear TF-IDF over the n-grams seen in training, then multinomial NB.
    N-grams never seen in training are left out, as a vocabulary-based vectoriser would."""

    columns: np.ndarray  # int64 feature numbers seen in training, sorted
    idf: np.ndarray  # per column
    log_prob: np.ndarray  # columns × classes
    class_log_prior: np.ndarray

    def read(self, text: str) -> Reading | None:
        """None when ``text`` has no n-gram at all (empty, punctuation only)."""
        import numpy as np

        row = counter().transform([text])
        if row.nnz == 0:
            return None
        at = np.minimum(np.searchsorted(self.columns, row.indices), len(self.columns) - 1)
        found = self.columns[at] == row.indices
        joint = self.class_log_prior.astype(np.float64)
        if found.any():
            weights = (1.0 + np.log(row.data[found])) * self.idf[at[found]]
            weights /= np.linalg.norm(weights)
            joint = joint + weights @ self.log_prob[at[found]]
        joint -= joint.max()
        probabilities = np.exp(joint)
        return Reading(probabilities / probabilities.sum(), float(row.data[found].sum() / row.data.sum()))


@dataclass(frozen=True)
class WordingReader:
    classes: tuple[str, ...]
    languages: dict[str, LanguageWording]
    weight: float  # the reader's share of the averaged probabilities
    min_coverage: float  # below this the reader stays silent
    manifest: dict

    def probabilities(self, text: str, language: str) -> tuple[float, ...] | None:
        """The reader's probabilities over ``classes`` for a text it may judge, else None."""
        model = self.languages.get(language)
        reading = model.read(text) if model is not None else None
        if reading is None or reading.coverage < self.min_coverage:
            return None
        return tuple(float(p) for p in reading.probabilities)

    def order_for(self, labels: Sequence[str]) -> list[int] | None:
        """Column of each of the model's ``labels`` among ``classes``; None when they are not the same
        conditions (a model retrained on other conditions: the reader must be retrained too)."""
        if sorted(labels) != sorted(self.classes):
            return None
        return [self.classes.index(label) for label in labels]


def load_wording(directory: Path) -> WordingReader | None:
    """The shipped wording reader, or None (logged) when it is absent, damaged or of another format."""
    if not present(directory, MANIFEST_FILE, WEIGHTS_FILE):
        log.warning("No wording reader in %s; the model reads through the lexicon alone", directory)
        return None
    try:
        manifest, arrays = read_checked(directory, MANIFEST_FILE, WEIGHTS_FILE, FORMAT, N_FEATURES)
        classes = tuple(str(c) for c in manifest["classes"])
        weight, min_coverage = float(manifest["weight"]), float(manifest["min_coverage"])
        if not classes or not (0.0 < weight < 1.0 and 0.0 <= min_coverage <= 1.0):
            raise ValueError("its classes, weight or minimum coverage are not usable")
        languages = {code: _language(arrays, code, len(classes)) for code in manifest["languages"]}
    except UNUSABLE as exc:
        log.error(
            "The wording reader in %s cannot be used (%s); the model reads through the lexicon alone. "
            "Retrain it with `python -m training wording`.",
            directory,
            exc,
        )
        return None
    return WordingReader(classes, languages, weight, min_coverage, manifest)


def _language(arrays, code: str, n_classes: int) -> LanguageWording:
    import numpy as np

    columns = arrays[f"{code}_columns"].astype(np.int64)
    idf = arrays[f"{code}_idf"].astype(np.float32)
    log_prob = arrays[f"{code}_log_prob"].astype(np.float32)
    prior = arrays[f"{code}_prior"].astype(np.float64)
    if len(columns) == 0 or np.any(np.diff(columns) <= 0) or columns[0] < 0 or columns[-1] >= N_FEATURES:
        raise ValueError(f"the n-grams for {code} are not in order")
    if idf.shape != columns.shape or log_prob.shape != (len(columns), n_classes) or prior.shape != (n_classes,):
        raise ValueError(f"the arrays for {code} do not fit together")
    if not (np.all(np.isfinite(log_prob)) and np.all(np.isfinite(idf)) and np.all(np.isfinite(prior))):
        raise ValueError(f"the arrays for {code} hold values that are not numbers")
    return LanguageWording(columns, idf, log_prob, prior)
