"""The register's table model: keys only, rows fetched by page when drawn, SQL sorting."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from db.engine import Database
from db.members.query import fetch_member_rows, search_member_keys
from db.members.types import MemberFilter, MemberRow, MemberSort, SortColumn
from desktop.db_worker import DbExecutor
from desktop.members.columns import MemberColumn, RefLabels
from desktop.members.table_model import MEMBER_ID_ROLE, MEMBER_KEY_ROLE, MemberTableModel


class CountingFetch:
    """fetch_member_rows through the executor, counting the keys asked for."""

    def __init__(self, executor: DbExecutor) -> None:
        self.executor = executor
        self.calls: list[int] = []

    def __call__(self, keys: Sequence[int]) -> list[MemberRow]:
        self.calls.append(len(keys))
        return self.executor.read_now(fetch_member_rows, keys=keys)


def all_keys(database: Database, sort: MemberSort | None = None):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return search_member_keys(session, filters=MemberFilter(), sort=sort or MemberSort())


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database, executor: DbExecutor
) -> None:
    model = MemberTableModel(CountingFetch(executor), page_size=50, max_pages=3)
    model.set_keys(all_keys(demo_db))
    qtmodeltester.check(model)
    model.set_keys(all_keys(demo_db)[:10])
    qtmodeltester.check(model)


def test_row_count_flags_and_selection_never_fetch_rows(
    demo_db: Database, executor: DbExecutor
) -> None:
    fetch = CountingFetch(executor)
    model = MemberTableModel(fetch)
    keys = all_keys(demo_db)
    model.set_keys(keys)
    assert model.rowCount() == len(keys) == 2_000
    for row in range(0, model.rowCount(), 7):
        assert model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
        assert model.data(model.index(row, 0), MEMBER_KEY_ROLE) == keys[row]
    selection = QItemSelectionModel(model)
    everything = QItemSelection(model.index(0, 0), model.index(model.rowCount() - 1, 0))
    selection.select(everything, QItemSelectionModel.SelectionFlag.Select)
    assert len(selection.selection()) == 1
    assert fetch.calls == []


def test_rows_are_fetched_by_page_and_the_cache_stays_bounded(
    demo_db: Database, executor: DbExecutor
) -> None:
    fetch = CountingFetch(executor)
    model = MemberTableModel(fetch, page_size=100, max_pages=4)
    model.set_keys(all_keys(demo_db))
    first = model.data(model.index(150, MemberColumn.NAME))
    assert first and fetch.calls == [100]  # one page (rows 100-199) for the row drawn
    for row in range(100, 200):
        model.data(model.index(row, MemberColumn.ORGANISATION))
    assert fetch.calls == [100]  # the rest of the page came from the cache
    for row in range(model.rowCount()):
        model.data(model.index(row, MemberColumn.NAME))
    assert len(fetch.calls) == 20
    assert model.cached_row_count() <= 400  # never more than max_pages pages


def test_cells_show_formatted_thai_values(demo_db: Database, executor: DbExecutor) -> None:
    model = MemberTableModel(CountingFetch(executor))
    model.set_labels(RefLabels(statuses={"active": "เป็นสมาชิก"}))
    model.set_keys(all_keys(demo_db))
    rows = [model.member_at(row) for row in range(200)]
    with_phone = next(r for r in range(200) if rows[r] and rows[r].phone)  # type: ignore[union-attr]
    phone = model.data(model.index(with_phone, MemberColumn.PHONE))
    assert re.fullmatch(r"0\d{2}-\d{3}-\d{3,4}|02-\d{3}-\d{4}", phone), phone
    joined = next(r for r in range(200) if rows[r] and rows[r].joined_on)  # type: ignore[union-attr]
    text = model.data(model.index(joined, MemberColumn.JOINED_ON))
    member = rows[joined]
    assert member is not None and member.joined_on is not None
    assert text.endswith(str(member.joined_on.year + 543))  # Buddhist era
    assert re.search(r"[ก-๛]\.", text)  # short Thai month such as ต.ค.
    active = next(r for r in range(200) if rows[r] and rows[r].status == "active")  # type: ignore[union-attr]
    assert model.data(model.index(active, MemberColumn.STATUS)) == "เป็นสมาชิก"
    name = model.data(model.index(0, MemberColumn.NAME))
    assert name == rows[0].full_name  # type: ignore[union-attr]
    assert model.data(model.index(0, 0), MEMBER_ID_ROLE) == rows[0].id  # type: ignore[union-attr]
    assert model.headerData(0, Qt.Orientation.Horizontal) == model.headerData(
        MemberColumn.NAME, Qt.Orientation.Horizontal
    )


def test_header_sort_asks_for_sql_and_unsortable_columns_do_nothing(
    demo_db: Database, executor: DbExecutor, qtbot
) -> None:  # type: ignore[no-untyped-def]
    model = MemberTableModel(CountingFetch(executor))
    model.set_keys(all_keys(demo_db))
    with qtbot.waitSignal(model.sort_requested) as signal:
        model.sort(MemberColumn.PROVINCE, Qt.SortOrder.DescendingOrder)
    assert signal.args == [MemberSort(SortColumn.PROVINCE, descending=True)]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(MemberColumn.CONSENT, Qt.SortOrder.AscendingOrder)
        model.sort(MemberColumn.NAME, Qt.SortOrder.AscendingOrder)  # already the order
    keys = all_keys(demo_db, MemberSort(SortColumn.PROVINCE, descending=True))
    model.set_keys(keys, MemberSort(SortColumn.PROVINCE, descending=True))
    assert model.sort_section() == (int(MemberColumn.PROVINCE), Qt.SortOrder.DescendingOrder)
    assert model.keys() == keys  # shown exactly in the order SQL gave
    assert [model.key_at(row) for row in (0, 1, 1999)] == [keys[0], keys[1], keys[1999]]


def test_set_keys_resets_and_finds_keys(demo_db: Database, executor: DbExecutor, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = MemberTableModel(CountingFetch(executor))
    keys = all_keys(demo_db)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_keys(keys)
    assert model.row_of_key(keys[1234]) == 1234
    assert model.row_of_key(-5) is None
    assert list(model.keys_at([3, 1])) == [keys[3], keys[1]]
    subset = keys[500:510]
    model.set_keys(subset)
    assert model.rowCount() == 10 and model.row_of_key(keys[505]) == 5
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.index(10, 0).isValid()
    assert model.data(QModelIndex()) is None
