"""What the backup functions take and give back: plain frozen dataclasses and one error type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Schedule = Literal["daily", "weekly", "off"]
SCHEDULES: tuple[Schedule, ...] = ("daily", "weekly", "off")

# Why a backup was made; the reason is part of the file name.
REASON_MANUAL = "manual"
REASON_SCHEDULED = "scheduled"
REASON_BEFORE_IMPORT = "before-import"
REASON_BEFORE_MERGE = "before-merge"
REASON_BEFORE_MIGRATION = "before-migration"
REASON_BEFORE_RESTORE = "before-restore"


class BackupError(Exception):
    """A backup, check or restore that cannot be done, for one reason.

    ``code`` is stable (the GUI and the command line choose their words by it):
    ``missing`` (no such file), ``not_database`` (not a Khrueakhai/SQLite file), ``damaged``
    (integrity check failed), ``newer_schema`` (made by a newer program), ``in_use`` (another
    program holds the database), ``bad_reason``, ``folder`` (the folder cannot be written),
    ``cancelled``, ``failed`` (anything else: a full disk, ...). Whenever one is raised,
    nothing was lost: the live database is as it was.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class BackupCancelled(BackupError):
    def __init__(self) -> None:
        super().__init__("cancelled", "the backup was cancelled; no backup file was written")


@dataclass(frozen=True, slots=True)
class Counts:
    """Live (not deleted) records in a database."""

    members: int = 0
    organisations: int = 0
    groups: int = 0
    dues: int = 0


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds, read without opening it for writing."""

    path: Path
    created_at: dt.datetime  # aware, UTC
    reason: str
    app_version: str
    schema_revision: str  # "0003", or "a+b" while branches are unmerged
    counts: Counts
    size: int  # bytes on disk
    integrity_ok: bool | None  # quick_check when written (None: not checked)
    source_name: str = ""  # file name of the database it was made from

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class IntegrityResult:
    """The outcome of :func:`db.backup.check_integrity`."""

    path: Path
    ok: bool  # False: the file is damaged (or not a database): never open it for writing
    problems: tuple[str, ...] = ()  # SQLite's own words, at most a few dozen
    foreign_key_problems: int = 0  # broken references (data to fix, not a damaged file)
    full: bool = False  # integrity_check (True) or quick_check (False)
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: BackupInfo
    safety_backup: BackupInfo | None  # the state before the restore ("before-restore")
    damaged_copy: Path | None  # where a damaged live database was moved aside
    schema_revision: str  # after migrating to this program's head
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class BackupSettings:
    """Where and how often this database is backed up (kept in its ``local_setting``)."""

    folder: Path
    schedule: Schedule = "daily"
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12
    last_backup_at: dt.datetime | None = None  # aware, UTC; the newest backup in the folder


@dataclass(frozen=True, slots=True)
class PrunePlan:
    keep: tuple[Path, ...]
    delete: tuple[Path, ...]
    reasons: dict[Path, str] = field(default_factory=dict)  # why each kept file is kept
