"""The filter panel: one checkable list per dimension, each value with its member count.

Counts come from `db.members.query.facet_counts` when the filter changes (after a short pause).
A facet is counted under every filter except its own, so checking a second province is still
possible after checking the first.

Counting runs on a reader of its own (a second `DbExecutor` on the same database; SQLite in WAL
mode reads beside the writer), so a search typed while the counts are being made never waits
behind them: with a one-letter search at 393,000 members one count takes as long as the search.
Only open sections are counted; the costly ones (groups, strengths) start closed, and a section
is counted when it is opened. Which sections are open is remembered.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from db.members.query import facet_counts
from db.members.types import Facet, FacetCount, MemberFilter
from desktop import settings
from desktop.db_worker import DbExecutor
from desktop.i18n import interface_language

log = logging.getLogger(__name__)

FACET_DELAY_MS = 300
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FacetSpec:
    facet: Facet
    filter_field: str  # the MemberFilter field its checked values go to
    numeric: bool  # values are ints in the filter (province codes, region ids)
    object_name: str
    open_by_default: bool = True


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec(Facet.REGION, "region_ids", True, "filterRegion"),
    FacetSpec(Facet.PROVINCE, "province_codes", True, "filterProvince"),
    FacetSpec(Facet.ORG_TYPE, "org_type_codes", False, "filterOrgType"),
    FacetSpec(Facet.PERSONNEL_TYPE, "personnel_types", False, "filterPersonnelType"),
    FacetSpec(Facet.STATUS, "statuses", False, "filterStatus"),
    # ~1 s and ~120 MB of SQLite memory unfiltered at 393,000 members: counted when opened.
    FacetSpec(Facet.GROUP, "group_ids", False, "filterGroup", open_by_default=False),
    FacetSpec(Facet.STRENGTH, "strengths", False, "filterStrength", open_by_default=False),
)
OPEN_SECTIONS_KEY = "members/open_filter_sections"


def load_open_sections() -> set[Facet]:
    value = settings.settings().value(OPEN_SECTIONS_KEY)
    if value is None:
        return {spec.facet for spec in FACETS if spec.open_by_default}
    names = [value] if isinstance(value, str) else list(value or [])
    return {Facet(name) for name in names if name in {f.value for f in Facet}}


def save_open_sections(facets: set[Facet]) -> None:
    store = settings.settings()
    store.setValue(OPEN_SECTIONS_KEY, sorted(facet.value for facet in facets))
    store.sync()


def facet_title(facet: Facet) -> str:
    titles = {
        Facet.REGION: FilterPanel.tr("Region"),
        Facet.PROVINCE: FilterPanel.tr("Province"),
        Facet.ORG_TYPE: FilterPanel.tr("Organisation type"),
        Facet.PERSONNEL_TYPE: FilterPanel.tr("Personnel type"),
        Facet.STATUS: FilterPanel.tr("Membership status"),
        Facet.GROUP: FilterPanel.tr("Group"),
        Facet.STRENGTH: FilterPanel.tr("Strength"),
        Facet.POSITION: FilterPanel.tr("Position"),
    }
    return titles[facet]


class FacetListModel(QAbstractListModel):
    """The values of one facet with counts; checking a value filters by it."""

    checked_changed = Signal(tuple)  # tuple[str, ...] of checked values

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[FacetCount] = []
        self._checked: set[str] = set()

    def set_counts(self, counts: Sequence[FacetCount]) -> None:
        """New counts; checked values missing from them stay listed (with count 0)."""
        items = list(counts)
        present = {item.value for item in items}
        old_labels = {item.value: item.label for item in self._items}
        for value in sorted(self._checked - present):
            items.append(FacetCount(value=value, label=old_labels.get(value, value), count=0))
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def set_checked(self, values: Iterable[str]) -> None:
        """Check exactly these values (without announcing it: the filter already has them)."""
        checked = set(values)
        if checked == self._checked:
            return
        self._checked = checked
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def checked(self) -> tuple[str, ...]:
        """Checked values in list order."""
        listed = [item.value for item in self._items if item.value in self._checked]
        return tuple(listed + sorted(self._checked - set(listed)))

    def items(self) -> list[FacetCount]:
        return list(self._items)

    def row_of(self, value: str) -> int | None:
        for row, item in enumerate(self._items):
            if item.value == value:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.label}  ({item.count:,})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.label
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = item.value in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return item.value
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item = self._items[index.row()]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(item.value)
        else:
            self._checked.discard(item.value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit(self.checked())
        return True


class FacetSection(QWidget):
    """A collapsible titled list of one facet's values."""

    expanded_changed = Signal(bool)

    def __init__(self, spec: FacetSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.stale = True  # counts not made for the current filter (e.g. while closed)
        self.model = FacetListModel(self)
        self._header = QToolButton(self)
        self._header.setObjectName(f"{spec.object_name}Header")
        self._header.setText(facet_title(spec.facet))
        self._header.setCheckable(True)
        self._header.setChecked(True)
        self._header.setArrowType(Qt.ArrowType.DownArrow)
        self._header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._header.setAutoRaise(True)
        self._header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._header.toggled.connect(self._set_expanded)
        self.view = QListView(self)
        self.view.setObjectName(spec.object_name)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.activated.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header)
        layout.addWidget(self.view)
        self._fit_height()
        self.model.modelReset.connect(self._fit_height)

    def title(self) -> str:
        return self._header.text()

    def set_title(self, title: str) -> None:
        self._header.setText(title)

    def is_expanded(self) -> bool:
        return self._header.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self._header.setChecked(expanded)

    def _set_expanded(self, expanded: bool) -> None:
        self._header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.view.setVisible(expanded)
        self.expanded_changed.emit(expanded)

    def _fit_height(self) -> None:
        rows = max(1, min(self.model.rowCount(), 8))
        row_height = max(self.view.sizeHintForRow(0), self.fontMetrics().height() + 6)
        self.view.setFixedHeight(rows * row_height + 2 * self.view.frameWidth() + 2)

    def _toggle(self, index: QModelIndex) -> None:
        current = self.model.data(index, Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if current == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model.setData(index, new, Qt.ItemDataRole.CheckStateRole)


class FilterPanel(QFrame):
    """The side panel of facets; announces checked values as filter changes."""

    filter_changed = Signal(str, tuple)  # (MemberFilter field, values as the filter takes them)
    clear_requested = Signal()
    counts_refreshed = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        parent: QWidget | None = None,
        *,
        separate_reader: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberFilters")
        if separate_reader:
            # Owned by the panel; its idle thread ends when the pool is collected, and at exit.
            self.reader = DbExecutor(executor.database, self)
        else:
            self.reader = executor
        self._generation = 0
        self._pending_filters: MemberFilter | None = None
        self._task: asyncio.Task[None] | None = None
        self.sections: dict[Facet, FacetSection] = {}

        self._clear = QPushButton(self)
        self._clear.setObjectName("clearFilters")
        self._clear.setEnabled(False)
        self._clear.clicked.connect(self.clear_requested)
        self._status = QLabel(self)
        self._status.setObjectName("filterStatus")

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 0)
        open_sections = load_open_sections()
        for spec in FACETS:
            section = FacetSection(spec, content)
            section.set_expanded(spec.facet in open_sections)
            section.model.checked_changed.connect(
                lambda values, spec=spec: self._announce(spec, values)
            )
            section.expanded_changed.connect(
                lambda expanded, spec=spec: self._on_expanded(spec.facet, expanded)
            )
            self.sections[spec.facet] = section
            content_layout.addWidget(section)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("memberFiltersScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._clear)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_refresh)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._clear.setText(self.tr("Clear filters"))
        for section in self.sections.values():
            section.set_title(facet_title(section.spec.facet))

    def section(self, facet: Facet) -> FacetSection:
        return self.sections[facet]

    def _announce(self, spec: FacetSpec, values: tuple[str, ...]) -> None:
        if spec.numeric:
            self.filter_changed.emit(spec.filter_field, tuple(int(value) for value in values))
        else:
            self.filter_changed.emit(spec.filter_field, values)

    def show_filters(self, filters: MemberFilter) -> None:
        """Reflect `filters` in the check marks (the view asks for counts once it has shown
        the members of the filter: `refresh_counts`)."""
        for spec in FACETS:
            values = getattr(filters, spec.filter_field)
            self.sections[spec.facet].model.set_checked(str(value) for value in values)
        self._clear.setEnabled(
            any(getattr(filters, spec.filter_field) for spec in FACETS)
            or bool(filters.organisation_ids or filters.positions)
        )

    def refresh_counts(self, filters: MemberFilter, *, delay_ms: int = FACET_DELAY_MS) -> None:
        """Count again under `filters` after `delay_ms` (later calls replace earlier ones)."""
        self._generation += 1
        self._pending_filters = filters
        for section in self.sections.values():
            section.stale = True
        self._timer.start(max(0, delay_ms))

    def hold_counts(self) -> None:
        """A new search is under way: drop the pending count and stop a running one after its
        current section (counting then competes with the search the user waits for; the view
        asks for counts again when the search's whole list is in)."""
        self._generation += 1
        self._timer.stop()

    def is_refreshing(self) -> bool:
        return self._timer.isActive() or (self._task is not None and not self._task.done())

    def _on_expanded(self, facet: Facet, expanded: bool) -> None:
        save_open_sections({f for f, s in self.sections.items() if s.is_expanded()})
        opened = expanded and self.sections[facet].stale and self._pending_filters is not None
        if opened and not self.is_refreshing():
            self._timer.start(0)  # counts just this section (the others are fresh)

    def _start_refresh(self) -> None:
        filters = self._pending_filters
        if filters is None:
            return
        self._task = asyncio.ensure_future(self._refresh(filters, self._generation))

    async def _refresh(self, filters: MemberFilter, generation: int) -> None:
        language = interface_language()

        def counts(*, session: Session, facet: Facet) -> list[FacetCount] | None:
            if generation != self._generation:
                return None  # a newer filter came: skip work that would be thrown away
            return facet_counts(session, filters=filters, facet=facet, language=language)

        def next_section() -> FacetSection | None:
            # Looked up each time: a section opened meanwhile is counted in this round too.
            return next((s for s in self.sections.values() if s.is_expanded() and s.stale), None)

        try:
            while (section := next_section()) is not None:
                result = await self.reader.run(counts, facet=section.spec.facet)
                if result is None or generation != self._generation:
                    return
                section.model.set_counts(result)
                section.stale = False
        except Exception:
            log.exception("counting the filter values failed")
            self._status.setText(self.tr("The counts could not be updated."))
            return
        self._status.setText("")
        self.counts_refreshed.emit()
