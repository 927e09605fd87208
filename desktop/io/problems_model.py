"""The import summary's table: every error, warning and duplicate of the import, row by row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from db.io.import_problems import ImportProblem, ProblemKind
from desktop.io.import_models import ERROR_COLOUR, WARNING_COLOUR
from desktop.io.texts import duplicate_text, issue_text

Index = QModelIndex | QPersistentModelIndex
DUPLICATE_COLOUR = QColor("#dde8f6")


def problem_text(problem: ImportProblem) -> str:
    """The problem explained in the interface language."""
    if problem.kind == "duplicate":
        return duplicate_text(
            problem.code, problem.action, duplicate_of_row=problem.duplicate_of_row,
            existing_name=problem.existing_name, changed=problem.changed,
        )
    return issue_text(problem.code, problem.message, problem.detail, problem.args)


def kind_text(kind: ProblemKind) -> str:
    if kind == "error":
        return QCoreApplication.translate("ImportProblems", "Not imported")
    if kind == "warning":
        return QCoreApplication.translate("ImportProblems", "Warning")
    return QCoreApplication.translate("ImportProblems", "Duplicate")


class ProblemsModel(QAbstractTableModel):
    """The problems of one import (all, or one kind), in the order of the sheet's rows."""

    ROW, KIND, COLUMN, VALUE, PROBLEM = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ImportProblem] = []
        self._shown: list[ImportProblem] = []
        self._kind: ProblemKind | None = None

    def set_problems(self, problems: list[ImportProblem]) -> None:
        self.beginResetModel()
        self._all = problems
        self._shown = self._select(self._kind)
        self.endResetModel()

    def show_kind(self, kind: ProblemKind | None) -> None:
        """Only the problems of ``kind`` (None: all)."""
        self.beginResetModel()
        self._kind = kind
        self._shown = self._select(kind)
        self.endResetModel()

    def _select(self, kind: ProblemKind | None) -> list[ImportProblem]:
        return self._all if kind is None else [p for p in self._all if p.kind == kind]

    def count(self, kind: ProblemKind | None = None) -> int:
        """Problems listed of ``kind`` (None: all), whatever is shown."""
        return len(self._select(kind))

    def problem_at(self, row: int) -> ImportProblem:
        return self._shown[row]

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("ImportProblems", "Row"),
            QCoreApplication.translate("ImportProblems", "Result"),
            QCoreApplication.translate("ImportProblems", "Column"),
            QCoreApplication.translate("ImportProblems", "Value in the file"),
            QCoreApplication.translate("ImportProblems", "Problem"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        problem, column = self._shown[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ROW:
                return str(problem.row)
            if column == self.KIND:
                return kind_text(problem.kind)
            if column == self.COLUMN:
                return problem.column
            if column == self.VALUE:
                return problem.value
            if column == self.PROBLEM:
                return problem_text(problem)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR}.get(
                problem.kind, DUPLICATE_COLOUR
            )
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return problem.kind
        return None
