"""The kiosk's model: lay-term normalisation → TF-IDF → Multinomial Naive Bayes.

``PatientStyleClassifier`` wraps that Pipeline so that patient-style augmentation happens inside
``fit``: cross-validation then augments only the training folds, and the shipped artifact is the
plain fitted Pipeline (``pipeline_``), which carries its own preprocessing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import FeatureUnion, Pipeline

from kiosk.triage.features import LayTermNormalizer
from kiosk.triage.lexicon import LanguageLexicon
from training.augment import clause_examples, concept_profiles, mentioned, sketch_examples, with_typical


@dataclass(frozen=True)
class EnglishLexicon:
    """What the model needs of the English lexicon: expression rows and canonical phrases."""

    rows: tuple[tuple[str, str], ...]
    english: dict[str, str]
    typical: dict[str, list[str]] | None = None  # condition → typical concept ids (training/knowledge)
    atypical: dict[str, list[str]] | None = None  # condition → concept ids its sketches leave out (same folder)

    def matcher(self) -> LanguageLexicon:
        return LanguageLexicon(code="en", mode="word", rows=list(self.rows))


def build_pipeline(
    lexicon: EnglishLexicon,
    char_ngrams: bool = True,
    word_ngrams: tuple[int, int] = (1, 2),
    alpha: float = 0.05,
    stop_words: str | None = "english",
) -> Pipeline:
    word = TfidfVectorizer(
        ngram_range=word_ngrams, sublinear_tf=True, strip_accents="unicode", stop_words=stop_words, min_df=1
    )
    features: list[tuple[str, object]] = [("word", word)]
    if char_ngrams:
        features.append(
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, strip_accents="unicode", min_df=2
                ),
            )
        )
    return Pipeline(
        [
            ("normalize", LayTermNormalizer(rows=lexicon.rows, english=lexicon.english)),
            ("tfidf", FeatureUnion(features)),
            ("nb", MultinomialNB(alpha=alpha)),
        ]
    )


class PatientStyleClassifier(ClassifierMixin, BaseEstimator):
    """Fits ``pipeline`` on the given texts plus patient-style examples derived from them."""

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        lexicon: EnglishLexicon | None = None,
        clauses: bool = True,
        sketches_per_label: int = 60,
        seed: int = 42,
        concepts: dict[str, frozenset[str]] | None = None,
        patient_examples: tuple[tuple[str, str], ...] = (),
    ):
        self.pipeline = pipeline
        self.lexicon = lexicon
        self.clauses = clauses
        self.sketches_per_label = sketches_per_label
        self.seed = seed
        self.concepts = concepts
        self.patient_examples = patient_examples

    def augment(self, texts: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
        """The texts plus their sentences and symptom sketches, then ``patient_examples``: patients' own complaints
        as the kiosk read them ((model input, condition) pairs, ``training/patient_examples.py``), always last, so a
        search can swap them for a subset without re-deriving the rest. ``concepts`` (text → concepts it
        mentions, computed once per search) spares re-reading the same training texts in every fold."""
        x, y = list(texts), list(labels)
        # One matcher for both derivations: each builds its expression index on first use.
        matcher = self.lexicon.matcher() if self.lexicon is not None else None
        if self.clauses:
            cx, cy = clause_examples(texts, labels, keep=self._clinically_plausible(matcher))
            x += cx
            y += cy
        if self.sketches_per_label and matcher is not None:
            profiles = with_typical(
                concept_profiles(texts, labels, matcher, self.concepts),
                self.lexicon.typical,
                atypical=self.lexicon.atypical,
            )
            sx, sy = sketch_examples(profiles, matcher, self.lexicon.english, self.sketches_per_label, self.seed)
            x += sx
            y += sy
        x += [text for text, _ in self.patient_examples]
        y += [label for _, label in self.patient_examples]
        return x, y

    def _clinically_plausible(self, matcher: LanguageLexicon | None) -> Callable[[str, str], bool] | None:
        """A sentence example is kept unless it names a symptom listed as atypical of its label: "My fever
        is very high" alone, labelled asthma, teaches only the dataset's label noise."""
        atypical = {label: frozenset(ids) for label, ids in ((self.lexicon and self.lexicon.atypical) or {}).items()}
        if not atypical or matcher is None:
            return None
        return lambda sentence, label: label not in atypical or not (mentioned(sentence, matcher) & atypical[label])

    def prepare(self, X: Sequence[str], y: Sequence[str]) -> tuple[list[str], list[str]]:
        """The augmented examples, lay-term normalised: what the Pipeline's later steps learn from."""
        texts, labels = self.augment(list(X), list(y))
        return self.pipeline.named_steps["normalize"].transform(texts), labels

    def fit_prepared(self, texts: Sequence[str], labels: Sequence[str]) -> PatientStyleClassifier:
        """Fit on ``prepare``'s output; the fitted ``pipeline_`` still starts with the normaliser."""
        (name, normalizer), *rest = self.pipeline.steps
        fitted = clone(Pipeline(rest)).fit(list(texts), list(labels))
        self.pipeline_ = Pipeline([(name, clone(normalizer)), *fitted.steps])
        self.classes_ = self.pipeline_.classes_
        self.n_training_examples_ = len(texts)
        return self

    def fit(self, X: Sequence[str], y: Sequence[str]) -> PatientStyleClassifier:
        return self.fit_prepared(*self.prepare(X, y))

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        return self.pipeline_.predict_proba(list(X))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        return self.pipeline_.predict(list(X))
