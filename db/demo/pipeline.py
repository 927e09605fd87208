"""Generating the next rows while SQLite writes the last ones.

Building rows is pure Python (it holds the GIL); SQLite's long statements (``INSERT ... SELECT``
of 100,000 members with their search index, building indexes) release the GIL for their whole
run, so a generator thread can work on the other core meanwhile. ``executemany`` is different:
it releases and re-takes the GIL for every row, and with a busy Python thread beside it each
re-take waits for the interpreter's switch interval (5 ms): it would crawl. So the consumer
pauses the producer around its ``executemany`` calls (:meth:`Pipeline.paused`), and the producer
looks at the gate between items (``checkpoint``).

One producer thread makes every item in order, so the results do not depend on timing.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

Checkpoint = Callable[[], None]


class _Stopped(Exception):
    """The consumer went away: the producer ends quietly."""


@dataclass(frozen=True, slots=True)
class _Failure:
    error: BaseException


_END = object()


class Pipeline(Generic[T]):
    """Items of ``produce(checkpoint)`` made in a thread, at most ``ahead`` ready at a time.

    ``produce`` must call ``checkpoint()`` often (between rows): it waits there while the
    consumer has paused production, and raises to end the thread once the consumer closes.
    An exception in ``produce`` is raised again in the consumer. Always :meth:`close` (or use
    ``with``). With ``ahead=0`` there is no thread: items are made when asked for (a machine
    with one core gains nothing from the thread).
    """

    def __init__(self, produce: Callable[[Checkpoint], Iterator[T]], *, ahead: int) -> None:
        self._produce = produce
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max(ahead, 1))
        self._running = threading.Event()
        self._running.set()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        if ahead > 0:
            self._thread = threading.Thread(
                target=self._work, args=(produce,), name="demo-rows", daemon=True
            )
            self._thread.start()

    def _checkpoint(self) -> None:
        if not self._running.is_set():
            self._running.wait()
        if self._stopped.is_set():
            raise _Stopped

    def _put(self, item: object) -> None:
        while True:
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                if self._stopped.is_set():
                    raise _Stopped from None

    def _work(self, produce: Callable[[Checkpoint], Iterator[T]]) -> None:
        try:
            for item in produce(self._checkpoint):
                self._put(item)
            self._put(_END)
        except _Stopped:
            return
        except BaseException as error:  # handed to the consumer, raised there
            try:
                self._put(_Failure(error))
            except _Stopped:
                return

    def __iter__(self) -> Iterator[T]:
        if self._thread is None:
            yield from self._produce(self._checkpoint)
            return
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The producer waits at its next checkpoint until the block ends."""
        self._running.clear()
        try:
            yield
        finally:
            self._running.set()

    def close(self) -> None:
        """Stop the producer (if still running) and wait for its thread."""
        self._stopped.set()
        self._running.set()
        while self._thread is not None and self._thread.is_alive():
            try:
                while True:
                    self._queue.get_nowait()
            except queue.Empty:
                pass
            self._thread.join(timeout=0.05)

    def __enter__(self) -> Pipeline[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
