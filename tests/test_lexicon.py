from pathlib import Path

import pytest

from kiosk.errors import ConfigError
from kiosk.triage.languages import load_languages
from kiosk.triage.lexicon import load_concepts, load_language, load_lexicon
from kiosk.triage.textnorm import fold

CONCEPTS = (
    "id\tenglish\tgroup\tbutton\nfever\tfever\tgeneral\t1\nrf_chest_pain\tchest pain\tred_flag\t1\n"
    "chest_pain_cough\tchest hurts when coughing\tchest\t0\nheadache\theadache\thead\t1\n"
)


@pytest.fixture
def lexdir(tmp_path: Path) -> Path:
    (tmp_path / "canonical.tsv").write_text(CONCEPTS, encoding="utf-8")
    return tmp_path


def lang(lexdir: Path, code: str, mode: str, rows: str):
    path = lexdir / f"{code}.tsv"
    path.write_text("id\texpression\n" + rows, encoding="utf-8")
    return load_language(path, code, mode, load_concepts(lexdir / "canonical.tsv"))


def test_fold_removes_accents_case_and_arabic_variants():
    assert fold("DOLÓR de Cabeça") == "dolor de cabeca"
    assert fold("Đau đầu") == "dau dau"
    assert fold("أَلَم") == fold("الم")
    assert fold("صدری یوجعنی کثیر") == fold("صدري يوجعني كثير")  # Persian-keyboard letters
    assert fold("fever, cough") == "fever | cough"
    # A decimal separator is part of a number, not the end of a clause.
    assert fold("il a 38,5 de fièvre, tousse") == "il a 38 5 de fievre | tousse"
    assert fold("39.2. chest") == "39 2 | chest"


def test_fold_reads_a_stretched_letter_as_one():
    assert fold("painnnn in my CHESTTT") == "pain in my chest"
    assert fold("صدررري") == fold("صدري")
    assert fold("болиииит") == "болит"
    assert fold("아아아파요") == "아파요"
    assert fold("feeling 1000 mg") == "feeling 1000 mg"  # double letters and digits are left alone


def test_traditional_chinese_folds_to_simplified(lexdir):
    """A Hong Kong or Taiwan patient types 頭痛 and 發燒; one Simplified row reads both scripts."""
    assert fold("頭痛發燒，喘唔到氣") == fold("头痛发烧，喘唔到气") == "头痛发烧 | 喘唔到气"
    assert fold(fold("頭痛")) == fold("頭痛")
    zh = lang(lexdir, "zh", "substring", "headache\t头痛得厉害\nrf_chest_pain\t胸口好紧\n")
    assert [m.concept for m in zh.match("個頭痛得好厲害")] == []  # 好 between: not the row
    assert [m.concept for m in zh.match("頭痛得厲害，胸口好緊")] == ["headache", "rf_chest_pain"]


def test_word_mode_matches_whole_words_longest_first(lexdir):
    es = lang(
        lexdir,
        "es",
        "word",
        "rf_chest_pain\tdolor de pecho\nchest_pain_cough\tdolor de pecho al toser\n"
        "fever\tfiebre\nrf_chest_pain\tdolor * pecho\n",
    )
    assert [m.concept for m in es.match("Tengo FIEBRE y dolor de pecho al toser")] == ["fever", "chest_pain_cough"]
    assert [m.concept for m in es.match("dolor fuerte en el pecho")] == ["rf_chest_pain"]
    assert es.match("fiebres") == []  # whole words only


def test_a_red_flag_inside_a_gap_is_not_hidden_by_the_longer_expression(lexdir):
    """A longer row wins over rows it overlaps, except a red flag that sits wholly inside its `*` gap."""
    rows = "fever\tfever * not going down\nrf_chest_pain\tchest pain\nchest_pain_cough\tchest pain when coughing\n"
    en = lang(lexdir, "en", "word", rows)
    assert [m.concept for m in en.match("fever chest pain not going down")] == ["fever", "rf_chest_pain"]
    assert [m.concept for m in en.match("chest pain when coughing")] == ["chest_pain_cough"]  # fixed words: no flag
    assert [m.concept for m in en.match("fever really high not going down")] == ["fever"]
    zh = lang(lexdir, "zh", "substring", "fever\t发烧*不退\nrf_chest_pain\t胸痛\n")
    assert [m.concept for m in zh.match("发烧胸痛不退")] == ["fever", "rf_chest_pain"]


