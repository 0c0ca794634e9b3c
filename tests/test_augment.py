"""Patient-style examples: clinician knowledge shapes them, the dataset's label noise does not."""

from pathlib import Path

import pytest

from kiosk.errors import ConfigError
from training.augment import clause_examples, with_typical
from training.english import load_english_lexicon, load_typical
from training.model import EnglishLexicon, PatientStyleClassifier, build_pipeline

ROOT = Path(__file__).resolve().parent.parent
ASTHMA = (
    "I keep coughing and wheezing at night. My fever is very high and will not come down. "
    "My chest feels tight when I climb stairs."
)
PNEUMONIA = "I cough up thick yellow phlegm. I have a high fever and chills. I get breathless walking."


def test_typical_symptoms_are_added_and_atypical_ones_dropped():
    profiles = {"bronchial_asthma": {"fever": 0.94, "cough": 0.9}, "pneumonia": {"cough": 0.8}}
    merged = with_typical(
        profiles, {"bronchial_asthma": ["wheezing"]}, weight=0.5, atypical={"bronchial_asthma": ["fever"]}
    )
    assert merged == {"bronchial_asthma": {"cough": 0.9, "wheezing": 0.5}, "pneumonia": {"cough": 0.8}}
    assert profiles["bronchial_asthma"]["fever"] == 0.94  # the measured profile is not changed in place


def test_sentences_naming_an_atypical_symptom_are_not_examples_of_that_condition():
    lexicon, _ = load_english_lexicon(ROOT / "resources" / "lexicon")
    assert "fever" in lexicon.atypical["bronchial_asthma"]
    texts, labels = [ASTHMA, PNEUMONIA], ["bronchial_asthma", "pneumonia"]
    estimator = PatientStyleClassifier(pipeline=build_pipeline(lexicon), lexicon=lexicon, sketches_per_label=0)
    x, y = estimator.augment(texts, labels)
    asthma_sentences = [t for t, label in zip(x[2:], y[2:], strict=True) if label == "bronchial_asthma"]
    assert asthma_sentences and not any("fever" in s for s in asthma_sentences)
    assert any("fever" in t for t, label in zip(x[2:], y[2:], strict=True) if label == "pneumonia")
    assert ASTHMA in x  # the paragraph itself is kept as the dataset wrote it
    plain = EnglishLexicon(rows=lexicon.rows, english=lexicon.english, typical=lexicon.typical)
    x, y = PatientStyleClassifier(pipeline=build_pipeline(plain), lexicon=plain, sketches_per_label=0).augment(
        texts, labels
    )
    assert any("fever" in t for t, label in zip(x[2:], y[2:], strict=True) if label == "bronchial_asthma")


def test_clause_examples_keep_filter():
    x, y = clause_examples([ASTHMA], ["bronchial_asthma"], keep=lambda sentence, label: "stairs" not in sentence)
    assert len(x) == 2 and all("stairs" not in s for s in x) and y == ["bronchial_asthma"] * 2


def test_a_knowledge_file_mistake_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "atypical_symptoms.toml"
    path.write_text('impetigo = "fever"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"atypical_symptoms.toml: impetigo must be a list"):
        load_typical(path, {"fever"})
    path.write_text('impetigo = ["fevre"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown concepts fevre"):
        load_typical(path, {"fever"})
