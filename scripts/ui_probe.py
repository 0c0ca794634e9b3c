"""Helpers for scripts/benchmark.py that must run in their own process.

ui_probe.py launch     start the kiosk offscreen (as `python -m kiosk` would) and exit on the first
                       painted welcome frame; the caller times the whole process
ui_probe.py patients   100 patients through the real controller: tap Continue → danger-sign question
                       painted, tap "None of these" → ticket painted, RSS growth
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmark import current_rss_mb, pct  # this script's own folder comes first on sys.path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start():
    from kiosk.lean import refuse_training_packages

    refuse_training_packages()  # as `python -m kiosk` does
    from kiosk.app import build_kiosk, prepare_environment

    prepare_environment(offscreen=True)
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import KioskConfig

    app = QGuiApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    kiosk = build_kiosk(KioskConfig(database=tmp / "q.sqlite3", events_database=tmp / "e.sqlite3"))
    return app, kiosk


def patients() -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    app, kiosk = start()
    window = kiosk.window
    window.show()
    controller = kiosk.controller
    complaints = [
        "it burns when i pee and i go all the time",
        "fever cough and my chest feels tight at night",
        "itchy red rash between my toes",
        "tengo fiebre y dolor de cabeza",
        "j'ai mal au ventre et je vomis",
    ]
    latencies = []
    rss = []

    def wait_frame() -> None:
        loop = QEventLoop()
        window.frameSwapped.connect(loop.quit)
        QTimer.singleShot(2000, loop.quit)
        loop.exec()
        window.frameSwapped.disconnect(loop.quit)

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        window.update()
        wait_frame()
        return (time.perf_counter() - started) * 1000

    answers = []
    for patient in range(100):
        controller.startTyping()
        wait_frame()
        controller.setText(complaints[patient % len(complaints)])
        latencies.append(timed(controller.submit))  # triage, then the danger-sign question painted
        if controller.screen == "check":
            answers.append(timed(lambda: controller.answerCheck("")))  # "None of these" → ticket painted
        controller.done()
        wait_frame()
        if patient in (9, 49, 99):
            rss.append(current_rss_mb())

    def summary(values: list[float]) -> dict:
        return {"p50": pct(values, 0.5), "p95": pct(values, 0.95)}

    print(
        json.dumps(
            {
                "tap_to_next_frame_ms": summary(latencies),
                "none_of_these_to_ticket_frame_ms": summary(answers) if answers else None,
                "rss_mb_after_10_50_100_patients": rss,
            }
        )
    )
    app.quit()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit({"patients": patients}[sys.argv[1]]())
