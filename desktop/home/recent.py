"""The home page's list of members created or changed lately (at most a dozen rows)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db.dashboard import RecentChange
from db.thai.dates import Era
from desktop.home.formatting import format_changed_at

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RecentChangesModel(QAbstractTableModel):
    NAME, ORGANISATION, CHANGE, WHEN = range(4)
    _HEADERS = (
        QT_TRANSLATE_NOOP("RecentChangesModel", "Member"),
        QT_TRANSLATE_NOOP("RecentChangesModel", "Organisation"),
        QT_TRANSLATE_NOOP("RecentChangesModel", "Change"),
        QT_TRANSLATE_NOOP("RecentChangesModel", "When"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: tuple[RecentChange, ...] = ()
        self._era: Era = "BE"
        self._thai = True

    def set_changes(
        self, changes: Sequence[RecentChange], *, era: Era = "BE", thai: bool = True
    ) -> None:
        self.beginResetModel()
        self._changes = tuple(changes)
        self._era = era
        self._thai = thai
        self.endResetModel()

    def changes(self) -> tuple[RecentChange, ...]:
        return self._changes

    def retranslate(self) -> None:
        if self._changes:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._changes) - 1, self.columnCount() - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # -- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return change.full_name
            if column == self.ORGANISATION:
                if change.organisation_name or role == Qt.ItemDataRole.DisplayRole:
                    return change.organisation_name
                return QCoreApplication.translate("RecentChangesModel", "No organisation")
            if column == self.CHANGE:
                if change.created:
                    return QCoreApplication.translate("RecentChangesModel", "Added")
                return QCoreApplication.translate("RecentChangesModel", "Edited")
            if column == self.WHEN:
                return format_changed_at(change.updated_at, era=self._era, thai=self._thai)
        if role == MEMBER_ID_ROLE:
            return change.member_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._HEADERS)
        ):
            return self._tr(self._HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate("RecentChangesModel", text)
