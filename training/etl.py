"""Extract → transform → load of the Symptom2Disease CSV into a clean table and a fixed split.

Every failure is one sentence naming the file and the problem; nothing is written unless the
whole ETL succeeded, so a bad file can never leave half a dataset behind.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from kiosk.datafiles import sha256_of as sha256_file
from kiosk.triage.specialties import SpecialtyMap

log = logging.getLogger(__name__)
REQUIRED_COLUMNS = ("label", "text")


class EtlError(Exception):
    """The input cannot be turned into a dataset; the message says why in one sentence."""


@dataclass(frozen=True)
class Dataset:
    frame: pd.DataFrame  # columns: id, label, text
    train_ids: list[int]
    test_ids: list[int]
    record: dict

    def part(self, ids: list[int]) -> tuple[list[str], list[str]]:
        rows = self.frame.set_index("id").loc[ids]
        return rows["text"].tolist(), rows["label"].tolist()

    @property
    def train(self) -> tuple[list[str], list[str]]:
        return self.part(self.train_ids)

    @property
    def test(self) -> tuple[list[str], list[str]]:
        return self.part(self.test_ids)


def extract(path: Path) -> pd.DataFrame:
    """Read the raw CSV, refusing anything that is not a usable Symptom2Disease-style table."""
    if not path.exists():
        raise EtlError(f"The data file {path} does not exist.")
    if not path.is_file() or not os.access(path, os.R_OK):
        raise EtlError(f"The data file {path} cannot be read.")
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EtlError(f"The data file {path} is not UTF-8 text (bad byte at position {exc.start}).") from None
    if not raw.strip():
        raise EtlError(f"The data file {path} is empty.")
    try:
        frame = pd.read_csv(path, encoding="utf-8", dtype=str, keep_default_na=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise EtlError(f"The data file {path} is not a readable CSV table ({str(exc).strip()}).") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise EtlError(f"The data file {path} has no {' or '.join(repr(c) for c in missing)} column.")
    if frame.empty:
        raise EtlError(f"The data file {path} has a header but no rows.")
    nulls = int(frame[list(REQUIRED_COLUMNS)].isna().any(axis=1).sum())
    duplicates = int(frame["text"].dropna().duplicated().sum())
    log.info("extract: %d rows, %d with a missing label or text, %d duplicate texts", len(frame), nulls, duplicates)
    log.info("extract: label distribution %s", frame["label"].value_counts().to_dict())
    return frame[list(REQUIRED_COLUMNS)]


def _clean_text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).split())


def transform(frame: pd.DataFrame, specialties: SpecialtyMap, source: Path) -> tuple[pd.DataFrame, dict]:
    """Normalise text, canonicalise labels, drop empties and duplicate texts."""
    counts = {"rows_in": len(frame)}
    frame = frame.dropna(subset=list(REQUIRED_COLUMNS)).copy()
    frame["text"] = frame["text"].map(_clean_text)
    frame = frame[frame["text"] != ""]
    counts["dropped_null_or_empty"] = counts["rows_in"] - len(frame)

    unknown = sorted({raw for raw in frame["label"].unique() if specialties.canonical_label(raw) is None})
    if unknown:
        raise EtlError(
            f"The data file {source} has labels the specialty map does not know: {', '.join(unknown)}; "
            "add them to resources/specialties.toml (as a condition or an alias) or fix the data."
        )
    frame["label"] = frame["label"].map(specialties.canonical_label)

    key = frame["text"].str.casefold()
    before = len(frame)
    frame = frame[~key.duplicated(keep="first")]
    counts["dropped_duplicate_texts"] = before - len(frame)
    frame = frame.reset_index(drop=True)
    frame.insert(0, "id", range(len(frame)))
    counts["rows_out"] = len(frame)
    counts["labels"] = frame["label"].value_counts().sort_index().to_dict()
    too_small = [label for label, n in counts["labels"].items() if n < 5]
    if too_small:
        raise EtlError(f"The data file {source} has fewer than 5 usable rows for {', '.join(too_small)}; cannot split.")
    return frame[["id", "label", "text"]], counts


def split(frame: pd.DataFrame, test_size: float, seed: int) -> tuple[list[int], list[int]]:
    train, test = train_test_split(
        frame["id"].tolist(), test_size=test_size, random_state=seed, stratify=frame["label"].tolist()
    )
    return sorted(train), sorted(test)


def run_etl(source: Path, out_dir: Path, specialties: SpecialtyMap, test_size: float, seed: int) -> Dataset:
    """Full ETL; writes ``clean.csv``, ``split.json`` and ``etl_record.json`` atomically into ``out_dir``."""
    started = time.perf_counter()
    frame = extract(source)
    extracted = time.perf_counter()
    clean, counts = transform(frame, specialties, source)
    train_ids, test_ids = split(clean, test_size, seed)
    transformed = time.perf_counter()
    record = {
        "source": str(source),
        "source_sha256": sha256_file(source),
        "counts": counts,
        "split": {"seed": seed, "test_size": test_size, "train": len(train_ids), "test": len(test_ids)},
        "timings_s": {"extract": round(extracted - started, 4), "transform": round(transformed - extracted, 4)},
    }
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".etl-", dir=out_dir.parent))
    staging.chmod(0o755)
    try:
        clean.to_csv(staging / "clean.csv", index=False, encoding="utf-8")
        (staging / "split.json").write_text(json.dumps({"train": train_ids, "test": test_ids}), encoding="utf-8")
        record["timings_s"]["load"] = round(time.perf_counter() - transformed, 4)
        (staging / "etl_record.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("load: %d clean rows → %s (train %d, test %d)", len(clean), out_dir, len(train_ids), len(test_ids))
    return Dataset(clean, train_ids, test_ids, record)


def load_processed(out_dir: Path) -> Dataset:
    """Read a previous ETL's output so evaluation uses exactly the same split."""
    try:
        frame = pd.read_csv(out_dir / "clean.csv", encoding="utf-8", dtype={"id": int, "label": str, "text": str})
        ids = json.loads((out_dir / "split.json").read_text(encoding="utf-8"))
        record = json.loads((out_dir / "etl_record.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EtlError(f"No processed data in {out_dir}; run `python -m training etl` first.") from None
    return Dataset(frame, ids["train"], ids["test"], record)
