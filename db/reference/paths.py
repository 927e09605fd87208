"""Where the shipped resources are: the source tree, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """The ``resources`` folder: ``sys._MEIPASS/resources`` when frozen, else the repository's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return _SOURCE_ROOT / "resources"


def reference_dir() -> Path:
    """``resources/reference``: the Thai divisions and the editable lists."""
    return resources_dir() / "reference"
