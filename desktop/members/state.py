"""What the Members view shows: the filter, the sort and the visible columns.

Changes schedule one search: typing waits for a short pause (`debounce_ms`) so fast typing
issues one query; filter and sort changes search at the next turn of the event loop. Each search
carries a generation number, and a result whose generation is no longer current is dropped, so
a slow early query can never overwrite the answer to a later one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from db.members.types import MemberFilter, MemberSort
from desktop import settings
from desktop.members.columns import DEFAULT_VISIBLE, MemberColumn

DEBOUNCE_MS = 120
COLUMNS_KEY = "members/visible_columns"
FILTERS_VISIBLE_KEY = "members/filters_visible"


@dataclasses.dataclass(frozen=True, slots=True)
class SearchRequest:
    filters: MemberFilter
    sort: MemberSort
    generation: int


class MembersState(QObject):
    search_requested = Signal(object)  # SearchRequest
    filters_changed = Signal(object)  # MemberFilter (for the filter panel's counts)
    columns_changed = Signal(tuple)  # tuple[MemberColumn, ...]

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._filters = MemberFilter()
        self._sort = MemberSort()
        self._generation = 0
        self._columns: tuple[MemberColumn, ...] = load_visible_columns()
        self._debounce_ms = max(0, debounce_ms)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search_now)

    # -- filter and sort ---------------------------------------------------------------------
    @property
    def filters(self) -> MemberFilter:
        return self._filters

    @property
    def sort(self) -> MemberSort:
        return self._sort

    @property
    def generation(self) -> int:
        return self._generation

    def set_debounce_ms(self, milliseconds: int) -> None:
        self._debounce_ms = max(0, milliseconds)

    def set_text(self, text: str) -> None:
        """The search box changed: search after a pause in typing."""
        if text == self._filters.text:
            return
        self._filters = dataclasses.replace(self._filters, text=text)
        self.filters_changed.emit(self._filters)
        self._timer.start(self._debounce_ms)

    def update_filters(self, **changes: Any) -> None:
        """Change some of the filter's fields (e.g. ``province_codes=(10,)``) and search."""
        updated = dataclasses.replace(self._filters, **changes)
        if updated == self._filters:
            return
        self._filters = updated
        self.filters_changed.emit(updated)
        self.schedule_search()

    def clear_filters(self) -> None:
        """Clear every filter of the panel (the search text stays)."""
        self.update_filters(
            **{field.name: () for field in dataclasses.fields(MemberFilter) if field.name != "text"}
        )

    def has_panel_filters(self) -> bool:
        return any(
            getattr(self._filters, field.name)
            for field in dataclasses.fields(MemberFilter)
            if field.name != "text"
        )

    def set_sort(self, sort: MemberSort) -> None:
        if sort == self._sort:
            return
        self._sort = sort
        self.schedule_search()

    def schedule_search(self) -> None:
        """Search at the next turn of the event loop (coalescing changes made together)."""
        self._timer.start(0)

    def search_now(self) -> SearchRequest:
        """Issue the search now (a pending debounce is cancelled)."""
        self._timer.stop()
        self._generation += 1
        request = SearchRequest(self._filters, self._sort, self._generation)
        self.search_requested.emit(request)
        return request

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def is_current(self, request: SearchRequest) -> bool:
        return request.generation == self._generation

    # -- columns -----------------------------------------------------------------------------
    @property
    def visible_columns(self) -> tuple[MemberColumn, ...]:
        return self._columns

    def set_column_visible(self, column: MemberColumn, visible: bool) -> None:
        columns = [c for c in self._columns if c is not column]
        if visible:
            columns.append(column)
        if not columns:
            return  # the name (or some column) must stay
        self.set_visible_columns(sorted(columns))

    def set_visible_columns(self, columns: Iterable[MemberColumn]) -> None:
        chosen = tuple(dict.fromkeys(columns))
        if chosen == self._columns or not chosen:
            return
        self._columns = chosen
        save_visible_columns(chosen)
        self.columns_changed.emit(chosen)


def load_visible_columns() -> tuple[MemberColumn, ...]:
    value = settings.settings().value(COLUMNS_KEY)
    if not value:
        return DEFAULT_VISIBLE
    names = [value] if isinstance(value, str) else list(value)
    columns = tuple(MemberColumn[name] for name in names if name in MemberColumn.__members__)
    return columns or DEFAULT_VISIBLE


def save_visible_columns(columns: Iterable[MemberColumn]) -> None:
    store = settings.settings()
    store.setValue(COLUMNS_KEY, [column.name for column in columns])
    store.sync()
