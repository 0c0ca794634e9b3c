"""Lay-term normalisation as the first step of the model's scikit-learn Pipeline.

Patients write "pee", "tummy", "throwing up"; the dataset says "urination", "abdominal pain",
"vomiting". The English lexicon maps one onto the other. Appending the canonical phrases to the
text (instead of replacing words) keeps everything the patient wrote and adds the words the
model learned from. Living in the Pipeline means the exact lexicon the model was trained with
travels inside the model file, so kiosk and evaluation can never disagree about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sklearn.base import BaseEstimator, TransformerMixin

from kiosk.triage.lexicon import LanguageLexicon


class LayTermNormalizer(TransformerMixin, BaseEstimator):
    """Append canonical English symptom phrases for the lay expressions found in each text.

    ``rows`` are (concept id, folded expression) pairs from the English lexicon and ``english``
    maps concept ids to their canonical phrase. Stateless: ``fit`` learns nothing.
    """

    def __init__(
        self, rows: Sequence[tuple[str, str]] = (), english: dict[str, str] | None = None, concept_tokens: bool = True
    ):
        self.rows = rows
        self.english = english
        self.concept_tokens = concept_tokens

    def fit(self, X: Iterable[str], y: object = None) -> LayTermNormalizer:
        return self

    def _lexicon(self) -> LanguageLexicon:
        lexicon = self.__dict__.get("_compiled")
        if lexicon is None:
            lexicon = LanguageLexicon(code="en", mode="word", rows=list(self.rows))
            self.__dict__["_compiled"] = lexicon
        return lexicon

    def phrases(self, text: str) -> list[str]:
        """Canonical phrases (and concept tokens) for the non-negated concepts in ``text``, first-mention order.

        A concept token (``cid_fever``) is one unambiguous feature per symptom however it was worded, where
        the phrases' words ("pain", "skin") are shared between many symptoms.
        """
        english = self.english or {}
        seen: dict[str, None] = {}
        for match in self._lexicon().match(text):
            if not match.negated and match.concept in english:
                seen.setdefault(english[match.concept], None)
                if self.concept_tokens:
                    seen.setdefault(f"cid_{match.concept}", None)
        return list(seen)

    def transform(self, X: Iterable[str]) -> list[str]:
        return [f"{text} {' '.join(self.phrases(text))}".strip() for text in X]

    def __getstate__(self) -> dict:
        # Compiled regexes are rebuilt on first use after loading; only the data is stored.
        state = dict(self.__dict__)
        state.pop("_compiled", None)
        return state
