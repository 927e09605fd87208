"""The import wizard's table models: the column mapping and the preview of normalised rows."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.io.import_members import ImportPreview, PreviewRow
from db.io.mapping import FIELDS, ColumnMapping
from desktop.dates import format_date
from desktop.io.texts import duplicate_text, field_label, issue_text

Index = QModelIndex | QPersistentModelIndex
SAMPLES = 3
ERROR_COLOUR = QColor("#f8d0d0")
WARNING_COLOUR = QColor("#fde9b8")
DUPLICATE_COLOUR = QColor("#d6e4f5")  # a member already registered, or an earlier row again
INVALID_TEXT_COLOUR = QColor("#9b1c1c")  # a rejected row's cell as the file has it
FUZZY_COLOUR = QColor("#fde9b8")


class MappingModel(QAbstractTableModel):
    """One row per source column: its header, sample values, and the field it fills."""

    COLUMN, SAMPLES_COLUMN, TARGET = range(3)
    mapping_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._samples: list[str] = []
        self._mapping = ColumnMapping()

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self._headers = preview.headers
        self._mapping = preview.mapping
        self._samples = []
        for index in range(len(preview.headers)):
            values = [row.cells[index] for row in preview.rows
                      if index < len(row.cells) and row.cells[index].strip()]  # fmt: skip
            self._samples.append(" · ".join(values[:SAMPLES]))
        self.endResetModel()

    def mapping(self) -> ColumnMapping:
        return self._mapping

    def set_target(self, column: int, field: str | None) -> None:
        """Map source `column` to `field` (None or "": not imported); the field moves here."""
        self.setData(self.index(column, self.TARGET), field or "", Qt.ItemDataRole.EditRole)

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("ImportWizard", "Column in the file"),
            QCoreApplication.translate("ImportWizard", "Sample values"),
            QCoreApplication.translate("ImportWizard", "Imported as"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._headers):
            return None
        row, column = index.row(), index.column()
        target = self._mapping.columns.get(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN:
                return self._headers[row] or QCoreApplication.translate("ImportWizard", "(no name)")
            if column == self.SAMPLES_COLUMN:
                return self._samples[row]
            return (
                field_label(target)
                if target
                else QCoreApplication.translate("ImportWizard", "(not imported)")
            )
        if role == Qt.ItemDataRole.EditRole and column == self.TARGET:
            return target or ""
        fuzzy = column == self.TARGET and row in self._mapping.fuzzy
        if role == Qt.ItemDataRole.BackgroundRole and fuzzy:
            return QBrush(FUZZY_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and fuzzy:
            return QCoreApplication.translate(
                "ImportWizard", "Matched by a similar header name: check that it is right."
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.TARGET:
            return False
        field = str(value or "")
        if field and field not in FIELDS:
            return False
        if self._mapping.columns.get(index.row()) == (field or None):
            return True
        self._mapping = self._mapping.with_column(index.row(), field or None)
        self.dataChanged.emit(
            self.index(0, self.TARGET), self.index(self.rowCount() - 1, self.TARGET)
        )
        self.mapping_changed.emit()
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo of the fields a column can fill, committing as soon as one is chosen."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"fieldCombo{index.row()}")
        combo.addItem(QCoreApplication.translate("ImportWizard", "(not imported)"), "")
        for field in FIELDS:
            combo.addItem(field_label(field), field)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.blockSignals(True)
        editor.setCurrentIndex(max(0, position))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# The preview's columns after the row number and its problems: how the member will be stored.
PREVIEW_FIELDS = (
    "prefix", "first_name", "last_name", "national_id", "birth_date", "phone", "email",
    "position", "organisation_name", "joined_on",
)  # fmt: skip


_DATE_FIELDS = frozenset(("birth_date", "joined_on"))


def _cell(value: object, *, date: bool = False) -> str:
    """A stored value as the preview shows it (dates in the Buddhist era: 2 ต.ค. 2520)."""
    if value is None:
        return ""
    if date:
        with contextlib.suppress(ValueError):
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            return format_date(day, style="short")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class PreviewModel(QAbstractTableModel):
    """The first rows as they would be imported: errors red, warnings amber, duplicates blue,
    problems as tips. In a rejected row a value found invalid is shown as the file has it
    (dark red), not blank: the secretary sees what to fix."""

    ROW, PROBLEMS = 0, 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PreviewRow, ...] = ()
        self._headers: tuple[str, ...] = ()
        self._columns: dict[str, int] = {}  # preview field -> its column in the file

    def set_rows(
        self,
        rows: tuple[PreviewRow, ...],
        *,
        mapping: ColumnMapping | None = None,
        headers: tuple[str, ...] = (),
    ) -> None:
        """Show ``rows``; with the ``mapping`` and ``headers`` they were read with, a rejected
        row's invalid cells show the file's text."""
        self.beginResetModel()
        self._rows = rows
        self._headers = headers
        self._columns = {}
        if mapping is not None:
            for name in PREVIEW_FIELDS:
                column = mapping.column_of(name)
                if column is not None and column < len(headers):
                    self._columns[name] = column
        self.endResetModel()

    def invalid_text(self, row: PreviewRow, name: str) -> str | None:
        """The file's text of preview field ``name`` when an error of ``row`` is about its
        column (None otherwise)."""
        column = self._columns.get(name)
        if column is None or column >= len(row.cells):
            return None
        header = self._headers[column]
        if not any(issue.column == header for issue in row.errors):
            return None
        text = row.cells[column].strip()
        return text or None

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[row]

    def counts(self) -> tuple[int, int, int]:
        """(rows with errors, rows with only warnings, duplicates) among the shown rows."""
        errors = sum(1 for r in self._rows if r.errors)
        warnings = sum(1 for r in self._rows if r.warnings and not r.errors)
        duplicates = sum(1 for r in self._rows if r.duplicate and not r.errors)
        return errors, warnings, duplicates

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(PREVIEW_FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.ROW:
            return QCoreApplication.translate("ImportWizard", "Row")
        if section == self.PROBLEMS:
            return QCoreApplication.translate("ImportWizard", "Problems")
        if 2 <= section < 2 + len(PREVIEW_FIELDS):
            return field_label(PREVIEW_FIELDS[section - 2])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def problems(self, row: PreviewRow) -> list[str]:
        lines = []
        for issue in (*row.errors, *row.warnings):
            column = f" [{issue.column}]" if issue.column else ""
            lines.append(issue_text(issue.code, issue.message, issue.detail, issue.args) + column)
        if row.duplicate:
            earlier = row.duplicate.get("duplicate_of_row")
            lines.append(duplicate_text(
                str(row.duplicate.get("reason") or ""), "",
                duplicate_of_row=int(earlier) if earlier is not None else None,  # type: ignore[call-overload]
            ))  # fmt: skip
        return lines

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROW:
                return str(row.row)
            if column == self.PROBLEMS:
                if row.errors:
                    return QCoreApplication.translate("ImportWizard", "Error")
                if row.warnings and row.duplicate:
                    return QCoreApplication.translate("ImportWizard", "Warning, duplicate")
                if row.warnings:
                    return QCoreApplication.translate("ImportWizard", "Warning")
                return (
                    QCoreApplication.translate("ImportWizard", "Duplicate")
                    if row.duplicate
                    else QCoreApplication.translate("ImportWizard", "OK")
                )
            name = PREVIEW_FIELDS[column - 2]
            if row.errors:
                invalid = self.invalid_text(row, name)
                if invalid is not None:
                    return invalid
            return _cell(row.values.get(name), date=name in _DATE_FIELDS)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column >= 2 and row.errors and self.invalid_text(row, PREVIEW_FIELDS[column - 2]):
                return QBrush(INVALID_TEXT_COLOUR)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.errors:
                return QBrush(ERROR_COLOUR)
            if row.duplicate:  # skipped, updated or imported as the choice below says
                return QBrush(DUPLICATE_COLOUR)
            if row.warnings:
                return QBrush(WARNING_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self.problems(row)
            return "\n".join(problems) if problems else None
        if role == Qt.ItemDataRole.UserRole:
            return "error" if row.errors else "warning" if row.warnings else "ok"
        return None
