"""The import wizard's last pages: the preview with duplicates policy, and the run itself."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from db.engine import Database
from db.io.import_members import ImportCancelled
from db.io.import_problems import ImportProblem, ProblemKind, ProblemList, import_and_list_problems
from db.io.import_report import ImportReport, write_error_report
from db.io.readers import TableCache
from db.io.undo_import import UndoImportError, UndoSummary, undo_import
from desktop import i18n
from desktop.backup.runner import with_backup
from desktop.db_worker import Changes
from desktop.io.background import (
    BulkWriteFollowUp,
    ProgressState,
    deliver,
    freeze_collector,
    thaw_collector,
)
from desktop.io.import_models import PreviewModel
from desktop.io.problems_model import ProblemsModel
from desktop.io.texts import undo_error_text

if TYPE_CHECKING:
    from desktop.io.import_wizard import FileRead, ImportWizard

IMPORT_CHANGES = ("members", "organisations", "groups", "dues")
POLL_MS = 50
INDEXING_POLL_MS = 500


SIZE_FROM_ROWS = 25  # preview rows the column widths are measured on


class ImportPreviewPage(QWizardPage):
    """The first rows as they will be stored, problems highlighted; what to do with duplicates."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._busy = False
        self.setObjectName("importPreviewPage")
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr(
            "Rows in red will not be imported (the wrong value in dark red); rows in amber will, "
            "with a note; rows in blue may be members already registered or repeat an earlier "
            "row (choose below what to do with them). Point at a row to see why."
        ))  # fmt: skip
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importPreviewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the first rows only: measuring all 200 preview rows' cells held the
        # window a quarter of a second each time the preview came in.
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.counts = QLabel(self)
        self.counts.setObjectName("importPreviewCounts")
        self.counts.setWordWrap(True)
        self.skip = QRadioButton(self.tr("Skip them (keep the member already registered)"), self)
        self.skip.setObjectName("duplicateSkip")
        self.update_existing = QRadioButton(
            self.tr("Update the registered member with the file's values"), self
        )
        self.update_existing.setObjectName("duplicateUpdate")
        self.new = QRadioButton(self.tr("Import them as new members"), self)
        self.new.setObjectName("duplicateNew")
        self.skip.setChecked(True)
        self.policy = QButtonGroup(self)
        for button in (self.skip, self.update_existing, self.new):
            self.policy.addButton(button)
        box = QGroupBox(self.tr("Members already registered (duplicates)"), self)
        box_layout = QHBoxLayout(box)
        for button in (self.skip, self.update_existing, self.new):
            box_layout.addWidget(button)
        box_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(box)

    def on_duplicate(self) -> str:
        if self.update_existing.isChecked():
            return "update"
        return "new" if self.new.isChecked() else "skip"

    def initializePage(self) -> None:
        self._busy = True
        self.model.set_rows(())
        self.counts.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()
        self._wizard.read_preview(self, mapping=self._wizard.mapping(), on_done=self._read_done,
                                  on_error=self._read_failed)  # fmt: skip

    def _read_done(self, result: FileRead) -> None:
        shown = result.preview
        self._busy = False
        self._wizard.preview = shown
        self.model.set_rows(shown.rows, mapping=shown.mapping, headers=shown.headers)
        errors, warnings, duplicates = self.model.counts()
        self.counts.setText(
            self.tr("%Ln row(s) in the file.", "", shown.data_rows)
            + " "
            + self.tr("Of the first %Ln shown:", "", len(shown.rows))
            + " "
            + self.tr("%Ln with errors (not imported),", "", errors)
            + " "
            + self.tr("%Ln with warnings,", "", warnings)
            + " "
            + self.tr("%Ln possible duplicate(s).", "", duplicates)
        )
        self.completeChanged.emit()

    def _read_failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self._busy = False
        self.counts.setText(error_text(error))
        self.completeChanged.emit()

    def busy(self) -> bool:
        return self._busy

    def isComplete(self) -> bool:
        return not self._busy and self.model.rowCount() > 0


