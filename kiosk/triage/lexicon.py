"""The multilingual symptom lexicon: lay expressions in each language → canonical symptom concepts.

It is the kiosk's translation of last resort (no Argos pack installed), the source of canonical
terms added beside a machine translation, the red-flag screen's vocabulary and the tap-to-add
buttons' labels. It is plain TSV so clinicians can review it line by line; see
``resources/lexicon/README.md`` for the format.
"""

from __future__ import annotations

import csv
import functools
import re
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path

from kiosk.errors import ConfigError
from kiosk.triage import han_variants, textnorm
from kiosk.triage.cache import DerivedCache, code_fingerprint, fingerprint
from kiosk.triage.textnorm import CLAUSE_MARK, fold

NEGATION = "_negation"
# A statement that something did not happen ("сознание не теряла", "no he vomitado"): it is read, so its
# words are not taken for the symptom it denies, and it negates nothing else. Languages that put "not"
# after the symptom need it; a post-posed denial written as a _negation row would cancel the *next*
# symptom ("didn't faint, chest is crushing" → chest pain cancelled).
DENIAL = "_denied"
# A word that, right after a comma, carries on the same statement ("в груди болит, когда кашляю": Russian
# requires that comma). The comma then does not end the clause, so "болит * когда кашляю" (chest pain from
# coughing) still reads it. One word per row; these rows are never matched as expressions.
CONTINUES = "_continues"
SPECIAL_IDS = (NEGATION, DENIAL, CONTINUES)
GAP = "*"
RED_FLAG_PREFIX = "rf_"
# How far a negation word may stand before the symptom it negates.
NEGATION_REACH_WORDS = 2
NEGATION_REACH_CHARS = 4
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Concept:
    id: str
    english: str
    group: str
    button: bool

    @property
    def is_red_flag(self) -> bool:
        return self.id.startswith(RED_FLAG_PREFIX)


@dataclass(frozen=True)
class Match:
    """One expression found in a text. Positions are in the folded text the matcher worked on."""

    concept: str
    start: int
    end: int
    negated: bool = False
    gaps: tuple[tuple[int, int], ...] = field(default=(), compare=False)  # spans the expression's `*` skipped
    row: int = field(default=0, compare=False)  # the expression's place in its file: the last tie-break
    # An English word the patient's own language also read ("parang crust" in Tagalog): its reading counts.
    echoed: bool = field(default=False, compare=False)

    @property
    def skipped(self) -> int:
        """How much of the span the expression's gaps skipped: less is a more specific reading."""
        return sum(end - start for start, end in self.gaps)


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
            raise ConfigError(
                f"{path}, line {number}: expected {len(columns)} tab-separated columns ({', '.join(columns)})."
            )
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


GAP_WORDS = 3  # a `*` spans up to this many words (word and prefix modes)
GAP_CHARS = 4  # or this many characters (substring mode)
# Substring-mode expressions are indexed by their first characters (up to this many): Arabic has thousands of
# expressions starting "ما" or "ال", and trying them all at every such position dominated reading a complaint.
SUBSTRING_KEY = 4


Segments = tuple[tuple[str, ...], ...]  # an expression's parts between gaps: words, or one string (substring mode)
# How the index keeps a row's parts: most expressions have no gap, so their one part is kept by itself (its words,
# or in substring mode its string) without the tuples around it: about 60-100 bytes less per row.
Stored = Segments | tuple[str, ...] | str


def _gap_crosses_clauses(concept: str) -> bool:
    """A red-flag expression's gap may span a comma: patients list an emergency's parts as separate clauses
    ("fell down, cannot stand up"), and a false alarm only costs a nurse a look. Other gaps stop at a clause
    end, so "fever, then * not going down" does not join unrelated statements."""
    return concept.startswith(RED_FLAG_PREFIX)


def _segments(expression: str, substring: bool) -> tuple[tuple[str, ...], ...]:
    """The parts between gaps, their words interned: 700,000 expressions repeat a few thousand words, and one
    shared string per word is what keeps the kiosk's memory in hundreds of megabytes, not a gigabyte."""
    parts = [part.split() for part in expression.split(GAP)]
    if substring:
        return tuple((sys.intern("".join(part)),) for part in parts if part)
    return tuple(tuple(map(sys.intern, part)) for part in parts if part)


