"""A process-wide "no network" switch.

The kiosk and its staff tools must work on hospital PCs with no internet, and some libraries they
use can reach out on their own (MLflow's telemetry, a sentence splitter download in full Argos).
Processes that run such libraries call ``block_network`` first, so an attempt fails loudly at once
instead of hanging on a timeout or, worse, quietly succeeding on a connected machine. The test suite
installs the same guard around every test.

Local AF_UNIX sockets stay allowed: Qt and multiprocessing use them.
"""

from __future__ import annotations

import socket
from collections.abc import Callable


class NetworkBlocked(OSError):
    """Something tried to reach another machine from a process that must stay offline."""


def block_network(
    patch: Callable[[object, str, object], None] = setattr, error: type[Exception] = NetworkBlocked
) -> None:
    """Make internet connections and name look-ups raise ``error``.

    ``patch`` sets an attribute (``setattr`` by default; pytest's ``monkeypatch.setattr`` undoes it
    after a test).
    """
    real_connect = socket.socket.connect

    def connect(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise error(f"network access attempted: {address!r}")
        return real_connect(self, address, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        raise error(f"network access attempted: {address!r}")

    def getaddrinfo(host, *args, **kwargs):
        raise error(f"name lookup attempted: {host!r}")

    patch(socket.socket, "connect", connect)
    patch(socket, "create_connection", create_connection)
    patch(socket, "getaddrinfo", getaddrinfo)
