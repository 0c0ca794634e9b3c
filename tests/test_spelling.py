"""Misspelled emergency words: the red-flag screen's second look (kiosk/triage/spelling.py)."""

import gzip
from pathlib import Path

import pytest

from kiosk.errors import ConfigError
from kiosk.triage.lexicon import load_concepts, load_language
from kiosk.triage.spelling import SpellingReader, WordSet, load_spelling, read_word_list
from training.typocheck import check, misspell

ROOT = Path(__file__).resolve().parent.parent
CONCEPTS = (
    "id\tenglish\tgroup\tbutton\nrf_chest_pain\tchest pain\tred_flag\t1\n"
    "rf_unconscious\tunconscious\tred_flag\t0\nrf_bleeding\tbleeding\tred_flag\t0\nheadache\theadache\thead\t1\n"
)
SETTINGS = """
alone_min_length = 8
[layouts]
qwerty = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
[[language]]
code = "en"
keyboard = "qwerty"
sound_alike = ["aeiou"]
[[language]]
code = "ar"
prefixes = ["و"]
[[language]]
code = "ko"
min_length = 2
hangul = true
suffixes = ["이"]
"""


def reader(tmp_path: Path, code: str, mode: str, rows: str, settings: str = SETTINGS) -> SpellingReader:
    (tmp_path / "canonical.tsv").write_text(CONCEPTS, encoding="utf-8")
    (tmp_path / f"{code}.tsv").write_text("id\texpression\n" + rows, encoding="utf-8")
    (tmp_path / "spelling.toml").write_text(settings, encoding="utf-8")
    lexicon = load_language(tmp_path / f"{code}.tsv", code, mode, load_concepts(tmp_path / "canonical.tsv"))
    spelling = load_spelling(tmp_path / "spelling.toml", ["en", "ar", "ko"])
    return SpellingReader(lexicon, spelling.languages[code], spelling)


EN_ROWS = "rf_chest_pain\tchest pain\nrf_unconscious\tunconscious\nheadache\theadache\nheadache\tmy head hurts\n"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("chset", "chest"), ("chst", "chest"), ("chesst", "chest"), ("chedt", "chest"), ("chist", "chest")],
)
def test_one_slip_is_read_as_the_red_flag_word(tmp_path, typed, meant):
    """Swapped, dropped, doubled, a neighbouring key (s→d), a sound-alike vowel (e→i)."""
    assert reader(tmp_path, "en", "word", EN_ROWS).candidates(typed) == [meant]


@pytest.mark.parametrize("typed", ["xhest", "chelt", "chestnut", "che", "cjesy"])
def test_what_is_not_one_slip_is_left_alone(tmp_path, typed):
    """The first letter, a far key (s→l), a longer word, a short word, two slips."""
    assert reader(tmp_path, "en", "word", EN_ROWS).candidates(typed) == []


def test_known_words_are_never_corrected(tmp_path):
    spell = reader(tmp_path, "en", "word", EN_ROWS + "headache\tchess\n")
    assert spell.knows("chess") and spell.readings("chess pain") == []
    reading = spell.readings("my chset pain")[0]
    assert reading.text == "my chest pain" and reading.corrections == ("chset→chest",)


def test_a_short_corrected_word_alone_raises_nothing_but_a_long_one_does(tmp_path):
    spell = reader(tmp_path, "en", "word", EN_ROWS + "rf_bleeding\tbleeds\n")
    lexicon = load_language(tmp_path / "en.tsv", "en", "word", load_concepts(tmp_path / "canonical.tsv"))

    def found(text: str) -> set[str]:
        return {m.concept for _, matches in spell.matches(lexicon, text) for m in matches}

    assert found("chset pain") == {"rf_chest_pain"}  # "pain" was typed as it is
    assert spell.readings("he bleds")[0].text == "he bleeds"
    assert found("he bleds") == set()  # a six-letter word, corrected, on its own
    assert found("he is unconcious") == {"rf_unconscious"}  # eleven letters


def test_a_common_word_is_corrected_only_where_the_words_around_it_confirm_the_emergency(tmp_path):
    (tmp_path / "wordlists").mkdir()
    (tmp_path / "wordlists" / "en.txt.gz").write_bytes(gzip.compress(b"# header\nchedt\nunconsious\n"))
    spell = reader(tmp_path, "en", "word", EN_ROWS)
    lexicon = load_language(tmp_path / "en.tsv", "en", "word", load_concepts(tmp_path / "canonical.tsv"))

    def found(text: str) -> set[str]:
        return {m.concept for _, matches in spell.matches(lexicon, text) for m in matches}

    assert found("chedt pain") == {"rf_chest_pain"}  # "pain" confirms it (chedt: a "common word" here)
    assert found("he is unconscous") == {"rf_unconscious"}  # long, and no real word
    assert found("he is unconsious") == set()  # long, but a real word (in this list): not alone


def test_a_damaged_word_list_is_read_as_none(tmp_path, caplog):
    damaged = tmp_path / "en.txt.gz"
    damaged.write_bytes(b"not gzip at all")
    assert len(read_word_list(damaged)) == 0
    assert "cannot be read" in caplog.text
    damaged.write_bytes(gzip.compress(b"\xff\xfe broken"))
    assert len(read_word_list(damaged)) == 0


def test_every_candidate_of_an_ambiguous_slip_is_tried(tmp_path):
    rows = EN_ROWS + "rf_bleeding\tbleeds a lot\nrf_bleeding\tbreeds a lot\n"
    spell = reader(tmp_path, "en", "word", rows.replace("breeds", "bleeds"))  # one word, sanity
    assert spell.candidates("bleds") == ["bleeds"]
    spell = reader(tmp_path, "en", "word", EN_ROWS + "rf_bleeding\tbleeds a lot\nrf_bleeding\tblends a lot\n")
    texts = [reading.text for reading in spell.readings("it blends a lot")]
    assert texts == []  # "blends" is a lexicon word: known
    texts = [reading.text for reading in spell.readings("it bleds a lot")]
    assert texts == ["it bleds a lot".replace("bleds", c) for c in spell.candidates("bleds")]