class _Index:
    """Expressions keyed by their first word (or first character), so a match only tries candidates.

    Tens of thousands of expressions then cost a few dictionary look-ups per word of patient text. A candidate
    is a row number: the index keeps one tuple of parts per row and shares the lexicon's list of concept ids,
    not an object per expression with its own row number (over a million rows, that was about 100 MB).
    """

    def __init__(self, concepts: Sequence[str], expressions: Iterable[str], mode: str):
        self.mode = mode
        self.concepts = concepts  # row -> concept id (the lexicon's own list)
        self.segments: list[Stored] = []  # row -> its parts (see Stored); () for a row never matched
        self.first: dict[str, array[int]] = {}  # key -> rows, in file order
        self.single_prefix: dict[str, array[int]] = {}  # prefix mode, one-word expressions
        shared: dict[Stored, Stored] = {}  # one tuple per distinct parts
        for row, (concept, expression) in enumerate(zip(concepts, expressions, strict=True)):
            segments = () if concept == CONTINUES else _segments(expression, mode == "substring")
            stored: Stored = segments
            if len(segments) == 1:
                stored = segments[0][0] if mode == "substring" else segments[0]
            self.segments.append(shared.setdefault(stored, stored))
            if not segments:
                continue
            head = segments[0][0]
            if mode == "substring":
                key, table = head[:SUBSTRING_KEY], self.first
            elif mode == "prefix" and len(segments) == 1 and len(segments[0]) == 1 and concept not in SPECIAL_IDS:
                key, table = head, self.single_prefix
            else:
                key, table = self._key(segments[0], mode), self.first
            rows = table.get(key)
            if rows is None:
                rows = table[key] = array("I")
            rows.append(row)

    @staticmethod
    def _key(segment: tuple[str, ...], mode: str) -> str:
        """First two words when the expression starts with two fixed words (prefix mode: unless the second may
        still continue), else the first word: keeps candidate lists short for "i have …", "my …"."""
        if len(segment) >= 2 and not (mode == "prefix" and len(segment) == 2):
            return f"{segment[0]} {segment[1]}"
        return segment[0]

    # -- word and prefix modes --------------------------------------------------------------
    def _segment_at(self, tokens: list[str], j: int, segment: tuple[str, ...], last: bool) -> int | None:
        """End of ``segment`` matched at word ``j``; in prefix mode the final word may continue (``last``)."""
        end = j + len(segment)
        if end > len(tokens):
            return None
        for k, word in enumerate(segment):
            token = tokens[j + k]
            if self.mode == "prefix" and last and k == len(segment) - 1:
                if not token.startswith(word):
                    return None
            elif token != word:
                return None
        return end

    def _words_from(self, tokens: list[str], i: int, row: int) -> tuple[int, list[tuple[int, int]]] | None:
        """End (token index) of expression ``row`` matched at token ``i``, and the token ranges its gaps skipped."""
        concept, segments = self.concepts[row], self.segments[row]
        if type(segments[0]) is str:  # one part, no gap
            end = self._segment_at(tokens, i, segments, concept not in SPECIAL_IDS)
            return None if end is None else (end, [])
        position = i
        gaps: list[tuple[int, int]] = []
        for index, segment in enumerate(segments):
            # Negation words are whole words even in prefix mode: "не" must not match "неделю".
            last = index == len(segments) - 1 and concept not in SPECIAL_IDS
            if index == 0:
                end = self._segment_at(tokens, position, segment, last)
            else:
                end = _after_gap(
                    tokens,
                    position,
                    GAP_WORDS,
                    _gap_crosses_clauses(concept),
                    lambda at, segment=segment, last=last: self._segment_at(tokens, at, segment, last),
                    gaps,
                )
            if end is None:
                return None
            position = end
        return position, gaps

    def find_words(self, prepared: str) -> list[Match]:
        tokens = prepared.split(" ")
        starts: list[int] = []
        offset = 0
        for token in tokens:
            starts.append(offset)
            offset += len(token) + 1
        found: list[Match] = []
        for i, token in enumerate(tokens):
            candidates = list(self.first.get(token, ()))
            if i + 1 < len(tokens):
                candidates.extend(self.first.get(f"{token} {tokens[i + 1]}", ()))
            if self.single_prefix:
                for cut in range(1, len(token) + 1):
                    candidates.extend(self.single_prefix.get(token[:cut], ()))
            for row in candidates:
                matched = self._words_from(tokens, i, row)
                if matched is not None:
                    end, gaps = matched
                    spans = tuple((starts[a], starts[b - 1] + len(tokens[b - 1])) for a, b in gaps)
                    found.append(
                        Match(
                            self.concepts[row], starts[i], starts[end - 1] + len(tokens[end - 1]), gaps=spans, row=row
                        )
                    )
        return found

    # -- substring mode ---------------------------------------------------------------------
    def find_chars(self, prepared: str) -> list[Match]:
        found: list[Match] = []
        first = self.first
        for i in range(len(prepared)):
            for length in range(1, min(SUBSTRING_KEY, len(prepared) - i) + 1):
                candidates = first.get(prepared[i : i + length])
                if candidates is None:
                    continue
                for row in candidates:
                    matched = self._chars_from(prepared, i, row)
                    if matched is not None:
                        found.append(Match(self.concepts[row], i, matched[0], gaps=matched[1], row=row))
        return found

    def _chars_from(self, text: str, i: int, row: int) -> tuple[int, tuple[tuple[int, int], ...]] | None:
        segments = self.segments[row]
        if type(segments) is str:  # one part, no gap
            return (i + len(segments), ()) if text.startswith(segments, i) else None
        position = i
        gaps: list[tuple[int, int]] = []
        for index, (segment,) in enumerate(segments):
            if index == 0:
                if not text.startswith(segment, position):
                    return None
                position += len(segment)
                continue
            end = _after_gap(
                text,
                position,
                GAP_CHARS,
                _gap_crosses_clauses(self.concepts[row]),
                lambda at, segment=segment: at + len(segment) if text.startswith(segment, at) else None,
                gaps,
            )
            if end is None:
                return None
            position = end
        return position, tuple(gaps)


