"""Results derived from the resource files, kept between runs and keyed by the files' content.

Folding 190,000 lexicon expressions and training the language detector's n-gram model take
several seconds, yet they only change when a lexicon file (or the code that reads it) changes. So
they are stored under a SHA-256 of everything they were computed from; any edit by staff changes
the key and the result is recomputed. Files are JSON or NumPy archives read without pickle, so a
cache file can at worst be wrong-shaped (then it is ignored and rebuilt), never run code. Nothing
here holds patient text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__, paths

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

FORMAT = "1"


def fingerprint(*parts: bytes | str) -> str:
    """SHA-256 over the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(modules: Iterable[object]) -> str:
    """The source of the modules that compute a cached result: editing them invalidates it.

    A frozen (PyInstaller) build has no source files; its executable, which carries the compiled
    modules, stands in for them, so installing a new build recomputes everything.
    """
    parts: list[bytes | str] = [FORMAT, __version__]
    if getattr(sys, "frozen", False):
        parts.append(_executable_digest())
    for module in modules:
        try:
            parts.append(Path(module.__file__).read_bytes())  # type: ignore[attr-defined]
        except (OSError, AttributeError, TypeError):
            parts.append(getattr(module, "__name__", "?"))
    return fingerprint(*parts)


@functools.cache
def _executable_digest() -> str:
    try:
        return hashlib.sha256(Path(sys.executable).read_bytes()).hexdigest()
    except OSError:
        return "unknown executable"


class DerivedCache:
    """A directory of derived results; ``None`` as directory means no caching (always recompute)."""

    def __init__(self, directory: Path | None):
        self.directory = directory

    @classmethod
    def default(cls) -> DerivedCache:
        return cls(paths.cache_dir())

    def _path(self, name: str, key: str, suffix: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{name}-{key[:24]}{suffix}"

    # -- JSON ---------------------------------------------------------------------------------
    def load_json(self, name: str, key: str) -> object | None:
        path = self._path(name, key, ".json")
        if path is None or not path.is_file():
            return None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("ignoring an unreadable cache file %s", path)
            return None
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        return stored.get("value")

    def save_json(self, name: str, key: str, value: object) -> None:
        path = self._path(name, key, ".json")
        if path is not None:
            self._write(path, name, json.dumps({"key": key, "value": value}, ensure_ascii=False).encode("utf-8"))

    # -- arrays -------------------------------------------------------------------------------
    def load_arrays(self, name: str, key: str) -> dict[str, np.ndarray] | None:
        path = self._path(name, key, ".npz")
        if path is None or not path.is_file():
            return None
        import numpy as np  # only when there is something to read: the engine's import stays light

        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays = {field: archive[field] for field in archive.files}
        except (OSError, ValueError, KeyError):
            log.warning("ignoring an unreadable cache file %s", path)
            return None
        if str(arrays.pop("__key__", "")) != key:
            return None
        return arrays

    def save_arrays(self, name: str, key: str, arrays: dict[str, np.ndarray]) -> None:
        path = self._path(name, key, ".npz")
        if path is None:
            return
        import io

        import numpy as np

        buffer = io.BytesIO()
        np.savez(buffer, __key__=np.array(key), **arrays)
        self._write(path, name, buffer.getvalue())

    def _write(self, path: Path, name: str, data: bytes) -> None:
        """Atomically replace ``path`` and drop older results of the same name; failure only costs speed."""
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
            temporary = None
            for old in path.parent.glob(f"{name}-*{path.suffix}"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.info("could not write the cache file %s (%s); it will be recomputed next time", path, exc)
        finally:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
