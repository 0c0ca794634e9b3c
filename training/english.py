"""The English lexicon as the model sees it (rows + canonical phrases), and its fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kiosk.triage.lexicon import load_concepts, load_language
from training.model import EnglishLexicon


def load_english_lexicon(lexicon_dir: Path) -> tuple[EnglishLexicon, str]:
    concepts = load_concepts(lexicon_dir / "canonical.tsv")
    language = load_language(lexicon_dir / "en.tsv", "en", "word", concepts)
    english = {cid: concept.english for cid, concept in concepts.items()}
    rows = tuple((cid, expr) for cid, expr in language.rows)
    digest = hashlib.sha256()
    for name in ("canonical.tsv", "en.tsv"):
        digest.update((lexicon_dir / name).read_bytes())
    return EnglishLexicon(rows=rows, english=english), digest.hexdigest()
