"""The staff pipeline end to end on the real data, with a one-point grid to stay fast."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from kiosk.triage.model import load_model
from training import cli, registry, train
from training.english import load_english_lexicon
from training.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FAST = (
    {
        "char_ngrams": False,
        "word_ngrams": (1, 2),
        "alpha": 0.05,
        "stop_words": "english",
        "sketches_per_label": 60,
        "clauses": True,
        "patient_readings": True,
    },
)


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """A private copy of resources and outputs, so tests never touch the shipped model."""
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources, ignore=shutil.ignore_patterns("fonts", "argos", "model-previous"))
    monkeypatch.setattr(train, "GRID", FAST)
    return Settings(
        processed_dir=tmp_path / "processed",
        artifacts_dir=tmp_path / "artifacts" / "runs",
        resources_dir=resources,
        feedback_dir=tmp_path / "feedback",
    )


def test_full_run_gates_promotes_and_rolls_back(settings, capsys):
    shipped_before = json.loads((settings.model_dir / "manifest.json").read_text())["run_id"]
    assert cli.main(["--force"], settings=settings) == 0
    out = capsys.readouterr().out
    assert "[etl] done" in out and "[report] done" in out and "PROMOTED" in out
    run_dir = next(settings.artifacts_dir.iterdir())
    for name in (
        "model.joblib",
        "manifest.json",
        "MODEL_CARD.md",
        "report.html",
        "confusion_matrix.png",
        "class_distribution.png",
        "top_keywords.png",
        "coverage_accuracy.png",
        "evaluation.json",
    ):
        assert (run_dir / name).is_file(), name
    assert "Promoted to the kiosk" in (run_dir / "report.html").read_text()  # written after the decision
    manifest = json.loads((settings.model_dir / "manifest.json").read_text())
    assert manifest["run_id"] == run_dir.name
    assert manifest["metrics"]["test"]["accuracy"] >= 0.85
    assert "languages" in manifest["metrics"]
    assert load_model(settings.model_dir).run_id == run_dir.name
    assert "routes" in (settings.model_dir / "MODEL_CARD.md").read_text().lower()
    # The dev complaints joined training, so the dev figures and the threshold come from out-of-fold models.
    training = json.loads((run_dir / "training.json").read_text())
    assert training["patient_examples"]["n"] > 1000 and len(training["patient_examples"]["language_folds"]) == 3
    assert manifest["threshold"]["chosen_on"] == "dev_patient_out_of_fold"
    assert 0.5 < manifest["metrics"]["dev_patient_macro_out_of_fold"] <= 1.0
    assert "out-of-fold" in (settings.model_dir / "MODEL_CARD.md").read_text()
    assert_tracked_as_live(settings, manifest)

    assert cli.main(["rollback"], settings=settings) == 0
    assert load_model(settings.model_dir).run_id == shipped_before
    assert cli.main(["rollback"], settings=settings) == 0  # a rollback can be undone
    assert load_model(settings.model_dir).run_id == run_dir.name


def assert_tracked_as_live(settings, manifest):
    """The run is in the local MLflow store and the promoted model carries the `live` alias."""
    mlflow = pytest.importorskip("mlflow")
    from training.tracking import LIVE_ALIAS, MODEL_NAME, store_uri

    client = mlflow.MlflowClient(tracking_uri=store_uri(settings.artifacts_dir.parent))
    live = client.get_model_version_by_alias(MODEL_NAME, LIVE_ALIAS)
    run = client.get_run(live.run_id)
    assert run.data.tags["model_sha256"] == manifest["model_sha256"]
    assert "test.accuracy" in run.data.metrics


def test_gate_failure_promotes_nothing(settings, capsys):
    strict = Settings(**{**settings.__dict__, "accuracy_gate": 0.999})
    before = (strict.model_dir / "model.joblib").read_bytes()
    assert cli.main(["--no-tracking"], settings=strict) == 2
    assert "NOT PROMOTED" in capsys.readouterr().out
    assert (strict.model_dir / "model.joblib").read_bytes() == before


def test_training_is_deterministic(settings):
    lexicon, _ = load_english_lexicon(settings.lexicon_dir)
    from kiosk.triage.specialties import load_specialties
    from training.etl import run_etl

    data = run_etl(settings.raw_csv, settings.processed_dir, load_specialties(settings.specialties_file), 0.2, 42)
    x, y = data.train
    first = train.make_estimator(FAST[0], lexicon, 42).fit(x, y)
    second = train.make_estimator(FAST[0], lexicon, 42).fit(x, y)
    test_x = data.test[0]
    assert np.array_equal(first.predict_proba(test_x), second.predict_proba(test_x))


def test_rollback_without_previous_model_says_so(settings, capsys):
    shutil.rmtree(registry.previous_dir(settings.model_dir), ignore_errors=True)
    assert cli.main(["rollback"], settings=settings) == 1
    assert "no previous model" in capsys.readouterr().err


def test_bad_raw_data_fails_cleanly(settings, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("text\nonly a text column\n", encoding="utf-8")
    broken = Settings(**{**settings.__dict__, "raw_csv": bad})
    assert cli.main([], settings=broken) == 1
    err = capsys.readouterr().err
    assert "no 'label' column" in err and "Traceback" not in err
    assert not broken.processed_dir.exists()


def test_feedback_is_imported_once_and_used_for_training(settings, tmp_path):
    feedback = tmp_path / "feedback.csv"
    feedback.write_text(
        "text,language,specialty,condition\n"
        "me arde mucho al hacer pipi,es,uro,urinary tract infection\n"
        "itchy ring shaped rash on my belly,en,derm,fungal_infection\n"
        "dizzy and my head pounds,,cardio,\n",
        encoding="utf-8",
    )
    assert cli.main(["feedback", "import", str(feedback)], settings=settings) == 0
    assert cli.main(["feedback", "import", str(feedback)], settings=settings) == 0  # same file: no duplicate
    assert len(list(settings.feedback_dir.glob("feedback-*.csv"))) == 1
    assert cli.main(["--no-tracking", "--force"], settings=settings) == 0
    manifest = json.loads((settings.model_dir / "manifest.json").read_text())
    assert manifest["feedback"]["rows"] == 3 and manifest["feedback"]["training_rows"] == 2
    assert manifest["metrics"]["feedback_specialty"]["n"] == 3


def test_bad_feedback_is_refused_by_row(settings, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,specialty\nsome complaint,cardiology\n", encoding="utf-8")
    assert cli.main(["feedback", "import", str(bad)], settings=settings) == 1
    assert "row 2: specialty 'cardiology' is not a queue id" in capsys.readouterr().err


def test_search_shortcuts_give_sklearns_cross_validation_and_model(settings, monkeypatch):
    """The search prepares each fold once and reuses normalisations; its CV scores and chosen model
    must be exactly what plain ``cross_val_score`` and ``fit`` give for the same settings, by the count
    tables (training/fastcv.py) and by the fitting path kept for pipelines those do not cover."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    from kiosk.triage.specialties import load_specialties
    from training.etl import run_etl

    lexicon, _ = load_english_lexicon(settings.lexicon_dir)
    data = run_etl(settings.raw_csv, settings.processed_dir, load_specialties(settings.specialties_file), 0.2, 42)
    x, y = (list(v)[::3] for v in data.train)  # a third of the split keeps this quick
    grid = [{**FAST[0], "sketches_per_label": 0, "clauses": False}, FAST[0]]
    fitted, chosen, candidates = train.select(x, y, lambda pipeline: 0.0, lexicon, 42, 3, grid=grid)
    for params, candidate in zip(grid, candidates, strict=True):
        plain = cross_val_score(
            train.make_estimator(params, lexicon, 42), x, y, cv=StratifiedKFold(3, shuffle=True, random_state=42)
        )
        assert candidate.cv_scores == [round(float(s), 4) for s in plain]
    reference = train.make_estimator(chosen.params, lexicon, 42).fit(x, y)
    assert np.array_equal(reference.predict_proba(data.test[0]), fitted.predict_proba(data.test[0]))
    monkeypatch.setattr(train.fastcv, "supported", lambda pipeline: False)
    _, _, fitted_path = train.select(x, y, lambda pipeline: 0.0, lexicon, 42, 3, grid=grid)
    assert [c.cv_scores for c in fitted_path] == [c.cv_scores for c in candidates]


