"""Cross-validation of TF-IDF + Multinomial NB settings from counts taken once per search.

Each training paragraph sits in four of the five CV training folds and in the final fit, and the
settings of one search share their examples; analysing every example into character n-grams again
for each fold and setting was most of a training run. Here each distinct (already normalised) text
is counted once per analyser. A fold's features are then selected and weighted from those counts the
way ``TfidfVectorizer`` does it — vocabulary of the fold's training rows, ``min_df``, sublinear tf,
smoothed idf, L2 norm, ``FeatureUnion`` order — and the Pipeline's own ``MultinomialNB`` is fitted
on them. The scores equal ``cross_val_score`` of the same Pipeline (tests/test_training.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import normalize

_TFIDF_ONLY = ("norm", "use_idf", "smooth_idf", "sublinear_tf")


def supported(pipeline: Pipeline) -> bool:
    """Whether ``pipeline`` (after its normaliser) is TF-IDF vectorisers in a FeatureUnion, then a classifier,
    with the options reproduced here; anything else is cross-validated the ordinary way."""
    steps = pipeline.steps[1:] if pipeline.steps[0][0] == "normalize" else pipeline.steps
    if len(steps) != 2 or not isinstance(steps[0][1], FeatureUnion) or steps[0][1].transformer_weights:
        return False
    for _, vectorizer in steps[0][1].transformer_list:
        if not isinstance(vectorizer, TfidfVectorizer):
            return False
        if vectorizer.norm != "l2" or not vectorizer.use_idf or vectorizer.binary:
            return False
        if vectorizer.max_df not in (1.0, 1) or vectorizer.max_features is not None or vectorizer.vocabulary:
            return False
        if isinstance(vectorizer.min_df, float):
            return False
    return True


def _count_params(vectorizer: TfidfVectorizer) -> dict:
    params = vectorizer.get_params()
    for name in _TFIDF_ONLY:
        params.pop(name)
    params.update(min_df=1, max_df=1.0, max_features=None, vocabulary=None, dtype=np.float64)
    return params


class CountTables:
    """Counts of every distinct text under each analyser the search uses, computed on first need."""

    def __init__(self, texts: Sequence[str]):
        self.texts = list(dict.fromkeys(texts))
        self.row = {text: i for i, text in enumerate(self.texts)}
        self._tables: dict[str, sp.csr_matrix] = {}

    def rows(self, texts: Sequence[str]) -> np.ndarray:
        return np.fromiter((self.row[text] for text in texts), dtype=np.intp, count=len(texts))

    def table(self, vectorizer: TfidfVectorizer) -> sp.csr_matrix:
        params = _count_params(vectorizer)
        key = repr(sorted(params.items()))
        if key not in self._tables:
            if params["analyzer"] == "char_wb":
                self._tables[key] = _char_wb_counts(params, self.texts)
            else:
                self._tables[key] = sp.csr_matrix(CountVectorizer(**params).fit_transform(self.texts))
        return self._tables[key]


def _char_wb_counts(params: dict, texts: list[str]) -> sp.csr_matrix:
    """``CountVectorizer(analyzer="char_wb").fit_transform(texts)``, computed per distinct word.

    ``char_wb`` n-grams never cross whitespace, so a text's counts are the sum of its words' counts:
    (texts × words) @ (words × n-grams). The n-grams of each distinct word are taken once, instead of
    once per occurrence in every text (the texts of a search repeat the same few thousand words).
    """
    preprocess = CountVectorizer(**params).build_preprocessor()
    words = CountVectorizer(analyzer=lambda text: preprocess(text).split(), dtype=np.float64)
    per_text = words.fit_transform(texts)
    grams = CountVectorizer(**{**params, "lowercase": False, "strip_accents": None, "preprocessor": None})
    per_word = grams.fit_transform(list(words.get_feature_names_out()))
    return sp.csr_matrix(per_text @ per_word)


def _tfidf_fold(
    table: sp.csr_matrix, train: np.ndarray, test: np.ndarray, vectorizer: TfidfVectorizer
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """What ``vectorizer.fit_transform(train texts)`` and ``.transform(test texts)`` would return."""
    counts = table[train]
    df = np.bincount(counts.indices, minlength=table.shape[1])
    keep = np.flatnonzero(df >= vectorizer.min_df)
    n = len(train)
    idf = np.log((n + int(vectorizer.smooth_idf)) / (df[keep] + int(vectorizer.smooth_idf))) + 1.0

    def weigh(matrix: sp.csr_matrix) -> sp.csr_matrix:
        matrix = sp.csr_matrix(matrix[:, keep], dtype=np.float64)
        if vectorizer.sublinear_tf:
            np.log(matrix.data, matrix.data)
            matrix.data += 1.0
        matrix.data *= idf[matrix.indices]
        return normalize(matrix, norm="l2", copy=False)

    return weigh(counts), weigh(table[test])


def fold_accuracy(
    pipeline: Pipeline,
    tables: CountTables,
    train_texts: Sequence[str],
    train_labels: Sequence[str],
    test_texts: Sequence[str],
    test_labels: Sequence[str],
) -> float:
    """Accuracy of ``pipeline``'s features + classifier fitted on normalised ``train_texts``."""
    steps = pipeline.steps[1:] if pipeline.steps[0][0] == "normalize" else pipeline.steps
    union, classifier = steps[0][1], steps[1][1]
    train, test = tables.rows(train_texts), tables.rows(test_texts)
    parts = [_tfidf_fold(tables.table(v), train, test, v) for _, v in union.transformer_list]
    x_train = sp.hstack([p[0] for p in parts], format="csr")
    x_test = sp.hstack([p[1] for p in parts], format="csr")
    fitted = clone(classifier).fit(x_train, np.asarray(train_labels))
    return float(np.mean(fitted.predict(x_test) == np.asarray(test_labels)))
