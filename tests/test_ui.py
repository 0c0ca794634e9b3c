"""The real QML window, driven offscreen with real mouse and key events (pytest-qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from shiboken6 import Shiboken

from kiosk.app import build_kiosk
from kiosk.config import KioskConfig, hash_pin

ROOT = Path(__file__).resolve().parent.parent
PIN = "2468"


@pytest.fixture
def kiosk(qapp, tmp_path):
    config = KioskConfig(
        database=tmp_path / "queue.sqlite3",
        events_database=tmp_path / "events.sqlite3",
        staff_pin_hash=hash_pin(PIN),
        idle_timeout_s=15,
        idle_countdown_s=5,
    )
    built = build_kiosk(config, resources_dir=ROOT / "resources", argos_dir=tmp_path / "no-packs")
    built.window.show()
    yield built
    built.translator.switch("en")  # the catalog is installed on the shared test application
    built.events.close()
    built.window.close()
    Shiboken.delete(built.qml)  # the QML goes before the controller it binds to


def find(root: QQuickItem, name: str) -> QQuickItem | None:
    """Depth-first search of the visual item tree (Repeater and Loader items are not QObject children)."""
    if not Shiboken.isValid(root):  # an item of the previous screen, being deleted
        return None
    if root.objectName() == name and root.isVisible():
        return root
    for child in root.childItems():
        found = find(child, name)
        if found is not None:
            return found
    return None


def item(kiosk, name: str) -> QQuickItem:
    found = find(kiosk.window.contentItem(), name) or kiosk.window.findChild(QQuickItem, name)
    assert found is not None, f"no QML item {name!r} on screen {kiosk.controller.screen!r}"
    return found


def tap(qtbot, kiosk, name: str) -> None:
    target = item(kiosk, name)
    qtbot.waitUntil(lambda: target.isVisible() and target.width() > 0)
    centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2)).toPoint()
    QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))


def type_text(qtbot, kiosk, text: str) -> None:
    """Real key events to the window, as a hardware keyboard would send them."""
    field = item(kiosk, "complaint")
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(kiosk.window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    qtbot.waitUntil(lambda: kiosk.controller.text.endswith(text))


def wait_screen(qtbot, kiosk, screen: str) -> None:
    qtbot.waitUntil(lambda: kiosk.controller.screen == screen, timeout=5000)
    if screen == "describe":  # the keyboard slides in and the layout settles before anything is tapped
        keyboard = kiosk.window.findChild(QObject, "keyboard")
        qtbot.waitUntil(lambda: keyboard.property("active"), timeout=5000)
        qtbot.wait(300)


def describe(qtbot, kiosk, start: str, text: str, then: str) -> None:
    """Tap ``start`` (a language button or "startTyping"), type ``text``, tap Continue, wait for ``then``."""
    tap(qtbot, kiosk, start)
    wait_screen(qtbot, kiosk, "describe")
    type_text(qtbot, kiosk, text)
    tap(qtbot, kiosk, "continue")
    wait_screen(qtbot, kiosk, then)


def tickets(tmp_path, what: str = "count(*)") -> list:
    return sqlite3.connect(tmp_path / "queue.sqlite3").execute(f"SELECT {what} FROM tickets").fetchall()


def test_choose_language_type_and_get_a_ticket(qtbot, kiosk, tmp_path):
    tap(qtbot, kiosk, "lang_en")
    wait_screen(qtbot, kiosk, "describe")
    assert not item(kiosk, "continue").property("enabled")
    type_text(qtbot, kiosk, "it burns when i pee and i need to go all the time")
    qtbot.waitUntil(lambda: item(kiosk, "continue").property("enabled"))
    tap(qtbot, kiosk, "continue")
    wait_screen(qtbot, kiosk, "check")
    assert tickets(tmp_path) == [(0,)]  # nothing is issued before the patient has answered the danger-sign question
    tap(qtbot, kiosk, "noneOfThese")
    wait_screen(qtbot, kiosk, "ticket")
    assert item(kiosk, "ticketNumber").property("text") == "U-001"
    assert "Urinary" in item(kiosk, "ticketSpecialty").property("text")
    assert tickets(tmp_path, "prefix, number, kind") == [("U", 1, "specialty")]
    kiosk.events.flush()
    event = (
        sqlite3.connect(tmp_path / "events.sqlite3")
        .execute("SELECT disease, ticket, language_chosen, patient_text, text_length FROM events")
        .fetchone()
    )
    assert event == ("uti", "U-001", 1, None, len("it burns when i pee and i need to go all the time"))
    tap(qtbot, kiosk, "done")
    wait_screen(qtbot, kiosk, "welcome")


def test_symptom_buttons_fill_the_text_in_the_patients_language(qtbot, kiosk):
    tap(qtbot, kiosk, "lang_es")
    wait_screen(qtbot, kiosk, "describe")
    tap(qtbot, kiosk, "symptom_fever")
    assert kiosk.controller.text == "Fiebre"
    tap(qtbot, kiosk, "symptom_chills")
    assert kiosk.controller.text.startswith("Fiebre, ")


def test_emergency_path_gives_no_queue_ticket(qtbot, kiosk, tmp_path):
    describe(qtbot, kiosk, "startTyping", "crushing chest pain going to my left arm", "emergency")
    assert "front desk" in item(kiosk, "emergencyTitle").property("text")
    assert tickets(tmp_path, "kind, red_flag") == [("urgent", "heart_attack")]


def test_a_danger_sign_named_at_the_check_sends_the_patient_to_the_desk(qtbot, kiosk, tmp_path):
    """Told in words no screen knows, then "yes" to a sign: an urgent ticket, recorded as the patient's answer."""
    describe(qtbot, kiosk, "lang_en", "not feeling right since lunch", "check")
    signs = [q["kind"] for q in kiosk.controller.safetyQuestions]
    assert "heart_attack" in signs and "possible_emergency" not in signs
    tap(qtbot, kiosk, "sign_heart_attack")
    wait_screen(qtbot, kiosk, "emergency")
    assert tickets(tmp_path, "kind, red_flag") == [("urgent", "heart_attack")]
    kiosk.events.flush()
    event = sqlite3.connect(tmp_path / "events.sqlite3").execute("SELECT red_flag, reason, disease FROM events")
    assert event.fetchall() == [("heart_attack", "patient_answer", None)]


