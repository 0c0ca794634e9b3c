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


def promote(run_dir: Path, model_dir: Path) -> None:
    """Make ``run_dir``'s model, manifest and card the shipped model; keep the old one as previous.

    When the shipped model file is byte-identical to the run's (a run that re-measured the same model,
    e.g. after lexicon or evaluation-set changes), only its manifest and card are renewed: the previous
    model stays the rollback target, instead of a copy of the model being shipped.
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
            same = (model_dir / MODEL_FILE).is_file() and sha256_of(model_dir / MODEL_FILE) == sha256_of(
                run_dir / MODEL_FILE
            )
            if same:
                shutil.rmtree(model_dir)
            else:
                if previous.exists():
                    shutil.rmtree(previous)
                model_dir.rename(previous)
        staging.rename(model_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


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
