"""Who is making a change: the app's user (once logged in) and the office PC it runs on.

``current_actor()`` is process-wide. Without a login it is the operating-system account and the
computer's name; the accounts module calls ``set_current_actor`` after a login (and with None
after a logout, which brings the default back).
"""

from __future__ import annotations

import getpass
import os
import platform
import socket
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The user (``user_id`` None without an app login) and the device a change came from."""

    user_id: str | None
    user_name: str
    device: str


_lock = threading.Lock()
_current: Actor | None = None
_default: Actor | None = None


def _login_name() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # no login name (a Windows service, a container without a passwd entry)
        name = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return name or "?"


def _device_name() -> str:
    for source in (socket.gethostname, platform.node):
        try:
            name = source()
        except Exception:  # pragma: no cover - both are very robust
            continue
        if name:
            return name
    return "?"


def default_actor() -> Actor:
    """The OS login name and the computer's name (read once per process)."""
    global _default
    with _lock:
        if _default is None:
            _default = Actor(user_id=None, user_name=_login_name(), device=_device_name())
        return _default


def current_actor() -> Actor:
    """The actor history records for changes made now."""
    with _lock:
        actor = _current
    return actor if actor is not None else default_actor()


def set_current_actor(actor: Actor | None) -> None:
    """Make ``actor`` the one every change is recorded under; None: the default again."""
    global _current
    with _lock:
        _current = actor
