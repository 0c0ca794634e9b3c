"""The triage engine on the shipped resources: routing, red flags, abstention, bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from training.evaluate import load_patient_set

ROOT = Path(__file__).resolve().parent.parent


def test_english_complaint_gets_a_specialty(engine):
    result = engine.triage("it burns when i pee and i keep needing to go")
    assert result.outcome == "specialty"
    assert result.disease == "uti" and result.specialty == "uro"
    assert result.translation_backend == "none" and result.language == "en"
    assert len(result.top3) == 3 and result.top3[0].probability >= result.top3[1].probability
    assert set(result.timings_ms) >= {"detect", "translate", "red_flags", "classify"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("crushing pain in my chest going down my left arm", "heart_attack"),
        ("my dad's face is drooping and his speech is slurred", "stroke"),
        ("i can't breathe", "breathing"),
        ("i want to kill myself", "suicide_self_harm"),
        ("my throat is closing up after i ate peanuts", "anaphylaxis"),
        ("she had a seizure and is not waking up", "seizure_unconscious"),
        # several kinds fire: the one with the most evidence is named
        ("i am pregnant and i fainted", "pregnancy"),
        ("8 months pregnant and seeing flashing lights", "pregnancy"),  # a warning sign of pre-eclampsia
        ("my chest hurts when i cough and i am in a cold sweat", "heart_attack"),  # the sweat outweighs the cough
        ("he is suddenly confused and has a high fever", "meningitis_sepsis"),
        ("stiff neck and a fever that comes and goes", "meningitis_sepsis"),  # a recurring fever is a fever
        ("i am pregnant and have a terrible headache", "pregnancy"),  # a severe headache is a headache
        ("covered in hives after the new pills and i can't breathe", "anaphylaxis"),
        ("he is suddenly confused and cannot speak properly", "stroke"),
    ],
)
def test_red_flags_in_english(engine, text, kind):
    result = engine.triage(text)
    assert result.red_flag == kind
    assert result.outcome == "emergency" and result.disease is None and result.specialty == "urgent"


@pytest.mark.parametrize(
    ("text", "disease"),
    [
        # The dataset's asthma paragraphs nearly all mention a high fever and its allergy paragraphs describe
        # colds; training/knowledge/atypical_symptoms.toml keeps that label noise out of the short examples.
        ("coughing up thick yellow phlegm, high fever and short of breath", "pneumonia"),
        ("wheezing and short of breath at night", "bronchial_asthma"),
        ("runny nose and a sore throat", "common_cold"),
        ("sneezing and itchy watery eyes every spring", "allergy"),
        ("acid coming up into my throat after meals", "gerd"),
    ],
)
def test_neighbouring_conditions_are_told_apart_by_their_clinical_signs(engine, text, disease):
    assert engine.triage(text, "en").disease == disease


def test_safe_negation_does_not_alarm_but_suicide_is_never_negated(engine):
    assert engine.triage("no chest pain, just a runny nose and sneezing").red_flag is None
    assert engine.triage("i dont want to kill myself but i think about it").red_flag == "suicide_self_harm"


@pytest.mark.parametrize(
    ("denied", "said", "language"),
    [
        ("may lagnat pero walang stiff neck", "may lagnat at stiff neck", "tl"),
        ("khong co chest pain chi ho thoi", "bi chest pain qua", "vi"),
        ("нет chest pain, просто кашель", "у меня chest pain", "ru"),
        ("没有chest pain，只是咳嗽", "有chest pain", "zh"),  # no space before the English: still English words
        ("ما عندي chest pain بس كحة", "عنديchest pain", "ar"),
        ("no era convulsion, solo escalofrios", "tuvo una convulsion", "es"),  # English "convulsion" in a denial
    ],
)
def test_english_words_in_another_language_take_that_languages_negation(engine, denied, said, language, monkeypatch):
    """Patients mix English symptom words into their own language; their own "no" denies them too. The same
    words said without a denial still stop the patient. (The rows: the learned screen has its own say.)"""
    monkeypatch.setattr(engine.res, "urgency", None)
    assert engine.triage(denied, language).red_flag is None
    assert engine.triage(said, language).red_flag is not None


@pytest.mark.parametrize(
    ("framed", "now", "language"),
    [
        (
            "thought I was having a heart attack but it's the heartburn I get after spicy food",
            "I think I'm having a heart attack",
            "en",
        ),
        ("my father died of a heart attack, my blood pressure is 150/95", "my husband had a stroke this morning", "en"),
        (
            "creí que era un infarto pero es la acidez de siempre después de comer",
            "creo que me está dando un infarto",
            "es",
        ),
        (
            "j'ai cru à une crise cardiaque mais c'est l'acidité après les repas",
            "je crois que je fais un infarctus",
            "fr",
        ),
        ("думала, что инфаркт, а это изжога после еды", "у мужа инсульт", "ru"),
        ("我以为是心梗，其实是吃完饭烧心", "我好像中风了", "zh"),
    ],
)
def test_a_named_diagnosis_alarms_when_reported_not_when_feared_mistaken_or_history(
    engine, framed, now, language, monkeypatch
):
    """Ordinary patients name the emergency they feared, mistook or saw in their family ("thought it was a heart
    attack but…"); on a tenth round of writers those frames were the commonest false alarm. Said of now, the same
    name still stops the patient. (The rows: the learned screen has its own say.)"""
    monkeypatch.setattr(engine.res, "urgency", None)
    framed_result = engine.triage(framed, language)
    assert framed_result.red_flag is None and framed_result.disease is not None
    assert engine.triage(now, language).red_flag in {"heart_attack", "stroke"}


@pytest.mark.parametrize(
    ("together", "one", "kind", "language"),
    [
        ("a bit of indigestion tonight and i'm in a cold sweat", "a bit of indigestion tonight", "heart_attack", "en"),
        (
            "hives all over after the shrimp and now i feel dizzy",
            "hives all over after the shrimp",
            "anaphylaxis",
            "en",
        ),
        ("black stools for two days and so weak", "black stools for two days", "bleeding", "en"),
        (
            "fever, the light hurts my eyes and a terrible headache",
            "fever and a terrible headache",
            "meningitis_sepsis",
            "en",
        ),
        ("tengo urticaria y me mareo", "tengo urticaria", "anaphylaxis", "es"),
        ("black stools since yesterday and she looks pale", "black stools since yesterday", "bleeding", "en"),
        ("he looks very pale and his chest feels tight", "his chest feels tight", "heart_attack", "en"),
        ("está muy pálido y con el pecho apretado", "tiene el pecho apretado", "heart_attack", "es"),
    ],
)
def test_two_ordinary_signs_together_can_be_an_emergency(engine, together, one, kind, language, monkeypatch):
    """Understated emergencies often name no danger sign at all, only two ordinary ones that a nurse reads
    together: "indigestion" with a cold sweat, hives with dizziness, black stools with weakness. Each alone is
    a queue ticket."""
    monkeypatch.setattr(engine.res, "urgency", None)
    assert engine.triage(together, language).red_flag == kind
    assert engine.triage(one, language).red_flag is None


def test_a_pale_face_alone_is_a_queue_ticket(engine, monkeypatch):
    monkeypatch.setattr(engine.res, "urgency", None)
    result = engine.triage("my little girl looks pale and tired since her cold", "en")
    assert result.red_flag is None and "pallor" in result.concepts


def test_a_denied_cold_sweat_after_the_word_is_not_one(engine, monkeypatch):
    """Korean says "cold sweat, not" (식은땀은 안 나요): read as a statement, not as a cold sweat that with
    heartburn would be an alarm."""
    monkeypatch.setattr(engine.res, "urgency", None)
    assert engine.triage("밥 먹고 나면 속쓰림이 심해요 식은땀은 안 나요", "ko").red_flag is None
    assert engine.triage("밥 먹고 나면 속쓰림이 심하고 식은땀이 나요", "ko").red_flag == "heart_attack"


def test_pain_down_the_arm_from_a_stiff_neck_is_not_the_heart(engine):
    assert engine.triage("stiff neck for weeks and the pain goes down into my right arm", "en").red_flag is None
    assert engine.triage("pain going down my left arm and jaw", "en").red_flag == "heart_attack"


def test_english_words_in_another_language_reach_the_model_once(engine):
    """Mixed-in English words are read for the model too, not only by the red-flag screen: "neck pain 手 numb"
    was empty to the model and went to the nurse. The patient's own "no" denies them, and words the
    language's own lexicon also read count once, in its reading ("parang crust" is a Tagalog scalp scale)."""
    assert "neck pain" in engine.model_text("neck pain 手 numb", "zh")
    result = engine.triage("neck pain 手 numb", "zh")
    assert not result.abstained and result.disease is not None
    assert "sore throat" in engine.model_text("me duele mucho, tengo sore throat", "es")
    assert "fever" not in engine.model_text("no tengo fever pero me duele la garganta", "es")
    crusts = engine.res.lexicon.concepts["crusts"].english
    assert crusts in engine.model_text("may crust sa sugat ng anak ko", "tl")
    assert crusts not in engine.model_text("makapal na parang crust na ung sa anit ko", "tl")


def test_a_danger_sign_the_patient_names_overrules_the_model(engine):
    ordinary = engine.triage("sneezing all day and a runny nose", "en")
    assert ordinary.outcome == "specialty"
    confirmed = engine.confirm_emergency(ordinary, "stroke")
    assert (confirmed.outcome, confirmed.red_flag, confirmed.reason) == ("emergency", "stroke", "patient_answer")
    assert confirmed.specialty == "urgent" and confirmed.disease is None and confirmed.top3 == []
    assert confirmed.english_text == ordinary.english_text and confirmed.language == "en"
    assert ordinary.outcome == "specialty"  # the original result is not changed
    with pytest.raises(ValueError, match="not a danger sign"):
        engine.confirm_emergency(ordinary, "possible_emergency")  # the learned kind is not asked about
    asked = [kind.id for kind in engine.res.red_flags.questions]
    assert len(asked) == 12 and "possible_emergency" not in asked


DEV_SETS = sorted((ROOT / "data" / "dev").glob("*.jsonl"))


@pytest.mark.parametrize("path", DEV_SETS, ids=lambda p: p.stem)
def test_every_dev_red_flag_is_caught(engine, path, monkeypatch):
    """Regression guard on the dev sets (the held-out sets are reported by training, not asserted), for the
    rows and the spelling reader alone: the learned urgency screen was trained on these complaints."""
    monkeypatch.setattr(engine.res, "urgency", None)
    items = [item for item in load_patient_set(path) if item.get("red_flag")]
    results = engine.triage_many([(item["text"], path.stem) for item in items])
    missed = [item["text"] for item, result in zip(items, results, strict=True) if result.red_flag is None]
    assert not missed


@pytest.mark.parametrize("path", DEV_SETS, ids=lambda p: p.stem)
def test_dev_false_alarms_stay_under_three_percent(engine, path):
    """The issue's ceiling for ordinary complaints sent to the desk, per language."""
    items = [item for item in load_patient_set(path) if not item.get("red_flag")]
    results = engine.triage_many([(item["text"], path.stem) for item in items])
    alarms = [(item["text"], r.red_flag) for item, r in zip(items, results, strict=True) if r.red_flag is not None]
    assert len(alarms) <= 0.03 * len(items), alarms


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("머리가 너무 아파요", "ko"),
        ("我发烧了，头很疼", "zh"),
        ("عندي صداع وحمى", "ar"),
        ("у меня болит горло", "ru"),
        ("me duele mucho la garganta y tengo fiebre", "es"),
        ("mwen gen lafyèv ak tèt fè m mal", "ht"),
        ("j'ai mal à la gorge et de la fièvre", "fr"),
        ("tôi bị sốt và đau đầu", "vi"),
        ("masakit ang ulo ko at nilalagnat ako", "tl"),
        ("estou com febre e dor de garganta", "pt"),
    ],
)
def test_language_is_detected_and_lexicon_translates(engine, text, language):
    result = engine.triage(text)
    assert result.language == language
    assert result.translation_backend == "lexicon"
    assert result.english_text


