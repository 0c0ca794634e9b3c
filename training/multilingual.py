"""End-to-end evaluation through the kiosk's own engine: every language, red flags included.

The same ``TriageEngine`` the kiosk runs is given the candidate model, so these figures are what
patients would get — lexicon or pack translation, red-flag screen, abstention and all.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from kiosk.triage.cache import DerivedCache, fingerprint
from kiosk.triage.engine import Reading, Resources, TriageEngine
from kiosk.triage.model import LoadedModel
from kiosk.triage.result import TriageResult
from training.evaluate import load_patient_set

log = logging.getLogger(__name__)


def engine_with(
    pipeline, threshold: float, resources_dir: Path, run_id: str = "candidate", base: Resources | None = None
) -> TriageEngine:
    """The kiosk's engine with a candidate model; ``base`` reuses already-loaded resources."""
    model = LoadedModel(pipeline, {"run_id": run_id, "threshold": {"value": threshold}})
    if base is not None:
        return TriageEngine(replace(base, model=model))
    return TriageEngine(_without_wording(Resources.load(resources_dir, argos_dir=resources_dir / "argos", model=model)))


def _without_wording(resources: Resources) -> Resources:
    """A training run judges the model, not the wording reader beside it: the reader learned the dev sets'
    complaints by heart, so with it the dev figures (and the abstention threshold read from them) would flatter
    the model. ``python -m training wording`` reports the reader on its own."""
    return replace(resources, wording=None)


class Readings:
    """Each patient-style set read once per training run (language, English, red flags), then finished by
    every model that is evaluated: reading does not depend on the model and is most of the cost.

    ``read_in_background`` reads whole directories of sets in another process while training goes on.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], list[Reading]] = {}
        self._pending = None  # a Future of read_sets' result
        self._store: dict[tuple[str, str], tuple] = {}  # set → (cache, name, key) to keep its readings under
        self._normalizers: dict[int, tuple[object, tuple]] = {}  # id → (normaliser, its parameters as a key)
        self._normalized: dict[tuple, dict[str, str]] = {}  # parameters → text → normalised text

    def read_in_background(
        self, resources_dir: Path, directories: list[Path], cache: DerivedCache | None = None
    ) -> None:
        """Read every set of ``directories`` in another process, except sets whose readings ``cache`` holds for
        these very resources, code and texts (a retrain without lexicon edits reads nothing)."""
        from joblib.externals.loky import ProcessPoolExecutor  # starts without re-running the caller's __main__

        cache = cache or DerivedCache.default()
        base = readings_fingerprint(resources_dir)
        jobs = []
        for directory in directories:
            for path in sorted(directory.glob("*.jsonl")):
                items = load_patient_set(path)
                name = f"readings_{path.stem}_{fingerprint(str(path.resolve()))[:12]}"
                key = fingerprint(base, path.read_bytes())
                stored = _stored_readings(cache.load_json(name, key), len(items))
                if stored is not None:
                    self._cache[(str(path), path.stem)] = stored
                    continue
                jobs.append((str(path), path.stem, items))
                self._store[(str(path), path.stem)] = (cache, name, key)
        if jobs:
            executor = ProcessPoolExecutor(max_workers=1)
            self._pending = executor.submit(read_sets, resources_dir, jobs)
            executor.shutdown(wait=False)

    def _collect(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        waited = time.perf_counter()
        try:
            for key, readings in pending.result().items():
                self._cache.setdefault(key, readings)
                if key in self._store:
                    cache, name, cache_key = self._store.pop(key)
                    cache.save_json(name, cache_key, [reading.to_json() for reading in readings])
            log.info("patient-style sets read in the background (waited %.1f s for them)", time.perf_counter() - waited)
        except Exception:  # e.g. no shipped model to read with: every set is then read here, on first use
            log.warning("reading the patient-style sets in the background failed; reading them now", exc_info=True)

    def readings(self, engine: TriageEngine, key: str, items: list[dict], language: str) -> list[Reading]:
        """The set's readings: from the background reader or the cache when there, else read now."""
        self._collect()
        readings = self._cache.get((key, language))
        if readings is None or len(readings) != len(items):
            readings = engine.read_many([(item["text"], language) for item in items])
            self._cache[(key, language)] = readings
        return readings

    def results(self, engine: TriageEngine, key: str, items: list[dict], language: str) -> list[TriageResult]:
        readings = self.readings(engine, key, items, language)
        return engine.finish(readings, self._memo_normalize(engine.normalizer))

    def _memo_normalize(self, normalizer):
        """``normalizer.transform`` remembering its answers: every model of a run has an equal normaliser (same
        English lexicon), so each dev and held-out complaint is normalised once, not once per model."""
        if normalizer is None:
            return None
        if id(normalizer) not in self._normalizers:
            params = normalizer.get_params()
            key = tuple(
                (name, repr(value) if isinstance(value, dict) else _frozen(value))
                for name, value in sorted(params.items())
            )
            self._normalizers[id(normalizer)] = (normalizer, key)
        memo = self._normalized.setdefault(self._normalizers[id(normalizer)][1], {})

        def normalize(texts: list[str]) -> list[str]:
            missing = [text for text in dict.fromkeys(texts) if text not in memo]
            memo.update(zip(missing, normalizer.transform(missing), strict=True))
            return [memo[text] for text in texts]

        return normalize


