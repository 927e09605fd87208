"""The member import wizard: file and sheet, header and column mapping, preview, run.

Every read of the file and the import itself run on the database executor's thread; results
come back through queued signals (desktop.io.background), progress is polled from a
thread-safe state, so the UI never waits on the work. A successful import announces
``Changes.of("members", "organisations", "groups", "dues")`` once.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from db.io.import_members import ImportPreview, preview
from db.io.import_report import ImportReport
from db.io.mapping import ColumnMapping
from db.io.readers import ImportFileError, TableCache, hidden_sheets, list_sheets
from desktop.db_worker import DbExecutor
from desktop.io.background import deliver, freeze_collector, thaw_collector
from desktop.io.import_pages import ImportFilePage, ImportMappingPage
from desktop.io.import_run import ImportPreviewPage, ImportRunPage
from desktop.io.texts import file_error_message
from desktop.operations.errors import describe

PREVIEW_ROWS = 200


class FileRead(NamedTuple):
    """What a read of the file found: its sheets, the preview of one, its hidden sheets."""

    sheets: list[str]
    preview: ImportPreview
    hidden: list[str]


def _inspect(
    *,
    session: Any,
    path: Path,
    sheet: str | None,
    header_row: int | None,
    mapping: ColumnMapping | None,
    cache: TableCache,
) -> FileRead:
    """The workbook's sheets, the preview of the chosen (or best) sheet, its hidden sheets."""
    sheets = list_sheets(path)
    shown = preview(
        session, path=path, sheet=sheet, header_row=header_row, mapping=mapping,
        limit=PREVIEW_ROWS, cache=cache,
    )  # fmt: skip
    hidden = [name for name in hidden_sheets(path) if name not in sheets]
    return FileRead(sheets, shown, hidden)


def error_text(error: BaseException) -> str:
    if isinstance(error, ImportFileError):
        return file_error_message(error)
    return describe(error)


class ImportWizard(QWizard):
    FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RUN_PAGE = range(4)

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.executor = executor
        # What the user chose so far.
        self.path: Path | None = None
        self.sheet: str | None = None
        self.sheets: list[str] = []
        self.header_row: int | None = None
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self._close_when_stopped = False  # Esc or close during the import: close once stopped
        # The sheet read for the previews, reused by the next preview and the import (a
        # national register's file is read once, not three times); dropped when it ends.
        # Big files are read by a child process: freeing calamine's parse of a national
        # register held the GIL, and so this window, for 0.1-0.35 s (db.io.sheet_process).
        self.table_cache = TableCache(read_in_child=True)
        # The sheet's millions of cells stay out of the collector's passes while the wizard is
        # open (db.io.collector freezes them; a pass over them held the GIL, and so the window,
        # for 0.1-0.3 s each time): everything is handed back to it when the wizard closes.
        freeze_collector()
        self._collector_frozen = True
        self.file_page = ImportFilePage(self)
        self.mapping_page = ImportMappingPage(self)
        self.preview_page = ImportPreviewPage(self)
        self.run_page = ImportRunPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self.setPage(self.RUN_PAGE, self.run_page)
        self.resize(980, 680)

    def read_preview(
        self,
        owner: QWidget,
        *,
        mapping: ColumnMapping | None,
        on_done: Any,
        on_error: Any,
    ) -> None:
        """Read the sheets and the preview of the current file on the database thread."""
        assert self.path is not None
        future = self.executor.submit(
            _inspect, path=self.path, sheet=self.sheet, header_row=self.header_row,
            mapping=mapping, cache=self.table_cache,
        )  # fmt: skip
        freeze_collector()
        deliver(owner, future, on_done, on_error, always=thaw_collector)

    def mapping(self) -> ColumnMapping:
        return self.mapping_page.model.mapping()

    def reject(self) -> None:
        """Esc, the window's close button or Cancel: during an import, cancel it and close once
        it has stopped (nothing of it is kept); the run page's own Cancel button keeps the
        wizard open to say so."""
        if self.run_page.running:
            self._close_when_stopped = True
            self.run_page.cancel()
            return
        super().reject()

    def import_stopped(self, *, cancelled: bool) -> None:
        """The run page's import ended: close if the user asked to while it ran and it was
        cancelled. An import that finished (the cancel came too late) or failed stays shown."""
        wanted = self._close_when_stopped
        self._close_when_stopped = False
        if wanted and cancelled:
            super().reject()

    def release_sheet(self) -> None:
        """Free the sheet read for the previews on a thread of its own (a slice at a time, so
        the window keeps turning)."""
        threading.Thread(target=self.table_cache.release, name="release-sheet", daemon=True).start()

    def done(self, result: int) -> None:
        if not self.run_page.running:
            self.release_sheet()
            if self._collector_frozen:
                self._collector_frozen = False
                thaw_collector()
        super().done(result)


def open_import_wizard(parent: QWidget | None, executor: DbExecutor) -> None:
    """Open the import wizard over `parent` (non-blocking; it deletes itself when closed)."""
    wizard = ImportWizard(executor, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
