"""The weight files of the kiosk's learned readers (the urgency screen, the wording reader): plain arrays in an
``.npz`` (never a pickle) beside a JSON manifest naming their format and sha256. One reader of them, so every
learned component refuses a damaged, tampered or foreign file the same way and the kiosk runs on without it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.datafiles import sha256_of

if TYPE_CHECKING:
    import numpy as np

# What reading a damaged, truncated or hand-edited pair of files raises, here or in a reader checking its arrays.
UNUSABLE = (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile)


def present(directory: Path, manifest_file: str, weights_file: str) -> bool:
    return (directory / manifest_file).is_file() and (directory / weights_file).is_file()


def read_checked(
    directory: Path, manifest_file: str, weights_file: str, fmt: int, n_features: int
) -> tuple[dict, dict[str, np.ndarray]]:
    """The manifest and every array of the weights, after checking the format, the feature count and the
    checksum; raises one of ``UNUSABLE``, with a reason a person can read, when they cannot be used."""
    import numpy as np

    manifest = json.loads((directory / manifest_file).read_text(encoding="utf-8"))
    if manifest.get("format") != fmt or manifest.get("n_features") != n_features:
        raise ValueError("it was made for another version of the kiosk")
    weights = directory / weights_file
    if sha256_of(weights) != manifest.get("weights_sha256"):
        raise ValueError("its weights do not match the checksum in its manifest")
    with np.load(weights, allow_pickle=False) as arrays:
        return manifest, {name: arrays[name] for name in arrays.files}