def readings_fingerprint(resources_dir: Path) -> str:
    """Everything a reading depends on besides the text: the resources it is read with, the engine's code
    and the libraries that detect language and translate."""
    from importlib import metadata

    import kiosk.triage

    parts: list[bytes | str] = []
    files = sorted((resources_dir / "lexicon").glob("*.tsv")) + sorted((resources_dir / "wordlists").glob("*.gz"))
    files += sorted((resources_dir / "urgency").glob("urgency.*"))
    files += [
        resources_dir / name
        for name in ("languages.toml", "red_flags.toml", "specialties.toml", "spelling.toml", "romanization.toml")
    ]
    files += sorted(Path(kiosk.triage.__file__).parent.glob("*.py"))
    for path in files:
        parts += [path.name, path.read_bytes() if path.is_file() else b""]
    argos = resources_dir / "argos"
    for path in sorted(argos.rglob("*")) if argos.is_dir() else ():
        if path.is_file():
            stat = path.stat()
            parts += [str(path.relative_to(argos)), f"{stat.st_size}:{stat.st_mtime_ns}"]
    for package in ("langdetect", "ctranslate2", "sentencepiece", "scikit-learn"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=none")
    return fingerprint(*parts)


def _stored_readings(stored: object, expected: int) -> list[Reading] | None:
    if not isinstance(stored, list) or len(stored) != expected:
        return None
    try:
        return [Reading.from_json(item) for item in stored]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _frozen(value: object) -> object:
    """A hashable stand-in for a parameter value (lists of rows become tuples)."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    return value


def read_sets(resources_dir: Path, jobs: list[tuple[str, str, list[dict]]]) -> dict[tuple[str, str], list[Reading]]:
    """Read (key, language, items) sets with the kiosk engine on the shipped resources (any model will do:
    reading stops before the model)."""
    engine = TriageEngine(_without_wording(Resources.load(resources_dir, argos_dir=resources_dir / "argos")))
    return {
        (key, language): engine.read_many([(item["text"], language) for item in items])
        for key, language, items in jobs
        if language in engine.res.languages
    }


def evaluate_language(
    engine: TriageEngine, items: list[dict], language: str, results: list[TriageResult] | None = None
) -> dict:
    """Figures for one language's set, triaged as if the patient had picked the language.

    ``results`` are the engine's answers for ``items`` when already computed. ``confidence``, ``correct``
    and ``right_queue`` describe the model's top answer for every ordinary complaint that reached the
    model (not red-flagged): the raw material of the coverage curve the abstention threshold is read from.
    """
    if results is None:
        results = engine.triage_many([(item["text"], language) for item in items])
    counts: dict[str, int] = defaultdict(int)
    misses: list[dict] = []
    confidence: list[float] = []
    correct: list[bool] = []
    right_queue: list[bool] = []
    conditions = engine.res.specialties.conditions
    for item, result in zip(items, results, strict=True):
        counts["n"] += 1
        counts["language_ok"] += int(result.detected_language == language)
        if item.get("red_flag"):
            counts["red_flag_n"] += 1
            caught = result.red_flag is not None
            counts["red_flag_caught"] += int(caught)
            if not caught:
                misses.append({"kind": "missed_red_flag", "expected": item["red_flag"], "text": item["text"]})
            continue
        counts["ordinary_n"] += 1
        if result.red_flag:
            counts["false_alarm"] += 1
            misses.append({"kind": "false_alarm", "got": result.red_flag, "text": item["text"]})
            continue
        top = result.top3[0].disease if result.top3 else None
        confidence.append(result.top3[0].probability if result.top3 else 0.0)
        correct.append(top == item.get("label"))
        expected = conditions.get(item.get("label"))
        right_queue.append(
            top in conditions and expected is not None and conditions[top].specialty == expected.specialty
        )
        counts["top1_ok"] += int(top == item.get("label"))  # ignoring abstention: raw model+translation accuracy
        if result.abstained:
            counts["abstained"] += 1
        else:
            counts["answered_ok"] += int(result.disease == item.get("label"))
            spec = engine.res.specialties.conditions.get(item.get("label"))
            counts["specialty_ok"] += int(spec is not None and result.specialty == spec.specialty)
        if top != item.get("label"):
            misses.append({"kind": "wrong", "expected": item.get("label"), "got": top, "text": item["text"]})
    n_ord = counts["ordinary_n"] or 1
    answered = counts["ordinary_n"] - counts["abstained"]
    return {
        "n": counts["n"],
        "accuracy": round(counts["top1_ok"] / n_ord, 4),
        "answered_share": round(answered / n_ord, 4),
        "answered_accuracy": round(counts["answered_ok"] / answered, 4) if answered else None,
        "red_flag_sensitivity": round(counts["red_flag_caught"] / counts["red_flag_n"], 4)
        if counts["red_flag_n"]
        else None,
        "false_alarm_rate": round(counts["false_alarm"] / n_ord, 4),
        "language_accuracy": round(counts["language_ok"] / counts["n"], 4) if counts["n"] else None,
        "misses": misses,
        "confidence": confidence,
        "correct": correct,
        "right_queue": right_queue,
    }


def evaluate_sets(engine: TriageEngine, directory: Path, readings: Readings | None = None) -> dict[str, dict]:
    """Per language: triage with the language chosen; ``language_accuracy`` is how often the detector
    (which runs anyway) names the right language, i.e. what a patient who did not choose would get."""
    results = {}
    for path in sorted(directory.glob("*.jsonl")):
        if path.stem in engine.res.languages:
            items = load_patient_set(path)
            answers = (readings or Readings()).results(engine, str(path), items, path.stem)
            results[path.stem] = evaluate_language(engine, items, path.stem, answers)
    return results
