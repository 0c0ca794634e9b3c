"""The language detector's character n-gram Naive Bayes, kept as plain arrays.

Fitting it on every Latin-script lexicon row takes seconds at each start; scoring needs only the
fitted vocabulary, idf weights and class log-probabilities. Those are exported once, cached (see
``kiosk/triage/cache.py``) and scored here with NumPy, with the same numbers scikit-learn's
TF-IDF + MultinomialNB pipeline would give (tested).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

NGRAMS = (1, 4)
ALPHA = 0.1


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True)


@dataclass(frozen=True)
class NgramModel:
    classes: tuple[str, ...]
    terms: np.ndarray  # the vocabulary, column order
    idf: np.ndarray
    feature_log_prob: np.ndarray  # features × classes
    class_log_prior: np.ndarray

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str]) -> NgramModel:
        from sklearn.naive_bayes import MultinomialNB
        from sklearn.pipeline import make_pipeline

        pipeline = make_pipeline(_vectorizer(), MultinomialNB(alpha=ALPHA)).fit(list(texts), list(labels))
        vectorizer, nb = pipeline[0], pipeline[-1]
        terms = np.empty(len(vectorizer.vocabulary_), dtype=object)
        for term, column in vectorizer.vocabulary_.items():
            terms[column] = term
        return cls(
            classes=tuple(str(c) for c in nb.classes_),
            terms=terms.astype(str),
            idf=vectorizer.idf_.copy(),
            feature_log_prob=np.ascontiguousarray(nb.feature_log_prob_.T),
            class_log_prior=nb.class_log_prior_.copy(),
        )

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {
            "classes": np.array(self.classes, dtype=str),
            "terms": self.terms,
            "idf": self.idf,
            "feature_log_prob": self.feature_log_prob,
            "class_log_prior": self.class_log_prior,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> NgramModel:
        """Rebuild from ``to_arrays``; raises ValueError when the arrays do not fit together."""
        model = cls(
            classes=tuple(str(c) for c in arrays["classes"]),
            terms=arrays["terms"],
            idf=arrays["idf"],
            feature_log_prob=arrays["feature_log_prob"],
            class_log_prior=arrays["class_log_prior"],
        )
        n_terms, n_classes = len(model.terms), len(model.classes)
        if model.idf.shape != (n_terms,) or model.feature_log_prob.shape != (n_terms, n_classes):
            raise ValueError("n-gram model arrays have inconsistent shapes")
        if model.class_log_prior.shape != (n_classes,):
            raise ValueError("n-gram model arrays have inconsistent shapes")
        return model

    @cached_property
    def _columns(self) -> dict[str, int]:
        return {str(term): column for column, term in enumerate(self.terms)}

    @cached_property
    def _analyze(self):
        return _vectorizer().build_analyzer()

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities per text: sublinear TF-IDF, L2-normalised, then multinomial NB."""
        columns, analyze = self._columns, self._analyze
        out = np.empty((len(texts), len(self.classes)))
        for row, text in enumerate(texts):
            counts = Counter(column for gram in analyze(text) if (column := columns.get(gram)) is not None)
            joint = self.class_log_prior.copy()
            if counts:
                index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
                weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * self.idf[index]
                weights /= np.linalg.norm(weights)
                joint += weights @ self.feature_log_prob[index]
            joint -= joint.max()
            probs = np.exp(joint)
            out[row] = probs / probs.sum()
        return out
