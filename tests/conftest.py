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
_CACHE = tempfile.mkdtemp(prefix="kiosk-test-cache-")
os.environ["KIOSK_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


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
