"""Test-wide set-up: no display needed, and never the real user's folders.

Runs before any test module imports Qt or the app: Qt is pointed at the offscreen platform
(unless the caller chose one), and the user folders (settings, logs, caches, data) are redirected
into one temporary folder for the whole session: ``KHRUEAKHAI_USER_DIR`` for the app's own
settings/logs/caches, and the XDG variables for platformdirs and Qt (the default database path).
Subprocesses started by tests inherit the same environment.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_USER_ROOT = Path(tempfile.mkdtemp(prefix="khrueakhai-tests-"))
os.environ["KHRUEAKHAI_USER_DIR"] = str(_USER_ROOT / "app")
for variable, folder in {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}.items():
    path = _USER_ROOT / "xdg" / folder
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ[variable] = str(path)


def pytest_unconfigure() -> None:
    shutil.rmtree(_USER_ROOT, ignore_errors=True)


def pytest_runtest_teardown() -> None:
    """Bulk work leaves what was alive at its end out of the collector (db.io.collector), and
    the app hands it back when the work is over: a test hands it back after itself too."""
    import gc

    gc.unfreeze()
