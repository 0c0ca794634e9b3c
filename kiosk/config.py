"""The hospital's kiosk configuration (TOML), checked key by key.

A wrong value where a safe default exists becomes a warning (the kiosk keeps working and staff
see what to fix in the log and in ``--self-test``); a wrong value with no safe default (e.g. an
unwritable database folder) stops the kiosk with a sentence naming the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.errors import ConfigError

PIN_ITERATIONS = 200_000


def default_data_dir() -> Path:
    if os.name == "nt":
        return Path(os.environ.get("PROGRAMDATA", "C:/ProgramData")) / "ER-Triage-Kiosk"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "er-triage-kiosk"


@dataclass(frozen=True)
class KioskConfig:
    kiosk_name: str = "kiosk"
    languages: tuple[str, ...] = ()  # empty: every language in resources/languages.toml
    idle_timeout_s: int = 60
    idle_countdown_s: int = 15
    staff_pin_hash: str = ""  # empty: staff exit disabled except by the OS (safe for a kiosk)
    printer: str = ""  # "", a printer name, or "pdf:<folder>"
    database: Path = field(default_factory=lambda: default_data_dir() / "queue.sqlite3")
    events_database: Path = field(default_factory=lambda: default_data_dir() / "events.sqlite3")
    log_patient_text: bool = False
    patient_text_retention_days: int = 7
    translation_beam_size: int = 4  # Argos' own; see docs/BENCHMARKS.md for its cost on a 2-core PC
    translation_threads: int = 1
    safety_check: bool = True  # ask about danger signs before any ordinary ticket (see resources/red_flags.toml)
    warnings: tuple[str, ...] = ()


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``pbkdf2_sha256$iterations$salt$hash``, so the config never holds the PIN itself."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), expected)


def _int(data: dict, key: str, default: int, low: int, high: int, warnings: list[str], where: str) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        warnings.append(f"{where}: {key} must be a whole number from {low} to {high}; using {default}.")
        return default
    return value


def load_config(path: Path | None, offered: tuple[str, ...]) -> KioskConfig:
    """Read ``path`` (missing file → defaults). ``offered`` are the codes in languages.toml."""
    if path is None or not path.exists():
        if path is not None:
            return KioskConfig(warnings=(f"No config file at {path}; using safe defaults.",))
        return KioskConfig()
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"The kiosk config {path} cannot be read: {exc}. Fix it or remove it to use defaults."
        ) from None
    warnings: list[str] = []
    config = KioskConfig()
    known = {
        "kiosk_name",
        "languages",
        "idle_timeout_s",
        "idle_countdown_s",
        "staff_pin_hash",
        "printer",
        "database",
        "events_database",
        "log_patient_text",
        "patient_text_retention_days",
        "translation_beam_size",
        "translation_threads",
        "safety_check",
    }
    for key in sorted(set(data) - known):
        warnings.append(f"{where}: unknown key {key!r} ignored (check its spelling).")

    name = data.get("kiosk_name", config.kiosk_name)
    if not isinstance(name, str) or not name.strip():
        warnings.append(f"{where}: kiosk_name must be text; using {config.kiosk_name!r}.")
        name = config.kiosk_name

    languages = data.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(c, str) for c in languages):
        warnings.append(f'{where}: languages must be a list of codes like ["en", "es"]; offering all.')
        languages = []
    unknown = [c for c in languages if c not in offered]
    if unknown:
        warnings.append(f"{where}: languages {', '.join(unknown)} are not in resources/languages.toml; ignored.")
    languages = [c for c in languages if c in offered]
    if languages and "en" not in languages:
        languages.insert(0, "en")

    idle = _int(data, "idle_timeout_s", config.idle_timeout_s, 15, 3600, warnings, where)
    countdown = _int(data, "idle_countdown_s", config.idle_countdown_s, 5, 120, warnings, where)
    retention = _int(data, "patient_text_retention_days", config.patient_text_retention_days, 1, 90, warnings, where)
    beam = _int(data, "translation_beam_size", config.translation_beam_size, 1, 8, warnings, where)
    threads = _int(data, "translation_threads", config.translation_threads, 1, 8, warnings, where)

    pin_hash = data.get("staff_pin_hash", "")
    if not isinstance(pin_hash, str) or (pin_hash and not pin_hash.startswith("pbkdf2_sha256$")):
        warnings.append(
            f"{where}: staff_pin_hash is not a hash made by `python -m kiosk hash-pin`; staff exit is "
            "disabled until it is fixed."
        )
        pin_hash = ""

    printer = data.get("printer", "")
    if not isinstance(printer, str):
        warnings.append(f"{where}: printer must be text; tickets are shown on screen only.")
        printer = ""

    log_text = data.get("log_patient_text", False)
    if not isinstance(log_text, bool):
        warnings.append(f"{where}: log_patient_text must be true or false; patient text is not logged.")
        log_text = False

    safety_check = data.get("safety_check", True)
    if not isinstance(safety_check, bool):
        warnings.append(f"{where}: safety_check must be true or false; the danger-sign question stays on.")
        safety_check = True

    paths = {}
    for key in ("database", "events_database"):
        value = data.get(key)
        if value is None:
            paths[key] = getattr(config, key)
            continue
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key} must be a file path.")
        target = Path(os.path.expandvars(os.path.expanduser(value)))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{where}: {key} folder {target.parent} cannot be created ({exc.strerror}).") from None
        if not os.access(target.parent, os.W_OK):
            raise ConfigError(f"{where}: {key} folder {target.parent} is not writable by the kiosk.")
        paths[key] = target

    return replace(
        config,
        kiosk_name=name.strip(),
        languages=tuple(languages),
        idle_timeout_s=idle,
        idle_countdown_s=countdown,
        staff_pin_hash=pin_hash,
        printer=printer,
        log_patient_text=log_text,
        patient_text_retention_days=retention,
        translation_beam_size=beam,
        translation_threads=threads,
        safety_check=safety_check,
        warnings=tuple(warnings),
        **paths,
    )
