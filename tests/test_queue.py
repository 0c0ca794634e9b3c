import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.queue import TicketStore

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_numbers_are_per_queue_and_roll_over_at_midnight(tmp_path):
    clock = Clock(datetime(2026, 11, 27, 23, 58))
    store = TicketStore(tmp_path / "q.db", clock=clock)
    assert store.issue("D", "derm", "specialty").code == "D-001"
    assert store.issue("D", "derm", "specialty").code == "D-002"
    assert store.issue("G", "gastro", "specialty").code == "G-001"
    clock.now += timedelta(minutes=3)  # 00:01 next day
    assert store.issue("D", "derm", "specialty").code == "D-001"
    assert [t.code for t in store.today()] == ["D-001"]


def test_numbers_survive_restart(tmp_path):
    store = TicketStore(tmp_path / "q.db")
    store.issue("X", "urgent", "urgent", red_flag="stroke")
    store.close()
    again = TicketStore(tmp_path / "q.db")
    assert again.issue("X", "urgent", "urgent").code == "X-002"


def test_kill_9_loses_no_ticket_and_duplicates_none(tmp_path):
    """A child issues tickets and is killed with SIGKILL mid-stream; every number it printed is stored."""
    db = tmp_path / "q.db"
    script = textwrap.dedent(f"""
        import sys
        from kiosk.queue import TicketStore
        store = TicketStore({str(db)!r})
        while True:
            print(store.issue("D", "derm", "specialty").code, flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    printed = [child.stdout.readline().strip() for _ in range(40)]
    child.kill()
    child.wait()
    stored = [t.code for t in TicketStore(db).today()]
    assert set(printed) <= set(stored)
    assert len(stored) == len(set(stored))
    after = TicketStore(db).issue("D", "derm", "specialty").code
    assert after not in stored
    assert int(after.split("-")[1]) == len(stored) + 1
