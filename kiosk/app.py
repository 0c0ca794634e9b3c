"""Start the touchscreen kiosk: environment, fonts, engine, queue, controller, QML window.

``build_kiosk`` is what tests and the self-test use, so they run the very same assembly as the
real kiosk; ``run_app`` adds the command-line behaviour (fullscreen, headless, self-test, version).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__, paths
from kiosk.config import KioskConfig, default_data_dir, load_config
from kiosk.errors import KioskError

log = logging.getLogger("kiosk")
SELF_TEST_COMPLAINT = "burning when i pee and going all the time"


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prepare_environment(offscreen: bool) -> None:
    """Must run before the Qt application exists: the input method is chosen at start."""
    os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def config_path(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    if os.environ.get("KIOSK_CONFIG"):
        return Path(os.environ["KIOSK_CONFIG"])
    return default_data_dir() / "kiosk.toml"


@dataclass
class Kiosk:
    app: object
    loader: object  # EngineLoader (controller.engine waits for the engine it loads)
    controller: object  # KioskController
    qml: object  # QQmlApplicationEngine
    translator: object  # UiTranslator
    config: KioskConfig
    timings: dict
    window: object = None  # the QQuickWindow; kept here because every rootObjects() call makes a new wrapper
    events: object = None  # EventLog


def build_kiosk(
    config: KioskConfig, resources_dir: Path | None = None, argos_dir: Path | None = None, lazy: bool = False
) -> Kiosk:
    """Assemble a kiosk in the running QGuiApplication (created by the caller).

    ``lazy``: read non-English lexicons and train the language detector in a background thread
    after the window is up (the real kiosk); otherwise everything is ready on return (tests, self-test).
    """
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401  (so the root object is wrapped as a QQuickWindow)

    from kiosk.events import EventLog
    from kiosk.queue import TicketStore
    from kiosk.triage.argos import TranslationSettings
    from kiosk.triage.engine import Resources, TriageEngine
    from kiosk.triage.languages import load_languages
    from kiosk.triage.loader import EngineLoader
    from kiosk.ui.controller import KioskController
    from kiosk.ui.fonts import register_fonts, ui_font_families
    from kiosk.ui.i18n import UiTranslator
    from kiosk.ui.printing import output_ticket

    timings = {}
    started = time.perf_counter()
    app = QGuiApplication.instance()
    root = resources_dir or paths.resources_dir()
    register_fonts(root / "fonts")
    app.setFont(QFont(ui_font_families("en"), 14))
    timings["fonts"] = time.perf_counter() - started

    argos = argos_dir or (paths.argos_dir() if resources_dir is None else root / "argos")
    languages = load_languages(root / "languages.toml")

    def make_engine() -> TriageEngine:
        return TriageEngine(
            Resources.load(
                root,
                argos,
                only=config.languages or None,
                lazy=lazy,
                translation=TranslationSettings(config.translation_beam_size, config.translation_threads),
            )
        )

    loader = EngineLoader(make_engine)
    t = time.perf_counter()
    if not lazy:
        loader.load_now()  # tests and the self-test: everything checked before the window exists
    timings["engine"] = time.perf_counter() - t

    store = TicketStore(config.database, kiosk_name=config.kiosk_name)
    qml = QQmlApplicationEngine()
    translator = UiTranslator(app, paths.app_root() / "translations", qml)

    def on_language(code: str) -> None:
        translator.switch(code)
        app.setFont(QFont(ui_font_families(code), 14))

    events = EventLog(
        config.events_database, config.kiosk_name, config.log_patient_text, config.patient_text_retention_days
    )
    controller = KioskController(
        loader,
        languages,
        store,
        config,
        on_language=on_language,
        on_ticket=lambda ticket: output_ticket(ticket, config.printer),
        on_event=events.record,
    )
    controller.quitRequested.connect(QCoreApplication.quit)
    qml.rootContext().setContextProperty("kiosk", controller)
    qml.rootContext().setContextProperty("alertSound", QUrl.fromLocalFile(str(root / "sounds" / "alert.wav")))
    t = time.perf_counter()
    qml.load(QUrl.fromLocalFile(str(Path(__file__).parent / "ui" / "qml" / "Main.qml")))
    timings["qml"] = time.perf_counter() - t
    if not qml.rootObjects():
        raise KioskError("The kiosk screen (QML) could not be loaded; reinstall the kiosk. Details are in the log.")
    if lazy:
        loader.start()  # after the welcome screen exists: the patient sees it at once
    timings["total"] = time.perf_counter() - started
    return Kiosk(app, loader, controller, qml, translator, config, timings, qml.rootObjects()[0], events)


def self_test(kiosk: Kiosk) -> dict:
    """Run one complaint through the real controller and report what is installed."""
    controller = kiosk.controller
    controller.startTyping()
    controller.setText(SELF_TEST_COMPLAINT)
    controller.submit()
    asked = controller.screen == "check"
    if asked:
        controller.answerCheck("")  # "none of these": the ordinary path a patient without danger signs takes
    ticket = controller.ticket
    res = controller.engine.res
    packs = {}
    for code, translator in res.translators.items():
        try:
            packs[code] = {
                "version": translator.info.package_version,
                "translates": bool(translator.translate("fever")),
            }
        except Exception as exc:  # report, do not crash: the self-test exists to say what is broken
            packs[code] = {"version": translator.info.package_version, "error": str(exc)}
    urgency: dict = {"languages": sorted(res.urgency.languages) if res.urgency else []}
    if res.urgency is not None:
        try:  # scores for real: a frozen build missing scikit-learn's hashing code fails here, not at a patient
            urgency["scores"] = res.urgency.score(SELF_TEST_COMPLAINT, "en") is not None
        except Exception as exc:
            urgency["error"] = str(exc)
    wording: dict = {"languages": sorted(res.wording.languages) if res.wording else []}
    if res.wording is not None:
        try:
            wording["reads"] = res.wording.probabilities(SELF_TEST_COMPLAINT, "en") is not None
        except Exception as exc:
            wording["error"] = str(exc)
    report = {
        "version": __version__,
        "model_run_id": res.model.run_id,
        "urgency_screen": urgency,
        "wording_reader": wording,
        "languages": list(res.languages.codes),
        "packs": packs,
        "pack_problems": res.pack_problems,
        "config_warnings": list(kiosk.config.warnings),
        "safety_check": {"asked": asked, "signs": len(controller.safetyQuestions)},
        "screen": controller.screen,
        "ticket": ticket.get("code"),
        "specialty": ticket.get("specialtyEnglish"),
        "startup_s": {k: round(v, 3) for k, v in kiosk.timings.items()},
    }
    problems = []
    if controller.screen not in ("ticket", "nurse"):
        problems.append(f"the test complaint ended on the {controller.screen!r} screen")
    if kiosk.config.safety_check and not asked:
        problems.append("the danger-sign question was not asked (no `ask` in resources/red_flags.toml?)")
    if any("error" in p or not p.get("translates") for p in packs.values()):
        problems.append("a translation pack does not translate")
    if res.red_flags.learned is not None and not urgency.get("scores"):
        problems.append("the learned urgency screen is missing, damaged or cannot score (see the log)")
    if not wording.get("reads"):
        problems.append("the wording reader is missing, damaged or cannot read (see the log)")
    report["ok"] = not problems
    report["problems"] = problems
    controller.reset()
    return report


def version_info() -> dict:
    from kiosk.triage.argos import discover
    from kiosk.triage.model import read_manifest

    try:
        run_id = read_manifest(paths.model_dir()).get("run_id")
    except KioskError as exc:
        run_id = f"unavailable ({exc})"
    packs, _ = discover(paths.argos_dir())
    return {
        "version": __version__,
        "model_run_id": run_id,
        "packs": {code: info.package_version for code, info in packs.items()},
    }


def run_app(args) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.version:
        print(json.dumps(version_info(), indent=2))
        return 0
    headless = not has_display()
    if headless and not (args.self_test or args.startup_probe):
        print(
            "No display found: running the kiosk headless (offscreen) and doing a self-test instead of "
            "waiting for patients. Connect a display (or set DISPLAY) to use the touchscreen.",
            flush=True,
        )
    # --startup-probe (scripts/benchmark.py) starts like the real kiosk, offscreen, and exits on the
    # first painted welcome frame: the caller times the whole process.
    offscreen = headless or args.self_test or args.startup_probe
    self_testing = offscreen and not args.startup_probe
    prepare_environment(offscreen)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app.setApplicationName("ER Triage Kiosk")
    try:
        from kiosk.triage.languages import load_languages

        offered = load_languages(paths.resources_dir() / "languages.toml").codes
        config = load_config(config_path(args.config), offered)
        kiosk = build_kiosk(config, lazy=not self_testing)
    except KioskError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    if args.startup_probe:
        kiosk.window.frameSwapped.connect(app.quit)
        kiosk.window.show()
        code = app.exec()
        shut_down(kiosk)
        return code
    for warning in kiosk.config.warnings:
        log.warning("%s", warning)
    if self_testing:
        report = self_test(kiosk)
        print(json.dumps(report, indent=2, ensure_ascii=False))
        shut_down(kiosk)
        return 0 if report["ok"] else 1
    window = kiosk.window
    if args.windowed:
        window.show()
    else:
        window.showFullScreen()
    window.requestActivate()
    code = app.exec()
    shut_down(kiosk)
    return code


def shut_down(kiosk: Kiosk) -> None:
    """Delete the QML before the controller it binds to, so exit is quiet and orderly."""
    from shiboken6 import Shiboken

    kiosk.window.close()
    Shiboken.delete(kiosk.qml)
    if kiosk.events is not None:
        kiosk.events.close()