def test_attached_words_stay_as_typed_in_arabic(tmp_path):
    spell = reader(tmp_path, "ar", "substring", "rf_bleeding\tينزف دم\nheadache\tراسي\n")
    assert spell.knows("وراسي")
    assert spell.candidates("ويزنف") == ["وينزف"]
    reading = spell.readings("ابني يزنف دم")[0]
    assert reading.text == "ابني ينزف دم" and reading.spans == ((4, 8, False),)  # spaces removed in substring mode


def test_a_korean_block_with_one_letter_mistyped_is_a_slip(tmp_path):
    spell = reader(tmp_path, "ko", "substring", "rf_chest_pain\t가슴 통증\nrf_unconscious\t의식 없\n")
    assert spell.candidates("통즘이") == ["통증이"]  # final consonant ㅁ for ㅇ, particle kept
    assert spell.candidates("동증") == []  # first consonant differs


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("min_length = 1\n", "min_length must be a whole number of at least 2"),
        ('[[language]]\ncode = "en"\nkeyboard = "dvorak"\n', "keyboard 'dvorak' is not one of the [layouts]"),
        ('[[language]]\ncode = "en"\nsound_alike = "aeiou"\n', "sound_alike must be a list"),
        ('[[language]]\ncode = "en"\n[[language]]\ncode = "en"\n', "en is listed twice"),
        ('[layouts]\nqwerty = "qwerty"\n', "[layouts] must give each keyboard as a list of rows"),
        ("alone_min_length = true\n", "alone_min_length must be a whole number"),
    ],
)
def test_settings_mistakes_are_explained(tmp_path, settings, message):
    (tmp_path / "spelling.toml").write_text(settings, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_spelling(tmp_path / "spelling.toml", ["en"])


def test_settings_for_a_language_not_offered_are_ignored(tmp_path):
    (tmp_path / "spelling.toml").write_text('[[language]]\ncode = "ko"\nhangul = true\n', encoding="utf-8")
    assert load_spelling(tmp_path / "spelling.toml", ["en"]).languages == {}


def test_the_shipped_settings_cover_every_alphabetic_language(resources_dir):
    spelling = load_spelling(
        resources_dir / "spelling.toml", ["en", "es", "zh", "vi", "ar", "tl", "ru", "ko", "fr", "ht", "pt"]
    )
    assert set(spelling.languages) == {"en", "es", "vi", "ar", "tl", "ru", "ko", "fr", "ht", "pt"}
    assert ("س", "ش") in spelling.languages["ar"].neighbours  # keys side by side on the Arabic keyboard
    for code, language in spelling.languages.items():  # every language wordfreq has ships its common words
        assert (language.common_words is None) == (code == "ht"), code
        assert len(read_word_list(language.common_words or resources_dir / "none")) > (5000 if code != "ht" else -1)


# -- the shipped engine --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("my dad has chset pain and is sweating", "en", "heart_attack"),
        ("she is unconscous", "en", "seizure_unconscious"),
        ("no puedo respirr", "es", "breathing"),
        ("ابوي عنده الم في سدره وعرق بارد", "ar", "heart_attack"),  # سدره: صدره spelled by ear
        ("عندي ضيق تنفص شديد", "ar", "breathing"),
        ("ребенок потерял сознаие", "ru", "seizure_unconscious"),
        ("남편이 가슴 통즘이 심하고 식은땀을 흘려요", "ko", "heart_attack"),
    ],
)
def test_misspelled_emergencies_reach_the_desk(engine, text, language, kind):
    result = engine.triage(text, language)
    assert result.red_flag == kind
    assert result.spelling_corrections  # says which words were read as what


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("رقبتي توجعني من الجلسة على الكمبيوتر", "ar"),  # الجلسة (a sitting) is one key from الجلطة (a clot)
        ("my daughters skin is itchy and red", "en"),
        ("tengo tos y mocos desde hace tres dias", "es"),
    ],
)
def test_real_words_near_emergency_words_do_not_alarm(engine, text, language):
    assert engine.triage(text, language).red_flag is None


def test_misspell_makes_one_slip_and_keeps_the_first_letter():
    import random

    rng = random.Random(3)
    for _ in range(50):
        typed = misspell("crushing pain in chest", rng, {"s": ["a", "d"]}, "abc")
        assert typed is not None and typed != "crushing pain in chest"
        changed = [(a, b) for a, b in zip(["crushing", "pain", "in", "chest"], typed.split(), strict=True) if a != b]
        assert len(changed) == 1 and changed[0][0][0] == changed[0][1][0]
    assert misspell("a b c", rng, {}, "abc") is None


def test_most_emergencies_survive_one_slip(engine):
    """Dev-set emergencies with one random slip each: without the second look about 70% were caught."""
    for language in ("en", "es", "ar"):
        figures = check(engine, ROOT / "data" / "dev" / f"{language}.jsonl", language, slips_per_complaint=1)
        assert figures.sensitivity >= 0.88, (language, figures)
        assert figures.false_alarm_rate <= 0.03, (language, figures)


def test_a_word_list_answers_membership_like_a_set():
    words = ["الجلسة", "chest", "unconsious", "école"]
    listed = WordSet([*words, "chest"])
    assert len(listed) == 4
    assert all(word in listed for word in words)
    assert "chset" not in listed and "" not in listed and "الجلطة" not in listed
    assert "anything" not in WordSet(())
