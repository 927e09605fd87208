"""The backup screens' words: reasons, errors by code, dates and sizes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.backup import BackupError, BackupInfo
from db.backup.schedule import format_utc
from desktop import i18n
from desktop.home.formatting import format_changed_at

CONTEXT = "Backups"
REASONS = {
    "manual": QT_TRANSLATE_NOOP("Backups", "Backed up by hand"),
    "scheduled": QT_TRANSLATE_NOOP("Backups", "Scheduled"),
    "before-import": QT_TRANSLATE_NOOP("Backups", "Before an import"),
    "before-merge": QT_TRANSLATE_NOOP("Backups", "Before merging members"),
    "before-migration": QT_TRANSLATE_NOOP("Backups", "Before a program update"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "Before a restore"),
}
ERRORS = {
    "missing": QT_TRANSLATE_NOOP("Backups", "The file is not there any more."),
    "not_database": QT_TRANSLATE_NOOP("Backups", "The file is not a Khrueakhai database."),
    "damaged": QT_TRANSLATE_NOOP(
        "Backups", "The file is damaged (SQLite's integrity check failed). Choose another backup."
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "Backups",
        "The backup was made by a newer version of Khrueakhai. Install that version to restore it.",
    ),
    "in_use": QT_TRANSLATE_NOOP(
        "Backups", "The database is in use by another program. Close it and try again."
    ),
    "folder": QT_TRANSLATE_NOOP(
        "Backups",
        "The backup folder cannot be written. Plug in the drive or choose another folder.",
    ),
    "cancelled": QT_TRANSLATE_NOOP("Backups", "Cancelled: nothing was changed."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_text(reason: str) -> str:
    text = REASONS.get(reason)
    return tr(text) if text else reason


def error_text(error: BaseException) -> str:
    if isinstance(error, BackupError):
        known = ERRORS.get(error.code)
        return (
            tr(known)
            if known
            else QCoreApplication.translate("Backups", "It could not be done: %1").replace(
                "%1", error.message
            )
        )
    return QCoreApplication.translate("Backups", "It could not be done: %1").replace(
        "%1", str(error)
    )


def when_text(info: BackupInfo) -> str:
    from desktop.settings_dialog import date_era

    return format_changed_at(
        format_utc(info.created_at), era=date_era(), thai=i18n.current_language() == "th"
    )


def size_text(size: int) -> str:
    if size >= 1_073_741_824:
        return QCoreApplication.translate("Backups", "%1 GB").replace(
            "%1", f"{size / 1_073_741_824:,.1f}"
        )
    if size >= 1_048_576:
        return QCoreApplication.translate("Backups", "%1 MB").replace(
            "%1", f"{size / 1_048_576:,.1f}"
        )
    return QCoreApplication.translate("Backups", "%1 KB").replace("%1", f"{max(1, size // 1024):,}")
