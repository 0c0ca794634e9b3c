"""The red-flag safety screen: emergencies go to the front desk, never into a queue.

Rules are data (``resources/red_flags.toml``) over lexicon concepts, so one rule covers every
language the lexicon covers. It runs before the model and cannot be overruled by it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.datafiles import read_toml
from kiosk.errors import ConfigError
from kiosk.triage.lexicon import Match


@dataclass(frozen=True)
class RedFlagKind:
    id: str
    message: str
    any: frozenset[str]
    all_of: tuple[frozenset[str], ...]
    negatable: bool
    learned: bool = False  # raised by the learned urgency screen (kiosk/triage/urgency.py), not by concepts
    ask: str = ""  # the danger sign in the patient's words, asked before any ordinary ticket ("" = not asked)
    # concept -> concepts that, when also present, say where it comes from and make it ordinary for this kind
    unless: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def concepts(self) -> frozenset[str]:
        return self.any.union(*self.all_of) if self.all_of else self.any

    def fires(self, present: set[str]) -> bool:
        return self.evidence(present) > 0

    def evidence(self, present: set[str]) -> int:
        """How many of the patient's concepts this kind's best-matched rule uses (0: it does not fire)."""
        counted = (  # most kinds have no unless: no copy of the patient's concepts per kind and per screen
            present.difference(c for c, context in self.unless.items() if context & present) if self.unless else present
        )
        best = 1 if self.any & counted else 0
        return max([best, *(len(group) for group in self.all_of if group <= counted)])


@dataclass(frozen=True)
class RedFlagRules:
    kinds: tuple[RedFlagKind, ...]
    # concept -> the concepts it also counts as ("a high fever" is a fever), already closed over chains
    implies: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)

    @property
    def never_negated(self) -> frozenset[str]:
        """Concepts a "no …" may not cancel, because some kind using them is not negatable."""
        return frozenset().union(*(k.concepts for k in self.kinds if not k.negatable))

    def present(self, matches: Iterable[Match]) -> set[str]:
        keep = self.never_negated
        named = {m.concept for m in matches if not m.negated or m.concept in keep}
        return named.union(*(self.implies.get(c, ()) for c in named))

    def screen(self, matches: Iterable[Match]) -> RedFlagKind | None:
        """The kind whose rule fires on the most of the patient's concepts (ties: file order), or None.

        Which kind is named does not change that the patient goes to the desk, but it is what the desk
        reads first: "pregnant and fainted" is a pregnancy emergency before it is a faint, and "confused
        with a high fever" is sepsis or meningitis before it is a stroke.
        """
        present = self.present(matches)
        found = [(kind.evidence(present), -order, kind) for order, kind in enumerate(self.kinds)]
        evidence, _, kind = max(found, key=lambda item: item[:2])
        return kind if evidence > 0 else None

    def get(self, kind_id: str) -> RedFlagKind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)

    @property
    def questions(self) -> tuple[RedFlagKind, ...]:
        """The kinds the kiosk asks the patient about before an ordinary ticket, in file order."""
        return tuple(k for k in self.kinds if k.ask)

    @property
    def learned(self) -> RedFlagKind | None:
        """The kind the learned urgency screen reports (None: the file names none, so it is not used)."""
        return next((k for k in self.kinds if k.learned), None)


def _implications(table: object, known: set[str], path: Path) -> dict[str, frozenset[str]]:
    """``[implies]`` closed over chains, so a rule written for "fever" also fires on what implies it."""
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and all(isinstance(c, str) for c in v) for v in table.values()
    ):
        raise ConfigError(f'{path}: [implies] must map a concept to a list of concepts, e.g. high_fever = ["fever"].')
    named = set(table) | {c for targets in table.values() for c in targets}
    unknown = sorted(named - known)
    if unknown:
        raise ConfigError(f"{path}: [implies] names concepts not in the lexicon: {', '.join(unknown)}.")
    closed: dict[str, frozenset[str]] = {}
    for concept in table:
        reached: set[str] = set()
        todo = list(table[concept])
        while todo:
            target = todo.pop()
            if target not in reached:
                reached.add(target)
                todo.extend(table.get(target, []))
        if concept in reached:
            raise ConfigError(
                f"{path}: [implies] goes round in a circle back to {concept}; a concept cannot imply itself."
            )
        closed[concept] = frozenset(reached)
    return closed


def _unless(entry: dict, kind_concepts: set[str], known: set[str], where: str) -> dict[str, frozenset[str]]:
    """A kind's ``unless`` table: sign -> the concepts that, present too, make the sign ordinary for this kind."""
    table = entry.get("unless", {})
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and v and all(isinstance(c, str) for c in v) for v in table.values()
    ):
        raise ConfigError(
            f'{where}: unless must map a sign to a list of concepts, e.g. unless = {{ rf_pain_radiating = ["neck_pain"] }}.'
        )
    if table and not entry.get("negatable", True):
        raise ConfigError(f"{where}: a kind that may not be negated cannot have unless; nothing may cancel it.")
    unknown = sorted((set(table) | {c for v in table.values() for c in v}) - known)
    if unknown:
        raise ConfigError(f"{where}: unless names concepts not in the lexicon: {', '.join(unknown)}.")
    unused = sorted(set(table) - kind_concepts)
    if unused:
        raise ConfigError(f"{where}: unless names signs this kind's rules do not use: {', '.join(unused)}.")
    return {sign: frozenset(context) for sign, context in table.items()}


