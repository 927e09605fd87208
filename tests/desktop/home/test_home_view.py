"""The home page on a real (small) database: figures, charts, reloads after writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlmodel import Session

import desktop.home.view as home_view
from db.dashboard import DashboardSummary
from desktop import i18n
from desktop.db_worker import Changes, DbExecutor
from desktop.home import GRID_COLUMNS, HomePanel, HomeView


def _tr(text: str) -> str:
    return QCoreApplication.translate("HomeView", text)


@pytest.fixture
def view(executor: DbExecutor, qtbot: QtBot, qasync_loop: Any) -> Iterator[HomeView]:
    home = HomeView(executor)
    qtbot.addWidget(home)
    home.resize(1100, 900)
    with qtbot.waitSignal(home.summary_loaded, timeout=10_000):
        home.show()
    yield home
    home.shutdown()


@pytest.fixture
def write_members(
    executor: DbExecutor, run_async: Callable[..., Any], member_adder: Callable[..., list[str]]
) -> Callable[[int], None]:
    """Add members as a view's command would: on the database thread, then one announcement."""

    def write_count(count: int) -> None:
        def write(session: Session) -> list[str]:
            return member_adder(session, None, count)

        run_async(executor.write(write, changes=Changes.of("members")))

    return write_count


def test_figures_on_the_cards(view: HomeView) -> None:
    summary = view.summary()
    assert summary is not None
    assert summary.total_members == 10
    assert view.findChild(QLabel, "totalMembersPanelValue").text() == "10"
    assert view.findChild(QLabel, "consentPanelValue").text() == "2"
    assert "20%" in view.findChild(QLabel, "consentPanelDetail").text()
    dues_value = view.findChild(QLabel, "duesPanelValue").text()
    assert dues_value == _tr("%1 baht").replace("%1", "750.50")
    fiscal = dt.date.today().year + 543 + (1 if dt.date.today().month >= 10 else 0)
    detail = view.findChild(QLabel, "duesPanelDetail").text()
    assert detail.startswith(
        _tr("Fiscal year %1: %2 payments").replace("%1", str(fiscal)).replace("%2", "2")
    )
    # The sentence of the brief: "ปีงบประมาณ 2570: 2 รายการ 750.50 บาท" (when translated).
    assert view.dues_panel.accessibleDescription() == (
        _tr("Fiscal year %1: %2 payments, %3 baht")
        .replace("%1", str(fiscal))
        .replace("%2", "2")
        .replace("%3", "750.50")
    )


def test_charts_get_the_counts(view: HomeView) -> None:
    region_bars = view.region_chart.bars()
    assert [bar.value for bar in region_bars] == [6, 0, 3, 0, 0, 0, 1]
    assert region_bars[0].label == "ภาคเหนือ"
    assert region_bars[-1].label == "ไม่ระบุ" and region_bars[-1].muted
    types = {bar.label: bar.value for bar in view.org_type_chart.bars()}
    assert types["องค์การบริหารส่วนตำบล"] == 6
    assert types["เทศบาลเมือง"] == 3
    assert types["ไม่ระบุ"] == 1
    assert view.region_chart.accessibleName() == _tr("Members by region")
    assert "ภาคเหนือ" in view.region_chart.accessibleDescription()
    assert "(อบต.)" in view.org_type_chart.tooltip(4)  # full name and abbreviation
    image = view.region_chart.grab().toImage()
    assert not image.isNull()
    assert image.pixelColor(view.region_chart.bar_rect(0).center().toPoint()).name() == "#2f7dbd"


def test_recent_changes_list(view: HomeView) -> None:
    model = view.recent_view.model()
    assert model.rowCount() == 10
    assert model.index(0, 0).data() == "นางสาวศรีสุดา0 ทองคำ"  # the last member written
    assert model.index(0, 1).data() == ""  # it has no organisation
    assert view.recent_view.objectName() == "recentChanges"


def test_reloads_after_a_write(
    view: HomeView, qtbot: QtBot, write_members: Callable[[int], None]
) -> None:
    with qtbot.waitSignal(view.summary_loaded, timeout=10_000) as loaded:
        write_members(2)
    summary: DashboardSummary = loaded.args[0]
    assert summary.total_members == 12
    assert view.findChild(QLabel, "totalMembersPanelValue").text() == "12"


