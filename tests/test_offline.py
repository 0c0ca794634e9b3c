"""The no-network switch (``kiosk.offline``) and the processes that rely on it, proved in fresh processes
(the suite's own guard is installed around every test, so it cannot prove anything in this one)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ATTEMPTS = textwrap.dedent(
    """
    import socket
    from kiosk.offline import NetworkBlocked
    refused = 0
    for attempt in (
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9)),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect(("::1", 9)),
        lambda: socket.getaddrinfo("localhost", 443),  # /etc/hosts: no packet leaves even unguarded
    ):
        try:
            attempt()
        except NetworkBlocked:
            refused += 1
        except OSError:
            pass  # the real network stack answered: the guard was not there
    a, b = socket.socketpair()  # local sockets (Qt, multiprocessing) keep working
    a.sendall(b"ok")
    print(refused, b.recv(2).decode())
    """
)


def _run(prelude: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", prelude + ATTEMPTS], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_block_network_refuses_every_internet_attempt_and_keeps_local_sockets():
    assert _run("") == "0 ok"  # without the switch nothing is refused by it
    assert _run("from kiosk.offline import block_network; block_network()\n") == "4 ok"


def test_tracking_child_is_offline_before_it_imports_mlflow():
    assert _run("from training.tracking import prepare_child; prepare_child()\n") == "4 ok"


def test_tracking_child_stopped_early_logs_nothing(tmp_path):
    from training.tracking import Tracker

    tracker = Tracker(tmp_path)
    tracker.cancel()  # e.g. the evaluation raised: the run is not logged at all
    assert tracker.process.returncode == 0
    assert not (tmp_path / "mlflow.db").exists()


def test_tracking_child_reports_a_run_it_cannot_read(tmp_path):
    from training.tracking import Tracker

    tracker = Tracker(tmp_path / "store")
    tracker.begin(tmp_path / "no-such-run")
    message = tracker.finish(promoted=False, timeout=120)
    assert tracker.process.returncode == 0
    if importlib.util.find_spec("mlflow") is None:
        assert message.startswith("tracking skipped")
    else:
        assert message.startswith("tracking failed (FileNotFoundError")
        assert message.endswith("the run itself is complete")
