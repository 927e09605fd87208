"""Running a widget's coroutines on the qasync loop, reporting any failure in a dialog."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from desktop.operations.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRunner(QObject):
    """Keeps the tasks a widget started alive until they finish (asyncio holds only weak
    references) and shows an error dialog, over the widget, when one fails."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def pending(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("a task of %s failed", self._widget.objectName(), exc_info=error)
            show_error(
                self._widget,
                QCoreApplication.translate("Operations", "Something went wrong"),
                error,
            )
