from pathlib import Path

import pytest

from kiosk.errors import ConfigError
from kiosk.triage.specialties import load_specialties

GOOD = """
[[specialty]]
id = "urgent"
name = "Urgent"
prefix = "X"
[[specialty]]
id = "nurse"
name = "Nurse"
prefix = "T"
[[specialty]]
id = "derm"
name = "Dermatology"
prefix = "D"
[[condition]]
id = "acne"
name = "Acne"
specialty = "derm"
aliases = ["Acne vulgaris"]
rationale = "skin"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "specialties.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_map_routes_all_24_conditions(resources_dir):
    mapping = load_specialties(resources_dir / "specialties.toml")
    assert len(mapping.conditions) == 24
    assert mapping.canonical_label("urinary tract infection") == "uti"
    assert mapping.canonical_label("  Dimorphic   Hemorrhoids ") == "dimorphic_hemorrhoids"
    assert mapping.specialty_for("uti").prefix == "U"


def test_aliases_and_ids_resolve(tmp_path):
    mapping = load_specialties(write(tmp_path, GOOD))
    assert mapping.canonical_label("ACNE VULGARIS") == "acne"
    assert mapping.canonical_label("acne") == "acne"
    assert mapping.canonical_label("psoriasis") is None


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace('prefix = "D"', 'prefix = "X"'), "prefix X for more than one"),
        (lambda s: s.replace('specialty = "derm"', 'specialty = "cardio"'), "'cardio' is not defined"),
        (lambda s: s.replace('prefix = "D"', 'prefix = "d1"'), "capital letters"),
        (lambda s: s.replace('id = "nurse"', 'id = "helper"'), "'nurse' queue"),
        (lambda s: s + '[[condition]]\nid = "acne"\nname = "A"\nspecialty = "derm"\nrationale = "x"\n', "listed twice"),
        (lambda s: s.replace('rationale = "skin"', ""), "missing rationale"),
        (lambda s: s + "[[[", "cannot be read"),
    ],
)
def test_bad_maps_are_refused_with_a_clear_message(tmp_path, edit, message):
    with pytest.raises(ConfigError, match=message):
        load_specialties(write(tmp_path, edit(GOOD)))


def test_model_labels_must_all_be_mapped(tmp_path):
    mapping = load_specialties(write(tmp_path, GOOD))
    with pytest.raises(ConfigError, match="no queue for psoriasis"):
        mapping.check_labels({"acne", "psoriasis"}, "the model")


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="missing"):
        load_specialties(tmp_path / "nope.toml")
