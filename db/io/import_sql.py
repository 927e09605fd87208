"""Inserting many rows with one SQLite call per few hundred rows.

``executemany`` lets go of the GIL around each row's step and takes it back for the next row's
parameters. On the import's writer thread that meant waiting for the checking thread once per
row (up to a whole switch interval each time): at 393,000 members the inserts took 4 times
their CPU time. A multi-row ``INSERT ... VALUES (...), (...), ...`` binds a few hundred rows in
C and steps once, so the writer hands the GIL over once per few hundred rows.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Sequence

MAX_PARAMETERS = 16_000  # per statement (SQLite 3.32+ allows 32,766)


def rows_per_statement(connection: sqlite3.Connection, width: int) -> int:
    limit = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(limit, MAX_PARAMETERS) // width)


def insert_rows(
    connection: sqlite3.Connection, head: str, width: int, rows: Sequence[Sequence[object]]
) -> None:
    """``head`` (``INSERT INTO t (a, b)``) for every row of ``rows`` (each ``width`` values),
    in multi-row statements, in order."""
    if not rows:
        return
    per = rows_per_statement(connection, width)
    one = "(" + ", ".join("?" * width) + ")"
    full = f"{head} VALUES {', '.join([one] * per)}"
    flatten = itertools.chain.from_iterable
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else f"{head} VALUES {', '.join([one] * len(chunk))}"
        connection.execute(sql, list(flatten(chunk)))