def load_red_flags(path: Path, known_concepts: Iterable[str]) -> RedFlagRules:
    known = set(known_concepts)
    data = read_toml(path, "The red-flag rules", "; the kiosk cannot run safely without them")
    implies = _implications(data.get("implies", {}), known, path)
    kinds: list[RedFlagKind] = []
    for number, entry in enumerate(data.get("kind", []), start=1):
        where = f"{path}, kind entry {number}"
        if not isinstance(entry.get("id"), str) or not isinstance(entry.get("message"), str):
            raise ConfigError(f"{where} needs an id and a message.")
        any_of = entry.get("any", [])
        all_of = entry.get("all_of", [])
        if not isinstance(any_of, list) or not isinstance(all_of, list) or not all(isinstance(g, list) for g in all_of):
            raise ConfigError(f"{where} ({entry['id']}): any must be a list and all_of a list of lists.")
        unknown = sorted({c for c in any_of + [c for g in all_of for c in g] if c not in known})
        if unknown:
            raise ConfigError(f"{where} ({entry['id']}) names concepts not in the lexicon: {', '.join(unknown)}.")
        learned = entry.get("learned", False)
        if not isinstance(learned, bool):
            raise ConfigError(f"{where} ({entry['id']}): learned must be true or false.")
        if learned and (any_of or all_of):
            raise ConfigError(f"{where} ({entry['id']}): a learned kind has no rule of its own (no any or all_of).")
        if not any_of and not all_of and not learned:
            raise ConfigError(f"{where} ({entry['id']}) has no rule (any or all_of).")
        ask = entry.get("ask", "")
        if not isinstance(ask, str) or (ask and not ask.strip()):
            raise ConfigError(f"{where} ({entry['id']}): ask must be the danger sign in plain words, or left out.")
        if learned and ask:
            raise ConfigError(f"{where} ({entry['id']}): a learned kind is not a sign a patient can name; remove ask.")
        if not isinstance(entry.get("negatable", True), bool):
            raise ConfigError(f"{where} ({entry['id']}): negatable must be true or false.")
        signs = set(any_of) | {c for g in all_of for c in g}
        unless = _unless(entry, signs, known, f"{where} ({entry['id']})")
        kinds.append(
            RedFlagKind(
                entry["id"],
                entry["message"],
                frozenset(any_of),
                tuple(frozenset(g) for g in all_of if g),
                entry.get("negatable", True),
                learned,
                ask.strip(),
                unless,
            )
        )
    if not kinds:
        raise ConfigError(f"The red-flag rules {path} define no kinds; the kiosk cannot run safely without them.")
    ids = [k.id for k in kinds]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"The red-flag rules {path} define a kind twice.")
    if sum(k.learned for k in kinds) > 1:
        raise ConfigError(f"The red-flag rules {path} mark more than one kind as learned; keep one.")
    return RedFlagRules(tuple(kinds), implies)
