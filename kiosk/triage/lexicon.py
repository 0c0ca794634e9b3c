"""The multilingual symptom lexicon: lay expressions in each language → canonical symptom concepts.

It is the kiosk's translation of last resort (no Argos pack installed), the source of canonical
terms added beside a machine translation, the red-flag screen's vocabulary and the tap-to-add
buttons' labels. It is plain TSV so clinicians can review it line by line; see
``resources/lexicon/README.md`` for the format.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kiosk.errors import ConfigError
from kiosk.triage.textnorm import CLAUSE_MARK, fold

NEGATION = "_negation"
GAP = "*"
# How far a negation word may stand before the symptom it negates.
NEGATION_REACH_WORDS = 2
NEGATION_REACH_CHARS = 4


@dataclass(frozen=True)
class Concept:
    id: str
    english: str
    group: str
    button: bool

    @property
    def is_red_flag(self) -> bool:
        return self.id.startswith("rf_")


@dataclass(frozen=True)
class Match:
    """One expression found in a text. Positions are in the folded text the matcher worked on."""

    concept: str
    start: int
    end: int
    negated: bool = False


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """Rows of a TSV file (comments and blank lines skipped), with their line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"The lexicon file {path} is missing.") from None
    except UnicodeDecodeError:
        raise ConfigError(f"The lexicon file {path} is not UTF-8 text; save it as UTF-8.") from None
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        cells = [cell.strip() for cell in cells]
        if not header_seen:
            if tuple(cells[: len(columns)]) != columns:
                raise ConfigError(f"{path}, line {number}: the first line must be the header {' / '.join(columns)}.")
            header_seen = True
            continue
        if len(cells) < len(columns) or not all(cells[: len(columns)]):
            raise ConfigError(f"{path}, line {number}: expected {len(columns)} tab-separated columns ({', '.join(columns)}).")
        rows.append((number, cells[: len(columns)]))
    if not header_seen:
        raise ConfigError(f"The lexicon file {path} is empty.")
    return rows


def load_concepts(path: Path) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for number, (cid, english, group, button) in _read_tsv(path, ("id", "english", "group", "button")):
        if cid in concepts:
            raise ConfigError(f"{path}, line {number}: concept {cid!r} is listed twice.")
        if button not in ("0", "1"):
            raise ConfigError(f"{path}, line {number}: button must be 0 or 1.")
        concepts[cid] = Concept(cid, english, group, button == "1")
    return concepts


def _token_pattern(expression: str, prefix: bool) -> re.Pattern[str]:
    parts: list[str] = []
    for token in expression.split(" "):
        if token == GAP:
            parts.append(GAP)
        elif parts and parts[-1] != GAP:
            parts.append(" " + re.escape(token))
        else:
            parts.append((" " if parts else "") + re.escape(token))
    body = "".join(f"(?: [^ {re.escape(CLAUSE_MARK)}]+){{0,3}}" if part == GAP else part for part in parts)
    tail = "" if prefix else "(?= |$)"
    return re.compile(f"(?:^|(?<= )){body}{tail}")


def _substring_pattern(expression: str) -> re.Pattern[str]:
    pieces = [re.escape(piece.replace(" ", "")) for piece in expression.split(GAP)]
    return re.compile(f"[^{re.escape(CLAUSE_MARK)}]{{0,4}}".join(pieces))


@dataclass
class LanguageLexicon:
    """Expressions of one language, compiled for its match mode on first use."""

    code: str
    mode: str
    rows: list[tuple[str, str]]  # (concept id, folded expression)
    labels: dict[str, str] = field(default_factory=dict)  # concept id → display label (first row)

    @cached_property
    def _patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        compiled = []
        for cid, expression in self.rows:
            if self.mode == "substring":
                compiled.append((cid, _substring_pattern(expression)))
            else:
                compiled.append((cid, _token_pattern(expression, prefix=self.mode == "prefix")))
        return compiled

    def prepare(self, text: str) -> str:
        """The folded form of ``text`` that match positions refer to."""
        folded = fold(text)
        if self.mode == "substring":
            return folded.replace(" ", "")
        return folded

    def match(self, text: str, keep_negation: bool = False) -> list[Match]:
        """Concepts in ``text``, longest non-overlapping expressions first, in reading order."""
        prepared = self.prepare(text)
        if not prepared:
            return []
        found: list[Match] = []
        for cid, pattern in self._patterns:
            found.extend(Match(cid, m.start(), m.end()) for m in pattern.finditer(prepared) if m.end() > m.start())
        found.sort(key=lambda m: (m.start - m.end, m.start))
        chosen: list[Match] = []
        for candidate in found:
            if all(candidate.end <= kept.start or candidate.start >= kept.end for kept in chosen):
                chosen.append(candidate)
        chosen.sort(key=lambda m: m.start)
        result = self._apply_negation(prepared, chosen)
        return result if keep_negation else [m for m in result if m.concept != NEGATION]

    def _apply_negation(self, prepared: str, matches: list[Match]) -> list[Match]:
        result: list[Match] = []
        cue_end: int | None = None
        for m in matches:
            if m.concept == NEGATION:
                cue_end = m.end
                result.append(m)
                continue
            negated = cue_end is not None and self._within_reach(prepared[cue_end : m.start])
            result.append(Match(m.concept, m.start, m.end, negated))
            cue_end = None  # a cue negates the first symptom after it, no more
        return result

    def _within_reach(self, between: str) -> bool:
        if CLAUSE_MARK in between:
            return False
        if self.mode == "substring":
            return len(between) <= NEGATION_REACH_CHARS
        return len(between.split()) <= NEGATION_REACH_WORDS


