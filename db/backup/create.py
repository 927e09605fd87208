"""Making a backup with SQLite's online backup API (never a file copy of a live database).

The copy is written page by page into a hidden ``.partial`` file in the target folder, from one
read snapshot of the source (so writers carry on meanwhile, and the copy is consistent), checked
with ``quick_check``, flushed to disk and only then renamed to its final name: a backup killed at
any moment never leaves a half file under a backup's name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from db.backup.files import (
    BACKUP_INFO_KEY,
    app_version,
    counts,
    fsync_file,
    fsync_folder,
    remove_quietly,
    schema_revision,
)
from db.backup.naming import PARTIAL_SUFFIX, check_reason, free_backup_path
from db.backup.types import BackupCancelled, BackupError, BackupInfo, Counts
from db.engine import BUSY_TIMEOUT_MS, Database

PAGES_PER_STEP = 2048  # 8 MiB with 4 KiB pages: ~200 steps for the 1.7 GB register
STALE_PARTIAL_SECONDS = 3600

Progress = Callable[[int, int], object]  # (pages done, pages in all); returning False cancels


def create_backup(
    database: Database,
    *,
    folder: Path,
    reason: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    verify: bool = True,
) -> BackupInfo:
    """Back up ``database`` into ``folder`` (created if missing) under a name that sorts by
    time and says why (``khrueakhai-<UTC time>-<reason>.sqlite``); returns what it holds."""
    return backup_database_file(
        database.path, folder=folder, reason=reason, progress=progress, cancel=cancel,
        verify=verify,
    )  # fmt: skip


def backup_database_file(
    source: Path,
    *,
    folder: Path,
    reason: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    verify: bool = True,
) -> BackupInfo:
    """:func:`create_backup` for a database given by its path."""
    check_reason(reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError("folder", f"the backup folder {folder} cannot be made: {error}") from None
    if not folder.is_dir():
        raise BackupError("folder", f"{folder} is not a folder")
    _remove_stale_partials(folder)
    now = dt.datetime.now(dt.UTC)
    out = free_backup_path(folder, now, reason)
    return backup_to_file(
        source, out=out, reason=reason, progress=progress, cancel=cancel, verify=verify,
        created_at=now,
    )  # fmt: skip


def backup_to_file(
    source: Path,
    *,
    out: Path,
    reason: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    verify: bool = True,
    created_at: dt.datetime | None = None,
) -> BackupInfo:
    """Back up the database at ``source`` into the file ``out`` (replaced if it exists)."""
    check_reason(reason)
    if not source.is_file():
        raise BackupError("missing", f"there is no database at {source}")
    if out.exists() and out.resolve() == source.resolve():
        raise BackupError("folder", "a database cannot be backed up onto itself")
    if not out.parent.is_dir():
        raise BackupError("folder", f"the folder {out.parent} does not exist")
    created_at = created_at or dt.datetime.now(dt.UTC)
    partial = out.with_name(f".{out.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
    try:
        found, revision, integrity_ok = _copy(
            source, partial, created_at=created_at, reason=reason, progress=progress,
            cancel=cancel, verify=verify,
        )  # fmt: skip
        fsync_file(partial)
        os.replace(partial, out)
        fsync_folder(out.parent)
    except BaseException:
        remove_quietly(partial, *(partial.with_name(partial.name + "-journal"),))
        raise
    return BackupInfo(
        path=out, created_at=created_at, reason=reason, app_version=app_version(),
        schema_revision=revision, counts=found, size=out.stat().st_size,
        integrity_ok=integrity_ok, source_name=source.name,
    )  # fmt: skip


def _copy(
    source: Path,
    target: Path,
    *,
    created_at: dt.datetime,
    reason: str,
    progress: Progress | None,
    cancel: threading.Event | None,
    verify: bool,
) -> tuple[Counts, str, bool | None]:
    try:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise BackupError("not_database", f"{source} cannot be opened: {error}") from None
    dst: sqlite3.Connection | None = None
    try:
        src.execute("PRAGMA query_only=ON")
        try:
            # One read snapshot for the whole copy: in WAL mode writers carry on, and the copy
            # does not restart when they commit.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError("not_database", f"{source} is not a database: {error}") from None
        found = counts(src)
        revision = schema_revision(src)
        dst = sqlite3.connect(target, isolation_level=None)
        dst.execute("PRAGMA synchronous=OFF")  # the finished file is flushed once, by fsync

        def step(_status: int, remaining: int, total: int) -> None:
            if cancel is not None and cancel.is_set():
                raise BackupCancelled()
            if progress is not None and progress(total - remaining, total) is False:
                raise BackupCancelled()

        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
        except sqlite3.DatabaseError as error:
            text = str(error)
            if "malformed" in text or "not a database" in text or "corrupt" in text:
                raise BackupError("damaged", f"{source} could not be read: {text}") from None
            raise BackupError("failed", f"the backup could not be written: {text}") from None
        src.execute("COMMIT")
        if cancel is not None and cancel.is_set():
            raise BackupCancelled()
        # A single self-contained file (the source's WAL flag came with page 1).
        dst.execute("PRAGMA journal_mode=DELETE")
        integrity_ok: bool | None = None
        if verify:
            integrity_ok = [row[0] for row in dst.execute("PRAGMA quick_check(1)")] == ["ok"]
        info = {
            "created_at": created_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "reason": reason,
            "app_version": app_version(),
            "schema_revision": revision,
            "counts": {
                "members": found.members, "organisations": found.organisations,
                "groups": found.groups, "dues": found.dues,
            },
            "integrity_ok": integrity_ok,
            "source_name": source.name,
        }  # fmt: skip
        # Not one of our databases (no local_setting): the file alone says less.
        with contextlib.suppress(sqlite3.OperationalError):
            dst.execute(
                "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
                (BACKUP_INFO_KEY, json.dumps(info, ensure_ascii=False)),
            )
        if integrity_ok is False:
            raise BackupError(
                "damaged",
                f"the copy of {source} fails SQLite's quick_check: the database itself is"
                " damaged; no backup was kept (restore an older backup)",
            )
        return found, revision, integrity_ok
    finally:
        if dst is not None:
            dst.close()
        src.close()


def _remove_stale_partials(folder: Path) -> None:
    """Partial files of backups killed long ago (a running backup keeps its file fresh)."""
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for path in folder.glob(f".khrueakhai-*{PARTIAL_SUFFIX}*"):  # and its -journal
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            continue
