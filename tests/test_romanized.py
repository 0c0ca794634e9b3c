"""Arabizi read through the Arabic script's rows: the spelling table, the rewriting, and what it may decide."""

from pathlib import Path

import pytest

from kiosk.errors import ConfigError
from kiosk.triage.romanized import RomanizedReader, latin_shapes, load_romanization, script_shape, skeleton

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "resources" / "romanization.toml"


@pytest.fixture(scope="module")
def arabic():
    return load_romanization(SHIPPED, ["ar", "en"])["ar"]


def test_the_shipped_table_loads_for_arabic_only(arabic):
    tables = load_romanization(SHIPPED, ["en", "ar", "ru"])
    assert set(tables) == {"ar"}
    assert load_romanization(SHIPPED, ["en"]) == {}
    assert load_romanization(ROOT / "no-such-file.toml", ["ar"]) == {}


def test_latin_and_script_spellings_share_consonants(arabic):
    """Vowels and doubled letters differ between spellings; the consonants, as Latin spellings hear them, do not."""
    for latin, script in [("wja3", "وجع"), ("batni", "بطني"), ("7arara", "حرارة"), ("sadri", "صدري"), ("dawa", "دوا")]:
        shape = script_shape(script.replace("ة", "ه"), arabic)
        assert skeleton(shape) in {skeleton(s) for s, _ in latin_shapes(latin, arabic)}, (latin, script)
    # A digit may stand for two letters: "2alb" is قلب (heart) with 2 read as qaf, before it is read as a hamza.
    assert next(skeleton(s) for s, _ in latin_shapes("2alb", arabic)) == skeleton(script_shape("قلب", arabic))
    assert latin_shapes("ñandu", arabic) == []  # a letter the table does not know: not Arabizi


def test_the_word_whose_vowels_agree_wins_a_shared_skeleton(arabic):
    """دوا (medicine) and اذا (if) share d-a consonants; "dawa" is the first, however often rows use the other."""
    reader = RomanizedReader(arabic, ["اذا"] * 50 + ["دوا", "عندي", "وجع", "في", "بطني"])
    assert reader.rewrite(["5adt", "dawa"]) == "5adt دوا"
    assert reader.rewrite(["3andi", "wja3", "fi", "batni"]) == "عندي وجع في بطني"


def test_only_complaints_written_with_arabizi_digits_are_rewritten(arabic):
    """English mixed into a complaint ("pressure", "bad") is not Arabizi; the digits are the sign that it is."""
    reader = RomanizedReader(arabic, ["بطني", "وجع", "بارد"])
    assert reader.rewrite(["bad", "pain", "in", "my", "batni"]) is None
    assert reader.rewrite(["wjaa", "fi", "batni"]) is None
    assert reader.rewrite(["wja3", "3ndi"]) == "وجع 3ndi"


def test_words_the_latin_rows_read_are_kept_as_typed(arabic):
    reader = RomanizedReader(arabic, ["صدري", "بيصفر", "وجع"])
    assert reader.rewrite(["sadri", "bysaffer", "w", "wja3"], keep={0, 1}) == "sadri bysaffer وجع"


def test_an_article_written_apart_joins_its_word(arabic):
    reader = RomanizedReader(arabic, ["الراس", "وجع"])
    assert reader.rewrite(["wja3", "fi", "el", "ras"]) == "وجع fi الراس"
    assert reader.rewrite(["wja3", "el"]) == "وجع el"


def test_a_mistake_in_the_table_is_named(tmp_path):
    bad = {
        'groups = [{ letters = "ب", latin = ["b"] }, { letters = "بت", latin = ["t"] }]': "already in another group",
        'groups = [{ letters = "ب", latin = ["ب"] }]': "only list Latin letters",
        'groups = [{ letters = "ب", latin = "b" }]': "must be a list",
        "groups = []": "groups must list",
        'groups = [{ letters = "ب", latin = ["b"] }]\nvowels = { "ب" = "a" }': "both a vowel and in a group",
        'groups = [{ letters = "ب", latin = ["b"] }]\nlatin_vowels = { a = "ab" }': "one vowel",
    }
    for body, message in bad.items():
        path = tmp_path / "romanization.toml"
        path.write_text(f"[ar]\n{body}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            load_romanization(path, ["ar"])


def test_arabizi_the_latin_rows_do_not_know_reaches_the_model(engine):
    """ "fi rijli" is in no Latin-letter row; rewritten as في رجلي, the Arabic rows read a leg."""
    lexicon = engine.res.lexicon.for_language("ar")
    text = "el 7akka fi rijli bayn asabi3"
    assert {m.concept for m in lexicon.match(text)} == {"itching"}
    result = engine.triage(text, "ar")
    assert result.red_flag is None and "leg" in result.english_text and "itching" in result.english_text


def test_a_rewritten_emergency_of_several_words_raises_the_flag(engine):
    text = "abuya wijhu mayil 3ala janb w kalamo m5arbat"  # face drooping to one side, speech jumbled
    assert engine.res.lexicon.for_language("ar").match(text) == []
    assert engine.triage(text, "ar").red_flag == "stroke"
    # stiff neck from the Latin rows, a high fever from the rewritten words: together, meningitis
    assert engine.triage("3ando ta3ab w 7ararto 3alya w rgbto m7ajra", "ar").red_flag == "meningitis_sepsis"


def test_one_rewritten_word_never_raises_the_flag_on_its_own(engine):
    """ "anazzif" (I clean) has the consonants of نزيف (bleeding): a guess, read by the model at most."""
    text = "kil ma anazzif el bait ba3tis"
    lexicon = engine.res.lexicon.for_language("ar")
    reader = engine._romanized_reader("ar")
    assert any(
        m.concept.startswith("rf_")
        for m in lexicon.match(reader.rewrite(lexicon.words(text), lexicon.words_used(text)))
    )
    result = engine.triage(text, "ar")
    assert result.red_flag is None and result.disease == "allergy"
