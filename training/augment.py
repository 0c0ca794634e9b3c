"""Patient-style training examples derived from the training split itself.

The dataset's texts are fluent paragraphs; patients type a few symptoms. Two derivations close
that gap without inventing labels:
- *clauses*: each paragraph's sentences become short examples of the same label;
- *symptom sketches*: the English lexicon finds which symptom concepts each label's texts
  mention and how often; short examples are sampled from those frequencies and written with
  the lay expressions and canonical phrases of the lexicon, the way a kiosk user (or the
  lexicon translation of a non-English complaint) reads.
Both only use the texts they are given, so inside cross-validation they never see the held-out fold.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from kiosk.triage.lexicon import LanguageLexicon

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def clause_examples(
    texts: Sequence[str],
    labels: Sequence[str],
    min_words: int = 3,
    keep: Callable[[str, str], bool] | None = None,
) -> tuple[list[str], list[str]]:
    """Split every paragraph into sentences; keep those with enough words to carry a symptom (and, with
    ``keep(sentence, label)``, only those it accepts)."""
    out_x: list[str] = []
    out_y: list[str] = []
    for text, label in zip(texts, labels, strict=True):
        sentences = [s for s in _SENTENCE.split(text) if len(s.split()) >= min_words]
        if len(sentences) < 2:
            continue
        for sentence in sentences:
            if keep is None or keep(sentence, label):
                out_x.append(sentence)
                out_y.append(label)
    return out_x, out_y


def mentioned(text: str, lexicon: LanguageLexicon) -> frozenset[str]:
    """The concepts ``text`` mentions (not negated)."""
    return frozenset(m.concept for m in lexicon.match(text) if not m.negated)


def concept_profiles(
    texts: Sequence[str],
    labels: Sequence[str],
    lexicon: LanguageLexicon,
    known: dict[str, frozenset[str]] | None = None,
) -> dict[str, dict[str, float]]:
    """For each label, the share of its texts that mention each concept. ``known`` holds ``mentioned``
    for texts already read (a search reads each training text once, not once per fold)."""
    known = known or {}
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for text, label in zip(texts, labels, strict=True):
        totals[label] += 1
        concepts = known.get(text)
        mentions[label].update(concepts if concepts is not None else mentioned(text, lexicon))
    return {label: {c: n / totals[label] for c, n in counts.items()} for label, counts in mentions.items()}


def with_typical(
    profiles: dict[str, dict[str, float]],
    typical: dict[str, list[str]] | None,
    weight: float = 0.5,
    atypical: dict[str, list[str]] | None = None,
) -> dict[str, dict[str, float]]:
    """Add clinician-listed typical symptoms (``training/knowledge``) to the measured profiles, and drop the
    ones clinicians list as not belonging to a condition although the dataset's paragraphs tie them to it
    (its asthma texts nearly all mention a high fever): sketches then do not teach that label noise."""
    merged = {label: dict(profile) for label, profile in profiles.items()}
    for label, concepts in (typical or {}).items():
        if label not in merged:
            continue
        for concept in concepts:
            merged[label][concept] = max(merged[label].get(concept, 0.0), weight)
    for label, concepts in (atypical or {}).items():
        for concept in concepts:
            merged.get(label, {}).pop(concept, None)
    return merged


def sketch_examples(
    profiles: dict[str, dict[str, float]],
    lexicon: LanguageLexicon,
    english: dict[str, str],
    per_label: int,
    seed: int,
    min_share: float = 0.06,
) -> tuple[list[str], list[str]]:
    """Sample ``per_label`` short complaints per label from its concept profile."""
    rng = np.random.default_rng(seed)
    expressions: dict[str, list[str]] = defaultdict(list)
    for concept, expression in lexicon.rows:
        if "*" not in expression:
            expressions[concept].append(expression)
    out_x: list[str] = []
    out_y: list[str] = []
    for label in sorted(profiles):
        profile = {c: s for c, s in profiles[label].items() if s >= min_share and c in english}
        if len(profile) < 2:
            continue
        concepts = sorted(profile)
        weights = np.array([profile[c] for c in concepts])
        weights = weights / weights.sum()
        for _ in range(per_label):
            k = int(rng.integers(2, min(4, len(concepts)) + 1))
            chosen = rng.choice(len(concepts), size=k, replace=False, p=weights)
            words = []
            for index in chosen:
                concept = concepts[index]
                options = expressions.get(concept, [])
                if options and rng.random() < 0.6:
                    words.append(options[int(rng.integers(len(options)))])
                else:
                    words.append(english[concept])
            out_x.append(" ".join(words))
            out_y.append(label)
    return out_x, out_y
