"""The cache of results derived from resource files: same results as recomputing, invalidated by any edit,
harmless when damaged or unwritable."""

import json
import os
from pathlib import Path

import numpy as np
import pytest

from kiosk.triage.cache import DerivedCache
from kiosk.triage.detect import LanguageDetector
from kiosk.triage.languages import LanguageSet, load_languages
from kiosk.triage.lexicon import load_concepts, load_language, load_lexicon
from kiosk.triage.ngram import NgramModel

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "resources" / "lexicon"


def test_json_and_arrays_round_trip_and_other_keys_miss(tmp_path):
    cache = DerivedCache(tmp_path)
    cache.save_json("rows", "k1", {"rows": [["fever", "fiebre"]]})
    cache.save_arrays("model", "k1", {"w": np.arange(3.0), "terms": np.array(["ab", "c"])})
    assert cache.load_json("rows", "k1") == {"rows": [["fever", "fiebre"]]}
    arrays = cache.load_arrays("model", "k1")
    assert arrays["w"].tolist() == [0.0, 1.0, 2.0] and arrays["terms"].tolist() == ["ab", "c"]
    assert cache.load_json("rows", "k2") is None and cache.load_arrays("model", "k2") is None
    cache.save_json("rows", "k2", [1])
    assert [p.name.startswith("rows-") for p in tmp_path.iterdir()].count(True) == 1  # the old result is dropped


def test_damaged_files_are_ignored_and_no_directory_means_no_cache(tmp_path):
    cache = DerivedCache(tmp_path)
    cache.save_json("rows", "k", [1])
    cache.save_arrays("model", "k", {"w": np.zeros(2)})
    for path in tmp_path.iterdir():
        path.write_bytes(b"\x00garbage")
    assert cache.load_json("rows", "k") is None and cache.load_arrays("model", "k") is None
    off = DerivedCache(None)
    off.save_json("rows", "k", [1])
    assert off.load_json("rows", "k") is None


def test_an_unwritable_cache_only_costs_time(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    cache = DerivedCache(blocker / "cache")  # cannot be created, even by root
    cache.save_json("rows", "k", [1])
    cache.save_arrays("model", "k", {"w": np.zeros(2)})
    assert cache.load_json("rows", "k") is None


def test_cached_lexicon_equals_a_fresh_read_and_an_edit_invalidates_it(tmp_path):
    concepts = load_concepts(LEXICON / "canonical.tsv")
    fresh = load_language(LEXICON / "es.tsv", "es", "word", concepts)
    cache = DerivedCache(tmp_path / "cache")
    first = load_language(LEXICON / "es.tsv", "es", "word", concepts, cache)
    again = load_language(LEXICON / "es.tsv", "es", "word", concepts, cache)
    assert first.rows == again.rows == fresh.rows and first.labels == again.labels == fresh.labels

    edited = tmp_path / "es.tsv"
    edited.write_text((LEXICON / "es.tsv").read_text(encoding="utf-8") + "fever\tcalentura fuerte\n", encoding="utf-8")
    rows = load_language(edited, "es", "word", concepts, cache).rows
    assert ("fever", "calentura fuerte") in rows and ("fever", "calentura fuerte") not in first.rows


def test_a_cached_file_is_still_checked_against_the_concepts(tmp_path):
    """The key includes the concept list: removing a concept must not let a cached file skip validation."""
    from kiosk.errors import ConfigError

    (tmp_path / "canonical.tsv").write_text(
        "id\tenglish\tgroup\tbutton\nfever\tfever\tgeneral\t1\nheadache\theadache\thead\t1\n", encoding="utf-8"
    )
    (tmp_path / "xx.tsv").write_text("id\texpression\nfever\tfiebre\nheadache\tjaqueca\n", encoding="utf-8")
    cache = DerivedCache(tmp_path / "cache")
    load_language(tmp_path / "xx.tsv", "xx", "word", load_concepts(tmp_path / "canonical.tsv"), cache)
    (tmp_path / "canonical.tsv").write_text("id\tenglish\tgroup\tbutton\nfever\tfever\tgeneral\t1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="headache"):
        load_language(tmp_path / "xx.tsv", "xx", "word", load_concepts(tmp_path / "canonical.tsv"), cache)


def test_ngram_scorer_gives_scikit_learns_probabilities():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    texts = ["me duele la cabeza", "tengo fiebre", "i have a headache", "my chest hurts", "dor de cabeça", "febre alta"]
    labels = ["es", "es", "en", "en", "pt", "pt"]
    reference = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True), MultinomialNB(alpha=0.1)
    ).fit(texts, labels)
    model = NgramModel.from_arrays(NgramModel.fit(texts, labels).to_arrays())
    probes = ["cabeza y fiebre", "chest pain", "zzz", "", "febre e dor"]
    assert list(model.classes) == list(reference.classes_)
    assert np.allclose(model.predict_proba(probes), reference.predict_proba(probes), atol=1e-12)


def test_language_detection_is_the_same_from_the_cache(tmp_path):
    shipped = load_languages(ROOT / "resources" / "languages.toml")
    # The Latin-script languages only: the others' lexicons (Arabic's 135,000 rows) would triple the time.
    languages = LanguageSet(shipped.default, tuple(lang for lang in shipped.languages if lang.script == "latin"))
    modes = {lang.code: lang.match for lang in languages.languages}
    cache = DerivedCache(tmp_path)
    texts = ["me duele mucho la cabeza", "j'ai mal au ventre", "masakit ang ulo ko", "tèt mwen fè mal", "đau bụng"]
    found = []
    for _ in range(2):  # the first builds the cache, the second reads it
        detector = LanguageDetector(languages, load_lexicon(LEXICON, modes, cache=cache), cache=cache)
        found.append(detector.detect_many(texts))
    uncached = LanguageDetector(languages, load_lexicon(LEXICON, modes)).detect_many(texts)
    assert found[0] == found[1] == uncached
    assert [d.language for d in uncached] == ["es", "fr", "tl", "ht", "vi"]
    assert any(p.suffix == ".npz" for p in tmp_path.iterdir())
    assert all(json.loads(p.read_text(encoding="utf-8"))["key"] for p in tmp_path.glob("*.json"))


def test_cache_directory_setting(monkeypatch, tmp_path):
    from kiosk import paths

    monkeypatch.setenv("KIOSK_CACHE_DIR", "off")
    assert paths.cache_dir() is None
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path))
    assert paths.cache_dir() == tmp_path
    monkeypatch.delenv("KIOSK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name != "nt":
        assert paths.cache_dir() == tmp_path / "xdg" / "er-triage-kiosk"
