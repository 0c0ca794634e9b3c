"""Loading the shipped model, but only after its manifest vouches for it.

A pickled scikit-learn model is code: a tampered file could do anything, and one built by another
scikit-learn version can silently predict differently. So the file's sha256 must match the
manifest and the scikit-learn minor version must be the one it was trained with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.datafiles import sha256_of
from kiosk.errors import ModelError

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
CARD_FILE = "MODEL_CARD.md"


@dataclass(frozen=True)
class LoadedModel:
    pipeline: Any
    manifest: dict

    @property
    def run_id(self) -> str:
        return self.manifest.get("run_id", "unknown")

    @property
    def threshold(self) -> float:
        return float(self.manifest.get("threshold", {}).get("value", 0.0))

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.pipeline.classes_]


def _minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def read_manifest(directory: Path) -> dict:
    path = directory / MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"The model manifest {path} is missing; reinstall the model or run `python -m training`."
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ModelError(f"The model manifest {path} is damaged (not valid JSON); restore it or roll back.") from None
    if not isinstance(manifest, dict) or "model_sha256" not in manifest:
        raise ModelError(f"The model manifest {path} does not record the model's checksum; it cannot be trusted.")
    return manifest


def verify(directory: Path) -> dict:
    """Check the model file against its manifest without unpickling it. Returns the manifest."""
    manifest = read_manifest(directory)
    model_path = directory / manifest.get("model_file", MODEL_FILE)
    if not model_path.is_file():
        raise ModelError(
            f"The model file {model_path} is missing; reinstall the model or run `python -m training rollback`."
        )
    if sha256_of(model_path) != manifest["model_sha256"]:
        raise ModelError(
            f"The model file {model_path} does not match its manifest (checksum differs): it was changed or damaged. "
            "Restore it or run `python -m training rollback`."
        )
    import sklearn

    trained_with = str(manifest.get("versions", {}).get("scikit-learn", ""))
    if _minor(trained_with) != _minor(sklearn.__version__):
        raise ModelError(
            f"The model in {directory} was built with scikit-learn {trained_with or 'unknown'} but this kiosk has "
            f"{sklearn.__version__}; retrain it with `python -m training` on this version."
        )
    return manifest


def load_model(directory: Path) -> LoadedModel:
    manifest = verify(directory)
    import joblib

    try:
        pipeline = joblib.load(directory / manifest.get("model_file", MODEL_FILE))
    except Exception as exc:  # unpickling can fail in many ways; all mean the same to staff
        raise ModelError(
            f"The model file in {directory} cannot be loaded ({type(exc).__name__}); retrain or roll back."
        ) from exc
    if not hasattr(pipeline, "predict_proba") or not hasattr(pipeline, "classes_"):
        raise ModelError(f"The model file in {directory} is not a trained classifier; retrain or roll back.")
    return LoadedModel(pipeline, manifest)
