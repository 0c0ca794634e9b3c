"""Durable queue tickets in SQLite.

Numbers are per queue per local day (``D-007``). Each ticket is one transaction in WAL mode with
``synchronous=FULL``: once a number is on screen it survives a power cut or ``kill -9``, and the
``UNIQUE(day, prefix, number)`` constraint makes a duplicate impossible even with two kiosks on
one database file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,              -- local date, YYYY-MM-DD
    prefix TEXT NOT NULL,
    number INTEGER NOT NULL,
    specialty TEXT NOT NULL,
    kind TEXT NOT NULL,             -- specialty, nurse or urgent
    language TEXT,
    red_flag TEXT,
    created_local TEXT NOT NULL,
    kiosk TEXT NOT NULL DEFAULT '',
    UNIQUE (day, prefix, number)
);
"""


@dataclass(frozen=True)
class Ticket:
    code: str  # e.g. "D-007"
    prefix: str
    number: int
    specialty: str
    kind: str
    day: str
    created_local: str


class TicketStore:
    def __init__(self, path: Path, kiosk_name: str = "", clock=datetime.now):
        self.path = Path(path)
        self.kiosk_name = kiosk_name
        self._clock = clock
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(SCHEMA)
        return db

    def issue(
        self, prefix: str, specialty: str, kind: str, language: str | None = None, red_flag: str | None = None
    ) -> Ticket:
        """Allocate the next number for ``prefix`` today and store the ticket, atomically."""
        now = self._clock()
        day = now.date().isoformat()
        created = now.isoformat(timespec="seconds")
        with self._lock:
            for attempt in range(20):
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    row = self._db.execute(
                        "SELECT COALESCE(MAX(number), 0) FROM tickets WHERE day=? AND prefix=?", (day, prefix)
                    ).fetchone()
                    number = int(row[0]) + 1
                    self._db.execute(
                        "INSERT INTO tickets (day, prefix, number, specialty, kind, language, red_flag, created_local,"
                        " kiosk) VALUES (?,?,?,?,?,?,?,?,?)",
                        (day, prefix, number, specialty, kind, language, red_flag, created, self.kiosk_name),
                    )
                    self._db.execute("COMMIT")
                    return Ticket(f"{prefix}-{number:03d}", prefix, number, specialty, kind, day, created)
                except sqlite3.OperationalError:
                    self._rollback()
                    time.sleep(0.05 * (attempt + 1))  # another kiosk holds the write lock
                except sqlite3.IntegrityError:
                    self._rollback()
            raise sqlite3.OperationalError(f"could not allocate a ticket number in {self.path}")

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.OperationalError):  # nothing to roll back
            self._db.execute("ROLLBACK")

    def today(self, day: date | None = None) -> list[Ticket]:
        day_text = (day or self._clock().date()).isoformat()
        rows = self._db.execute(
            "SELECT prefix, number, specialty, kind, day, created_local FROM tickets WHERE day=? ORDER BY id",
            (day_text,),
        ).fetchall()
        return [Ticket(f"{p}-{n:03d}", p, n, s, k, d, c) for p, n, s, k, d, c in rows]

    def close(self) -> None:
        self._db.close()
