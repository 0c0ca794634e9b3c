"""One call from patient text to routing decision: language → English → red flags → model → queue.

Every input gets a ``TriageResult``; the engine never raises for anything a patient can type.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk import paths
from kiosk.errors import KioskError
from kiosk.triage import result as r
from kiosk.triage.argos import PackTranslator, discover
from kiosk.triage.detect import LanguageDetector, script_counts
from kiosk.triage.languages import LanguageSet, load_languages
from kiosk.triage.lexicon import Lexicon, Match, load_lexicon
from kiosk.triage.model import LoadedModel, load_model
from kiosk.triage.redflags import RedFlagRules, load_red_flags
from kiosk.triage.result import Candidate, TriageResult
from kiosk.triage.specialties import NURSE, URGENT, SpecialtyMap, load_specialties
from kiosk.triage.textnorm import clean_for_display

log = logging.getLogger(__name__)

MAX_CHARS = 2000  # what is classified; the red-flag screen reads up to SCREEN_CHARS
SCREEN_CHARS = 20000


@dataclass
class Resources:
    languages: LanguageSet
    lexicon: Lexicon
    red_flags: RedFlagRules
    specialties: SpecialtyMap
    model: LoadedModel
    translators: dict[str, PackTranslator]
    pack_problems: list[str]

    @classmethod
    def load(
        cls,
        root: Path | None = None,
        argos_dir: Path | None = None,
        model: LoadedModel | None = None,
        only: tuple[str, ...] | None = None,
        lazy: bool = False,
    ) -> Resources:
        """Load and check everything the engine needs. ``model`` replaces the shipped model (evaluation of a
        candidate); ``only`` restricts the languages (the hospital's config may offer fewer)."""
        root = root or paths.resources_dir()
        languages = load_languages(root / "languages.toml")
        if only:
            kept = tuple(lang for lang in languages.languages if lang.code in only or lang.code == "en")
            default = languages.default if any(lang.code == languages.default for lang in kept) else "en"
            languages = LanguageSet(default=default, languages=kept)
        lexicon = load_lexicon(
            root / "lexicon", {lang.code: lang.match for lang in languages.languages}, eager=("en",) if lazy else None
        )
        red_flags = load_red_flags(root / "red_flags.toml", lexicon.concepts)
        specialties = load_specialties(root / "specialties.toml")
        model = model or load_model(root / "model")
        specialties.check_labels(model.labels, f"the model in {root / 'model'}")
        packs, problems = discover(
            argos_dir or (root / "argos" if root != paths.resources_dir() else paths.argos_dir())
        )
        translators = {code: PackTranslator(info) for code, info in packs.items() if code in languages}
        return cls(languages, lexicon, red_flags, specialties, model, translators, problems)


class TriageEngine:
    def __init__(self, resources: Resources):
        self.res = resources
        self.detector = LanguageDetector(resources.languages, resources.lexicon)
        pipeline = resources.model.pipeline
        # The lay-term step runs once per complaint: its output feeds both the evidence count and the
        # rest of the Pipeline (scored from the second step on).
        self._normalizer = pipeline.named_steps.get("normalize")
        self._scorer = pipeline[1:] if self._normalizer is not None else pipeline
        word = dict(pipeline.named_steps["tfidf"].transformer_list)["word"]
        self._vocabulary = {term for term in word.vocabulary_ if " " not in term}
        self._tokenize = word.build_tokenizer()
        self._stop = set(word.get_stop_words() or ())

    @classmethod
    def from_resources(cls, root: Path | None = None, argos_dir: Path | None = None) -> TriageEngine:
        return cls(Resources.load(root, argos_dir))

    def warm_up(self) -> None:
        """Read every language's lexicon and train the language detector (kiosk start, in the background)."""
        self.res.lexicon.load_all()
        self.detector.warm_up()

    # -- public -------------------------------------------------------------------------------
    def triage(self, text: object, language: str | None = None) -> TriageResult:
        started = time.perf_counter()
        try:
            return self._triage(text, language, started)
        except Exception:  # never let a patient's input crash the kiosk
            log.exception("triage failed; handing the patient to the triage nurse")
            valid = language if language in self.res.languages else None
            return self._result(started, {}, NURSE, language=valid, abstained=True, reason=r.REASON_ERROR)

    def _result(self, started: float, timings: dict, queue: str, **fields) -> TriageResult:
        """A result routed to ``queue`` (a specialty id, or the urgent or nurse queue)."""
        specialty = self.res.specialties.specialties[queue]
        return TriageResult(
            specialty=specialty.id,
            specialty_name=specialty.name,
            ticket_prefix=specialty.prefix,
            elapsed_ms=_ms(started),
            timings_ms=timings,
            model_run_id=self.res.model.run_id,
            **fields,
        )

    # -- stages -------------------------------------------------------------------------------
    def _triage(self, text: object, language: str | None, started: float) -> TriageResult:
        timings: dict[str, float] = {}
        raw = text if isinstance(text, str) else ""
        cleaned = clean_for_display(raw[: SCREEN_CHARS * 2])[:SCREEN_CHARS]
        chosen = language if language in self.res.languages else None
        base = {"language": chosen, "truncated": len(cleaned) > MAX_CHARS}
        if not cleaned:
            return self._result(started, timings, NURSE, **base, abstained=True, reason=r.REASON_EMPTY)

        t = time.perf_counter()
        detection = self.detector.detect(cleaned[:MAX_CHARS])
        timings["detect"] = _ms(t)
        base.update(detected_language=detection.language, detected_confidence=detection.confidence)
        scripts = script_counts(cleaned)
        if not scripts:  # emoji, digits, symbols: nothing to read
            return self._result(started, timings, NURSE, **base, abstained=True, reason=r.REASON_NO_WORDS)
        lang = chosen or detection.language
        if lang is None:
            if scripts.most_common(1)[0][0] != "latin":  # a script no offered language uses
                return self._result(started, timings, NURSE, **base, abstained=True, reason=r.REASON_UNSUPPORTED)
            lang = self.res.languages.default
        base["language"] = lang

        t = time.perf_counter()
        english, backend, source_matches = self._to_english(cleaned[:MAX_CHARS], lang)
        timings["translate"] = _ms(t)
        base.update(english_text=english, translation_backend=backend)

        t = time.perf_counter()
        matches = self._concepts(cleaned, lang, english, backend, source_matches)
        flag = self.res.red_flags.screen(matches)
        timings["red_flags"] = _ms(t)
        base["concepts"] = sorted({m.concept for m in matches if not m.negated})
        if flag is not None:
            return self._result(
                started, timings, URGENT, **base, red_flag=flag.id, red_flag_message=flag.message, confidence=1.0
            )

        t = time.perf_counter()
        model_input = self._model_input(english, lang, source_matches)
        normalized = self._normalizer.transform([model_input])[0] if self._normalizer is not None else model_input
        known, unknown_share = self._evidence(normalized)
        base.update(known_words=known, unknown_share=unknown_share)
        if known == 0:
            timings["classify"] = _ms(t)
            return self._result(started, timings, NURSE, **base, abstained=True, reason=r.REASON_NOT_UNDERSTOOD)
        proba = self._scorer.predict_proba([normalized])[0]
        classes = self.res.model.labels
        top3 = [
            Candidate(classes[i], self.res.specialties.conditions[classes[i]].name, round(float(proba[i]), 4))
            for i in proba.argsort()[::-1][:3]
        ]
        timings["classify"] = _ms(t)
        confidence = top3[0].probability
        base.update(top3=top3, confidence=confidence)
        if confidence < self.res.model.threshold:
            return self._result(started, timings, NURSE, **base, abstained=True, reason=r.REASON_LOW_CONFIDENCE)
        specialty = self.res.specialties.conditions[top3[0].disease].specialty
        return self._result(started, timings, specialty, **base, disease=top3[0].disease, disease_name=top3[0].name)

    def model_text(self, text: str, language: str | None = None) -> str:
        """What the model reads for ``text``: English plus canonical symptom phrases.

        Training uses it to turn staff feedback written in any language into training examples
        exactly the way the kiosk would have read them.
        """
        cleaned = clean_for_display(text)[:MAX_CHARS]
        lang = language if language in self.res.languages else None
        lang = lang or self.detector.detect(cleaned).language or self.res.languages.default
        english, _, source = self._to_english(cleaned, lang)
        return self._model_input(english, lang, source)

    def _to_english(self, text: str, lang: str) -> tuple[str, str, list[Match]]:
        """English text, the backend that made it, and the source-language lexicon matches."""
        if lang == "en":
            return text, "none", []
        lang_lex = self.res.lexicon.for_language(lang)
        source = lang_lex.match(text) if lang_lex else []
        translator = self.res.translators.get(lang)
        if translator is not None:
            try:
                return translator.translate(text), "argos", source
            except (KioskError, RuntimeError, ValueError):
                log.exception("translation pack for %s failed; using the lexicon", lang)
        return self.res.lexicon.render_english(source), "lexicon", source

    def _concepts(self, text: str, lang: str, english: str, backend: str, source: list[Match]) -> list[Match]:
        """Everything the red-flag screen should see: source lexicon, and English on both texts.

        The English lexicon also runs on the original text, because patients mix in English words
        ("tengo chest pain") and English red-flag phrasings must never slip through.
        """
        english_lex = self.res.lexicon.for_language("en")
        found = list(source)
        if english_lex is not None:
            found += english_lex.match(text)
            if backend == "argos":
                found += english_lex.match(english)
        if lang != "en" and len(text) > MAX_CHARS:
            lang_lex = self.res.lexicon.for_language(lang)
            if lang_lex:
                found += lang_lex.match(text[MAX_CHARS:])
        return found

    def _model_input(self, english: str, lang: str, source: list[Match]) -> str:
        if lang == "en" or not source:
            return english
        extra = " ".join(self.res.lexicon.english_phrases(source))
        return f"{english} {extra}".strip() if extra not in english else english

    def _evidence(self, text: str) -> tuple[int, float]:
        """How many content words the model knows, and the share of content words it does not."""
        words = [w for w in self._tokenize(text.lower()) if w not in self._stop and not w.isdigit()]
        if not words:
            return 0, 1.0
        known = sum(1 for w in words if w in self._vocabulary)
        return known, round(1 - known / len(words), 3)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
