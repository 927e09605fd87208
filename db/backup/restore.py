"""Restoring a backup into the live database, safely.

1. The backup is checked: it opens, passes ``integrity_check``, and its schema revision is one
   this program knows (a newer program's backup is refused).
2. The current database is backed up first (reason ``before-restore``), unless it is damaged:
   then it is moved aside as ``<name>.damaged-<time>`` (with its -wal), never deleted.
3. The backup's pages are copied with SQLite's backup API into the live database (one write
   transaction through its WAL: a crash midway leaves the old state; other connections of the
   app see the new content at their next read), or into a fresh file renamed into place when the
   old one was moved aside.
4. This database's backup settings (folder, schedule, last backup) are kept, not the backup's,
   and the result is migrated to this program's newest schema.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from alembic.script import ScriptDirectory

from db.backup.create import Progress, backup_database_file
from db.backup.files import (
    BACKUP_INFO_KEY,
    connect_read_only,
    fsync_file,
    fsync_folder,
    remove_quietly,
    schema_revision,
    sidecars,
)
from db.backup.info import check_integrity, read_backup_info
from db.backup.naming import PARTIAL_SUFFIX
from db.backup.schedule import SETTING_KEYS
from db.backup.types import REASON_BEFORE_RESTORE, BackupCancelled, BackupError, RestoreResult
from db.engine import BUSY_TIMEOUT_MS

PAGES_PER_STEP = 2048


def known_revisions() -> set[str]:
    from db.migrations import MIGRATIONS_DIR

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def check_restorable(backup_path: Path) -> None:
    """BackupError unless ``backup_path`` is an intact Khrueakhai database this program can
    open: ``missing``, ``not_database``, ``damaged`` or ``newer_schema``."""
    read_backup_info(backup_path)  # missing / not_database
    integrity = check_integrity(backup_path, full=True, foreign_keys=False)
    if not integrity.ok:
        raise BackupError(
            "damaged",
            f"the backup {backup_path.name} is damaged ({'; '.join(integrity.problems[:3])});"
            " choose another backup",
        )
    connection = connect_read_only(backup_path)
    try:
        revision = schema_revision(connection)  # the file's own, not its stored summary
    finally:
        connection.close()
    if not revision:
        raise BackupError("not_database", f"{backup_path} is not a Khrueakhai database")
    unknown = set(revision.split("+")) - known_revisions()
    if unknown:
        raise BackupError(
            "newer_schema",
            f"the backup {backup_path.name} was made by a newer version of the program (schema"
            f" {revision}); install that version to restore it",
        )


def ensure_not_in_use(database_path: Path) -> None:
    """BackupError ``in_use`` when another connection (another program) has the database open."""
    if not database_path.exists():
        return
    connection = sqlite3.connect(database_path, timeout=0.5, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(
                "in_use", f"{database_path} is in use by another program: close Khrueakhai first"
            ) from None
        raise
    finally:
        connection.close()


def restore_backup(
    database_path: Path,
    backup_path: Path,
    *,
    folder: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``database_path`` with the backup at ``backup_path``, after
    backing up its current state into ``folder``. See the module's docstring for the steps.

    The caller makes sure no other program uses the database (:func:`ensure_not_in_use`); the
    app's own idle connections may stay open. BackupError (nothing changed) when the backup
    cannot be restored or the safety backup cannot be made.
    """
    started = time.perf_counter()
    now = now or dt.datetime.now(dt.UTC)
    check_restorable(backup_path)
    restored_from = read_backup_info(backup_path)
    if database_path.exists() and backup_path.resolve() == database_path.resolve():
        raise BackupError("missing", "a database cannot be restored from itself")
    safety = None
    damaged_copy = None
    kept_settings: list[tuple[str, str]] = []
    live_ok = database_path.exists() and check_integrity(database_path, foreign_keys=False).ok
    if live_ok:
        kept_settings = _read_settings(database_path)
        safety = backup_database_file(database_path, folder=folder, reason=REASON_BEFORE_RESTORE)
        if cancel is not None and cancel.is_set():
            raise BackupCancelled()
        _copy_into_live(backup_path, database_path, progress=progress, cancel=cancel)
    else:
        if database_path.exists():
            damaged_copy = move_aside(database_path, now=now)
        _copy_into_new_file(backup_path, database_path, progress=progress, cancel=cancel)
    _tidy_restored(database_path, kept_settings)
    revision = _migrate(database_path)
    return RestoreResult(
        restored_from=restored_from, safety_backup=safety, damaged_copy=damaged_copy,
        schema_revision=revision, seconds=time.perf_counter() - started,
    )  # fmt: skip


