"""The clean-close marker: after a clean exit a start may skip the integrity check, only then."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from db.backup.clean_close import (
    RECHECK_DAYS,
    check_needed,
    marker_path,
    record_clean_close,
    take_clean_close,
)

TODAY = dt.date(2026, 11, 24)


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()
    return path


def test_a_marker_vouches_for_the_unchanged_file_once(tmp_path: Path) -> None:
    path = _database(tmp_path)
    assert take_clean_close(path) is None  # never closed by the app: check
    assert record_clean_close(path, checked_on=TODAY - dt.timedelta(days=2))
    record = take_clean_close(path)
    assert record is not None and record.checked_on == TODAY - dt.timedelta(days=2)
    assert not check_needed(record, today=TODAY)
    assert not marker_path(path).exists()  # taken: a crash in this session leaves none
    assert take_clean_close(path) is None


def test_a_changed_file_or_a_wal_with_content_needs_the_check(tmp_path: Path) -> None:
    path = _database(tmp_path)
    record_clean_close(path, checked_on=TODAY)
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO t VALUES (2)")
    connection.commit()
    connection.close()
    assert take_clean_close(path) is None  # written since (size or time differ)

    record_clean_close(path, checked_on=TODAY)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # copied/restored
    assert take_clean_close(path) is None

    record_clean_close(path, checked_on=TODAY)
    path.with_name(path.name + "-wal").write_bytes(b"\0" * 32)
    assert take_clean_close(path) is None
    assert not record_clean_close(path, checked_on=TODAY)  # someone else has it open
    assert not marker_path(path).exists()


def test_an_old_or_future_check_or_a_foreign_marker_needs_the_check(tmp_path: Path) -> None:
    path = _database(tmp_path)
    record_clean_close(path, checked_on=TODAY - dt.timedelta(days=RECHECK_DAYS))
    assert check_needed(take_clean_close(path), today=TODAY)
    record_clean_close(path, checked_on=TODAY + dt.timedelta(days=1))  # a wrong clock
    assert check_needed(take_clean_close(path), today=TODAY)
    marker_path(path).write_text("not json", encoding="utf-8")
    assert take_clean_close(path) is None
    assert not marker_path(path).exists()
    assert record_clean_close(tmp_path / "missing.sqlite", checked_on=TODAY) is False
