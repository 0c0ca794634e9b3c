from pathlib import Path

import pytest

from kiosk.config import check_pin, hash_pin, load_config
from kiosk.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
OFFERED = ("en", "es", "zh")


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_safe_defaults(tmp_path):
    config = load_config(tmp_path / "nope.toml", OFFERED)
    assert config.idle_timeout_s == 60 and config.staff_pin_hash == "" and not config.log_patient_text
    assert config.safety_check
    assert "safe defaults" in config.warnings[0]


def test_good_values_are_used(tmp_path):
    pin = hash_pin("1234")
    config = load_config(
        write(
            tmp_path,
            f'kiosk_name = "K1"\nlanguages = ["es", "zh"]\nidle_timeout_s = 90\n'
            f'staff_pin_hash = "{pin}"\ndatabase = "{tmp_path}/q.db"\n'
            "translation_beam_size = 4\ntranslation_threads = 1\nsafety_check = false\n",
        ),
        OFFERED,
    )
    assert config.kiosk_name == "K1" and config.languages == ("en", "es", "zh")
    assert config.idle_timeout_s == 90 and config.database == tmp_path / "q.db"
    assert (config.translation_beam_size, config.translation_threads) == (4, 1)
    assert not config.safety_check
    assert check_pin("1234", config.staff_pin_hash) and not check_pin("1235", config.staff_pin_hash)
    assert config.warnings == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("idle_timeout_s = -5", "idle_timeout_s"),
        ('idle_timeout_s = "soon"', "idle_timeout_s"),
        ('languages = ["xx"]', "languages xx"),
        ('staff_pin_hash = "1234"', "staff_pin_hash"),
        ("log_patient_text = 1", "log_patient_text"),
        ("idle_timout_s = 30", "unknown key 'idle_timout_s'"),
        ("translation_beam_size = 0", "translation_beam_size"),
        ('safety_check = "no"', "safety_check"),
    ],
)
def test_bad_values_warn_by_name_and_fall_back(tmp_path, text, key):
    config = load_config(write(tmp_path, text), OFFERED)
    assert any(key in warning for warning in config.warnings), config.warnings
    assert config.idle_timeout_s == 60 and config.staff_pin_hash == "" and not config.log_patient_text
    assert config.safety_check  # a wrong value never switches the danger-sign question off


def test_broken_toml_and_unusable_database_are_errors(tmp_path):
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(write(tmp_path, "languages = ["), OFFERED)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="database folder"):
        load_config(write(tmp_path, f'database = "{blocker}/sub/q.db"'), OFFERED)


def test_example_config_is_valid():
    config = load_config(
        ROOT / "docs" / "kiosk.example.toml", ("en", "es", "zh", "vi", "ar", "tl", "ru", "ko", "fr", "ht", "pt")
    )
    assert config.warnings == ()
