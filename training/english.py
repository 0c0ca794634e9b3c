"""The English lexicon as the model sees it (rows + canonical phrases), and its fingerprint."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from kiosk.errors import ConfigError
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
    knowledge = Path(__file__).resolve().parent / "knowledge"
    typical = load_typical(knowledge / "typical_symptoms.toml", set(concepts))
    atypical = load_typical(knowledge / "atypical_symptoms.toml", set(concepts))
    digest.update(repr(sorted(typical.items())).encode())
    if atypical:  # only when present, so models trained before the file existed keep their fingerprint
        digest.update(repr(sorted(atypical.items())).encode())
    return EnglishLexicon(rows=rows, english=english, typical=typical, atypical=atypical), digest.hexdigest()


def load_typical(path: Path, known: set[str]) -> dict[str, list[str]]:
    """Symptoms per condition (typical, or atypical); an unknown id is an error a reviewer must fix."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for label, concepts in data.items():
        if not isinstance(concepts, list) or not all(isinstance(c, str) for c in concepts):
            raise ConfigError(f'{path}: {label} must be a list of concept ids in quotes, e.g. ["fever", "cough"].')
        unknown = [c for c in concepts if c not in known]
        if unknown:
            raise ConfigError(f"{path}: {label} lists unknown concepts {', '.join(unknown)}.")
    return {label: list(concepts) for label, concepts in data.items()}
