"""Whether the database was closed cleanly, so the start-up check can be skipped.

The app checks the database (``quick_check``) before it opens it: a file a crash or a power cut
damaged is never written to. On a national register that check reads the whole file (1.5-3 s at
1.8 GB, more on a slow disk) while the user waits for the window. After a clean exit it finds
nothing new, so the app leaves a small marker beside the database when it closes it: the file's
size and modification time at that moment, and the day the database was last checked. On the
next start the check is skipped when

- the marker is there and the database file is exactly as the marker describes it (same size,
  same modification time: nothing wrote to it since, not a restored or copied file), and
- there is no write-ahead log with content beside it (all changes were folded into the file), and
- the last check is less than :data:`RECHECK_DAYS` days old (disks fail without crashes too).

The marker is taken (read and deleted) at every start, so a session that crashes leaves none and
the following start checks. Anything unexpected (an unreadable or foreign marker) means: check.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

RECHECK_DAYS = 7
MARKER_VERSION = 1


@dataclass(frozen=True, slots=True)
class CleanClose:
    """What the marker says: the file as it was left, and when it was last checked."""

    size: int
    mtime_ns: int
    checked_on: dt.date


def marker_path(db_path: Path) -> Path:
    """The marker beside ``db_path`` (hidden: a dot name)."""
    return db_path.with_name(f".{db_path.name}.closed-cleanly")


def _wal_has_content(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def record_clean_close(db_path: Path, *, checked_on: dt.date) -> bool:
    """Leave the marker after the app closed the database (every connection disposed).

    Returns False (and leaves none) when the database cannot be vouched for: it is missing, or
    a write-ahead log with content is still beside it (another program has it open)."""
    try:
        stat = db_path.stat()
    except OSError:
        return False
    if _wal_has_content(db_path):
        return False
    marker = marker_path(db_path)
    partial = marker.with_name(marker.name + ".partial")
    data = {
        "version": MARKER_VERSION,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "checked_on": checked_on.isoformat(),
    }
    try:
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, marker)
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    return True


def take_clean_close(db_path: Path) -> CleanClose | None:
    """The marker's record if it still describes ``db_path``, else None; the marker is deleted
    either way (this session has not closed cleanly yet)."""
    marker = marker_path(db_path)
    try:
        text = marker.read_text(encoding="utf-8")
    except OSError:
        return None
    marker.unlink(missing_ok=True)
    try:
        data = json.loads(text)
        record = CleanClose(
            size=int(data["size"]),
            mtime_ns=int(data["mtime_ns"]),
            checked_on=dt.date.fromisoformat(str(data["checked_on"])),
        )
        if data.get("version") != MARKER_VERSION:
            return None
        stat = db_path.stat()
    except (ValueError, KeyError, TypeError, OSError):
        return None
    if (stat.st_size, stat.st_mtime_ns) != (record.size, record.mtime_ns):
        return None
    if _wal_has_content(db_path):
        return None
    return record


def check_needed(record: CleanClose | None, *, today: dt.date) -> bool:
    """True unless ``record`` (from :func:`take_clean_close`) vouches for the file and its last
    check is recent (a date in the future, from a wrong clock, does not count as recent)."""
    if record is None:
        return True
    age = (today - record.checked_on).days
    return not 0 <= age < RECHECK_DAYS
