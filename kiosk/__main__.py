from kiosk.lean import refuse_training_packages

refuse_training_packages()

from kiosk.cli import main  # noqa: E402  (after the guard: nothing training-only may load first)

raise SystemExit(main())
