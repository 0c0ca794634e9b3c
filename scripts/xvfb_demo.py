"""Use the kiosk as a person would: a real window on a virtual X screen, real clicks and key presses.

    .venv/bin/python scripts/xvfb_demo.py [--screenshot out.png]

Starts Xvfb, starts `python -m kiosk --windowed` on it, then with xdotool taps "Just start typing", types a
complaint on the physical keyboard, taps Continue, answers "None of these" to the danger-sign question, and
checks the queue database for the ticket.
Exits 0 when the ticket was issued. Needs Debian's xvfb and xdotool (scripts/setup.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":97"
WINDOW_TITLE = "ER triage kiosk"
# Centres of controls in the 1280x900 window. Welcome: "Just start typing" (pinned to the bottom,
# whatever the number of languages); Describe: Continue, with the on-screen keyboard raised.
START_TYPING = (640, 799)
CONTINUE = (1068, 444)
NONE_OF_THESE = (1046, 832)  # the danger-sign question (keyboard hidden again)


def xdotool(*args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env={**os.environ, "DISPLAY": DISPLAY}, timeout=20
    ).stdout.strip()


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("Xvfb and xdotool are needed (scripts/setup.sh installs them).", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "queue.sqlite3"
    config = tmp / "kiosk.toml"
    config.write_text(f'database = "{db}"\nevents_database = "{tmp / "events.sqlite3"}"\n', encoding="utf-8")
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": DISPLAY, "KIOSK_CONFIG": str(config)}
    env.pop("QT_QPA_PLATFORM", None)
    kiosk = None
    try:
        time.sleep(0.5)
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output: list[str] = []
        threading.Thread(target=lambda: output.extend(kiosk.stdout), daemon=True).start()
        window = wait_for(lambda: xdotool("search", "--name", WINDOW_TITLE), 60, "the kiosk window").split()[0]
        wait_for(lambda: any("triage engine ready" in line for line in output), 90, "the engine to load")
        time.sleep(0.5)
        xdotool("mousemove", "--window", window, str(START_TYPING[0]), str(START_TYPING[1]), "click", "1")
        time.sleep(1.5)  # the describe screen slides in with the on-screen keyboard
        xdotool("type", "--delay", "30", "it burns when i pee and i go all the time")
        time.sleep(1.0)
        xdotool("mousemove", "--window", window, str(CONTINUE[0]), str(CONTINUE[1]), "click", "1")
        time.sleep(1.5)
        xdotool("mousemove", "--window", window, str(NONE_OF_THESE[0]), str(NONE_OF_THESE[1]), "click", "1")

        def ticket():
            if not db.exists():
                return None
            try:
                return sqlite3.connect(db).execute("SELECT prefix, number, specialty FROM tickets").fetchone()
            except sqlite3.Error:
                return None

        if os.environ.get("XVFB_DEMO_DEBUG"):
            subprocess.run(["import", "-display", DISPLAY, "-window", "root", "/tmp/xvfb_debug.png"], check=False)
        row = wait_for(ticket, 30, "a ticket in the queue database")
        if args.screenshot and shutil.which("import"):  # ImageMagick, optional
            subprocess.run(["import", "-display", DISPLAY, "-window", "root", str(args.screenshot)], check=False)
        print(f"ticket issued through real input events: {row[0]}-{row[1]:03d} ({row[2]})")
        return 0
    finally:
        if kiosk is not None:
            kiosk.terminate()
            try:
                kiosk.wait(timeout=10)
            except subprocess.TimeoutExpired:
                kiosk.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)


if __name__ == "__main__":
    raise SystemExit(main())
