"""The Backups dialog (File ▸ Backups…): back up now, the folder's backups, preview, restore.

    ┌ Backups ─────────────────────────────────────────────────────────────┐
    │ Folder: /media/usb/khrueakhai                         [Settings…]    │
    │ ┌ When ──────────── Why ───────────── Members ── Size ── Check ─┐   │
    │ │ 24 พ.ย. 2569 10.30 น.  Before an import  393,000  1.7 GB  ok     │   │
    │ └───────────────────────────────────────────────────────────────┘   │
    │ preview of the selected backup (date, counts, schema)                │
    │ [progress ........................] [Cancel]                         │
    │ [Back up now] [Restore…] [Restore from a file…]             [Close]  │
    └──────────────────────────────────────────────────────────────────────┘

Backing up runs on the backup thread (the app carries on); restoring runs on the database
thread, backs up the current state first, then every view reloads (one ``changes_applied``).
"""

from __future__ import annotations

import concurrent.futures
import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.backup import (
    REASON_MANUAL,
    BackupInfo,
    RestoreResult,
    list_backups,
    load_backup_settings,
    read_backup_info,
    restore_backup,
)
from desktop.backup.runner import start_backup
from desktop.backup.texts import error_text, reason_text, size_text, when_text
from desktop.db_worker import Changes, DbExecutor
from desktop.io.background import ProgressState, deliver

log = logging.getLogger(__name__)

POLL_MS = 100
RESTORE_CHANGES = (
    "members",
    "organisations",
    "groups",
    "dues",
    "duplicates",
    "history",
    "settings",
    "users",
)


