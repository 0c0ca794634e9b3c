"""Event log (privacy, retention, never blocking) and drift detection on synthetic logs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import numpy as np

from kiosk.events import EventLog
from kiosk.triage.result import Candidate, TriageResult
from training import monitor

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
LABELS = ["uti", "gerd", "migraine", "acne"]
PRIOR = {label: 0.25 for label in LABELS}


def result(language="en", disease="uti", abstained=False, unknown=0.1) -> TriageResult:
    backend = "none" if language == "en" else "lexicon"
    return TriageResult(
        specialty="uro",
        specialty_name="Urinary",
        ticket_prefix="U",
        language=language,
        detected_language=language,
        detected_confidence=0.9,
        english_text="x",
        translation_backend=backend,
        disease=None if abstained else disease,
        disease_name=disease,
        top3=[Candidate(disease, disease, 0.8)],
        confidence=0.8,
        abstained=abstained,
        reason="low_confidence" if abstained else None,
        known_words=3,
        unknown_share=unknown,
        elapsed_ms=5.0,
        model_run_id="run-1",
    )


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def test_no_patient_text_is_stored_by_default(tmp_path):
    log = EventLog(tmp_path / "e.db", "k1")
    log.record(result(), "U-001", True, "my secret complaint")
    log.flush()
    row = (
        sqlite3.connect(tmp_path / "e.db")
        .execute("SELECT patient_text, text_length, disease, ticket FROM events")
        .fetchone()
    )
    assert row == (None, len("my secret complaint"), "uti", "U-001")
    assert b"secret" not in (tmp_path / "e.db").read_bytes()
    log.close()


def test_text_kept_when_enabled_is_erased_after_retention(tmp_path):
    clock = Clock(NOW)
    log = EventLog(tmp_path / "e.db", "k1", keep_text=True, retention_days=7, clock=clock)
    log.record(result(), "U-001", True, "burning pee")
    log.flush()
    assert sqlite3.connect(tmp_path / "e.db").execute("SELECT patient_text FROM events").fetchone() == ("burning pee",)
    clock.now = NOW + timedelta(days=8)
    assert log.purge_expired_text() == 1
    assert sqlite3.connect(tmp_path / "e.db").execute("SELECT patient_text FROM events").fetchone() == (None,)
    log.close()


def synthetic_log(path, shifted: bool, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    clock = Clock(NOW - timedelta(days=14))
    log = EventLog(path, "k1", clock=clock)
    for day in range(14):
        recent = day >= 7
        for _ in range(40):
            clock.now = NOW - timedelta(days=14 - day, hours=float(rng.uniform(0, 20)))
            if shifted and recent and rng.random() < 0.5:
                log.record(result("vi", "uti", abstained=rng.random() < 0.6, unknown=0.6), None, True, "")
            else:
                lang = "en" if rng.random() < 0.8 else "es"
                log.record(result(lang, str(rng.choice(LABELS))), None, True, "")
    log.flush()
    log.close()


def test_drift_is_detected_on_a_shifted_log(tmp_path):
    synthetic_log(tmp_path / "e.db", shifted=True)
    events = monitor.read_events([tmp_path / "e.db"])
    alerts, figures = monitor.drift_alerts(events, PRIOR, 7, NOW, {"vi": "Vietnamese"})
    text = " ".join(a.message for a in alerts)
    assert "language mix changed" in text and "Vietnamese" in text
    assert "consider adding a Vietnamese translation pack" in text
    assert figures["psi_language_vs_previous"] >= monitor.PSI_ACT
    report = monitor.write_report(events, PRIOR, tmp_path / "report", 7, NOW, {"vi": "Vietnamese"})
    assert "Vietnamese" in report.read_text() and (tmp_path / "report" / "mix.png").exists()


def test_no_alert_on_an_unshifted_log(tmp_path):
    synthetic_log(tmp_path / "e.db", shifted=False)
    alerts, _ = monitor.drift_alerts(monitor.read_events([tmp_path / "e.db"]), PRIOR, 7, NOW)
    assert alerts == []


def test_danger_signs_the_text_screen_missed_are_reported(tmp_path):
    from dataclasses import replace

    clock = Clock(NOW - timedelta(days=1))
    log = EventLog(tmp_path / "e.db", "k1", clock=clock)
    for _ in range(3):
        log.record(result("es"), "U-001", True, "")
    missed = replace(result("es"), red_flag="heart_attack", disease=None, reason="patient_answer", specialty="urgent")
    log.record(missed, "X-001", True, "")
    log.flush()
    log.close()
    alerts, figures = monitor.drift_alerts(monitor.read_events([tmp_path / "e.db"]), PRIOR, 7, NOW, {"es": "Spanish"})
    assert figures["danger_signs_named_at_check"] == 1
    assert any("1 patient(s) named a danger sign" in a.message and "Spanish 1" in a.message for a in alerts)


def test_several_kiosks_merge(tmp_path):
    synthetic_log(tmp_path / "a.db", shifted=False, seed=1)
    synthetic_log(tmp_path / "b.db", shifted=False, seed=2)
    assert len(monitor.read_events([tmp_path / "a.db", tmp_path / "b.db"])) == 2 * 14 * 40


def test_training_run_still_works_without_mlflow(tmp_path, monkeypatch):
    import sys

    from training.tracking import track

    monkeypatch.setitem(sys.modules, "mlflow", None)  # as if MLflow were not installed
    message = track(tmp_path, tmp_path, {"chosen": {}}, {"metrics": {}}, True, None)
    assert message.startswith("tracking skipped")
    assert not (tmp_path / "mlflow.db").exists()
