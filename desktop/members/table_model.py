"""The register table: holds the ordered member keys, fetches rows only when they are drawn.

`MemberTableModel` keeps just the `array('q')` of member rowids that
`db.members.query.search_member_keys` returned (8 bytes a member: 3 MB at 393,000) and asks for
the rows of a page (`PAGE_SIZE` keys around the row being painted) the first time one of them is
drawn, keeping the most recently used pages (`MAX_PAGES`, so memory stays bounded however far the
user scrolls). `rowCount()`, `flags()` and selection never fetch rows (STYLE 3).

Sorting is SQL's job: `sort()` (a header click) only emits `sort_requested`; the view runs the
query and hands back a new key array with `set_keys()`.
"""

from __future__ import annotations

import struct
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from db.members.types import MemberRow, MemberSort
from db.thai.dates import Era
from desktop.members.columns import (
    COLUMN_FOR_SORT,
    SORT_FOR_COLUMN,
    MemberColumn,
    RefLabels,
    cell_text,
    header_text,
    header_tooltip,
)

PAGE_SIZE = 100
_KEY_STRUCT = struct.Struct("=q")  # one item of the array('q') of keys
MAX_PAGES = 40  # at most 4,000 cached rows (a few MB)

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the member's id (UUID): fetches the row
MEMBER_KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the member's rowid: never fetches

FetchRows = Callable[[Sequence[int]], list[MemberRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

_TOOLTIP_COLUMNS = frozenset(
    {MemberColumn.NAME, MemberColumn.ORGANISATION, MemberColumn.POSITION, MemberColumn.EMAIL}
)
_CENTRED_COLUMNS = frozenset({MemberColumn.CONSENT})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class MemberTableModel(QAbstractTableModel):
    sort_requested = Signal(object)  # MemberSort
    rows_fetched = Signal(int)  # how many rows a page fetch read (for tests and diagnostics)

    def __init__(
        self,
        fetch_rows: FetchRows,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._page_size = page_size
        self._max_pages = max_pages
        self._keys: array[int] = array("q")
        self._pages: OrderedDict[int, list[MemberRow | None]] = OrderedDict()
        self._labels = RefLabels()
        self._sort = MemberSort()
        self._era: Era = "BE"
        self.fetch_count = 0  # page fetches since the model was made

    # -- the key list ------------------------------------------------------------------------
    def set_keys(self, keys: array[int], sort: MemberSort | None = None) -> None:
        """Show these member keys (in this order); rows are fetched again when drawn."""
        self.beginResetModel()
        self._keys = keys
        self._pages.clear()
        if sort is not None:
            self._sort = sort
        self.endResetModel()

    def extend_keys(self, keys: array[int]) -> bool:
        """Show ``keys`` if the keys shown now are their beginning (a first screenful, then the
        whole list): the extra rows are inserted, so the view keeps its scroll position and
        selection. False (nothing changed) when they are not a continuation: use `set_keys`."""
        shown = len(self._keys)
        if len(keys) < shown or keys[:shown] != self._keys:
            return False
        if len(keys) == shown:
            return True
        self.beginInsertRows(QModelIndex(), shown, len(keys) - 1)  # last row inclusive
        self._keys = keys
        # A page fetched short (the last rows of the first screenful) would miss the new rows;
        # dropped after beginInsertRows, whose listeners may have read the old last row.
        for page_index in [i for i, page in self._pages.items() if len(page) < self._page_size]:
            del self._pages[page_index]
        self.endInsertRows()
        return True

    def keys(self) -> array[int]:
        return self._keys

    def current_sort(self) -> MemberSort:
        return self._sort

    def key_at(self, row: int) -> int:
        return self._keys[row]

    def keys_at(self, rows: Iterable[int]) -> array[int]:
        return array("q", (self._keys[row] for row in rows))

    def row_of_key(self, key: int) -> int | None:
        """The row showing member `key` (a byte search: about 1 ms at 393,000 keys)."""
        raw = self._keys.tobytes()
        needle = _KEY_STRUCT.pack(key)
        start = 0
        while (found := raw.find(needle, start)) >= 0:
            if found % _KEY_STRUCT.size == 0:
                return found // _KEY_STRUCT.size
            start = found + 1
        return None

    def member_at(self, row: int) -> MemberRow | None:
        """The row's data (fetching its page if needed); None if the member is gone."""
        if not 0 <= row < len(self._keys):
            return None
        page_index, offset = divmod(row, self._page_size)
        return self._page(page_index)[offset]

    def is_row_cached(self, row: int) -> bool:
        """True when the row's page has been fetched (so reading it costs no query)."""
        return row // self._page_size in self._pages

    def member_id_at(self, row: int) -> str | None:
        member = self.member_at(row)
        return member.id if member is not None else None

    def refresh_rows(self) -> None:
        """Forget the cached rows (members changed) and repaint; the key list stays."""
        self._pages.clear()
        if self._keys:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._keys) - 1, len(MemberColumn) - 1)
            )

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def set_labels(self, labels: RefLabels) -> None:
        self._labels = labels
        if self._keys:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._keys) - 1, len(MemberColumn) - 1)
            )

    def set_date_era(self, era: Era) -> None:
        """Show dates in the Buddhist (BE, the default) or Christian era (CE)."""
        if era == self._era:
            return
        self._era = era
        if self._keys:
            column = int(MemberColumn.JOINED_ON)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._keys) - 1, column))

    # -- Qt's model interface ----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MemberColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == MEMBER_KEY_ROLE:
            return self._keys[row]
        column = MemberColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _CENTRED_COLUMNS:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, MEMBER_ID_ROLE):
            return None
        member = self.member_at(row)
        if member is None:
            return None
        if role == MEMBER_ID_ROLE:
            return member.id
        if role == Qt.ItemDataRole.ToolTipRole and column not in _TOOLTIP_COLUMNS:
            return None
        return cell_text(member, column, self._labels, self._era)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(MemberColumn):
            return None
        column = MemberColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tooltip(column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: ask for the keys in the new order (the view runs the SQL)."""
        if not 0 <= column < len(MemberColumn):
            return
        sort_column = SORT_FOR_COLUMN.get(MemberColumn(column))
        if sort_column is None:
            return  # not a sortable column; the view puts the indicator back
        sort = MemberSort(sort_column, descending=order == Qt.SortOrder.DescendingOrder)
        if sort != self._sort:
            self.sort_requested.emit(sort)

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        """The header section and order showing the current sort."""
        column = COLUMN_FOR_SORT.get(self._sort.column, MemberColumn.NAME)
        order = (
            Qt.SortOrder.DescendingOrder if self._sort.descending else Qt.SortOrder.AscendingOrder
        )
        return int(column), order

    # -- pages -------------------------------------------------------------------------------
    def _page(self, page_index: int) -> list[MemberRow | None]:
        page = self._pages.get(page_index)
        if page is not None:
            self._pages.move_to_end(page_index)
            return page
        start = page_index * self._page_size
        keys = self._keys[start : start + self._page_size]
        by_key = {member.key: member for member in self._fetch_rows(keys)}
        page = [by_key.get(key) for key in keys]
        self.fetch_count += 1
        self._pages[page_index] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        self.rows_fetched.emit(len(keys))
        return page
