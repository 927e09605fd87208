"""The Members view end to end on a demo register: search as you type, sort, filter, columns,
delete with confirmation, keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.members.query import count_members, facet_counts, search_member_keys
from db.members.types import Facet, MemberFilter, MemberSort, SortColumn
from desktop.members.columns import MemberColumn
from desktop.members.view import MembersView


def keys_for(database: Database, filters: MemberFilter, sort: MemberSort | None = None):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return search_member_keys(session, filters=filters, sort=sort or MemberSort())


def test_opens_with_every_member_sorted_by_name(view: MembersView, demo_db: Database) -> None:
    assert view.objectName() == "membersView"
    assert view.findChild(QWidget, "memberTable") is view.table
    assert view.findChild(QWidget, "memberSearch") is view.search
    assert view.findChild(QWidget, "memberFilters") is view.filters
    assert view.findChild(QWidget, "memberProfile") is view.profile
    assert view.findChild(QWidget, "groupTree") is view.groups.tree
    assert view.model.rowCount() == 2_000
    assert view.model.keys() == keys_for(demo_db, MemberFilter())
    assert view.count_label.text() == view.tr("%Ln member(s)", "", 2000)
    assert view.search.placeholderText() == view.tr(
        "Search: name, nickname, organisation, position, ID or phone number"
    )


def test_search_as_you_type_updates_the_table(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Callable[[QWidget, str], None]
) -> None:
    first = view.model.member_at(0)
    assert first is not None
    needle = first.first_name[:3]
    searches: list[int] = []
    view.state.search_requested.connect(lambda request: searches.append(request.generation))
    view.search.setFocus()
    typer(view.search, needle)  # three keystrokes, faster than the debounce
    with demo_db.session() as session:
        expected = count_members(session, filters=MemberFilter(text=needle))
    qtbot.waitUntil(lambda: view.model.rowCount() == expected, timeout=5000)
    assert len(searches) == 1  # one query for the three keystrokes
    assert 0 < expected < 2_000
    assert view.model.keys() == keys_for(demo_db, MemberFilter(text=needle))
    assert view.count_label.text() == view.tr("%1 of %Ln member(s)", "", 2000).replace(
        "%1", QLocale().toString(expected)
    )
    # Esc clears the search and every member is back.
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2_000, timeout=5000)


def test_search_finds_members_by_phone_digits(
    qtbot: QtBot, view: MembersView, typer: Callable[[QWidget, str], None]
) -> None:
    member = next(m for row in range(50) if (m := view.model.member_at(row)) and m.phone)
    view.search.setFocus()
    typer(view.search, member.phone[3:8])
    qtbot.waitUntil(
        lambda: 0 < view.model.rowCount() < 2_000 and view.model.row_of_key(member.key) is not None,
        timeout=5000,
    )


def test_clicking_headers_sorts_in_sql(qtbot: QtBot, view: MembersView, demo_db: Database) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(MemberColumn.PROVINCE) + 5
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    sort = MemberSort(SortColumn.PROVINCE)
    assert view.model.current_sort() == sort
    assert view.model.keys() == keys_for(demo_db, MemberFilter(), sort)
    assert header.sortIndicatorSection() == MemberColumn.PROVINCE
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    descending = MemberSort(SortColumn.PROVINCE, descending=True)
    assert view.model.keys() == keys_for(demo_db, MemberFilter(), descending)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # The consent column cannot be sorted: the indicator stays where it was.
    x = header.sectionViewportPosition(MemberColumn.CONSENT) + 5
    with qtbot.assertNotEmitted(view.state.search_requested, wait=200):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == MemberColumn.PROVINCE


def test_filtering_by_a_province_from_the_panel(
    qtbot: QtBot, view: MembersView, demo_db: Database
) -> None:
    section = view.filters.section(Facet.PROVINCE)
    qtbot.waitUntil(lambda: section.model.rowCount() > 10, timeout=10_000)
    with demo_db.session() as session:
        provinces = facet_counts(session, filters=MemberFilter(), facet=Facet.PROVINCE)
    chosen = provinces[2]
    row = section.model.row_of(chosen.value)
    assert row is not None
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        section.model.setData(
            section.model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    filters = MemberFilter(province_codes=(int(chosen.value),))
    assert view.state.filters == filters
    assert view.model.rowCount() == chosen.count
    assert view.model.keys() == keys_for(demo_db, filters)
    assert {view.model.member_at(r).province_name for r in range(chosen.count)} == {chosen.label}  # type: ignore[union-attr]
    assert view.count_label.text() == view.tr("%1 of %Ln member(s)", "", 2000).replace(
        "%1", QLocale().toString(chosen.count)
    )
    clear = view.findChild(QWidget, "clearFilters")
    qtbot.waitUntil(clear.isEnabled, timeout=5000)
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2_000


def test_column_chooser_hides_columns_and_remembers(view: MembersView, qtbot: QtBot) -> None:
    assert view.table.isColumnHidden(MemberColumn.EMAIL)
    menu = view.table.column_menu()  # what the header's context menu pops up
    email = menu.findChild(QAction, "columnEmail")
    assert email is not None and not email.isChecked()
    assert email.text() == view.model.headerData(MemberColumn.EMAIL, Qt.Orientation.Horizontal)
    email.trigger()
    assert not view.table.isColumnHidden(MemberColumn.EMAIL)
    again = MembersView(view._executor)  # a view opened later reads the remembered choice
    qtbot.addWidget(again)
    assert not again.table.isColumnHidden(MemberColumn.EMAIL)
    view.table.column_menu().findChild(QAction, "columnEmail").trigger()
    assert view.table.isColumnHidden(MemberColumn.EMAIL)


def test_selecting_a_row_shows_the_profile(qtbot: QtBot, view: MembersView) -> None:
    view.table.setFocus()
    with qtbot.waitSignal(view.profile_shown, timeout=5000) as shown:
        view.table.selectRow(5)
    member = view.model.member_at(5)
    assert member is not None and shown.args == [member.id]
    text = view.profile.plain_text()
    assert member.first_name in text and member.last_name in text


def test_delete_asks_and_is_soft(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view.table.setFocus()
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(1, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    doomed = view.selected_keys()
    assert len(doomed) == 2
    asked: list[str] = []

    def answer(result: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            asked.append(text)
            return result

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "2" in asked[0]
    qtbot.wait(100)
    assert view.model.rowCount() == 2_000  # "No": nothing deleted
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1_998, timeout=5000)
    assert all(view.model.row_of_key(key) is None for key in doomed)
    with demo_db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT deleted_at FROM member WHERE rowid IN ({doomed[0]}, {doomed[1]})"
        ).fetchall()
    assert len(rows) == 2 and all(deleted for (deleted,) in rows)  # soft: still there


def test_keyboard_down_from_search_enters_the_table(qtbot: QtBot, view: MembersView) -> None:
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.table.currentIndex().row() == 0


def test_rows_are_fetched_only_for_what_is_drawn(view: MembersView, qtbot: QtBot) -> None:
    view.model.set_keys(view.model.keys())  # a fresh cache
    before = view.model.fetch_count
    view.table.viewport().repaint()
    assert view.model.fetch_count - before <= 1  # one page covers the screen
    view.table.scrollToBottom()
    view.table.viewport().repaint()
    assert view.model.fetch_count - before <= 3
    assert view.model.cached_row_count() <= 300


def test_the_view_follows_a_language_switch(
    qtbot: QtBot, view: MembersView, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import i18n

    thai_placeholder = view.search.placeholderText()
    thai_header = view.model.headerData(MemberColumn.NAME, Qt.Orientation.Horizontal)
    try:
        i18n.install(qapp, "en")
        qtbot.waitUntil(
            lambda: (
                view.search.placeholderText()
                == "Search: name, nickname, organisation, position, ID or phone number"
            ),
            timeout=2000,
        )
        assert view.model.headerData(MemberColumn.NAME, Qt.Orientation.Horizontal) == "Name"
        assert view.side.tabText(0) == "Filters"
        assert view.actions.new.text() == "New member"
        assert view.groups.buttons["newGroup"].text() == "New group"
        assert view.count_label.text() == "2,000 members"
        # Reference names follow: provinces in the list and the filters, statuses.
        province = view.filters.section(Facet.PROVINCE)
        def names() -> list[str]:  # "Chiang Mai  (41)"
            model = province.model
            return [str(model.index(row).data()) for row in range(model.rowCount())]

        qtbot.waitUntil(lambda: len(names()) > 10 and all(map(str.isascii, names())), timeout=5000)
        first = view.model.member_at(0)
        assert first is not None and first.province_name.isascii() and first.province_name
    finally:
        i18n.install(qapp, "th")
    qtbot.waitUntil(lambda: view.search.placeholderText() == thai_placeholder, timeout=2000)
    qtbot.waitUntil(lambda: not any(map(str.isascii, names())), timeout=5000)
    again = view.model.member_at(0)
    assert again is not None and not again.province_name.isascii()
    assert view.model.headerData(MemberColumn.NAME, Qt.Orientation.Horizontal) == thai_header
    assert thai_placeholder != "Search: name, nickname, organisation, position, ID or phone number"


def test_dates_follow_the_era_setting(view: MembersView, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.members import view as view_module

    row = next(r for r in range(100) if (m := view.model.member_at(r)) and m.joined_on)
    member = view.model.member_at(row)
    assert member is not None and member.joined_on is not None
    cell = view.model.index(row, MemberColumn.JOINED_ON)
    assert view.model.data(cell).endswith(str(member.joined_on.year + 543))
    monkeypatch.setattr(view_module, "date_era", lambda: "CE")
    view.apply_settings()  # what the main window calls after its settings dialog
    assert view.model.data(cell).endswith(str(member.joined_on.year))


def test_the_table_gets_most_of_the_page_at_the_default_window_size(
    qtbot: QtBot, qasync_loop: Any, executor: Any
) -> None:
    """The members page of a 1200 px window (about 1,010 px beside the navigation): the
    register keeps almost half, the filters and the profile a readable width each."""
    widget = MembersView(executor)
    qtbot.addWidget(widget)
    widget.resize(1010, 700)
    with qtbot.waitSignal(widget.search_finished, timeout=10_000):
        widget.show()
    side, table, profile = widget.splitter.sizes()
    assert table >= 450, widget.splitter.sizes()  # it was 348 (330 + 850 + 320 asked for)
    assert side >= 230 and profile >= 230
    widget.tasks.cancel_all()
