"""The view state (debounce, generations, columns) and the filter panel (facet counts)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.members.query import count_members, facet_counts
from db.members.types import Facet, FacetCount, MemberFilter, MemberSort, SortColumn
from desktop.db_worker import DbExecutor
from desktop.members.columns import DEFAULT_VISIBLE, MemberColumn
from desktop.members.filter_panel import FacetListModel, FilterPanel
from desktop.members.state import MembersState, SearchRequest, load_visible_columns


def test_fast_typing_issues_one_search(qtbot: QtBot) -> None:
    state = MembersState(debounce_ms=60)
    seen: list[SearchRequest] = []
    state.search_requested.connect(seen.append)
    for text in ("ส", "สม", "สมช", "สมชา", "สมชาย"):
        state.set_text(text)
    assert seen == [] and state.is_pending()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=2000)
    qtbot.wait(120)
    assert len(seen) == 1
    assert seen[0].filters.text == "สมชาย" and state.is_current(seen[0])


def test_a_later_request_makes_earlier_ones_stale(qtbot: QtBot) -> None:
    state = MembersState(debounce_ms=0)
    first = state.search_now()
    state.set_sort(MemberSort(SortColumn.PROVINCE))
    qtbot.waitUntil(lambda: state.generation == first.generation + 1, timeout=2000)
    assert not state.is_current(first)


def test_filter_and_sort_changes_search_at_once(qtbot: QtBot) -> None:
    state = MembersState(debounce_ms=10_000)
    with qtbot.waitSignal(state.search_requested, timeout=1000) as signal:
        state.update_filters(province_codes=(50,), statuses=("active",))
    request = signal.args[0]
    assert request.filters == MemberFilter(province_codes=(50,), statuses=("active",))
    assert state.has_panel_filters()
    with qtbot.waitSignal(state.search_requested, timeout=1000):
        state.clear_filters()
    assert state.filters == MemberFilter() and not state.has_panel_filters()


def test_visible_columns_are_remembered(qtbot: QtBot) -> None:
    state = MembersState()
    state.set_visible_columns(DEFAULT_VISIBLE)
    with qtbot.waitSignal(state.columns_changed):
        state.set_column_visible(MemberColumn.EMAIL, True)
        state.set_column_visible(MemberColumn.NICKNAME, False)
    assert MemberColumn.EMAIL in load_visible_columns()
    assert MemberColumn.NICKNAME not in load_visible_columns()
    assert MembersState().visible_columns == state.visible_columns  # a new view starts so
    state.set_visible_columns(DEFAULT_VISIBLE)


def test_facet_list_model(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = FacetListModel()
    model.set_counts([FacetCount("10", "กรุงเทพมหานคร", 120), FacetCount("50", "เชียงใหม่", 40)])
    qtmodeltester.check(model)
    index = model.index(1)
    assert model.data(index) == "เชียงใหม่  (40)"
    with qtbot.waitSignal(model.checked_changed) as signal:
        model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert signal.args == [("50",)]
    # A checked value missing from new counts stays listed, with 0.
    model.set_counts([FacetCount("10", "กรุงเทพมหานคร", 80)])
    assert [i.value for i in model.items()] == ["10", "50"]
    assert model.items()[1] == FacetCount("50", "เชียงใหม่", 0)
    qtmodeltester.check(model)


def test_filter_panel_counts_and_filters_by_province(
    qtbot: QtBot,
    qasync_loop: Any,
    demo_db: Database,
    executor: DbExecutor,
) -> None:
    panel = FilterPanel(executor)
    qtbot.addWidget(panel)
    changes: list[tuple[str, tuple[Any, ...]]] = []
    panel.filter_changed.connect(lambda field, values: changes.append((field, values)))
    with qtbot.waitSignal(panel.counts_refreshed, timeout=10_000):
        panel.refresh_counts(MemberFilter(), delay_ms=0)
    provinces = panel.section(Facet.PROVINCE).model.items()
    with demo_db.session() as session:
        expected = facet_counts(session, filters=MemberFilter(), facet=Facet.PROVINCE)
        assert provinces == expected
        assert sum(item.count for item in provinces) == count_members(
            session, filters=MemberFilter()
        )
    biggest = max(provinces, key=lambda item: item.count)
    row = panel.section(Facet.PROVINCE).model.row_of(biggest.value)
    assert row is not None
    view = panel.section(Facet.PROVINCE).view
    view.setCurrentIndex(view.model().index(row, 0))
    view.activated.emit(view.currentIndex())  # Enter/double-click toggles the check
    assert changes == [("province_codes", (int(biggest.value),))]
    # The other facets are counted within the province, the province facet is not.
    filters = MemberFilter(province_codes=(int(biggest.value),))
    with qtbot.waitSignal(panel.counts_refreshed, timeout=10_000):
        panel.show_filters(filters)
        panel.refresh_counts(filters, delay_ms=0)
    statuses = panel.section(Facet.STATUS).model.items()
    assert sum(item.count for item in statuses) == biggest.count
    assert panel.section(Facet.PROVINCE).model.items() == provinces
    assert panel.section(Facet.PROVINCE).model.checked() == (biggest.value,)
    assert panel.findChild(type(panel._clear), "clearFilters").isEnabled()


def test_filter_panel_drops_stale_refreshes(
    qtbot: QtBot, qasync_loop: Any, demo_db: Database, executor: DbExecutor
) -> None:
    panel = FilterPanel(executor)
    qtbot.addWidget(panel)
    refreshed: list[int] = []
    panel.counts_refreshed.connect(lambda: refreshed.append(1))
    with demo_db.session() as session:
        provinces = facet_counts(session, filters=MemberFilter(), facet=Facet.PROVINCE)
    first, second = (int(item.value) for item in provinces[:2])
    gate = threading.Event()
    panel.reader.submit(lambda *, session: gate.wait(10))  # the reader is busy for now
    panel.refresh_counts(MemberFilter(province_codes=(first,)), delay_ms=0)
    qtbot.waitUntil(lambda: panel._task is not None, timeout=2000)  # queued behind the gate
    panel.refresh_counts(MemberFilter(province_codes=(second,)), delay_ms=0)
    gate.set()
    qtbot.waitUntil(lambda: refreshed == [1], timeout=10_000)
    qtbot.wait(200)
    assert refreshed == [1]  # the first refresh stopped when the second was asked for
    statuses = panel.section(Facet.STATUS).model.items()
    assert sum(item.count for item in statuses) == provinces[1].count


def test_costly_sections_are_counted_only_when_opened(
    qtbot: QtBot, qasync_loop: Any, demo_db: Database, executor: DbExecutor
) -> None:
    panel = FilterPanel(executor)
    qtbot.addWidget(panel)
    groups = panel.section(Facet.GROUP)
    assert not groups.is_expanded() and not panel.section(Facet.STRENGTH).is_expanded()
    with qtbot.waitSignal(panel.counts_refreshed, timeout=10_000):
        panel.refresh_counts(MemberFilter(), delay_ms=0)
    assert groups.model.rowCount() == 0 and groups.stale  # closed: not counted
    assert panel.section(Facet.REGION).model.rowCount() > 0
    with qtbot.waitSignal(panel.counts_refreshed, timeout=10_000):
        groups.set_expanded(True)
    with demo_db.session() as session:
        expected = facet_counts(session, filters=MemberFilter(), facet=Facet.GROUP)
    assert groups.model.items() == expected and not groups.stale
    assert FilterPanel(executor).section(Facet.GROUP).is_expanded()  # remembered
    groups.set_expanded(False)
    assert not FilterPanel(executor).section(Facet.GROUP).is_expanded()