def test_dev_complaints_train_the_model_but_each_language_is_scored_by_a_model_that_never_saw_it(settings):
    """A language's dev score must come from a model fitted without that language's complaints, or training on
    the dev sets would make them measure nothing. Each invented language here says one made-up word for one
    condition: only a model that trained on that language's complaints can know what the word means."""
    from kiosk.triage.specialties import load_specialties
    from training.etl import run_etl

    lexicon, _ = load_english_lexicon(settings.lexicon_dir)
    data = run_etl(settings.raw_csv, settings.processed_dir, load_specialties(settings.specialties_file), 0.2, 42)
    x, y = (list(v)[::4] for v in data.train)
    meaning = {"xa": "acne", "xb": "uti", "xc": "malaria", "xd": "psoriasis"}
    examples = {code: [(f"{code}glorp {code}glorp", label)] * 30 for code, label in meaning.items()}

    def knows(pipeline) -> dict[str, float]:
        classes = list(pipeline.classes_)
        return {
            code: float(pipeline.predict_proba([f"{code}glorp"])[0][classes.index(label)])
            for code, label in meaning.items()
        }

    def out_of_fold(folds, final) -> dict:  # the training run's scorer: each language by its own fold model
        return {"score": float(np.mean([knows(folds.get(code, final))[code] for code in meaning]))}

    fitted, chosen, _ = train.select(
        x, y, lambda pipeline: 0.0, lexicon, 42, 3, grid=FAST, examples=examples, out_of_fold=out_of_fold
    )
    assert chosen.dev_out_of_fold and train.language_folds(list(meaning)) == [["xa", "xd"], ["xb"], ["xc"]]
    assert all(knows(fitted.pipeline_)[code] > 0.9 for code in meaning)  # the shipped model learnt every word
    for code in meaning:  # and each word's own language is scored by a model that never met it
        assert knows(fitted.fold_pipelines_[code])[code] < 0.2
    assert chosen.dev_accuracy < 0.2
    without = train.select(x, y, lambda pipeline: 0.0, lexicon, 42, 3, grid=FAST, examples=examples)[0]
    assert not hasattr(without, "fold_pipelines_")  # no out-of-fold scorer: nothing to score out of fold


