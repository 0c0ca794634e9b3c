"""Loading red_flags.toml: [implies] lets one concept stand for another in every rule; a kind's unless table
makes a sign ordinary when the patient also names where it comes from."""

import pytest

from kiosk.errors import ConfigError
from kiosk.triage.lexicon import Match
from kiosk.triage.redflags import load_red_flags

KNOWN = ["fever", "high_fever", "very_high_fever", "mild_fever", "stiff_neck"]
RULE = '[[kind]]\nid = "meningitis"\nmessage = "m"\nall_of = [["stiff_neck", "fever"]]\n'


def _found(*concepts: str, negated: tuple[str, ...] = ()) -> list[Match]:
    return [Match(c, 0, 1, negated=c in negated) for c in concepts]


def test_an_implied_concept_fires_the_rules_written_for_it(tmp_path):
    path = tmp_path / "red_flags.toml"
    path.write_text('[implies]\nhigh_fever = ["fever"]\nvery_high_fever = ["high_fever"]\n' + RULE)
    rules = load_red_flags(path, KNOWN)
    assert rules.screen(_found("stiff_neck", "fever")).id == "meningitis"
    assert rules.screen(_found("stiff_neck", "high_fever")).id == "meningitis"
    assert rules.screen(_found("stiff_neck", "very_high_fever")).id == "meningitis"  # through a chain
    assert rules.screen(_found("stiff_neck", "mild_fever")) is None  # not listed, so not a fever
    # "no high fever" implies nothing
    assert rules.screen(_found("stiff_neck", "high_fever", negated=("high_fever",))) is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('high_fever = "fever"', "must map a concept to a list of concepts"),
        ("high_fever = [3]", "must map a concept to a list of concepts"),
        ('high_fever = ["fevre"]', "names concepts not in the lexicon: fevre"),
        ('high_fever = ["fever"]\nfever = ["high_fever"]', "goes round in a circle"),
    ],
)
def test_a_bad_implies_table_is_named(tmp_path, table, message):
    path = tmp_path / "red_flags.toml"
    path.write_text(f"[implies]\n{table}\n" + RULE)
    with pytest.raises(ConfigError, match=message):
        load_red_flags(path, KNOWN)


SIGNS = ["rf_pain_radiating", "rf_chest_pain", "neck_pain", "stiff_neck", "sweating"]
HEART = '[[kind]]\nid = "heart"\nmessage = "h"\nany = ["rf_pain_radiating", "rf_chest_pain"]\n'


def test_unless_makes_a_sign_ordinary_only_with_its_context(tmp_path):
    path = tmp_path / "red_flags.toml"
    path.write_text(
        HEART
        + 'all_of = [["rf_pain_radiating", "sweating"]]\nunless = { rf_pain_radiating = ["neck_pain", "stiff_neck"] }\n'
    )
    rules = load_red_flags(path, SIGNS)
    assert rules.screen(_found("rf_pain_radiating")).id == "heart"  # pain down the arm alone: the heart
    assert rules.screen(_found("rf_pain_radiating", "stiff_neck")) is None  # from a stiff neck: a nerve
    assert rules.screen(_found("rf_pain_radiating", "sweating", "neck_pain")) is None  # not in all_of either
    assert rules.screen(_found("rf_pain_radiating", "neck_pain", "rf_chest_pain")).id == "heart"  # other signs count
    # "no stiff neck" is no context
    assert rules.screen(_found("rf_pain_radiating", "stiff_neck", negated=("stiff_neck",))).id == "heart"


@pytest.mark.parametrize(
    ("unless", "message"),
    [
        ('unless = { rf_pain_radiating = "neck_pain" }', "must map a sign to a list of concepts"),
        ("unless = { rf_pain_radiating = [] }", "must map a sign to a list of concepts"),
        ('unless = { rf_pain_radiating = ["nekc_pain"] }', "names concepts not in the lexicon: nekc_pain"),
        ('unless = { sweating = ["neck_pain"] }', "signs this kind's rules do not use: sweating"),
        ('negatable = false\nunless = { rf_chest_pain = ["neck_pain"] }', "cannot have unless"),
    ],
)
def test_a_bad_unless_table_is_named(tmp_path, unless, message):
    path = tmp_path / "red_flags.toml"
    path.write_text(HEART + unless + "\n")
    with pytest.raises(ConfigError, match=message):
        load_red_flags(path, SIGNS)
