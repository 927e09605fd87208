"""Where the app keeps its settings, logs and caches (the user's own folders, never the program's),
and where the program's own resources are.

Settings are a QSettings INI file (organisation and application "Khrueakhai"): on Linux
``~/.config/Khrueakhai/Khrueakhai.ini``, on Windows ``%APPDATA%\\Khrueakhai\\Khrueakhai.ini``.
Logs and caches go to the platform's folders from platformdirs.

Setting ``KHRUEAKHAI_USER_DIR`` puts all of them under that folder instead (``config/``,
``logs/``, ``cache/``): the tests use it so they never touch the real user's files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

ORGANISATION = "Khrueakhai"
APPLICATION = "Khrueakhai"
USER_DIR_ENV = "KHRUEAKHAI_USER_DIR"

LANGUAGE_KEY = "ui/language"


def user_dir_override() -> Path | None:
    """The folder from ``KHRUEAKHAI_USER_DIR``, when set."""
    value = os.environ.get(USER_DIR_ENV)
    return Path(value) if value else None


def settings() -> QSettings:
    """The user's settings (a new handle each time: cheap, and always the current file)."""
    override = user_dir_override()
    if override is not None:
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(override / "config")
        )
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def resource_dir() -> Path:
    """The program's own ``resources/`` (read-only): in the source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return (Path(bundle) if bundle else Path(__file__).resolve().parent.parent) / "resources"


def log_dir() -> Path:
    override = user_dir_override()
    if override is not None:
        return override / "logs"
    return Path(platformdirs.user_log_dir(APPLICATION, appauthor=False))


def cache_dir() -> Path:
    override = user_dir_override()
    if override is not None:
        return override / "cache"
    return Path(platformdirs.user_cache_dir(APPLICATION, appauthor=False))