def test_the_check_speaks_the_patients_language_and_back_keeps_the_text(qtbot, kiosk, tmp_path):
    describe(qtbot, kiosk, "lang_es", "tengo tos y mocos", "check")
    texts = {q["kind"]: q["text"] for q in kiosk.controller.safetyQuestions}
    assert texts["heart_attack"] != "Chest pain or pressure" and texts["heart_attack"].strip()
    assert item(kiosk, "noneOfThese").property("text") != "None of these"
    tap(qtbot, kiosk, "checkBack")
    wait_screen(qtbot, kiosk, "describe")
    assert kiosk.controller.text == "tengo tos y mocos"
    assert tickets(tmp_path) == [(0,)]


def test_the_check_is_asked_in_the_language_the_patient_typed_in(qtbot, kiosk):
    describe(qtbot, kiosk, "startTyping", "tengo tos y mocos desde ayer y me duele la garganta", "check")
    assert kiosk.controller.language == "es"
    qtbot.waitUntil(lambda: item(kiosk, "noneOfThese").property("text") == "Ninguno de estos")


def test_an_answer_that_cannot_be_recorded_sends_the_patient_to_the_desk(qtbot, kiosk, tmp_path):
    describe(qtbot, kiosk, "lang_en", "sore throat", "check")
    kiosk.controller.answerCheck("possible_emergency")  # not a sign on the screen: never a silent ticket
    wait_screen(qtbot, kiosk, "error")
    assert tickets(tmp_path) == [(0,)]


def test_walking_away_from_the_check_issues_nothing_and_forgets_the_text(qtbot, kiosk, tmp_path):
    describe(qtbot, kiosk, "lang_en", "sore throat", "check")
    kiosk.controller._idle.setInterval(50)
    kiosk.controller._idle.start()
    kiosk.controller._tick.setInterval(20)
    qtbot.waitUntil(lambda: kiosk.controller.idleWarning, timeout=3000)
    wait_screen(qtbot, kiosk, "welcome")
    assert kiosk.controller.text == "" and kiosk.controller.ticket == {}
    kiosk.controller.answerCheck("")  # a late tap after the reset does nothing
    assert kiosk.controller.screen == "welcome"
    assert tickets(tmp_path) == [(0,)]


def test_every_danger_sign_fits_on_screen_in_every_language(qtbot, kiosk):
    """Twelve buttons, the longest translations, 1280x900: all visible without scrolling, none cut off."""
    from kiosk.triage.languages import load_languages

    for code in load_languages(ROOT / "resources" / "languages.toml").codes:
        kiosk.controller.reset()
        tap(qtbot, kiosk, f"lang_{code}")
        wait_screen(qtbot, kiosk, "describe")
        kiosk.controller.setText("x")
        kiosk.controller.submit()
        wait_screen(qtbot, kiosk, "check")
        listing = item(kiosk, "signList")
        qtbot.waitUntil(lambda listing=listing: listing.property("contentHeight") > 0)
        assert listing.property("contentHeight") <= listing.height(), code
        assert not item(kiosk, "checkTitle").property("truncated"), code
        for question in kiosk.controller.safetyQuestions:
            label = item(kiosk, f"sign_{question['kind']}").property("contentItem")
            assert not label.property("truncated"), (code, question["text"])


