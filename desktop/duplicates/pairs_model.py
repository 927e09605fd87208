"""The candidate pairs a scan found, best first: score, both names and organisations, reasons.

A scan returns a few thousand pairs at most at national scale (about 20,000 in the demo
register, most of them people who merely share a common name), so the list is held whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.duplicates import DuplicatePair
from desktop.duplicates.texts import reason_text, reasons_text

_Index = QModelIndex | QPersistentModelIndex


class PairColumn(IntEnum):
    SCORE = 0
    NAME_A = 1
    ORGANISATION_A = 2
    NAME_B = 3
    ORGANISATION_B = 4
    REASONS = 5


PAIR_ROLE = Qt.ItemDataRole.UserRole + 1  # the DuplicatePair of the row


class DuplicatePairsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []

    # -- content -----------------------------------------------------------------------------
    def set_pairs(self, pairs: Iterable[DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair(self, row: int) -> DuplicatePair | None:
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def pairs(self) -> list[DuplicatePair]:
        return list(self._pairs)

    def remove_members(self, member_ids: Iterable[str]) -> int:
        """Drop every pair naming one of these members (after a merge); how many were dropped."""
        gone = set(member_ids)
        return self._remove(lambda p: p.a_id in gone or p.b_id in gone)

    def remove_pair(self, key: tuple[str, str]) -> int:
        return self._remove(lambda p: p.key == key)

    def _remove(self, doomed: Any) -> int:
        removed = 0
        row = len(self._pairs) - 1
        while row >= 0:  # contiguous runs from the end, one remove signal per run
            if not doomed(self._pairs[row]):
                row -= 1
                continue
            last = row
            while row > 0 and doomed(self._pairs[row - 1]):
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._pairs[row : last + 1]
            self.endRemoveRows()
            removed += last - row + 1
            row -= 1
        return removed

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PairColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._pairs):
            return None
        pair = self._pairs[index.row()]
        column = PairColumn(index.column())
        if role == PAIR_ROLE:
            return pair
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(pair, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is PairColumn.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, pair: DuplicatePair, column: PairColumn, *, tooltip: bool) -> str:
        if column is PairColumn.SCORE:
            return f"{round(pair.score * 100)}%"
        if column is PairColumn.NAME_A:
            return pair.a_name
        if column is PairColumn.ORGANISATION_A:
            return pair.a_organisation
        if column is PairColumn.NAME_B:
            return pair.b_name
        if column is PairColumn.ORGANISATION_B:
            return pair.b_organisation
        if tooltip:  # every reason in full, one a line
            return "\n".join(reason_text(code) for code in pair.reasons)
        return reasons_text(pair.reasons)  # each shared thing once

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(PairColumn):
            return None
        texts = {
            PairColumn.SCORE: self.tr("Score"),
            PairColumn.NAME_A: self.tr("Record A"),
            PairColumn.ORGANISATION_A: self.tr("Organisation A"),
            PairColumn.NAME_B: self.tr("Record B"),
            PairColumn.ORGANISATION_B: self.tr("Organisation B"),
            PairColumn.REASONS: self.tr("Why"),
        }
        return texts[PairColumn(section)]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
