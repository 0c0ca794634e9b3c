"""Where the kiosk finds what it ships with.

Frozen (PyInstaller) builds unpack data next to the executable under ``sys._MEIPASS``; a source
checkout keeps it at the repository root. Every module asks here instead of guessing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """Directory that holds ``resources/`` and ``translations/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The shipped resources; ``KIOSK_RESOURCES`` lets tests and staff point elsewhere."""
    override = os.environ.get("KIOSK_RESOURCES")
    return Path(override) if override else app_root() / "resources"


def model_dir() -> Path:
    return resources_dir() / "model"


def lexicon_dir() -> Path:
    return resources_dir() / "lexicon"


def argos_dir() -> Path:
    """Installed Argos translation packs; ``KIOSK_ARGOS_DIR`` overrides (IT may keep packs apart)."""
    override = os.environ.get("KIOSK_ARGOS_DIR")
    return Path(override) if override else resources_dir() / "argos"


def cache_dir() -> Path | None:
    """Where results derived from the resources are kept between starts (``kiosk/triage/cache.py``).

    ``KIOSK_CACHE_DIR`` overrides; ``KIOSK_CACHE_DIR=off`` turns the cache off. The default is the
    user's cache directory, never the resources folder, which may be read-only on a hospital PC.
    """
    override = os.environ.get("KIOSK_CACHE_DIR")
    if override:
        return None if override.lower() == "off" else Path(override)
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ER-Triage-Kiosk" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "er-triage-kiosk"
