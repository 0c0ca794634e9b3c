import json
import math
from pathlib import Path

import pytest

from kiosk.triage.specialties import load_specialties
from training.etl import EtlError, extract, load_processed, run_etl

ROOT = Path(__file__).resolve().parent.parent
LABELS = ["Psoriasis", "Acne", "urinary tract infection"]


@pytest.fixture(scope="module")
def specialties():
    return load_specialties(ROOT / "resources" / "specialties.toml")


def make_csv(path: Path, rows: list[tuple[str, str]], header: str = ",label,text") -> Path:
    lines = [header, *(f'{i},{label},"{text}"' for i, (label, text) in enumerate(rows))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_rows(n: int = 10) -> list[tuple[str, str]]:
    return [(label, f"I have symptom number {i} of {label.lower()} for days") for label in LABELS for i in range(n)]


def test_clean_run_writes_data_split_and_record(tmp_path, specialties):
    rows = [*good_rows(), ("Acne", "I have symptom number 0 of acne for days")]  # a duplicate
    rows.append(("Acne", "  Café   au\u00a0lait spots  "))
    source = make_csv(tmp_path / "raw.csv", rows)
    out = tmp_path / "processed"
    data = run_etl(source, out, specialties, test_size=0.2, seed=1)
    assert data.record["counts"]["dropped_duplicate_texts"] == 1
    assert set(data.frame["label"]) == {"psoriasis", "acne", "uti"}
    assert "Café au lait spots" in set(data.frame["text"])
    assert not set(data.train_ids) & set(data.test_ids)
    assert len(data.test_ids) == math.ceil(0.2 * len(data.frame))
    assert json.loads((out / "etl_record.json").read_text())["source_sha256"]
    again = load_processed(out)
    assert again.test_ids == data.test_ids
    assert again.test == data.test


def test_split_is_stratified_and_deterministic(tmp_path, specialties):
    source = make_csv(tmp_path / "raw.csv", good_rows(20))
    first = run_etl(source, tmp_path / "a", specialties, 0.2, seed=7)
    second = run_etl(source, tmp_path / "b", specialties, 0.2, seed=7)
    assert first.test_ids == second.test_ids
    test_labels = first.test[1]
    assert {label: test_labels.count(label) for label in set(test_labels)} == {"psoriasis": 4, "acne": 4, "uti": 4}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b",label,text\n", "header but no rows"),
        (b",diagnosis,text\n0,Acne,spots\n", "no 'label' column"),
        (b",label,description\n0,Acne,spots\n", "no 'text' column"),
        (",label,text\n0,Acne,caf\u00e9\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_fail_with_one_clear_sentence_and_write_nothing(tmp_path, specialties, content, message):
    source = tmp_path / "raw.csv"
    source.write_bytes(content)
    out = tmp_path / "processed"
    with pytest.raises(EtlError, match=message):
        run_etl(source, out, specialties, 0.2, 1)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".etl-")]


def test_missing_file(tmp_path, specialties):
    with pytest.raises(EtlError, match="does not exist"):
        extract(tmp_path / "nope.csv")


def test_unknown_label_is_named(tmp_path, specialties):
    source = make_csv(tmp_path / "raw.csv", [*good_rows(), ("Gout", "my big toe is swollen and red")])
    with pytest.raises(EtlError, match="labels the specialty map does not know: Gout"):
        run_etl(source, tmp_path / "out", specialties, 0.2, 1)


def test_failed_rerun_keeps_the_previous_good_output(tmp_path, specialties):
    out = tmp_path / "processed"
    run_etl(make_csv(tmp_path / "good.csv", good_rows()), out, specialties, 0.2, 1)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    with pytest.raises(EtlError):
        run_etl(bad, out, specialties, 0.2, 1)
    assert len(load_processed(out).frame) == 30


def test_nulls_are_dropped(tmp_path, specialties):
    source = tmp_path / "raw.csv"
    rows = "\n".join(f'{i},{label},"text {i} {label}"' for i, (label, _) in enumerate(good_rows()))
    source.write_text(",label,text\n" + rows + "\n99,Acne,\n100,,orphan text\n", encoding="utf-8")
    data = run_etl(source, tmp_path / "out", specialties, 0.2, 1)
    assert data.record["counts"]["dropped_null_or_empty"] == 2


def test_the_real_dataset(tmp_path, specialties):
    data = run_etl(ROOT / "data" / "raw" / "Symptom2Disease.csv", tmp_path / "out", specialties, 0.2, 42)
    counts = data.record["counts"]
    assert counts["rows_in"] == 1200
    assert counts["dropped_duplicate_texts"] == 47
    assert len(counts["labels"]) == 24
