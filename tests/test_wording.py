"""The wording reader: training (training/wording.py), the shipped weights (kiosk/triage/wording.py) and its
place in the engine, averaged with the model's probabilities."""

import json
import logging
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.naive_bayes import MultinomialNB

from kiosk.triage.engine import TriageEngine
from kiosk.triage.wording import MANIFEST_FILE, WEIGHTS_FILE, counter, load_wording
from training.cli import main as training_main
from training.settings import Settings
from training.wording import ALPHA, save, train_all

ROOT = Path(__file__).resolve().parent.parent
CLASSES = ("acne", "allergy", "uti")
# A made-up language whose words for each condition no lexicon has.
WORDS = {
    "acne": ["zorblat", "pimplosh", "facebump"],
    "allergy": ["sneezagar", "itcheye", "runnoz"],
    "uti": ["peeburnak", "waterpain", "toiletrun"],
}
FILLER = ["my", "since", "today", "really", "mother", "son", "and", "bad", "little"]


def write_set(path: Path, seed: int, per_condition: int, classes=CLASSES, words=WORDS) -> None:
    rng = random.Random(seed)
    lines = []
    for label in classes:
        for _ in range(per_condition):
            text = " ".join(rng.sample(FILLER, 3) + rng.sample(words[label], 2))
            lines.append(json.dumps({"text": text, "label": label, "red_flag": None}))
    lines.append(json.dumps({"text": "chestcrush noair", "label": None, "red_flag": "breathing"}))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    base = tmp_path_factory.mktemp("wording")
    write_set(base / "dev" / "xx.jsonl", 1, 20)
    write_set(base / "validation" / "xx.jsonl", 2, 5)
    write_set(base / "dev" / "yy.jsonl", 3, 20, classes=CLASSES[:2])  # no uti complaints: no reader for yy
    fits, skipped = train_all(base / "dev", base / "validation", ["xx", "yy"], CLASSES)
    save(fits, CLASSES, base / "reader", base / "dev")
    return base, fits, skipped


def test_a_reader_for_each_language_with_every_condition(trained):
    _, fits, skipped = trained
    assert [f.code for f in fits] == ["xx"] and "uti" in skipped["yy"]
    assert fits[0].complaints == 60  # the emergency is not an ordinary complaint
    assert fits[0].cv_accuracy > 0.9 and fits[0].validation_accuracy > 0.9


def test_the_saved_reader_gives_scikit_learns_probabilities(trained):
    base, _, _ = trained
    texts = [json.loads(line)["text"] for line in (base / "dev" / "xx.jsonl").read_text().splitlines()]
    labels = [json.loads(line)["label"] for line in (base / "dev" / "xx.jsonl").read_text().splitlines()]
    texts, labels = texts[:-1], labels[:-1]
    counts = counter().transform(texts).tocsc()
    columns = np.flatnonzero(counts.getnnz(axis=0))
    tfidf = TfidfTransformer(sublinear_tf=True).fit(counts[:, columns])
    nb = MultinomialNB(alpha=ALPHA).fit(tfidf.transform(counts[:, columns]), labels)
    reader = load_wording(base / "reader")
    for text in ["my son zorblat facebump", "runnoz really bad today", "waterpain and unknownword"]:
        expected = nb.predict_proba(tfidf.transform(counter().transform([text])[:, columns]))[0]
        got = reader.languages["xx"].read(text).probabilities
        assert np.allclose(got, expected, atol=1e-5), text


def test_it_stays_silent_on_another_script_or_an_unknown_language(trained):
    base, _, _ = trained
    reader = load_wording(base / "reader")
    assert reader.probabilities("my son zorblat facebump", "xx") is not None
    assert reader.probabilities("Где находится вокзал", "xx") is None
    assert reader.probabilities("...!!!", "xx") is None
    assert reader.probabilities("my son zorblat facebump", "yy") is None


def test_damaged_or_foreign_weights_are_not_used(trained, tmp_path, caplog):
    base, _, _ = trained
    assert load_wording(tmp_path) is None  # nothing there
    for damage in ("tampered", "format", "weight", "not json"):
        reader_dir = tmp_path / damage
        reader_dir.mkdir()
        weights = (base / "reader" / WEIGHTS_FILE).read_bytes()
        manifest = json.loads((base / "reader" / MANIFEST_FILE).read_text())
        if damage == "tampered":
            weights = weights[:-10] + b"0123456789"
        elif damage == "format":
            manifest["format"] = 99
        elif damage == "weight":
            manifest["weight"] = 1.5
        (reader_dir / WEIGHTS_FILE).write_bytes(weights)
        (reader_dir / MANIFEST_FILE).write_text("{ not json" if damage == "not json" else json.dumps(manifest))
        assert load_wording(reader_dir) is None, damage
    assert "cannot be used" in caplog.text and "python -m training wording" in caplog.text


