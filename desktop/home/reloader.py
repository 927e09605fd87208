"""Reloading a view's data off the UI thread: debounced, never two loads at once, latest wins.

A burst of ``changes_applied`` announcements (a data-entry session, an import) asks for a reload
many times; the view loads once when the burst is over, and a request that arrives while a load
runs makes exactly one more load afterwards, so what is shown is never older than the last change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class Reloader(QObject):
    def __init__(
        self,
        load: Callable[[], Awaitable[None]],
        *,
        debounce_ms: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.run_now)

    def request(self) -> None:
        """Reload once no further request has come for ``debounce_ms``."""
        if not self._stopped:
            self._timer.start()

    def run_now(self) -> None:
        """Reload now (or right after the load that is running)."""
        self._timer.stop()
        if self._stopped:
            return
        if self.is_running():
            self._again = True
            return
        self._task = asyncio.ensure_future(self._run())

    def is_running(self) -> bool:
        return self._task is not None and not self._task.done()

    def is_pending(self) -> bool:
        """A load is running or waiting for its debounce delay."""
        return self.is_running() or self._timer.isActive()

    def stop(self) -> None:
        """No more loads (the window is closing); a running one is cancelled."""
        self._stopped = True
        self._timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                await self._load()
            except asyncio.CancelledError:
                raise
            except Exception:  # the load shows its own errors; this is a last resort
                log.exception("reloading failed")
            if not self._again or self._stopped:
                return
