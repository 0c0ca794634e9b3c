"""Experiment tracking in a local MLflow store (no server): every run's parameters, metrics, plots,
model and data hashes; the promoted model is registered with the alias ``live``.

Optional: without MLflow installed the run still works and says tracking was skipped. Staff look at
the history with ``mlflow ui --backend-store-uri sqlite:///artifacts/mlflow.db`` (see README).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

MODEL_NAME = "triage-router"
LIVE_ALIAS = "live"

log = logging.getLogger(__name__)
# What the tracking child imports while it waits for the run (unpickling the model needs the scikit-learn parts).
_CHILD_IMPORTS = (
    "joblib",
    "mlflow.sklearn",
    "mlflow.store.tracking.sqlalchemy_store",
    "sklearn.feature_extraction.text",
    "sklearn.naive_bayes",
    "sklearn.pipeline",
    "kiosk.triage.features",
)


def _offline_environment() -> None:
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # offline: never phone home
    os.environ.setdefault("DO_NOT_TRACK", "true")


class Tracker:
    """Tracking in a child process that imports MLflow while the run evaluates, reports and promotes.

    MLflow, its database layer and scikit-learn take ~4 s to import. Imported in a thread they competed
    with the training search for the interpreter. Started after the search, the child uses the core the
    single-threaded later stages leave idle: it logs the evaluated run (``begin``) while the report and
    promotion are made, so the run only waits for the promotion's part (``finish``). The child blocks
    the network before importing anything (``kiosk.offline``).
    """

    def __init__(self, artifacts_root: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "training.tracking", str(artifacts_root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,  # this checkout's packages, whatever the caller's cwd
        )

    def _send(self, message: dict) -> None:
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except OSError:  # the child is gone; finish() reports it
            pass

    def begin(self, run_dir: Path) -> None:
        """The run is evaluated (model, training record, manifest written): log it in the background."""
        self._send({"run_dir": str(run_dir.resolve())})

    def finish(self, promoted: bool, timeout: float = 300) -> str:
        """Add the report and promotion, wait for the child; returns its sentence for the console."""
        self._send({"promoted": promoted})
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return f"tracking did not finish within {timeout:.0f} s; the run itself is complete"
        lines = out.strip().splitlines()
        if self.process.returncode != 0 or not lines:
            return f"tracking failed (exit code {self.process.returncode}); the run itself is complete"
        return lines[-1]

    def cancel(self) -> None:
        """The run stopped early: end the child; a run it had begun is closed as failed."""
        if self.process.poll() is None:
            try:
                self.process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def prepare_child() -> None:
    """Block the network, then import what logging a run needs, including what unpickling the model
    imports (scikit-learn: ~1.5 s). An import failure is left for ``RunLog`` to put in words."""
    from kiosk.offline import block_network

    block_network()
    _offline_environment()
    for module in _CHILD_IMPORTS:
        with contextlib.suppress(Exception):  # e.g. MLflow not installed: RunLog says so in words
            importlib.import_module(module)


def _serve(artifacts_root: Path) -> int:
    """The child: log the run named on stdin in the two steps ``Tracker`` sends (nothing on an early EOF)."""
    prepare_child()
    first = sys.stdin.readline()
    if not first.strip():
        return 0
    run = RunLog(artifacts_root)
    run.begin(Path(json.loads(first)["run_dir"]))
    second = sys.stdin.readline()
    if not second.strip():
        run.abandon()
        return 0
    print(run.finish(bool(json.loads(second)["promoted"])), flush=True)
    return 0


def track(artifacts_root: Path, run_dir: Path, training: dict, manifest: dict, promoted: bool, pipeline) -> str:
    """Log one run from its records; returns a sentence for the console."""
    run = RunLog(artifacts_root)
    run.begin(run_dir, (training, manifest, pipeline))
    return run.finish(promoted)


class RunLog:
    """One run in the MLflow store, logged in two steps. Tracking is a convenience: a missing MLflow or a
    broken store must not fail a good run, so every problem becomes the sentence ``finish`` returns."""

    def __init__(self, artifacts_root: Path):
        self.artifacts_root = artifacts_root
        self.run_dir: Path | None = None
        self.active = None
        self.version = None
        self.problem: str | None = None

    def begin(self, run_dir: Path, records: tuple[dict, dict, object] | None = None) -> None:
        """Parameters, hashes, the model (a new registered version) and the metrics. ``records``:
        (training record, manifest, fitted pipeline), read from ``run_dir`` when not given."""
        self.run_dir = run_dir
        _offline_environment()
        try:
            import mlflow
            import mlflow.sklearn
        except ImportError:
            self.problem = "tracking skipped: MLflow is not installed (pip install mlflow)"
            return
        try:
            training, manifest, pipeline = records or _read_run(run_dir)
            self.artifacts_root.mkdir(parents=True, exist_ok=True)
            mlflow.set_tracking_uri(store_uri(self.artifacts_root))
            experiment = "triage-router"
            if mlflow.get_experiment_by_name(experiment) is None:
                location = (self.artifacts_root / "mlruns").resolve().as_uri()
                mlflow.create_experiment(experiment, artifact_location=location)
            mlflow.set_experiment(experiment)
            self.active = mlflow.start_run(run_name=run_dir.name)
            mlflow.log_params({k: str(v) for k, v in training["chosen"].items() if k not in ("cv_scores",)})
            mlflow.set_tags(
                {
                    "data_sha256": manifest["data"]["sha256"],
                    "model_sha256": manifest["model_sha256"],
                    "lexicon_sha256": manifest["english_lexicon_sha256"],
                    "feedback_files": ",".join(manifest.get("feedback", {}).get("files", {})),
                }
            )
            info = mlflow.sklearn.log_model(
                pipeline,
                name="model",
                registered_model_name=MODEL_NAME,
                serialization_format="pickle",
                # Stated, not inferred: inference loads the model in a subprocess (4 s of a ~20 s run).
                pip_requirements=_requirements(manifest),
            )
            self.version = getattr(info, "registered_model_version", None)
            # Metrics after the model: logged before it, MLflow 3 re-reads every metric's history to link
            # it to the model (162 queries, ~0.4 s); the run carries them either way.
            mlflow.log_metrics(_flat(_metrics(manifest)))
        except Exception as exc:
            self._failed(exc)

    def finish(self, promoted: bool) -> str:
        """The promotion's outcome, the run's files (report, plots, records) and, if promoted, the alias."""
        if self.problem is None and self.active is not None:
            try:
                import mlflow
                from mlflow import MlflowClient

                mlflow.set_tag("promoted", str(promoted))
                for path in sorted(self.run_dir.iterdir()):
                    if path.suffix in (".png", ".html", ".json", ".md"):
                        mlflow.log_artifact(str(path))
                if promoted and self.version is not None:
                    MlflowClient().set_registered_model_alias(MODEL_NAME, LIVE_ALIAS, str(self.version))
                mlflow.end_run()
            except Exception as exc:
                self._failed(exc)
        if self.problem is not None:
            return self.problem
        return f"tracked in MLflow run {self.active.info.run_id}" + (
            f" (model version {self.version} is live)" if promoted else ""
        )

    def abandon(self) -> None:
        """The run stopped before promotion: close its MLflow run as failed."""
        if self.active is not None and self.problem is None:
            import mlflow

            mlflow.end_run(status="FAILED")

    def _failed(self, exc: Exception) -> None:
        log.exception("tracking failed")
        self.problem = f"tracking failed ({type(exc).__name__}: {exc}); the run itself is complete"
        if self.active is not None:
            import mlflow

            try:
                mlflow.end_run(status="FAILED")
            except Exception:
                log.exception("closing the failed MLflow run failed too")


def _read_run(run_dir: Path) -> tuple[dict, dict, object]:
    import joblib

    from kiosk.triage.model import MANIFEST_FILE, MODEL_FILE

    training = json.loads((run_dir / "training.json").read_text(encoding="utf-8"))
    manifest = json.loads((run_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    return training, manifest, joblib.load(run_dir / MODEL_FILE)


def _metrics(manifest: dict) -> dict:
    """The manifest's metrics with each language's figures under ``<set>_<language>`` (no lists)."""
    metrics = {k: v for k, v in manifest["metrics"].items() if k != "languages"}
    for code, sets in manifest["metrics"].get("languages", {}).items():
        for name, figures in sets.items():
            metrics[f"{name}_{code}"] = {k: v for k, v in figures.items() if not isinstance(v, list)}
    return metrics


def store_uri(artifacts_root: Path) -> str:
    return f"sqlite:///{(artifacts_root / 'mlflow.db').resolve()}"


def _flat(metrics: dict, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[name] = float(value)
    return out


def _requirements(manifest: dict) -> list[str]:
    """What the pickled Pipeline needs, at the versions it was trained with (the kiosk package itself,
    for its lay-term step, comes with the kiosk)."""
    versions = manifest.get("versions", {})
    return [f"{name}=={versions[name]}" for name in ("scikit-learn", "numpy", "joblib") if name in versions] + ["scipy"]


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    sys.exit(_serve(Path(sys.argv[1])))
