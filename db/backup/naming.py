"""Backup file names: they sort by time and say why the backup was made.

``khrueakhai-2026-11-24T10-30-00Z-before-import.sqlite`` (UTC, so names sort the same in every
time zone and across clock changes); a second backup in the same second gets ``~2``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from db.backup.types import BackupError

PREFIX = "khrueakhai-"
SUFFIX = ".sqlite"
PARTIAL_SUFFIX = ".partial"
_STAMP = "%Y-%m-%dT%H-%M-%SZ"
_REASON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAME = re.compile(
    r"^khrueakhai-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)-([a-z0-9]+(?:-[a-z0-9]+)*?)(?:~(\d+))?\.sqlite$"
)


def check_reason(reason: str) -> str:
    """The reason as it goes into a file name; BackupError ``bad_reason`` unless it is
    lowercase ASCII words joined by hyphens ("manual", "before-import")."""
    if not _REASON.match(reason) or len(reason) > 40:
        raise BackupError(
            "bad_reason",
            f"the backup reason {reason!r} must be lowercase letters, digits and hyphens",
        )
    return reason


def backup_name(at: dt.datetime, reason: str, *, serial: int = 1) -> str:
    stamp = at.astimezone(dt.UTC).strftime(_STAMP)
    extra = f"~{serial}" if serial > 1 else ""
    return f"{PREFIX}{stamp}-{check_reason(reason)}{extra}{SUFFIX}"


def parse_backup_name(name: str) -> tuple[dt.datetime, str] | None:
    """(when, reason) from a backup file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        at = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return at, match.group(2)


def free_backup_path(folder: Path, at: dt.datetime, reason: str) -> Path:
    """A name in ``folder`` for a backup made at ``at`` that no file has yet."""
    serial = 1
    while True:
        path = folder / backup_name(at, reason, serial=serial)
        if not path.exists():
            return path
        serial += 1