class BackupsDialog(QDialog):
    backup_finished = Signal(object)  # BackupInfo
    restore_finished = Signal(object)  # RestoreResult
    failed = Signal(str)  # the message shown

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._backups: list[BackupInfo] = []
        self._progress: ProgressState | None = None
        self._busy = False
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(820, 560)

        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("backupList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Members"), self.tr("Size"), self.tr("Check")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_preview)
        self.preview = QLabel(self)
        self.preview.setObjectName("backupPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setMinimumHeight(110)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("backupProgress")
        self.bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelBackupButton")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backUpNowButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._restore_clicked)
        self.file_button = QPushButton(self.tr("Restore from a file…"), self)
        self.file_button.setObjectName("restoreFileButton")
        self.file_button.clicked.connect(self._choose_file)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeBackupsButton")
        self.close_button.clicked.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    # -- the list -----------------------------------------------------------------------------
    def folder(self) -> Path:
        return self._executor.read_now(load_backup_settings).folder

    def backups(self) -> list[BackupInfo]:
        return list(self._backups)

    def reload(self) -> None:
        """Read the folder's backups again (a few small read-only files)."""
        folder = self.folder()
        self.folder_label.setText(self.tr("Backup folder: %1").replace("%1", str(folder)))
        self._backups = list_backups(folder)
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            check = {True: self.tr("ok"), False: self.tr("damaged"), None: "—"}[info.integrity_ok]
            cells = (
                when_text(info),
                reason_text(info.reason),
                f"{info.counts.members:,}",
                size_text(info.size),
                check,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self._backups:
            self.table.selectRow(0)
        else:
            self.preview.setText(html.escape(self.tr("There are no backups in this folder yet.")))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._backups):
            return None
        return self._backups[rows[0].row()]

    def _show_preview(self) -> None:
        info = self.selected()
        self._update_buttons()
        if info is None:
            self.preview.clear()
            return
        self.preview.setText(preview_html(info))

    def _update_buttons(self) -> None:
        info = self.selected()
        self.backup_button.setEnabled(not self._busy)
        self.file_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(
            not self._busy and info is not None and info.integrity_ok is not False
        )
        self.close_button.setEnabled(not self._busy)

    # -- backing up ---------------------------------------------------------------------------
    def back_up_now(self) -> concurrent.futures.Future[BackupInfo]:
        """Start a backup into the folder (off the UI thread); returns its future."""
        self._start(self.tr("Backing up…"))
        assert self._progress is not None
        future = start_backup(
            self._executor.database, reason=REASON_MANUAL, progress=self._progress
        )
        deliver(self, future, self._backed_up, self._failed)
        return future

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _backed_up(self, info: BackupInfo) -> None:
        self._stop()
        self.reload()
        self.status.setText(
            self.tr("Backed up: %1 (%2).")
            .replace("%1", info.name)
            .replace("%2", size_text(info.size))
        )
        self.backup_finished.emit(info)

    # -- restoring ----------------------------------------------------------------------------
    def confirm_restore(self, info: BackupInfo) -> bool:
        """Ask before restoring (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore a backup"),
            self.tr("Replace the register with the backup made %1?").replace("%1", when_text(info)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRestoreBox")
        box.setInformativeText(
            self.tr(
                "Everything changed since then is replaced by what the backup holds"
                " (%Ln member(s)). The register as it is now is backed up first, so this"
                " can be undone by restoring that backup.",
                "",
                info.counts.members,
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("confirmRestoreButton")
        box.exec()
        return box.clickedButton() is restore

    def restore(self, info: BackupInfo) -> concurrent.futures.Future[RestoreResult] | None:
        """Restore ``info`` after asking; the future of the restore (None when declined)."""
        if not self.confirm_restore(info):
            return None
        self._start(self.tr("Restoring… (the current state is backed up first)"))
        assert self._progress is not None
        database = self._executor.database
        future = self._executor.submit(
            _restore_job,
            database_path=database.path,
            backup_path=info.path,
            folder=self.folder(),
            progress=self._progress.report,
        )
        deliver(self, future, self._restored, self._failed)
        return future

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore(info)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.folder()),
            self.tr("Khrueakhai database (*.sqlite);;All files (*)"),
        )
        if not name:
            return
        try:
            info = read_backup_info(Path(name))
        except Exception as error:
            self.status.setText(error_text(error))
            return
        self.preview.setText(preview_html(info))
        self.restore(info)

    def _restored(self, result: RestoreResult) -> None:
        self._stop()
        self._executor.changes_applied.emit(Changes.of(*RESTORE_CHANGES), self)
        window = self.parent()
        refresh = getattr(window, "refresh", None)
        if callable(refresh):
            refresh()
        self.reload()
        self.status.setText(
            self.tr("Restored the backup made %1. The register as it was is kept in %2.")
            .replace("%1", when_text(result.restored_from))
            .replace("%2", result.safety_backup.name if result.safety_backup else "—")
        )
        self.restore_finished.emit(result)

    # -- shared -------------------------------------------------------------------------------
    def _start(self, message: str) -> None:
        self._busy = True
        self._progress = ProgressState()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(message)
        self._update_buttons()
        self._timer.start()

    def _stop(self) -> None:
        self._timer.stop()
        self._busy = False
        self._progress = None
        self.bar.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _poll(self) -> None:
        if self._progress is None:
            return
        done, total = self._progress.snapshot()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _failed(self, error: BaseException) -> None:
        self._stop()
        log.warning("backup/restore failed: %s", error)
        message = error_text(error)
        self.status.setText(message)
        self.failed.emit(message)

    def reject(self) -> None:
        if self._busy:  # closing waits for the work: cancel first
            self.cancel()
            return
        super().reject()


def preview_html(info: BackupInfo) -> str:

    check = {
        True: QCoreApplication.translate("Backups", "passed"),
        False: QCoreApplication.translate("Backups", "FAILED: this backup is damaged"),
        None: QCoreApplication.translate("Backups", "not checked yet"),
    }[info.integrity_ok]
    rows = (
        (QCoreApplication.translate("Backups", "Made"), when_text(info)),
        (QCoreApplication.translate("Backups", "Why"), reason_text(info.reason)),
        (QCoreApplication.translate("Backups", "Members"), f"{info.counts.members:,}"),
        (QCoreApplication.translate("Backups", "Organisations"), f"{info.counts.organisations:,}"),
        (QCoreApplication.translate("Backups", "Groups"), f"{info.counts.groups:,}"),
        (QCoreApplication.translate("Backups", "Dues payments"), f"{info.counts.dues:,}"),
        (QCoreApplication.translate("Backups", "Integrity check"), check),
        (QCoreApplication.translate("Backups", "File"), f"{info.name} ({size_text(info.size)})"),
    )
    cells = "".join(
        f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


def _restore_job(*, session: Any, **kwargs: Any) -> RestoreResult:
    del session  # on the database thread so that no write runs meanwhile; not used
    return restore_backup(kwargs.pop("database_path"), kwargs.pop("backup_path"), **kwargs)


def open_backups_dialog(parent: QWidget, executor: DbExecutor) -> BackupsDialog:
    """Open the Backups dialog (window-modal, returns at once); returns it."""
    dialog = BackupsDialog(executor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