def test_arabic_typed_in_latin_letters_is_read_as_arabic(engine):
    """Arabizi: no language choice, Latin letters, yet the Arabic lexicon must read it (``latin_too``)."""
    result = engine.triage("sadri biyuja3ni kteer w mesh 2ader atnaffas")
    # chest pain and cannot breathe, both read: the heart-attack rule names two signs, so it is reported
    assert (result.language, result.red_flag) == ("ar", "heart_attack")
    assert result.english_text == "chest pain. cannot breathe"
    assert engine.triage("3andi 7arara w rasi yuja3ni").language == "ar"
    assert engine.triage("my chest hurts and i have a fever").language == "en"


def test_russian_typed_in_latin_letters_is_read_as_russian(engine):
    """Translit, typed on a phone or keyboard without Cyrillic: the Russian lexicon's Latin rows read it."""
    result = engine.triage("ne mogu dyshat, guby sinie")
    assert (result.language, result.red_flag) == ("ru", "breathing")
    assert engine.triage("bolit gorlo i nasmork uzhe tri dnya").language == "ru"
    assert engine.triage("sore throat and runny nose for three days").language == "en"


def test_latin_too_is_what_lets_the_detector_consider_arabic_for_latin_letters(engine, tmp_path):
    import dataclasses

    from kiosk.errors import ConfigError
    from kiosk.triage.detect import LanguageDetector
    from kiosk.triage.languages import LanguageSet, load_languages

    arabizi = "sadri biyuja3ni kteer w mesh 2ader atnaffas"
    shipped = engine.res.languages
    assert shipped.get("ar").latin_too
    assert LanguageDetector(shipped, engine.res.lexicon, cache=engine.res.cache).detect(arabizi).language == "ar"
    without = LanguageSet(
        shipped.default, tuple(dataclasses.replace(lang, latin_too=False) for lang in shipped.languages)
    )
    assert LanguageDetector(without, engine.res.lexicon, cache=engine.res.cache).detect(arabizi).language != "ar"
    text = (
        (ROOT / "resources" / "languages.toml")
        .read_text(encoding="utf-8")
        .replace("latin_too = true", 'latin_too = "yes"')
    )
    (tmp_path / "languages.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="latin_too must be true or false"):
        load_languages(tmp_path / "languages.toml")


def test_patient_choice_wins_over_detection(engine):
    result = engine.triage("fever", "es")
    assert result.language == "es"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("😷🤒💊", "no_words"),
        ("12345 !!!", "no_words"),
        ("asdkjh qwpoeiru zxmcnv", "not_understood"),
        ("สวัสดีครับ ปวดหัว", "unsupported_language"),
    ],
)
def test_inputs_that_cannot_be_routed_go_to_the_nurse(engine, text, reason):
    result = engine.triage(text)
    assert result.abstained and result.outcome == "nurse" and result.specialty == "nurse"
    assert result.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script> fever",
        "'; DROP TABLE tickets; -- i have a rash",
        "fever\x00\x1b[31m cough\u202e",
        "головная боль and fever 头痛",
        None,
        12345,
        b"bytes fever".decode() * 400,
    ],
)
def test_odd_inputs_never_raise(engine, text):
    result = engine.triage(text)
    json.dumps(result.to_json())  # always serialisable
    assert result.outcome in ("specialty", "nurse", "emergency")


