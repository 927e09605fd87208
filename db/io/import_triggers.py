"""The member table's AFTER INSERT triggers, turned into set statements for a bulk insert.

A trigger such as ``member_fts_insert`` (``INSERT INTO member_fts(rowid, doc) VALUES
(new.rowid, ...)``) does per row what one ``INSERT ... SELECT`` does for a range of rowids.
A bulk import drops these triggers inside its transaction, inserts the rows with executemany
straight into the table (no stage table), runs the statements below for each range of new
rowids, and creates the triggers again before it commits: a rollback brings them back too.

Only triggers of the shape ``AFTER INSERT ON <table> [WHEN <condition>] BEGIN INSERT INTO
<target>(<columns>) VALUES (<values using new.>); END`` are converted; any other AFTER INSERT
trigger (or a BEFORE/INSTEAD OF one) means :func:`bulk_insert_triggers` answers None and the
caller keeps the triggers (the rows then go through a stage table and ``INSERT ... SELECT``).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

_SHAPE = re.compile(
    r"^\s*CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(?P<name>\w+)\"?\s+AFTER\s+INSERT\s+ON"
    r"\s+\"?(?P<table>\w+)\"?\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+(?P<when>.*?)\s+)?BEGIN\s+"
    r"INSERT\s+INTO\s+(?P<target>\w+)\s*\((?P<columns>[^)]*)\)\s*VALUES\s*\((?P<values>.*)\)"
    r"\s*;\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)
_INSERT_TRIGGER = re.compile(r"\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+INSERT\s+ON\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BulkTrigger:
    name: str
    create_sql: str  # as sqlite_master holds it
    range_sql: str  # the trigger's work for new rowids in (?, ?]


def bulk_insert_triggers(connection: sqlite3.Connection, table: str) -> list[BulkTrigger] | None:
    """The INSERT triggers on ``table`` as range statements; None if one cannot be converted."""
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
        " ORDER BY rowid",
        (table,),
    ).fetchall()
    result: list[BulkTrigger] = []
    for name, sql in rows:
        if not _INSERT_TRIGGER.search(sql or ""):
            continue
        match = _SHAPE.match(sql)
        if match is None or match["table"].lower() != table.lower():
            return None
        when = match["when"]
        condition = f" AND ({when})" if when else ""
        result.append(BulkTrigger(
            name=name, create_sql=sql,
            range_sql=(
                f"INSERT INTO {match['target']}({match['columns']}) SELECT {match['values']}"
                f" FROM main.{table} AS new WHERE new.rowid > ? AND new.rowid <= ?{condition}"
                " ORDER BY new.rowid"
            ),
        ))  # fmt: skip
    return result
