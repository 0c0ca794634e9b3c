"""Load the triage engine in the background, so the welcome screen appears before it is ready.

Importing scikit-learn and reading the model and lexicons takes a second or two on a kiosk PC; the
welcome screen needs none of it. The first call that needs the engine waits for it (by then the
patient has usually spent longer than that choosing a language).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from kiosk.errors import KioskError

log = logging.getLogger(__name__)


class EngineLoader:
    def __init__(self, factory: Callable[[], object]):
        self._factory = factory
        self._done = threading.Event()
        self._engine = None
        self._error: BaseException | None = None

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            engine = self._factory()
            engine.warm_up()
            self._engine = engine
            log.info("triage engine ready in %.1f s", time.perf_counter() - started)
        except BaseException as exc:  # reported to whoever asks for the engine
            log.exception("the triage engine could not be loaded")
            self._error = exc
        finally:
            self._done.set()

    def start(self) -> EngineLoader:
        threading.Thread(target=self._load, name="engine-loader", daemon=True).start()
        return self

    def load_now(self) -> EngineLoader:
        self._load()
        if self._error is not None:
            raise self._error
        return self

    def get(self, timeout: float | None = 120):
        if not self._done.wait(timeout):
            raise KioskError("The triage engine is still loading.")
        if self._error is not None:
            raise KioskError(f"The triage engine could not be loaded: {self._error}") from self._error
        return self._engine
