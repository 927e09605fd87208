"""Backups and recovery (no Qt): online backups, their rotation and schedule, integrity checks
and restoring. Everything here is a plain function the app, the command line and tests call.

- :func:`create_backup` / :func:`backup_to_file`: SQLite online backup, page by page, into a
  hidden partial file, checked, flushed and renamed (a killed backup leaves no half file).
- :func:`read_backup_info`, :func:`list_backups`, :func:`latest_good_backup`: what backups hold,
  read-only.
- :func:`prune_backups` (and the pure :func:`plan_pruning`): daily/weekly/monthly rotation.
- :func:`backup_due`, :func:`load_backup_settings`, :func:`save_backup_settings`,
  :func:`backup_now`, :func:`backup_before`: settings in ``local_setting`` and scheduling.
- :func:`check_integrity`, :func:`restore_backup`, :func:`ensure_not_in_use`.
- :func:`record_clean_close`, :func:`take_clean_close`, :func:`check_needed`: the marker a clean
  exit leaves, so the next start can skip its integrity check.
"""

from db.backup.clean_close import CleanClose, check_needed, record_clean_close, take_clean_close
from db.backup.create import backup_database_file, backup_to_file, create_backup
from db.backup.info import check_integrity, latest_good_backup, list_backups, read_backup_info
from db.backup.naming import backup_name, parse_backup_name
from db.backup.restore import check_restorable, ensure_not_in_use, move_aside, restore_backup
from db.backup.rotation import plan_pruning, prune_backups
from db.backup.schedule import (
    MERGE_BACKUP_REUSE,
    backup_before,
    backup_before_migration,
    backup_due,
    backup_now,
    default_backup_folder,
    load_backup_settings,
    read_backup_settings,
    record_backup,
    save_backup_settings,
)
from db.backup.types import (
    REASON_BEFORE_IMPORT,
    REASON_BEFORE_MERGE,
    REASON_BEFORE_MIGRATION,
    REASON_BEFORE_RESTORE,
    REASON_MANUAL,
    REASON_SCHEDULED,
    SCHEDULES,
    BackupCancelled,
    BackupError,
    BackupInfo,
    BackupSettings,
    Counts,
    IntegrityResult,
    PrunePlan,
    RestoreResult,
    Schedule,
)

__all__ = [
    "MERGE_BACKUP_REUSE",
    "REASON_BEFORE_IMPORT",
    "REASON_BEFORE_MERGE",
    "REASON_BEFORE_MIGRATION",
    "REASON_BEFORE_RESTORE",
    "REASON_MANUAL",
    "REASON_SCHEDULED",
    "SCHEDULES",
    "BackupCancelled",
    "BackupError",
    "BackupInfo",
    "BackupSettings",
    "CleanClose",
    "Counts",
    "IntegrityResult",
    "PrunePlan",
    "RestoreResult",
    "Schedule",
    "backup_before",
    "backup_before_migration",
    "backup_database_file",
    "backup_due",
    "backup_name",
    "backup_now",
    "backup_to_file",
    "check_integrity",
    "check_needed",
    "check_restorable",
    "create_backup",
    "default_backup_folder",
    "ensure_not_in_use",
    "latest_good_backup",
    "list_backups",
    "load_backup_settings",
    "move_aside",
    "parse_backup_name",
    "plan_pruning",
    "prune_backups",
    "read_backup_info",
    "read_backup_settings",
    "record_backup",
    "record_clean_close",
    "restore_backup",
    "save_backup_settings",
    "take_clean_close",
]
