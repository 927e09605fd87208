"""A horizontal bar chart drawn with QPainter (QtCharts needs the 150 MB PySide6-Addons).

One row per bar: the label on the left (elided when long, full text in the tooltip), the bar,
and its value with its share of the total. Hovering a bar shows its tooltip; the accessible
description lists every bar, so a screen reader gets the same figures as the picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.home.formatting import format_count, format_percent

BAR_COLOUR = QColor("#2f7dbd")
MUTED_BAR_COLOUR = QColor("#9aa7b4")
MARGIN = 8
GAP = 10
MAX_LABEL_SHARE = 0.42  # of the width


@dataclass(frozen=True, slots=True)
class ChartBar:
    label: str
    value: int
    tooltip: str = ""  # default: "label: value (share)"
    muted: bool = False  # drawn grey (e.g. "not specified")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[ChartBar, ...] = ()
        self._empty_text = ""
        self._value_text: Callable[[int], str] = format_count
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # -- data ---------------------------------------------------------------------------------
    def set_bars(
        self,
        bars: Sequence[ChartBar],
        *,
        empty_text: str = "",
        value_text: Callable[[int], str] = format_count,
    ) -> None:
        """Show ``bars`` in order; ``empty_text`` is drawn when every value is 0."""
        self._bars = tuple(bars)
        self._empty_text = empty_text
        self._value_text = value_text
        self.setAccessibleDescription(
            "\n".join(self.tooltip(index) for index in range(len(self._bars)))
        )
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[ChartBar, ...]:
        return self._bars

    def total(self) -> int:
        return sum(bar.value for bar in self._bars)

    def tooltip(self, index: int) -> str:
        bar = self._bars[index]
        if bar.tooltip:
            return bar.tooltip
        share = format_percent(bar.value, self.total())
        value = self._value_text(bar.value)
        return f"{bar.label}: {value} ({share})" if share else f"{bar.label}: {value}"

    # -- geometry -----------------------------------------------------------------------------
    def row_height(self) -> int:
        # Thai stacks vowels and tone marks above and below the line: leave them room.
        return QFontMetrics(self.font()).height() + 12

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1)
        return QSize(420, 2 * MARGIN + rows * self.row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _columns(self) -> tuple[float, float, float]:
        """x of the bar area's start, its width, and the value column's width."""
        metrics = QFontMetricsF(self.font())
        width = self.width() - 2 * MARGIN
        # +1: elidedText must not cut a label measured to the fraction of a pixel.
        label_width = max((metrics.horizontalAdvance(b.label) + 1 for b in self._bars), default=0)
        label_width = min(label_width, width * MAX_LABEL_SHARE)
        value_width = max(
            (metrics.horizontalAdvance(self._value_label(b.value)) for b in self._bars),
            default=0,
        )
        bar_x = MARGIN + label_width + GAP
        bar_width = max(width - label_width - value_width - 2 * GAP, 10)
        return bar_x, bar_width, value_width

    def _value_label(self, value: int) -> str:
        share = format_percent(value, self.total())
        text = self._value_text(value)
        return f"{text}  {share}" if share else text

    def row_rect(self, index: int) -> QRectF:
        """The whole row of bar ``index`` (label, bar and value): where its tooltip shows."""
        height = self.row_height()
        return QRectF(MARGIN, MARGIN + index * height, self.width() - 2 * MARGIN, height)

    def bar_rect(self, index: int) -> QRectF:
        """The drawn bar of ``index`` (zero width for a 0 value)."""
        bar_x, bar_width, _value_width = self._columns()
        largest = max((bar.value for bar in self._bars), default=0)
        row = self.row_rect(index)
        length = bar_width * self._bars[index].value / largest if largest else 0.0
        bar_height = row.height() * 0.6
        return QRectF(bar_x, row.center().y() - bar_height / 2, length, bar_height)

    def bar_at(self, position: QPoint) -> int | None:
        for index in range(len(self._bars)):
            if self.row_rect(index).contains(position):
                return index
        return None

    # -- painting and events ------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        if not self._bars or self.total() == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        metrics = QFontMetricsF(self.font())
        bar_x, bar_width, _value_width = self._columns()
        label_width = bar_x - GAP - MARGIN
        track = palette.color(QPalette.ColorRole.Window).darker(104)
        for index, bar in enumerate(self._bars):
            row = self.row_rect(index)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(MARGIN, row.top(), label_width, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            rect = self.bar_rect(index)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(bar_x, rect.top(), bar_width, rect.height()), 3, 3)
            if rect.width() > 0:
                painter.setBrush(MUTED_BAR_COLOUR if bar.muted else BAR_COLOUR)
                painter.drawRoundedRect(QRectF(rect.left(), rect.top(), max(rect.width(), 3),
                                               rect.height()), 3, 3)  # fmt: skip
            painter.setPen(text_colour)
            value_x = bar_x + bar_width + GAP
            painter.drawText(
                QRectF(value_x, row.top(), self.width() - MARGIN - value_x, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self._value_label(bar.value),
            )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(index), self)
            return True
        return super().event(event)
