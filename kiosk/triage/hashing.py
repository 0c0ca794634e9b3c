"""Hashed character n-grams of a patient's own words, shared by the learned urgency screen and the wording reader.

Both read the text as the patient typed it (folded: case and accents ignored) in character n-grams within
words, hashed so no vocabulary of strings has to be kept: a misspelled or inflected word still shares most
of its n-grams with the word the model learned. scikit-learn is imported here, on first use, not with the
engine, to keep the engine's import fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.triage.textnorm import fold

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer


def char_ngram_hasher(ngrams: tuple[int, int], n_features: int, norm: str | None, dtype: str) -> HashingVectorizer:
    """A stateless vectoriser (``norm``: "l2" for unit vectors, None for raw counts)."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb",
        ngram_range=ngrams,
        n_features=n_features,
        alternate_sign=False,
        norm=norm,
        preprocessor=fold,
        dtype=np.dtype(dtype).type,
    )
