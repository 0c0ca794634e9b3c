"""Argos Translate packages read with a lean runtime: CTranslate2 + SentencePiece only.

The full ``argostranslate`` library pulls in torch and stanza (~1.5 GB), takes ~3 s to import and
tries to download a sentence splitter on first use, which fails offline. An Argos package is a
CTranslate2 model plus a SentencePiece model, so reading it directly gives the same translation
without any of that. Patient text is short; a regex split replaces stanza, and goes further than
Argos: it cuts at clause punctuation too and translates the clauses as one batch. Complaints are
lists of symptoms ("fever for three days, my head hurts, …"); a batch of short clauses decodes in
parallel, ~40% faster than one long sentence on a 2-core PC (docs/BENCHMARKS.md), and a symptom
is never translated across a comma into its neighbour's.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.errors import PackError

METADATA = "metadata.json"
# Argos decodes with beam 4 and this length penalty; so does the kiosk by default (clause batches keep
# it well within the latency goal on a 2-core PC, docs/BENCHMARKS.md). kiosk.toml can lower it
# (translation_beam_size) on a slower PC.
ARGOS_BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
MAX_SENTENCE_TOKENS = 200
# Clause ends: sentence marks and commas/semicolons of the supported scripts (Latin, CJK, Arabic). ASCII "."
# and "," end a clause only before a space, so "38.5" and "38,5" (a temperature) stay whole.
_CLAUSE_END = re.compile(r"(?:(?<=[.,])\s+|(?<=[!?;\u3002\uff01\uff1f\uff0c\uff1b\u3001\u060c\u061b\u061f])\s*)")


@dataclass(frozen=True)
class PackInfo:
    """What an installed pack's folder holds, validated without loading the model."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    metadata: dict

    @property
    def name(self) -> str:
        return f"{self.from_code}→{self.to_code} {self.package_version}".strip()

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        return self.path / "sentencepiece.model"


def read_pack(folder: Path) -> PackInfo:
    """Validate one unpacked Argos package folder; every problem is one sentence for IT staff."""
    meta_path = folder / METADATA
    try:
        metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"{folder.name} is not an Argos translation pack: it has no {METADATA}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackError(f"{folder.name}: {METADATA} is damaged (not valid JSON).") from None
    if not isinstance(metadata, dict):
        raise PackError(f"{folder.name}: {METADATA} must hold a JSON object.")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise PackError(f"{folder.name}: {METADATA} does not say {key}.")
    if metadata.get("type", "translate") != "translate":
        raise PackError(f"{folder.name} is a {metadata['type']!r} package, not a translation pack.")
    if not (folder / "model" / "model.bin").is_file():
        raise PackError(f"{folder.name}: the translation model (model/model.bin) is missing.")
    if not (folder / "sentencepiece.model").is_file():
        if (folder / "bpe.model").is_file():
            raise PackError(
                f"{folder.name} uses a BPE tokenizer, which this kiosk does not support; "
                "use a SentencePiece-based pack for this language."
            )
        raise PackError(f"{folder.name}: the tokenizer (sentencepiece.model) is missing.")
    return PackInfo(
        folder, metadata["from_code"], metadata["to_code"], str(metadata.get("package_version", "")), metadata
    )


def discover(argos_dir: Path) -> tuple[dict[str, PackInfo], list[str]]:
    """Installed packs that translate into English, by source language, and the problems met."""
    packs: dict[str, PackInfo] = {}
    problems: list[str] = []
    if not argos_dir.is_dir():
        return packs, problems
    for folder in sorted(p for p in argos_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            info = read_pack(folder)
        except PackError as exc:
            problems.append(str(exc))
            continue
        if info.to_code == "en":
            packs[info.from_code] = info
    return packs, problems


def decode_limit(tokens: list[list[str]], ratio: float = 3.0) -> int:
    """Output length cap: a translation is rarely over three times its source (CJK → English grows most).

    Without a cap a damaged model can decode hundreds of tokens and freeze the kiosk.
    """
    longest = max((len(t) for t in tokens), default=0)
    return min(2 * MAX_SENTENCE_TOKENS, max(16, int(ratio * longest) + 8))


def split_clauses(text: str) -> list[str]:
    return [s.strip() for s in _CLAUSE_END.split(text) if s.strip()]


@dataclass(frozen=True)
class TranslationSettings:
    beam_size: int = ARGOS_BEAM_SIZE
    threads: int = 1  # CTranslate2 intra-op threads: one was measured faster than two on a 2-core PC


@dataclass
class PackTranslator:
    """Translates with one pack; the model is loaded on first use and kept."""

    info: PackInfo
    threads: int = TranslationSettings.threads
    beam_size: int = TranslationSettings.beam_size
    length_ratio: float = 3.0  # output cap relative to the source length (see decode_limit)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _translator: object = field(default=None, repr=False)
    _tokenizer: object = field(default=None, repr=False)

    def load(self) -> None:
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2
            import sentencepiece

            try:
                self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(self.info.tokenizer_path))
                self._translator = ctranslate2.Translator(
                    str(self.info.model_dir), device="cpu", inter_threads=1, intra_threads=self.threads
                )
            except (RuntimeError, OSError, ValueError) as exc:
                raise PackError(f"The {self.info.name} pack cannot be loaded: {exc}") from exc

    def translate(self, text: str) -> str:
        self.load()
        clauses = split_clauses(text)
        if not clauses:
            return ""
        tokens = [self._tokenizer.encode(s, out_type=str)[:MAX_SENTENCE_TOKENS] for s in clauses]
        prefix = self.info.metadata.get("target_prefix")
        kwargs = {"target_prefix": [[prefix]] * len(tokens)} if isinstance(prefix, str) and prefix else {}
        results = self._translator.translate_batch(
            tokens,
            beam_size=self.beam_size,
            length_penalty=LENGTH_PENALTY,
            max_decoding_length=decode_limit(tokens, self.length_ratio),
            **kwargs,
        )
        outputs = []
        for result in results:
            pieces = result.hypotheses[0]
            if kwargs and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            outputs.append(self._tokenizer.decode(pieces))
        return " ".join(o.strip() for o in outputs if o.strip())
