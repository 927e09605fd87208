"""On start: a damaged database is never opened for writing.

``check_on_start(db_path)`` runs SQLite's ``quick_check`` (read-only) before the app opens the
database. When it fails, :class:`DamagedDatabaseDialog` explains, in Thai, and offers the latest
good backup (restored, the damaged file kept aside as ``<name>.damaged-<time>``), another backup,
or quitting.

:class:`StartCheck` wraps it for the app: after a clean exit (the marker of
:mod:`db.backup.clean_close` still matches the file and its last check is recent) the check is
skipped, and when the app closes the database it leaves the marker for the next start.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.backup import (
    BackupInfo,
    IntegrityResult,
    RestoreResult,
    check_integrity,
    check_needed,
    latest_good_backup,
    read_backup_info,
    read_backup_settings,
    record_clean_close,
    restore_backup,
    take_clean_close,
)
from desktop.backup.dialog import preview_html
from desktop.backup.texts import error_text

log = logging.getLogger(__name__)


class DamagedDatabaseDialog(QDialog):
    """Accepted once a backup was restored (``result``); rejected: quit."""

    def __init__(
        self, db_path: Path, integrity: IntegrityResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.integrity = integrity
        self.folder = read_backup_settings(db_path).folder
        self.latest: BackupInfo | None = latest_good_backup(self.folder)
        self.result_: RestoreResult | None = None
        self.setObjectName("damagedDatabaseDialog")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(600)
        title = html.escape(self.tr("The database is damaged"))
        heading = QLabel(f"<h3>{title}</h3>", self)
        explain = QLabel(
            self.tr("Khrueakhai checked the database %1 and found it damaged (perhaps the power"
                    " failed or the disk is failing). It will not be opened, so that nothing"
                    " more is lost. Restore a backup: the damaged file is kept beside it, renamed,"
                    " for whoever may repair it.").replace("%1", str(db_path)), self,
        )  # fmt: skip
        explain.setObjectName("damagedExplanation")
        explain.setWordWrap(True)
        self.detail = QLabel(html.escape("; ".join(integrity.problems[:3])), self)
        self.detail.setObjectName("damagedDetails")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #666;")
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("latestBackupPreview")
        self.backup_label.setWordWrap(True)
        self.backup_label.setTextFormat(Qt.TextFormat.RichText)
        if self.latest is not None:
            latest = html.escape(self.tr("The latest good backup:"))
            self.backup_label.setText(f"<p>{latest}</p>" + preview_html(self.latest))
        else:
            self.backup_label.setText(
                html.escape(self.tr("No backup was found in %1.").replace("%1", str(self.folder)))
            )
        self.status = QLabel(self)
        self.status.setObjectName("damagedStatus")
        self.status.setWordWrap(True)
        self.restore_latest_button = QPushButton(self.tr("Restore the latest backup"), self)
        self.restore_latest_button.setObjectName("restoreLatestButton")
        self.restore_latest_button.setEnabled(self.latest is not None)
        self.restore_latest_button.setDefault(self.latest is not None)
        self.restore_latest_button.clicked.connect(self.restore_latest)
        self.choose_button = QPushButton(self.tr("Choose another backup…"), self)
        self.choose_button.setObjectName("chooseBackupButton")
        self.choose_button.clicked.connect(self._choose)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_latest_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.detail)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def restore_latest(self) -> bool:
        return self.latest is not None and self.restore(self.latest.path)

    def restore(self, backup_path: Path) -> bool:
        """Restore ``backup_path`` (the damaged file is moved aside); accepts on success."""
        self.status.setText(self.tr("Restoring… this may take a minute."))
        for button in (self.restore_latest_button, self.choose_button, self.quit_button):
            button.setEnabled(False)
        QApplication.processEvents()  # show the message: the restore runs before the app opens
        try:
            self.result_ = restore_backup(self.db_path, backup_path, folder=self.folder)
        except Exception as error:
            log.exception("restore on start failed")
            self.status.setText(error_text(error))
            self.restore_latest_button.setEnabled(self.latest is not None)
            self.choose_button.setEnabled(True)
            self.quit_button.setEnabled(True)
            return False
        log.warning("restored %s from %s; damaged copy %s", self.db_path, backup_path,
                    self.result_.damaged_copy)  # fmt: skip
        self.accept()
        return True

    def choose_backup_file(self) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(self.folder),
            self.tr("Khrueakhai database (*.sqlite);;All files (*)"),
        )  # fmt: skip
        return name

    def _choose(self) -> None:
        name = self.choose_backup_file()
        if not name:
            return
        try:
            read_backup_info(Path(name))
        except Exception as error:
            self.status.setText(error_text(error))
            return
        self.restore(Path(name))


def check_on_start(db_path: Path, parent: QWidget | None = None) -> bool:
    """True when the database may be opened (healthy, new, or restored just now); False when
    the user chose to quit. Runs ``quick_check`` read-only before anything writes."""
    if not db_path.exists():
        return True
    result = check_integrity(db_path, foreign_keys=False)
    log.info("integrity of %s: %s (%.2f s)", db_path, "ok" if result.ok else "DAMAGED",
             result.seconds)  # fmt: skip
    if result.ok:
        return True
    dialog = DamagedDatabaseDialog(db_path, result, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class StartCheck:
    """The integrity check of one start: :meth:`run` before the database is opened,
    :meth:`closed` after every connection to it was disposed."""

    def __init__(self, db_path: Path, *, today: dt.date | None = None) -> None:
        self.db_path = db_path
        self.today = today or dt.date.today()
        self.checked_on = self.today

    def run(self, parent: QWidget | None = None) -> bool:
        """As :func:`check_on_start`, without reading the file when the last exit was clean
        and the last check recent."""
        record = take_clean_close(self.db_path)
        if record is not None and not check_needed(record, today=self.today):
            self.checked_on = record.checked_on
            log.info("%s was closed cleanly and checked on %s: start-up check skipped",
                     self.db_path, record.checked_on)  # fmt: skip
            return True
        self.checked_on = self.today
        return check_on_start(self.db_path, parent)

    def closed(self) -> bool:
        """Leave the clean-close marker (True if left)."""
        return record_clean_close(self.db_path, checked_on=self.checked_on)
