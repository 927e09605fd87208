"""The member export dialog: format, scope, columns, personal data (PDPA), era, file.

The export runs on a thread of its own with its own read transaction (``export_members`` given
the Database), so the app's writer is never held up; progress is polled from a thread-safe
state and the outcome comes back through a queued signal. A cancel writes no file.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.io.export_columns import EXPORT_COLUMNS, ExportError
from db.io.export_members import ExportCancelled, ExportResult, date_cell_text, export_members
from db.members.query import count_members
from db.members.types import MemberFilter, MemberSort
from desktop import i18n, settings
from desktop.accounts.privacy import restrict_personal_data_box
from desktop.db_worker import DbExecutor
from desktop.io.background import ProgressState, deliver, freeze_collector, thaw_collector
from desktop.io.texts import export_error_text
from desktop.operations.errors import describe

POLL_MS = 50
SUFFIXES = {"xlsx": ".xlsx", "csv": ".csv", "vcf": ".vcf"}
ERA_EXAMPLE = dt.date(2014, 10, 2)
# One click in the register selects a row (to see the profile): that is not a choice of whom
# to export. The selection is the default scope only from this many rows.
SELECTED_SCOPE_FROM = 2

# The choices of the last export, offered again (never "include personal data": PDPA).
COLUMNS_KEY = "export/columns"
FORMAT_KEY = "export/format"
ERA_KEY = "export/era"
FOLDER_KEY = "export/folder"


def _stored_list(value: object) -> list[str]:
    """A list stored in the INI file (one item comes back as a string)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return []


def save_export_choices(*, columns: Sequence[str] | None, fmt: str, era: str, folder: Path) -> None:
    """Remember an export's choices for the next one (personal columns are left out)."""
    store = settings.settings()
    if columns is not None:  # a vCard has no columns: the last ones chosen stay
        personal = {column.key for column in EXPORT_COLUMNS if column.personal}
        store.setValue(COLUMNS_KEY, [key for key in columns if key not in personal])
    store.setValue(FORMAT_KEY, fmt)
    store.setValue(ERA_KEY, era)
    store.setValue(FOLDER_KEY, str(folder))
    store.sync()


def _counts(*, session: Any, filters: MemberFilter) -> tuple[int, int]:
    """(members in the filtered view, members in the register)."""
    return (
        count_members(session, filters=filters),
        count_members(session, filters=MemberFilter()),
    )


