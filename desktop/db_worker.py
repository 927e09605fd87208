"""One database executor for the whole app (STYLE 2).

Writes and slow reads run on a single worker thread, each in its own session that commits on
success; results come back as futures that asyncio code awaits on the qasync loop. Every write
ends with one `changes_applied(changes, initiator)` announcement, and each view decides for
itself whether the change concerns it. Quick reads for painting (a screenful of rows) may run
on the calling thread with `read_now`; SQLite in WAL mode lets them read beside the writer.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from db.engine import Database

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write touched, by area: 'members', 'groups', 'dues', 'organisations', ..."""

    areas: frozenset[str]
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *areas: str, ids: tuple[str, ...] = ()) -> Changes:
        return cls(frozenset(areas), frozenset(ids))

    def touches(self, *areas: str) -> bool:
        return not self.areas.isdisjoint(areas)


class DbExecutor(QObject):
    changes_applied = Signal(object, object)  # (Changes, initiator: object | None)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")

    @property
    def database(self) -> Database:
        return self._database

    def submit(self, fn: Callable[..., T], /, **kwargs: Any) -> concurrent.futures.Future[T]:
        """Run `fn(session=..., **kwargs)` on the database thread in one transaction."""

        def job() -> T:
            with self._database.session() as session:
                return fn(session=session, **kwargs)

        return self._pool.submit(job)

    async def run(self, fn: Callable[..., T], /, **kwargs: Any) -> T:
        """Await `fn(session=..., **kwargs)` run on the database thread."""
        return await asyncio.wrap_future(self.submit(fn, **kwargs))

    async def write(
        self,
        fn: Callable[..., T],
        /,
        *,
        changes: Changes,
        initiator: object | None = None,
        **kwargs: Any,
    ) -> T:
        """Run a write on the database thread, then announce `changes` once (on success)."""
        result = await self.run(fn, **kwargs)
        self.changes_applied.emit(changes, initiator)
        return result

    def read_now(self, fn: Callable[..., T], /, **kwargs: Any) -> T:
        """Run a quick read on the calling thread (for painting a screenful of rows)."""
        with self._database.session() as session:
            return fn(session=session, **kwargs)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
