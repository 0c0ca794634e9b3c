"""Reading a language typed in Latin letters (Arabizi) through the rows written in its own script.

Arabic-speaking patients without an Arabic keyboard write "3andi wja3 fi batni" for "عندي وجع في بطني", and
no two of them spell it alike: vowels come and go, "2" is a hamza or a qaf, "7" and "h" blur. The lexicon's
Latin-letter rows can only list the spellings their authors met; on complaints nobody had seen, the Arabizi
ones were read about half as well as those in Arabic script. The language's own rows are two orders of
magnitude more numerous, so this module maps each Latin word to the lexicon word with the same consonants,
as Latin spellings hear them, and lets the lexicon read the complaint once more in its own script.

Consonant skeletons collide ("rasi" head, "rusi" Russian), so the most used lexicon word of a skeleton
wins: the lexicon's own word counts say which reading a complaint most likely means. The reading is only
added to what the Latin rows found, never put in their place, and the spelling table is data
(``resources/romanization.toml``) a linguist can correct.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kiosk.datafiles import read_toml
from kiosk.errors import ConfigError
from kiosk.triage.textnorm import CLAUSE_MARK, fold

MAX_VARIANTS = 16  # readings of one ambiguous Latin word tried, in the order the table lists them
CANDIDATES = 24  # lexicon words kept per consonant skeleton, the most used first
SILENT = ""
ANY = "*"  # a vowel that may be any vowel (Latin "e"; the script's first letter when it is a vowel)


@dataclass(frozen=True)
class Romanization:
    """One language's Latin spellings: which letters they cannot tell apart and which they leave out.

    A consonant group's key is an upper-case letter and a vowel's a lower-case one, so a word's *shape*
    (consonants and vowels) and its *skeleton* (consonants only) are plain strings."""

    letter_class: dict[str, str]  # letter of the script → its group's key, or its vowel
    latin: dict[str, tuple[str, ...]]  # Latin spelling → what it may stand for, most likely first
    end_letter: str  # letter read as a vowel at the end of a word, "" if none
    end_latin: frozenset[str]
    end_vowel: str
    attached: frozenset[str]

    @cached_property
    def longest_spelling(self) -> int:
        return max(map(len, self.latin))


def load_romanization(path: Path, language_codes: Iterable[str]) -> dict[str, Romanization]:
    """Read and check ``romanization.toml``: a mistake names the language and the entry to fix. A missing
    file means no language is read from Latin letters this way (the Latin-letter rows still are)."""
    if not path.exists():
        return {}
    data = read_toml(path, "The Latin-letter spelling table")
    codes = set(language_codes)
    return {code: _language(entry, f"{path}, [{code}]") for code, entry in data.items() if code in codes}


def _spellings(value: object, what: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and fold(item) for item in value):
        raise ConfigError(f"{where}: {what} must be a list of Latin letters or digits in quotes.")
    folded = [fold(item) for item in value]
    if any(not item.isascii() or " " in item for item in folded):
        raise ConfigError(f"{where}: {what} may only list Latin letters and digits, one spelling per entry.")
    return folded


def _vowel_table(value: object, what: str, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) and len(v) <= 1 for v in value.values()):
        raise ConfigError(f'{where}: {what} must be a table of letters, each with one vowel ("a"), "*" or "".')
    table = {fold(letter): vowel.lower() for letter, vowel in value.items()}
    if not all(len(letter) == 1 for letter in table) or not all(v in ("", ANY) or v.isalpha() for v in table.values()):
        raise ConfigError(f'{where}: {what} must list single letters, each with one vowel letter, "*" or "".')
    return table


def _language(entry: object, where: str) -> Romanization:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} must be a table with groups, vowels and latin_vowels.")
    groups = entry.get("groups")
    if not isinstance(groups, list) or not groups or len(groups) > 26:
        raise ConfigError(f"{where}: groups must list (at most 26) letter groups and their Latin spellings.")
    letter_class: dict[str, str] = {}
    latin: dict[str, list[str]] = {}
    for number, group in enumerate(groups, start=1):
        letters = group.get("letters") if isinstance(group, dict) else None
        if not isinstance(letters, str) or not fold(letters):
            raise ConfigError(f"{where}, group {number}: letters must be the script's letters in quotes.")
        key = chr(ord("A") + number - 1)
        for letter in fold(letters).replace(" ", ""):
            if letter in letter_class:
                raise ConfigError(f"{where}, group {number}: the letter {letter} is already in another group.")
            letter_class[letter] = key
        for spelling in _spellings(group.get("latin"), "latin", f"{where}, group {number}"):
            latin.setdefault(spelling, []).append(key)
    for letter, vowel in _vowel_table(entry.get("vowels", {}), "vowels", where).items():
        if letter in letter_class:
            raise ConfigError(f"{where}: the letter {letter} is both a vowel and in a group.")
        letter_class[letter] = vowel
    for spelling, vowel in _vowel_table(entry.get("latin_vowels", {}), "latin_vowels", where).items():
        latin.setdefault(spelling, []).append(vowel)
    end = entry.get("silent_at_end", {})
    if not isinstance(end, dict) or len(fold(end.get("letter", ""))) > 1:
        raise ConfigError(f'{where}: silent_at_end must be {{ letter = "…", latin = ["…"], vowel = "a" }}.')
    end_letter = fold(end.get("letter", ""))
    return Romanization(
        letter_class=letter_class,
        latin={spelling: tuple(keys) for spelling, keys in latin.items()},
        end_letter=end_letter,
        end_latin=frozenset(_spellings(end.get("latin", []), "silent_at_end latin", where) if end_letter else ()),
        end_vowel=str(end.get("vowel", "")).lower()[:1],
        attached=frozenset(_spellings(entry.get("attached", []), "attached", where)),
    )


def _shape(keys: Iterable[str]) -> str:
    """Consonant keys and vowels in order; a consonant typed twice in a row ("7ammam") is one."""
    out: list[str] = []
    for key in keys:
        if key and not (out and key.isupper() and out[-1] == key):
            out.append(key)
    return "".join(out)


def skeleton(shape: str) -> str:
    return "".join(key for key in shape if key.isupper())


def script_shape(word: str, table: Romanization) -> str | None:
    """A word in the language's script as consonant groups and vowels; None for a word with other letters."""
    keys = []
    for position, letter in enumerate(word):
        if position == len(word) - 1 and letter == table.end_letter and position:
            keys.append(table.end_vowel)
            continue
        key = table.letter_class.get(letter)
        if key is None:
            return None
        # A vowel letter opening a word carries whatever vowel it is said with (Arabic ا for a, i or u).
        keys.append(ANY if position == 0 and key and key.islower() else key)
    return _shape(keys)


