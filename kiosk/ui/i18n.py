"""Run-time UI language switching with Qt Linguist catalogs (``translations/kiosk_<code>.qm``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator


class UiTranslator:
    """Keeps at most one kiosk catalog installed; switching re-translates every qsTr binding."""

    def __init__(self, app: QCoreApplication, folder: Path, qml_engine=None):
        self.app = app
        self.folder = folder
        self.qml_engine = qml_engine
        self._current: QTranslator | None = None
        self.language = "en"

    def available(self) -> list[str]:
        return sorted(p.stem.removeprefix("kiosk_") for p in self.folder.glob("kiosk_*.qm"))

    def switch(self, code: str) -> bool:
        """Install ``code``'s catalog (English needs none). Returns False when no catalog exists."""
        if self._current is not None:
            self.app.removeTranslator(self._current)
            self._current = None
        found = True
        if code != "en":
            translator = QTranslator(self.app)
            found = translator.load(str(self.folder / f"kiosk_{code}.qm"))
            if found:
                self.app.installTranslator(translator)
                self._current = translator
        self.language = code
        if self.qml_engine is not None:
            self.qml_engine.retranslate()
        return found
