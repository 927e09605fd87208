"""The Backups page: the backups engineer's ``BackupSettingsPanel`` (folder, schedule, how many
to keep), saved on the database thread with the rest of the window's OK or Apply."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from db.backup import BackupSettings
from desktop.backup import BackupSettingsPanel
from desktop.db_worker import DbExecutor


class BackupsPage(QWidget):
    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsSettingsPage")
        self.panel = BackupSettingsPanel(executor, self)
        self.panel.save_failed.connect(self._show_failure)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        self._saved: BackupSettings = self.panel.load()

    def title(self) -> str:
        return self.tr("Backups")

    def retranslate(self) -> None:
        """The panel retranslates itself where it does; the title is read again by the
        window."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def is_modified(self) -> bool:
        return self.panel.settings() != self._saved

    def validate(self) -> bool:
        return self.panel.validate() == ""

    async def save(self) -> bool:
        """Store the panel's settings when they changed; False (the panel says why) when
        they could not be."""
        if not self.is_modified():
            return True
        wanted = self.panel.settings()
        future = self.panel.save()
        if future is None:
            return False  # not valid: the panel shows why
        try:
            await asyncio.wrap_future(future)
        except Exception:  # the panel's save_failed shows it
            return False
        self._saved = wanted
        return True

    def _show_failure(self, message: str) -> None:
        self.panel.error.setText(
            self.tr("The backup settings could not be saved: %1").replace("%1", message)
        )
        self.panel.error.show()