def test_huge_input_is_classified_on_its_start_but_screened_in_full(engine):
    text = "itchy rash on my arms " * 200 + " and now i cant breathe"
    assert len(text) > 4000
    result = engine.triage(text)
    assert result.truncated
    assert result.red_flag == "breathing"


def test_deterministic(engine):
    first = engine.triage("my joints are stiff and swollen in the morning").to_json()
    second = engine.triage("my joints are stiff and swollen in the morning").to_json()
    for volatile in ("elapsed_ms", "timings_ms"):
        first.pop(volatile)
        second.pop(volatile)
    assert first == second


def test_engine_imports_no_qt():
    code = "import sys, kiosk.triage.engine; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_batch_triage_gives_the_same_answers_as_one_by_one(engine):
    """Evaluation scores thousands of complaints with ``triage_many``; it must equal what patients get."""
    items = [(item["text"], "es") for item in load_patient_set(ROOT / "data" / "dev" / "es.jsonl")[:40]]
    items += [
        ("", None),
        ("😀😀😀", None),
        ("qwzx vbnm plkj", None),
        ("my chest hurts and my left arm is numb", "en"),
        ("x" * 3000, "en"),
        ("头疼发烧", None),
        (None, "fr"),
    ]

    def comparable(result):
        data = result.to_json()
        del data["elapsed_ms"], data["timings_ms"]
        return data

    one_by_one = [comparable(engine.triage(text, lang)) for text, lang in items]
    batched = [comparable(result) for result in engine.triage_many(items)]
    assert batched == one_by_one
    outcomes = {r["outcome"] for r in batched}
    assert outcomes == {"specialty", "nurse", "emergency"}  # the batch mixes every kind of ending


