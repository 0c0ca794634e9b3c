"""The learned urgency screen: training (training/urgency.py), the shipped weights (kiosk/triage/urgency.py)
and its place in the engine, after the red-flag rows and the spelling reader."""

import json
import math
import random
from pathlib import Path

import numpy as np
import pytest

from kiosk.errors import ConfigError
from kiosk.triage.redflags import load_red_flags
from kiosk.triage.urgency import MANIFEST_FILE, WEIGHTS_FILE, load_urgency, vectorizer
from training.cli import main as training_main
from training.evaluate import load_patient_set
from training.settings import Settings
from training.urgency import (
    FLOOR,
    _model,
    allowed_false_alarms,
    choose_threshold,
    save,
    train_all,
    train_language,
)

ROOT = Path(__file__).resolve().parent.parent

# A small made-up language: emergencies and ordinary complaints differ in their words, as in real sets.
URGENT_WORDS = ["chestcrush", "noair", "bloodpour", "fitshake", "facedroop", "armdead"]
ORDINARY_WORDS = ["sneezy", "itchskin", "pimples", "sorejoint", "heartburn", "peeburn"]
FILLER = ["my", "since", "today", "really", "mother", "son", "and", "bad", "little"]


def complaint(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.sample(FILLER, 3) + rng.sample(words, 2))


