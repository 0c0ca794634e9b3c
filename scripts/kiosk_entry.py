"""Entry point of the frozen kiosk (PyInstaller runs this file; it only hands over to the real CLI)."""

import multiprocessing

from kiosk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
