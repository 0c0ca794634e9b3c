"""The stages of ``python -m training``: etl → train → evaluate → report → promote.

Stages hand over through files in the run directory, so each can be rerun on its own and a
nurse manager's report always matches the model file next to it.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import joblib
import numpy as np
import sklearn

from kiosk.errors import ModelError
from kiosk.triage.languages import load_languages
from kiosk.triage.model import MANIFEST_FILE, MODEL_FILE, load_model
from kiosk.triage.specialties import SpecialtyMap, load_specialties
from training import etl, evaluate, patient_examples, registry
from training.english import load_english_lexicon
from training.settings import Settings
from training.train import PatientExamples, language_folds, select

log = logging.getLogger(__name__)


# Dev figures of a model that trained on the dev complaints, each language scored by a model that did not.
OUT_OF_FOLD_FILE = "dev_out_of_fold.json"


class GateFailed(Exception):
    """The model missed the accuracy gate; nothing is promoted."""


def specialties_of(settings: Settings) -> SpecialtyMap:
    return load_specialties(settings.specialties_file)


def stage_etl(settings: Settings) -> etl.Dataset:
    return etl.run_etl(
        settings.raw_csv, settings.processed_dir, specialties_of(settings), settings.test_size, settings.seed
    )


def dataset_for(settings: Settings) -> etl.Dataset:
    """The processed dataset, refreshed when the raw file changed since the last ETL."""
    try:
        data = etl.load_processed(settings.processed_dir)
        if data.record.get("source_sha256") == etl.sha256_file(settings.raw_csv):
            return data
    except etl.EtlError:
        pass
    return stage_etl(settings)


class PatientScorer:
    """Rates a candidate Pipeline by end-to-end accuracy through the kiosk engine on every dev language.

    Each language counts equally (macro mean), so English cannot hide a weak language.
    """

    def __init__(self, settings: Settings):
        from training.multilingual import Readings

        self.settings = settings
        self.sets = _patient_sets(settings.dev_dir)
        self.readings = Readings()  # one reading of every patient-style set serves every model of the run
        self._base = None

    def engine(self, pipeline, threshold: float = 0.0):
        from training.multilingual import engine_with

        engine = engine_with(pipeline, threshold, self.settings.resources_dir, base=self._base)
        self._base = engine.res
        return engine

    def per_language(self, pipeline) -> dict[str, float]:
        return _scores(self._figures(lambda language: pipeline))

    def __call__(self, pipeline) -> float | None:
        scores = self.per_language(pipeline)
        return round(float(np.mean(list(scores.values()))), 4) if scores else None

    def out_of_fold(self, fold_pipelines: dict, final_pipeline) -> dict:
        """Dev figures with each language triaged by the model that did not train on its complaints: ``score``
        (what ``__call__`` gives a model that never saw the dev sets), per-language accuracy, their macro mean,
        and the pooled (confidence, right queue) the abstention threshold is read from. A language no model
        trained on is triaged by ``final_pipeline``. Each language is triaged once, by its own model."""
        figures = self._figures(lambda language: fold_pipelines.get(language, final_pipeline))
        scores = _scores(figures)
        accuracy = {language: f["accuracy"] for language, f in figures.items() if f["correct"]}
        return {
            "score": float(np.mean(list(scores.values()))) if scores else None,
            "accuracy": accuracy,
            "macro": round(float(np.mean(list(accuracy.values()))), 4) if accuracy else None,
            "confidence": [c for f in figures.values() for c in f["confidence"]],
            "right_queue": [r for f in figures.values() for r in f["right_queue"]],
        }

    def _figures(self, pipeline_of) -> dict[str, dict]:
        """``evaluate_language``'s figures for every dev language, triaged with ``pipeline_of(language)``."""
        from training.multilingual import evaluate_language

        engines: dict[int, object] = {}
        figures = {}
        for language, items in self.sets.items():
            pipeline = pipeline_of(language)
            if id(pipeline) not in engines:  # one engine per model: fold models serve several languages
                engines[id(pipeline)] = self.engine(pipeline)
            engine = engines[id(pipeline)]
            if language in engine.res.languages:
                path = str(self.settings.dev_dir / f"{language}.jsonl")
                results = self.readings.results(engine, path, items, language)
                figures[language] = evaluate_language(engine, items, language, results)
        return figures


def _scores(figures: dict[str, dict]) -> dict[str, float]:
    """Per language, the share of complaints that reached the model and got the right condition."""
    return {language: round(float(np.mean(f["correct"])), 4) for language, f in figures.items() if f["correct"]}