def test_a_burst_of_writes_loads_once(
    view: HomeView, qtbot: QtBot, write_members: Callable[[int], None]
) -> None:
    loads: list[DashboardSummary] = []
    view.summary_loaded.connect(loads.append)
    for _ in range(5):
        write_members(1)
    qtbot.waitUntil(lambda: bool(loads) and not view.is_loading(), timeout=10_000)
    qtbot.wait(home_view.DEBOUNCE_MS + 200)
    assert len(loads) == 1
    assert loads[0].total_members == 15


def test_unrelated_changes_do_not_reload(
    view: HomeView, executor: DbExecutor, qtbot: QtBot
) -> None:
    loads: list[DashboardSummary] = []
    view.summary_loaded.connect(loads.append)
    executor.changes_applied.emit(Changes.of("meetings"), None)
    qtbot.wait(home_view.DEBOUNCE_MS + 200)
    assert loads == []
    assert not view.is_loading()


def test_a_hidden_page_reloads_when_shown(
    view: HomeView, qtbot: QtBot, write_members: Callable[[int], None]
) -> None:
    loads: list[DashboardSummary] = []
    view.summary_loaded.connect(loads.append)
    view.hide()
    write_members(3)
    qtbot.wait(home_view.DEBOUNCE_MS + 200)
    assert loads == []  # no work for a page nobody sees
    with qtbot.waitSignal(view.summary_loaded, timeout=10_000):
        view.show()
    assert loads[-1].total_members == 13


def test_refresh_reloads_and_refreshes_added_panels(view: HomeView, qtbot: QtBot) -> None:
    class CountingPanel(HomePanel):
        refreshed = 0

        def refresh(self) -> None:
            self.refreshed += 1

    panel = CountingPanel(object_name="laterPanel", title="ประชุมที่จะถึง")
    view.add_panel(panel, span=3)
    index = view._grid.indexOf(panel)
    row, column, _rows, span = view._grid.getItemPosition(index)
    assert (column, span) == (0, 3)
    assert row > view._grid.getItemPosition(view._grid.indexOf(view.recent_panel))[0]
    wide = HomePanel(object_name="widePanel")
    view.add_panel(wide, span=GRID_COLUMNS)  # does not fit beside: next row
    assert view._grid.getItemPosition(view._grid.indexOf(wide))[:2] == (row + 1, 0)
    with qtbot.waitSignal(view.summary_loaded, timeout=10_000):
        view.refresh()
    assert panel.refreshed == 1


def test_a_failed_load_says_why(
    view: HomeView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(session: Session, **_kwargs: object) -> DashboardSummary:
        raise RuntimeError("ฐานข้อมูลเสีย")

    monkeypatch.setattr(home_view, "dashboard_summary", broken)
    with qtbot.waitSignal(view.load_failed, timeout=10_000) as failed:
        view.refresh()
    assert failed.args == ["ฐานข้อมูลเสีย"]
    assert view.error_label.isVisible()
    assert "ฐานข้อมูลเสีย" in view.error_label.text()
    assert view.findChild(QLabel, "totalMembersPanelValue").text() == "10"  # old figures kept
    monkeypatch.undo()
    with qtbot.waitSignal(view.summary_loaded, timeout=10_000):
        view.refresh()
    assert not view.error_label.isVisible()


def test_english_labels_after_a_language_change(
    view: HomeView, qapp: QApplication, qtbot: QtBot
) -> None:
    try:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: view.region_chart.bars()[0].label == "North", timeout=2000)
        assert view.region_panel.title_label.text() == "Members by region"
        assert view.recent_model.headerData(0, Qt.Orientation.Horizontal) == "Member"
    finally:
        i18n.install(qapp, "th")
    qtbot.waitUntil(lambda: view.region_chart.bars()[0].label == "ภาคเหนือ", timeout=2000)


def test_opening_a_recent_change_names_the_member(view: HomeView, qtbot: QtBot) -> None:
    index = view.recent_model.index(0, 0)
    with qtbot.waitSignal(view.member_activated) as activated:
        view.recent_view.activated.emit(index)
    summary = view.summary()
    assert summary is not None
    assert activated.args == [summary.recent[0].member_id]
