"""Edit → Undo: the action that undoes the user's last operation, named after it.

The action's text says what it will undo ("Undo edit of สมชาย ใจดี"), read again after every
change the executor announces and when the Edit menu opens; it is disabled when there is nothing
to undo. Ctrl+Z is the window's, so a text field with the focus keeps its own Ctrl+Z (QLineEdit
and QPlainTextEdit take the key first). The undo runs on the database thread and is announced
through ``changes_applied``, so the views refresh themselves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from db.history.actor import current_actor
from db.history.read import OperationSummary
from db.history.undo import UndoError, UndoResult, last_undoable, undo_last_operation
from desktop.db_worker import Changes, DbExecutor
from desktop.history.texts import operation_text, undo_error_text
from desktop.home.reloader import Reloader
from desktop.operations.tasks import TaskRunner

log = logging.getLogger(__name__)

UNDO_AREAS = ("members", "groups", "dues", "organisations", "history")


class UndoController(QObject):
    """Owns the Undo action (``undoAction``) of a window."""

    undone = Signal(object)  # UndoResult
    refused = Signal(str)  # the UndoError code
    updated = Signal()  # the action's text and state were read again

    def __init__(self, executor: DbExecutor, window: QWidget) -> None:
        super().__init__(window)
        self._executor = executor
        self._window = window
        self._pending: OperationSummary | None = None
        self._running = False
        self._tasks = TaskRunner(window)
        self.action = QAction(window)
        self.action.setObjectName("undoAction")
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setEnabled(False)
        self.action.triggered.connect(lambda _checked=False: self.undo())
        window.addAction(self.action)
        self._reloader = Reloader(self._read, parent=self)
        executor.changes_applied.connect(lambda _changes, _initiator: self._reloader.request())
        self._retranslate()
        window.installEventFilter(self)
        # Once the event loop runs (the window is built before the asyncio loop starts).
        QTimer.singleShot(0, self, self.refresh_now)

    def pending(self) -> OperationSummary | None:
        """What the action would undo now (as last read)."""
        return self._pending

    def refresh(self) -> None:
        """Read again what there is to undo (the Edit menu calls it when it opens)."""
        self._reloader.request()

    def refresh_now(self) -> None:
        self._reloader.run_now()

    def stop(self) -> None:
        self._reloader.stop()

    def undo(self) -> None:
        if self._running:
            return
        self._running = True
        self.action.setEnabled(False)
        self._tasks.spawn(self._undo())

    async def _undo(self) -> None:
        try:
            result: UndoResult = await self._executor.write(
                undo_last_operation,
                changes=Changes.of(*UNDO_AREAS),
                initiator=self,
                actor=current_actor(),
            )
        except UndoError as error:
            self._running = False
            self._show_refusal(error)
            self.refused.emit(error.code)
            self._reloader.run_now()
            return
        except Exception:
            self._running = False
            self._reloader.run_now()
            raise  # the task runner shows it
        self._running = False
        status = getattr(self._window, "statusBar", None)
        if callable(status):
            status().showMessage(
                self.tr("Undone: %1").replace("%1", operation_text(result.undone)), 5000
            )
        self.undone.emit(result)

    def _show_refusal(self, error: UndoError) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName("undoRefused")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Undo"))
        box.setText(self.tr("The last change could not be undone"))
        box.setInformativeText(undo_error_text(error.code, error.message))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    async def _read(self) -> None:
        try:
            pending = await self._executor.run(last_undoable, actor=current_actor())
        except Exception:
            log.exception("what to undo could not be read")
            pending = None
        self._pending = pending
        self._retranslate()
        self.updated.emit()

    def _retranslate(self) -> None:
        if self._pending is None:
            self.action.setText(self.tr("&Undo"))
            self.action.setEnabled(False)
            return
        self.action.setText("&" + operation_text(self._pending))
        self.action.setEnabled(not self._running)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)
