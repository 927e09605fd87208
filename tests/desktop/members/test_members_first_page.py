"""Search as you type in two steps: the first screenful at once, then the whole key list extends
the model (no reset: scroll and selection stay); stale whole lists are dropped."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from db.engine import Database
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberSort, SortColumn
from desktop.members.state import SearchRequest
from desktop.members.table_model import MemberTableModel
from desktop.members.view import MembersView


def keys_for(database: Database, text: str, sort: MemberSort | None = None) -> array[int]:
    with database.session() as session:
        return search_member_keys(session, filters=MemberFilter(text=text), sort=sort)


class SlowWholeList:
    """Stands in for MembersView._search_keys: the whole-list query waits until released."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()
        self.results: list[tuple[str, int]] = []  # (text, keys) of each whole list made

    def __call__(
        self, view: MembersView, *, session: Session, request: SearchRequest
    ) -> array[int] | None:
        self.entered.set()
        assert self.release.wait(10), "the test never released the whole-list query"
        keys = search_member_keys(session, filters=request.filters, sort=request.sort)
        self.results.append((request.filters.text, len(keys)))
        return keys


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowWholeList]:
    gate = SlowWholeList()

    def search_keys(
        view: MembersView, *, session: Session, request: SearchRequest
    ) -> array[int] | None:
        return gate(view, session=session, request=request)

    monkeypatch.setattr(MembersView, "_search_keys", search_keys)
    yield gate
    gate.release.set()  # never leave the database thread waiting


class ModelLog:
    """Resets and insertions of the model, with the row count after each."""

    def __init__(self, model: MemberTableModel) -> None:
        self.events: list[tuple[str, int, int, int]] = []
        model.modelReset.connect(lambda: self.events.append(("reset", 0, 0, model.rowCount())))
        model.rowsInserted.connect(
            lambda _parent, first, last: self.events.append(
                ("insert", first, last, model.rowCount())
            )
        )


def common_letter(database: Database) -> str:
    """A one-code-point text most members match (many more than a screenful)."""
    full = {text: len(keys_for(database, text)) for text in ("น", "า", "ร")}
    return max(full, key=lambda text: full[text])


def test_first_rows_come_before_the_whole_list(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    slow: SlowWholeList,
    typer: Callable[[QWidget, str], None],
    qtmodeltester: ModelTester,
) -> None:
    text = common_letter(demo_db)
    full = keys_for(demo_db, text)
    first_rows = view.first_rows_wanted()
    assert len(full) > first_rows * 3
    log = ModelLog(view.model)
    view.search.setFocus()
    with qtbot.waitSignal(view.rows_shown, timeout=5000) as shown:
        typer(view.search, text)
    # The first screenful is painted while the whole list is still being read.
    assert shown.args == [first_rows]
    assert view.model.keys() == full[:first_rows]
    assert view.is_counting()
    assert view.count_label.text() == view.tr("Counting members…")
    assert not slow.results
    view.table.viewport().repaint()
    member = view.model.member_at(first_rows - 1)  # the last row of the first page is fetched
    assert member is not None
    qtmodeltester.check(view.model)

    # The user picks a row while the count is pending; it stays picked.
    view.table.select_row(5)
    picked = view.model.key_at(5)
    log.events.clear()
    with qtbot.waitSignal(view.search_finished, timeout=10_000) as finished:
        slow.release.set()
    assert finished.args == [len(full)]
    assert view.model.keys() == full
    assert log.events == [("insert", first_rows, len(full) - 1, len(full))]  # no reset
    assert view.table.currentIndex().row() == 5
    assert view.model.key_at(5) == picked
    assert [index.row() for index in view.table.selectionModel().selectedRows()] == [5]
    assert not view.is_counting()
    qtbot.waitUntil(
        lambda: (
            view.count_label.text()
            == view.tr("%1 of %Ln member(s)", "", 2000).replace("%1", QLocale().toString(len(full)))
        ),
        timeout=5000,
    )
    # Rows past the first page (and the one fetched short) read the right members.
    for row in (first_rows - 1, first_rows, len(full) - 1):
        fetched = view.model.member_at(row)
        assert fetched is not None and fetched.key == full[row]
    qtmodeltester.check(view.model)


def test_stale_whole_list_is_dropped(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    slow: SlowWholeList,
    typer: Callable[[QWidget, str], None],
) -> None:
    text = common_letter(demo_db)
    old_full = keys_for(demo_db, text)
    view.search.setFocus()
    with qtbot.waitSignal(view.rows_shown, timeout=5000):
        typer(view.search, text)
    assert slow.entered.wait(5)  # the whole list for the first text is being read
    log = ModelLog(view.model)
    view.search.setText(text + "า")  # typed on
    view.state.search_now()
    new_full = keys_for(demo_db, text + "า")
    assert len(new_full) != len(old_full)
    with qtbot.waitSignal(view.search_finished, timeout=10_000):
        slow.release.set()
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=5000)
    # The first text's whole list was read, then thrown away: the table never showed it.
    assert (text, len(old_full)) in slow.results
    assert all(rows != len(old_full) for _kind, _first, _last, rows in log.events)
    assert view.model.keys() == new_full
    assert not view.is_counting()


def test_short_result_needs_no_second_step(
    qtbot: QtBot, view: MembersView, demo_db: Database, slow: SlowWholeList
) -> None:
    first = view.model.member_at(0)
    assert first is not None
    text = f"{first.first_name} {first.last_name}"
    expected = keys_for(demo_db, text)
    assert 0 < len(expected) < view.first_rows_wanted()
    with qtbot.waitSignal(view.search_finished, timeout=5000):
        view.search.setText(text)
        view.state.search_now()
    assert view.model.keys() == expected
    assert not slow.entered.is_set()  # the first step found every match
    assert not view.is_counting()


def test_refresh_and_other_sorts_read_the_whole_list_at_once(
    qtbot: QtBot, view: MembersView, demo_db: Database
) -> None:
    shown: list[int] = []
    view.rows_shown.connect(shown.append)
    finished: list[int] = []
    view.search_finished.connect(finished.append)
    text = common_letter(demo_db)
    sort = MemberSort(SortColumn.PROVINCE)
    view.state.set_sort(sort)
    qtbot.waitUntil(lambda: view.model.current_sort() == sort and bool(finished), timeout=5000)
    shown.clear()
    finished.clear()
    view.search.setText(text)
    view.state.search_now()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert shown == finished == [len(keys_for(demo_db, text, sort))]  # one step
    # By name again: the same text is a refresh, read in one step (the table keeps its place).
    view.table.select_row(40)
    shown.clear()
    finished.clear()
    view.refresh()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert shown == finished
    assert view.table.currentIndex().row() == 40


def test_extend_keys_only_continues_the_same_list(
    qtmodeltester: ModelTester, demo_db: Database, view: MembersView
) -> None:
    fetched: list[int] = []
    model = MemberTableModel(lambda keys: view._fetch_rows(keys) or [], page_size=10)
    model.rows_fetched.connect(fetched.append)
    full = keys_for(demo_db, "")
    model.set_keys(full[:15])
    assert model.member_at(14) is not None  # page 1 fetched short (5 rows)
    assert not model.extend_keys(full[1:40])  # not a continuation: nothing changes
    assert model.keys() == full[:15]
    assert model.extend_keys(full[:15])  # the same list: nothing to insert
    assert model.extend_keys(full[:40])
    assert model.keys() == full[:40]
    row = model.member_at(19)  # in the page that was fetched short
    assert row is not None and row.key == full[19]
    first = model.member_at(0)
    assert first is not None and first.key == full[0]
    qtmodeltester.check(model)
