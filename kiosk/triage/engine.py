"""One call from patient text to routing decision: language → English → red flags → model → queue.

Every input gets a ``TriageResult``; the engine never raises for anything a patient can type.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk import paths
from kiosk.errors import KioskError
from kiosk.triage import result as r
from kiosk.triage.argos import PackTranslator, TranslationSettings, discover
from kiosk.triage.cache import DerivedCache
from kiosk.triage.detect import Detection, LanguageDetector, script_counts
from kiosk.triage.languages import LanguageSet, load_languages
from kiosk.triage.lexicon import RED_FLAG_PREFIX, Lexicon, Match, load_lexicon
from kiosk.triage.model import LoadedModel, load_model
from kiosk.triage.redflags import RedFlagKind, RedFlagRules, load_red_flags
from kiosk.triage.result import Candidate, TriageResult
from kiosk.triage.romanized import Romanization, RomanizedReader, load_romanization
from kiosk.triage.specialties import NURSE, URGENT, SpecialtyMap, load_specialties
from kiosk.triage.spelling import SpellingReader, SpellingSettings, load_spelling
from kiosk.triage.textnorm import clean_for_display
from kiosk.triage.urgency import UrgencyScreen, load_urgency
from kiosk.triage.wording import WordingReader, load_wording

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
    spelling: SpellingSettings
    cache: DerivedCache | None = None
    urgency: UrgencyScreen | None = None
    romanization: dict[str, Romanization] = field(default_factory=dict)
    wording: WordingReader | None = None

    @classmethod
    def load(
        cls,
        root: Path | None = None,
        argos_dir: Path | None = None,
        model: LoadedModel | None = None,
        only: tuple[str, ...] | None = None,
        lazy: bool = False,
        translation: TranslationSettings | None = None,
        cache: DerivedCache | None = None,
    ) -> Resources:
        """Load and check everything the engine needs. ``model`` replaces the shipped model (evaluation of a
        candidate); ``only`` restricts the languages (the hospital's config may offer fewer); ``cache`` keeps what is
        derived from the lexicon files between runs (default: the user's cache directory)."""
        cache = cache or DerivedCache.default()
        root = root or paths.resources_dir()
        languages = load_languages(root / "languages.toml")
        if only:
            kept = tuple(lang for lang in languages.languages if lang.code in only or lang.code == "en")
            default = languages.default if any(lang.code == languages.default for lang in kept) else "en"
            languages = LanguageSet(default=default, languages=kept)
        lexicon = load_lexicon(
            root / "lexicon",
            {lang.code: lang.match for lang in languages.languages},
            eager=("en",) if lazy else None,
            cache=cache,
        )
        red_flags = load_red_flags(root / "red_flags.toml", lexicon.concepts)
        specialties = load_specialties(root / "specialties.toml")
        spelling = load_spelling(root / "spelling.toml", [lang.code for lang in languages.languages])
        model = model or load_model(root / "model")
        specialties.check_labels(model.labels, f"the model in {root / 'model'}")
        packs, problems = discover(
            argos_dir or (root / "argos" if root != paths.resources_dir() else paths.argos_dir())
        )
        settings = translation or TranslationSettings()
        translators = {
            code: PackTranslator(info, threads=settings.threads, beam_size=settings.beam_size)
            for code, info in packs.items()
            if code in languages
        }
        urgency = load_urgency(root / "urgency") if red_flags.learned else None
        romanization = load_romanization(root / "romanization.toml", languages.codes)
        wording = load_wording(root / "wording")
        return cls(
            languages,
            lexicon,
            red_flags,
            specialties,
            model,
            translators,
            problems,
            spelling,
            cache,
            urgency,
            romanization,
            wording,
        )


@dataclass(frozen=True)
class Reading:
    """A complaint read up to the model: decided already (empty, unsupported, red flag…) or waiting for it."""

    started: float
    timings: dict[str, float]
    fields: dict
    model_input: str = ""
    decided: TriageResult | None = None
    wording: tuple[float, ...] | None = None  # the wording reader's probabilities, over its own classes

    def to_json(self) -> dict:
        return {
            "timings": self.timings,
            "fields": self.fields,
            "model_input": self.model_input,
            "decided": None if self.decided is None else self.decided.to_json(),
            "wording": self.wording,
        }

    @classmethod
    def from_json(cls, data: dict) -> Reading:
        """A stored reading (evaluation keeps them between training runs); its clock starts now."""
        decided = data.get("decided")
        return cls(
            started=time.perf_counter(),
            timings=dict(data["timings"]),
            fields=dict(data["fields"]),
            model_input=data["model_input"],
            decided=None if decided is None else TriageResult.from_json(decided),
            wording=None if data.get("wording") is None else tuple(data["wording"]),
        )


class TriageEngine:
    def __init__(self, resources: Resources):
        self.res = resources
        self.detector = LanguageDetector(resources.languages, resources.lexicon, cache=resources.cache)
        pipeline = resources.model.pipeline
        # The lay-term step runs once per complaint: its output feeds both the evidence count and the
        # rest of the Pipeline (scored from the second step on).
        self._normalizer = pipeline.named_steps.get("normalize")
        self._scorer = pipeline[1:] if self._normalizer is not None else pipeline
        word = dict(pipeline.named_steps["tfidf"].transformer_list)["word"]
        self._vocabulary = {term for term in word.vocabulary_ if " " not in term}
        self._tokenize = word.build_tokenizer()
        self._stop = set(word.get_stop_words() or ())
        self._spelling: dict[str, SpellingReader | None] = {}
        self._build_lock = threading.Lock()  # readers built on first use
        self._romanized_readers: dict[str, RomanizedReader] = {}
        self._wording_order = self._align_wording()

    def _align_wording(self) -> list[int] | None:
        """Where each of the model's conditions sits among the wording reader's (None: no reader to use)."""
        wording = self.res.wording
        if wording is None:
            return None
        order = wording.order_for(self.res.model.labels)
        if order is None:
            log.error(
                "The wording reader was trained for other conditions than the model's; the model reads through "
                "the lexicon alone. Retrain it with `python -m training wording`."
            )
        return order

    @property
    def normalizer(self):
        """The model's lay-term step (None for a model without one)."""
        return self._normalizer

    @classmethod
    def from_resources(cls, root: Path | None = None, argos_dir: Path | None = None) -> TriageEngine:
        return cls(Resources.load(root, argos_dir))

    def warm_up(self) -> None:
        """Read every language's lexicon and train the language detector (kiosk start, in the background)."""
        for lang_lex in self.res.lexicon.languages.values():  # ``languages`` reads every file first
            lang_lex.warm_up()
        self.detector.warm_up()
        for code in self.res.languages.codes:
            self._spelling_reader(code)
            self._romanized_reader(code)
        if self.res.urgency is not None and self.res.urgency.languages:  # imports its hashing now, not at a patient
            self.res.urgency.score("warm up", next(iter(self.res.urgency.languages)))
        if self._wording_order is not None and self.res.wording.languages:
            self.res.wording.probabilities("warm up", next(iter(self.res.wording.languages)))

    # -- public -------------------------------------------------------------------------------
    def triage(self, text: object, language: str | None = None) -> TriageResult:
        return self.finish([self.read(text, language)])[0]

    def triage_many(self, items: Sequence[tuple[object, str | None]]) -> list[TriageResult]:
        """Several complaints with one model call: the same results as ``triage`` one by one, much faster
        for evaluation (per-call overhead dominates scoring a single short text)."""
        return self.finish(self.read_many(items))

    def read_many(self, items: Sequence[tuple[object, str | None]]) -> list[Reading]:
        """``read`` for many complaints, detecting their languages in one batch."""
        cleaned = [_clean(text) for text, _ in items]
        try:
            detections = self.detector.detect_many([text[:MAX_CHARS] for text in cleaned if text])
        except Exception:  # the one-by-one path below handles (and logs) whatever failed
            return [self.read(text, language) for text, language in items]
        found = iter(detections)
        return [
            self.read(text, language, next(found) if clean else None)
            for (text, language), clean in zip(items, cleaned, strict=True)
        ]

    def read(self, text: object, language: str | None = None, detection: Detection | None = None) -> Reading:
        """Everything decided before the model: language, English, red flags, what the model will read.

        A ``Reading`` does not depend on the model, so evaluation reads each complaint once and lets
        every candidate model ``finish`` the same readings.
        """
        started = time.perf_counter()
        try:
            return self._read(text, language, started, detection)
        except Exception:  # never let a patient's input crash the kiosk
            log.exception("triage failed; handing the patient to the triage nurse")
            return Reading(started, {}, {}, decided=self._failed(started, language))

    def finish(
        self, readings: Sequence[Reading], normalize: Callable[[list[str]], list[str]] | None = None
    ) -> list[TriageResult]:
        """Classify the readings still waiting for the model (in one batch) and return every result.

        ``normalize`` replaces the model's lay-term step (``normalizer.transform``) with an equivalent, e.g.
        a memo shared by the models of a training run, which all carry the same normaliser.
        """
        try:
            return self._finish(readings, normalize)
        except Exception:
            log.exception("classification failed; handing the patient(s) to the triage nurse")
            return [
                reading.decided or self._failed(reading.started, reading.fields.get("language")) for reading in readings
            ]

    def confirm_emergency(self, result: TriageResult, kind_id: str) -> TriageResult:
        """``result`` turned into an emergency because the patient said yes to ``kind_id``'s danger sign.

        The text screen can miss an emergency told in words nobody foresaw; the patient's own answer to a
        plain question cannot be overruled by the model. What was read (language, English text, concepts)
        is kept for monitoring; the disease guess is dropped, as for any emergency.
        """
        kind = self.res.red_flags.get(kind_id)
        if kind is None or not kind.ask:
            raise ValueError(f"{kind_id!r} is not a danger sign the kiosk asks about")
        return replace(
            result,
            **self._queue(URGENT),
            red_flag=kind.id,
            red_flag_message=kind.message,
            disease=None,
            disease_name=None,
            top3=[],
            confidence=1.0,
            abstained=False,
            reason=r.REASON_PATIENT_ANSWER,
        )

    def _failed(self, started: float, language: object) -> TriageResult:
        valid = language if language in self.res.languages else None
        return self._result(started, {}, NURSE, language=valid, abstained=True, reason=r.REASON_ERROR)

    def _result(self, started: float, timings: dict, queue: str, **fields) -> TriageResult:
        """A result routed to ``queue`` (a specialty id, or the urgent or nurse queue)."""
        return TriageResult(
            **self._queue(queue),
            elapsed_ms=_ms(started),
            timings_ms=timings,
            model_run_id=self.res.model.run_id,
            **fields,
        )

    def _queue(self, queue: str) -> dict:
        """The result fields that route a patient to ``queue``."""
        specialty = self.res.specialties.specialties[queue]
        return {"specialty": specialty.id, "specialty_name": specialty.name, "ticket_prefix": specialty.prefix}

    # -- stages -------------------------------------------------------------------------------
    def _read(self, text: object, language: str | None, started: float, detection: Detection | None) -> Reading:
        timings: dict[str, float] = {}
        cleaned = _clean(text)
        chosen = language if language in self.res.languages else None
        base = {"language": chosen, "truncated": len(cleaned) > MAX_CHARS}

        def decided(queue: str, **fields) -> Reading:
            return Reading(started, timings, base, decided=self._result(started, timings, queue, **base, **fields))

        if not cleaned:
            return decided(NURSE, abstained=True, reason=r.REASON_EMPTY)

        t = time.perf_counter()
        detection = detection or self.detector.detect(cleaned[:MAX_CHARS])
        timings["detect"] = _ms(t)
        base.update(detected_language=detection.language, detected_confidence=detection.confidence)
        scripts = script_counts(cleaned)
        if not scripts:  # emoji, digits, symbols: nothing to read
            return decided(NURSE, abstained=True, reason=r.REASON_NO_WORDS)
        lang = chosen or detection.language
        if lang is None:
            if scripts.most_common(1)[0][0] != "latin":  # a script no offered language uses
                return decided(NURSE, abstained=True, reason=r.REASON_UNSUPPORTED)
            lang = self.res.languages.default
        base["language"] = lang

        t = time.perf_counter()
        english, backend, source_matches, also = self._to_english(cleaned[:MAX_CHARS], lang)
        timings["translate"] = _ms(t)
        base.update(english_text=english, translation_backend=backend)

        t = time.perf_counter()
        borrowed = self._borrowed(cleaned, lang)
        matches = self._concepts(cleaned, lang, english, backend, source_matches, borrowed)
        flag = self.res.red_flags.screen(matches)
        timings["red_flags"] = _ms(t)
        base["concepts"] = sorted({m.concept for m in matches if not m.negated})
        if flag is None:
            t = time.perf_counter()
            flag, corrections = self._screen_misspelled(cleaned[:MAX_CHARS], lang, matches)
            timings["spelling"] = _ms(t)
            base["spelling_corrections"] = list(corrections)
        if flag is None and self.res.urgency is not None:
            t = time.perf_counter()
            if self.res.urgency.is_urgent(cleaned[:MAX_CHARS], lang):
                flag = self.res.red_flags.learned
            timings["urgency"] = _ms(t)
        if flag is not None:
            return decided(URGENT, red_flag=flag.id, red_flag_message=flag.message, confidence=1.0)
        t = time.perf_counter()
        wording = self.res.wording.probabilities(cleaned[:MAX_CHARS], lang) if self._wording_order is not None else None
        timings["wording"] = _ms(t)
        return Reading(
            started,
            timings,
            base,
            model_input=self._model_input(english, lang, source_matches + also, borrowed),
            wording=wording,
        )

    def _finish(self, readings: Sequence[Reading], normalize: Callable | None) -> list[TriageResult]:
        pending = [reading for reading in readings if reading.decided is None]
        t = time.perf_counter()
        inputs = [reading.model_input for reading in pending]
        normalized = inputs if self._normalizer is None else (normalize or self._normalizer.transform)(inputs)
        evidence = [self._evidence(text) for text in normalized]
        scored = [i for i, (known, _) in enumerate(evidence) if known > 0]
        probas = self._scorer.predict_proba([normalized[i] for i in scored]) if scored else []
        proba_of = dict(zip(scored, probas, strict=True))
        classify_ms = _ms(t) / max(len(pending), 1)
        results: dict[int, TriageResult] = {}
        for i, reading in enumerate(pending):
            known, unknown_share = evidence[i]
            fields = {**reading.fields, "known_words": known, "unknown_share": unknown_share}
            timings = {**reading.timings, "classify": classify_ms}
            proba = proba_of.get(i)
            if proba is not None and reading.wording is not None and self._wording_order is not None:
                proba = self._with_wording(proba, reading.wording)
            results[id(reading)] = self._decide(reading.started, timings, fields, proba)
        return [self._own(reading.decided) if reading.decided else results[id(reading)] for reading in readings]

    def _with_wording(self, proba, wording: tuple[float, ...]):
        """The model's probabilities averaged with the wording reader's. Only a complaint the model knows
        something of gets here: the reader never answers alone."""
        import numpy as np

        share = self.res.wording.weight
        return (1.0 - share) * proba + share * np.asarray(wording)[self._wording_order]

    def _own(self, decided: TriageResult) -> TriageResult:
        """A result decided while reading, credited to this engine's model (readings may come from another)."""
        if decided.model_run_id == self.res.model.run_id:
            return decided
        return replace(decided, model_run_id=self.res.model.run_id)

    def _decide(self, started: float, timings: dict, fields: dict, proba) -> TriageResult:
        if proba is None:  # nothing in the text is known to the model
            return self._result(started, timings, NURSE, **fields, abstained=True, reason=r.REASON_NOT_UNDERSTOOD)
        classes = self.res.model.labels
        top3 = [
            Candidate(classes[i], self.res.specialties.conditions[classes[i]].name, round(float(proba[i]), 4))
            for i in proba.argsort()[::-1][:3]
        ]
        confidence = top3[0].probability
        fields.update(top3=top3, confidence=confidence)
        if confidence < self.res.model.threshold:
            return self._result(started, timings, NURSE, **fields, abstained=True, reason=r.REASON_LOW_CONFIDENCE)
        specialty = self.res.specialties.conditions[top3[0].disease].specialty
        return self._result(started, timings, specialty, **fields, disease=top3[0].disease, disease_name=top3[0].name)

    def model_text(self, text: str, language: str | None = None) -> str:
        """What the model reads for ``text``: English plus canonical symptom phrases.

        Training uses it to turn staff feedback written in any language into training examples
        exactly the way the kiosk would have read them.
        """
        cleaned = clean_for_display(text)[:MAX_CHARS]
        lang = language if language in self.res.languages else None
        lang = lang or self.detector.detect(cleaned).language or self.res.languages.default
        english, _, source, also = self._to_english(cleaned, lang)
        return self._model_input(english, lang, source + also, self._borrowed(cleaned, lang))

    def _to_english(self, text: str, lang: str) -> tuple[str, str, list[Match], list[Match]]:
        """English text, the backend that made it, the source-language lexicon matches the red-flag screen
        reads, and the symptoms only the model reads (see ``_romanized``)."""
        if lang == "en":
            return text, "none", [], []
        lang_lex = self.res.lexicon.for_language(lang)
        source = lang_lex.match(text) if lang_lex else []
        screened, model_only = self._romanized(text, lang, source)
        source += screened
        translator = self.res.translators.get(lang)
        if translator is not None:
            try:
                return translator.translate(text), "argos", source, model_only
            except (KioskError, RuntimeError, ValueError):
                log.exception("translation pack for %s failed; using the lexicon", lang)
        return self.res.lexicon.render_english(source + model_only), "lexicon", source, model_only

    def _romanized(self, text: str, lang: str, source: list[Match]) -> tuple[list[Match], list[Match]]:
        """For a complaint typed in Latin letters instead of the language's script (Arabizi), what the
        script's rows read once the words the Latin-letter rows did not know are rewritten in the script:
        (expressions of two words or more, which the red-flag screen reads too; the other symptoms, which
        only the model reads).

        A single rewritten word is a guess ("anaddif", cleaning, has the consonants of نزيف, bleeding). On
        the Arabic dev set read without its Latin-letter rows, letting every rewritten word raise alarms
        caught 36 of 40 Arabizi emergencies and turned 8 of 71 ordinary complaints into false alarms;
        expressions of two words or more caught 31 with 2."""
        reader = self._romanized_reader(lang)
        lang_lex = self.res.lexicon.for_language(lang)
        if reader is None or lang_lex is None:
            return [], []
        words = lang_lex.words(text)
        if not reader.is_romanized(words):  # most complaints: no second reading of the text is needed
            return [], []
        rewritten = reader.rewrite(words, lang_lex.words_used(text))
        if rewritten is None:
            return [], []
        have = {m.concept for m in source}
        new = [m for m in lang_lex.match(rewritten) if m.concept not in have and not m.negated]
        spans = lang_lex.word_spans(rewritten)
        several = [m for m in new if sum(start < m.end and end > m.start for start, end in spans) >= 2]
        return several, [m for m in new if m not in several and not m.concept.startswith(RED_FLAG_PREFIX)]

    def _romanized_reader(self, lang: str) -> RomanizedReader | None:
        """The language's reader of Latin-letter spellings, built on first use from its lexicon's words."""
        table = self.res.romanization.get(lang)
        if table is None:
            return None
        if lang not in self._romanized_readers:
            with self._build_lock:
                lexicon = self.res.lexicon.for_language(lang)
                if lang not in self._romanized_readers and lexicon is not None:
                    self._romanized_readers[lang] = RomanizedReader(table, lexicon.text_words())
        return self._romanized_readers.get(lang)

    def _borrowed(self, text: str, lang: str) -> list[Match]:
        """The English lexicon's reading of the patient's own text, negated by their language's rules.

        Patients mix in English words ("tengo chest pain", "목이 아프고 wheezing"), and English red-flag
        phrasings must never slip through; "no tengo chest pain" is no chest pain, as the patient meant it.
        """
        english_lex = self.res.lexicon.for_language("en")
        if english_lex is None:
            return []
        borrowed = english_lex.match(text)
        lang_lex = self.res.lexicon.for_language(lang) if lang != "en" else None
        return lang_lex.negate_borrowed(text, borrowed) if lang_lex is not None else borrowed

    def _concepts(
        self, text: str, lang: str, english: str, backend: str, source: list[Match], borrowed: list[Match]
    ) -> list[Match]:
        """Everything the red-flag screen should see: source lexicon, English words in the text, and the
        English lexicon on an Argos translation."""
        english_lex = self.res.lexicon.for_language("en")
        found = [*source, *borrowed]
        if english_lex is not None and backend == "argos":
            found += english_lex.match(english)
        if lang != "en" and len(text) > MAX_CHARS:
            lang_lex = self.res.lexicon.for_language(lang)
            if lang_lex:
                found += lang_lex.match(text[MAX_CHARS:])
        return found

    def _screen_misspelled(self, text: str, lang: str, matches: list[Match]) -> tuple[RedFlagKind | None, tuple]:
        """A second look at a complaint the screen did not stop, with unknown words read as the red-flag
        words they are one typing slip from (``spelling.py``): "chset pain" is chest pain. Returns the kind
        and the corrections that raised it."""
        reader = self._spelling_reader(lang)
        lexicon = self.res.lexicon.for_language(lang)
        if reader is None or lexicon is None:
            return None, ()
        for reading, found in reader.matches(lexicon, text):
            flag = self.res.red_flags.screen([*matches, *found])
            if flag is not None:
                return flag, reading.corrections
        return None, ()

    def _spelling_reader(self, lang: str) -> SpellingReader | None:
        """The language's reader of misspelled red-flag words, built on first use (None: read as typed)."""
        if lang in self._spelling:
            return self._spelling[lang]
        with self._build_lock:
            if lang not in self._spelling:
                settings = self.res.spelling.languages.get(lang)
                lexicon = self.res.lexicon.for_language(lang)
                known = self._vocabulary if lang == "en" else ()  # the model's words are English words too
                self._spelling[lang] = (
                    SpellingReader(lexicon, settings, self.res.spelling, known)
                    if settings is not None and lexicon is not None
                    else None
                )
            return self._spelling[lang]

    def _model_input(self, english: str, lang: str, source: list[Match], borrowed: list[Match]) -> str:
        """What the model reads: the English text plus the canonical phrases of the symptoms read in the
        patient's language and of the English words they mixed in (the lexicon's English rendering has only
        the former, so "목이 아프고 wheezing" would otherwise lose its wheeze)."""
        if lang == "en" or not (source or borrowed):
            return english
        extra = " ".join(self.res.lexicon.english_phrases([*source, *(m for m in borrowed if not m.echoed)]))
        return f"{english} {extra}".strip() if extra not in english else english

    def _evidence(self, text: str) -> tuple[int, float]:
        """How many content words the model knows, and the share of content words it does not."""
        words = [w for w in self._tokenize(text.lower()) if w not in self._stop and not w.isdigit()]
        if not words:
            return 0, 1.0
        known = sum(1 for w in words if w in self._vocabulary)
        return known, round(1 - known / len(words), 3)


def _clean(text: object) -> str:
    raw = text if isinstance(text, str) else ""
    return clean_for_display(raw[: SCREEN_CHARS * 2])[:SCREEN_CHARS]


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
