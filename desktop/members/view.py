"""The Members view: search, filter and sort the register, open, edit and group members.

    ┌ search ─────────────────────────────── count ┐
    │ toolbar: new · edit · delete · add to group     │
    ├ filters/groups ┬ member table ──────┬ profile ─┤

All database work goes through the `DbExecutor`: searches and counts run on its thread and come
back to the qasync loop; painting a screenful of rows reads them on the UI thread
(`read_now(fetch_member_rows)`), which takes well under a millisecond a page. The first
screenful of a text search by name comes from an in-memory index of the names
(`MemberNameIndex`, read on its own thread once the view has its first list, and again after
the data changed), else from the SQL quick path when it is quick (`quick_first_member_keys`),
else from the database thread.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from db.members.profile import get_member
from db.members.query import (
    count_members,
    fetch_member_rows,
    quick_first_member_keys,
    search_member_keys,
)
from db.members.search_index import MemberNameIndex
from db.members.types import MemberFilter, MemberRow, SortColumn
from desktop.db_worker import Changes, DbExecutor
from desktop.i18n import interface_language
from desktop.members.actions import MemberActions
from desktop.members.columns import MemberColumn
from desktop.members.filter_panel import FilterPanel
from desktop.members.groups_panel import GroupsPanel
from desktop.members.labels import ViewLabels, load_labels
from desktop.members.profile_panel import MemberProfilePanel
from desktop.members.state import MembersState, SearchRequest
from desktop.members.table_model import MemberTableModel
from desktop.members.table_view import MemberTableView
from desktop.operations import members as operations
from desktop.operations.tasks import TaskRunner
from desktop.settings_dialog import date_era
from desktop.widgets.search_box import SearchBox

log = logging.getLogger(__name__)

PROFILE_DELAY_MS = 150
MIN_FIRST_ROWS = 20  # a first screenful (search as you type) is at least this many rows ...
MAX_FIRST_ROWS = 200  # ... and at most this many
WATCHED_AREAS = ("members", "groups", "dues", "organisations")


class MembersView(QWidget):
    search_finished = Signal(int)  # rows now in the table (after a search was applied)
    rows_shown = Signal(int)  # a search's first rows are in the table (the whole list may follow)
    profile_shown = Signal(str)  # member id

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersView")
        self._executor = executor
        self._labels = ViewLabels()
        self._total: int | None = None
        # The filter of the keys the table shows (None before the first search, which is then
        # read in two steps too: the first screenful paints before the whole list is read).
        self._shown_filters: MemberFilter | None = None
        self._counted_filters: MemberFilter | None = None  # the filter the counts are for
        self._counting = False  # the table shows a search's first rows; the whole list follows
        self._started = False
        self.tasks = TaskRunner(self)
        self.state = MembersState(self)
        self.model = MemberTableModel(self._fetch_rows, self)
        self.editor: QWidget | None = None
        # The first screenful of a text search, from memory (read once the first list is in).
        self.name_index = MemberNameIndex(executor.database.path)
        name_index = self.name_index
        self.destroyed.connect(lambda *_args: name_index.close())

        self.search = SearchBox(self, debounce_ms=0)  # the state debounces
        self.search.setObjectName("memberSearch")
        self.search.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("memberCount")
        self.table = MemberTableView(self.model, self.state, self)
        self.filters = FilterPanel(executor, self)
        self.groups = GroupsPanel(executor, self)
        self.profile = MemberProfilePanel(self)
        self.profile.set_executor(executor)
        self.side = QTabWidget(self)
        self.side.setObjectName("memberSidePanel")
        self.side.addTab(self.filters, "")
        self.side.addTab(self.groups, "")

        self._setup_actions()
        self._setup_layout()
        self._connect()
        self._profile_timer = QTimer(self)
        self._profile_timer.setSingleShot(True)
        self._profile_timer.setInterval(PROFILE_DELAY_MS)
        self._profile_timer.timeout.connect(lambda: self.tasks.spawn(self._load_profile()))
        self._retranslate()

    @property
    def executor(self) -> DbExecutor:
        """The database thread this view reads and writes through (for its actions)."""
        return self._executor

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._started:
                self._relabel()
        super().changeEvent(event)

    def _relabel(self) -> None:
        """Reference names (provinces, types, statuses) in the new language: labels, rows and
        facet counts read again."""
        self.tasks.spawn(self._load_side())
        self.model.refresh_rows()
        self.filters.refresh_counts(self.state.filters, delay_ms=0)
        if self.state.sort.column is SortColumn.PROVINCE:
            self.refresh()  # sorted by the province names shown

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search: name, nickname, organisation, position, ID or phone number")
        )
        self.side.setTabText(self.side.indexOf(self.filters), self.tr("Filters"))
        self.side.setTabText(self.side.indexOf(self.groups), self.tr("Groups"))
        self.actions.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(MemberColumn) - 1)
        if self.model.rowCount() or self._total is not None:
            self._show_count()

    def apply_settings(self) -> None:
        """The settings changed (the main window calls this): show dates in the chosen era."""
        era = date_era()
        self.model.set_date_era(era)
        self.profile.set_date_era(era)

    # -- set-up ------------------------------------------------------------------------------
    def _setup_actions(self) -> None:
        self.actions = MemberActions(self, self.table)

    def _setup_layout(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("memberToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.actions.toolbar_actions():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.actions.side_panel)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("memberSplitter")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.profile)
        self.splitter.setStretchFactor(1, 1)
        # Sized for the default 1200 px window (the table takes what the window gives beyond).
        self.splitter.setSizes([250, 500, 270])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search, self.table)

    def _connect(self) -> None:
        self.search.search_requested.connect(self.state.set_text)
        self.state.search_requested.connect(lambda r: self.tasks.spawn(self._run_search(r)))
        self.state.filters_changed.connect(self.filters.show_filters)
        self.model.sort_requested.connect(self.state.set_sort)
        self.filters.filter_changed.connect(lambda f, v: self.state.update_filters(**{f: v}))
        self.filters.clear_requested.connect(self._clear_filters)
        self.groups.group_selected.connect(self._on_group_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        actions = self.actions
        actions.table_edit.triggered.connect(self.edit_current)
        actions.table_delete.triggered.connect(self.delete_selected)
        actions.new.triggered.connect(self.new_member)
        actions.edit.triggered.connect(self.edit_current)
        actions.delete.triggered.connect(self.delete_selected)
        actions.add_to_group.triggered.connect(self.add_selected_to_group)
        actions.find.triggered.connect(self._focus_search)
        actions.side_panel.toggled.connect(self.side.setVisible)
        actions.refresh.triggered.connect(self.refresh)
        self._executor.changes_applied.connect(self._on_changes_applied)

    # -- starting ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.start()

    def start(self) -> None:
        """Load the labels and the first page of members (called when first shown)."""
        self._started = True
        self.state.search_now()
        self.tasks.spawn(self._load_side())

    async def _load_side(self) -> None:
        self._labels = await load_labels(self._executor)
        self.model.set_labels(self._labels.table_labels())
        self.profile.set_labels(self._labels)
        self.groups.set_labels(self._labels)

    def refresh(self) -> None:
        """Read everything again (F5)."""
        self._total = None
        self._counted_filters = None
        self.state.schedule_search()
        self.groups.reload_if_loaded()

    # -- searching ---------------------------------------------------------------------------
    def _fetch_rows(self, keys: Sequence[int]) -> list[MemberRow]:
        return self._executor.read_now(fetch_member_rows, keys=keys, language=interface_language())

    def first_rows_wanted(self) -> int:
        """How many rows a first screenful is (what the table shows, and a little more)."""
        row_height = max(1, self.table.verticalHeader().defaultSectionSize())
        visible = self.table.viewport().height() // row_height + 2
        return min(max(visible, MIN_FIRST_ROWS), MAX_FIRST_ROWS)

    async def _run_search(self, request: SearchRequest) -> None:
        """Search in two steps when the text or a filter changed and the sort is by name: the
        first screenful (found in a few ms however many members match) is shown at once, then
        the whole key list extends it (`rows_shown`, then `search_finished`). A refresh of the
        same search, or another sort, reads the whole list at once: the table keeps its place."""
        state = self.state
        if request.filters != self._counted_filters:
            self.filters.hold_counts()  # they are counted again once this search is in
        first_rows = 0
        if request.sort.column is SortColumn.NAME and request.filters != self._shown_filters:
            first_rows = self.first_rows_wanted()
        if first_rows:

            def first_page(*, session: Session) -> array[int] | None:
                if not state.is_current(request):
                    return None
                return search_member_keys(
                    session,
                    filters=request.filters,
                    sort=request.sort,
                    limit=first_rows,
                    quick_tried=True,
                )

            # A text search's first screenful: from the name index (well under a ms for most,
            # ~10 ms at worst), else read here when quick, sparing the round trip to the
            # database thread; the slow ones go there.
            first = self.name_index.first_keys(
                filters=request.filters, sort=request.sort, limit=first_rows
            )
            if first is None:
                first = self._executor.read_now(
                    quick_first_member_keys,
                    filters=request.filters,
                    sort=request.sort,
                    limit=first_rows,
                )
            if first is None:
                first = await self._executor.run(first_page)
            if first is None or not state.is_current(request):
                return
            complete = len(first) < first_rows
            self.apply_keys(first, request, complete=complete)
            if complete:
                await self._show_total(first, request)
                return
        keys = await self._executor.run(self._search_keys, request=request)
        if keys is None or not state.is_current(request):
            return  # typed on since: a newer search owns the table
        if not first_rows or not self.model.extend_keys(keys):
            self.apply_keys(keys, request)
        else:
            self._full_list_shown(keys, request)
        await self._show_total(keys, request)

    def _search_keys(self, *, session: Session, request: SearchRequest) -> array[int] | None:
        if not self.state.is_current(request):
            return None  # typed on since: skip work that would be thrown away
        return search_member_keys(
            session, filters=request.filters, sort=request.sort, language=interface_language()
        )

    async def _show_total(self, keys: array[int], request: SearchRequest) -> None:
        if request.filters == MemberFilter():
            self._total = len(keys)
        elif self._total is None:
            self._total = await self._executor.run(count_members, filters=MemberFilter())
        if self.state.is_current(request):
            self._show_count()

    def apply_keys(
        self, keys: array[int], request: SearchRequest, *, complete: bool = True
    ) -> None:
        """Show the result of a search, keeping the current member selected if still there.

        ``complete=False``: these are only the first rows; the count shows as pending until
        the whole list arrives (`MemberTableModel.extend_keys`)."""
        current = self.table.currentIndex()
        current_key = self.model.key_at(current.row()) if current.isValid() else None
        self.model.set_keys(keys, request.sort)
        self._shown_filters = request.filters
        self.table.show_sort()
        row = self.model.row_of_key(current_key) if current_key is not None else None
        if row is not None:
            self.table.select_row(row, current.column())
        else:
            self.table.scrollToTop()
            self.profile.show_profile(None)
        self._counting = not complete
        self._show_count()
        self.rows_shown.emit(len(keys))
        if complete:
            self._full_list_shown(keys, request)

    def _full_list_shown(self, keys: array[int], request: SearchRequest) -> None:
        self._counting = False
        self._show_count()
        if request.filters != self._counted_filters:
            # Counts after a pause, beside (never before) the search for what is typed next.
            self._counted_filters = request.filters
            self.filters.refresh_counts(request.filters)
        if not self.name_index.is_current():
            self.name_index.start_refresh()  # the first list is in, or the data changed
        self.search_finished.emit(len(keys))

    def is_counting(self) -> bool:
        """True while the table holds only the first rows of a search (the count is pending)."""
        return self._counting

    def _show_count(self) -> None:
        if self._counting:
            self.count_label.setText(self.tr("Counting members…"))
            return
        shown = self.model.rowCount()
        if self._total is None or (self._total == shown and not self._is_filtered()):
            text = self.tr("%Ln member(s)", "", shown)
        else:
            text = self.tr("%1 of %Ln member(s)", "", self._total).replace(
                "%1", QLocale().toString(shown)
            )
        self.count_label.setText(text)

    def _is_filtered(self) -> bool:
        return self.state.filters != MemberFilter()

    def _clear_filters(self) -> None:
        self.groups.clear_selection()
        self.state.clear_filters()

    def _on_group_selected(self, group_id: str | None) -> None:
        self.state.update_filters(group_ids=(group_id,) if group_id else ())

    # -- selection and profile ---------------------------------------------------------------
    def selected_keys(self) -> array[int]:
        return self.table.selected_keys()

    def current_member_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.member_id_at(index.row()) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._profile_timer.start()
        else:
            self._profile_timer.stop()

    async def _load_profile(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            self.profile.show_profile(None)
            return
        profile = await self._executor.run(
            get_member, member_id=member_id, language=interface_language()
        )
        if member_id == self.current_member_id():
            self.profile.show_profile(profile)
            self.profile_shown.emit(member_id)

    # -- commands ----------------------------------------------------------------------------
    def new_member(self) -> None:
        """Open the editor for a new member (the main window's Ctrl+N)."""
        self.tasks.spawn(self.open_editor(None))

    def show_member(self, member_id: str) -> None:
        """Show this member's profile, selecting their row when it is on a fetched page."""
        for row in range(self.model.rowCount()):
            if not self.model.is_row_cached(row):
                continue
            if self.model.member_id_at(row) == member_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        self.tasks.spawn(self._show_profile_of(member_id))

    async def _show_profile_of(self, member_id: str) -> None:
        self.profile.show_profile(
            await self._executor.run(get_member, member_id=member_id, language=interface_language())
        )
        self.profile_shown.emit(member_id)

    def edit_current(self) -> None:
        member_id = self.current_member_id()
        if member_id is not None:
            self.tasks.spawn(self.open_editor(member_id))

    async def open_editor(self, member_id: str | None) -> None:
        from desktop.members.editor import MemberEditorDialog

        profile = None
        if member_id is not None:
            profile = await self._executor.run(
                get_member, member_id=member_id, language=interface_language()
            )
        if self.editor is not None:
            self.editor.close()
        editor = MemberEditorDialog(self._executor, self._labels, profile=profile, parent=self)
        editor.finished.connect(lambda _result: self._forget_editor(editor))
        self.editor = editor
        editor.open()

    def _forget_editor(self, editor: QWidget) -> None:
        if self.editor is editor:
            self.editor = None
            self.table.setFocus()

    def delete_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        if len(keys) == 1:
            name = self.model.data(self.model.index(self.table.currentIndex().row(), 0)) or ""
            question = self.tr("Delete the member {name}?").format(name=name)
        else:
            question = self.tr("Delete %Ln selected member(s)?", "", len(keys))
        answer = QMessageBox.question(
            self,
            self.tr("Delete members"),
            question + "\n" + self.tr("They are hidden from the register, not erased."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tasks.spawn(
                operations.delete_members_by_key(self._executor, keys=keys, parent=self)
            )

    def add_selected_to_group(self) -> None:
        keys = self.selected_keys()
        if not keys:
            return
        # The whole result list: let SQL add it by the filter instead of moving every id.
        everything = len(keys) == self.model.rowCount() and self.model.rowCount() > 1
        filters = self._shown_filters if everything else None
        self.tasks.spawn(self.groups.add_members(keys, filters=filters))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _on_changes_applied(self, changes: Changes, _initiator: object) -> None:
        if not changes.touches(*WATCHED_AREAS):
            return
        if changes.touches("members"):
            self._total = None
        self._counted_filters = None  # the counts change with the data
        self.state.schedule_search()
        if changes.touches("groups"):
            self.groups.reload_if_loaded()
        if self.table.currentIndex().isValid():
            self._profile_timer.start()
