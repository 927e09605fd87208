"""Backup settings (kept in the database's ``local_setting``), the schedule, and the backups
the app and the command line make: ``backup_now`` (into the settings' folder, rotated) and
``backup_before`` (before a risky operation).

Keys: ``backup/folder`` (empty: the default folder), ``backup/schedule`` (daily, weekly, off),
``backup/keep_daily``, ``backup/keep_weekly``, ``backup/keep_monthly``, ``backup/last_at`` (UTC
ISO time of the newest backup made into the folder).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, text
from sqlmodel import Session

from db.backup.create import Progress, create_backup
from db.backup.files import connect_read_only
from db.backup.rotation import prune_backups
from db.backup.types import (
    REASON_BEFORE_MIGRATION,
    SCHEDULES,
    BackupError,
    BackupInfo,
    BackupSettings,
    Schedule,
)
from db.engine import APP_NAME, BUSY_TIMEOUT_MS, USER_DIR_ENV, Database, default_db_path

log = logging.getLogger(__name__)

FOLDER_KEY = "backup/folder"
SCHEDULE_KEY = "backup/schedule"
KEEP_DAILY_KEY = "backup/keep_daily"
KEEP_WEEKLY_KEY = "backup/keep_weekly"
KEEP_MONTHLY_KEY = "backup/keep_monthly"
LAST_AT_KEY = "backup/last_at"
SETTING_KEYS = (FOLDER_KEY, SCHEDULE_KEY, KEEP_DAILY_KEY, KEEP_WEEKLY_KEY, KEEP_MONTHLY_KEY,
                LAST_AT_KEY)  # fmt: skip
MAX_KEEP = 1000
MERGE_BACKUP_REUSE = dt.timedelta(minutes=15)


BESIDE_SUFFIX = "-backups"


def default_backup_folder(database_path: Path | None = None) -> Path:
    """Where backups go when the database's settings name no folder.

    For the app's own register (:func:`db.engine.default_db_path`, or no path given):
    ``backups`` in the user's data folder (``$KHRUEAKHAI_USER_DIR/backups`` when set). For any
    other database file: a folder beside it, named for it (``D:\\สาขา\\สมาชิก.sqlite`` ->
    ``D:\\สาขา\\สมาชิก-backups``), so that two registers' backups never mix, and rotating one
    register's backups never deletes the other's. (SQLite writes its journal beside the
    database, so that folder can be written.)
    """
    if database_path is not None and not _is_default_register(database_path):
        return database_path.with_name(database_path.stem + BESIDE_SUFFIX)
    override = os.environ.get(USER_DIR_ENV)
    if override:
        return Path(override) / "backups"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def _is_default_register(database_path: Path) -> bool:
    try:
        return database_path.resolve() == default_db_path().resolve()
    except OSError:
        return False


def database_path_of(session: Session | Connection) -> Path | None:
    """The file of the SQLite database ``session`` works on (None for an in-memory one)."""
    engine = session.get_bind() if isinstance(session, Session) else session.engine
    name = engine.url.database
    return Path(name) if name and name != ":memory:" else None


def settings_from_values(
    values: dict[str, str], database_path: Path | None = None
) -> BackupSettings:
    """Settings from the stored texts; anything missing or unreadable takes its default (the
    default folder of the database at ``database_path``: :func:`default_backup_folder`)."""
    defaults = BackupSettings(folder=default_backup_folder(database_path))
    schedule = values.get(SCHEDULE_KEY, defaults.schedule)

    def keep(key: str, default: int) -> int:
        try:
            return min(MAX_KEEP, max(0, int(values.get(key, default))))
        except ValueError:
            return default

    return BackupSettings(
        folder=Path(values[FOLDER_KEY]) if values.get(FOLDER_KEY) else defaults.folder,
        schedule=schedule if schedule in SCHEDULES else defaults.schedule,  # type: ignore[arg-type]
        keep_daily=keep(KEEP_DAILY_KEY, defaults.keep_daily),
        keep_weekly=keep(KEEP_WEEKLY_KEY, defaults.keep_weekly),
        keep_monthly=keep(KEEP_MONTHLY_KEY, defaults.keep_monthly),
        last_backup_at=parse_utc(values.get(LAST_AT_KEY)),
    )


def load_backup_settings(session: Session | Connection) -> BackupSettings:
    rows = session.execute(
        text(f"SELECT key, value FROM local_setting WHERE key IN ({_placeholders()})"),
        dict(zip(_names(), SETTING_KEYS, strict=True)),
    ).all()
    return settings_from_values({str(k): str(v) for k, v in rows}, database_path_of(session))


def read_backup_settings(database_path: Path) -> BackupSettings:
    """The settings of the database file at ``database_path``, read-only; the defaults when it
    cannot be read (missing, damaged): for the start-up path and the command line."""
    try:
        connection = connect_read_only(database_path)
        try:
            rows = connection.execute(
                f"SELECT key, value FROM local_setting WHERE key IN ({', '.join('?' * 6)})",
                SETTING_KEYS,
            ).fetchall()
        finally:
            connection.close()
    except (BackupError, sqlite3.Error):
        return settings_from_values({}, database_path)
    return settings_from_values({str(k): str(v) for k, v in rows}, database_path)


def save_backup_settings(session: Session | Connection, *, settings: BackupSettings) -> None:
    """Store ``settings`` (not ``last_backup_at``, which only a backup records).

    ValueError for an unknown schedule or a negative keep count."""
    if settings.schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {settings.schedule!r}; choose one of {SCHEDULES}")
    keeps = (settings.keep_daily, settings.keep_weekly, settings.keep_monthly)
    if any(not 0 <= value <= MAX_KEEP for value in keeps):
        raise ValueError(f"keep counts must be between 0 and {MAX_KEEP}")
    default = default_backup_folder(database_path_of(session))
    folder = "" if settings.folder == default else str(settings.folder)
    for key, value in (
        (FOLDER_KEY, folder), (SCHEDULE_KEY, settings.schedule),
        (KEEP_DAILY_KEY, str(settings.keep_daily)), (KEEP_WEEKLY_KEY, str(settings.keep_weekly)),
        (KEEP_MONTHLY_KEY, str(settings.keep_monthly)),
    ):  # fmt: skip
        _set(session, key, value)


def backup_due(
    last_backup_at: dt.datetime | None,
    schedule: Schedule,
    now: dt.datetime,
    *,
    tz: dt.tzinfo | None = None,
) -> bool:
    """Whether a scheduled backup is due: daily, once each calendar day (so the first start of
    the day backs up, whatever the hour of yesterday's backup); weekly, once 7 days have passed
    since the last one (by date); never when ``off``. Days are local (``tz``, default the
    computer's). A last backup dated after ``now`` (the clock was ahead) is not trusted."""
    if schedule == "off":
        return False
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}")
    if last_backup_at is None:
        return True
    last_day = last_backup_at.astimezone(tz).date()
    today = now.astimezone(tz).date()
    if last_day > today:
        return True
    return (today - last_day).days >= (1 if schedule == "daily" else 7)


def backup_now(
    database: Database,
    *,
    reason: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Back up into the folder of the database's settings, rotate the folder, and record the
    time (``backup/last_at``): what "Back up now", the schedule and risky operations do."""
    settings = read_backup_settings(database.path)
    info = create_backup(
        database, folder=settings.folder, reason=reason, progress=progress, cancel=cancel
    )
    try:
        prune_backups(
            settings.folder, keep_daily=settings.keep_daily, keep_weekly=settings.keep_weekly,
            keep_monthly=settings.keep_monthly, now=now,
        )  # fmt: skip
    except OSError:
        log.exception("rotating the backups in %s failed", settings.folder)
    record_backup(database.path, at=info.created_at)
    return info


def backup_before(
    database: Database,
    *,
    reason: str,
    reuse_within: dt.timedelta | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo | None:
    """The backup before a risky operation; None when ``reuse_within`` is given and a backup
    made that recently is already in the folder (a run of merges backs up once)."""
    now = now or dt.datetime.now(dt.UTC)
    if reuse_within is not None:
        last = read_backup_settings(database.path).last_backup_at
        if last is not None and dt.timedelta(0) <= now - last <= reuse_within:
            return None
    return backup_now(database, reason=reason, now=now)


def backup_before_migration(database: Database) -> BackupInfo:
    """The backup before the schema is upgraded: into the backup folder of the database's
    settings or, when that folder cannot be written (a USB drive not plugged in), into the
    default folder. BackupError when neither works: the upgrade must not run without one."""
    try:
        return backup_now(database, reason=REASON_BEFORE_MIGRATION)
    except BackupError as error:
        if error.code != "folder":
            raise
        log.warning("backup folder unusable (%s); backing up into the default folder", error)
    info = create_backup(database, folder=default_backup_folder(), reason=REASON_BEFORE_MIGRATION)
    record_backup(database.path, at=info.created_at)
    return info


def record_backup(database_path: Path, *, at: dt.datetime) -> None:
    """Note in the database that a backup was made at ``at``."""
    connection = sqlite3.connect(database_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with connection:
            connection.execute(
                "INSERT INTO local_setting (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (LAST_AT_KEY, format_utc(at)),
            )
    except sqlite3.Error:
        log.exception("could not record the backup time in %s", database_path)
    finally:
        connection.close()


def format_utc(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_utc(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _names() -> list[str]:
    return [f"k{index}" for index in range(len(SETTING_KEYS))]


def _placeholders() -> str:
    return ", ".join(f":{name}" for name in _names())


def _set(session: Session | Connection, key: str, value: str) -> None:
    session.execute(
        text(
            "INSERT INTO local_setting (key, value) VALUES (:key, :value)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": value},
    )
