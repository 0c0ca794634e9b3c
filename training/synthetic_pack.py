"""Build real Argos-format translation packs offline, for tests and benchmarks.

Official packs cannot be downloaded on this network, but the kiosk must prove it installs, loads
and runs them. This writes a genuine package — ``metadata.json``, a CTranslate2 Transformer in
``model/`` and a trained ``sentencepiece.model``, zipped as ``.argosmodel`` — whose weights are
numpy arrays instead of a trained network. ``favour`` makes the decoder prefer one target piece,
so a test can see the pack's output reach the model; otherwise the weights are random and only
the cost is meaningful (the benchmark builds one with the official dimensions).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_CORPUS = (
    "I have a fever and a headache. My stomach hurts and I feel sick. There is a rash on my arms that itches. "
    "I cough a lot at night and my chest feels tight. It burns when I pee and I go all the time. "
    "My joints are stiff and swollen in the morning. I am very thirsty and tired. My skin and eyes look yellow. "
    "Tengo fiebre y dolor de cabeza. Me duele el estómago. Tengo tos por la noche. Me arde al orinar. "
    "J'ai de la fièvre et mal à la tête. J'ai mal au ventre. Je tousse la nuit. Ça brûle quand j'urine."
)


@dataclass(frozen=True)
class PackShape:
    layers: tuple[int, int] = (1, 1)
    d_model: int = 32
    heads: int = 2
    ffn: int = 64
    vocab: int = 0  # model vocabulary size; 0 = just the SentencePiece pieces
    sp_vocab: int = 120


TINY = PackShape()
OFFICIAL = PackShape(layers=(6, 6), d_model=512, heads=8, ffn=2048, vocab=32000, sp_vocab=400)


def _train_sentencepiece(directory: Path, corpus: str, vocab_size: int, words: tuple[str, ...]) -> Path:
    import sentencepiece as spm

    text_file = directory / "corpus.txt"
    sentences = [s.strip() for s in corpus.replace("?", ".").replace(".", "\n").splitlines() if s.strip()]
    repeat = max(1, 2000 // max(1, len(sentences)))
    text_file.write_text("\n".join(sentences * repeat), encoding="utf-8")
    prefix = directory / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(text_file),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
        user_defined_symbols=[f"▁{word}" for word in words],  # so a favoured word is one piece
    )
    return prefix.with_suffix(".model")


def _vocabulary(sp_model: Path, size: int) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    tokens = ["<unk>", "<s>", "</s>"] + [p for p in pieces if p not in ("<unk>", "<s>", "</s>")]
    tokens += [f"▁filler{i}" for i in range(max(0, size - len(tokens)))]
    return tokens


def _fill_spec(shape: PackShape, vocab: list[str], favour: str | None, seed: int):
    from ctranslate2.specs import model_spec, transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(shape.layers, num_heads=shape.heads)
    d, f, v = shape.d_model, shape.ffn, len(vocab)
    scale = 0.0 if favour else 0.02

    def weight(*dims: int) -> np.ndarray:
        return (rng.standard_normal(dims) * scale).astype(np.float32)

    def fill(obj, path: str) -> None:
        for name, value in list(vars(obj).items()):
            if name.startswith("_"):
                continue
            full = f"{path}/{name}"
            if isinstance(value, model_spec.LayerSpec):
                fill(value, full)
            elif isinstance(value, list) and value and isinstance(value[0], model_spec.LayerSpec):
                for index, item in enumerate(value):
                    fill(item, f"{full}_{index}")
            elif value is None:
                setattr(obj, name, shape_for(full, name))

    def shape_for(full: str, name: str) -> np.ndarray:
        if name == "gamma":
            return np.ones(d, dtype=np.float32)
        if name == "beta":
            return np.zeros(d, dtype=np.float32)
        if "embeddings" in full:
            return weight(v, d)
        if "projection" in full:
            return weight(v, d)
        if "ffn/linear_0" in full:
            return weight(f, d)
        if "ffn/linear_1" in full:
            return weight(d, f)
        if "self_attention/linear_0" in full:
            return weight(3 * d, d)
        if "attention/linear_1" in full and "self_attention" not in full:
            return weight(2 * d, d)
        return weight(d, d)

    fill(spec.encoder, "encoder")
    fill(spec.decoder, "decoder")
    bias = np.zeros(v, dtype=np.float32)
    if favour:
        bias[vocab.index(favour)] = 8.0
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_pack(
    out: Path,
    from_code: str,
    to_code: str = "en",
    shape: PackShape = TINY,
    favour_word: str | None = "fever",
    quantization: str | None = None,
    seed: int = 0,
    corpus: str = SAMPLE_CORPUS,
    version: str = "1.0",
) -> Path:
    """Write ``out`` (a ``.argosmodel`` zip) and return it."""
    from ctranslate2.converters.converter import Converter

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sp_model = _train_sentencepiece(work, corpus, shape.sp_vocab, (favour_word,) if favour_word else ())
        vocab = _vocabulary(sp_model, shape.vocab)
        favour = None
        if favour_word:
            favour = "▁" + favour_word
        spec = _fill_spec(shape, vocab, favour, seed)

        class _SpecConverter(Converter):
            def _load(self):
                return spec

        name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
        package = work / "pkg" / name
        package.mkdir(parents=True)
        _SpecConverter().convert(str(package / "model"), quantization=quantization)
        (package / "sentencepiece.model").write_bytes(sp_model.read_bytes())
        metadata = {
            "package_version": version,
            "argos_version": "1.9.0",
            "from_code": from_code,
            "to_code": to_code,
            "from_name": from_code,
            "to_name": to_code,
            "type": "translate",
            "description": "Synthetic test pack (random weights): measures cost, not quality.",
        }
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (package / "README.md").write_text("Synthetic pack for tests.\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.rglob("*")):
                archive.write(path, path.relative_to(package.parent).as_posix())
    return out
