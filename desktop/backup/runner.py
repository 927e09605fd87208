"""Backups off the UI thread, on a thread of their own.

A backup reads one snapshot of the database (SQLite WAL): the database executor carries on
with reads and writes meanwhile, so a long backup does not hold up the app's other work.
Restores run on the database executor instead (nothing else may write while they run).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from db.backup import BackupInfo, backup_before, backup_now
from db.engine import Database
from desktop.db_worker import DbExecutor

if TYPE_CHECKING:  # desktop.io imports this module (the import wizard backs up first)
    from desktop.io.background import ProgressState

T = TypeVar("T")

_pool: concurrent.futures.ThreadPoolExecutor | None = None


def backup_pool() -> concurrent.futures.ThreadPoolExecutor:
    """The one thread backups run on (one backup at a time)."""
    global _pool
    if _pool is None:
        _pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup")
    return _pool


def start_backup(
    database: Database, *, reason: str, progress: ProgressState | None = None
) -> concurrent.futures.Future[BackupInfo]:
    """Back up into the configured folder (rotated) on the backup thread."""
    return backup_pool().submit(
        backup_now, database, reason=reason,
        progress=progress.report if progress is not None else None,
    )  # fmt: skip


def with_backup(
    executor: DbExecutor,
    fn: Callable[..., T],
    *,
    reason: str,
    reuse_within: dt.timedelta | None = None,
) -> Callable[..., T]:
    """``fn`` preceded by a backup (for ``executor.submit``/``run``/``write``): a risky
    operation (import, merge) runs only once the backup is made, on the database thread, in
    order with every other write. A failed backup fails the operation: nothing is changed."""

    def run(*, session: Any, **kwargs: Any) -> T:
        backup_before(executor.database, reason=reason, reuse_within=reuse_within)
        return fn(session=session, **kwargs)

    run.__name__ = getattr(fn, "__name__", "run")
    return run