def write_set(path: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        urgent = i % 2 == 0
        text = complaint(rng, URGENT_WORDS if urgent else ORDINARY_WORDS)
        item = {"text": text, "label": None if urgent else "allergy", "red_flag": "breathing" if urgent else None}
        lines.append(json.dumps(item))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    base = tmp_path_factory.mktemp("urgency")
    write_set(base / "dev" / "xx.jsonl", 1, 120)
    write_set(base / "validation" / "xx.jsonl", 2, 60)
    write_set(base / "dev" / "yy.jsonl", 3, 120)  # no validation set: no screen for yy
    fits, skipped = train_all(base / "dev", base / "validation", ["xx", "yy"])
    save(fits, base / "screen", base / "dev")
    return base, fits, skipped


def test_the_threshold_keeps_false_alarms_within_budget():
    urgent = np.array([True, True, True, False, False, False, False])
    probabilities = np.array([0.99, 0.9, 0.6, 0.95, 0.7, 0.2, 0.1])
    threshold = choose_threshold(probabilities, urgent, max_false_alarm=0.0)
    assert 0.95 < threshold <= 0.99  # above every ordinary complaint's score
    assert choose_threshold(probabilities, urgent, max_false_alarm=0.25) == pytest.approx(np.nextafter(0.7, 1))
    assert choose_threshold(np.array([0.9, 0.1]), np.array([True, False]), 0.0) == FLOOR  # never below the floor


def test_a_larger_validation_set_may_show_a_false_alarm_and_still_prove_the_rate_low():
    """Zero false alarms on 100 complaints shows the rate below ~3% (95%); the budget is 1.5%, so a small set
    allows none. A large set can allow one or two and still show the rate below 1.5%."""
    assert allowed_false_alarms(100) == 0 and allowed_false_alarms(250) == 0
    assert allowed_false_alarms(400) == 1
    assert allowed_false_alarms(500) == 2
    assert allowed_false_alarms(0) == 0 and allowed_false_alarms(1) == 0
    urgent = np.array([True, False, False, False])
    assert choose_threshold(np.array([0.99, 0.95, 0.7, 0.1]), urgent, allowed=1) == pytest.approx(np.nextafter(0.7, 1))


def test_an_ordinary_complaint_the_rows_already_stop_does_not_bound_the_threshold(tmp_path):
    """The screen is asked only when the rows found nothing; an alarming-sounding ordinary complaint the rows
    stop anyway cannot become the screen's false alarm, so it must not push the threshold up."""
    write_set(tmp_path / "dev.jsonl", 1, 120)
    write_set(tmp_path / "validation.jsonl", 2, 60)
    dev, validation = load_patient_set(tmp_path / "dev.jsonl"), load_patient_set(tmp_path / "validation.jsonl")
    scary = {"text": "my mother chestcrush noair sneezy", "label": "allergy", "red_flag": None}
    unbounded = train_language("xx", dev, validation)
    bounded = train_language("xx", dev, [*validation, scary])
    assert bounded.threshold > unbounded.threshold  # the scary ordinary complaint scores high
    stopped = [False] * len(validation) + [True]
    assert train_language("xx", dev, [*validation, scary], stopped_by_rows=stopped).threshold == unbounded.threshold


def test_a_language_without_an_independent_validation_set_gets_no_screen(trained):
    _, fits, skipped = trained
    assert [fit.code for fit in fits] == ["xx"]
    assert "validation" in skipped["yy"]


def test_saved_weights_give_the_trained_models_probabilities(trained):
    base, _, _ = trained
    screen = load_urgency(base / "screen")
    assert screen is not None and set(screen.languages) == {"xx"}
    items = [json.loads(line) for line in (base / "dev" / "xx.jsonl").read_text().splitlines()]
    texts = [item["text"] for item in items]
    model = _model(20.0).fit(vectorizer().transform(texts), [bool(item["red_flag"]) for item in items])
    unseen = ["today my son chestcrush noair", "little sneezy itchskin since today", "zzz"]
    expected = model.predict_proba(vectorizer().transform(unseen))[:, 1]
    got = [screen.score(text, "xx").probability for text in unseen]
    assert got == pytest.approx(expected, abs=1e-4)
    assert screen.is_urgent(unseen[0], "xx") and not screen.is_urgent(unseen[1], "xx")
    assert screen.score("anything", "yy") is None and not screen.is_urgent("anything", "yy")
    assert screen.score("   ", "xx") is None


def test_the_manifest_records_how_the_threshold_was_chosen(trained):
    base, fits, _ = trained
    manifest = json.loads((base / "screen" / MANIFEST_FILE).read_text())
    entry = manifest["languages"]["xx"]
    assert entry["threshold"] == pytest.approx(fits[0].threshold, abs=1e-6)
    assert entry["validation_false_alarms"] <= 0.015 and entry["cv_false_alarms"] <= 0.015
    assert entry["emergencies"] == 60 and entry["ordinary"] == 60
    assert set(manifest["trained_on"]) == {"xx"}


def test_damaged_or_foreign_weights_are_not_used(trained, tmp_path, caplog):
    base, _, _ = trained
    assert load_urgency(tmp_path) is None  # nothing there
    for damage in ("tampered", "format", "not json"):
        screen_dir = tmp_path / damage
        screen_dir.mkdir()
        weights = (base / "screen" / WEIGHTS_FILE).read_bytes()
        manifest = json.loads((base / "screen" / MANIFEST_FILE).read_text())
        if damage == "tampered":
            weights = weights[:-10] + b"0123456789"
        elif damage == "format":
            manifest["format"] = 99
        (screen_dir / WEIGHTS_FILE).write_bytes(weights)
        text = "{ not json" if damage == "not json" else json.dumps(manifest)
        (screen_dir / MANIFEST_FILE).write_text(text)
        assert load_urgency(screen_dir) is None, damage
    assert "cannot be used" in caplog.text and "python -m training urgency" in caplog.text


def test_staff_command_trains_and_writes_the_screen(tmp_path, capsys):
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "languages.toml").write_bytes((ROOT / "resources" / "languages.toml").read_bytes())
    write_set(tmp_path / "dev" / "es.jsonl", 5, 100)
    write_set(tmp_path / "validation" / "es.jsonl", 6, 60)
    settings = Settings(dev_dir=tmp_path / "dev", validation_dir=tmp_path / "validation", resources_dir=resources)
    assert training_main(["urgency", "es", "fr"], settings) == 0
    out = capsys.readouterr().out
    assert "es: 50 emergencies, 50 ordinary" in out and "fr: no learned screen" in out
    assert load_urgency(resources / "urgency").languages.keys() == {"es"}
    assert training_main(["urgency", "xx"], settings) == 2
    assert "Not an offered language: xx" in capsys.readouterr().out


