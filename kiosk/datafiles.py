"""Reading the data files staff edit, with errors that name the file (no Python jargon)."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from kiosk.errors import ConfigError


def read_toml(path: Path, what: str, missing_note: str = "") -> dict:
    """Parse ``path``; ``what`` names the file for staff ("The language list")."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{what} {path} is missing{missing_note}.") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{what} {path} cannot be read: {exc}.") from None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
