"""Run directories, promotion to ``resources/model`` and rollback.

The kiosk only ever reads ``resources/model``. Promotion keeps the model it replaces in
``resources/model-previous``; rollback swaps the two, so a rollback can itself be undone.
Both are done with directory renames so the kiosk never sees half a model.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import joblib

from kiosk.datafiles import sha256_of
from kiosk.triage.model import CARD_FILE, MANIFEST_FILE, MODEL_FILE

PREVIOUS_SUFFIX = "-previous"


class RegistryError(Exception):
    """A promotion or rollback cannot be done; the message says why."""


def new_run_id(now: datetime | None = None) -> str:
    """Sortable UTC timestamp, e.g. 20261127-183005-123 (milliseconds keep quick reruns apart)."""
    now = now or datetime.now(UTC)
    return now.strftime("%Y%m%d-%H%M%S-") + f"{now.microsecond // 1000:03d}"


def save_model(run_dir: Path, pipeline: object) -> str:
    """Write the fitted pipeline and return its sha256 (recorded in the manifest)."""
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / MODEL_FILE
    joblib.dump(pipeline, path, compress=3)
    return sha256_of(path)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def previous_dir(model_dir: Path) -> Path:
    return model_dir.with_name(model_dir.name + PREVIOUS_SUFFIX)


def promote(run_dir: Path, model_dir: Path, same_model: bool = False) -> None:
    """Make ``run_dir``'s model, manifest and card the shipped model; keep the old one as previous.

    ``same_model``: the run re-measured the model already shipped (e.g. after lexicon or evaluation-set
    changes; see ``same_predictions``). Then the shipped one is replaced but the previous model stays the
    rollback target, instead of a copy of the current one.
    """
    files = (MODEL_FILE, MANIFEST_FILE, CARD_FILE)
    missing = [name for name in files if not (run_dir / name).is_file()]
    if missing:
        raise RegistryError(f"Run {run_dir.name} cannot be promoted: {', '.join(missing)} missing.")
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".model-", dir=model_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the kiosk may run as another user
    try:
        for name in files:
            shutil.copy2(run_dir / name, staging / name)
        previous = previous_dir(model_dir)
        if model_dir.exists():
            if same_model:
                shutil.rmtree(model_dir)
            else:
                if previous.exists():
                    shutil.rmtree(previous)
                model_dir.rename(previous)
        staging.rename(model_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def same_predictions(shipped, candidate, texts: list[str]) -> bool:
    """Whether two fitted Pipelines are the same model for every practical purpose: same classes and
    vocabularies, same probabilities on ``texts``. (Their files always differ: scikit-learn stores an
    object's memory address in a fitted TfidfVectorizer.)"""
    import numpy as np

    if list(shipped.classes_) != list(candidate.classes_) or _inputs(shipped) != _inputs(candidate):
        return False
    return bool(np.array_equal(shipped.predict_proba(texts), candidate.predict_proba(texts)))


def _inputs(pipeline) -> tuple[list, list]:
    """What a Pipeline reads: its lay-term rows and its feature names."""
    steps = dict(pipeline.steps)
    normalize, tfidf = steps.get("normalize"), steps.get("tfidf")
    rows = [tuple(row) for row in getattr(normalize, "rows", ())]
    return rows, list(tfidf.get_feature_names_out()) if tfidf is not None else []


def rollback(model_dir: Path) -> str:
    """Swap the shipped model with the previous one; returns the run id now shipped."""
    previous = previous_dir(model_dir)
    if not (previous / MANIFEST_FILE).is_file():
        raise RegistryError(f"There is no previous model in {previous} to roll back to.")
    swap = model_dir.with_name(model_dir.name + ".swap")
    if swap.exists():
        shutil.rmtree(swap)
    if model_dir.exists():
        model_dir.rename(swap)
    previous.rename(model_dir)
    if swap.exists():
        swap.rename(previous)
    manifest = json.loads((model_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    return str(manifest.get("run_id", "unknown"))
