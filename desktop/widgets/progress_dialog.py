"""Progress of long work (import, export, sync, big documents) with a cancel button.

The work runs elsewhere (the database thread, a thread pool, an asyncio task) and calls
`report(done, total, message)` and `is_cancelled()`, both safe from any thread: reports are
coalesced, so a worker reporting every row costs the UI one repaint per event-loop turn, never
one queued call per row (STYLE 6). The dialog appears only when the work lasts longer than
`show_after_ms`, so quick work does not flash a window.

    dialog = ProgressDialog(parent, title=self.tr("Importing members"))
    result = await executor.run(import_file, path=path, progress=dialog.report,
                                cancelled=dialog.is_cancelled)
    dialog.finish()
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

DEFAULT_SHOW_AFTER_MS = 400


class ProgressDialog(QDialog):
    cancel_requested = Signal()
    _reported = Signal()  # internal: a report waits to be shown (queued across threads)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        title: str,
        message: str = "",
        cancellable: bool = True,
        show_after_ms: int = DEFAULT_SHOW_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._cancel_event = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int | None, str | None] = (0, None, None)
        self._pending = False
        self._finished = False

        self._label = QLabel(message, self)
        self._label.setObjectName("progressMessage")
        self._label.setWordWrap(True)
        self._bar = QProgressBar(self)
        self._bar.setObjectName("progressBar")
        self._bar.setRange(0, 0)  # busy until the first report with a total
        self._cancel = QPushButton(self.tr("Cancel"), self)
        self._cancel.setObjectName("progressCancel")
        self._cancel.setVisible(cancellable)
        self._cancel.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(380)

        self._reported.connect(self._apply_report, Qt.ConnectionType.QueuedConnection)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_if_running)
        if show_after_ms <= 0:
            self.show()
        else:
            self._show_timer.start(show_after_ms)

    # -- for the work (any thread) -----------------------------------------------------------
    def report(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Record progress: `done` of `total` steps (total None: unknown), optional message."""
        with self._lock:
            self._latest = (done, total, message)
            if self._pending:
                return
            self._pending = True
        self._reported.emit()

    def is_cancelled(self) -> bool:
        return self._cancel_event.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        return self._cancel_event

    # -- for the UI thread -------------------------------------------------------------------
    def cancel(self) -> None:
        if self._cancel_event.is_set():
            return
        self._cancel_event.set()
        self._cancel.setEnabled(False)
        self._label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def finish(self) -> None:
        """The work is over (done, failed or cancelled): close the dialog."""
        self._finished = True
        self._show_timer.stop()
        self.accept()

    def value(self) -> int:
        return self._bar.value()

    def maximum(self) -> int:
        return self._bar.maximum()

    def message(self) -> str:
        return self._label.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finished:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _show_if_running(self) -> None:
        if not self._finished:
            self.show()

    def _apply_report(self) -> None:
        with self._lock:
            done, total, message = self._latest
            self._pending = False
        if total is None or total <= 0:
            self._bar.setRange(0, 0)
        else:
            self._bar.setRange(0, total)
            self._bar.setValue(max(0, min(done, total)))
        if message is not None and not self._cancel_event.is_set():
            self._label.setText(message)
