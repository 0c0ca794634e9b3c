"""UI catalogs: complete, placeholders intact, compiled by our build step, switched at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.triage.languages import load_languages

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [code for code in load_languages(ROOT / "resources" / "languages.toml").codes if code != "en"]
PLACEHOLDER = re.compile(r"%\d+|%n")
NUMBER = re.compile(r"\d+")


def messages(code: str):
    tree = ET.parse(ROOT / "translations" / f"kiosk_{code}.ts")
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_is_complete(code):
    problems = []
    for context, source, translation in messages(code):
        kind = translation.get("type")
        text = translation.text or ""
        if kind in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} lost a placeholder: {text!r}")
        elif not set(NUMBER.findall(PLACEHOLDER.sub("", source))) <= set(NUMBER.findall(PLACEHOLDER.sub("", text))):
            problems.append(f"{context}: {source!r} lost a number: {text!r}")
    assert not problems, "\n".join(problems)


def test_catalogs_cover_every_qml_string_and_queue_name():
    """The .ts files are up to date with the QML and the specialty map (run build_translations --update)."""
    sources = {source for _, source, _ in messages(LANGUAGES[0])}
    in_qml = set()
    for qml in (ROOT / "kiosk" / "ui" / "qml").glob("*.qml"):
        in_qml |= set(re.findall(r'qsTr\("((?:[^"\\]|\\.)*)"\)', qml.read_text(encoding="utf-8")))
    import tomllib

    queues = {s["name"] for s in tomllib.loads((ROOT / "resources" / "specialties.toml").read_text())["specialty"]}
    assert in_qml | queues <= sources


def test_build_step_compiles_every_catalog(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    for code in LANGUAGES:
        qm = ROOT / "translations" / f"kiosk_{code}.qm"
        assert qm.is_file() and qm.stat().st_mtime >= (ROOT / "translations" / f"kiosk_{code}.ts").stat().st_mtime


def test_language_switches_at_run_time(qapp):
    from PySide6.QtCore import QCoreApplication

    from kiosk.ui.i18n import UiTranslator

    translator = UiTranslator(qapp, ROOT / "translations")
    assert translator.switch("es")
    spanish = QCoreApplication.translate("Describe", "Continue")
    assert spanish and spanish != "Continue"
    translator.switch("en")
    assert QCoreApplication.translate("Describe", "Continue") == "Continue"
