"""Shared fixtures. Every test runs with the network blocked: the kiosk must work offline."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

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
    real_connect = socket.socket.connect

    def guarded_connect(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkBlocked(f"network access attempted: {address!r}")
        return real_connect(self, address, *args, **kwargs)

    def guarded_create_connection(address, *args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {address!r}")

    def guarded_getaddrinfo(host, *args, **kwargs):
        raise NetworkBlocked(f"name lookup attempted: {host!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(scope="session")
def resources_dir() -> Path:
    return ROOT / "resources"
