"""The languages a hospital offers, read from ``resources/languages.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.datafiles import read_toml
from kiosk.errors import ConfigError

SCRIPTS = ("latin", "han", "hangul", "arabic", "cyrillic")
MATCH_MODES = ("word", "prefix", "substring")
_REQUIRED = ("code", "native", "english", "script", "match", "keyboard", "greeting")


@dataclass(frozen=True)
class Language:
    code: str
    native: str
    english: str
    script: str
    match: str
    rtl: bool
    keyboard: str
    greeting: str
    # False where negation follows the symptom (Korean "열은 없어요"): the lexicon's negation rule,
    # which reads a cue *before* a symptom, cannot apply, so no "no fever" cancelling in that language.
    negation_before: bool = True
    # True where patients also type the language in Latin letters (Arabizi "3andi wja3 f sadri"): the
    # detector then weighs it among the Latin-script languages, from its lexicon's Latin-letter rows.
    latin_too: bool = False


@dataclass(frozen=True)
class LanguageSet:
    default: str
    languages: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def __contains__(self, code: object) -> bool:
        return any(lang.code == code for lang in self.languages)


def load_languages(path: Path) -> LanguageSet:
    """Read and validate the language list; every problem names the file and the entry."""
    data = read_toml(path, "The language list")

    entries = data.get("language")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"The language list {path} has no [[language]] entries.")
    languages: list[Language] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}, language entry {number}"
        missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str) or not entry[key]]
        if missing:
            raise ConfigError(f"{where} is missing {', '.join(missing)}.")
        if entry["script"] not in SCRIPTS:
            raise ConfigError(f"{where}: script must be one of {', '.join(SCRIPTS)}, not {entry['script']!r}.")
        if entry["match"] not in MATCH_MODES:
            raise ConfigError(f"{where}: match must be one of {', '.join(MATCH_MODES)}, not {entry['match']!r}.")
        for flag in ("rtl", "negation_before", "latin_too"):
            if not isinstance(entry.get(flag, False), bool):
                raise ConfigError(f"{where}: {flag} must be true or false.")
        languages.append(
            Language(
                code=entry["code"],
                native=entry["native"],
                english=entry["english"],
                script=entry["script"],
                match=entry["match"],
                rtl=entry.get("rtl", False),
                keyboard=entry["keyboard"],
                greeting=entry["greeting"],
                negation_before=entry.get("negation_before", True) is not False,
                latin_too=entry.get("latin_too", False) and entry["script"] != "latin",
            )
        )
    codes = [lang.code for lang in languages]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ConfigError(f"The language list {path} lists {', '.join(duplicates)} more than once.")
    if "en" not in codes:
        raise ConfigError(f"The language list {path} must include English (en): the model reads English.")
    default = data.get("default", "en")
    if default not in codes:
        raise ConfigError(f"The language list {path}: default {default!r} is not one of the listed languages.")
    return LanguageSet(default=default, languages=tuple(languages))
