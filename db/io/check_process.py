"""Checking a big import's rows in a second process, beside the importing one.

The row checks (:class:`db.io.normalise.RowNormaliser`) are Python that holds the GIL: at
393,000 rows they took 17-22 s of the importing thread, the longest part of the import, while
the second core only had the writer thread's SQL to run. A :class:`CheckerProcess` is a child
process with a normaliser of its own, made from the same database (its committed state: only
an import that has its own transaction uses one) for the same mapping, headers and day. It
starts before the sheet is read, and reads the reference lists meanwhile. Once it is ready
the importing thread hands it 3 batches of every 4 and checks the fourth itself (it also takes
every batch through the duplicate checks and the writes: with 2 of every 3 the child waited);
the child's results come back in order (pickled: about a third of the cost of checking
them).

When the importing process reads the sheet from its file and the machine has the memory
free for two reads at once (:func:`room_for_two_reads`), the child reads the same file
too, at the same time on the other core (calamine's parse lets go of the GIL; the first core
is busy with the importing process's own read), and the batches are sent to it as row numbers:
pickling the child's rows' cells held the importing process's GIL 2 s at 393,000 rows (and
unpickling them took the child as long). Both reads must have read the same file (its size
and modification time before and after each read, the sheet and its number of rows),
else the child checks nothing and the importing thread checks every row.

What the child cannot know is what the importing process saw and wrote in the batches before:
the organisations written since (a later row's variant spelling matches one of them), which new
organisations and groups were named already, and so which row is the first to name one (the
row that gets the "created" warning). :func:`adopt` settles that as each batch of the child's
results is taken, in file order (a row whose organisation the importing process's matcher
answers differently is checked again there), so the report is the one checking every row
in-process gives.

A child that cannot be started, fails or dies is not an error: the importing thread checks the
rest itself (:class:`CheckerFailed` tells it to).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import multiprocessing
import os
import pickle
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

import psutil

from db.io.mapping import ColumnMapping
from db.io.normalise import (
    GroupJoin,
    ImportContext,
    NormalisedRow,
    RowNormaliser,
    answer_of,
)
from db.io.readers import SheetTable, TableCache

log = logging.getLogger(__name__)

POLL_S = 0.5  # how often a wait for results looks whether the child is still alive
READ_PEAK_PER_FILE_BYTE = 25  # a sheet's read at its peak, per byte of its file (measured)
HEADROOM_BYTES = 1024**3  # left free beside two reads at their peaks
STOP_TIMEOUT_S = 5.0
CREATED_WARNINGS = ("organisation_created", "group_created")

Batch = Sequence[tuple[int, Sequence[object]]]
SheetIdentity = tuple[object, ...]


def sheet_identity(
    path: Path, sheet: str | None, before: tuple[object, ...] | None, table: SheetTable
) -> SheetIdentity:
    """What says that two reads of a sheet read the same rows: the file's size and
    modification time before and after the read (``before``: :meth:`TableCache.key` taken
    before it), the sheet read and its number of rows."""
    return (before, TableCache.key(path, sheet, None), table.sheet, len(table.rows))


def room_for_two_reads(path: Path) -> bool:
    """Whether the machine has the memory free for the child to read the sheet at ``path``
    while this process reads it: at its peak a read takes ~25 times the file's size (1.3 GB
    for the 57 MB workbook of 393,000 rows), and the child's read is worth ~1 s of a national
    import, not a machine that swaps. Without it the child is sent the rows."""
    try:
        available = psutil.virtual_memory().available
        size = path.stat().st_size
    except Exception:  # no figure on this system: the smaller footprint
        return False
    return bool(available >= READ_PEAK_PER_FILE_BYTE * size * 2 + HEADROOM_BYTES)


def _read_sheet(path: Path, sheet: str | None) -> tuple[list[list[object]], SheetIdentity]:
    from db.io.headers import header_score  # headers reads tables: imported here
    from db.io.readers import read_table

    before = TableCache.key(path, sheet, None)
    table = read_table(path, sheet=sheet, score=header_score)
    return table.rows, sheet_identity(path, sheet, before, table)


class CheckerFailed(Exception):
    """The child cannot check (any more): the caller checks the rows itself."""


def _child(
    requests: Queue[Any],
    results: Connection,
    path: str,
    today: dt.date,
    sheet: tuple[str, str | None] | None,
) -> None:
    gc.disable()  # millions of short-lived objects, next to no cycles (db.io.collector)
    try:
        # Imported here: only the child needs them.
        import sqlite3

        from sqlalchemy import create_engine
        from sqlmodel import Session

        from db.members._sql import dbapi
        from db.thai.collation import thai_sort_keys

        # Read-only, and never a new empty file where the database was.
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
        with Session(engine) as session:
            context = ImportContext(session, dbapi(session), today=today)
            session.rollback()
        engine.dispose()
        rows: list[list[object]] | None = None
        if sheet is not None:  # read here too: the batches come as row numbers
            rows, identity = _read_sheet(Path(sheet[0]), sheet[1])
        job = requests.get()  # the mapping, once the sheet is read
        if job is None:
            return
        _kind, mapping, headers, expected = job
        if rows is not None and identity != expected:
            raise RuntimeError("the sheet this process read is not the one imported")
        normaliser = RowNormaliser(context, mapping, headers)
        normaliser.record_organisation_queries = True  # asked again by the parent (adopt)
        results.send(("ready",))
        while True:
            job = requests.get()
            if job is None:
                results.send(("cpu", time.process_time()))
                break
            index, batch = job
            if rows is not None:
                batch = [(row, rows[row - 1]) for row in batch]
            checked = [normaliser.normalise(cells, row) for row, cells in batch]
            good = [result for result in checked if result.ok]
            keys = thai_sort_keys(f"{r.values['first_name']} {r.values['last_name']}" for r in good)
            for result, key in zip(good, keys, strict=True):
                result.name_key = key
            # Sent (and so pickled) now, before the next batches change the pending
            # organisations and groups these rows share.
            results.send((index, pickle.dumps(checked, pickle.HIGHEST_PROTOCOL)))
    except BaseException as error:  # reported, then the parent checks the rest itself
        with contextlib.suppress(OSError):  # the parent gone
            results.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        results.close()
    # Without freeing the sheet's rows and the checked ones (a second or more at 393,000
    # rows, which the importing process's close() would wait for): the system takes the
    # child's memory back at once.
    os._exit(0)


class CheckerProcess:
    """A child process checking the batches it is sent, in order (see the module docstring)."""

    def __init__(
        self, *, path: Path, today: dt.date, sheet: tuple[Path, str | None] | None = None
    ) -> None:
        """Start the child: it reads the reference lists of the database at ``path`` while
        the sheet is read here; :meth:`configure` then gives it the sheet's mapping. With
        ``sheet`` (the file and the sheet name asked for, as the importing process reads it)
        the child reads the sheet too, and is sent row numbers instead of rows."""
        self.reads_sheet = sheet is not None
        context = multiprocessing.get_context("spawn")
        self._requests: Queue[Any] = context.Queue()
        # A child gone must not keep this process waiting at exit for rows it never read.
        self._requests.cancel_join_thread()
        # Results through a pipe whose writing end only the child holds: a child that dies,
        # even halfway through a message, is an end of file here, not a wait forever.
        self._results, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, name="khrueakhai-row-checker", daemon=True,
            args=(self._requests, sender, str(path), today,
                  (str(sheet[0]), sheet[1]) if sheet is not None else None),
        )  # fmt: skip
        try:
            self._process.start()  # raises when no process can be started
        finally:
            sender.close()
        self._failed = False
        self._closed = False
        self._ready = False
        self.cpu_seconds = 0.0  # the child's, once closed after its work

    def configure(
        self, mapping: ColumnMapping, headers: Sequence[str], identity: SheetIdentity | None
    ) -> None:
        """The sheet's mapping and headers, and (for a child that reads the sheet too) the
        :func:`sheet_identity` of this process's read."""
        self._requests.put(("mapping", mapping, tuple(headers), identity))

    def send(self, index: int, batch: Batch) -> None:
        """Queue a batch (it is written to the child by a feeder thread: this returns)."""
        if self._failed:
            return
        if self.reads_sheet:
            self._requests.put((index, [row for row, _cells in batch]))
        else:
            self._requests.put((index, list(batch)))

    def ready(self, wait: float = 0.0) -> bool:
        """Whether the child is ready to check (its reference lists loaded, the sheet read
        when it reads it too, the mapping taken), after waiting up to ``wait`` seconds: until
        then the importing thread checks the batches itself. Raises CheckerFailed when the
        child failed."""
        if self._failed:
            raise CheckerFailed("the checking process stopped before")
        if not self._ready:
            try:
                if not self._results.poll(wait):
                    return False
                message = self._results.recv()
            except (EOFError, OSError):
                self._fail("the checking process stopped")
            if message[0] != "ready":
                self._fail(str(message[1]) if message[0] == "error" else "no ready message")
            self._ready = True
        return True

    def results(self, index: int) -> list[NormalisedRow]:
        """The child's results for batch ``index`` (batches come back in the order sent).
        Raises CheckerFailed when the child failed or died."""
        if self._failed:
            raise CheckerFailed("the checking process stopped before")
        while True:
            try:
                if not self._results.poll(POLL_S):
                    continue
                message = self._results.recv()
            except (EOFError, OSError):
                self._fail("the checking process stopped")
            if message[0] == "error":
                self._fail(str(message[1]))
            if message[0] == "ready" and not self._ready:  # results asked without ready()
                self._ready = True
                continue
            if message[0] != index:
                self._fail(f"batch {message[0]} came back instead of batch {index}")
            return pickle.loads(message[1])  # type: ignore[no-any-return]

    def _fail(self, why: str) -> None:
        log.warning("checking the rows in-process: %s", why)
        self._failed = True
        self.close()
        raise CheckerFailed(why)

    def close(self) -> None:
        """End the child (at once when it failed or the import stops early); safe twice."""
        if self._closed:
            return
        self._closed = True
        if not self._ready:  # never used (still reading, say): not waited for
            self._failed = True
        if self._process.is_alive() and not self._failed:
            self._requests.put(None)
            with contextlib.suppress(EOFError, OSError):
                if self._results.poll(STOP_TIMEOUT_S):
                    message = self._results.recv()
                    if message[0] == "cpu":
                        self.cpu_seconds = float(message[1])
            self._process.join(STOP_TIMEOUT_S)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._requests.close()
        self._results.close()

    def stop(self) -> None:
        """End the child without waiting for the batches it was sent (a cancel, an error)."""
        self._failed = True
        self.close()


