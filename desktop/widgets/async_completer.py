"""Completion for a line edit whose suggestions come from the database, fetched as you type.

The database finds the matches (Thai substrings, not only prefixes), so the completer shows the
list it is given unfiltered. Fetches wait for a pause in typing and a late answer to an earlier
text is dropped. Choosing a suggestion emits `chosen(index)` with its position in the last list.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from db.thai.text import clean_text

log = logging.getLogger(__name__)

DEFAULT_DELAY_MS = 150

Fetch = Callable[[str], Awaitable[Sequence[str]]]


class AsyncCompleter(QObject):
    chosen = Signal(int)  # position of the chosen suggestion in the last list
    suggestions_shown = Signal(int)  # how many suggestions arrived

    def __init__(
        self,
        line_edit: QLineEdit,
        fetch: Fetch,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        min_chars: int = 1,
    ) -> None:
        super().__init__(line_edit)
        self._line_edit = line_edit
        self._fetch = fetch
        self._min_chars = min_chars
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        line_edit.setCompleter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start_fetch)
        line_edit.textEdited.connect(self._on_edited)

    def completer(self) -> QCompleter:
        return self._completer

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    def request(self, text: str | None = None) -> None:
        """Fetch suggestions for `text` (default: the field's text) now."""
        self._timer.stop()
        self._generation += 1
        query = clean_text(self._line_edit.text() if text is None else text)
        self._task = asyncio.ensure_future(self._load(query, self._generation))

    def is_busy(self) -> bool:
        return self._timer.isActive() or (self._task is not None and not self._task.done())

    def _on_edited(self, text: str) -> None:
        self._generation += 1  # an answer for older text is stale from now on
        if len(clean_text(text)) < self._min_chars:
            self._timer.stop()
            self._model.setStringList([])
            return
        self._timer.start()

    def _start_fetch(self) -> None:
        self.request()

    async def _load(self, text: str, generation: int) -> None:
        try:
            suggestions = list(await self._fetch(text))
        except Exception:
            log.exception("suggestions for %r could not be read", text)
            return
        if generation != self._generation:
            return
        self._model.setStringList(suggestions)
        self.suggestions_shown.emit(len(suggestions))
        if suggestions and self._line_edit.hasFocus():
            self._completer.complete()

    def _on_activated(self, index: QModelIndex) -> None:
        self.chosen.emit(index.row())
