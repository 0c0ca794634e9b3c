"""Keep the training-only packages out of the kiosk process, as the bundle does.

The PyInstaller bundle leaves pandas, matplotlib, torch and full Argos out (``build.spec``). A kiosk run
from a developer's checkout would still pick them up: scikit-learn imports pandas whenever it is
installed, which alone costs the process about 60 MB and a third of a second. Refusing them here makes
``python -m kiosk`` on a staff machine measure and behave like the bundle on a hospital PC, and an
accidental dependency of kiosk code on a training package fails in development instead of only in the
built bundle. Only the kiosk's own entry point calls this: staff tools and tests import training code in
the same process.
"""

from __future__ import annotations

import importlib.abc
import sys

TRAINING_ONLY = frozenset({"training", "pandas", "matplotlib", "torch", "argostranslate"})


class _RefuseTrainingPackages(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname.partition(".")[0] in TRAINING_ONLY:
            # An ImportError, so libraries with optional support (scikit-learn's pandas) carry on without it.
            raise ModuleNotFoundError(f"{fullname} is a training-only package, not part of the kiosk", name=fullname)
        return None


def refuse_training_packages() -> None:
    """From now on, importing a training-only package in this process fails as if it were not installed."""
    if not any(isinstance(finder, _RefuseTrainingPackages) for finder in sys.meta_path):
        sys.meta_path.insert(0, _RefuseTrainingPackages())
