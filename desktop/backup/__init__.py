"""Backups in the app (issue 4): the Backups dialog, the settings panel, scheduled backups,
the start-up check of a damaged database, and backups before risky operations.

- ``BackupsDialog`` / ``open_backups_dialog(parent, executor)``: File ▸ Backups….
- ``BackupSettingsPanel(executor)``: folder, schedule and keep counts, for the settings dialog:
  ``load()`` fills it, ``validate()`` says what is wrong, ``save()`` stores (signal ``saved``).
- ``BackupScheduler(executor, show_message=...)``: the scheduled backup when due.
- ``install_backups(window)``: the File menu entry and the scheduler for the main window.
- ``check_on_start(db_path)``: the integrity check before the app opens the database;
  ``StartCheck(db_path)`` skips it after a clean exit and leaves the marker at the next one.
- ``with_backup(executor, fn, reason=...)``: ``fn`` run on the database thread after a backup.
"""

from desktop.backup.damaged import DamagedDatabaseDialog, StartCheck, check_on_start
from desktop.backup.dialog import BackupsDialog, open_backups_dialog
from desktop.backup.menu import install_backups
from desktop.backup.runner import start_backup, with_backup
from desktop.backup.scheduler import BackupScheduler
from desktop.backup.settings_panel import BackupSettingsPanel

__all__ = [
    "BackupScheduler",
    "BackupSettingsPanel",
    "BackupsDialog",
    "DamagedDatabaseDialog",
    "StartCheck",
    "check_on_start",
    "install_backups",
    "open_backups_dialog",
    "start_backup",
    "with_backup",
]