def stage_train(settings: Settings, data: etl.Dataset, run_dir: Path, scorer: PatientScorer | None = None) -> dict:
    started = time.perf_counter()
    lexicon, lexicon_sha = load_english_lexicon(settings.lexicon_dir)
    train_x, train_y = data.train
    scorer = scorer or PatientScorer(settings)
    feedback_rows, feedback_files = feedback_for(settings)
    labelled = [row for row in feedback_rows if row.condition]
    if labelled:
        # Feedback joins the training split only (never the fixed test split), read the way the kiosk reads it.
        engine = scorer.engine(load_model(settings.model_dir).pipeline)
        train_x = list(train_x) + [engine.model_text(row.text, row.language) for row in labelled]
        train_y = list(train_y) + [row.condition for row in labelled]
    examples = patient_examples_for(settings, scorer)
    fitted, chosen, candidates = select(
        train_x,
        train_y,
        scorer,
        lexicon,
        settings.seed,
        settings.cv_folds,
        examples=examples,
        out_of_fold=scorer.out_of_fold,
    )
    run_dir.mkdir(parents=True, exist_ok=True)
    model_sha = registry.save_model(run_dir, fitted.pipeline_)
    out_of_fold = getattr(fitted, "out_of_fold_", None)
    if out_of_fold:
        registry.write_json(run_dir / OUT_OF_FOLD_FILE, {k: v for k, v in out_of_fold.items() if k != "score"})
    training = {
        "chosen": {
            **chosen.params,
            "cv_mean": round(chosen.cv_mean, 4),
            "cv_scores": chosen.cv_scores,
            "dev_accuracy": chosen.dev_accuracy,
        },
        "candidates": [{**asdict(c), "cv_mean": round(c.cv_mean, 4)} for c in candidates],
        "n_training_examples": fitted.n_training_examples_,
        "model_sha256": model_sha,
        "english_lexicon_sha256": lexicon_sha,
        "feedback": {"files": feedback_files, "rows": len(feedback_rows), "training_rows": len(labelled)},
        "patient_examples": patient_examples.summary(examples, language_folds(list(examples)))
        if chosen.params.get("patient_readings")
        else None,
        "seconds": round(time.perf_counter() - started, 2),
    }
    registry.write_json(run_dir / "training.json", training)
    return training


def patient_examples_for(settings: Settings, scorer: PatientScorer) -> PatientExamples:
    """The dev complaints as the kiosk reads them (any model reads the same; the shipped one is at hand)."""
    try:
        engine = scorer.engine(load_model(settings.model_dir).pipeline)
    except ModelError as exc:
        log.warning("train: no shipped model to read the dev sets with (%s); training without them", exc)
        return {}
    return patient_examples.dev_examples(engine, scorer.readings, scorer.sets, settings.dev_dir)


def feedback_for(settings: Settings) -> tuple[list, dict]:
    from training.feedback import load_all

    languages = set(load_languages(settings.resources_dir / "languages.toml").codes)
    return load_all(settings.feedback_dir, specialties_of(settings), languages)


def feedback_specialty_accuracy(engine, rows) -> dict | None:
    """Share of feedback patients the kiosk would have sent to the queue they really needed."""
    if not rows:
        return None
    results = engine.triage_many([(row.text, row.language) for row in rows])
    right = sum(result.specialty == row.specialty for result, row in zip(results, rows, strict=True))
    return {"n": len(rows), "accuracy": round(right / len(rows), 4)}


def _patient_sets(directory: Path) -> dict[str, list[dict]]:
    return {path.stem: evaluate.load_patient_set(path) for path in sorted(directory.glob("*.jsonl"))}


def measure(
    pipeline,
    settings: Settings,
    data: etl.Dataset,
    specialties: SpecialtyMap,
    scorer: PatientScorer | None = None,
    predictions: dict | None = None,
) -> dict:
    """Every figure promotion and the report need, for one model.

    ``predictions``, when given, receives the raw predictions the curves are drawn from ("test":
    Predictions; "dev": pooled (confidence, right queue) arrays), so nothing is predicted twice.
    """
    from training.multilingual import evaluate_sets

    known = {str(c) for c in pipeline.classes_}
    test_pred = evaluate.Predictions.of(pipeline, *data.test)
    result: dict = {"test": evaluate.classification_metrics(test_pred, specialties)}
    if predictions is not None:
        predictions["test"] = test_pred
    for name, directory in (("dev_en", settings.dev_dir), ("holdout_en", settings.holdout_dir)):
        x, y = evaluate.ordinary(evaluate.load_patient_set(directory / "en.jsonl"), known)
        if x:
            result[name] = evaluate.classification_metrics(evaluate.Predictions.of(pipeline, x, y), specialties)
    scorer = scorer or PatientScorer(settings)
    engine = scorer.engine(pipeline)
    languages: dict[str, dict] = {}
    for name, directory in (("dev", settings.dev_dir), ("holdout", settings.holdout_dir)):
        chosen = evaluate_sets(engine, directory, scorer.readings)
        if predictions is not None and name == "dev" and chosen:
            predictions["dev"] = (
                np.array([c for f in chosen.values() for c in f["confidence"]]),
                np.array([c for f in chosen.values() for c in f["right_queue"]], dtype=bool),
            )
        for code, figures in chosen.items():
            entry = {k: v for k, v in figures.items() if k not in ("misses", "confidence", "correct", "right_queue")}
            entry["missed_red_flags"] = [m for m in figures["misses"] if m["kind"] == "missed_red_flag"]
            languages.setdefault(code, {})[name] = entry
        if chosen:
            result[f"{name}_patient_macro"] = round(float(np.mean([f["accuracy"] for f in chosen.values()])), 4)
    result["languages"] = languages
    rows, _ = feedback_for(settings)
    feedback = feedback_specialty_accuracy(engine, rows)
    if feedback:
        result["feedback_specialty"] = feedback
    return result


