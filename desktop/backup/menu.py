"""The main window's part: File ▸ Backups… and the scheduler, added by one call."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.backup.scheduler import BackupScheduler
from desktop.db_worker import DbExecutor


class _BackupsEntry(QObject):
    """Keeps the menu entry's text in the current language."""

    def __init__(self, window: QMainWindow, action: QAction) -> None:
        super().__init__(window)
        self._action = action
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self._action.setText(QCoreApplication.translate("Backups", "&Backups…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install_backups(
    window: QMainWindow, executor: DbExecutor, menu: QMenu, *, before: QAction | None = None
) -> BackupScheduler:
    """Add "Backups…" to ``menu`` (before ``before``) and start the scheduled backups, which
    report in the window's status bar. Returns the scheduler."""
    from desktop.backup.dialog import open_backups_dialog

    action = QAction(window)
    action.setObjectName("backupsAction")
    action.triggered.connect(lambda _checked=False: open_backups_dialog(window, executor))
    menu.insertAction(before, action) if before is not None else menu.addAction(action)
    _BackupsEntry(window, action)
    scheduler = BackupScheduler(
        executor, show_message=lambda text: window.statusBar().showMessage(text, 15_000),
        parent=window,
    )  # fmt: skip
    scheduler.setObjectName("backupScheduler")
    return scheduler
