"""Reading a misspelled emergency word as the word the patient meant.

Patients type fast on a touchscreen, often in distress, and the lexicon matches spellings exactly:
"chset pain", "no puedo respirr" or "ينزف" typed "يزنف" used to reach a specialty queue. The red-flag
screen therefore gets a second look at any complaint it did not stop: words the lexicon does not know
are compared with the words of red-flag expressions, and a word one typing slip away is read as that
word. Only the red-flag screen uses this reading; the complaint itself is never changed.

What counts as a slip is deliberately narrow, because every extra correction is a chance to turn an
ordinary word into an alarming one ("الجلسة", a sitting, is one letter from "الجلطه", a clot):

- one letter dropped, added, or two neighbours swapped, or one letter replaced by a key next to it
  on the language's keyboard or by a letter that sounds alike (``resources/spelling.toml``);
- never the first letter (unless it sounds alike); never a word of fewer than ``min_length`` letters;
- a word the lexicon (or, for English, the model) knows is never corrected;
- a corrected word raises the alarm on its own only when it is long and was no common word of the
  language (``resources/wordlists/``); otherwise the red-flag expression must also use a word the
  patient typed as it is: "chset pain", not "chset"; "الجلسة" (a sitting) alone is a real word, not a
  misspelled "الجلطة" (a clot).
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.datafiles import read_toml
from kiosk.errors import ConfigError
from kiosk.triage.lexicon import GAP, RED_FLAG_PREFIX, SPECIAL_IDS, LanguageLexicon, Match
from kiosk.triage.textnorm import CLAUSE_MARK, fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LanguageSpelling:
    """What a typing slip looks like in one language."""

    neighbours: frozenset[tuple[str, str]]  # letter pairs a slip may swap one for the other (both orders)
    min_length: int
    alike: frozenset[tuple[str, str]] = frozenset()  # the sound-alike pairs among them  # shortest word corrected
    prefixes: tuple[str, ...] = ()  # attached words a known word may carry ("و", "ال"), longest first
    suffixes: tuple[str, ...] = ()  # endings and particles ("ها", "이")
    hangul: bool = False  # a syllable block with one of its letters (jamo) mistyped is a slip
    common_words: Path | None = None  # the language's common words (never alone an emergency), if shipped


@dataclass(frozen=True)
class SpellingSettings:
    alone_min_length: int
    max_readings: int
    languages: dict[str, LanguageSpelling]


@dataclass(frozen=True)
class Reading:
    """The complaint with some unknown words read as red-flag words: ``text`` is folded (the lexicon
    matches it as it would the patient's), ``spans`` are the corrected words' positions in the lexicon's
    prepared form of it, ``corrections`` say what was read as what ("chset→chest")."""

    text: str
    spans: tuple[tuple[int, int, bool], ...]  # (start, end, may stand alone as the emergency)
    corrections: tuple[str, ...]


class SpellingReader:
    """One language's red-flag vocabulary, indexed so a misspelled word finds its candidates by lookup.

    Every red-flag word is stored under each form with one letter removed; a typed word then finds words
    it differs from by one dropped, added, replaced or swapped letter through a handful of lookups.
    """

    def __init__(
        self,
        lexicon: LanguageLexicon,
        spelling: LanguageSpelling,
        settings: SpellingSettings,
        known: Iterable[str] = (),
    ):
        self.mode = lexicon.mode
        self.spelling = spelling
        self.settings = settings
        self.known: set[str] = set(known)  # whole words the model knows; the lexicon's are in vocabulary
        self.common = read_word_list(spelling.common_words) if spelling.common_words else WordSet(())
        # The rows' text word by word: a Python loop per row cost a second per start on Arabic's 200,000.
        self.vocabulary: set[str] = set(lexicon.text_words())
        self.vocabulary.discard(GAP)
        flag_words = {
            word
            for concept, expression in lexicon.iter_rows()
            if concept.startswith(RED_FLAG_PREFIX) and concept not in SPECIAL_IDS
            for word in expression.split()
            if word != GAP and len(word) >= spelling.min_length
        }
        self.flag_words = frozenset(flag_words)
        # Each word's one-letter deletions → the words: hundreds of thousands of keys, most for one word, so
        # their words are kept as a tuple (a one-word set costs four times as much: about 40 MB over eleven
        # languages).
        by_deletion: dict[str, list[str]] = {}
        for word in flag_words:
            for shorter in _deletions(word):
                by_deletion.setdefault(shorter, []).append(word)
        self._by_deletion: dict[str, tuple[str, ...]] = {key: tuple(words) for key, words in by_deletion.items()}

    # -- one word ---------------------------------------------------------------------------
    def knows(self, word: str) -> bool:
        """Whether the lexicon reads ``word`` (possibly with attached words or endings, or, in prefix mode, as
        a stem's inflection): such a word is never corrected."""
        if self.mode == "prefix":  # the lexicon's stems: "болит" reads "болитт"
            return any(word[:cut] in self.vocabulary for cut in range(3, len(word) + 1))
        return any(stem in self.vocabulary for stem in self._stems(word))

    def is_common(self, word: str) -> bool:
        """Whether ``word`` is a common word of the language: corrected only where the words around it
        confirm the emergency ("الم في سدره", سدره being a real word, is still "الم في صدره")."""
        return any(stem in self.known or stem in self.common for stem in self._stems(word))

    def _stems(self, word: str) -> set[str]:
        stems = {word} | {word[len(p) :] for p in self.spelling.prefixes if word.startswith(p)}
        stems |= {
            stem[: -len(s)]
            for stem in list(stems)
            for s in self.spelling.suffixes
            if stem.endswith(s) and len(stem) > len(s) + 1
        }
        return stems

    def candidates(self, word: str) -> list[str]:
        """Red-flag words ``word`` may be a slip of, most likely first (sorted for repeatable results).
        Attached words are kept as typed ("وينزف" read through "ينزف"); Arabic endings are not split off,
        because one slip from an ending-bearing word is too often another real word ("المسها", touch it,
        would become "السمها", poison it)."""
        shortest = self.spelling.min_length
        if self.mode == "prefix":
            # A stem the lexicon matches as a prefix: correct the word's start, keep its ending.
            for cut in range(len(word), shortest - 1, -1):
                found = self._near(word[:cut])
                if found:
                    return [stem + word[cut:] for stem in found]
            return []
        splits = [("", word, "")]
        splits += [(p, word[len(p) :], "") for p in self.spelling.prefixes if word.startswith(p)]
        if self.spelling.hangul:  # Korean particles are separate words written attached: 통즘이 is 통즘 + 이
            splits += [("", word[: -len(x)], x) for x in self.spelling.suffixes if word.endswith(x)]
        for before, stem, after in splits:
            found = self._near(stem) if len(stem) >= shortest else []
            if found:
                return [before + near + after for near in found]
        return []

    def _near(self, word: str) -> list[str]:
        pool = set(self._by_deletion.get(word, ()))  # a letter dropped
        for shorter in _deletions(word):
            if shorter in self.flag_words:  # a letter added
                pool.add(shorter)
            pool.update(self._by_deletion.get(shorter, ()))  # replaced or swapped (checked below)
        return sorted(w for w in pool if w != word and self._same_start(word, w) and self._one_slip(word, w))

    def _same_start(self, typed: str, word: str) -> bool:
        """People rarely mistype a word's first letter, but do spell it by ear (سدره for صدره); in Hangul,
        the first syllable's first consonant."""
        if typed[0] == word[0] or (typed[0], word[0]) in self.spelling.alike:
            return True
        return self.spelling.hangul and _jamo(typed[0])[:1] == _jamo(word[0])[:1] != ()

    def _one_slip(self, typed: str, word: str) -> bool:
        if len(typed) != len(word):
            return True  # the deletion index only pairs words one added letter apart
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) == 1:
            a, b = typed[diff[0]], word[diff[0]]
            return (a, b) in self.spelling.neighbours or (self.spelling.hangul and _one_jamo_apart(a, b))
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )

    # -- a complaint --------------------------------------------------------------------------
    def readings(self, text: str) -> list[Reading]:
        """The complaint with its unknown words read as red-flag words: first every word's likeliest
        reading, then one reading per other candidate (a slip can fit two words; sensitivity first).
        Empty when no word needs reading."""
        words = fold(text).split(" ")
        options: list[list[str]] = []
        for word in words:
            found = self.candidates(word) if self._worth_reading(word) else []
            options.append(found or [word])
        if all(option == [word] for option, word in zip(options, words, strict=True)):
            return []
        choices = [[option[0] for option in options]]
        for i, option in enumerate(options):
            for other in option[1:]:
                choice = list(choices[0])
                choice[i] = other
                choices.append(choice)
        return [self._reading(words, choice) for choice in choices[: self.settings.max_readings]]

    def _worth_reading(self, word: str) -> bool:
        return (
            len(word) >= self.spelling.min_length
            and word != CLAUSE_MARK
            and not any(c.isdigit() for c in word)
            and not self.knows(word)
        )

    def _reading(self, typed: list[str], chosen: list[str]) -> Reading:
        separator = 0 if self.mode == "substring" else 1  # substring matching reads the text without spaces
        spans: list[tuple[int, int]] = []
        corrections: list[str] = []
        position = 0
        for was, now in zip(typed, chosen, strict=True):
            if was != now:
                # A corrected word may stand alone as the emergency only if it is long and was no real word.
                alone = len(now) >= self.settings.alone_min_length and not self.is_common(was)
                spans.append((position, position + len(now), alone))
                corrections.append(f"{was}→{now}")
            position += len(now) + separator
        return Reading(" ".join(chosen), tuple(spans), tuple(corrections))

    def usable(self, match: Match, reading: Reading) -> bool:
        """A match on a reading counts unless it is one corrected word on its own that may not stand alone."""
        return not any(start <= match.start and match.end <= end and not alone for start, end, alone in reading.spans)

    def matches(self, lexicon: LanguageLexicon, text: str) -> Iterator[tuple[Reading, list[Match]]]:
        """Each reading of ``text`` with the lexicon's usable matches on it."""
        for reading in self.readings(text):
            yield reading, [m for m in lexicon.match(reading.text) if self.usable(m, reading)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _jamo(syllable: str) -> tuple[int, ...]:
    """A Hangul syllable block's letters (first consonant, vowel, final consonant); () for anything else."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return ()
    return code // 588, code % 588 // 28, code % 28


def _one_jamo_apart(a: str, b: str) -> bool:
    """통증 typed 통즘, 임신 typed 인신: the same block but for one letter."""
    ja, jb = _jamo(a), _jamo(b)
    return bool(ja and jb) and sum(x != y for x, y in zip(ja, jb, strict=True)) == 1


class WordSet:
    """Membership in a language's word list at 8 bytes a word: the word's hash in a sorted array (a set of
    half a million Python strings cost ~60 MB of the kiosk's memory). Hashes are this process's own
    ``hash()``, so the array is built at load, never stored; a 64-bit collision would only mean that one
    misspelled word needs a confirming word next to it."""

    def __init__(self, words: Iterable[str]):
        import numpy as np

        self._hashes = np.unique(np.fromiter((hash(word) for word in words), dtype=np.int64))

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, word: object) -> bool:
        import numpy as np

        key = hash(word)
        at = int(np.searchsorted(self._hashes, key))
        return at < len(self._hashes) and int(self._hashes[at]) == key


def read_word_list(path: Path) -> WordSet:
    """One folded word per line (``scripts/build_wordlists.py``); a damaged list is read as no list, because
    the screen is still safe without it (it only corrects more), and is logged for IT."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
        log.error("The word list %s cannot be read (%s); rebuild it with scripts/build_wordlists.py", path, exc)
        return WordSet(())
    return WordSet(line for line in text.splitlines() if line and not line.startswith("#"))


# -- settings file -------------------------------------------------------------------------------
def load_spelling(path: Path, language_codes: Iterable[str]) -> SpellingSettings:
    """Read ``spelling.toml``; languages it does not list are read without corrections, and entries for
    languages the hospital does not offer are checked but not kept."""
    data = read_toml(path, "The spelling settings")
    codes = set(language_codes)
    numbers = {}
    for key, default, lowest in (("min_length", 4, 2), ("alone_min_length", 8, 1), ("max_readings", 12, 1)):
        numbers[key] = _whole_number(data, key, default, lowest, str(path))
    layouts = data.get("layouts", {})
    if not isinstance(layouts, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, str) and row for row in rows) for rows in layouts.values()
    ):
        raise ConfigError(f"{path}: [layouts] must give each keyboard as a list of rows of letters.")
    languages: dict[str, LanguageSpelling] = {}
    seen: set[str] = set()
    for number, entry in enumerate(data.get("language", []), start=1):
        where = f"{path}, language entry {number}"
        code = entry.get("code")
        if not isinstance(code, str) or not code:
            raise ConfigError(f"{where} needs a code (the language's code from languages.toml).")
        if code in seen:
            raise ConfigError(f"{where}: {code} is listed twice.")
        layout = entry.get("keyboard", "")
        if layout and layout not in layouts:
            raise ConfigError(f"{where} ({code}): keyboard {layout!r} is not one of the [layouts].")
        shortest = _whole_number(entry, "min_length", numbers["min_length"], 2, f"{where} ({code})")
        if not isinstance(entry.get("hangul", False), bool):
            raise ConfigError(f"{where} ({code}): hangul must be true or false.")
        lists = {}
        for key in ("sound_alike", "prefixes", "suffixes"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                raise ConfigError(f"{where} ({code}): {key} must be a list of non-empty texts in quotes.")
            lists[key] = [fold(item).replace(" ", "") for item in value]
        seen.add(code)
        if code not in codes:
            continue
        alike = _alike_pairs(lists["sound_alike"])
        languages[code] = LanguageSpelling(
            frozenset(_keyboard_neighbours(layouts.get(layout, [])) | alike),
            shortest,
            frozenset(alike),
            tuple(sorted(lists["prefixes"], key=len, reverse=True)),
            tuple(sorted(lists["suffixes"], key=len, reverse=True)),
            entry.get("hangul", False),
            _word_list(path.parent, code),
        )
    return SpellingSettings(numbers["alone_min_length"], numbers["max_readings"], languages)


def _word_list(resources: Path, code: str) -> Path | None:
    path = resources / "wordlists" / f"{code}.txt.gz"
    return path if path.is_file() else None


def _whole_number(table: dict, key: str, default: int, lowest: int, where: str) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
        raise ConfigError(f"{where}: {key} must be a whole number of at least {lowest}.")
    return value


def _keyboard_neighbours(rows: list[str]) -> set[tuple[str, str]]:
    """Keys beside each other on a row, and the two keys touching each key on the row below (rows are
    staggered). Letters are folded as patient text is, so "ة" pairs as "ه" does."""
    folded = [[fold(key) for key in row] for row in rows]
    pairs: set[tuple[str, str]] = set()
    for r, row in enumerate(folded):
        for i, key in enumerate(row):
            touching = row[i + 1 : i + 2]
            if r + 1 < len(folded):
                touching += folded[r + 1][max(i - 1, 0) : i + 1]
            for other in touching:
                if key and other and key != other:
                    pairs |= {(key, other), (other, key)}
    return pairs


def _alike_pairs(groups: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for group in groups for a in group for b in group if a != b}