class Lexicon:
    """All languages' expressions over one shared set of concepts."""

    def __init__(self, concepts: dict[str, Concept], languages: dict[str, LanguageLexicon]):
        self.concepts = concepts
        self.languages = languages

    def for_language(self, code: str) -> LanguageLexicon | None:
        return self.languages.get(code)

    def english_phrases(self, matches: Iterable[Match]) -> list[str]:
        """Canonical English phrases of the non-negated concepts, first mention order, no repeats."""
        seen: dict[str, None] = {}
        for m in matches:
            if not m.negated and m.concept in self.concepts:
                seen.setdefault(self.concepts[m.concept].english, None)
        return list(seen)

    def render_english(self, matches: Iterable[Match]) -> str:
        """A readable English rendering for staff: "fever. no chest pain. headache"."""
        parts: dict[str, None] = {}
        for m in matches:
            concept = self.concepts.get(m.concept)
            if concept:
                parts.setdefault(("no " if m.negated else "") + concept.english, None)
        return ". ".join(parts)

    def button_concepts(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.button]


def load_language(path: Path, code: str, mode: str, concepts: dict[str, Concept]) -> LanguageLexicon:
    rows: list[tuple[str, str]] = []
    labels: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for number, (cid, expression) in _read_tsv(path, ("id", "expression")):
        if cid != NEGATION and cid not in concepts:
            raise ConfigError(f"{path}, line {number}: {cid!r} is not a concept in canonical.tsv.")
        folded = " ".join(_fold_keep_gap(expression))
        if not folded.replace(GAP, "").strip():
            raise ConfigError(f"{path}, line {number}: the expression is empty after removing punctuation.")
        labels.setdefault(cid, expression)
        if (cid, folded) in seen:
            continue
        seen.add((cid, folded))
        rows.append((cid, folded))
    return LanguageLexicon(code=code, mode=mode, rows=rows, labels=labels)


def _fold_keep_gap(expression: str) -> list[str]:
    """Fold each side of ``*`` separately so the gap marker survives folding."""
    tokens: list[str] = []
    for index, piece in enumerate(expression.split(GAP)):
        if index:
            tokens.append(GAP)
        tokens.extend(fold(piece).replace(CLAUSE_MARK, " ").split())
    return tokens


def load_lexicon(directory: Path, modes: dict[str, str]) -> Lexicon:
    """Load ``canonical.tsv`` and one ``<code>.tsv`` per language in ``modes`` (code → match mode)."""
    concepts = load_concepts(directory / "canonical.tsv")
    languages = {code: load_language(directory / f"{code}.tsv", code, mode, concepts) for code, mode in modes.items()}
    return Lexicon(concepts, languages)


def _main(argv: list[str] | None = None) -> int:
    """Lexicon authors' tool: show matches for a text, or check a language file against its dev set."""
    import argparse
    import json

    from kiosk import paths
    from kiosk.triage.languages import load_languages

    parser = argparse.ArgumentParser(prog="python -m kiosk.triage.lexicon", description=_main.__doc__)
    parser.add_argument("code", help="language code, e.g. es")
    parser.add_argument("text", nargs="?", help="text to match")
    parser.add_argument("--check", action="store_true", help="validate the file and report dev-set coverage")
    args = parser.parse_args(argv)

    languages = load_languages(paths.resources_dir() / "languages.toml")
    language = languages.get(args.code)
    if language is None:
        parser.error(f"unknown language {args.code!r}")
    concepts = load_concepts(paths.lexicon_dir() / "canonical.tsv")
    lexicon = Lexicon(concepts, {args.code: load_language(paths.lexicon_dir() / f"{args.code}.tsv", args.code, language.match, concepts)})
    lang_lex = lexicon.languages[args.code]
    if args.text:
        for m in lang_lex.match(args.text, keep_negation=True):
            print(f"{m.concept}{' (negated)' if m.negated else ''}")
        return 0
    covered = {cid for cid, _ in lang_lex.rows}
    missing = [cid for cid in concepts if cid not in covered]
    print(f"{args.code}: {len(lang_lex.rows)} expressions, {len(covered - {NEGATION})}/{len(concepts)} concepts covered")
    if missing:
        print("not covered:", ", ".join(missing))
    dev = paths.app_root() / "data" / "dev" / f"{args.code}.jsonl"
    if dev.exists():
        empty = 0
        for line in dev.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            found = [m.concept + ("(neg)" if m.negated else "") for m in lang_lex.match(item["text"])]
            if not found:
                empty += 1
            print(f"{item.get('label') or item.get('red_flag')!s:>22} | {item['text']} -> {' '.join(found) or 'NOTHING'}")
        print(f"complaints with no concept found: {empty}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
