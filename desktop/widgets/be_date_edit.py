"""A date field in the Buddhist era, typed the way Thai users write dates.

`BeDateEdit` accepts anything `db.thai.dates.parse_thai_date` reads ("2/10/2557", "2 ต.ค. 57",
"๒ ตุลาคม ๒๕๕๗", "2014-10-02"), shows "2 ตุลาคม 2557" when it is not being edited, may be left
empty, and marks text it cannot read in red with the reason in its tooltip, keeping the text so
nothing typed is lost. A calendar button opens a month grid whose year is shown in BE.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.thai.dates import BE_OFFSET, DateStyle, ThaiDateError, format_thai_date, parse_thai_date
from desktop.dates import format_date

MIN_CE_YEAR = 1900
MAX_CE_YEAR = 2200

_INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background-color: #fdecea; }"


def _calendar_icon() -> QIcon:
    """A small calendar drawn in code (the app ships no icon theme)."""
    pixmap = QPixmap(QSize(16, 16))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("#455a64"))
    pen.setWidthF(1.2)
    painter.setPen(pen)
    painter.drawRoundedRect(1.5, 2.5, 13, 12, 1.5, 1.5)
    painter.fillRect(2, 3, 12, 3, QColor("#c62828"))
    for row in range(2):
        for column in range(3):
            painter.fillRect(4 + column * 3, 8 + row * 3, 2, 2, QColor("#455a64"))
    painter.end()
    return QIcon(pixmap)


def error_text(error: ThaiDateError) -> str:
    """The user's explanation of why a date could not be read, by the error's reason."""
    reason = error.reason
    if reason == "unknown_month":
        return BeDateEdit.tr("Unknown month name. Write it like ต.ค. or ตุลาคม")
    if reason == "bad_year":
        return BeDateEdit.tr("The year is out of range. Type a Buddhist-era year such as 2557")
    if reason == "no_such_date":
        return BeDateEdit.tr("This date does not exist. Check the day and the month")
    return BeDateEdit.tr("Cannot read this as a date. Type it like 2/10/2557 or 2 ต.ค. 57")


class BeCalendarPopup(QFrame):
    """A month grid with Buddhist-era years, shown under a `BeDateEdit`."""

    date_picked = Signal(object)  # dt.date | None (None: "clear")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("beCalendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._calendar = QCalendarWidget(self)
        self._calendar.setObjectName("beCalendar")
        self._calendar.setNavigationBarVisible(False)
        self._calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        self._calendar.setGridVisible(False)
        self._calendar.setDateRange(QDate(MIN_CE_YEAR, 1, 1), QDate(MAX_CE_YEAR, 12, 31))

        self._previous = QToolButton(self)
        self._previous.setObjectName("beCalendarPrevious")
        self._previous.setArrowType(Qt.ArrowType.LeftArrow)
        self._previous.setToolTip(self.tr("Previous month"))
        self._next = QToolButton(self)
        self._next.setObjectName("beCalendarNext")
        self._next.setArrowType(Qt.ArrowType.RightArrow)
        self._next.setToolTip(self.tr("Next month"))
        self._month = QComboBox(self)
        self._month.setObjectName("beCalendarMonth")
        locale = self.locale()
        for month in range(1, 13):
            self._month.addItem(locale.standaloneMonthName(month), month)
        self._year = QSpinBox(self)
        self._year.setObjectName("beCalendarYear")
        self._year.setRange(MIN_CE_YEAR + BE_OFFSET, MAX_CE_YEAR + BE_OFFSET)
        self._year.setToolTip(self.tr("Year (Buddhist era)"))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._previous)
        header.addWidget(self._month, 1)
        header.addWidget(self._year)
        header.addWidget(self._next)

        today = QPushButton(self.tr("Today"), self)
        today.setObjectName("beCalendarToday")
        clear = QPushButton(self.tr("Clear"), self)
        clear.setObjectName("beCalendarClear")
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(today)
        footer.addStretch(1)
        footer.addWidget(clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self._calendar)
        layout.addLayout(footer)

        self._previous.clicked.connect(self._calendar.showPreviousMonth)
        self._next.clicked.connect(self._calendar.showNextMonth)
        self._month.activated.connect(self._on_month_year_chosen)
        self._year.valueChanged.connect(self._on_month_year_chosen)
        self._calendar.currentPageChanged.connect(self._on_page_changed)
        self._calendar.clicked.connect(self._on_day_chosen)
        self._calendar.activated.connect(self._on_day_chosen)
        today.clicked.connect(lambda: self._pick(dt.date.today()))
        clear.clicked.connect(lambda: self._pick(None))
        self._on_page_changed(self._calendar.yearShown(), self._calendar.monthShown())

    def calendar(self) -> QCalendarWidget:
        return self._calendar

    def show_for(self, anchor: QWidget, selected: dt.date | None) -> None:
        day = selected or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._calendar.setCurrentPage(day.year, day.month)
        self._on_page_changed(day.year, day.month)
        self.adjustSize()
        position = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = anchor.screen().availableGeometry() if anchor.screen() else None
        if screen is not None and position.y() + self.height() > screen.bottom():
            position = anchor.mapToGlobal(QPoint(0, -self.height()))
        self.move(position)
        self.show()
        self._calendar.setFocus()

    def _on_page_changed(self, year: int, month: int) -> None:
        self._year.blockSignals(True)
        self._year.setValue(year + BE_OFFSET)
        self._year.blockSignals(False)
        self._month.setCurrentIndex(month - 1)

    def _on_month_year_chosen(self, *_: object) -> None:
        self._calendar.setCurrentPage(
            self._year.value() - BE_OFFSET, self._month.currentIndex() + 1
        )

    def _on_day_chosen(self, day: QDate) -> None:
        self._pick(dt.date(day.year(), day.month(), day.day()))

    def _pick(self, day: dt.date | None) -> None:
        self.hide()
        self.date_picked.emit(day)


class BeDateEdit(QLineEdit):
    """A line edit for an optional date, typed and shown in the Buddhist era."""

    dateChanged = Signal(object)  # dt.date | None, like QDateEdit.dateChanged

    def __init__(self, parent: QWidget | None = None, *, display_style: DateStyle = "long") -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self._error = ""
        self._display_style = display_style
        self._popup: BeCalendarPopup | None = None
        self.setPlaceholderText(self.tr("e.g. 2/10/2557"))
        self._calendar_action = QAction(_calendar_icon(), self.tr("Choose from a calendar"), self)
        self._calendar_action.setObjectName("beDateCalendarAction")
        self._calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._on_text_edited)

    # -- the value --------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The last date read from the field (None when empty or not readable)."""
        return self._date

    def setDate(self, value: dt.date | None) -> None:
        """Show `value` (None empties the field) and clear any error."""
        self._set_error("")
        self.setText(self._display(value))
        self._store(value)

    def clear(self) -> None:
        self.setDate(None)

    def is_valid(self) -> bool:
        """False while the field holds text that is not a date."""
        self.commit()
        return not self._error

    def error_message(self) -> str:
        return self._error

    def commit(self) -> bool:
        """Read the text now; returns False (and marks the field) when it is not a date."""
        text = self.text().strip()
        if not text:
            self._set_error("")
            self._store(None)
            return True
        try:
            value = parse_thai_date(text)
        except ThaiDateError as error:
            self._set_error(error_text(error))
            return False
        if not MIN_CE_YEAR <= value.year <= MAX_CE_YEAR:
            self._set_error(error_text(ThaiDateError("year out of range", reason="bad_year")))
            return False
        self._set_error("")
        if not self.hasFocus():
            self.setText(self._display(value))
        self._store(value)
        return True

    # -- calendar ---------------------------------------------------------------------------
    def show_calendar(self) -> None:
        self.commit()
        if self._popup is None:
            self._popup = BeCalendarPopup(self)
            self._popup.date_picked.connect(self._on_picked)
        self._popup.show_for(self, self._date)

    def calendar_popup(self) -> BeCalendarPopup | None:
        return self._popup

    def _on_picked(self, value: dt.date | None) -> None:
        self.setDate(value)
        self.setFocus()

    # -- editing ----------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._error and self._date is not None:
            self.setText(format_thai_date(self._date, style="numeric"))
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.commit():
            self.setText(self._display(self._date))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.setPlaceholderText(self.tr("e.g. 2/10/2557"))
            self._calendar_action.setText(self.tr("Choose from a calendar"))
            if not self.hasFocus() and not self._error:
                self.setText(self._display(self._date))
        return super().event(event)

    def _on_text_edited(self, _text: str) -> None:
        if self._error:
            self._set_error("")

    def _display(self, value: dt.date | None) -> str:
        """The date shown outside editing: month names in the interface's language."""
        return "" if value is None else format_date(value, style=self._display_style)

    def _store(self, value: dt.date | None) -> None:
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def _set_error(self, message: str) -> None:
        self._error = message
        self.setToolTip(message)
        self.setStyleSheet(_INVALID_STYLE if message else "")
        self.setProperty("invalid", bool(message))