def adopt(results: list[NormalisedRow], batch: Batch, normaliser: RowNormaliser) -> None:
    """Make the child's results of ``batch`` this process's, in file order (``normaliser`` is
    this process's):

    - a row whose organisation this process's matcher answers differently (it knows the
      organisations the import has written since: a later row's variant spelling matches one
      of them, a row without a province finds one by its full name) is checked again here;
    - the organisations and groups to create become this process's pending ones (one object
      per name, as the writer expects), and a "created" warning stays only on the first row
      that names one."""
    context = normaliser.context
    matcher = context.organisations
    for index, result in enumerate(results):
        query = result.organisation_query
        if query is not None:
            name, province, type_hint, district, answer = query
            found = matcher.match(name, province=province, type_hint=type_hint, district=district)
            if answer_of(found) != answer:
                row, cells = batch[index]
                results[index] = normaliser.normalise(cells, row)
                continue
        first = _first_codes(result)
        pending = result.organisation
        if pending is not None:
            own = matcher.adopt(pending)
            result.organisation = own
            _settle_first("organisation_created", own, result, first)
        for join in result.groups:
            if join.pending is not None:
                join.pending = context.pending_groups.setdefault(join.pending.key, join.pending)
                _settle_group(join, result)


def _first_codes(result: NormalisedRow) -> set[str]:
    return {w.code for w in result.warnings if w.code in CREATED_WARNINGS}


def _settle_group(join: GroupJoin, result: NormalisedRow) -> None:
    """As :func:`_settle_first`, for one of the row's groups (a row may name several new ones:
    each has its own warning)."""
    own, warning = join.pending, join.created
    if own is None or warning is None:
        return
    if own.first_row and own.first_row != result.row:  # named by an earlier row already
        result.warnings = [w for w in result.warnings if w != warning]
        join.created = None
    else:
        own.first_row = result.row


def _settle_first(code: str, own: Any, result: NormalisedRow, first: set[str]) -> None:
    if code not in first:
        return
    if own.first_row and own.first_row != result.row:  # named by an earlier row already
        result.warnings = [w for w in result.warnings if w.code != code]
    else:
        own.first_row = result.row
