"""`python -m kiosk triage`: the headless contract used by staff and external evaluation."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {
    "language",
    "detected_language",
    "english_text",
    "translation_backend",
    "red_flag",
    "disease",
    "top3",
    "specialty",
    "confidence",
    "abstained",
    "elapsed_ms",
}


def run(*args, stdin=None):
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "triage", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_single_text_prints_one_json_object():
    result = json.loads(run("--lang", "es", "me arde al orinar y voy al baño a cada rato"))
    assert set(result) >= FIELDS
    assert result["language"] == "es" and result["translation_backend"] == "lexicon"
    assert result["specialty"] == "uro" and result["abstained"] is False


def test_jsonl_keeps_order_and_survives_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "i cant breathe"}),
        "this is not json",
        json.dumps({"text": "", "language": "fr"}),
        json.dumps({"text": "tengo fiebre y tos", "language": "es"}),
    ]
    out = [json.loads(line) for line in run("--jsonl", "-", stdin="\n".join(lines) + "\n").splitlines()]
    assert len(out) == 4
    assert out[0]["red_flag"] == "breathing"
    assert "error" in out[1]
    assert out[2]["abstained"] is True and out[2]["language"] == "fr"
    assert out[3]["language"] == "es"


def test_the_kiosk_process_runs_without_training_packages():
    """As in the bundle: scikit-learn carries on without pandas, and a training import fails plainly."""
    code = (
        "import sys\n"
        "from kiosk.lean import refuse_training_packages\n"
        "refuse_training_packages()\n"
        "from kiosk.triage.engine import TriageEngine\n"
        "engine = TriageEngine.from_resources()\n"
        "assert engine.triage('it burns when i pee and i go all the time').specialty\n"
        "assert not [m for m in sys.modules if m.partition('.')[0] in ('pandas', 'matplotlib', 'torch')]\n"
        "try:\n"
        "    import training.model\n"
        "except ImportError as exc:\n"
        "    assert 'training-only' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('training imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
