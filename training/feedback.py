"""Staff feedback: where patients really went, imported from CSV and kept apart from the dataset.

A feedback CSV has a header and one row per patient, UTF-8:
    text,language,specialty,condition,date
``text`` is required; ``specialty`` (queue id) and/or ``condition`` (model label) say where the
patient really belonged; ``language`` and ``date`` are optional. Rows with a condition become
training examples; every row is used to measure specialty accuracy. Imported files are stored as
``data/feedback/feedback-<sha256 prefix>.csv``, so each retraining records exactly which feedback
it used, and importing the same file twice changes nothing.

Feedback holds patient text: collect it only with the patient's consent and the hospital's
approval, and keep it on the staff PC.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from kiosk.triage.specialties import SpecialtyMap

FIELDS = ("text", "language", "specialty", "condition", "date")


class FeedbackError(Exception):
    """The feedback file cannot be imported; the message names the file and row."""


@dataclass(frozen=True)
class FeedbackRow:
    text: str
    language: str | None
    specialty: str
    condition: str | None


def parse(source: Path, specialties: SpecialtyMap, languages: set[str]) -> list[FeedbackRow]:
    try:
        content = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FeedbackError(f"The feedback file {source} does not exist.") from None
    except UnicodeDecodeError:
        raise FeedbackError(f"The feedback file {source} is not UTF-8 text; save it as CSV UTF-8.") from None
    reader = csv.DictReader(io.StringIO(content))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise FeedbackError(f"The feedback file {source} needs a header with a 'text' column.")
    if not {"specialty", "condition"} & set(reader.fieldnames):
        raise FeedbackError(f"The feedback file {source} needs a 'specialty' or 'condition' column.")
    rows = []
    for number, raw in enumerate(reader, start=2):
        text = (raw.get("text") or "").strip()
        if not text:
            continue
        condition = (raw.get("condition") or "").strip() or None
        if condition is not None:
            condition = specialties.canonical_label(condition)
            if condition is None:
                raise FeedbackError(
                    f"{source}, row {number}: condition {raw['condition']!r} is not in the specialty map."
                )
        specialty = (raw.get("specialty") or "").strip() or (
            specialties.conditions[condition].specialty if condition else ""
        )
        if specialty not in specialties.specialties:
            raise FeedbackError(
                f"{source}, row {number}: specialty {specialty or '(empty)'!r} is not a queue id "
                f"({', '.join(specialties.specialties)})."
            )
        language = (raw.get("language") or "").strip() or None
        if language is not None and language not in languages:
            raise FeedbackError(f"{source}, row {number}: language {language!r} is not offered.")
        rows.append(FeedbackRow(text, language, specialty, condition))
    if not rows:
        raise FeedbackError(f"The feedback file {source} has no rows with text.")
    return rows


def import_file(source: Path, feedback_dir: Path, specialties: SpecialtyMap, languages: set[str]) -> tuple[Path, int]:
    rows = parse(source, specialties, languages)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS[:4])
    for row in rows:
        writer.writerow([row.text, row.language or "", row.specialty, row.condition or ""])
    data = buffer.getvalue().encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    feedback_dir.mkdir(parents=True, exist_ok=True)
    target = feedback_dir / f"feedback-{digest[:16]}.csv"
    if not target.exists():
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return target, len(rows)


def load_all(feedback_dir: Path, specialties: SpecialtyMap, languages: set[str]) -> tuple[list[FeedbackRow], dict]:
    """Every imported feedback row, and {file name: sha256} for the manifest."""
    rows: list[FeedbackRow] = []
    files: dict[str, str] = {}
    for path in sorted(feedback_dir.glob("feedback-*.csv")) if feedback_dir.is_dir() else []:
        rows += parse(path, specialties, languages)
        files[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return rows, files
