"""The small table of signatories: name, position and the line they sign as, up to four rows,
added, removed and moved up or down with buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.association import MAX_SIGNATORIES, Signatory

NAME, POSITION, TITLE = range(3)


class SignatoriesEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatoriesEditor")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("signatoryTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(POSITION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        row_height = self.table.fontMetrics().height() + 12
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(header.sizeHint().height() + row_height * MAX_SIGNATORIES + 6)

        self.add_button = self._button("addSignatoryButton", self.add_row)
        self.remove_button = self._button("removeSignatoryButton", self.remove_current)
        self.up_button = self._button("moveSignatoryUpButton", lambda: self.move_current(-1))
        self.down_button = self._button("moveSignatoryDownButton", lambda: self.move_current(1))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def _button(self, name: str, slot: object) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Position"), self.tr("Signs as")]
        )
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("Re&move"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.table.setToolTip(
            self.tr(
                "Who signs the association's documents, in the order they sign; 'Signs as' is"
                " the line under the signature, such as นายกสมาคม or เลขาธิการ."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- contents ----------------------------------------------------------------------------
    def signatories(self) -> tuple[Signatory, ...]:
        """Every row as typed (blank rows too: saving drops them)."""
        return tuple(
            Signatory(
                name=self._text(row, NAME),
                position=self._text(row, POSITION),
                title=self._text(row, TITLE),
            )
            for row in range(self.table.rowCount())
        )

    def set_signatories(self, signatories: tuple[Signatory, ...]) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for signatory in signatories:
                self._append((signatory.name, signatory.position, signatory.title))
        finally:
            self.table.blockSignals(False)
        self._update_buttons()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _append(self, values: tuple[str, str, str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    # -- buttons -----------------------------------------------------------------------------
    def add_row(self) -> None:
        if self.table.rowCount() >= MAX_SIGNATORIES:
            return
        row = self._append(("", "", ""))
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.table.item(row, NAME))
        self._update_buttons()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self._update_buttons()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        column = max(self.table.currentColumn(), 0)
        self.table.blockSignals(True)
        try:
            for c in range(self.table.columnCount()):
                here, there = self.table.takeItem(row, c), self.table.takeItem(target, c)
                self.table.setItem(row, c, there)
                self.table.setItem(target, c, here)
        finally:
            self.table.blockSignals(False)
        self.table.setCurrentCell(target, column)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        selected = 0 <= row < count and bool(self.table.selectedItems())
        self.add_button.setEnabled(count < MAX_SIGNATORIES)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < count - 1)
