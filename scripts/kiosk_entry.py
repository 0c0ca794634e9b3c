"""Entry point of the frozen kiosk (PyInstaller runs this file; it only hands over to the real CLI)."""

import multiprocessing

from kiosk.lean import refuse_training_packages

refuse_training_packages()  # they are not in the bundle; this keeps it so even if one slipped in

from kiosk.cli import main  # noqa: E402

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