def test_only_a_red_flag_gap_spans_a_comma(lexdir):
    """Patients list an emergency's parts as clauses; other expressions must not join unrelated clauses."""
    rows = "rf_chest_pain\tchest * cannot breathe\nfever\tfever * not going down\n"
    en = lang(lexdir, "en", "word", rows)
    assert [m.concept for m in en.match("chest tight, cannot breathe")] == ["rf_chest_pain"]
    # clause marks do not use up the three words a gap may skip
    assert [m.concept for m in en.match("chest, tight, so tight, cannot breathe")] == ["rf_chest_pain"]
    assert en.match("chest feels so very tight, cannot breathe") == []  # still at most three words
    assert en.match("fever, cough, not going down") == []
    assert [m.concept for m in en.match("fever still not going down")] == ["fever"]
    ar = lang(lexdir, "ar", "substring", "rf_chest_pain\tصدري*ما اقدر اتنفس\nfever\tحراره*ما تنزل\n")
    assert [m.concept for m in ar.match("صدري، ما اقدر اتنفس")] == ["rf_chest_pain"]
    assert ar.match("حرارة، ما تنزل") == []


def test_prefix_mode_lets_the_last_word_inflect(lexdir):
    ru = lang(lexdir, "ru", "prefix", "headache\tболит голов\n")
    assert [m.concept for m in ru.match("Очень болит голова")] == ["headache"]
    assert ru.match("заболит голова") == []  # must start at a word start


def test_substring_mode_ignores_spaces(lexdir):
    zh = lang(lexdir, "zh", "substring", "fever\t发烧\nrf_chest_pain\t胸口*疼\n")
    assert [m.concept for m in zh.match("我发烧，胸口很疼")] == ["fever", "rf_chest_pain"]


def test_negation_cancels_only_the_next_symptom_in_the_same_clause(lexdir):
    en = lang(lexdir, "en", "word", "_negation\tno\nfever\tfever\nheadache\theadache\nrf_chest_pain\tchest pain\n")
    found = {m.concept: m.negated for m in en.match("no fever but a headache")}
    assert found == {"fever": True, "headache": False}
    found = {m.concept: m.negated for m in en.match("no fever, chest pain")}
    assert found == {"fever": True, "rf_chest_pain": False}
    found = {m.concept: m.negated for m in en.match("no fever and my really bad chest pain")}
    assert found["rf_chest_pain"] is False


def test_red_flags_are_cancelled_only_by_a_cue_right_before_them(lexdir):
    en = lang(lexdir, "en", "word", "_negation\tno\nfever\tfever\nrf_chest_pain\tchest pain\n")
    assert {m.concept: m.negated for m in en.match("no chest pain")} == {"rf_chest_pain": True}
    assert {m.concept: m.negated for m in en.match("no fever")} == {"fever": True}
    # Two words between cue and symptom still negate an ordinary symptom, never a red flag.
    assert {m.concept: m.negated for m in en.match("no real fever")} == {"fever": True}
    assert {m.concept: m.negated for m in en.match("no severe chest pain")} == {"rf_chest_pain": False}
    # A cue after a symptom may be its post-posed "not" (Russian, Chinese, spoken Portuguese): the red
    # flag after it stands; with a clause break the cue starts afresh.
    assert {m.concept: m.negated for m in en.match("fever no chest pain")} == {"fever": False, "rf_chest_pain": False}
    assert {m.concept: m.negated for m in en.match("fever, no chest pain")} == {"fever": False, "rf_chest_pain": True}
    ru = lang(lexdir, "ru", "prefix", "_negation\tнет\nfever\tтемператур\nrf_chest_pain\tболит груд\n")
    assert {m.concept: m.negated for m in ru.match("температуры нет болит грудь")}["rf_chest_pain"] is False
    assert {m.concept: m.negated for m in ru.match("нет температуры болит грудь")}["fever"] is True


