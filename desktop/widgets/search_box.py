"""A search field for search-as-you-type: clear button, Esc clears, optional debounce.

`search_requested(text)` is emitted once typing pauses for `debounce_ms` (0: at every edit),
and at once when the user presses Enter or clears the field. The text is cleaned of invisible
characters and extra spaces (pasted Thai often carries zero-width spaces).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from db.thai.text import clean_text

DEFAULT_DEBOUNCE_MS = 120


class SearchBox(QLineEdit):
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEFAULT_DEBOUNCE_MS):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, debounce_ms))
        self._timer.timeout.connect(self._emit_now)
        self._last_emitted: str | None = None
        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self._emit_now)

    def debounce_ms(self) -> int:
        return self._timer.interval()

    def set_debounce_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(max(0, milliseconds))

    def search_text(self) -> str:
        """The text as searched: cleaned of invisible characters and runs of spaces."""
        return clean_text(self.text())

    def is_pending(self) -> bool:
        """True while a search waits for typing to pause."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Emit a pending search now."""
        if self._timer.isActive():
            self._emit_now()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_text_changed(self, text: str) -> None:
        if not text or self._timer.interval() == 0:
            self._emit_now()
        else:
            self._timer.start()

    def _emit_now(self) -> None:
        self._timer.stop()
        text = self.search_text()
        if text == self._last_emitted:
            return
        self._last_emitted = text
        self.search_requested.emit(text)
