"""``python -m training devcheck``: lexicon authors see every miss, through the shipped engine."""

from __future__ import annotations

import json
from dataclasses import replace

from training.cli import main
from training.settings import Settings


def _write(path, items):
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")


def test_devcheck_counts_and_shows_only_misses(tmp_path, capsys):
    dev = tmp_path / "dev"
    dev.mkdir()
    _write(
        dev / "es.jsonl",
        [
            {"text": "me arde al orinar y voy al baño a cada rato", "label": "uti", "red_flag": None},
            {
                "text": "dolor muy fuerte en el pecho que se va al brazo izquierdo",
                "label": None,
                "red_flag": "heart_attack",
            },
            # Deliberately wrong label: the tool must call it a miss.
            {"text": "me arde al orinar y voy al baño a cada rato", "label": "acne", "red_flag": None},
        ],
    )
    assert main(["devcheck", "es", "--misses"], replace(Settings(), dev_dir=dev)) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("es: 2/3 right")
    assert out.count("MISS") == 1 and "acne" in out and "ok  " not in out
    assert "en: " in out  # the English the lexicon produced, so authors see why

    assert main(["devcheck", "es"], replace(Settings(), dev_dir=dev)) == 0
    assert capsys.readouterr().out.count("ok  ") == 2
