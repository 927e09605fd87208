"""Opening SQLite files for backups: read-only URIs, counts, revisions, durable renames."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from importlib import metadata
from pathlib import Path

from db.backup.types import BackupError, Counts

BACKUP_INFO_KEY = "backup_info"
COUNT_SQL = {
    "members": "SELECT count(*) FROM member WHERE deleted_at IS NULL",
    "organisations": "SELECT count(*) FROM organisation WHERE deleted_at IS NULL",
    "groups": "SELECT count(*) FROM network_group WHERE deleted_at IS NULL",
    "dues": "SELECT count(*) FROM dues_payment WHERE deleted_at IS NULL",
}


def app_version() -> str:
    try:
        return metadata.version("khrueakhai")
    except metadata.PackageNotFoundError:
        return "unknown"


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI opening ``path`` read-only (Thai and spaces in the path are escaped)."""
    return f"{path.resolve().as_uri()}?mode=ro"


def connect_read_only(path: Path, *, timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only connection; BackupError ``missing``/``not_database`` when it cannot be one."""
    if not path.exists():
        raise BackupError("missing", f"there is no file at {path}")
    if not path.is_file():
        raise BackupError("missing", f"{path} is not a file")
    try:
        connection = sqlite3.connect(
            read_only_uri(path), uri=True, timeout=timeout, isolation_level=None
        )
    except sqlite3.Error as error:
        raise BackupError("not_database", f"{path} cannot be opened: {error}") from None
    return connection


def counts(connection: sqlite3.Connection) -> Counts:
    values: dict[str, int] = {}
    for name, sql in COUNT_SQL.items():
        try:
            values[name] = int(connection.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:  # an older schema without the table
            values[name] = 0
    return Counts(**values)


def schema_revision(connection: sqlite3.Connection) -> str:
    """The Alembic revision(s) of the database ("0003", "a+b"); "" when it has none."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        return ""
    return "+".join(sorted(str(row[0]) for row in rows))


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows cannot open folders this way and
    makes renames durable with the file's own flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def sidecars(path: Path) -> tuple[Path, ...]:
    """SQLite's files beside a database: the WAL, its index and the rollback journal."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))