class ExportDialog(QDialog):
    def __init__(
        self,
        executor: DbExecutor,
        parent: QWidget | None = None,
        *,
        filters: MemberFilter = MemberFilter(),  # noqa: B008 - frozen
        sort: MemberSort = MemberSort(),  # noqa: B008
        selected_member_ids: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export members"))
        self._executor = executor
        self._filters = filters
        self._sort = sort
        self._selected = tuple(selected_member_ids)
        self._progress = ProgressState()
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self.running = False
        self.result: ExportResult | None = None
        self._language = "th" if i18n.current_language() == "th" else "en"
        self._folder: Path | None = None  # where the last export went (Browse starts there)

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format_combo.addItem(self.tr("CSV, UTF-8 (.csv)"), "csv")
        self.format_combo.addItem(self.tr("vCard contacts for phones (.vcf)"), "vcf")
        self.format_combo.currentIndexChanged.connect(self._format_changed)

        self.scope_filtered = QRadioButton(self)
        self.scope_filtered.setObjectName("scopeFiltered")
        self.scope_selected = QRadioButton(self)
        self.scope_selected.setObjectName("scopeSelected")
        self.scope_all = QRadioButton(self)
        self.scope_all.setObjectName("scopeAll")
        self.scope = QButtonGroup(self)
        for button in (self.scope_filtered, self.scope_selected, self.scope_all):
            self.scope.addButton(button)
        self.scope_selected.setEnabled(bool(self._selected))
        by_selection = len(self._selected) >= SELECTED_SCOPE_FROM
        (self.scope_selected if by_selection else self.scope_filtered).setChecked(True)
        self._show_counts(None, None)

        self.column_list = QListWidget(self)
        self.column_list.setObjectName("exportColumns")
        for column in EXPORT_COLUMNS:
            item = QListWidgetItem(column.header(self._language), self.column_list)  # type: ignore[arg-type]
            item.setData(Qt.ItemDataRole.UserRole, column.key)
            item.setData(Qt.ItemDataRole.UserRole + 1, column.personal)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column.default and not column.personal
                else Qt.CheckState.Unchecked
            )  # fmt: skip
            if column.key == "groups":
                item.setToolTip(self.tr(
                    "Tick to keep the members' groups and roles when the file is imported "
                    "again (a whole register's export takes longer)."
                ))  # fmt: skip
        self.personal = QCheckBox(self.tr("Include personal data (national ID, birth date)"), self)
        self.personal.setObjectName("includePersonal")
        self.personal.toggled.connect(self._personal_toggled)
        self.pdpa = QLabel(
            self.tr("Personal data is protected by the PDPA: export it only when the purpose "
                    "needs it, keep the file safe and delete it when it is no longer needed."),
            self,
        )  # fmt: skip
        self.pdpa.setObjectName("pdpaWarning")
        self.pdpa.setWordWrap(True)
        self.pdpa.setStyleSheet("color: #8a4b00;")
        self._personal_toggled(False)
        restrict_personal_data_box(self.personal)  # a viewer's role may not export it

        self.era_combo = QComboBox(self)
        self.era_combo.setObjectName("exportEra")
        # The examples are what the file will hold in the export's language.
        example = partial(date_cell_text, ERA_EXAMPLE, language=self._language)
        self.era_combo.addItem(self.tr("Buddhist era (%1)").replace("%1", example(era="BE")), "BE")
        self.era_combo.addItem(self.tr("Common era (%1)").replace("%1", example(era="CE")), "CE")

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setPlaceholderText(self.tr("Where to save the file"))
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setObjectName("exportBrowse")
        self.browse.clicked.connect(self._browse)

        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportProgress")
        self.bar.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("exportRun")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setObjectName("exportOpenFolder")
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("exportClose")
        self.close_button.clicked.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

        scope_box = QGroupBox(self.tr("Members"), self)
        scope_layout = QVBoxLayout(scope_box)
        for button in (self.scope_filtered, self.scope_selected, self.scope_all):
            scope_layout.addWidget(button)
        columns_box = QGroupBox(self.tr("Columns"), self)
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.addWidget(self.column_list)
        columns_layout.addWidget(self.personal)
        columns_layout.addWidget(self.pdpa)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Dates:"), self.era_combo)
        form.addRow(self.tr("File:"), path_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(scope_box)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(columns_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(820, 560)

        self._restore_choices()
        deliver(self, executor.submit(_counts, filters=filters),
                lambda counts: self._show_counts(*counts), lambda _error: None)  # fmt: skip

    # -- choices ---------------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        """The last export's columns, format, era and folder (personal data stays unticked)."""
        store = settings.settings()
        columns = set(_stored_list(store.value(COLUMNS_KEY)))
        if columns:
            for row in range(self.column_list.count()):
                item = self.column_list.item(row)
                if not item.data(Qt.ItemDataRole.UserRole + 1):
                    key = item.data(Qt.ItemDataRole.UserRole)
                    item.setCheckState(
                        Qt.CheckState.Checked if key in columns else Qt.CheckState.Unchecked
                    )
        for combo, key in ((self.format_combo, FORMAT_KEY), (self.era_combo, ERA_KEY)):
            position = combo.findData(store.value(key))
            if position >= 0:
                combo.setCurrentIndex(position)
        folder = store.value(FOLDER_KEY)
        self._folder = Path(str(folder)) if folder else None

    def _show_counts(self, filtered: int | None, everyone: int | None) -> None:
        if filtered is None:
            self.scope_filtered.setText(self.tr("The current view"))
        else:
            self.scope_filtered.setText(self.tr("The current view (%Ln member(s))", "", filtered))
        self.scope_selected.setText(self.tr("The selected members (%Ln)", "", len(self._selected)))
        if everyone is None:
            self.scope_all.setText(self.tr("Everyone in the register"))
        else:
            self.scope_all.setText(
                self.tr("Everyone in the register (%Ln member(s))", "", everyone)
            )

    def chosen_format(self) -> str:
        return str(self.format_combo.currentData())

    def chosen_columns(self) -> list[str]:
        keys = []
        for row in range(self.column_list.count()):
            item = self.column_list.item(row)
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden():
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return keys

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def _personal_toggled(self, on: bool) -> None:
        for row in range(self.column_list.count()):
            item = self.column_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1):
                flags = item.flags()
                if on:
                    item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                    item.setCheckState(Qt.CheckState.Checked)
                else:
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.pdpa.setVisible(on)

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        # A vCard has fixed fields, and its birthday is always written as the standard says
        # (CE, ISO): neither choice applies, and neither looks as if it did.
        self.column_list.setEnabled(fmt != "vcf")
        self.era_combo.setEnabled(fmt != "vcf")
        self.era_combo.setToolTip(
            self.tr("A vCard always writes dates as phones read them.") if fmt == "vcf" else ""
        )
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(SUFFIXES[fmt])))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "csv": self.tr("CSV file (*.csv)"),
            "vcf": self.tr("vCard file (*.vcf)"),
        }
        start = self.path_edit.text() or self.tr("members") + SUFFIXES[fmt]
        if not self.path_edit.text() and self._folder is not None and self._folder.is_dir():
            start = str(self._folder / start)  # where the last export went
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export members"), start, filters[fmt])
        if name:
            path = Path(name)
            self.set_path(path if path.suffix == SUFFIXES[fmt] else path.with_suffix(SUFFIXES[fmt]))

    # -- running ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Export with the current choices (on a thread of its own)."""
        if self.running:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to save the file first."))
            return
        fmt = self.chosen_format()
        path = Path(text)
        if path.suffix.lower() != SUFFIXES[fmt]:
            path = path.with_suffix(SUFFIXES[fmt])
            self.set_path(path)
        columns = None if fmt == "vcf" else self.chosen_columns()
        if columns is not None and not columns:
            self.status.setText(export_error_text("no_columns", ""))
            return
        save_export_choices(
            columns=columns, fmt=fmt, era=str(self.era_combo.currentData()), folder=path.parent
        )
        self._folder = path.parent
        selected = self.scope_selected.isChecked()
        filters = self._filters if self.scope_filtered.isChecked() else MemberFilter()
        self._progress = ProgressState()
        self.running = True
        self.result = None
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="export")
        future = self._pool.submit(
            export_members, self._executor.database, out_path=path, fmt=fmt, filters=filters,
            sort=self._sort, member_ids=self._selected if selected else None, columns=columns,
            include_personal=self.personal.isChecked(), era=self.era_combo.currentData(),
            language=self._language, progress=self._progress.report,
        )  # fmt: skip
        freeze_collector()
        deliver(self, future, self._exported, self._failed, always=thaw_collector)
        self._timer.start()

    def cancel(self) -> None:
        if self.running:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.open_folder.setVisible(False)

    def _poll(self) -> None:
        done, total = self._progress.snapshot()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _stop(self) -> None:
        self._timer.stop()
        self.running = False
        self._set_running(False)
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def _exported(self, result: ExportResult) -> None:
        self._stop()
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(
            self.tr("%Ln member(s) exported to %1.", "", result.count).replace(
                "%1", str(result.path))
        )  # fmt: skip
        self.open_folder.setVisible(True)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        self.bar.setVisible(False)
        if isinstance(error, ExportCancelled):
            self.status.setText(self.tr("The export was cancelled: no file was written."))
        elif isinstance(error, ExportError):
            self.status.setText(export_error_text(
                error.code, error.message, detail=error.detail, path=error.path))  # fmt: skip
        else:
            self.status.setText(describe(error))

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()


def open_export_dialog(
    parent: QWidget | None,
    executor: DbExecutor,
    *,
    filters: MemberFilter,
    sort: MemberSort,
    selected_member_ids: Sequence[str],
) -> None:
    """Open the export dialog over `parent` (non-blocking; it deletes itself when closed)."""
    dialog = ExportDialog(
        executor, parent, filters=filters, sort=sort, selected_member_ids=selected_member_ids
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