def test_a_learned_kind_has_no_rule_of_its_own(tmp_path):
    rules = tmp_path / "red_flags.toml"
    rules.write_text('[[kind]]\nid = "possible_emergency"\nmessage = "m"\nlearned = true\nany = ["fever"]\n')
    with pytest.raises(ConfigError, match="no rule of its own"):
        load_red_flags(rules, ["fever"])
    rules.write_text(
        '[[kind]]\nid = "a"\nmessage = "m"\nlearned = true\n[[kind]]\nid = "b"\nmessage = "m"\nlearned = true\n'
    )
    with pytest.raises(ConfigError, match="more than one kind as learned"):
        load_red_flags(rules, [])
    rules.write_text('[[kind]]\nid = "a"\nmessage = "m"\nlearned = "yes"\n')
    with pytest.raises(ConfigError, match="learned must be true or false"):
        load_red_flags(rules, [])
    rules.write_text('[[kind]]\nid = "possible_emergency"\nmessage = "m"\nlearned = true\nask = "Feel odd"\n')
    with pytest.raises(ConfigError, match="not a sign a patient can name"):
        load_red_flags(rules, [])
    rules.write_text('[[kind]]\nid = "a"\nmessage = "m"\nany = ["fever"]\nask = 3\n')
    with pytest.raises(ConfigError, match="ask must be the danger sign in plain words"):
        load_red_flags(rules, ["fever"])


# -- the shipped screen ----------------------------------------------------------------------------
def test_the_shipped_screen_was_validated_for_every_language_it_covers(resources_dir):
    screen = load_urgency(resources_dir / "urgency")
    assert screen is not None
    validation = {path.stem for path in (ROOT / "data" / "validation").glob("*.jsonl")}
    assert set(screen.languages) == validation
    for code, entry in screen.manifest["languages"].items():
        assert entry["validation_false_alarms"] <= 0.015 and entry["cv_false_alarms"] <= 0.015, code
        assert FLOOR <= entry["threshold"] < 1


def test_the_engine_asks_the_screen_only_when_the_rows_found_nothing(engine, monkeypatch, tmp_path):
    write_set(tmp_path / "dev" / "en.jsonl", 1, 120)  # the made-up language's complaints, as English ones
    write_set(tmp_path / "validation" / "en.jsonl", 2, 60)
    fits, _ = train_all(tmp_path / "dev", tmp_path / "validation", ["en"])
    save(fits, tmp_path / "screen", tmp_path / "dev")
    monkeypatch.setattr(engine.res, "urgency", load_urgency(tmp_path / "screen"))
    urgent = engine.triage("today my son chestcrush noair", "en")
    assert urgent.red_flag == "possible_emergency" and urgent.specialty == "urgent" and "urgency" in urgent.timings_ms
    assert "learned screen" in urgent.red_flag_message
    assert engine.triage("little sneezy itchskin since today", "en").red_flag is None
    flagged = engine.triage("crushing chest pain going to my left arm", "en")
    assert flagged.red_flag == "heart_attack" and "urgency" not in flagged.timings_ms  # the rows decide first
    gibberish = engine.triage("qqqq zzzz wwww", "en")
    assert gibberish.red_flag is None and gibberish.abstained


def test_without_a_learned_kind_in_the_rules_the_screen_is_not_loaded(tmp_path, resources_dir):
    rules = (resources_dir / "red_flags.toml").read_text(encoding="utf-8")
    kept = rules[: rules.index('[[kind]]\nid = "possible_emergency"')]
    path = tmp_path / "red_flags.toml"
    path.write_text(kept, encoding="utf-8")
    known = load_red_flags(resources_dir / "red_flags.toml", _concepts(resources_dir))
    assert known.learned is not None and load_red_flags(path, _concepts(resources_dir)).learned is None


def _concepts(resources_dir: Path) -> list[str]:
    lines = (resources_dir / "lexicon" / "canonical.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0] for line in lines if line and not line.startswith("#")]


def test_probability_is_a_logistic_of_the_score(trained):
    base, _, _ = trained
    screen = load_urgency(base / "screen")
    weights = screen.languages["xx"]
    row = vectorizer().transform(["noair"])
    dense = np.zeros(row.shape[1], dtype=np.float32)
    dense[weights.indices] = weights.values
    score = float(row.dot(dense)[0])
    assert screen.score("noair", "xx").probability == pytest.approx(1 / (1 + math.exp(-score)), abs=1e-6)
    assert screen.score("noair", "xx").coverage == pytest.approx(1.0, abs=1e-6)  # every n-gram seen
    assert screen.score("qqqq zzzz", "xx").coverage < 0.8 and not screen.is_urgent("qqqq zzzz", "xx")