def latin_shapes(word: str, table: Romanization) -> list[tuple[str, int]]:
    """The shapes a Latin word may have, each with how far from the likeliest reading it is (ambiguous
    spellings are tried in table order)."""
    units: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        for size in range(min(table.longest_spelling, len(word) - i), 0, -1):
            spelling = word[i : i + size]
            options = table.latin.get(spelling)
            if options is not None:
                # "7ararah": a final h after a vowel is the script's end letter; "nkoh" ends in a consonant.
                before = table.latin.get(word[i - 1], (SILENT,))[0] if i else SILENT
                if i + size == len(word) and spelling in table.end_latin and before and not before.isupper():
                    options = (table.end_vowel, *options)
                units.append(options)
                i += size
                break
        else:
            return []  # a letter the table does not know: not this language
    readings: dict[str, int] = {}
    for choice in itertools.islice(itertools.product(*(range(len(unit)) for unit in units)), MAX_VARIANTS):
        shape = _shape(unit[picked] for unit, picked in zip(units, choice, strict=True))
        if skeleton(shape) and shape not in readings:
            readings[shape] = sum(choice)  # how far from each spelling's first reading this one strays
    return list(readings.items())


def _agreement(a: str, b: str) -> int:
    """How alike two shapes are: 0 for the same, less for each letter only one of them has. Letters are
    paired in order (longest common subsequence); a vowel paired with an any-vowel counts half."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            weight = 2 if x == y else 1 if ANY in (x, y) and (x + y).replace(ANY, "").islower() else 0
            current.append(max(previous[j] + weight if weight else 0, previous[j + 1], current[j]))
        previous = current
    return previous[-1] - len(a) - len(b)


class RomanizedReader:
    """Rewrites a complaint's Latin words as the lexicon's words in the script, where one fits."""

    def __init__(self, table: Romanization, script_words: Iterable[str]):
        """``script_words``: the lexicon's words, each as often as the rows use it."""
        self.table = table
        self._digits = frozenset(c for spelling in table.latin for c in spelling if c.isdigit())
        by_skeleton: dict[str, list[tuple[int, str, str]]] = {}
        for word, count in Counter(script_words).most_common():
            shape = script_shape(word, table)
            consonants = skeleton(shape) if shape else ""
            if consonants:
                found = by_skeleton.setdefault(consonants, [])
                if len(found) < CANDIDATES:
                    found.append((count, shape, word))
        self._candidates = by_skeleton

    def __len__(self) -> int:
        return len(self._candidates)

    def rewrite(self, words: list[str], keep: Collection[int] = ()) -> str | None:
        """The complaint's (folded) ``words`` with each Latin word that has a counterpart in the script
        replaced by it, except the words at the positions in ``keep`` (what the Latin-letter rows already
        read: "sadri ysaffer" is wheezing there, and must not become a chest on its own). None when the
        complaint is not written this way or no word was replaced."""
        if not self.is_romanized(words):
            return None
        out: list[str] = []
        replaced = False
        pending = ""  # a short word written apart but joined to the next word in the script
        for position, word in enumerate(words):
            if position in keep:
                out += [pending, word] if pending else [word]
                pending = ""
                continue
            if word in self.table.attached and not pending:
                pending = word
                continue
            script = self._word(pending + word) if pending else None
            if script is None:
                if pending:
                    out.append(pending)  # "el", "w" alone are no word of the lexicon's
                script = self._word(word)
            pending = ""
            replaced |= script is not None
            out.append(script or word)
        if pending:
            out.append(pending)
        return " ".join(out) if replaced else None

    def is_romanized(self, words: list[str]) -> bool:
        """Whether a Latin word is spelled with the digits that stand for the script's letters ("3andi",
        "7arara"): the sign that Latin words in this complaint are the language itself, not English mixed
        in ("pressure")."""
        return any(word.isascii() and not word.isdigit() and any(c in self._digits for c in word) for word in words)

    def _word(self, word: str) -> str | None:
        if word == CLAUSE_MARK or not word.isascii() or word.isdigit():
            return None
        best: tuple[int, int] | None = None
        found = None
        for shape, detour in latin_shapes(word, self.table):
            for count, script, candidate in self._candidates.get(skeleton(shape), ()):
                score = (_agreement(shape, script) - detour, count)
                if best is None or score > best:
                    best, found = score, candidate
        return found