def stage_evaluate(settings: Settings, data: etl.Dataset, run_dir: Path, scorer: PatientScorer | None = None) -> dict:
    specialties = specialties_of(settings)
    pipeline = joblib.load(run_dir / MODEL_FILE)
    training = json.loads((run_dir / "training.json").read_text(encoding="utf-8"))
    predictions: dict = {}
    metrics = measure(pipeline, settings, data, specialties, scorer or PatientScorer(settings), predictions)

    test_pred = predictions["test"]
    # The curves measure what abstention protects against: a ticket for the wrong queue.
    curves = {"test": evaluate.coverage_curve(test_pred.confidence, test_pred.right_queue(specialties))}
    out_of_fold = _out_of_fold(run_dir)
    if out_of_fold is not None:
        # The model trained on the dev complaints: its own dev figures would flatter it.
        predictions["dev"] = (np.array(out_of_fold["confidence"]), np.array(out_of_fold["right_queue"], dtype=bool))
        metrics["dev_patient_macro_out_of_fold"] = out_of_fold["macro"]
        for code, accuracy in out_of_fold["accuracy"].items():
            metrics["languages"].get(code, {}).get("dev", {})["accuracy_out_of_fold"] = accuracy
    if "dev" in predictions and len(predictions["dev"][1]):
        curves["dev_patient"] = evaluate.coverage_curve(*predictions["dev"])
    # The kiosk meets patient-style text in every language, so its abstention threshold comes from
    # the pooled dev sets run through the engine, never from the test split or the held-out sets.
    threshold = evaluate.choose_threshold(curves.get("dev_patient", curves["test"]), settings.target_precision)
    gate = {
        "metric": "test accuracy",
        "required": settings.accuracy_gate,
        "value": metrics["test"]["accuracy"],
        "passed": metrics["test"]["accuracy"] >= settings.accuracy_gate,
    }
    evaluation = {
        "metrics": metrics,
        "per_class": evaluate.per_class_report(test_pred),
        "confusion": evaluate.confusion(test_pred).tolist(),
        "classes": test_pred.classes,
        "curves": curves,
        "threshold": threshold,
        "gate": gate,
    }
    registry.write_json(run_dir / "evaluation.json", evaluation)
    manifest = {
        "run_id": run_dir.name,
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "model_file": MODEL_FILE,
        "model_sha256": training["model_sha256"],
        "versions": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "joblib": joblib.__version__,
        },
        "data": {
            "source": Path(data.record["source"]).name,
            "sha256": data.record["source_sha256"],
            "counts": data.record["counts"],
            "split": data.record["split"],
        },
        "english_lexicon_sha256": training["english_lexicon_sha256"],
        "feedback": training.get("feedback", {}),
        "hyperparameters": training["chosen"],
        "labels": test_pred.classes,
        "metrics": metrics,
        "threshold": {
            "value": threshold["threshold"],
            "chosen_on": ("dev_patient_out_of_fold" if out_of_fold else "dev_patient")
            if "dev_patient" in curves
            else "test",
            "target_accuracy": threshold["target_accuracy"],
            "target_met": threshold["target_met"],
            "coverage": threshold["coverage"],
            "accuracy": threshold["accuracy"],
        },
        "gate": gate,
    }
    registry.write_json(run_dir / MANIFEST_FILE, manifest)
    log.info(
        "evaluate: test accuracy %.4f (gate %.2f %s), dev patient macro %s, threshold %.2f",
        metrics["test"]["accuracy"],
        settings.accuracy_gate,
        "passed" if gate["passed"] else "FAILED",
        metrics.get("dev_patient_macro", "n/a"),
        threshold["threshold"],
    )
    return evaluation


