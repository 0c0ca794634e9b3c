"""Text folding shared by the lexicon, the language detector and the model.

Patients type without accents, tones or consistent case, and Arabic has several spellings of the
same letters. Folding both the lexicon and the patient's text the same way lets one lexicon row
match all of those spellings.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from kiosk.triage.han_variants import SIMPLIFIED, TRADITIONAL

# Letters that do not decompose into base + combining mark but are typed interchangeably.
_LETTER_FOLDS = str.maketrans(
    {
        "đ": "d",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        # Arabic: hamza carriers and alef variants, taa marbuta, alef maqsura, tatweel.
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
        # Persian/Urdu keyboard letters that Arabic phone users often type for their Arabic twins.
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "ګ": "ك",
        "ە": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "ۃ": "ه",
        # Typographic apostrophes and quotes.
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)

# Traditional Chinese characters fold to their Simplified forms (han_variants.py, from OpenCC's list): a patient
# in Hong Kong or Taiwan types 頭痛 where most rows say 头痛, and one row should read both.
_LETTER_FOLDS.update(str.maketrans(TRADITIONAL, SIMPLIFIED))

CLAUSE_MARK = "|"
# Sentence and clause punctuation in the supported scripts: negation does not cross these.
_CLAUSE_PUNCT = re.compile(r"[.,;:!?\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u060c\u061b\u061f\n]+")
# A decimal point or comma between digits ("38,5", "38.5", Arabic "٣٨٫٥") is part of a number, not a clause end:
# "il a 38,5 de fièvre" is one statement, and a clause mark there would stop rows and negation at the number.
_DECIMAL = re.compile(r"(?<=\d)[.,\u066b](?=\d)")
_NON_WORD = re.compile(r"[^\w|]+")
_SPACES = re.compile(r"\s+")
# A letter typed three or more times in a row ("painnnn", "صدررري", "болиииит", "아아아파요") is one letter:
# patients stretch words for emphasis, and no word of the supported languages has a letter three times over.
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
# Where Latin letters touch another script ("有chest pain", "عنديchest pain"): a word break. Patients who mix in
# English often leave out the space, and the English lexicon reads whole words.
_OTHER_SCRIPT = (
    "\u0400-\u04ff\u0600-\u06ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
_SCRIPT_BREAK = re.compile(f"(?<=[a-z])(?=[{_OTHER_SCRIPT}])|(?<=[{_OTHER_SCRIPT}])(?=[a-z])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def strip_controls(text: str) -> str:
    """Remove control and bidi-override characters (they can hide or reorder what staff read)."""
    return _CONTROL.sub(" ", text)


@functools.cache
def _combining_marks() -> dict[int, None]:
    """``str.translate`` table deleting every nonspacing mark (accents, tones, harakat): one C call per
    text instead of a Python test per character, which dominated reading 150,000 lexicon rows."""
    return {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Mn"}


def fold(text: str) -> str:
    """Case-, accent- and spelling-variant-insensitive form of ``text``.

    Clause punctuation becomes a standalone ``|`` token so negation can stop at it; all other
    punctuation becomes a space.
    """
    text = unicodedata.normalize("NFKC", strip_controls(text)).casefold()
    text = _STRETCHED.sub(r"\1", text.translate(_LETTER_FOLDS))
    if not text.isascii():  # ASCII has no accents to strip: skips most of the cost for English
        text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_combining_marks()))
    text = text.replace("'", "")
    if not text.isascii():
        text = _SCRIPT_BREAK.sub(" ", text)
    text = _CLAUSE_PUNCT.sub(f" {CLAUSE_MARK} ", _DECIMAL.sub(" ", text))
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return _SPACES.sub(" ", text).strip()


def clean_for_display(text: str) -> str:
    """Normalise what the patient typed without changing its meaning (NFC, no controls, single spaces)."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    return _SPACES.sub(" ", text).strip()
