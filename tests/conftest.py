"""Shared fixtures. Every test runs with the network blocked: the kiosk must work offline."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kiosk.offline import block_network

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"  # before any Qt application exists
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
# Derived-data cache (kiosk/triage/cache.py): one fresh directory per test session, never the user's.
# pytest-xdist workers inherit it from the main process (writes are atomic), so the lexicons are folded
# once per run, not once per worker; only the process that made it removes it.
if "KIOSK_TEST_CACHE" not in os.environ:
    os.environ["KIOSK_TEST_CACHE"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KIOSK_TEST_CACHE"], True)
os.environ["KIOSK_CACHE_DIR"] = os.environ["KIOSK_TEST_CACHE"]


class NetworkBlocked(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test that opens an internet socket (local AF_UNIX sockets stay allowed for Qt)."""
    block_network(monkeypatch.setattr, NetworkBlocked)


@pytest.fixture(scope="session")
def resources_dir() -> Path:
    return ROOT / "resources"


@pytest.fixture(scope="session")
def engine():
    """The kiosk's engine on the shipped resources, without translation packs (a fresh install)."""
    from kiosk.triage.engine import TriageEngine

    engine = TriageEngine.from_resources(ROOT / "resources", argos_dir=ROOT / "tests" / "no-packs")
    engine.warm_up()
    return engine