def move_aside(database_path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal, -shm, -journal) to ``<name>.damaged-<time>``."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    target = database_path.with_name(f"{database_path.name}.damaged-{stamp}")
    serial = 1
    while target.exists():
        serial += 1
        target = database_path.with_name(f"{database_path.name}.damaged-{stamp}~{serial}")
    os.replace(database_path, target)
    for old, new in zip(sidecars(database_path), sidecars(target), strict=True):
        if old.exists():
            os.replace(old, new)
    fsync_folder(database_path.parent)
    return target


def _stepper(
    progress: Progress | None, cancel: threading.Event | None
) -> Callable[[int, int, int], None]:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise BackupCancelled()
        if progress is not None and progress(total - remaining, total) is False:
            raise BackupCancelled()

    return step


def _copy_into_live(
    backup_path: Path, database_path: Path, *, progress: Progress | None,
    cancel: threading.Event | None,
) -> None:  # fmt: skip
    source = connect_read_only(backup_path)
    target = sqlite3.connect(database_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        target.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            # The destination's write transaction stays open from the first step to the last:
            # a cancel or a crash midway leaves the live database as it was.
            source.backup(target, pages=PAGES_PER_STEP, progress=_stepper(progress, cancel))
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            raise BackupError(
                "in_use" if busy else "failed",
                f"{database_path} could not be written ({error})"
                + (": close other programs using it" if busy else ""),
            ) from None
    finally:
        target.close()
        source.close()


def _copy_into_new_file(
    backup_path: Path, database_path: Path, *, progress: Progress | None,
    cancel: threading.Event | None,
) -> None:  # fmt: skip
    database_path.parent.mkdir(parents=True, exist_ok=True)
    partial = database_path.with_name(
        f".{database_path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"
    )
    source = connect_read_only(backup_path)
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            target.execute("PRAGMA synchronous=OFF")
            source.backup(target, pages=PAGES_PER_STEP, progress=_stepper(progress, cancel))
        finally:
            target.close()
        fsync_file(partial)
        for stale in sidecars(database_path):  # never let an old WAL meet the new file
            remove_quietly(stale)
        os.replace(partial, database_path)
        fsync_folder(database_path.parent)
    except BaseException:
        remove_quietly(partial, partial.with_name(partial.name + "-journal"))
        raise
    finally:
        source.close()


def _read_settings(database_path: Path) -> list[tuple[str, str]]:
    try:
        connection = connect_read_only(database_path)
        try:
            return [
                (str(key), str(value))
                for key, value in connection.execute(
                    f"SELECT key, value FROM local_setting WHERE key IN ({', '.join('?' * 6)})",
                    SETTING_KEYS,
                )
            ]
        finally:
            connection.close()
    except (BackupError, sqlite3.Error):
        return []


def _tidy_restored(database_path: Path, kept_settings: list[tuple[str, str]]) -> None:
    """The restored database forgets it was a backup and keeps this database's backup settings."""
    connection = sqlite3.connect(database_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("DELETE FROM local_setting WHERE key = ?", (BACKUP_INFO_KEY,))
            if kept_settings:
                connection.execute(
                    f"DELETE FROM local_setting WHERE key IN ({', '.join('?' * 6)})",
                    SETTING_KEYS,
                )
                connection.executemany(
                    "INSERT INTO local_setting (key, value) VALUES (?, ?)", kept_settings
                )
    finally:
        connection.close()


def _migrate(database_path: Path) -> str:
    from db.engine import open_database
    from db.migrations import current_revision

    database = open_database(database_path, backup_before_migration=False)
    try:
        return current_revision(database.engine) or ""
    finally:
        database.dispose()
