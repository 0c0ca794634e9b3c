"""The condition → specialty queue map (``resources/specialties.toml``), checked at load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.datafiles import read_toml
from kiosk.errors import ConfigError

URGENT = "urgent"
NURSE = "nurse"
_PREFIX = re.compile(r"^[A-Z]{1,2}$")


@dataclass(frozen=True)
class Specialty:
    id: str
    name: str
    prefix: str


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    specialty: str
    aliases: tuple[str, ...]
    rationale: str


@dataclass(frozen=True)
class SpecialtyMap:
    specialties: dict[str, Specialty]
    conditions: dict[str, Condition]

    def specialty_for(self, condition_id: str) -> Specialty:
        return self.specialties[self.conditions[condition_id].specialty]

    def canonical_label(self, raw: str) -> str | None:
        """Condition id for a dataset label name (case and spacing insensitive), or None."""
        key = " ".join(raw.split()).casefold()
        for condition in self.conditions.values():
            if key == condition.id.casefold() or key in (alias.casefold() for alias in condition.aliases):
                return condition.id
        return None

    def check_labels(self, labels: set[str] | list[str], source: str) -> None:
        """Refuse a model whose labels this map does not route (or routes only partly)."""
        labels = set(labels)
        unmapped = sorted(labels - set(self.conditions))
        if unmapped:
            raise ConfigError(
                f"The specialty map has no queue for {', '.join(unmapped)} (labels of {source}); "
                "add a [[condition]] entry for each."
            )


def load_specialties(path: Path) -> SpecialtyMap:
    data = read_toml(path, "The specialty map")

    specialties: dict[str, Specialty] = {}
    for number, entry in enumerate(data.get("specialty", []), start=1):
        where = f"{path}, specialty entry {number}"
        for key in ("id", "name", "prefix"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{where} is missing {key}.")
        if not _PREFIX.match(entry["prefix"]):
            raise ConfigError(f"{where}: prefix {entry['prefix']!r} must be one or two capital letters.")
        if entry["id"] in specialties:
            raise ConfigError(f"{where}: specialty id {entry['id']!r} is used twice.")
        specialties[entry["id"]] = Specialty(entry["id"], entry["name"], entry["prefix"])
    for required in (URGENT, NURSE):
        if required not in specialties:
            raise ConfigError(f"The specialty map {path} must define the {required!r} queue.")
    prefixes = [s.prefix for s in specialties.values()]
    clashes = sorted({p for p in prefixes if prefixes.count(p) > 1})
    if clashes:
        raise ConfigError(f"The specialty map {path} uses ticket prefix {', '.join(clashes)} for more than one queue.")

    conditions: dict[str, Condition] = {}
    for number, entry in enumerate(data.get("condition", []), start=1):
        where = f"{path}, condition entry {number}"
        for key in ("id", "name", "specialty", "rationale"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ConfigError(f"{where} is missing {key}.")
        if entry["specialty"] not in specialties:
            raise ConfigError(f"{where} ({entry['id']}): specialty {entry['specialty']!r} is not defined.")
        if entry["specialty"] in (URGENT, NURSE):
            raise ConfigError(f"{where} ({entry['id']}): conditions cannot route to the {entry['specialty']!r} queue.")
        if entry["id"] in conditions:
            raise ConfigError(f"{where}: condition {entry['id']!r} is listed twice.")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{where} ({entry['id']}): aliases must be a list of names.")
        conditions[entry["id"]] = Condition(
            entry["id"], entry["name"], entry["specialty"], tuple(aliases), entry["rationale"]
        )
    if not conditions:
        raise ConfigError(f"The specialty map {path} has no [[condition]] entries.")
    return SpecialtyMap(specialties, conditions)
