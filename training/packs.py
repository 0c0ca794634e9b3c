"""Installing, checking and removing Argos translation packs on an offline kiosk PC.

``add`` refuses anything it cannot fully vouch for — not a zip, unsafe paths, missing metadata
or files, not into English, or a model that does not actually translate — and installs by a
single directory rename, so a failed add leaves nothing half-installed. ``packs.json`` records
each pack's archive sha256 and a checksum per file so ``verify`` can detect later damage.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from kiosk.datafiles import sha256_of
from kiosk.errors import PackError
from kiosk.triage.argos import PackInfo, PackTranslator, read_pack

REGISTRY = "packs.json"
MAX_UNPACKED_BYTES = 2 * 1024**3
PROBE_SENTENCE = {
    "default": "fever",
    "es": "tengo fiebre",
    "fr": "j'ai de la fièvre",
    "pt": "estou com febre",
    "zh": "我发烧",
    "ko": "열이 나요",
    "ru": "у меня температура",
    "ar": "عندي حمى",
    "vi": "tôi bị sốt",
    "tl": "may lagnat ako",
    "ht": "mwen gen lafyèv",
}


@dataclass(frozen=True)
class InstalledPack:
    info: PackInfo
    archive_sha256: str
    installed_utc: str


def _file_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _load_registry(packs_dir: Path) -> dict:
    path = packs_dir / REGISTRY
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackError(f"The pack register {path} is damaged; remove it and add the packs again.") from None


def _save_registry(packs_dir: Path, registry: dict) -> None:
    tmp = packs_dir / (REGISTRY + ".tmp")
    tmp.write_text(json.dumps(registry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(packs_dir / REGISTRY)


def _safe_members(archive: zipfile.ZipFile, source: Path) -> str:
    """The single top-level folder of the archive, after refusing unsafe or oversized content."""
    total = 0
    tops: set[str] = set()
    for member in archive.infolist():
        path = PurePosixPath(member.filename)
        if path.is_absolute() or ".." in path.parts or "\\" in member.filename:
            raise PackError(f"{source.name} contains an unsafe path ({member.filename}); it was not installed.")
        total += member.file_size
        tops.add(path.parts[0])
    if total > MAX_UNPACKED_BYTES:
        raise PackError(f"{source.name} unpacks to more than 2 GB; it was not installed.")
    if len(tops) != 1:
        raise PackError(f"{source.name} must hold exactly one top-level folder (it holds {len(tops)}).")
    return tops.pop()


def add(source: Path, packs_dir: Path, offered: set[str] | None = None) -> InstalledPack:
    if not source.is_file():
        raise PackError(f"The pack file {source} does not exist.")
    if not zipfile.is_zipfile(source):
        raise PackError(f"{source.name} is not an Argos pack (.argosmodel files are zip archives).")
    packs_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".adding-", dir=packs_dir))
    try:
        try:
            with zipfile.ZipFile(source) as archive:
                top = _safe_members(archive, source)
                archive.extractall(staging)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PackError(f"{source.name} is damaged and cannot be unpacked ({exc}).") from None
        info = read_pack(staging / top)
        if info.to_code != "en":
            raise PackError(
                f"{source.name} translates {info.from_code}→{info.to_code}; the kiosk needs packs into English."
            )
        if offered is not None and info.from_code not in offered:
            raise PackError(
                f"{source.name} translates from {info.from_code!r}, which is not a language this kiosk offers "
                "(resources/languages.toml)."
            )
        probe = PROBE_SENTENCE.get(info.from_code, PROBE_SENTENCE["default"])
        try:
            output = PackTranslator(info, threads=1).translate(probe)
        except Exception as exc:  # any failure to run means the pack is unusable
            raise PackError(
                f"{source.name} could not translate a test sentence ({type(exc).__name__}: {exc})."
            ) from None
        if not output.strip():
            raise PackError(f"{source.name} produced no text for a test sentence; it was not installed.")

        target = packs_dir / f"{info.from_code}_{info.to_code}"
        registry = _load_registry(packs_dir)
        if target.exists():
            shutil.rmtree(target)
        (staging / top).rename(target)
        installed = InstalledPack(read_pack(target), sha256_of(source), datetime.now(UTC).isoformat(timespec="seconds"))
        registry[target.name] = {
            "from_code": info.from_code,
            "to_code": info.to_code,
            "package_version": info.package_version,
            "source_file": source.name,
            "archive_sha256": installed.archive_sha256,
            "installed_utc": installed.installed_utc,
            "files": _file_hashes(target),
        }
        _save_registry(packs_dir, registry)
        return installed
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def installed(packs_dir: Path) -> list[tuple[str, dict, str | None]]:
    """(folder name, register entry, problem or None) for every pack folder and register entry."""
    registry = _load_registry(packs_dir)
    names = sorted(
        set(registry) | {p.name for p in packs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")}
        if packs_dir.is_dir()
        else set(registry)
    )
    rows = []
    for name in names:
        problem = None
        try:
            read_pack(packs_dir / name)
        except PackError as exc:
            problem = str(exc)
        if name not in registry and problem is None:
            problem = "not in the register (copied by hand?): add it with `packs add` to record its checksum"
        rows.append((name, registry.get(name, {}), problem))
    return rows


def verify(packs_dir: Path) -> list[str]:
    """Problems found (empty when every pack is intact and translates)."""
    problems = []
    for name, entry, problem in installed(packs_dir):
        if problem:
            problems.append(f"{name}: {problem}")
            continue
        folder = packs_dir / name
        if _file_hashes(folder) != entry.get("files"):
            problems.append(f"{name}: files differ from when it was installed (damaged or changed); add it again.")
            continue
        info = read_pack(folder)
        try:
            if not PackTranslator(info, threads=1).translate(PROBE_SENTENCE.get(info.from_code, "fever")).strip():
                problems.append(f"{name}: produced no translation for a test sentence.")
        except Exception as exc:
            problems.append(f"{name}: cannot translate ({type(exc).__name__}: {exc}).")
    return problems


def remove(name_or_code: str, packs_dir: Path) -> str:
    registry = _load_registry(packs_dir)
    candidates = [name for name in registry if name == name_or_code or registry[name].get("from_code") == name_or_code]
    folder_only = packs_dir / name_or_code
    if not candidates and folder_only.is_dir():
        candidates = [name_or_code]
    if not candidates:
        raise PackError(f"No installed pack called {name_or_code!r}; see `python -m training packs list`.")
    name = candidates[0]
    if (packs_dir / name).exists():
        trash = packs_dir / f".removing-{name}"
        (packs_dir / name).rename(trash)
        shutil.rmtree(trash)
    registry.pop(name, None)
    _save_registry(packs_dir, registry)
    return name


def download(code: str, out_dir: Path) -> Path:
    """Fetch the official pack for ``code``→en, on a machine that has internet (optional extra)."""
    try:
        from argostranslate import package as argos_package
    except ImportError:
        raise PackError(
            "Downloading needs the optional argostranslate package on a machine with internet: "
            "pip install argostranslate. Or download the .argosmodel file elsewhere and use `packs add`."
        ) from None
    argos_package.update_package_index()
    matches = [p for p in argos_package.get_available_packages() if p.from_code == code and p.to_code == "en"]
    if not matches:
        raise PackError(f"The Argos index has no {code}→en pack.")
    path = Path(matches[0].download())
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / path.name
    shutil.copy2(path, target)
    return target
