"""Scheduled backups: checked at start and every few minutes; run on the backup thread."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from db.backup import REASON_SCHEDULED, BackupInfo, backup_due, load_backup_settings
from desktop.backup.runner import start_backup
from desktop.backup.texts import error_text
from desktop.db_worker import DbExecutor
from desktop.io.background import deliver

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 5 * 60 * 1000
FIRST_CHECK_MS = 20 * 1000  # after start, once the first screen is up


class BackupScheduler(QObject):
    """Makes the scheduled backup when ``backup_due`` says so; tells ``show_message``."""

    backup_finished = Signal(object)  # BackupInfo
    backup_failed = Signal(str)

    def __init__(
        self,
        executor: DbExecutor,
        *,
        show_message: Callable[[str], None] | None = None,
        parent: QObject | None = None,
        first_check_ms: int = FIRST_CHECK_MS,
        every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._show = show_message
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def is_running(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._timer.stop()

    def check(self, now: dt.datetime | None = None) -> bool:
        """Start the scheduled backup when it is due; True when one was started."""
        if self._running:
            return False
        try:
            settings = self._executor.read_now(load_backup_settings)
        except Exception:
            log.exception("backup settings could not be read")
            return False
        if not backup_due(
            settings.last_backup_at, settings.schedule, now or dt.datetime.now(dt.UTC)
        ):
            return False
        self._running = True
        future = start_backup(self._executor.database, reason=REASON_SCHEDULED)
        deliver(self, future, self._done, self._failed)
        return True

    def _done(self, info: BackupInfo) -> None:
        self._running = False
        log.info("scheduled backup %s", info.path)
        if self._show is not None:
            self._show(
                QCoreApplication.translate("Backups", "Backed up automatically to %1").replace(
                    "%1", str(info.path.parent)
                )
            )
        self.backup_finished.emit(info)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("scheduled backup failed: %s", error)
        message = QCoreApplication.translate("Backups", "The automatic backup failed: %1").replace(
            "%1", error_text(error)
        )
        if self._show is not None:
            self._show(message)
        self.backup_failed.emit(message)
