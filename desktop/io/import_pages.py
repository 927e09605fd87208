"""The import wizard's first pages: the file and its sheet, then the header row and mapping."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from db.io.import_members import ImportPreview
from desktop.io.import_models import FieldDelegate, MappingModel
from desktop.io.texts import field_label

if TYPE_CHECKING:
    from desktop.io.import_wizard import FileRead, ImportWizard


def busy_bar(parent: QWidget, name: str) -> QProgressBar:
    """A moving bar for work of unknown length (hidden until shown)."""
    bar = QProgressBar(parent)
    bar.setObjectName(name)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.hide()
    return bar


class ImportFilePage(QWizardPage):
    """Pick a file (.xlsx .xls .ods .csv) and one of its sheets; it is read off the UI thread."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._busy = False
        self._failed = False  # the last read failed: the same path typed again reads again
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel, LibreOffice or CSV file with one member per row."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importFilePath")
        self.path_edit.setPlaceholderText(self.tr("The file to import"))
        self.path_edit.editingFinished.connect(self._path_typed)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setObjectName("importBrowse")
        self.browse.clicked.connect(self._browse)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.status = QLabel(self)
        self.status.setObjectName("importFileStatus")
        self.status.setWordWrap(True)
        self.busy_bar = busy_bar(self, "importFileBusy")

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)

    def busy(self) -> bool:
        return self._busy

    def set_file(self, path: Path | str) -> None:
        """Read `path`'s sheets and preview its best sheet (the Browse button ends here)."""
        path = Path(path)
        self.path_edit.setText(str(path))
        self._wizard.path = path
        self._wizard.sheet = None
        self._wizard.header_row = None
        self._wizard.sheets = []
        self.sheet_combo.clear()  # the sheets of the last file are not this file's
        self._read()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import members"),
            str(self._wizard.path.parent) if self._wizard.path else "",
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)"),
        )
        if name:
            self.set_file(name)

    def _path_typed(self) -> None:
        text = self.path_edit.text().strip()
        if text and (Path(text) != self._wizard.path or self._failed):
            self.set_file(text)

    def _sheet_chosen(self, position: int) -> None:
        sheet = self.sheet_combo.itemData(position)
        if sheet is None or sheet == self._wizard.sheet:
            return
        self._wizard.sheet = sheet
        self._wizard.header_row = None
        self._read()

    def _read(self) -> None:
        self._busy = True
        self._failed = False
        self.busy_bar.show()  # a national register's file takes ~10 s
        self._wizard.preview = None
        self.status.setText(self.tr("Reading the file…"))
        self.sheet_combo.setEnabled(False)
        self.completeChanged.emit()
        self._wizard.read_preview(self, mapping=None, on_done=self._read_done,
                                  on_error=self._read_failed)  # fmt: skip

    def _read_done(self, result: FileRead) -> None:
        sheets, shown, hidden = result
        self._busy = False
        self.busy_bar.hide()
        self._wizard.sheets = sheets + hidden
        self._wizard.preview = shown
        self._wizard.sheet = shown.sheet or None
        self.sheet_combo.clear()
        for name in sheets:
            self.sheet_combo.addItem(name or self.tr("(CSV file: one sheet)"), name)
        # Hidden sheets last, marked: never chosen by themselves, but they can be imported.
        for name in hidden:
            self.sheet_combo.addItem(self.tr("%1 (hidden)").replace("%1", name), name)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(shown.sheet)))
        self.sheet_combo.setEnabled(self.sheet_combo.count() > 1)
        if shown.data_rows:
            self.status.setText(
                self.tr("Header found on row %1; %Ln row(s) of data under it.", "",
                        shown.data_rows).replace("%1", str(shown.header_row))
            )  # fmt: skip
        else:
            self.status.setText(
                self.tr("Header found on row %1, but there are no rows of data under it: "
                        "choose another sheet or file.").replace("%1", str(shown.header_row))
            )  # fmt: skip
        self.completeChanged.emit()

    def _read_failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self._busy = False
        self._failed = True
        self.busy_bar.hide()
        self._wizard.preview = None
        # A sheet chosen from this file's list could not be read (empty, no header): the
        # other sheets and other files stay choosable.
        other_sheets = self.sheet_combo.count() > 1
        self.sheet_combo.setEnabled(other_sheets)
        if other_sheets and self._wizard.sheet is not None:
            text = self.tr("This sheet cannot be imported: %1\nChoose another sheet or file.")
        else:
            text = self.tr("This file cannot be imported: %1")
        self.status.setText(text.replace("%1", error_text(error)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        return not self._busy and preview is not None and preview.data_rows > 0


class ImportMappingPage(QWizardPage):
    """The header row found (changeable) and which member field each column fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._busy = False
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("Check which member detail each column holds. Columns left as "
                    "“not imported” are skipped.")
        )  # fmt: skip
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("importHeaderRow")
        self.header_spin.setRange(1, 1_048_576)
        self.header_spin.setKeyboardTracking(False)
        self.header_spin.valueChanged.connect(self._header_row_changed)
        self.model = MappingModel(self)
        self.model.mapping_changed.connect(self._mapping_changed)
        self.table = QTableView(self)
        self.table.setObjectName("importMappingTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(MappingModel.TARGET, FieldDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MappingModel.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MappingModel.SAMPLES_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MappingModel.TARGET, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(MappingModel.TARGET, 220)
        self.remember = QCheckBox(self.tr("Remember this mapping for files laid out like this"))
        self.remember.setObjectName("importRememberMapping")
        self.remember.setChecked(True)
        self.status = QLabel(self)
        self.status.setObjectName("importMappingStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row:"), self))
        top.addWidget(self.header_spin)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remember)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        if self._wizard.preview is not None:
            self._show(self._wizard.preview)

    def _show(self, shown: ImportPreview) -> None:
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(shown.header_row)
        self.header_spin.blockSignals(False)
        self.model.set_preview(shown)
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, MappingModel.TARGET))
        self._mapping_changed()

    def set_header_row(self, row: int) -> None:
        """Read the sheet again with its header on `row` (as the spreadsheet numbers rows)."""
        self.header_spin.setValue(row)

    def _header_row_changed(self, row: int) -> None:
        self._wizard.header_row = row
        self._busy = True
        self.status.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()
        self._wizard.read_preview(self, mapping=None, on_done=self._read_done,
                                  on_error=self._read_failed)  # fmt: skip

    def _read_done(self, result: FileRead) -> None:
        self._busy = False
        self._wizard.preview = result.preview
        self._show(result.preview)

    def _read_failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self._busy = False
        self.status.setText(error_text(error))
        self.completeChanged.emit()

    def _mapping_changed(self) -> None:
        mapping = self.model.mapping()
        # Province, district and organisation type without the organisation's name are not
        # kept (said below), so they are not counted among the imported columns.
        unkept = mapping.unkept_fields()
        if not mapping.has_name():
            self.status.setText(
                self.tr("Choose the column holding the members' names (full name or first name).")
            )
        elif mapping.fuzzy:
            self.status.setText(
                self.tr("Columns in amber were matched by a similar name: check them.")
            )
        else:
            kept = len(mapping.columns) - len(unkept)
            self.status.setText(self.tr("%Ln column(s) will be imported.", "", kept))
        if unkept and mapping.has_name():
            self.status.setText(self.status.text() + "\n" + self.tr(
                "%1: not imported without the organisation's name, as a member's province, "
                "district and organisation type are their organisation's. Map the "
                "organisation column to keep them."
            ).replace("%1", ", ".join(field_label(name) for name in unkept)))  # fmt: skip
        self.completeChanged.emit()

    def busy(self) -> bool:
        return self._busy

    def isComplete(self) -> bool:
        return not self._busy and self.model.mapping().has_name()
