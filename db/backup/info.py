"""Reading backups without changing them: what one holds, the folder's list, integrity."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from pathlib import Path

from db.backup.files import BACKUP_INFO_KEY, connect_read_only, counts, schema_revision
from db.backup.naming import parse_backup_name
from db.backup.types import BackupError, BackupInfo, Counts, IntegrityResult

MAX_PROBLEMS = 50


def read_backup_info(path: Path, *, verify: bool = False) -> BackupInfo:
    """What the backup (or any Khrueakhai database file) at ``path`` holds, read through a
    read-only connection. ``verify`` runs ``quick_check`` now; otherwise ``integrity_ok`` is
    what the check gave when the backup was written (None for a file not made as a backup).

    BackupError ``missing`` or ``not_database`` when it cannot be read.
    """
    connection = connect_read_only(path)
    try:
        try:
            row = connection.execute(
                "SELECT value FROM local_setting WHERE key = ?", (BACKUP_INFO_KEY,)
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                raise BackupError("not_database", f"{path} is not a Khrueakhai database") from None
            raise BackupError("not_database", f"{path} cannot be read: {error}") from None
        except sqlite3.DatabaseError as error:
            raise BackupError("not_database", f"{path} is not a database ({error})") from None
        stored = _stored_info(row[0]) if row else {}
        integrity_ok = stored.get("integrity_ok")
        if verify:
            integrity_ok = _problems(connection, "quick_check", 1) == []
        if stored:
            raw = stored.get("counts")
            fields = {"members", "organisations", "groups", "dues"}
            found = Counts(**{
                k: int(v) for k, v in (raw.items() if isinstance(raw, dict) else ())
                if k in fields and isinstance(v, int)
            })  # fmt: skip
            revision = str(stored.get("schema_revision", ""))
        else:
            try:
                found, revision = counts(connection), schema_revision(connection)
            except sqlite3.DatabaseError as error:
                raise BackupError("damaged", f"{path} cannot be read: {error}") from None
    finally:
        connection.close()
    named = parse_backup_name(path.name)
    created_at = _parse_time(stored.get("created_at"))
    if created_at is None:
        created_at = named[0] if named else dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return BackupInfo(
        path=path, created_at=created_at,
        reason=str(stored.get("reason") or (named[1] if named else "")),
        app_version=str(stored.get("app_version", "")), schema_revision=revision,
        counts=found, size=path.stat().st_size,
        integrity_ok=integrity_ok if isinstance(integrity_ok, bool) else None,
        source_name=str(stored.get("source_name", "")),
    )  # fmt: skip


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder`` (files named as :mod:`db.backup.naming` names them), newest
    first. A file that cannot be read is listed with ``integrity_ok=False`` and no counts."""
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in folder.iterdir():
        named = parse_backup_name(path.name)
        if named is None or not path.is_file():
            continue
        try:
            found.append(read_backup_info(path))
        except BackupError:
            found.append(
                BackupInfo(
                    path=path,
                    created_at=named[0],
                    reason=named[1],
                    app_version="",
                    schema_revision="",
                    counts=Counts(),
                    size=path.stat().st_size,
                    integrity_ok=False,
                )
            )
    found.sort(key=lambda info: (info.created_at, _mtime(info.path)), reverse=True)
    return found


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in ``folder`` that is not known to be damaged."""
    return next((info for info in list_backups(folder) if info.integrity_ok is not False), None)


def check_integrity(
    path: Path, *, full: bool = False, foreign_keys: bool = True
) -> IntegrityResult:
    """SQLite's own check of the database file at ``path`` (read-only): ``quick_check``, or
    ``integrity_check`` with ``full``; ``foreign_key_check`` counts broken references (data to
    fix, which does not make the file damaged). A file that is not a database is damaged."""
    started = time.perf_counter()
    try:
        connection = connect_read_only(path)
    except BackupError as error:
        if error.code == "missing":
            raise
        return IntegrityResult(path=path, ok=False, problems=(error.message,), full=full)
    try:
        try:
            problems = _problems(connection, "integrity_check" if full else "quick_check",
                                 MAX_PROBLEMS)  # fmt: skip
            broken = 0
            if foreign_keys and not problems:
                broken = sum(1 for _ in connection.execute("PRAGMA foreign_key_check"))
        except sqlite3.DatabaseError as error:
            problems, broken = [str(error)], 0
    finally:
        connection.close()
    return IntegrityResult(
        path=path, ok=not problems, problems=tuple(problems), foreign_key_problems=broken,
        full=full, seconds=time.perf_counter() - started,
    )  # fmt: skip


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _problems(connection: sqlite3.Connection, pragma: str, limit: int) -> list[str]:
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}({limit})")]
    return [] if rows == ["ok"] else rows


def _stored_info(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _parse_time(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