def test_staff_command_trains_and_writes_the_reader(tmp_path, capsys, resources_dir):
    resources = tmp_path / "resources"
    (resources / "model").mkdir(parents=True)
    (resources / "languages.toml").write_bytes((resources_dir / "languages.toml").read_bytes())
    for path in (resources_dir / "model").iterdir():
        if path.is_file():
            (resources / "model" / path.name).write_bytes(path.read_bytes())
    classes = tuple(load_wording(resources_dir / "wording").classes)
    words = {label: [f"{label}word{j}" for j in range(3)] for label in classes}
    write_set(tmp_path / "dev" / "es.jsonl", 5, 6, classes=classes, words=words)
    settings = Settings(dev_dir=tmp_path / "dev", validation_dir=tmp_path / "validation", resources_dir=resources)
    assert training_main(["wording", "es", "fr"], settings) == 0
    out = capsys.readouterr().out
    assert "es: 144 ordinary dev complaints" in out and "no validation set" in out and "fr: no wording reader" in out
    assert load_wording(resources / "wording").languages.keys() == {"es"}
    assert training_main(["wording", "xx"], settings) == 2
    assert "Not an offered language: xx" in capsys.readouterr().out


# -- in the engine ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def en_reader(tmp_path_factory, engine):
    """A reader trained on made-up English words, over the shipped model's conditions."""
    base = tmp_path_factory.mktemp("en_reader")
    classes = tuple(engine.res.model.labels)
    rng = random.Random(7)
    lines = []
    for label in classes:
        words = ["zorblat", "pimplosh"] if label == "acne" else [f"blorp{label}", f"quux{label}"]
        for _ in range(6):
            lines.append(json.dumps({"text": " ".join(rng.sample(FILLER, 2) + words), "label": label}))
    (base / "dev").mkdir()
    (base / "dev" / "en.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fits, _ = train_all(base / "dev", base / "validation", ["en"], classes)
    save(fits, classes, base / "reader", base / "dev")
    return load_wording(base / "reader")


def test_the_reader_tips_the_models_answer_toward_the_patients_words(engine, en_reader):
    text = "zorblat pimplosh on my face and my skin itches"
    without = TriageEngine(replace(engine.res, wording=None)).triage(text, "en")
    assert without.top3 and without.top3[0].disease != "acne"  # the model alone: an itchy skin condition
    result = TriageEngine(replace(engine.res, wording=en_reader)).triage(text, "en")
    assert result.top3[0].disease == "acne" and "wording" in result.timings_ms


def test_the_reader_never_answers_alone(engine, en_reader):
    with_reader = TriageEngine(replace(engine.res, wording=en_reader))
    result = with_reader.triage("zorblat pimplosh", "en")  # words only the reader knows
    assert result.abstained and result.disease is None
    gibberish = with_reader.triage("qqqq zzzz wwww", "en")
    assert gibberish.abstained and gibberish.red_flag is None


def test_a_reader_for_other_conditions_is_not_used(engine, en_reader, caplog):
    other = replace(en_reader, classes=(*reversed(en_reader.classes[1:]), "not_a_condition"))
    with caplog.at_level(logging.ERROR):
        with_other = TriageEngine(replace(engine.res, wording=other))
    assert "other conditions" in caplog.text
    text = "zorblat pimplosh on my face and my skin itches"
    assert with_other.triage(text, "en").top3 == TriageEngine(replace(engine.res, wording=None)).triage(text, "en").top3


def test_the_shipped_reader_covers_every_language_with_the_models_conditions(resources_dir, engine):
    reader = load_wording(resources_dir / "wording")
    assert reader is not None and reader.order_for(engine.res.model.labels) is not None
    assert set(reader.languages) == set(engine.res.languages.codes)
    for code, entry in reader.manifest["languages"].items():
        assert entry["cv_accuracy"] >= 0.9, code  # the reader alone, on dev complaints it did not train on
