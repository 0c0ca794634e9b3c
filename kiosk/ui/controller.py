"""The kiosk's state machine, exposed to QML as ``kiosk``.

QML only shows this object's properties and forwards taps to its slots; every decision
(language, triage, ticket, idle reset, staff exit) is made here, in Python, where it is tested.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot

from kiosk.config import KioskConfig, check_pin
from kiosk.errors import KioskError
from kiosk.queue import Ticket, TicketStore
from kiosk.triage.engine import TriageEngine
from kiosk.triage.languages import LanguageSet
from kiosk.triage.loader import EngineLoader
from kiosk.triage.result import TriageResult

log = logging.getLogger(__name__)

SCREENS = ("welcome", "describe", "check", "ticket", "nurse", "emergency", "error")
MAX_INPUT_CHARS = 2000


class KioskController(QObject):
    screenChanged = Signal()
    languageChanged = Signal()
    textChanged = Signal()
    resultChanged = Signal()
    idleChanged = Signal()
    quitRequested = Signal()

    def __init__(
        self,
        engine: TriageEngine | EngineLoader,
        languages: LanguageSet,
        store: TicketStore,
        config: KioskConfig,
        on_language: Callable[[str], None] | None = None,
        on_ticket: Callable[[dict], None] | None = None,
        on_event: Callable[[TriageResult, str | None, bool, str], None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._engine = engine
        self._language_set = languages
        self.store = store
        self.config = config
        self._on_language = on_language or (lambda code: None)
        self._on_ticket = on_ticket or (lambda ticket: None)
        self._on_event = on_event or (lambda result, ticket, chosen, text: None)
        offered = config.languages or languages.codes
        self._languages = [lang for lang in languages.languages if lang.code in offered]
        self._default = languages.default if languages.default in offered else "en"
        self._screen = "welcome"
        self._language = self._default
        self._chosen = False
        self._text = ""
        self._result: TriageResult | None = None
        self._pending: TriageResult | None = None  # read, waiting for the patient's answer on the check screen
        self._ticket: Ticket | None = None
        self._countdown = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._start_countdown)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)

    @property
    def engine(self) -> TriageEngine:
        """The engine; waits for it if it is still loading in the background."""
        if isinstance(self._engine, EngineLoader):
            return self._engine.get()
        return self._engine

    # -- properties --------------------------------------------------------------------------
    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        return self._screen

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._language

    @Property(bool, notify=languageChanged)
    def rtl(self) -> bool:
        lang = self._language_set.get(self._language)
        return bool(lang and lang.rtl)

    @Property(str, notify=languageChanged)
    def keyboardLocale(self) -> str:
        lang = self._language_set.get(self._language)
        return lang.keyboard if lang else "en_US"

    @Property("QVariantList", constant=True)
    def languages(self) -> list:
        return [{"code": lang.code, "native": lang.native, "rtl": lang.rtl} for lang in self._languages]

    @Property("QVariantList", constant=True)
    def greetings(self) -> list:
        return [{"text": lang.greeting, "rtl": lang.rtl} for lang in self._languages]

    @Property(str, notify=textChanged)
    def text(self) -> str:
        return self._text

    @Property(bool, notify=textChanged)
    def canContinue(self) -> bool:
        return bool(self._text.strip())

    @Property("QVariantList", notify=languageChanged)
    def symptomButtons(self) -> list:
        try:
            lexicon = self.engine.res.lexicon
        except KioskError:
            log.exception("no symptom buttons: the engine is not available")
            return []
        lang_lex = lexicon.for_language(self._language) or lexicon.for_language("en")
        buttons = []
        for concept in lexicon.button_concepts():
            label = lang_lex.labels.get(concept.id) if lang_lex else None
            buttons.append({"id": concept.id, "label": label or concept.english})
        return buttons

    @Property("QVariantList", notify=languageChanged)
    def safetyQuestions(self) -> list:
        """The danger signs asked before an ordinary ticket, in the patient's language (empty: not asked)."""
        if not self.config.safety_check:
            return []
        try:
            kinds = self.engine.res.red_flags.questions
        except KioskError:
            log.exception("no danger-sign question: the engine is not available")
            return []
        return [{"kind": k.id, "text": QCoreApplication.translate("SafetyCheck", k.ask)} for k in kinds]

    @Property("QVariantMap", notify=resultChanged)
    def ticket(self) -> dict:
        if self._ticket is None or self._result is None:
            return {}
        specialty = self.engine.res.specialties.specialties[self._ticket.specialty]
        return {
            "code": self._ticket.code,
            "specialtyEnglish": specialty.name,
            "specialty": QCoreApplication.translate("Specialty", specialty.name),
            "time": datetime.fromisoformat(self._ticket.created_local).strftime("%H:%M"),
            "kind": self._ticket.kind,
        }

    @Property(str, notify=resultChanged)
    def redFlag(self) -> str:
        return (self._result.red_flag or "") if self._result else ""

    @Property(bool, notify=idleChanged)
    def idleWarning(self) -> bool:
        return self._countdown > 0

    @Property(int, notify=idleChanged)
    def countdown(self) -> int:
        return self._countdown

    @Property(bool, constant=True)
    def staffExitEnabled(self) -> bool:
        return bool(self.config.staff_pin_hash)

    # -- slots -------------------------------------------------------------------------------
    @Slot(str)
    def chooseLanguage(self, code: str) -> None:
        if code not in {lang.code for lang in self._languages}:
            return
        self._chosen = True
        self._set_language(code)
        self._go("describe")

    @Slot()
    def startTyping(self) -> None:
        """ "Just start typing": language is detected from the text."""
        self._chosen = False
        self._set_language(self._default)
        self._go("describe")

    @Slot(str)
    def setText(self, text: str) -> None:
        text = text[:MAX_INPUT_CHARS]
        if text != self._text:
            self._text = text
            self.textChanged.emit()
        self.touch()

    @Slot(str)
    def addSymptom(self, concept_id: str) -> None:
        label = next((b["label"] for b in self.symptomButtons if b["id"] == concept_id), None)
        if label is None:
            return
        joiner = "، " if self._language == "ar" else ("，" if self._language == "zh" else ", ")
        self.setText(f"{self._text.rstrip()}{joiner if self._text.strip() else ''}{label}")

    @Slot()
    def submit(self) -> None:
        if not self._text.strip():
            return
        try:
            result = self.engine.triage(self._text, self._language if self._chosen else None)
        except Exception:  # the patient must never see a traceback; staff see it in the log
            log.exception("could not finish a patient's request")
            self._go("error")
            return
        if not self._chosen and result.language and result.language != self._language:
            self._set_language(result.language)  # answer in the language the patient wrote in
        if result.outcome == "emergency" or not self.safetyQuestions:
            self._finish(result)
            return
        self._pending = result
        self._go("check")

    @Slot(str)
    def answerCheck(self, kind: str) -> None:
        """The patient's answer on the check screen: a danger sign's kind, or "" for none of them."""
        result = self._pending
        if result is None or self._screen != "check":
            return
        self._pending = None
        try:
            if kind:
                result = self.engine.confirm_emergency(result, kind)
        except Exception:  # the error screen sends them to the front desk, which is where a "yes" belongs
            log.exception("could not record the patient's answer %r", kind)
            self._go("error")
            return
        self._finish(result)

    @Slot()
    def backToDescribe(self) -> None:
        """From the check screen: the patient wants to change what they wrote; nothing was issued."""
        self._pending = None
        self._go("describe")

    def _finish(self, result: TriageResult) -> None:
        try:
            ticket = self._issue(result)
        except Exception:
            log.exception("could not issue a ticket")
            self._go("error")
            return
        self._result, self._ticket = result, ticket
        self.resultChanged.emit()
        try:
            self._on_event(result, ticket.code if ticket else None, self._chosen, self._text)
        except Exception:  # monitoring must never stand between a patient and a ticket
            log.exception("could not record the monitoring event")
        self._go({"emergency": "emergency", "nurse": "nurse"}.get(result.outcome, "ticket"))
        if ticket is not None:
            self._on_ticket({**self.ticket, "language": self._language})

    def _issue(self, result: TriageResult) -> Ticket:
        kind = {"emergency": "urgent", "nurse": "nurse"}.get(result.outcome, "specialty")
        return self.store.issue(result.ticket_prefix, result.specialty, kind, result.language, result.red_flag)

    @Slot()
    def back(self) -> None:
        self._clear_text()
        self._go("welcome")
        self._set_language(self._default)

    @Slot()
    def done(self) -> None:
        self.reset()

    @Slot()
    def reset(self) -> None:
        """Forget everything this patient entered and saw, and go back to the welcome screen."""
        self._clear_text()
        self._result = None
        self._pending = None
        self._ticket = None
        self.resultChanged.emit()
        self._chosen = False
        self._set_language(self._default)
        self._stop_countdown()
        self._idle.stop()
        self._go("welcome")

    @Slot()
    def touch(self) -> None:
        """Any tap or key press: the patient is still there."""
        self._stop_countdown()
        if self._screen != "welcome":
            self._idle.start(self.config.idle_timeout_s * 1000)

    @Slot(str, result=bool)
    def staffExit(self, pin: str) -> bool:
        if self.config.staff_pin_hash and check_pin(pin, self.config.staff_pin_hash):
            log.info("staff exit")
            self.quitRequested.emit()
            return True
        return False

    # -- internals ---------------------------------------------------------------------------
    def _clear_text(self) -> None:
        self._text = ""
        self.textChanged.emit()

    def _set_language(self, code: str) -> None:
        if code != self._language:
            self._language = code
            self._on_language(code)
            self.languageChanged.emit()

    def _go(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()
        if screen == "welcome":
            self._idle.stop()
        else:
            self._idle.start(self.config.idle_timeout_s * 1000)

    def _start_countdown(self) -> None:
        self._countdown = self.config.idle_countdown_s
        self.idleChanged.emit()
        self._tick.start()

    def _count_down(self) -> None:
        self._countdown -= 1
        if self._countdown <= 0:
            self.reset()
        else:
            self.idleChanged.emit()

    def _stop_countdown(self) -> None:
        if self._countdown or self._tick.isActive():
            self._tick.stop()
            self._countdown = 0
            self.idleChanged.emit()