def _after_gap(
    items: Sequence[str],
    position: int,
    limit: int,
    cross: bool,
    end_at: Callable[[int], int | None],
    gaps: list[tuple[int, int]],
) -> int | None:
    """End of the next part of an expression, found after a ``*`` gap from ``position`` (None: not found).
    ``items`` are words, or characters in substring mode; at most ``limit`` of them may be skipped. A clause
    mark stops the search, or is skipped without counting when ``cross`` (red-flag expressions, see
    ``_gap_crosses_clauses``). ``end_at(k)``: the part's end if it starts at k. A non-empty skip
    is added to ``gaps``."""
    gap = skipped = 0
    while True:
        end = end_at(position + gap)
        if end is not None:
            if gap:
                gaps.append((position, position + gap))
            return end
        if position + gap >= len(items):
            return None
        if items[position + gap] == CLAUSE_MARK:
            if not cross:
                return None
        else:
            skipped += 1
            if skipped > limit:
                return None
        gap += 1


class LanguageLexicon:
    """Expressions of one language, indexed for its match mode on first use.

    The rows are kept as one text (an expression per line) beside their interned concept ids, not as
    700,000 tuples of separate strings: that is some 70 MB less for the life of the kiosk, and the rows
    are only walked at start (index, spelling reader, language detector) or by staff tools.
    """

    def __init__(self, code: str, mode: str, rows: Iterable[tuple[str, str]], labels: dict[str, str] | None = None):
        self.code = code
        self.mode = mode
        self.labels = dict(labels or {})  # concept id → display label (first row)
        concepts: list[str] = []
        expressions: list[str] = []
        for concept, expression in rows:
            concepts.append(sys.intern(concept))
            expressions.append(expression)
        self._concepts = concepts
        self.text = "\n".join(expressions)  # folded expressions, one per line, in row order
        self.continues = frozenset(e for c, e in zip(concepts, expressions, strict=True) if c == CONTINUES)

    @property
    def rows(self) -> list[tuple[str, str]]:
        """(concept id, folded expression) in file order, built afresh on each call."""
        return list(self.iter_rows())

    def iter_rows(self) -> Iterator[tuple[str, str]]:
        """``rows`` one at a time. What is walked at start-up is walked this way: a list of every row (or of
        every word, ``text_words``) is hundreds of thousands of strings at once, and the process keeps most of
        that memory after they are freed (the Arabic readers alone kept about 60 MB)."""
        return zip(self._concepts, self._expressions(), strict=True)

    def _expressions(self) -> Iterator[str]:
        """The expressions in row order, one at a time (none for a lexicon without rows, whose text is empty)."""
        return _lines(self.text) if self._concepts else iter(())

    def text_words(self) -> Iterator[str]:
        """Every word of every expression (``*`` gaps included), in row order, one at a time."""
        return (m.group() for m in _WORD.finditer(self.text))

    @cached_property
    def _index(self) -> _Index:
        return _Index(self._concepts, self._expressions(), self.mode)

    def warm_up(self) -> None:
        """Build the match index now: for all eleven languages it takes seconds, which belong to the kiosk's
        start, not to the first patient (language detection reads every Latin-script lexicon)."""
        _ = self._index

    def ambiguous(self) -> list[tuple[str, list[str]]]:
        """Expressions written for more than one concept, with their ids in file order.

        When two rows have the same words, the one written first wins every match and the other never fires;
        which one should win is a clinical choice, so the authors' tool lists them instead of leaving it to
        row order unseen.
        """
        ids: dict[str, list[str]] = {}
        for concept, expression in self.iter_rows():
            if concept in SPECIAL_IDS:
                continue
            key = expression.replace(" ", "") if self.mode == "substring" else expression
            found = ids.setdefault(key, [])
            if concept not in found:
                found.append(concept)
        return [(expression, found) for expression, found in ids.items() if len(found) > 1]

    def prepare(self, text: str) -> str:
        """The folded form of ``text`` that match positions refer to."""
        folded = fold(text)
        if self.mode == "substring":
            return folded.replace(" ", "")
        if self.continues and CLAUSE_MARK in folded:
            tokens = folded.split(" ")
            kept = [
                token
                for token, after in zip(tokens, [*tokens[1:], ""], strict=True)
                if not (token == CLAUSE_MARK and after in self.continues)
            ]
            return " ".join(kept)
        return folded

    def match(self, text: str, keep_negation: bool = False) -> list[Match]:
        """Concepts in ``text``, longest non-overlapping expressions first, in reading order.

        Of two expressions over the same span, the one that skipped less with its `*` gaps wins (the literal
        "嘴唇都冇腫", lips not swollen, over the red flag "嘴唇*腫"): the more literal reading is what its
        author wrote for exactly these words. Only then does file order decide.
        """
        prepared = self.prepare(text)
        result = self._apply_negation(prepared, self._chosen(prepared))
        return result if keep_negation else [m for m in result if m.concept not in SPECIAL_IDS]

    def _words(self, text: str) -> tuple[str, list[str]]:
        """The prepared form of ``text`` and its words (substring mode reads them without spaces)."""
        prepared = self.prepare(text)
        return prepared, prepared.split(" ") if self.mode != "substring" else fold(text).split()

    def _spans(self, words: list[str]) -> list[tuple[int, int]]:
        spans, start = [], 0
        for word in words:
            spans.append((start, start + len(word)))
            start += len(word) + (self.mode != "substring")
        return spans

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as this lexicon reads them."""
        return self._words(text)[1]

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """Where each word of ``text`` lies in the prepared form that match positions refer to."""
        return self._spans(self.words(text))

    def words_used(self, text: str) -> set[int]:
        """The positions, among ``words(text)``, of the words an expression this lexicon found (a symptom, a
        negation, a denial) used, wholly or in part."""
        prepared, words = self._words(text)
        found = [(m.start, m.end) for m in self._chosen(prepared)]
        return {
            position
            for position, (start, end) in enumerate(self._spans(words))
            if any(s < end and e > start for s, e in found)
        }

    def _chosen(self, prepared: str) -> list[Match]:
        """The expressions read in ``prepared``, before negation, in reading order."""
        if not prepared:
            return []
        index = self._index
        found = index.find_chars(prepared) if self.mode == "substring" else index.find_words(prepared)
        denials = [m for m in found if m.concept == DENIAL]
        if denials:
            found = [m for m in found if not _denied_after_clause(m, denials, prepared)]
        found.sort(key=lambda m: (m.start - m.end, m.start, m.skipped, m.row))
        chosen: list[Match] = []
        for candidate in found:
            clashes = [kept for kept in chosen if candidate.start < kept.end and candidate.end > kept.start]
            if not clashes or (
                candidate.concept.startswith(RED_FLAG_PREFIX) and all(_in_gap(candidate, k) for k in clashes)
            ):
                chosen.append(candidate)
        chosen.sort(key=lambda m: m.start)
        return chosen

    def negate_borrowed(self, text: str, borrowed: list[Match]) -> list[Match]:
        """``borrowed`` (the English lexicon's matches on this language's ``text``: "walang stiff neck", "no tengo
        chest pain") with this language's negation applied to them too, as the patient meant it.

        The same rules as for the language's own symptoms: a red flag only by a cue right before it. English
        words this lexicon also read take the negation of its own reading, and words inside one of its
        ``_denied`` statements ("no era convulsión") are not read as a symptom at all. Words this lexicon read as
        a symptom of its own come back ``echoed``, so that the model does not count them twice. ``borrowed``
        positions are in the folded text (word mode); what is returned keeps them.
        """
        if not borrowed:  # most complaints: no English words, so no second reading of the text
            return borrowed
        prepared = self.prepare(text)
        own = self._chosen(prepared)
        to_own = _substring_positions(fold(text)) if self.mode == "substring" else None
        placed = [
            replace(b, start=to_own[b.start], end=to_own[b.end], gaps=()) if to_own else replace(b, gaps=())
            for b in borrowed
        ]
        unders = [[o for o in own if p.start < o.end and p.end > o.start] for p in placed]
        echoed = [any(o.concept not in SPECIAL_IDS for o in under) for under in unders]
        if not any(m.concept in SPECIAL_IDS for m in own):
            return [replace(b, echoed=e) for b, e in zip(borrowed, echoed, strict=True)]
        loose = [p for p, under in zip(placed, unders, strict=True) if not under]
        combined = sorted([*own, *loose], key=lambda m: (m.start, m.concept in SPECIAL_IDS))
        negated = {
            id(m): read.negated for m, read in zip(combined, self._apply_negation(prepared, combined), strict=True)
        }
        result = []
        for original, p, under, echo in zip(borrowed, placed, unders, echoed, strict=True):
            if any(o.concept == DENIAL and o.start <= p.start and p.end <= o.end for o in under):
                continue  # words of a statement that it did not happen ("no era convulsión"), as for its own rows
            # Words this lexicon read as the same symptom: its reading of them decides.
            same = any(negated[id(o)] for o in under if o.concept == p.concept)
            now = negated.get(id(p), same)
            result.append(replace(original, negated=original.negated or now, echoed=echo))
        return result

    def _apply_negation(self, prepared: str, matches: list[Match]) -> list[Match]:
        result: list[Match] = []
        cue: Match | None = None
        cue_follows_symptom = False
        previous: Match | None = None  # the last symptom (or denial) read
        for m in matches:
            if m.concept == NEGATION:
                cue = m
                # "температуры нет болит грудь", "呕吐也没有胸口疼": a cue after a symptom in the same clause
                # may be that symptom's post-posed "not", so it must not cancel a red flag that follows.
                cue_follows_symptom = previous is not None and CLAUSE_MARK not in prepared[previous.end : m.start]
                result.append(m)
                continue
            negated = False
            if cue is not None and m.concept != DENIAL:
                if m.concept.startswith(RED_FLAG_PREFIX):
                    negated = not cue_follows_symptom and self._within_reach(prepared[cue.end : m.start], True)
                else:
                    negated = self._within_reach(prepared[cue.end : m.start])
            result.append(Match(m.concept, m.start, m.end, negated, m.gaps))
            cue = None  # a cue negates the first symptom after it, no more
            previous = m
        return result

    def _within_reach(self, between: str, adjacent: bool = False) -> bool:
        """Whether a cue this far before a symptom negates it. Red-flag symptoms (``adjacent``) are
        cancelled only by a cue right before them ("no chest pain"), and only when no other symptom
        precedes the cue in its clause: sensitivity comes first, so "no fever and really bad chest
        pain" and "температуры нет болит грудь" still stop the patient."""
        if CLAUSE_MARK in between:
            return False
        if adjacent:
            return not between.strip()
        if self.mode == "substring":
            return len(between) <= NEGATION_REACH_CHARS
        return len(between.split()) <= NEGATION_REACH_WORDS


def _lines(text: str) -> Iterator[str]:
    """``text.split("\\n")``, one line at a time."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _substring_positions(folded: str) -> list[int]:
    """Position in ``folded`` → position in ``folded`` without its spaces (a substring-mode lexicon's text)."""
    positions, at = [], 0
    for char in folded:
        positions.append(at)
        at += char != " "
    positions.append(at)
    return positions


def _denied_after_clause(match: Match, denials: list[Match], prepared: str) -> bool:
    """Whether a red-flag expression reached across a clause end only to words its patient denies there:
    "dolor de cabeza, no de repente", "fever, not confused", "lábios normais, não estão roxos". A red flag's
    gap may cross a comma (``_gap_crosses_clauses``); a ``_denied`` statement cannot, so without
    this the expression would outrank the denial that covers its last words. Only a whole ``_denied``
    statement in that last clause counts, never a bare "not": in "sangra, no para" the "no" is the emergency."""
    if not match.gaps or not match.concept.startswith(RED_FLAG_PREFIX):
        return False
    last_clause = prepared.rfind(CLAUSE_MARK, match.start, match.end)
    if last_clause < 0:
        return False
    tail = match.gaps[-1][1]  # where the words after the last gap begin
    return any(last_clause < d.start and d.start <= tail < d.end for d in denials)


def _in_gap(inner: Match, outer: Match) -> bool:
    """Whether ``inner`` lies wholly in words that ``outer``'s `*` skipped. A longer expression wins over the
    shorter ones it overlaps ("dolor de pecho al toser" is not the red flag "dolor de pecho"), but not over a
    red flag it merely stepped across: "fever * not going down" must not hide the seizure in "fever, seizure,
    not going down"."""
    return any(start <= inner.start and inner.end <= end for start, end in outer.gaps)


class Lexicon:
    """All languages' expressions over one shared set of concepts.

    Language files are read when first needed (``lazy``): the welcome screen must appear in
    about a second, and reading eleven languages' files takes longer than that. ``load_all``
    reads and checks every file (the self-test and staff tools do).
    """

    def __init__(
        self,
        concepts: dict[str, Concept],
        languages: dict[str, LanguageLexicon] | None = None,
        lazy: dict[str, Callable[[], LanguageLexicon]] | None = None,
    ):
        self.concepts = concepts
        self._loaded = dict(languages or {})
        self._lazy = dict(lazy or {})
        self._lock = threading.Lock()

    @property
    def codes(self) -> list[str]:
        return sorted(set(self._loaded) | set(self._lazy))

    @property
    def languages(self) -> dict[str, LanguageLexicon]:
        self.load_all()
        return dict(self._loaded)

    def load_all(self) -> None:
        for code in list(self._lazy):
            self.for_language(code)

    def for_language(self, code: str) -> LanguageLexicon | None:
        found = self._loaded.get(code)
        if found is not None or code not in self._lazy:
            return found
        with self._lock:
            if code in self._lazy:
                self._loaded[code] = self._lazy.pop(code)()
            return self._loaded[code]

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


def load_language(
    path: Path, code: str, mode: str, concepts: dict[str, Concept], cache: DerivedCache | None = None
) -> LanguageLexicon:
    """Read, check and fold one language's file; ``cache`` keeps the folded rows of an unchanged file."""
    key = name = None
    if cache is not None and cache.directory is not None:
        try:
            source = path.read_bytes()
        except OSError:
            source = None  # _read_tsv below says what is wrong
        if source is not None:
            name, key = f"lexicon_{code}", fingerprint(_code_key(), source, _concepts_fingerprint(concepts))
            stored = cache.load_json(name, key)
            if isinstance(stored, dict):
                return LanguageLexicon(code=code, mode=mode, rows=stored["rows"], labels=stored["labels"])
    rows: list[tuple[str, str]] = []
    labels: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for number, (cid, expression) in _read_tsv(path, ("id", "expression")):
        if cid not in SPECIAL_IDS and cid not in concepts:
            raise ConfigError(f"{path}, line {number}: {cid!r} is not a concept in canonical.tsv.")
        folded = " ".join(_fold_keep_gap(expression))
        if not folded.replace(GAP, "").strip():
            raise ConfigError(f"{path}, line {number}: the expression is empty after removing punctuation.")
        if cid == CONTINUES and (len(folded.split()) != 1 or GAP in folded or mode == "substring"):
            raise ConfigError(
                f"{path}, line {number}: a {CONTINUES} row is one word (no spaces, no *), in a language whose "
                "words are separated by spaces."
            )
        labels.setdefault(cid, expression)
        if (cid, folded) in seen:
            continue
        seen.add((cid, folded))
        rows.append((cid, folded))
    if cache is not None and key is not None:
        cache.save_json(name, key, {"rows": rows, "labels": labels})
    return LanguageLexicon(code=code, mode=mode, rows=rows, labels=labels)


@functools.cache
def _code_key() -> str:
    """Folded rows depend on this module and on textnorm's folding (with its table of Chinese character
    variants): editing any of them invalidates them."""
    return code_fingerprint([textnorm, han_variants, sys.modules[__name__]])


def _concepts_fingerprint(concepts: dict[str, Concept]) -> str:
    """Which ids are valid decides whether a file loads at all, so it is part of the cache key."""
    return "\n".join(sorted(concepts))


def _fold_keep_gap(expression: str) -> list[str]:
    """Fold each side of ``*`` separately so the gap marker survives folding."""
    tokens: list[str] = []
    for index, piece in enumerate(expression.split(GAP)):
        if index:
            tokens.append(GAP)
        tokens.extend(fold(piece).replace(CLAUSE_MARK, " ").split())
    return tokens


def load_lexicon(
    directory: Path, modes: dict[str, str], eager: tuple[str, ...] | None = None, cache: DerivedCache | None = None
) -> Lexicon:
    """Load ``canonical.tsv`` and one ``<code>.tsv`` per language in ``modes`` (code → match mode).

    Languages in ``eager`` are read now (default: all); the others on first use. Every file must
    exist now either way, so a missing language is reported at start, not in front of a patient.
    """
    concepts = load_concepts(directory / "canonical.tsv")
    missing = [code for code in modes if not (directory / f"{code}.tsv").is_file()]
    if missing:
        raise ConfigError(
            f"The lexicon has no file for {', '.join(missing)} in {directory} (each offered language needs <code>.tsv)."
        )
    eager = tuple(modes) if eager is None else eager
    loaded = {
        code: load_language(directory / f"{code}.tsv", code, modes[code], concepts, cache)
        for code in eager
        if code in modes
    }
    lazy = {
        code: partial(load_language, directory / f"{code}.tsv", code, mode, concepts, cache)
        for code, mode in modes.items()
        if code not in loaded
    }
    return Lexicon(concepts, loaded, lazy)


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
    lexicon = Lexicon(
        concepts,
        {args.code: load_language(paths.lexicon_dir() / f"{args.code}.tsv", args.code, language.match, concepts)},
    )
    lang_lex = lexicon.languages[args.code]
    if args.text:
        for m in lang_lex.match(args.text, keep_negation=True):
            print(f"{m.concept}{' (negated)' if m.negated else ''}")
        return 0
    covered = {cid for cid, _ in lang_lex.rows}
    missing = [cid for cid in concepts if cid not in covered]
    print(
        f"{args.code}: {len(lang_lex.rows)} expressions, {len(covered - set(SPECIAL_IDS))}/{len(concepts)} concepts covered"
    )
    if missing:
        print("not covered:", ", ".join(missing))
    ambiguous = lang_lex.ambiguous()
    if ambiguous:
        print(f"{len(ambiguous)} expressions name more than one concept; the first wins every match (decide each):")
        for expression, found in ambiguous:
            print(f"  {expression}: {found[0]} (wins) over {', '.join(found[1:])}")
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
            print(
                f"{item.get('label') or item.get('red_flag')!s:>22} | {item['text']} -> {' '.join(found) or 'NOTHING'}"
            )
        print(f"complaints with no concept found: {empty}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
