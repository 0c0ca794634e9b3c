"""Save a screenshot of every kiosk screen in every language into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--languages en es ar zh]

Runs the real kiosk offscreen, drives it through the controller and grabs the window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMPLAINTS = {
    "en": "fever and cough for three days",
    "es": "tengo fiebre y tos desde hace tres días",
    "zh": "发烧咳嗽三天了",
    "vi": "tôi bị sốt và ho ba ngày nay",
    "ar": "عندي حمى وسعال منذ ثلاثة أيام",
    "tl": "may lagnat at ubo ako tatlong araw na",
    "ru": "температура и кашель три дня",
    "ko": "사흘째 열이 나고 기침을 해요",
    "fr": "j'ai de la fièvre et je tousse depuis trois jours",
    "ht": "mwen gen lafyèv ak tous depi twa jou",
    "pt": "estou com febre e tosse há três dias",
}
EMERGENCY = "crushing chest pain"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", nargs="*")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    from kiosk.app import build_kiosk, prepare_environment

    prepare_environment(offscreen=True)
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import KioskConfig

    app = QGuiApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    kiosk = build_kiosk(
        KioskConfig(database=tmp / "q.sqlite3", events_database=tmp / "e.sqlite3"), argos_dir=tmp / "no-packs"
    )
    window = kiosk.window
    window.show()
    controller = kiosk.controller
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        window.grabWindow().save(str(args.out / f"{name}.png"))

    shot("welcome")
    for code in args.languages or [lang["code"] for lang in controller.languages]:
        controller.chooseLanguage(code)
        shot(f"{code}_describe")
        controller.setText(COMPLAINTS.get(code, COMPLAINTS["en"]))
        shot(f"{code}_describe_typed")
        controller.submit()
        shot(f"{code}_{controller.screen}")
        if controller.screen == "check":
            controller.answerCheck("")
            shot(f"{code}_{controller.screen}")
        controller.done()
        controller.chooseLanguage(code)
        controller.setText(EMERGENCY)
        controller.submit()
        shot(f"{code}_emergency")
        controller.done()
        controller.chooseLanguage(code)
        controller.setText("qwzx plmk")
        controller.submit()
        controller.answerCheck("")
        shot(f"{code}_nurse")
        controller._start_countdown()
        shot(f"{code}_idle")
        controller.done()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