class ImportRunPage(QWizardPage):
    """The import with a progress bar and cancel, then its summary, error report and undo."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.running = False
        self._finished = False
        self._progress = ProgressState()
        self.follow_up: BulkWriteFollowUp | None = None  # search index and log, after an import
        self.setObjectName("importRunPage")
        self.setTitle(self.tr("Importing"))
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Save error report…"), self)
        self.report_button.setObjectName("saveErrorReport")
        self.report_button.clicked.connect(self._ask_report_path)
        # "Undo" (เลิกทำ, as the Edit menu says), never "cancel": cancelling stops a running
        # import, undoing takes a finished one back, after a question.
        self.undo_button = QPushButton(self.tr("Undo this import…"), self)
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self.confirm_undo)
        self.undo_keep_button = QPushButton(self.tr("Undo the rest, keep the changed members"))
        self.undo_keep_button.setObjectName("undoImportKeepChanged")
        self.undo_keep_button.setVisible(False)
        self.undo_keep_button.clicked.connect(lambda: self.undo(keep_changed=True))
        self.status = QLabel(self)
        self.status.setObjectName("importRunStatus")
        self.status.setWordWrap(True)
        # After the import: every rejected row, warning and duplicate, with the cell concerned.
        self.problems = ProblemsModel(self)
        self.problem_filter = QComboBox(self)
        self.problem_filter.setObjectName("importProblemFilter")
        self.problem_filter.currentIndexChanged.connect(self._filter_problems)
        self.problems_hint = QLabel(self)
        self.problems_hint.setObjectName("importProblemsHint")
        self.problems_hint.setWordWrap(True)
        self.problems_table = QTableView(self)
        self.problems_table.setObjectName("importProblemsTable")
        self.problems_table.setModel(self.problems)
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setWordWrap(False)
        self.problems_table.setAlternatingRowColors(False)
        header = self.problems_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        # While the new members' search documents are written in the background.
        self._indexing_text = ""
        self._indexing_timer = QTimer(self)
        self._indexing_timer.setInterval(INDEXING_POLL_MS)
        self._indexing_timer.timeout.connect(self._poll_indexing)

        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.undo_keep_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.problem_filter)
        filter_row.addWidget(self.problems_hint, 1)
        layout.addLayout(filter_row)
        layout.addWidget(self.problems_table, 1)
        self._stretch = layout.count()
        layout.addStretch(1)
        self._show_problems(False)

    def _show_problems(self, shown: bool) -> None:
        for widget in (self.problem_filter, self.problems_hint, self.problems_table):
            widget.setVisible(shown)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self._stretch, 0 if shown else 1)  # the table takes the room

    def initializePage(self) -> None:
        wizard = self._wizard
        assert wizard.path is not None
        self._progress = ProgressState()
        self._finished = False
        self.running = True
        self._started = time.monotonic()
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.report_button.setVisible(False)
        self.undo_button.setVisible(False)
        self.summary.setText(self.tr("Reading and checking the rows…"))
        self.status.clear()
        self.problems.set_problems([])
        self._show_problems(False)
        import_after_backup = with_backup(wizard.executor, _import, reason="before-import")
        future = wizard.executor.submit(
            import_after_backup, database=wizard.executor.database, path=wizard.path,
            sheet=wizard.sheet, mapping=wizard.mapping(),
            header_row=wizard.header_row, on_duplicate=wizard.preview_page.on_duplicate(),
            remember_mapping=wizard.mapping_page.remember.isChecked(),
            progress=self._progress.report, cache=wizard.table_cache,
        )  # fmt: skip
        freeze_collector()
        deliver(self, future, self._imported, self._failed, always=thaw_collector)
        self._timer.start()
        self.completeChanged.emit()

    def cancel(self) -> None:
        """Stop the import: nothing of it is kept."""
        if self.running:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Cancelling…"))

    def _poll(self) -> None:
        done, total = self._progress.snapshot()
        if total > 0:
            if done >= total:
                # The last steps (indexes, search index, commit) report no fraction: a busy bar,
                # not one that looks stuck at 100% for seconds.
                self.bar.setRange(0, 0)
                if not self._progress.is_cancelled():
                    self.summary.setText(self.tr("Saving the members…"))
                return
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            if not self._progress.is_cancelled():
                text = self.tr("%1 of %2 rows checked…")
                self.summary.setText(text.replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    def _stop(self) -> None:
        self._timer.stop()
        self.running = False
        self._finished = True
        self.cancel_button.setVisible(False)
        self.completeChanged.emit()

    def _imported(self, result: tuple[ImportReport, ProblemList]) -> None:
        report, problems = result
        self.follow_up = BulkWriteFollowUp(self._wizard.executor)
        self._stop()
        if report.search_backlog:
            self._indexing_text = self.tr(
                "The search index of the new members is being written in the background:"
                " until it is done, searching takes a little longer."
            )
            self.status.setText(self._indexing_text)
            self._indexing_timer.start()
        self._wizard.report = report
        if not report.rejected:
            # The sheet read for the previews is not needed any more (with rejected rows it is
            # kept for the error report until the wizard closes).
            self._wizard.release_sheet()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.setTitle(self.tr("Import finished"))
        self.summary.setText(
            self.tr("Imported: %1. Updated: %2. Skipped (duplicates): %3. Rejected: %4.")
            .replace("%1", f"{report.imported:,}").replace("%2", f"{report.updated:,}")
            .replace("%3", f"{report.skipped:,}").replace("%4", f"{report.rejected:,}")
        )  # fmt: skip
        self.report_button.setVisible(report.rejected > 0)
        self.undo_button.setVisible(report.run_id is not None)
        self.undo_button.setEnabled(True)
        self._list_problems(report, problems)
        self._wizard.executor.changes_applied.emit(Changes.of(*IMPORT_CHANGES), self._wizard)
        if self._progress.is_cancelled():
            self.status.setText(self.tr(
                "The import had finished before it could be cancelled: undo it here if it is "
                "not wanted."
            ))  # fmt: skip
        self._wizard.import_stopped(cancelled=False)

    def _poll_indexing(self) -> None:
        if self.follow_up is None or not self.follow_up.done():
            return
        self._indexing_timer.stop()
        if self.status.text() != self._indexing_text:
            return  # replaced by an undo's message
        if self.follow_up.indexed:
            self.status.setText(self.tr("The search index is up to date."))
        else:  # not written (the file moved, a disk error): the next start writes it
            self.status.clear()

    def _failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self._stop()
        self._wizard.release_sheet()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(error, ImportCancelled):
            self.setTitle(self.tr("Import cancelled"))
            self.summary.setText(self.tr("The import was cancelled: nothing was imported."))
        else:
            self.setTitle(self.tr("Import failed"))
            self.summary.setText(
                self.tr("Nothing was imported: %1").replace("%1", error_text(error))
            )
        self._wizard.import_stopped(cancelled=isinstance(error, ImportCancelled))

    def isComplete(self) -> bool:
        return self._finished

    # -- the problems list -------------------------------------------------------------------
    def _list_problems(self, report: ImportReport, found: ProblemList) -> None:
        problems: list[ImportProblem] = found.problems
        self.problems.set_problems(problems)
        self.problem_filter.blockSignals(True)
        self.problem_filter.clear()
        choices: list[tuple[str, ProblemKind | None]] = [
            (self.tr("All problems (%1)"), None),
            (self.tr("Rows not imported (%1)"), "error"),
            (self.tr("Warnings (%1)"), "warning"),
            (self.tr("Duplicates (%1)"), "duplicate"),
        ]
        for text, kind in choices:
            count = self.problems.count(kind)
            if kind is None or count:
                self.problem_filter.addItem(text.replace("%1", f"{count:,}"), kind)
        # Rows that were not imported first: they are the ones to fix.
        first = self.problem_filter.findData("error")
        self.problem_filter.setCurrentIndex(max(first, 0))
        self.problem_filter.blockSignals(False)
        self._filter_problems()
        hint = (
            self.tr("Save the error report, fix those rows in it and import that file again.")
            if report.rejected else ""
        )  # fmt: skip
        if found.total > len(problems):
            listed = self.tr("The first %1 of %2 problems are listed.")
            hint = (
                listed.replace("%1", f"{len(problems):,}").replace("%2", f"{found.total:,}")
                + " " + hint
            ).strip()  # fmt: skip
        self.problems_hint.setText(hint)
        self._show_problems(bool(problems))
        if problems:
            table = self.problems_table
            table.resizeColumnsToContents()
            table.setColumnWidth(ProblemsModel.VALUE, min(table.columnWidth(ProblemsModel.VALUE),
                                                          260))  # fmt: skip

    def _filter_problems(self) -> None:
        self.problems.show_kind(self.problem_filter.currentData())

    # -- after the import --------------------------------------------------------------------
    def choose_report_path(self) -> str:
        """Ask where to save the error report ('' when the user declines)."""
        source = self._wizard.path
        suggested = source.with_name(f"{source.stem}-errors.xlsx") if source else Path()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save error report"), str(suggested), self.tr("Excel workbook (*.xlsx)")
        )
        return name

    def _ask_report_path(self) -> None:
        name = self.choose_report_path()
        if name:
            self.save_error_report(Path(name) if name.endswith(".xlsx") else Path(name + ".xlsx"))

    def save_error_report(self, out_path: Path) -> None:
        """Write the rejected rows with a reason column to `out_path` (off the UI thread)."""
        report, source = self._wizard.report, self._wizard.path
        assert report is not None and source is not None
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Saving the error report…"))
        future = self._wizard.executor.submit(
            _write_report,
            report=report,
            source=source,
            out_path=out_path,
            cache=self._wizard.table_cache,
        )
        deliver(self, future, lambda rows: self._report_saved(out_path, rows), self._report_failed)

    def _report_saved(self, out_path: Path, rows: int) -> None:
        self.report_button.setEnabled(True)
        self.status.setText(
            self.tr("%Ln rejected row(s) saved to %1: fix them there and import that file.", "",
                    rows).replace("%1", str(out_path))
        )  # fmt: skip

    def _report_failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self.report_button.setEnabled(True)
        self.status.setText(
            self.tr("The error report could not be saved: %1").replace("%1", error_text(error))
        )

    def undo_question(self) -> str:
        """What undoing the import shown will do, asked before it is done."""
        report = self._wizard.report
        assert report is not None
        lines = [self.tr("%Ln member(s) added by this import will be removed.", "",
                         report.imported)]  # fmt: skip
        if report.updated:
            lines.append(self.tr(
                "%Ln member(s) it updated will get their earlier details back.", "",
                report.updated,
            ))  # fmt: skip
        if report.created_organisations or report.created_groups:
            lines.append(self.tr("The organisations and groups it created will be removed."))
        return self.tr("Undo this import?") + "\n\n" + "\n".join(lines)

    def confirm_undo(self) -> bool:
        """Undo the import after the user says yes (it may remove thousands of members);
        returns whether the undo was started."""
        answer = QMessageBox.question(
            self,
            self.tr("Undo the import"),  # not the old button text, whose Thai said "cancel"
            self.undo_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.undo()
        return True

    def undo(self, *, keep_changed: bool = False) -> None:
        """Take the whole import back as one step (`keep_changed`: leave the members edited
        since the import as they are). The button asks first (:meth:`confirm_undo`)."""
        report = self._wizard.report
        assert report is not None and report.run_id is not None
        self.undo_button.setEnabled(False)
        self.undo_keep_button.setVisible(False)
        self.status.setText(self.tr("Undoing this import…"))
        future = self._wizard.executor.submit(
            undo_import, run_id=report.run_id, keep_changed=keep_changed
        )
        deliver(self, future, self._undone, self._undo_failed)

    def _undone(self, summary: UndoSummary) -> None:
        text = (
            self.tr("This import was undone: %Ln member(s) removed,", "", summary.deleted)
            + " " + self.tr("%Ln restored.", "", summary.restored)
        )  # fmt: skip
        if summary.kept_changed:
            text += " " + self.tr(
                "Kept %Ln member(s) changed since the import.", "", len(summary.kept_changed)
            )
        # The import's counts and problem rows no longer apply: the page says what is now so.
        self.setTitle(self.tr("Import undone"))
        self.summary.setText(text)
        self.status.clear()
        self.undo_button.setVisible(False)
        self.report_button.setVisible(False)
        self.problems_hint.clear()
        self.problems.set_problems([])
        self.problem_filter.clear()
        self._show_problems(False)
        self._wizard.executor.changes_applied.emit(Changes.of(*IMPORT_CHANGES), self._wizard)

    def _undo_failed(self, error: BaseException) -> None:
        from desktop.io.import_wizard import error_text

        self.undo_button.setEnabled(True)
        if isinstance(error, UndoImportError):
            self.status.setText(undo_error_text(
                error.code, error.message, changed=len(error.member_ids),
                names=error.member_names,
            ))  # fmt: skip
            self.undo_keep_button.setVisible(error.code == "changed_since_import")
        else:
            self.status.setText(error_text(error))


def _write_report(
    *, session: Any, report: ImportReport, source: Path, out_path: Path, cache: TableCache
) -> int:
    del session  # run on the database thread for its ordering; the report needs no database
    return write_error_report(
        report, source, out_path, cache=cache, language=i18n.current_language()
    )


def _import(
    *, session: Any, database: Database, **options: Any
) -> tuple[ImportReport, ProblemList]:
    """On the database thread: the import commits its own transaction (``session``, the
    executor's, is left unused) without writing a bulk import's search documents or copying
    its write-ahead log into the database file; the run page has both done in the background
    once the result is shown (searches find the new members meanwhile)."""
    del session
    return import_and_list_problems(
        database, checkpoint=False, defer_search_index=True, **options
    )
