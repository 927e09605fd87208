"""PySide6 6.12.0 on Python 3.11 drops a reference to a slot's return value and crashes the
interpreter after a few thousand signal deliveries (RECIPES.md). These tests deliver 100,000
signals of each kind into Python and must simply survive; a crash takes the test run with it.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit

DELIVERIES = 100_000


class Emitter(QObject):
    fired = Signal(int)
    flagged = Signal(bool)


def test_pyside6_version_is_not_the_crashing_one() -> None:
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:3])
    if sys.version_info < (3, 12):
        assert version != (6, 12, 0), "PySide6 6.12.0 crashes on Python 3.11 (RECIPES.md)"


def test_python_emitted_signals_into_python_slots() -> None:
    emitter = Emitter()
    received: list[int] = []
    flags = 0

    def on_fired(value: int) -> bool:  # returns a bool: the value 6.12.0 loses a reference to
        received.append(value)
        return True

    def on_flagged(value: bool) -> None:
        nonlocal flags
        flags += value

    emitter.fired.connect(on_fired)
    emitter.flagged.connect(on_flagged)
    for i in range(DELIVERIES):
        emitter.fired.emit(i)
        emitter.flagged.emit(i % 2 == 0)
    assert len(received) == DELIVERIES
    assert received[-1] == DELIVERIES - 1
    assert flags == DELIVERIES // 2


def test_qt_emitted_signals_into_python_slots(qtbot) -> None:
    model = QStandardItemModel()
    inserted = 0

    def on_rows_inserted(_parent: object, first: int, last: int) -> bool:
        nonlocal inserted
        inserted += last - first + 1
        return True

    model.rowsInserted.connect(on_rows_inserted)
    for i in range(DELIVERIES // 2):
        model.appendRow(QStandardItem(str(i)))
    assert inserted == DELIVERIES // 2

    edit = QLineEdit()
    qtbot.addWidget(edit)
    changes = 0

    def on_text_changed(_text: str) -> None:
        nonlocal changes
        changes += 1

    edit.textChanged.connect(on_text_changed)
    for i in range(DELIVERIES // 2):
        edit.setText("ผู้ใหญ่" if i % 2 else "ปลัด")
    assert changes == DELIVERIES // 2
