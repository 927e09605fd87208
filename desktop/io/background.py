"""Long work off the UI thread, its outcome delivered back on the UI thread.

`deliver(owner, future, on_done, on_error)` calls one of the two callbacks on `owner`'s thread
(the UI thread) once the future finishes; the worker thread only emits a queued signal (STYLE 6).
`ProgressState` is what the work reports into (any thread) and the UI polls with a timer, so a
worker reporting every batch costs the UI nothing more than one repaint per tick.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import logging
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from db.search import index_search_backlog_slice

if TYPE_CHECKING:
    from desktop.db_worker import DbExecutor


class _Relay(QObject):
    """Lives on the UI thread for the whole session; runs the jobs workers hand it there."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(job: Callable[[], None]) -> None:
        job()


_relay: _Relay | None = None


def deliver(
    owner: QObject,
    future: concurrent.futures.Future[Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    always: Callable[[], None] | None = None,
) -> None:
    """Call `on_done(result)` or `on_error(exception)` on the UI thread when `future` ends,
    unless `owner` has been deleted by then; `always()` runs first in every case. Call from the
    UI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    relay = _relay

    def job() -> None:
        if always is not None:
            always()
        if not shiboken6.isValid(owner):
            return  # the window closed while the work ran
        if future.cancelled():
            on_error(concurrent.futures.CancelledError())
            return
        error = future.exception()
        if error is not None:
            on_error(error)
        else:
            on_done(future.result())

    future.add_done_callback(lambda _future: relay.arrived.emit(job))


class ProgressState:
    """Progress of one piece of work: written by the worker, read by the UI (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> bool:
        """The work's progress callback: False once the user asked to cancel."""
        with self._lock:
            self._done, self._total = done, total
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total


_frozen = 0


def freeze_collector() -> None:
    """Leave the objects alive now (the whole app) out of the collector's full passes while
    long work runs on a thread: a full pass there holds the GIL, and so the UI, for 100-250 ms
    (measured during a 20,000-row import); the work's own new objects are still collected.
    Calls nest; each must be paired with :func:`thaw_collector` (on the UI thread)."""
    global _frozen
    if _frozen == 0:
        gc.freeze()
    _frozen += 1


def thaw_collector() -> None:
    global _frozen
    _frozen = max(0, _frozen - 1)
    if _frozen == 0:
        gc.unfreeze()


CHECKPOINT_AFTER_MS = 1_500

log = logging.getLogger(__name__)


class BulkWriteFollowUp:
    """After a bulk write committed: the search documents it left to write (the backlog of
    :mod:`db.search`), a slice per job of the app's database thread (``executor``), between
    the user's own writes, which therefore never meet a slice's commit in the way of theirs;
    then, on a thread of its own, the write-ahead log copied into the database file (an import
    of the whole register leaves about a gigabyte of log; copying it takes 2-3 s, which the
    user no longer waits for; other connections keep reading and writing meanwhile). It starts
    ``after_ms`` later, from the event loop, once the window has shown the result: begun at
    once, the copy stretched the window's last stall of a 393,000-row import to 109-115 ms in
    3 runs of 11. Quitting waits for the slice being written (:func:`stop_background_work`
    asks the rest to wait for the next start, see :func:`resume_search_backlog`). With
    ``only_after_backlog`` the log is copied only if there was a backlog to write."""

    _running: ClassVar[set[BulkWriteFollowUp]] = set()

    def __init__(
        self,
        executor: DbExecutor,
        *,
        after_ms: int = CHECKPOINT_AFTER_MS,
        only_after_backlog: bool = False,
    ) -> None:
        self._executor = executor
        self._database = executor.database
        self._only_after_backlog = only_after_backlog
        self._stop = threading.Event()
        self._finished = threading.Event()
        self.started = False
        self.indexed = 0  # rowids of the backlog covered
        BulkWriteFollowUp._running.add(self)
        QTimer.singleShot(after_ms, self._start)  # no receiver: runs if the page closes

    def _start(self) -> None:
        if self._stop.is_set():
            self._finish(copy=False)
            return
        self.started = True
        self._next_slice()

    def _next_slice(self) -> None:
        try:
            future = self._executor.submit(index_search_backlog_slice)
        except RuntimeError:  # the database thread has been shut down: the app is closing
            self._finish(copy=False)
            return
        future.add_done_callback(self._slice_done)  # on the database thread

    def _slice_done(self, future: concurrent.futures.Future[tuple[int, bool]]) -> None:
        if future.cancelled():
            self._finish(copy=False)
            return
        error = future.exception()
        if error is not None:  # the file moved away, a disk error: the next start retries
            log.warning("search backlog not written: %s", error)
            self._finish(copy=False)
            return
        covered, left = future.result()
        self.indexed += covered
        if left and not self._stop.is_set():
            self._next_slice()
            return
        wanted = not self._stop.is_set() and (self.indexed or not self._only_after_backlog)
        self._finish(copy=bool(wanted))

    def _finish(self, *, copy: bool) -> None:
        BulkWriteFollowUp._running.discard(self)
        if not copy:
            self._finished.set()
            return

        def run() -> None:
            try:
                self._database.checkpoint()
            finally:
                self._finished.set()

        threading.Thread(target=run, name="wal-checkpoint").start()

    def stop(self) -> None:
        """Stop after the slice being written; the rest of the backlog waits (safe twice)."""
        self._stop.set()

    def done(self) -> bool:
        """True once the work has run (or stopped)."""
        return self._finished.is_set()


def resume_search_backlog(executor: DbExecutor) -> BulkWriteFollowUp:
    """At start: the search documents an import left unwritten when the app last closed."""
    return BulkWriteFollowUp(executor, only_after_backlog=True)


def stop_background_work() -> None:
    """At quit: every :class:`BulkWriteFollowUp` stops after its current slice."""
    for work in list(BulkWriteFollowUp._running):
        work.stop()


@contextlib.contextmanager
def collector_frozen() -> Iterator[None]:
    """:func:`freeze_collector` for the length of a block (on the UI thread)."""
    freeze_collector()
    try:
        yield
    finally:
        thaw_collector()
