"""Which language did the patient type in?

Script first: Hangul, Arabic, Han and Cyrillic each belong to one offered language. Latin-script
complaints are short, so three weak signals are combined: langdetect (seeded, limited to the
offered languages; unreliable under ~20 letters, and it knows no Haitian Creole), a character
n-gram Naive Bayes trained on the symptom lexicon itself (it knows exactly this domain, Haitian
Creole included), and how much of the text each language's lexicon recognises. When the evidence
is weak the caller falls back to the patient's choice or the kiosk default.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.triage.cache import DerivedCache, code_fingerprint, fingerprint
from kiosk.triage.languages import LanguageSet
from kiosk.triage.lexicon import Lexicon
from kiosk.triage.textnorm import CLAUSE_MARK, fold

if TYPE_CHECKING:
    from kiosk.triage.ngram import NgramModel

# Weights of the Latin-script signals, and the least combined score trusted (tuned on data/dev).
W_NGRAM = 0.45
W_LANGDETECT = 0.25
W_COVERAGE = 0.30
MIN_CONFIDENCE = 0.40
LANGDETECT_MIN_LETTERS = 12


@dataclass(frozen=True)
class Detection:
    language: str | None
    confidence: float
    method: str  # "script", "latin", "none"


def script_of(char: str) -> str | None:
    code = ord(char)
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if char.isalpha():
        return "latin" if unicodedata.name(char, "").startswith("LATIN") else "other"
    return None


def script_counts(text: str) -> Counter[str]:
    return Counter(s for s in map(script_of, text) if s)


class LanguageDetector:
    def __init__(self, languages: LanguageSet, lexicon: Lexicon, seed: int = 0, cache: DerivedCache | None = None):
        self.languages = languages
        self.lexicon = lexicon
        self.seed = seed
        self.cache = cache
        # Languages a Latin-script complaint may be in: the Latin-script ones, then those also typed in Latin
        # letters (``latin_too``), which langdetect cannot judge (its profiles are of their own script).
        self._latin_script = [lang.code for lang in languages.languages if lang.script == "latin"]
        self._latin = self._latin_script + [lang.code for lang in languages.languages if lang.latin_too]
        self._ngram = None
        self._langdetect = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> Detection:
        return self.detect_many([text])[0]

    def detect_many(self, texts: list[str]) -> list[Detection]:
        """``detect`` for many texts, with one n-gram model call for all Latin-script ones (evaluation)."""
        scripts = [script_counts(text) for text in texts]
        found: list[Detection | None] = [self._by_script(counts) for counts in scripts]
        latin = [i for i, detection in enumerate(found) if detection is None]
        for i, ngram in zip(latin, self._ngram_probs([texts[i] for i in latin]), strict=True):
            scores = self.latin_scores(texts[i], ngram, sum(scripts[i].values()))
            best = max(scores, key=scores.get)
            found[i] = Detection(best if scores[best] >= MIN_CONFIDENCE else None, round(scores[best], 3), "latin")
        return found  # type: ignore[return-value]

    def _by_script(self, scripts: Counter[str]) -> Detection | None:
        """The answer when the script decides it; None when the Latin-script signals must be weighed."""
        letters = sum(scripts.values())
        if not letters:
            return Detection(None, 0.0, "none")
        script, count = scripts.most_common(1)[0]
        if script != "latin":
            offered = [lang.code for lang in self.languages.languages if lang.script == script]
            if offered:
                return Detection(offered[0], round(count / letters, 3), "script")
            return Detection(None, 0.0, "none")
        if not self._latin:
            return Detection(None, 0.0, "none")
        return None

    def latin_scores(self, text: str, ngram: dict[str, float], letters: int) -> dict[str, float]:
        langdetect = self._langdetect_probs(text) if letters >= LANGDETECT_MIN_LETTERS else {}
        coverage = self._coverage(text)
        weight_ld = W_LANGDETECT if langdetect else 0.0
        total = W_NGRAM + weight_ld + W_COVERAGE
        return {
            code: (
                W_NGRAM * ngram.get(code, 0.0)
                + weight_ld * langdetect.get(code, 0.0)
                + W_COVERAGE * coverage.get(code, 0.0)
            )
            / total
            for code in self._latin
        }

    def _coverage(self, text: str) -> dict[str, float]:
        """Share of the folded text's letters inside lexicon matches, per language, normalised."""
        raw: dict[str, float] = {}
        for code in self._latin:
            lang_lex = self.lexicon.for_language(code)
            if lang_lex is None:
                continue
            prepared = lang_lex.prepare(text)
            size = len(prepared.replace(" ", "").replace(CLAUSE_MARK, "")) or 1
            covered = sum(
                len(prepared[m.start : m.end].replace(" ", "")) for m in lang_lex.match(text, keep_negation=True)
            )
            raw[code] = covered / size
        total = sum(raw.values())
        return {code: value / total for code, value in raw.items()} if total else {}

    def _ngram_probs(self, texts: list[str]) -> list[dict[str, float]]:
        model = self._ngram_model() if texts else None
        if model is None:
            return [{} for _ in texts]
        probs = model.predict_proba([fold(text).replace(CLAUSE_MARK, " ") for text in texts])
        return [dict(zip(model.classes, map(float, row), strict=True)) for row in probs]

    def _ngram_model(self) -> NgramModel | None:
        with self._lock:
            if self._ngram is None:
                self._ngram = self._train_ngram() or False
            return self._ngram or None

    def _train_ngram(self) -> NgramModel | None:
        """Fit on every Latin-script lexicon expression, or take the fit of the same rows from the cache.

        The cache key is taken from each language's rows as one text, so a cached start never lists the
        rows (some 700,000 strings the process would keep most of the memory of)."""
        sources = [
            (code, lang_lex, code in self._latin_script)  # else only its Latin-letter rows (``latin_too``)
            for code in self._latin
            if (lang_lex := self.lexicon.for_language(code)) is not None
        ]
        from kiosk.triage.ngram import NgramModel  # NumPy and scikit-learn: not at import (start-up)

        key = None
        if self.cache is not None and self.cache.directory is not None:
            import sklearn

            from kiosk.triage import ngram

            rows = [f"{code}:{every_row}:{fingerprint(lang_lex.text)}" for code, lang_lex, every_row in sources]
            key = fingerprint(code_fingerprint([ngram, sys.modules[__name__]]), sklearn.__version__, *rows)
            stored = self.cache.load_arrays("detector", key)
            if stored is not None:
                try:
                    return NgramModel.from_arrays(stored)
                except (KeyError, ValueError):
                    pass  # a damaged cache file: fit again below
        texts: list[str] = []
        labels: list[str] = []
        for code, lang_lex, every_row in sources:
            for _, expression in lang_lex.iter_rows():
                if every_row or _mostly_latin(expression):
                    texts.append(expression.replace("*", " "))
                    labels.append(code)
        if len(set(labels)) < 2:
            return None
        model = NgramModel.fit(texts, labels)
        if key is not None:
            self.cache.save_arrays("detector", key, model.to_arrays())
        return model

    def warm_up(self) -> None:
        """Train the n-gram model and load langdetect now (at kiosk start, so the first patient doesn't wait)."""
        self._ngram_model()
        self._langdetect_factory()

    def _langdetect_probs(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._langdetect_factory()
        if factory is None:
            return {}
        detector = factory.create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return {}
        return {str(item.lang): float(item.prob) for item in found}

    def _langdetect_factory(self):
        """langdetect with only the offered Latin-script languages' profiles loaded.

        Restricting the profiles (rather than dropping other languages from its answer) makes it
        choose among the languages the kiosk offers, and runs ~8× faster: its cost grows with the
        number of profiles, and it is the slowest step of a Latin-script triage.
        """
        with self._lock:
            if self._langdetect is None:
                self._langdetect = _restricted_factory(self._latin_script, self.seed) or False
            return self._langdetect or None


_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def _mostly_latin(expression: str) -> bool:
    """Whether most letters are Latin (``script_counts`` per row took seconds over Arabic's 135,000 rows)."""
    latin = len(_LATIN_LETTER.findall(expression))
    return latin > 0 and latin * 2 > len(_LETTER.findall(expression))


def _restricted_factory(codes: list[str], seed: int):
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = []
    for code in codes:
        path = Path(PROFILES_DIRECTORY) / code
        if path.is_file():  # langdetect has no Haitian Creole profile
            profiles.append(path.read_text(encoding="utf-8"))
    if len(profiles) < 2:  # langdetect needs two languages to choose between
        return None
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.seed = seed
    return factory
