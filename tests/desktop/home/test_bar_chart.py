"""The QPainter bar chart: geometry, painting, tooltips and what a screen reader gets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.home.bar_chart import BAR_COLOUR, MUTED_BAR_COLOUR, BarChart, ChartBar

BARS = [
    ChartBar("ภาคเหนือ", 400),
    ChartBar("ภาคตะวันออกเฉียงเหนือ", 200),
    ChartBar("ภาคใต้", 0),
    ChartBar("ไม่ระบุ", 100, muted=True),
]


def _chart(qtbot: QtBot, bars: list[ChartBar] = BARS, width: int = 600) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.setObjectName("regionChart")
    chart.set_bars(bars, empty_text="ยังไม่มีสมาชิก")
    chart.resize(width, chart.sizeHint().height())
    return chart


def _render(chart: BarChart) -> QImage:
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)
    return image


def test_bars_are_kept_in_order_and_sized_by_value(qtbot: QtBot) -> None:
    chart = _chart(qtbot)
    assert [bar.label for bar in chart.bars()] == [bar.label for bar in BARS]
    assert chart.total() == 700
    widths = [chart.bar_rect(i).width() for i in range(4)]
    assert widths[0] > 0
    assert abs(widths[1] - widths[0] / 2) < 0.5
    assert widths[2] == 0
    assert abs(widths[3] - widths[0] / 4) < 0.5
    # Rows stack downwards, one per bar, and the chart asks for room for each.
    assert chart.row_rect(1).top() == chart.row_rect(0).bottom()
    assert chart.sizeHint().height() >= 4 * chart.row_height()
    chart.set_bars(BARS[:2])
    assert chart.sizeHint().height() < chart.row_rect(3).bottom()


def test_bars_are_painted_in_their_colours(qtbot: QtBot) -> None:
    chart = _chart(qtbot)
    image = _render(chart)
    first = chart.bar_rect(0).center().toPoint()
    muted = chart.bar_rect(3).center().toPoint()
    assert image.pixelColor(first) == BAR_COLOUR
    assert image.pixelColor(muted) == MUTED_BAR_COLOUR
    # The zero bar leaves its track empty: no bar colour anywhere on its row.
    row = chart.row_rect(2)
    y = int(row.center().y())
    assert all(
        image.pixelColor(x, y) != BAR_COLOUR for x in range(int(row.left()), int(row.right()))
    )


def test_labels_fit_or_are_elided(qtbot: QtBot) -> None:
    chart = _chart(qtbot, width=600)
    bar_x = chart.bar_rect(0).left()
    wide = chart.fontMetrics().horizontalAdvance("ภาคตะวันออกเฉียงเหนือ")
    assert bar_x >= wide  # the whole longest label fits before the bars
    narrow = _chart(qtbot, width=260)
    assert narrow.bar_rect(0).left() < wide  # squeezed: the label column is capped
    assert narrow.bar_rect(0).width() > 0


def test_tooltip_per_bar(qtbot: QtBot) -> None:
    chart = _chart(qtbot)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.tooltip(0) == "ภาคเหนือ: 400 (57%)"
    assert chart.tooltip(2) == "ภาคใต้: 0 (0%)"
    custom = ChartBar("ภาคกลาง", 5, tooltip="ภาคกลาง: 5 คน")
    chart.set_bars([custom])
    assert chart.tooltip(0) == "ภาคกลาง: 5 คน"
    chart.set_bars(BARS)
    centre = chart.row_rect(1).center().toPoint()
    assert chart.bar_at(centre) == 1
    assert chart.bar_at(QPoint(5, chart.height() + 50)) is None
    event = QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre))
    QApplication.sendEvent(chart, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == "ภาคตะวันออกเฉียงเหนือ: 200 (29%)"
    QToolTip.hideText()


def test_accessible_description_lists_every_bar(qtbot: QtBot) -> None:
    chart = _chart(qtbot)
    lines = chart.accessibleDescription().splitlines()
    assert lines == [chart.tooltip(i) for i in range(4)]
    assert "ไม่ระบุ: 100 (14%)" in lines


def test_empty_chart_says_so(qtbot: QtBot) -> None:
    chart = _chart(qtbot, [ChartBar("ภาคเหนือ", 0), ChartBar("ภาคใต้", 0)])
    image = _render(chart)
    assert chart.total() == 0
    # No bar is drawn, but the empty text is (some dark pixels in the middle row).
    assert all(
        image.pixelColor(x, y) != BAR_COLOUR
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    middle = image.height() // 2
    assert any(image.pixelColor(x, middle).lightness() < 200 for x in range(image.width()))


def test_value_text_is_pluggable(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([ChartBar("ก", 1500)], value_text=lambda v: f"{v / 100:,.2f} บาท")
    assert chart.tooltip(0) == "ก: 15.00 บาท (100%)"
