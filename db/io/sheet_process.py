"""Reading a big workbook in a child process, for a window that must keep turning meanwhile.

calamine parses a sheet without the GIL, but the sheet it parsed into (a national register:
~8 million cells, each its own allocation) is freed when the sheet object goes, in one call
that holds the GIL: 0.1-0.35 s during which the window of the app could not repaint, whatever
thread read the file. Here a child process reads the sheet with the same code
(:func:`db.io.readers.read_workbook`), sends the rows back through a pipe a thousand at a time
(each a few ms to unpickle here, between which the window's thread runs) and ends without
freeing anything: its memory goes back to the system at once.

Only big files are worth a process (starting one costs 0.1-0.5 s); when a process cannot be
started at all (a frozen build without multiprocessing support, a sandbox), :func:`read_in_child`
answers None and the caller reads in-process. A child that dies while reading (out of memory,
killed) is an unreadable file.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from db.io import collector
from db.io.readers import Cell, ImportFileError, SheetTable, read_workbook

log = logging.getLogger(__name__)

CHILD_FROM_BYTES = 4 * 1024 * 1024  # smaller files are read in-process (a few ms to free)
CHUNK_ROWS = 1_000
JOIN_TIMEOUT_S = 10.0

Score = Callable[[list[list[Cell]]], int]


def _child(
    sender: Connection, path: str, sheet: str | None, max_rows: int | None, score: Score | None
) -> None:
    """The child's work: read, send, end without freeing (see the module docstring)."""
    try:
        table = read_workbook(Path(path), sheet=sheet, max_rows=max_rows, score=score)
    except ImportFileError as error:
        sender.send(("error", error.code, error.message, error.detail, error.suffix))
    except BaseException as error:  # any failure is an unreadable file
        sender.send(
            ("error", "unreadable_file", f"{Path(path).name} cannot be read ({error})", "", "")
        )
    else:
        rows = table.rows
        sender.send(("table", table.sheet, table.sheet_names, table.first_column, table.merged,
                     len(rows)))  # fmt: skip
        for start in range(0, len(rows), CHUNK_ROWS):
            sender.send(("rows", rows[start : start + CHUNK_ROWS]))
        sender.send(("end",))
    sender.close()
    os._exit(0)


def read_in_child(
    path: Path, *, sheet: str | None, max_rows: int | None, score: Score | None
) -> SheetTable | None:
    """The sheet as :func:`db.io.readers.read_workbook` reads it, read by a child process;
    None when no process could be started (read in-process then). Raises ImportFileError."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, str(path), sheet, max_rows, score), daemon=True,
        name="khrueakhai-sheet-reader",
    )  # fmt: skip
    try:
        process.start()
    except Exception as error:  # e.g. a score that cannot be pickled
        log.info("reading %s in-process: no child process (%s)", path.name, error)
        receiver.close()
        sender.close()
        return None
    sender.close()  # the child's end: EOF here once the child is gone
    try:
        return _receive(receiver, path)
    finally:
        receiver.close()
        process.join(JOIN_TIMEOUT_S)
        if process.is_alive():  # the parent gave up (an error above): no reader left behind
            process.kill()
            process.join()
        with contextlib.suppress(ValueError):
            process.close()


def _receive(receiver: Connection, path: Path) -> SheetTable:
    # Hundreds of thousands of row lists: kept out of the collector's passes, as the rows read
    # in-process are (db.io.collector).
    with collector.paused():
        return _receive_rows(receiver, path)


def _receive_rows(receiver: Connection, path: Path) -> SheetTable:
    try:
        message = receiver.recv()
        if message[0] == "error":
            raise ImportFileError(*message[1:])
        _kind, name, sheet_names, first_column, merged, count = message
        rows: list[list[Cell]] = []
        while len(rows) < count:
            message = receiver.recv()
            if message[0] != "rows":
                break
            rows.extend(message[1])
    except EOFError:
        raise ImportFileError(
            "unreadable_file", f"{path.name} could not be read: the reading process stopped"
        ) from None
    if len(rows) != count:
        raise ImportFileError(
            "unreadable_file", f"{path.name} could not be read: the reading process stopped"
        )
    return SheetTable(
        path=path, sheet=name, sheet_names=sheet_names, rows=rows, first_column=first_column,
        merged=merged,
    )  # fmt: skip


def worth_a_child(path: Path) -> bool:
    try:
        return path.stat().st_size >= CHILD_FROM_BYTES
    except OSError:
        return False
