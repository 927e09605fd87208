"""``BackupSettingsPanel``: where backups go and how often, for the settings dialog.

Embedding it::

    panel = BackupSettingsPanel(executor, parent)
    panel.load()                # fill the fields from the database's settings
    ...
    if panel.validate():        # "" when all is well, else the message to show
        ...
    panel.save()                # store them (on the database thread); emits ``saved``

The settings live in the database (``local_setting``, see :mod:`db.backup.schedule`), so the
command line and every PC opening this database use the same folder and schedule.
"""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from db.backup import BackupSettings, default_backup_folder, load_backup_settings
from db.backup import save_backup_settings as db_save_backup_settings
from db.backup.schedule import MAX_KEEP
from desktop.db_worker import Changes, DbExecutor
from desktop.io.background import deliver


class BackupSettingsPanel(QWidget):
    saved = Signal(object)  # BackupSettings, once stored
    save_failed = Signal(str)

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        # The folder used when none is chosen: this register's (db.backup.default_backup_folder)
        self._default_folder = default_backup_folder(executor.database.path)
        self.setObjectName("backupSettingsPanel")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("backupFolderEdit")
        self.folder_edit.setPlaceholderText(str(self._default_folder))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("backupFolderBrowse")
        self.browse_button.clicked.connect(self._browse)
        self.schedule_combo = QComboBox(self)
        self.schedule_combo.setObjectName("backupScheduleCombo")
        self.schedule_combo.addItem(self.tr("Every day"), "daily")
        self.schedule_combo.addItem(self.tr("Every week"), "weekly")
        self.schedule_combo.addItem(self.tr("Off (only by hand and before risky work)"), "off")
        self.keep_daily = self._spin("keepDailySpin")
        self.keep_weekly = self._spin("keepWeeklySpin")
        self.keep_monthly = self._spin("keepMonthlySpin")
        self.note = QLabel(
            self.tr("A backup is also made before every import, merge, restore and program"
                    " update. A USB drive or a shared folder keeps the register safe when"
                    " this PC fails."), self,
        )  # fmt: skip
        self.note.setObjectName("backupSettingsNote")
        self.note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("backupSettingsError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        keep_row = QHBoxLayout()
        for label, spin in ((self.tr("daily"), self.keep_daily),
                            (self.tr("weekly"), self.keep_weekly),
                            (self.tr("monthly"), self.keep_monthly)):  # fmt: skip
            keep_row.addWidget(spin)
            keep_row.addWidget(QLabel(label, self))
        keep_row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Backup &folder:"), folder_row)
        form.addRow(self.tr("&Automatic backup:"), self.schedule_combo)
        form.addRow(self.tr("Keep:"), keep_row)
        form.addRow(self.note)
        form.addRow(self.error)

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, MAX_KEEP)
        return spin

    def load(self) -> BackupSettings:
        """Fill the fields from the database's settings (a quick read); returns them."""
        current = self._executor.read_now(load_backup_settings)
        self.set_settings(current)
        return current

    def set_settings(self, settings: BackupSettings) -> None:
        default = settings.folder == self._default_folder
        self.folder_edit.setText("" if default else str(settings.folder))
        self.schedule_combo.setCurrentIndex(max(0, self.schedule_combo.findData(settings.schedule)))
        self.keep_daily.setValue(settings.keep_daily)
        self.keep_weekly.setValue(settings.keep_weekly)
        self.keep_monthly.setValue(settings.keep_monthly)
        self.error.hide()

    def settings(self) -> BackupSettings:
        """What the fields say (an empty folder field is the default folder)."""
        text = self.folder_edit.text().strip()
        return BackupSettings(
            folder=Path(text) if text else self._default_folder,
            schedule=self.schedule_combo.currentData(),
            keep_daily=self.keep_daily.value(),
            keep_weekly=self.keep_weekly.value(),
            keep_monthly=self.keep_monthly.value(),
        )

    def validate(self) -> str:
        """ "" when the fields can be saved, else what is wrong (also shown in the panel)."""
        text = self.folder_edit.text().strip()
        message = ""
        if text and not Path(text).is_absolute():
            message = self.tr("Give the whole path of the backup folder (for example E:\\Backups).")
        elif text and Path(text).exists() and not Path(text).is_dir():
            message = self.tr("The backup folder is a file, not a folder.")
        self.error.setText(message)
        self.error.setVisible(bool(message))
        return message

    def save(self) -> concurrent.futures.Future[None] | None:
        """Store the fields on the database thread (None when they are not valid)."""
        if self.validate():
            return None
        settings = self.settings()
        future = self._executor.submit(db_save_backup_settings, settings=settings)

        def done(_result: None) -> None:
            self._executor.changes_applied.emit(Changes.of("settings"), self)
            self.saved.emit(settings)

        deliver(self, future, done, lambda error: self.save_failed.emit(str(error)))
        return future

    def _browse(self) -> None:
        start = self.folder_edit.text().strip() or str(self._default_folder)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), start)
        if chosen:
            self.folder_edit.setText(chosen)
