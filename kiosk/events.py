"""One event per patient, for monitoring and drift, written without slowing the patient down.

Privacy first: by default no patient text is stored, only statistics that carry no content
(length, share of words unknown to the model). A hospital may turn text logging on in the config;
the text is then erased after the configured number of days (enforced on every start and write).
Writes go through a background thread into SQLite (WAL, synchronous=NORMAL), so a slow disk never
delays a ticket and a crash loses at most the events still queued in memory.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.triage.result import TriageResult

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time_utc TEXT NOT NULL,
    time_local TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    language TEXT,
    language_chosen INTEGER NOT NULL,
    detected_language TEXT,
    detected_confidence REAL,
    translation_backend TEXT,
    red_flag TEXT,
    disease TEXT,
    top3 TEXT,
    specialty TEXT,
    abstained INTEGER NOT NULL,
    reason TEXT,
    confidence REAL,
    latency_ms REAL,
    model_run_id TEXT,
    text_length INTEGER,
    unknown_share REAL,
    known_words INTEGER,
    ticket TEXT,
    patient_text TEXT,
    text_expires_utc TEXT
);
CREATE INDEX IF NOT EXISTS events_time ON events(time_utc);
"""
_STOP = object()


class EventLog:
    def __init__(self, path: Path, kiosk_name: str, keep_text: bool = False, retention_days: int = 7, clock=None):
        self.path = Path(path)
        self.kiosk_name = kiosk_name
        self.keep_text = keep_text
        self.retention = timedelta(days=retention_days)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(SCHEMA)
        self.purge_expired_text()
        self._queue: queue.Queue = queue.Queue()
        self._worker = threading.Thread(target=self._run, name="event-log", daemon=True)
        self._worker.start()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def record(self, result: TriageResult, ticket: str | None, chosen: bool, text: str) -> None:
        """Queue one patient's event; returns at once."""
        now = self._clock()
        row = {
            "time_utc": now.isoformat(timespec="seconds"),
            "time_local": now.astimezone().isoformat(timespec="seconds"),
            "kiosk": self.kiosk_name,
            "language": result.language,
            "language_chosen": int(chosen),
            "detected_language": result.detected_language,
            "detected_confidence": result.detected_confidence,
            "translation_backend": result.translation_backend,
            "red_flag": result.red_flag,
            "disease": result.disease,
            "top3": json.dumps([[c.disease, c.probability] for c in result.top3]),
            "specialty": result.specialty,
            "abstained": int(result.abstained),
            "reason": result.reason,
            "confidence": result.confidence,
            "latency_ms": result.elapsed_ms,
            "model_run_id": result.model_run_id,
            "text_length": len(text),
            "unknown_share": result.unknown_share,
            "known_words": result.known_words,
            "ticket": ticket,
            "patient_text": text if self.keep_text else None,
            "text_expires_utc": (now + self.retention).isoformat(timespec="seconds") if self.keep_text else None,
        }
        self._queue.put(row)

    def _run(self) -> None:
        db = self._connect()
        while True:
            row = self._queue.get()
            if row is _STOP:
                self._queue.task_done()
                break
            try:
                columns = ", ".join(row)
                db.execute(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
                db.commit()
            except sqlite3.Error:
                log.exception("could not write a monitoring event (the patient was not affected)")
            finally:
                self._queue.task_done()
        db.close()

    def purge_expired_text(self) -> int:
        """Erase stored patient text past its retention date; returns how many were erased."""
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE events SET patient_text = NULL WHERE patient_text IS NOT NULL AND text_expires_utc < ?",
                (self._clock().isoformat(timespec="seconds"),),
            )
            return cursor.rowcount

    def flush(self) -> None:
        self._queue.join()

    def close(self) -> None:
        self._queue.put(_STOP)
        self._worker.join(timeout=5)
