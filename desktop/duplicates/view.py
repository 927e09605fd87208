"""The duplicates review screen: scan the register, compare a candidate pair field by field,
merge it, mark it "not duplicates", or undo the last merge.

    ┌ Scan · Not duplicates · Merge… · Undo last merge ─────────────── status ┐
    │ candidate pairs (score, both names and organisations, why)              │
    ├ keep: (•) record A  ( ) record B ───────────────────────────────────────┤
    │ field │ record A │ record B   (differences highlighted, a tick per side) │
    │ what moves to the kept record                                           │

All database work goes through the `DbExecutor`; the scan runs on its thread with a progress
dialog that can cancel it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.backup import MERGE_BACKUP_REUSE
from db.duplicates import DuplicatePair, ScanCancelled, dismiss_pair, scan_duplicates
from db.members.types import MemberValidationError
from db.merge import MergeError, MergePreview, Side, last_merge, merge_members, merge_preview
from db.merge import undo_merge as db_undo_merge
from desktop.backup.runner import with_backup
from desktop.db_worker import Changes, DbExecutor
from desktop.duplicates.comparison_model import (
    FIELD_ROLE,
    ComparisonColumn,
    MergeComparisonModel,
)
from desktop.duplicates.naming import (
    dismissed_text,
    fill,
    keep_name,
    record_name,
    undo_question,
    undo_tooltip,
)
from desktop.duplicates.pairs_model import DuplicatePairsModel, PairColumn
from desktop.duplicates.texts import field_label, merge_error_text, table_text
from desktop.i18n import interface_language
from desktop.io.background import collector_frozen
from desktop.members.field_errors import field_error_text
from desktop.members.labels import ViewLabels, read_labels
from desktop.operations.tasks import TaskRunner
from desktop.widgets.progress_dialog import ProgressDialog

log = logging.getLogger(__name__)

MERGE_CHANGES = ("members", "groups", "dues")
# Widths in average characters before the first scan, and the widest a column grows to fit
# what the scan found (องค์การบริหารส่วนตำบล... and a rank prefix fit; the reasons keep room).
FIT_ROWS = 100  # rows measured to fit the pair columns
_PAIR_WIDTHS = {
    PairColumn.SCORE: 7,
    PairColumn.NAME_A: 24,
    PairColumn.ORGANISATION_A: 26,
    PairColumn.NAME_B: 24,
    PairColumn.ORGANISATION_B: 26,
}
_PAIR_MAX_WIDTH = 40


def _other(side: Side) -> Side:
    return "b" if side == "a" else "a"


class DuplicatesView(QWidget):
    scan_finished = Signal(int)  # candidate pairs found
    preview_shown = Signal(str, str)  # a_id, b_id
    merge_finished = Signal(str)  # merge id
    undo_finished = Signal(str)  # merge id
    pair_dismissed = Signal(str, str)  # a_id, b_id

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesView")
        self._executor = executor
        self._labels = ViewLabels()
        self._labels_loaded = False
        self._started = False
        self._pair_columns_fitted = False
        self._preview_request = 0
        self.tasks = TaskRunner(self)
        self.progress: ProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.pairs_model = DuplicatePairsModel(self)
        self.comparison_model = MergeComparisonModel(self)

        self.scan_button = self._button("scanButton", self.tr("Scan for duplicates"))
        self.dismiss_button = self._button("dismissButton", self.tr("Not duplicates"))
        self.merge_button = self._button("mergeButton", self.tr("Merge…"))
        self.undo_button = self._button("undoMergeButton", self.tr("Undo last merge"))
        self.status = QLabel(self.tr("Scan the register to find members recorded twice."), self)
        self.status.setObjectName("duplicatesStatus")
        self.status.setWordWrap(True)

        self.pairs = QTableView(self)
        self.pairs.setObjectName("duplicatePairs")
        self.comparison = QTableView(self)
        self.comparison.setObjectName("mergeComparison")
        self.keep_a = QRadioButton(self)
        self.keep_a.setObjectName("keepRecordA")
        self.keep_b = QRadioButton(self)
        self.keep_b.setObjectName("keepRecordB")
        self._keep = QButtonGroup(self)
        self._keep.addButton(self.keep_a)
        self._keep.addButton(self.keep_b)
        self.summary = QLabel(self)
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)

        self._setup_tables()
        self._setup_layout()
        self._connect()
        self._show_preview(None)

    # -- set-up ------------------------------------------------------------------------------
    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        return button

    def _setup_tables(self) -> None:
        row_height = self.fontMetrics().height() + 10  # room for Thai marks above and below
        char = self.fontMetrics().averageCharWidth()
        for table in (self.pairs, self.comparison):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setWordWrap(False)
            table.setTabKeyNavigation(False)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            table.verticalHeader().setDefaultSectionSize(row_height)
            table.horizontalHeader().setHighlightSections(False)
            table.horizontalHeader().setStretchLastSection(True)
        self.pairs.setModel(self.pairs_model)
        self.pairs.setAlternatingRowColors(True)
        for column, width in _PAIR_WIDTHS.items():
            self.pairs.setColumnWidth(column, width * char)
        self.comparison.setModel(self.comparison_model)
        self.comparison.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(ComparisonColumn.FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ComparisonColumn.A, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ComparisonColumn.B, QHeaderView.ResizeMode.Stretch)
        self.comparison.setColumnWidth(ComparisonColumn.FIELD, 22 * char)

    def _setup_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.scan_button, self.dismiss_button, self.merge_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)

        keep_row = QHBoxLayout()
        keep_label = QLabel(self.tr("Keep:"), self)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep_a)
        keep_row.addWidget(self.keep_b)
        keep_row.addStretch(1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(keep_row)
        lower_layout.addWidget(self.comparison, 1)
        lower_layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("duplicatesSplitter")
        splitter.addWidget(self.pairs)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.scan_button.clicked.connect(self.start_scan)
        self.dismiss_button.clicked.connect(lambda: self.tasks.spawn(self.dismiss_current()))
        self.merge_button.clicked.connect(lambda: self.tasks.spawn(self.merge_current()))
        self.undo_button.clicked.connect(lambda: self.tasks.spawn(self.undo_last_merge()))
        self.pairs.selectionModel().selectionChanged.connect(self._pair_selected)
        self.comparison.clicked.connect(self._comparison_clicked)
        self.keep_a.toggled.connect(lambda on: on and self._set_survivor("a"))
        self.keep_b.toggled.connect(lambda on: on and self._set_survivor("b"))
        self.comparison_model.dataChanged.connect(lambda *_: self._update_summary())
        self._executor.changes_applied.connect(self._changes_applied)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.tasks.spawn(self._load_labels())
            self.tasks.spawn(self.refresh_undo())

    # -- scanning ----------------------------------------------------------------------------
    def start_scan(self) -> None:
        if self.progress is None:
            self.tasks.spawn(self.scan())

    async def scan(self) -> int | None:
        """Scan the register; returns the number of candidate pairs (None when cancelled)."""
        self.scan_button.setEnabled(False)
        dialog = ProgressDialog(
            self,
            title=self.tr("Looking for duplicates"),
            message=self.tr("Comparing the members of the register…"),
        )
        self.progress = dialog
        # The app's objects stay out of the collector's full passes while the scan's rows come
        # and go on the database thread (a pass held the window 0.1-0.2 s at 393,000 members).
        with collector_frozen():
            try:
                pairs = await self._executor.run(
                    scan_duplicates, progress=dialog.report, cancelled=dialog.is_cancelled
                )
            except ScanCancelled:
                self.status.setText(self.tr("The scan was cancelled."))
                return None
            finally:
                dialog.finish()
                self.progress = None
                self.scan_button.setEnabled(True)
            await self._load_labels()
            self.pairs_model.set_pairs(pairs)
            self._fit_pair_columns()
        if pairs:
            self.status.setText(
                self.tr("%Ln candidate pair(s): best matches first.", "", len(pairs))
            )
            self.pairs.selectRow(0)
        else:
            self.status.setText(self.tr("No duplicates found."))
            self._show_preview(None)
        self.scan_finished.emit(len(pairs))
        return len(pairs)

    def _fit_pair_columns(self) -> None:
        """Widen the score, name and organisation columns to what the first scan with pairs
        found (up to :data:`_PAIR_MAX_WIDTH` characters); later scans keep the widths, the
        user's own included. The reasons take the rest."""
        if self._pair_columns_fitted or self.pairs_model.rowCount() == 0:
            return
        self._pair_columns_fitted = True
        char = self.fontMetrics().averageCharWidth()
        # Measured on the first rows only (the best pairs, what the user sees first): Qt's
        # default measures 1,000 rows of Thai text per column, a 180 ms stall of the window.
        header = self.pairs.horizontalHeader()
        precision = header.resizeContentsPrecision()
        header.setResizeContentsPrecision(FIT_ROWS)
        for column in _PAIR_WIDTHS:
            self.pairs.resizeColumnToContents(column)
            width = self.pairs.columnWidth(column) + char  # a gap before the next column
            self.pairs.setColumnWidth(column, min(width, _PAIR_MAX_WIDTH * char))
        header.setResizeContentsPrecision(precision)

    async def _load_labels(self) -> None:
        if not self._labels_loaded:
            self._labels = await self._executor.run(read_labels, language=interface_language())
            self._labels_loaded = True

    # -- the selected pair -------------------------------------------------------------------
    def current_pair(self) -> DuplicatePair | None:
        rows = self.pairs.selectionModel().selectedRows()
        return self.pairs_model.pair(rows[0].row()) if rows else None

    def _pair_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        pair = self.current_pair()
        if pair is None:
            self._show_preview(None)
            return
        self.tasks.spawn(self._load_preview(pair))

    async def _load_preview(self, pair: DuplicatePair) -> None:
        self._preview_request += 1
        request = self._preview_request
        try:
            preview = await self._executor.run(merge_preview, a_id=pair.a_id, b_id=pair.b_id)
        except LookupError:
            if request == self._preview_request:
                self.pairs_model.remove_pair(pair.key)
                self.status.setText(
                    self.tr("One of these members was deleted or merged since the scan.")
                )
            return
        if request != self._preview_request:
            return  # another pair was selected meanwhile
        await self._load_labels()
        self._show_preview(preview)
        self.preview_shown.emit(pair.a_id, pair.b_id)

    def _show_preview(self, preview: MergePreview | None) -> None:
        self.comparison_model.set_preview(preview, self._labels)
        self.comparison.resizeColumnToContents(ComparisonColumn.FIELD)  # labels never elided
        has = preview is not None
        for widget in (self.merge_button, self.dismiss_button, self.keep_a, self.keep_b):
            widget.setEnabled(has)
        if preview is None:
            self.keep_a.setText(self.tr("Record A"))
            self.keep_b.setText(self.tr("Record B"))
            self.summary.setText(self.tr("Select a pair to compare the two records."))
            return
        # Two records of one name: each button adds what tells its record apart.
        self.keep_a.setText(fill(self.tr("Record A: %1"), keep_name(preview, "a", self._labels)))
        self.keep_b.setText(fill(self.tr("Record B: %1"), keep_name(preview, "b", self._labels)))
        button = self.keep_a if preview.suggested_survivor == "a" else self.keep_b
        button.setChecked(True)
        self._update_summary()

    def _set_survivor(self, side: Side) -> None:
        self.comparison_model.set_survivor(side)
        self._update_summary()

    def choose_survivor(self, side: Side) -> None:
        (self.keep_a if side == "a" else self.keep_b).setChecked(True)

    def _comparison_clicked(self, index: QModelIndex) -> None:
        field = index.data(FIELD_ROLE)
        if index.column() == ComparisonColumn.A and field:
            self.comparison_model.set_pick(field, "a")
        elif index.column() == ComparisonColumn.B and field:
            self.comparison_model.set_pick(field, "b")

    def _update_summary(self) -> None:
        preview = self.comparison_model.preview
        if preview is None:
            return
        survivor = self.comparison_model.survivor
        merged = _other(survivor)
        counts = [
            (table_text(r.table), r.count_b if merged == "b" else r.count_a)
            for r in preview.related
        ]
        moving = " · ".join(f"{name} {count}" for name, count in counts if count)
        taken = sum(
            1 for side in self.comparison_model.field_choices().values() if side == "merged"
        )
        kept_name = record_name(preview, survivor, self._labels)
        lines = [
            fill(
                self.tr("Kept: %1. The other record is deleted (Undo last merge brings it back)."),
                kept_name,
            ),
            self.tr("Moves to the kept record: %1.").replace("%1", moving)
            if moving
            else self.tr("Nothing else to move from the other record."),
            self.tr(
                "%Ln value(s) taken from the other record; strengths of both are kept.", "", taken
            ),
        ]
        self.summary.setText("\n".join(lines))

    # -- commands ----------------------------------------------------------------------------
    async def merge_current(self) -> str | None:
        """Merge the pair shown (after the user confirms); returns the merge id."""
        preview = self.comparison_model.preview
        if preview is None:
            return None
        survivor = self.comparison_model.survivor
        survivor_id = preview.member_id(survivor)
        merged_id = preview.member_id(_other(survivor))
        kept = record_name(preview, survivor, self._labels)
        gone = record_name(preview, _other(survivor), self._labels)
        answer = QMessageBox.question(
            self,
            self.tr("Merge members"),
            fill(
                self.tr(
                    "Merge “%1” into “%2”?\n\nThe kept record takes the values ticked for it and"
                    " every group membership, dues payment and strength of both. The other"
                    " record is deleted; Undo last merge brings it back."
                ),
                gone,
                kept,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            merge_id = await self._executor.write(
                with_backup(
                    self._executor, merge_members, reason="before-merge",
                    reuse_within=MERGE_BACKUP_REUSE,
                ),
                changes=Changes.of(*MERGE_CHANGES, ids=(survivor_id, merged_id)),
                initiator=self,
                survivor_id=survivor_id,
                merged_id=merged_id,
                field_choices=self.comparison_model.field_choices(),
            )
        except MergeError as error:
            self._refused(
                self.tr("The members could not be merged"),
                merge_error_text(error.code, error.message),
            )
            return None
        except MemberValidationError as error:
            text = "\n".join(f"{field_label(e.field)}: {field_error_text(e)}" for e in error.errors)
            self._refused(self.tr("The members could not be merged"), text)
            return None
        row = max(0, self.pairs.currentIndex().row())
        self.pairs_model.remove_members((merged_id,))
        self.pairs_model.remove_pair((min(survivor_id, merged_id), max(survivor_id, merged_id)))
        self.status.setText(fill(self.tr("Merged “%1” into “%2”."), gone, kept))
        self._select_row(row)
        await self.refresh_undo()
        self.merge_finished.emit(merge_id)
        return merge_id

    async def dismiss_current(self) -> bool:
        """Mark the pair shown as "not duplicates": later scans leave it out."""
        pair = self.current_pair()
        if pair is None:
            return False
        await self._executor.write(
            dismiss_pair,
            changes=Changes.of("duplicates"),
            initiator=self,
            a_id=pair.a_id,
            b_id=pair.b_id,
        )
        row = max(0, self.pairs.currentIndex().row())
        self.pairs_model.remove_pair(pair.key)
        self.status.setText(dismissed_text(pair))
        self._select_row(row)
        self.pair_dismissed.emit(pair.a_id, pair.b_id)
        return True

    async def refresh_undo(self) -> None:
        record = await self._executor.run(last_merge)
        self.undo_button.setEnabled(record is not None)
        self.undo_button.setToolTip(
            undo_tooltip(record) if record else self.tr("No merge to undo")
        )

    async def undo_last_merge(self) -> str | None:
        """Undo the newest merge not yet undone (after the user confirms); returns its id."""
        record = await self._executor.run(last_merge)
        if record is None:
            await self.refresh_undo()
            self.status.setText(self.tr("There is no merge to undo."))
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Undo merge"),
            undo_question(record),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            await self._executor.write(
                db_undo_merge,
                changes=Changes.of(*MERGE_CHANGES, ids=(record.survivor_id, record.merged_id)),
                initiator=self,
                merge_id=record.id,
            )
        except MergeError as error:
            self._refused(
                self.tr("The merge could not be undone"),
                merge_error_text(error.code, error.message),
            )
            return None
        self.status.setText(self.tr("The merge was undone. Scan again to review these members."))
        await self.refresh_undo()
        self.undo_finished.emit(record.id)
        return record.id

    # -- helpers -----------------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        count = self.pairs_model.rowCount()
        if count == 0:
            self.pairs.clearSelection()
            self._show_preview(None)
            return
        self.pairs.selectRow(min(row, count - 1))

    def _refused(self, title: str, text: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("mergeRefused")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText(text)
        box.open()
        self.message = box

    def _changes_applied(self, changes: Changes, initiator: object | None) -> None:
        if initiator is self or not changes.touches("members"):
            return
        preview = self.comparison_model.preview
        if preview is not None and (not changes.ids or {preview.a_id, preview.b_id} & changes.ids):
            pair = self.current_pair()
            if pair is not None:
                self.tasks.spawn(self._load_preview(pair))
        if self._started:
            self.tasks.spawn(self.refresh_undo())