def test_a_denial_is_read_but_negates_nothing_after_it(lexdir):
    ru = lang(
        lexdir,
        "ru",
        "prefix",
        "_negation\tнет\n_denied\tсознание не терял\nrf_chest_pain\tдавит * груд\nfever\tтемператур\n",
    )
    found = ru.match("сознание не терял давит в груди", keep_negation=True)
    assert [(m.concept, m.negated) for m in found] == [("_denied", False), ("rf_chest_pain", False)]
    assert [m.concept for m in ru.match("сознание не терял, температура")] == ["fever"]
    # "нет" right before the denial does not reach past it.
    assert [(m.concept, m.negated) for m in ru.match("нет сознание не терял температура")] == [("fever", False)]


def test_unknown_concept_is_refused(lexdir):
    with pytest.raises(ConfigError, match=r"line 2: 'fevre' is not a concept"):
        lang(lexdir, "en", "word", "fevre\tfever\n")


def test_bad_files_are_refused(lexdir):
    (lexdir / "xx.tsv").write_bytes(b"id\texpression\nfever\t\xff\xfe\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_language(lexdir / "xx.tsv", "xx", "word", load_concepts(lexdir / "canonical.tsv"))
    (lexdir / "yy.tsv").write_text("expression\tid\nfever\tfever\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="header"):
        load_language(lexdir / "yy.tsv", "yy", "word", load_concepts(lexdir / "canonical.tsv"))
    (lexdir / "zz.tsv").write_text("id\texpression\nfever\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2: expected 2"):
        load_language(lexdir / "zz.tsv", "zz", "word", load_concepts(lexdir / "canonical.tsv"))


def test_first_row_is_the_button_label(lexdir):
    es = lang(lexdir, "es", "word", "fever\tFiebre\nfever\tcalentura\n")
    assert es.labels["fever"] == "Fiebre"


def test_shipped_lexicon_covers_every_concept_in_every_language(resources_dir):
    languages = load_languages(resources_dir / "languages.toml")
    lexicon = load_lexicon(resources_dir / "lexicon", {lang.code: lang.match for lang in languages.languages})
    for code, language in lexicon.languages.items():
        covered = {cid for cid, _ in language.rows}
        missing = sorted(set(lexicon.concepts) - covered)
        assert not missing, f"{code} lexicon lacks {missing}"
        if languages.get(code).negation_before:
            assert "_negation" in covered, f"{code} has no negation words"


def test_negation_words_are_whole_words_in_prefix_mode(lexdir):
    ru = lang(lexdir, "ru", "prefix", "_negation\tне\nheadache\tболит голов\nfever\tтемператур\n")
    found = {m.concept: m.negated for m in ru.match("неделю болит голова")}
    assert found == {"headache": False}
    assert {m.concept: m.negated for m in ru.match("не температура")} == {"fever": True}


def test_expressions_written_for_two_concepts_are_listed_with_the_winner_first():
    from kiosk.triage.lexicon import LanguageLexicon

    rows = [("nosebleed", "nose bleed"), ("rf_severe_bleeding", "nose bleed"), ("fever", "fever"), ("fever", "fever")]
    lexicon = LanguageLexicon(code="en", mode="word", rows=rows)
    assert lexicon.ambiguous() == [("nose bleed", ["nosebleed", "rf_severe_bleeding"])]
    assert [m.concept for m in lexicon.match("my nose bleed")] == ["nosebleed"]  # the first row wins, as listed
    chinese = LanguageLexicon(
        code="zh", mode="substring", rows=[("sore_throat", "嗓子 肿"), ("rf_throat_swelling", "嗓子肿")]
    )
    assert chinese.ambiguous() == [("嗓子肿", ["sore_throat", "rf_throat_swelling"])]


def test_a_red_flag_reaching_into_a_denied_clause_gives_way(lexdir):
    """A red flag's gap may cross a comma, a denial cannot: "fever * confused" must not outrank "not
    confused" when the patient wrote "fever, not confused". A bare "not" there is no denial ("bleeding,
    not stopping" is the emergency), and a denial in the same clause as the whole expression changes nothing."""
    rows = (
        "rf_chest_pain\tfever * confused\nrf_chest_pain\tbleeding * stopping\n_denied\tnot confused\n"
        "_negation\tnot\nfever\tfever\n"
    )
    en = lang(lexdir, "en", "word", rows)
    assert [m.concept for m in en.match("fever, not confused", keep_negation=True)] == ["fever", "_denied"]
    assert [m.concept for m in en.match("fever, now confused")] == ["rf_chest_pain"]
    assert [m.concept for m in en.match("bleeding, not stopping")] == ["rf_chest_pain"]
    zh = lang(lexdir, "zh", "substring", "rf_chest_pain\t发烧*糊涂\n_denied\t没有糊涂\nfever\t发烧\n")
    assert [m.concept for m in zh.match("发烧，没有糊涂", keep_negation=True)] == ["fever", "_denied"]
    assert [m.concept for m in zh.match("发烧，有点糊涂")] == ["rf_chest_pain"]


def test_the_literal_expression_wins_over_a_gap_row_over_the_same_words(lexdir):
    """Same span, same start: the row that skipped less is what its author wrote for these words, whatever
    the file order or the length of its index key ("嘴唇*肿" written first and keyed on two characters)."""
    zh = lang(lexdir, "zh", "substring", "rf_chest_pain\t嘴唇*肿\n_denied\t嘴唇没肿\nfever\t发烧\n")
    assert [m.concept for m in zh.match("嘴唇没肿，发烧", keep_negation=True)] == ["_denied", "fever"]
    assert [m.concept for m in zh.match("嘴唇突然肿")] == ["rf_chest_pain"]
    en = lang(lexdir, "en", "word", "rf_chest_pain\tchest * pain\nchest_pain_cough\tchest cough pain\n")
    assert [m.concept for m in en.match("chest cough pain")] == ["chest_pain_cough"]
    assert [m.concept for m in en.match("chest sharp pain")] == ["rf_chest_pain"]


def test_a_comma_before_a_continuing_word_does_not_end_the_clause(lexdir):
    """Russian must write "в груди болит, когда кашляю"; the chest pain is still the cough's."""
    rows = (
        "_continues\tкогда\nrf_chest_pain\tв груди болит\nchest_pain_cough\tв груди болит * когда кашля\n"
        "fever\tтемператур\n"
    )
    ru = lang(lexdir, "ru", "prefix", rows)
    assert [m.concept for m in ru.match("в груди болит, когда кашляю")] == ["chest_pain_cough"]
    assert [m.concept for m in ru.match("в груди болит, кашляю")] == ["rf_chest_pain"]  # any other comma ends it
    assert [m.concept for m in ru.match("когда")] == []  # the word itself is no expression
    with pytest.raises(ConfigError, match="one word"):
        lang(lexdir, "ru", "prefix", "_continues\tпотому что\n")
    with pytest.raises(ConfigError, match="one word"):
        lang(lexdir, "zh", "substring", "_continues\t的时候\n")


def test_rows_kept_as_one_text_read_back_as_written():
    from kiosk.triage.lexicon import LanguageLexicon

    rows = [("fever", "fiebre"), ("rf_chest_pain", "dolor * pecho"), ("fever", "calentura")]
    lexicon = LanguageLexicon(code="es", mode="word", rows=rows)
    assert lexicon.rows == rows
    assert LanguageLexicon(code="es", mode="word", rows=[]).rows == []
