"""Experiment tracking in a local MLflow store (no server): every run's parameters, metrics, plots,
model and data hashes; the promoted model is registered with the alias ``live``.

Optional: without MLflow installed the run still works and says tracking was skipped. Staff look at
the history with ``mlflow ui --backend-store-uri sqlite:///artifacts/mlflow.db`` (see README).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

MODEL_NAME = "triage-router"
LIVE_ALIAS = "live"


def preload() -> threading.Thread:
    """Import MLflow in the background while the run trains (its imports take ~2.5 s, mostly idle
    waiting for the training workers otherwise). Failure is silent: ``track`` reports it."""

    def load() -> None:
        os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
        os.environ.setdefault("DO_NOT_TRACK", "true")
        try:
            import mlflow.sklearn
            import mlflow.store.tracking.sqlalchemy_store  # noqa: F401
        except Exception:  # ImportError or a broken install: track() reports it
            pass

    thread = threading.Thread(target=load, name="mlflow-preload", daemon=True)
    thread.start()
    return thread


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


def track(artifacts_root: Path, run_dir: Path, training: dict, manifest: dict, promoted: bool, pipeline) -> str:
    """Log one run; returns a sentence for the console."""
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # offline: never phone home
    os.environ.setdefault("DO_NOT_TRACK", "true")
    try:
        import mlflow
        import mlflow.sklearn
        from mlflow import MlflowClient
    except ImportError:
        return "tracking skipped: MLflow is not installed (pip install mlflow)"
    artifacts_root.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(store_uri(artifacts_root))
    experiment = "triage-router"
    if mlflow.get_experiment_by_name(experiment) is None:
        mlflow.create_experiment(experiment, artifact_location=(artifacts_root / "mlruns").resolve().as_uri())
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=run_dir.name) as active:
        mlflow.log_params({k: str(v) for k, v in training["chosen"].items() if k not in ("cv_scores",)})
        metrics = {k: v for k, v in manifest["metrics"].items() if k != "languages"}
        for code, sets in manifest["metrics"].get("languages", {}).items():
            for name, figures in sets.items():
                metrics[f"{name}_{code}"] = {k: v for k, v in figures.items() if not isinstance(v, list)}
        mlflow.log_metrics(_flat(metrics))
        mlflow.set_tags(
            {
                "data_sha256": manifest["data"]["sha256"],
                "model_sha256": manifest["model_sha256"],
                "lexicon_sha256": manifest["english_lexicon_sha256"],
                "promoted": str(promoted),
                "feedback_files": ",".join(manifest.get("feedback", {}).get("files", {})),
            }
        )
        for path in sorted(run_dir.iterdir()):
            if path.suffix in (".png", ".html", ".json", ".md"):
                mlflow.log_artifact(str(path))
        info = mlflow.sklearn.log_model(
            pipeline,
            name="model",
            registered_model_name=MODEL_NAME,
            serialization_format="pickle",
            # Stated, not inferred: inference loads the model in a subprocess (4 s of a ~20 s run).
            pip_requirements=_requirements(manifest),
        )
        version = getattr(info, "registered_model_version", None)
        if promoted and version is not None:
            MlflowClient().set_registered_model_alias(MODEL_NAME, LIVE_ALIAS, str(version))
        return f"tracked in MLflow run {active.info.run_id}" + (
            f" (model version {version} is live)" if promoted else ""
        )