def _out_of_fold(run_dir: Path) -> dict | None:
    path = run_dir / OUT_OF_FOLD_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def stage_report(settings: Settings, data: etl.Dataset, run_dir: Path, plots: bool = True, plotting=None) -> Path:
    """``plotting``: ``plot_in_background``'s job; the report then uses the figures it drew."""
    from training import report  # matplotlib is imported only when a report is made

    if plotting is not None:
        try:
            list(plotting)
            plots = False
        except Exception:  # e.g. a worker died: draw them here instead
            log.warning("drawing the plots in the background failed; drawing them now", exc_info=True)
            plots = True
    return report.write_report(settings, data, run_dir, plots=plots)


def plot_in_background(data: etl.Dataset, run_dir: Path):
    """Start drawing the run's figures in a worker process (they take ~1.5 s, as long as comparing with the
    shipped model, which this process does meanwhile). Pass the result to ``stage_report``."""
    from joblib import Parallel, delayed

    from training.report import write_plots
    from training.train import N_JOBS

    # The search's worker processes are still warm (joblib reuses them); one of them takes this job.
    return Parallel(n_jobs=N_JOBS, return_as="generator")(
        [delayed(write_plots)(run_dir, list(data.train[1]), list(data.test[1]))]
    )


# Promotion compares the fixed test split and the dev sets (never the held-out sets: they stay unseen).
COMPARED = ("test", "dev_en", "dev_patient_macro", "feedback_specialty")


def _acc(value) -> float:
    return float(value["accuracy"] if isinstance(value, dict) else value)


def promotion_decision(
    settings: Settings, data: etl.Dataset, run_dir: Path, scorer: PatientScorer | None = None
) -> dict:
    """Decide whether this run may replace the shipped model, with the reason in words."""
    manifest = json.loads((run_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    if not manifest["gate"]["passed"]:
        return {
            "promote": False,
            "reason": f"test accuracy {manifest['gate']['value']:.3f} is below the {settings.accuracy_gate:.2f} gate",
        }
    try:
        shipped = load_model(settings.model_dir)
    except ModelError as exc:
        return {"promote": True, "reason": f"no usable shipped model ({exc})"}
    old = measure(shipped.pipeline, settings, data, specialties_of(settings), scorer)
    new = manifest["metrics"]
    worse = [
        f"{name} accuracy {_acc(new[name]):.3f} < shipped {_acc(old[name]):.3f}"
        for name in COMPARED
        if name in old and name in new and _acc(new[name]) < _acc(old[name]) - settings.promotion_tolerance
    ]
    comparison = {
        name: {"new": _acc(new[name]), "shipped": _acc(old[name])}
        for name in (*COMPARED, "holdout_en", "holdout_patient_macro")
        if name in old and name in new
    }
    if worse:
        return {
            "promote": False,
            "reason": "worse than the shipped model " + shipped.run_id + ": " + "; ".join(worse),
            "comparison": comparison,
        }
    same = registry.same_predictions(shipped.pipeline, joblib.load(run_dir / MODEL_FILE), list(data.test[0]))
    return {
        "promote": True,
        "reason": f"passes the gate and is not worse than shipped model {shipped.run_id}",
        "comparison": comparison,
        "same_model": same,  # a re-measurement: promotion keeps the rollback target (registry.promote)
    }


def stage_compare(
    settings: Settings, data: etl.Dataset, run_dir: Path, force: bool = False, scorer: PatientScorer | None = None
) -> dict:
    """Decide on promotion (``promotion_decision``, or staff's ``--force`` for a run that passed the gate) and
    record it in the run."""
    decision = promotion_decision(settings, data, run_dir, scorer)
    if force and not decision["promote"]:
        gate_ok = json.loads((run_dir / MANIFEST_FILE).read_text(encoding="utf-8"))["gate"]["passed"]
        if gate_ok:
            decision = {**decision, "promote": True, "reason": "forced by staff: " + decision["reason"]}
    registry.write_json(run_dir / "promotion.json", decision)
    return decision


def stage_install(settings: Settings, run_dir: Path, decision: dict) -> None:
    """Ship a run ``stage_compare`` promoted; its report and model card must be written (``stage_report``)."""
    registry.promote(run_dir, settings.model_dir, same_model=decision.get("same_model", False))


def stage_promote(
    settings: Settings, data: etl.Dataset, run_dir: Path, force: bool = False, scorer: PatientScorer | None = None
) -> dict:
    """Compare, then (if promoted) renew the report with the decision and ship the run."""
    decision = stage_compare(settings, data, run_dir, force, scorer)
    if decision["promote"]:
        stage_report(settings, data, run_dir, plots=False)
        stage_install(settings, run_dir, decision)
    return decision
