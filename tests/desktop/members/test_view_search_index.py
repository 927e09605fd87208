"""The Members view's name index: read once the view has its first list, used for the first
screenful of a text search (the SQL quick path is not asked), read again after a change, and
never the source of a wrong first screenful; counts are %Ln plurals."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.members._sql import dbapi
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberSort, SortColumn
from desktop.db_worker import Changes
from desktop.members import view as view_module
from desktop.members.view import MembersView


def keys_for(database: Database, text: str) -> array[int]:
    with database.session() as session:
        return search_member_keys(session, filters=MemberFilter(text=text))


def common_pair(database: Database) -> str:
    """The 2-code-point start of first names shared by the most members."""
    with database.session() as session:
        (pair,) = (
            dbapi(session)
            .execute(
                "SELECT substr(first_name, 1, 2) AS pair FROM member WHERE deleted_at IS NULL"
                " GROUP BY pair ORDER BY count(*) DESC, pair LIMIT 1"
            )
            .fetchone()
        )
    return str(pair)


class QuickPathCalls:
    def __init__(self) -> None:
        self.calls = 0


@pytest.fixture
def quick_calls(monkeypatch: pytest.MonkeyPatch) -> QuickPathCalls:
    """Counts the view's calls of the SQL quick path (which still answers)."""
    counter = QuickPathCalls()
    original = view_module.quick_first_member_keys

    def counting(*args: Any, **kwargs: Any) -> Any:
        counter.calls += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(view_module, "quick_first_member_keys", counting)
    return counter


def search(qtbot: QtBot, view: MembersView, text: str) -> list[int]:
    """Search for ``text`` now; the sizes of the first rows shown and the whole list."""
    shown: list[int] = []
    view.rows_shown.connect(shown.append)
    try:
        view.search.setText(text)
        with qtbot.waitSignal(view.search_finished, timeout=10_000) as finished:
            view.state.search_now()
    finally:
        view.rows_shown.disconnect(shown.append)
    return [*shown, *finished.args]


def test_first_rows_come_from_the_name_index(
    qtbot: QtBot, view: MembersView, demo_db: Database, quick_calls: QuickPathCalls
) -> None:
    index = view.name_index
    index.wait(timeout=30)
    qtbot.waitUntil(index.is_current, timeout=10_000)
    pair = common_pair(demo_db)
    full = keys_for(demo_db, pair)
    first_rows = view.first_rows_wanted()
    assert len(full) > first_rows
    sizes = search(qtbot, view, pair)
    assert sizes == [first_rows, len(full)]
    assert quick_calls.calls == 0  # answered from memory
    assert view.model.keys() == full
    # Descending by name: the same index, read from the end.
    view.state.set_sort(MemberSort(SortColumn.NAME, descending=True))
    qtbot.waitUntil(lambda: view.model.current_sort().descending, timeout=10_000)
    qtbot.waitUntil(lambda: not view.is_counting() and view.tasks.pending() == 0)
    with demo_db.session() as session:
        expected = search_member_keys(
            session,
            filters=MemberFilter(text=pair),
            sort=MemberSort(SortColumn.NAME, descending=True),
        )
    assert view.model.keys() == expected


def test_a_change_makes_the_index_read_again_and_the_results_stay_right(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    quick_calls: QuickPathCalls,
    wait_idle: Callable[..., None],
) -> None:
    index = view.name_index
    index.wait(timeout=30)
    qtbot.waitUntil(index.is_current, timeout=10_000)
    pair = common_pair(demo_db)
    first_key = keys_for(demo_db, pair)[0]
    # Another write renames the first match: until the index is read again the SQL ways answer.
    with demo_db.session() as session:
        dbapi(session).execute(
            "UPDATE member SET first_name = 'ฮฮฮ' || first_name, name_key = x'ff' WHERE rowid = ?",
            (first_key,),
        )
    assert not index.is_current()
    view._executor.changes_applied.emit(Changes.of("members"), None)
    qtbot.waitUntil(lambda: not view.state.is_pending(), timeout=10_000)
    wait_idle(view.tasks)
    index.wait(timeout=30)
    qtbot.waitUntil(index.is_current, timeout=10_000)  # read again after the refreshed list
    for text in (pair, "ฮฮฮ"):
        calls = quick_calls.calls
        full = keys_for(demo_db, text)
        sizes = search(qtbot, view, text)
        assert view.model.keys() == full, text
        assert sizes[-1] == len(full)
        assert quick_calls.calls == calls  # the fresh index answered
    assert view.model.keys()[-1] == first_key  # x'ff' sorts last


def test_panel_filters_and_digits_go_to_sql(
    qtbot: QtBot, view: MembersView, demo_db: Database, quick_calls: QuickPathCalls
) -> None:
    view.name_index.wait(timeout=30)
    qtbot.waitUntil(view.name_index.is_current, timeout=10_000)
    search(qtbot, view, "08")
    assert quick_calls.calls == 1
    assert view.model.keys() == keys_for(demo_db, "08")
    pair = common_pair(demo_db)
    view.state.update_filters(statuses=("active",))
    search(qtbot, view, pair)
    assert quick_calls.calls == 2
    with demo_db.session() as session:
        expected = search_member_keys(
            session, filters=MemberFilter(text=pair, statuses=("active",))
        )
    assert view.model.keys() == expected


def test_counts_are_plurals(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Callable[[QWidget, str], None]
) -> None:
    assert view.count_label.text() == view.tr("%Ln member(s)", "", 2_000)
    assert "2,000" in view.count_label.text() or "2000" in view.count_label.text()
    pair = common_pair(demo_db)
    shown = len(keys_for(demo_db, pair))
    search(qtbot, view, pair)
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    expected = view.tr("%1 of %Ln member(s)", "", 2_000).replace("%1", QLocale().toString(shown))
    assert view.count_label.text() == expected
    assert "{" not in expected and "%" not in expected