def test_self_test_reports_what_is_installed(qtbot, kiosk):
    from kiosk.app import self_test

    report = self_test(kiosk)
    assert report["ok"], report["problems"]
    assert report["urgency_screen"]["scores"] is True and "ar" in report["urgency_screen"]["languages"]
    assert report["wording_reader"]["reads"] is True and "ar" in report["wording_reader"]["languages"]
    assert report["ticket"] and report["screen"] == "ticket" and kiosk.controller.screen == "welcome"
    assert report["safety_check"] == {"asked": True, "signs": 12}


def test_gibberish_goes_to_the_triage_nurse(qtbot, kiosk):
    describe(qtbot, kiosk, "startTyping", "qwzx plmk vvbn", "check")
    tap(qtbot, kiosk, "noneOfThese")
    wait_screen(qtbot, kiosk, "nurse")
    assert item(kiosk, "ticketNumber").property("text").startswith("T-")


def test_idle_reset_clears_everything(qtbot, kiosk):
    tap(qtbot, kiosk, "lang_fr")
    wait_screen(qtbot, kiosk, "describe")
    type_text(qtbot, kiosk, "j'ai de la fievre")
    assert kiosk.controller.text
    kiosk.controller._idle.setInterval(50)  # no need to wait the configured minute in a test
    kiosk.controller._idle.start()
    qtbot.waitUntil(lambda: kiosk.controller.idleWarning, timeout=3000)
    assert item(kiosk, "idleOverlay").isVisible()
    kiosk.controller._tick.setInterval(20)
    wait_screen(qtbot, kiosk, "welcome")
    assert kiosk.controller.text == "" and kiosk.controller.language == "en"
    assert kiosk.controller.ticket == {}


def test_touch_during_countdown_keeps_the_text(qtbot, kiosk):
    tap(qtbot, kiosk, "lang_en")
    wait_screen(qtbot, kiosk, "describe")
    type_text(qtbot, kiosk, "rash")
    kiosk.controller._idle.setInterval(50)
    kiosk.controller._idle.start()
    qtbot.waitUntil(lambda: kiosk.controller.idleWarning, timeout=3000)
    tap(qtbot, kiosk, "stillHere")
    assert not kiosk.controller.idleWarning and kiosk.controller.text == "rash"


def test_staff_exit_needs_the_pin(qtbot, kiosk):
    with qtbot.assertNotEmitted(kiosk.controller.quitRequested):
        assert not kiosk.controller.staffExit("0000")
    with qtbot.waitSignal(kiosk.controller.quitRequested):
        assert kiosk.controller.staffExit(PIN)


def test_long_press_opens_the_pin_pad(qtbot, kiosk):
    corner = item(kiosk, "staffCorner")
    centre = corner.mapToScene(QPointF(20, 20)).toPoint()
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.wait(3300)
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    popup = kiosk.window.findChild(object, "staffExit")
    qtbot.waitUntil(lambda: popup.property("opened"))


def test_arabic_is_mirrored(qtbot, kiosk):
    tap(qtbot, kiosk, "lang_ar")
    wait_screen(qtbot, kiosk, "describe")
    assert kiosk.controller.rtl
    back = item(kiosk, "back")
    cont = item(kiosk, "continue")
    back_x = back.mapToScene(QPointF(0, 0)).x()
    cont_x = cont.mapToScene(QPointF(0, 0)).x()
    assert back_x > cont_x  # Back is on the right, Continue on the left


def test_screen_text_follows_the_chosen_language_and_resets(qtbot, kiosk):
    tap(qtbot, kiosk, "lang_es")
    wait_screen(qtbot, kiosk, "describe")
    qtbot.waitUntil(lambda: item(kiosk, "continue").property("text") == "Continuar")
    tap(qtbot, kiosk, "back")
    wait_screen(qtbot, kiosk, "welcome")
    tap(qtbot, kiosk, "lang_en")
    wait_screen(qtbot, kiosk, "describe")
    assert item(kiosk, "continue").property("text") == "Continue"


def test_ticket_is_saved_as_pdf_when_configured(qapp, tmp_path):
    from kiosk.ui.printing import output_ticket

    path = output_ticket(
        {"code": "D-004", "specialty": "Dermatología", "specialtyEnglish": "Dermatology", "time": "10:42"},
        f"pdf:{tmp_path}",
    )
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    assert output_ticket({"code": "D-005"}, "no-such-printer") is None  # logged for staff, never raised
