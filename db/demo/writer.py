"""Bulk rows for the demo: sync fields, insert statements, timed executemany."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from db.demo.people import MEMBER_CONTENT_COLUMNS
from db.ids import new_ids
from db.models.base import utc_now_iso
from db.sync.clock import HlcRun, HybridLogicalClock

SYNC_COLUMNS = ("id", "owner_office_id", "created_at", "updated_at", "hlc")


def _insert(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


ORGANISATION_INSERT = _insert(
    "organisation",
    (*SYNC_COLUMNS, "type_code", "name", "province_code", "district_code", "name_key"),
)
GROUP_INSERT = _insert(
    "network_group", (*SYNC_COLUMNS, "name", "kind", "parent_id", "description", "name_key")
)
MEMBER_COLUMNS = (
    *SYNC_COLUMNS, "organisation_id", "name_key", "position_key", *MEMBER_CONTENT_COLUMNS,
)
STAGE_TABLE = "CREATE TEMP TABLE IF NOT EXISTS demo_member AS SELECT * FROM main.member WHERE 0"
STAGED_MEMBER_INSERT = _insert("temp.demo_member", MEMBER_COLUMNS)
MEMBER_FROM_STAGE = (
    f"INSERT INTO main.member ({', '.join(MEMBER_COLUMNS)})"
    f" SELECT {', '.join(MEMBER_COLUMNS)} FROM temp.demo_member ORDER BY rowid"
)
STRENGTH_INSERT = _insert("member_strength", (*SYNC_COLUMNS, "member_id", "tag"))
MEMBERSHIP_INSERT = _insert(
    "group_membership", (*SYNC_COLUMNS, "group_id", "member_id", "role", "started_on")
)
DUES_INSERT = _insert(
    "dues_payment",
    (*SYNC_COLUMNS, "member_id", "group_id", "fiscal_year", "amount_satang", "paid_on",
     "receipt_no"),
)


FTS_HASHSIZE_DEFAULT = 1024 * 1024  # FTS5's default limit of index data pending in memory
FTS_HASHSIZE_BULK = 64 * 1024 * 1024
MEMBER_FLUSH_ROWS = 100_000


class MemberStage:
    """Members reach ``main.member`` through a TEMP table, about 100,000 at a time.

    The FTS5 index is kept by the member insert trigger (the one definition of the indexed
    text), and FTS5 writes its pending index data out as a new segment at the end of every
    statement: inserted row by row (executemany) 393,000 members made 393,000 tiny segments
    for FTS5 to merge, and took 64 s instead of 6. One ``INSERT ... SELECT`` from the stage per
    100,000 members, with FTS5's pending-data limit raised from 1 to 64 MiB meanwhile (restored
    by :meth:`close`), writes a few big segments. Foreign keys to members must be deferred
    (``PRAGMA defer_foreign_keys``): strengths, memberships and dues go straight in, before their
    members leave the stage.

    With ``rebuild_indexes`` (when the new members outnumber those already there) the member
    table's own indexes are dropped meanwhile and created again, from their stored definitions,
    by :meth:`close`: most lead with or include the random ICU name key, and building an index
    by sorting is faster than inserting into it at random places (about 2 s of 12 at 200,000).
    """

    def __init__(
        self, connection: sqlite3.Connection, timer: Timer, *, rebuild_indexes: bool
    ) -> None:
        self._connection = connection
        self._timer = timer
        self._pending = 0
        self._indexes: list[tuple[str, str]] = []
        if rebuild_indexes:
            self._indexes = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'member' AND sql IS NOT NULL ORDER BY rowid"
            ).fetchall()
            for name, _ in self._indexes:
                connection.execute(f'DROP INDEX "{name}"')
        connection.execute(STAGE_TABLE)
        row = connection.execute("SELECT v FROM member_fts_config WHERE k = 'hashsize'").fetchone()
        self._hashsize = int(row[0]) if row else FTS_HASHSIZE_DEFAULT
        self._set_hashsize(FTS_HASHSIZE_BULK)

    def _set_hashsize(self, value: int) -> None:
        self._connection.execute(
            "INSERT INTO member_fts(member_fts, rank) VALUES ('hashsize', ?)", (value,)
        )

    def add(self, rows: list[tuple[object, ...]]) -> None:
        self._timer.execute(self._connection, "member", STAGED_MEMBER_INSERT, rows)
        self._pending += len(rows)

    @property
    def full(self) -> bool:
        """Time to :meth:`flush` (the caller decides when, so that it can work meanwhile)."""
        return self._pending >= MEMBER_FLUSH_ROWS

    def flush(self) -> None:
        if not self._pending:
            return
        started = time.perf_counter()
        self._connection.execute(MEMBER_FROM_STAGE)
        self._connection.execute("DELETE FROM temp.demo_member")
        self._timer.add_insert_time("member", time.perf_counter() - started)
        self._pending = 0

    def close(self) -> None:
        self.flush()
        self._set_hashsize(self._hashsize)
        self._connection.execute("DROP TABLE temp.demo_member")
        started = time.perf_counter()
        for _, sql in self._indexes:
            self._connection.execute(sql)
        self._timer.add_insert_time("member", time.perf_counter() - started)


class SyncStamps:
    """Sync fields for freshly created rows: UUID v7 ids, this office, HLC stamps.

    Each row gets its own HLC stamp, strictly increasing and after everything the site's
    clock issued before; the clock is moved past the last one, so later writes stamp after
    the demo data. (Stamps are counted on from one clock reading per batch: asking the clock
    2.5 million times would cost seconds.)
    """

    def __init__(self, clock: HybridLogicalClock, office_id: str) -> None:
        self._hlcs = HlcRun(clock)
        self._office_id = office_id
        self.at = utc_now_iso()

    def rows(self, count: int) -> tuple[list[str], list[tuple[str, str, str, str, str]]]:
        """``count`` new ids, and the sync-field prefix (id, owner, created, updated, hlc) of
        each row."""
        ids = new_ids(count)
        office, at = self._office_id, self.at
        return ids, [
            (row_id, office, at, at, hlc)
            for row_id, hlc in zip(ids, self._hlcs.stamps(count), strict=True)
        ]


@dataclass(slots=True)
class Timer:
    """Seconds spent inserting rows, and rows inserted, by table."""

    insert: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    def execute(
        self, connection: sqlite3.Connection, table: str, sql: str, rows: list[tuple[object, ...]]
    ) -> None:
        if not rows:
            return
        started = time.perf_counter()
        connection.executemany(sql, rows)
        self.add_insert_time(table, time.perf_counter() - started)
        self.rows[table] = self.rows.get(table, 0) + len(rows)

    def add_insert_time(self, table: str, seconds: float) -> None:
        self.insert[table] = self.insert.get(table, 0.0) + seconds
