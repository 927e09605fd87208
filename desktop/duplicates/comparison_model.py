"""Both records of a candidate pair side by side, one row per field, with a choice per field.

Rows whose values differ are highlighted and offer a check box on each side (they act as a pair
of radio buttons: checking one side unchecks the other). Rows with the same value need no
choice. The record kept (the survivor) is chosen separately; :meth:`field_choices` turns the
picks into what ``db.merge.merge_members`` takes.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from db.merge import FieldChoice, MergePreview, Side
from db.thai.errors import ThaiValueError
from db.thai.national_id import format_national_id
from db.thai.phone import format_phone
from desktop.dates import format_date
from desktop.duplicates.texts import field_label
from desktop.members.labels import ViewLabels

_Index = QModelIndex | QPersistentModelIndex

DIFFERENT_BACKGROUND = QColor("#fff1cc")
EMPTY_FOREGROUND = QColor("#7a848c")
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # the field name of the row
_CODE_KINDS = {
    "gender": "gender",
    "personnel_type": "personnel_type",
    "position_type": "position_type",
    "position_level": "position_level",
    "status": "member_status",
}


class ComparisonColumn(IntEnum):
    FIELD = 0
    A = 1
    B = 2


_SIDES: dict[ComparisonColumn, Side] = {ComparisonColumn.A: "a", ComparisonColumn.B: "b"}


def value_text(
    field: str, value: object, *, organisation: str = "", labels: ViewLabels | None = None
) -> str:
    """A field's value as the screen shows it (Thai dates, grouped ID and phone, labels)."""
    if value is None or value == "":
        return ""
    if field == "organisation_id":
        return organisation or str(value)
    if isinstance(value, dt.date):
        return format_date(value)
    text = str(value)
    try:
        if field == "national_id":
            return format_national_id(text)
        if field in ("phone", "phone_office"):
            return format_phone(text)
    except ThaiValueError:
        return text
    if field in _CODE_KINDS and labels is not None:
        return labels.label(_CODE_KINDS[field], text)
    return " · ".join(line for line in text.splitlines() if line)


class MergeComparisonModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: MergePreview | None = None
        self._labels = ViewLabels()
        self._picks: dict[str, Side] = {}
        self._picked_by_hand: set[str] = set()  # fields whose tick the user set
        self._survivor: Side = "a"

    # -- content -----------------------------------------------------------------------------
    def set_preview(self, preview: MergePreview | None, labels: ViewLabels | None = None) -> None:
        self.beginResetModel()
        self._preview = preview
        if labels is not None:
            self._labels = labels
        self._picks = {f.field: f.suggested for f in preview.fields} if preview else {}
        self._picked_by_hand: set[str] = set()
        self._survivor = preview.suggested_survivor if preview else "a"
        self.endResetModel()

    @property
    def preview(self) -> MergePreview | None:
        return self._preview

    @property
    def survivor(self) -> Side:
        return self._survivor

    def set_survivor(self, side: Side) -> None:
        if side == self._survivor:
            return
        self._survivor = side
        if self._preview is not None:
            # The ticks the user left alone follow the record now kept where the two conflict.
            suggestions = self._preview.suggestions(side)
            for name, suggested in suggestions.items():
                if name not in self._picked_by_hand:
                    self._picks[name] = suggested
            if self._preview.fields:
                last = len(self._preview.fields) - 1
                self.dataChanged.emit(
                    self.index(0, ComparisonColumn.A), self.index(last, ComparisonColumn.B)
                )
        self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, ComparisonColumn.A, ComparisonColumn.B
        )

    def pick(self, field: str) -> Side | None:
        return self._picks.get(field)

    def set_pick(self, field: str, side: Side) -> bool:
        """Keep ``side``'s value of ``field`` (the user's choice: it stays when the record to
        keep changes); False when the field has no choice to make."""
        if self._preview is None:
            return False
        row = next((i for i, f in enumerate(self._preview.fields) if f.field == field), None)
        if row is None or not self._preview.fields[row].differs:
            return False
        self._picked_by_hand.add(field)  # kept when the record to keep changes
        if self._picks.get(field) != side:
            self._picks[field] = side
            self.dataChanged.emit(
                self.index(row, ComparisonColumn.A), self.index(row, ComparisonColumn.B)
            )
        return True

    def field_choices(self) -> dict[str, FieldChoice]:
        """What ``merge_members`` takes for the current survivor and picks."""
        if self._preview is None:
            return {}
        return self._preview.field_choices(survivor=self._survivor, picks=self._picks)

    def differing_rows(self) -> list[int]:
        if self._preview is None:
            return []
        return [row for row, f in enumerate(self._preview.fields) if f.differs]

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.fields)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ComparisonColumn)

    def _cell(self, index: _Index) -> tuple[Any, ComparisonColumn] | None:
        if self._preview is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._preview.fields):
            return None
        return self._preview.fields[index.row()], ComparisonColumn(index.column())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._cell(index)
        if cell is None:
            return None
        comparison, column = cell
        preview = self._preview
        assert preview is not None
        side = _SIDES.get(column)
        if role == FIELD_ROLE:
            return comparison.field
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if side is None:
                return field_label(comparison.field)
            value = comparison.value_a if side == "a" else comparison.value_b
            organisation = preview.a_organisation if side == "a" else preview.b_organisation
            text = value_text(
                comparison.field, value, organisation=organisation, labels=self._labels
            )
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(value) if comparison.field == "address" and value else text or None
            return text or self.tr("(empty)")
        if role == Qt.ItemDataRole.CheckStateRole and side is not None and comparison.differs:
            chosen = self._picks.get(comparison.field) == side
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and comparison.differs:
            return DIFFERENT_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and side is not None:
            value = comparison.value_a if side == "a" else comparison.value_b
            if value is None or value == "":
                return EMPTY_FOREGROUND
        chosen = comparison.differs and self._picks.get(comparison.field) == side
        if role == Qt.ItemDataRole.FontRole and side is not None and chosen:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self._cell(index)
        if cell is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        comparison, column = cell
        side = _SIDES.get(column)
        if side is None or not comparison.differs:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        if state != Qt.CheckState.Checked:
            return False  # a choice is changed by checking the other side, never cleared
        return self.set_pick(comparison.field, side)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        cell = self._cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        comparison, column = cell
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column in _SIDES and comparison.differs:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(ComparisonColumn):
            return None
        column = ComparisonColumn(section)
        if column is ComparisonColumn.FIELD:
            return self.tr("Field")
        side = _SIDES[column]
        name = self.tr("Record A") if side == "a" else self.tr("Record B")
        if self._preview is not None and side == self._survivor:
            return self.tr("%1 (kept)").replace("%1", name)
        return name