def test_the_plain_reference_model_does_not_set_the_cv_bar():
    """Training on short patient complaints costs the augmented settings CV on the dataset's long paragraphs;
    the plain model, which never reads a patient well, must not push them out of the choice by its CV."""
    plain = train.Candidate({"reference": True}, [0.97], 0.69)
    word = train.Candidate({"char_ngrams": False}, [0.936], 0.975)
    char = train.Candidate({"char_ngrams": True}, [0.947], 0.973)
    assert train.choose([plain, word, char]) is word
    assert train.choose([plain, train.Candidate({}, [0.90], 0.99), char]) is char  # still a CV floor
    no_dev = [train.Candidate({"reference": True}, [0.97], None), train.Candidate({}, [0.95], None)]
    assert train.choose(no_dev) is no_dev[0]  # no dev sets to read patients by: the best CV
    assert train.choose([plain]) is plain


def test_sets_read_in_the_background_equal_reading_them_here(settings, tmp_path):
    """The training run reads the patient-style sets in another process while it trains, and keeps the
    readings for the next run; results must be exactly what the kiosk engine gives one complaint at a time."""
    from kiosk.triage.cache import DerivedCache
    from training.multilingual import Readings, engine_with

    sets = tmp_path / "sets"
    sets.mkdir()
    for code in ("ar", "es", "vi"):
        lines = (ROOT / "data" / "dev" / f"{code}.jsonl").read_text(encoding="utf-8").splitlines()
        (sets / f"{code}.jsonl").write_text("\n".join(lines[:: max(1, len(lines) // 25)]) + "\n", encoding="utf-8")
    cache = DerivedCache(tmp_path / "cache")
    engine = engine_with(load_model(settings.model_dir).pipeline, 0.0, settings.resources_dir)
    strip = ("elapsed_ms", "timings_ms")

    def check(readings: Readings) -> None:
        for path in sorted(sets.glob("*.jsonl")):
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            for _ in range(2):  # the second time, normalised from the memo
                got = readings.results(engine, str(path), items, path.stem)
                expected = [engine.triage(item["text"], path.stem) for item in items]
                assert [{k: v for k, v in r.to_json().items() if k not in strip} for r in got] == [
                    {k: v for k, v in r.to_json().items() if k not in strip} for r in expected
                ]

    first = Readings()
    first.read_in_background(settings.resources_dir, [sets], cache)
    assert first._pending is not None
    check(first)
    again = Readings()  # the next training run: nothing changed, nothing to read
    again.read_in_background(settings.resources_dir, [sets], cache)
    assert again._pending is None and len(again._cache) == 3
    check(again)
    with (sets / "es.jsonl").open("a", encoding="utf-8") as extra:  # an edited set is read again
        extra.write(json.dumps({"text": "me duele la cabeza", "label": "migraine", "red_flag": None}) + "\n")
    edited = Readings()
    edited.read_in_background(settings.resources_dir, [sets], cache)
    assert edited._pending is not None and len(edited._cache) == 2
    check(edited)


def test_promoting_the_same_model_again_keeps_the_rollback_target(tmp_path):
    """Re-measuring the shipped model renews its manifest and card; previous stays the last different
    model, so a rollback still changes something."""

    def run(name: str, model: bytes) -> Path:
        folder = tmp_path / "runs" / name
        folder.mkdir(parents=True)
        (folder / "model.joblib").write_bytes(model)
        (folder / "manifest.json").write_text(json.dumps({"run_id": name}))
        (folder / "MODEL_CARD.md").write_text(f"card of {name}")
        return folder

    shipped = tmp_path / "resources" / "model"
    registry.promote(run("old", b"model A"), shipped)
    registry.promote(run("new", b"model B"), shipped)
    registry.promote(run("new-remeasured", b"model B again"), shipped, same_model=True)
    assert json.loads((shipped / "manifest.json").read_text())["run_id"] == "new-remeasured"
    assert (shipped / "MODEL_CARD.md").read_text() == "card of new-remeasured"
    assert registry.rollback(shipped) == "old"
    assert (shipped / "model.joblib").read_bytes() == b"model A"


def test_same_model_is_recognised_by_its_predictions_not_its_file():
    from sklearn.base import clone

    lexicon, _ = load_english_lexicon(ROOT / "resources" / "lexicon")
    texts = ["fever and chills every other day", "burning when i pee", "itchy red rings on my skin", "cough"] * 3
    labels = ["malaria", "uti", "fungal_infection", "pneumonia"] * 3
    pipeline = train.build_pipeline(lexicon, char_ngrams=False)
    first, second = clone(pipeline).fit(texts, labels), clone(pipeline).fit(texts, labels)
    other = train.build_pipeline(lexicon, char_ngrams=False, alpha=0.5).fit(texts, labels)
    assert registry.same_predictions(first, second, texts)
    assert not registry.same_predictions(first, other, texts)
