"""Fixed choices of a training run, in one place so reports can quote them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    raw_csv: Path = ROOT / "data" / "raw" / "Symptom2Disease.csv"
    processed_dir: Path = ROOT / "data" / "processed"
    dev_dir: Path = ROOT / "data" / "dev"
    holdout_dir: Path = ROOT / "data" / "holdout"
    validation_dir: Path = ROOT / "data" / "validation"
    feedback_dir: Path = ROOT / "data" / "feedback"
    artifacts_dir: Path = ROOT / "artifacts" / "runs"
    resources_dir: Path = ROOT / "resources"
    seed: int = 42
    test_size: float = 0.2
    cv_folds: int = 5
    # The seed hypothesis: a model below this accuracy on the held-out split is never shipped.
    accuracy_gate: float = 0.85
    # The abstention threshold is the lowest confidence at which the dev-set tickets that are given go to
    # the right queue at least this often (a wrong queue is the harm abstention prevents).
    target_precision: float = 0.95
    # Promotion tolerance: a new model may not be worse than the shipped one by more than this.
    promotion_tolerance: float = 0.005
    languages: tuple[str, ...] = field(default=())

    @property
    def urgency_dir(self) -> Path:
        return self.resources_dir / "urgency"

    @property
    def wording_dir(self) -> Path:
        return self.resources_dir / "wording"

    @property
    def model_dir(self) -> Path:
        return self.resources_dir / "model"

    @property
    def specialties_file(self) -> Path:
        return self.resources_dir / "specialties.toml"

    @property
    def lexicon_dir(self) -> Path:
        return self.resources_dir / "lexicon"
