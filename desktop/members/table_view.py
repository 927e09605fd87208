"""The register's table widget: fixed-height rows, SQL sorting from the header (with the
indicator kept true to what is shown), a column chooser in the header's context menu, and the
selection read as key ranges (never row by row: selecting 393,000 rows costs nothing)."""

from __future__ import annotations

from array import array

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.members.columns import WIDTH_CHARS, MemberColumn, header_text
from desktop.members.state import MembersState
from desktop.members.table_model import MemberTableModel


class MemberTableView(QTableView):
    def __init__(
        self, model: MemberTableModel, state: MembersState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberTable")
        self._model = model
        self._state = state
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup_column_menu)
        average = self.fontMetrics().averageCharWidth()
        for column in MemberColumn:
            header.resizeSection(column, WIDTH_CHARS[column] * average)
        self.show_sort()
        header.setSortIndicatorShown(True)
        self.setSortingEnabled(True)  # header clicks call model.sort(), which asks SQL
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.apply_columns(state.visible_columns)
        state.columns_changed.connect(self.apply_columns)

    def show_sort(self) -> None:
        """Put the header's indicator on the sort the model shows (asking for nothing)."""
        section, order = self._model.sort_section()
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, order)
        header.blockSignals(False)

    def _on_sort_indicator(self, section: int, _order: Qt.SortOrder) -> None:
        if section == MemberColumn.CONSENT:  # not sortable: the indicator goes back
            self.show_sort()

    # -- columns -----------------------------------------------------------------------------
    def apply_columns(self, visible: tuple[MemberColumn, ...]) -> None:
        for column in MemberColumn:
            self.setColumnHidden(column, column not in visible)

    def column_menu(self) -> QMenu:
        """The column chooser: one checkable entry per column (remembered by the state)."""
        menu = QMenu(self)
        menu.setObjectName("memberColumnMenu")
        visible = self._state.visible_columns
        for column in MemberColumn:
            action = menu.addAction(header_text(column))
            action.setObjectName(f"column{column.name.title().replace('_', '')}")
            action.setCheckable(True)
            action.setChecked(column in visible)
            action.toggled.connect(
                lambda checked, c=column: self._state.set_column_visible(c, checked)
            )
        return menu

    def _popup_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.horizontalHeader().mapToGlobal(position))

    # -- selection ---------------------------------------------------------------------------
    def selected_keys(self) -> array[int]:
        """Keys of the selected rows, in table order, without fetching any row."""
        keys: array[int] = array("q")
        ranges = sorted((r.top(), r.bottom()) for r in self.selectionModel().selection())
        for top, bottom in ranges:
            keys.extend(self._model.keys()[top : bottom + 1])
        return keys

    def select_row(self, row: int, column: int = 0) -> None:
        """Make `row` current and the only selected row, and scroll it to the middle."""
        index = self._model.index(row, column)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
