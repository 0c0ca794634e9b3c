"""Register the shipped fonts before any window is created (no empty boxes for CJK or Arabic)."""

from __future__ import annotations

from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def register_fonts(folder: Path) -> list[str]:
    """Add every font file in ``folder`` to Qt; returns the families now available from them."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font_families(language: str) -> list[str]:
    """Preferred family order for a language, so Han text uses Simplified Chinese glyph forms."""
    cjk = "Noto Sans CJK KR" if language == "ko" else "Noto Sans CJK SC"
    return ["Noto Sans", "Noto Sans Arabic", cjk, "Noto Sans CJK SC"]