def test_warm_up_leaves_the_first_patient_nothing_to_build():
    """Building the lexicons' match indexes took 3.6 s inside the first patient's triage before warm-up did it."""
    from kiosk.triage.engine import Resources, TriageEngine

    engine = TriageEngine(Resources.load(ROOT / "resources", argos_dir=ROOT / "tests" / "no-packs", only=("fr",)))
    languages = engine.res.lexicon.languages
    assert not any("_index" in vars(lang_lex) for lang_lex in languages.values())
    engine.warm_up()
    assert all("_index" in vars(lang_lex) for lang_lex in languages.values())


def test_a_failure_inside_the_engine_hands_the_patient_to_the_nurse(engine, monkeypatch):
    """Whatever breaks while reading a complaint (here the red-flag screen), the patient gets the nurse queue,
    alone or in a batch, and the other complaints of the batch are still read."""

    class BrokenScreen:
        def screen(self, matches):
            raise RuntimeError("screen broke")

    monkeypatch.setattr(engine.res, "red_flags", BrokenScreen())
    result = engine.triage("it burns when i pee", "en")
    assert (result.outcome, result.abstained, result.reason) == ("nurse", True, "internal_error")
    assert [r.reason for r in engine.triage_many([("", None), ("runny nose", "en")])] == ["empty", "internal_error"]
