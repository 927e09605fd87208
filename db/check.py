"""Integrity check of a Khrueakhai database (``python -m db check``).

Read-only: it reports, it repairs nothing. Each check gives one :class:`CheckItem`; an
``error`` means the database is damaged or out of step (the command exits 1), a ``warning``
is data an office should look at.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from db.engine import Database
from db.identity import SITE_ID_KEY, THIS_OFFICE_KEY
from db.migrations import current_revision, head_revision
from db.search import MEMBER_DOC, search_backlog

Severity = Literal["ok", "warning", "error"]
MAX_DETAILS = 20  # problems listed one by one; the rest are counted


@dataclass(frozen=True, slots=True)
class CheckItem:
    """The result of one check. ``code`` is stable (for the GUI); texts are English."""

    code: str  # schema, integrity, foreign_keys, search_index, organisations, identity
    title: str
    severity: Severity
    summary: str
    details: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.severity != "error"


@dataclass(frozen=True, slots=True)
class CheckReport:
    items: tuple[CheckItem, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        """True when no check found an error (warnings do not fail the check)."""
        return all(item.ok for item in self.items)

    @property
    def problems(self) -> tuple[CheckItem, ...]:
        return tuple(item for item in self.items if item.severity != "ok")


def _details(lines: list[str], total: int | None = None) -> tuple[str, ...]:
    total = len(lines) if total is None else total
    shown = lines[:MAX_DETAILS]
    if total > len(shown):
        shown.append(f"... and {total - len(shown):,} more")
    return tuple(shown)


def _schema(database: Database) -> CheckItem:
    head = head_revision()
    current = current_revision(database.engine)
    if current == head:
        return CheckItem("schema", "Schema", "ok", f"revision {current} (the newest)")
    if current is None:
        summary = "no schema revision: not a Khrueakhai database, or never set up"
    else:
        summary = (
            f"revision {current}, this program expects {head}: open the database with the"
            " program to upgrade it (or use a newer program if it was made by one)"
        )
    return CheckItem("schema", "Schema", "error", summary)


def _integrity(connection: sqlite3.Connection) -> CheckItem:
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check(100)")]
    if rows == ["ok"]:
        return CheckItem("integrity", "SQLite integrity", "ok", "integrity_check: ok")
    return CheckItem(
        "integrity", "SQLite integrity", "error",
        f"integrity_check found {len(rows)}{'+' if len(rows) >= 100 else ''} problem(s):"
        " restore a backup or export what can be read",
        _details(rows),
    )


def _foreign_keys(connection: sqlite3.Connection) -> CheckItem:
    broken: Counter[tuple[str, str]] = Counter()
    for table, _rowid, parent, _fkid in connection.execute("PRAGMA foreign_key_check"):
        broken[(table, parent)] += 1
    if not broken:
        return CheckItem("foreign_keys", "References", "ok", "no broken references")
    lines = [
        f"{count:,} row(s) of {table} refer to missing {parent} rows"
        for (table, parent), count in broken.most_common()
    ]
    return CheckItem(
        "foreign_keys", "References", "error",
        f"{sum(broken.values()):,} row(s) refer to rows that do not exist", _details(lines),
    )


def _scalar(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0])


def _search_index(connection: sqlite3.Connection) -> CheckItem:
    live = _scalar(connection, "SELECT count(*) FROM member WHERE deleted_at IS NULL")
    indexed = _scalar(connection, "SELECT count(*) FROM member_fts")
    backlog = search_backlog(connection)
    unindexed = (
        "SELECT count(*) FROM member m WHERE m.deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM member_fts f WHERE f.rowid = m.rowid)"
    )
    waiting = 0
    if backlog is not None:  # an import's members, indexed in the background
        in_backlog = f" AND m.rowid > {backlog.after} AND m.rowid <= {backlog.upto}"
        waiting = _scalar(connection, unindexed + in_backlog)
    missing = _scalar(connection, unindexed) - waiting
    stray = _scalar(
        connection,
        "SELECT count(*) FROM member_fts f WHERE NOT EXISTS"
        " (SELECT 1 FROM member m WHERE m.rowid = f.rowid AND m.deleted_at IS NULL)",
    )
    stale = _scalar(
        connection,
        "SELECT count(*) FROM member m JOIN member_fts f ON f.rowid = m.rowid"
        f" WHERE m.deleted_at IS NULL AND f.doc IS NOT {MEMBER_DOC.format(m='m')}",
    )
    lines: list[str] = []
    if missing:
        lines.append(f"{missing:,} live member(s) are not in the search index")
    if stray:
        lines.append(f"{stray:,} search entries belong to no live member")
    if stale:
        lines.append(f"{stale:,} search entries hold out-of-date text")
    try:  # FTS5's own check that its index matches the text it stores
        connection.execute("SAVEPOINT fts_check")
        connection.execute("INSERT INTO member_fts(member_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        lines.append(f"FTS5 integrity-check: {error}")
    finally:
        connection.execute("ROLLBACK TO fts_check")
        connection.execute("RELEASE fts_check")
    summary = f"{indexed:,} entries for {live:,} live members"
    if waiting:
        summary += f" ({waiting:,} recently imported, being indexed)"
    if lines or indexed + waiting != live:
        return CheckItem(
            "search_index", "Search index", "error",
            summary + ": rebuild the search index (db.search.rebuild_member_index)",
            tuple(lines),
        )
    return CheckItem("search_index", "Search index", "ok", summary)


def _organisations(connection: sqlite3.Connection) -> CheckItem:
    missing = _scalar(
        connection,
        "SELECT count(*) FROM member m WHERE m.deleted_at IS NULL"
        " AND m.organisation_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = m.organisation_id)",
    )
    deleted = _scalar(
        connection,
        "SELECT count(*) FROM member m JOIN organisation o ON o.id = m.organisation_id"
        " WHERE m.deleted_at IS NULL AND o.deleted_at IS NOT NULL",
    )
    if missing:
        return CheckItem(
            "organisations", "Organisations", "error",
            f"{missing:,} live member(s) belong to an organisation that does not exist",
        )
    if deleted:
        return CheckItem(
            "organisations", "Organisations", "warning",
            f"{deleted:,} live member(s) belong to a deleted organisation: move them to another",
        )
    return CheckItem("organisations", "Organisations", "ok", "every member's organisation exists")


def _identity(connection: sqlite3.Connection) -> CheckItem:
    settings = dict(
        connection.execute(
            "SELECT key, value FROM local_setting WHERE key IN (?, ?)",
            (THIS_OFFICE_KEY, SITE_ID_KEY),
        ).fetchall()
    )
    office_id = settings.get(THIS_OFFICE_KEY)
    site_id = settings.get(SITE_ID_KEY)
    if not office_id or not site_id:
        return CheckItem(
            "identity", "Office identity", "error",
            "this database has no office or site id: open it with the program to set it up",
        )
    row = connection.execute(
        "SELECT name FROM office WHERE id = ? AND deleted_at IS NULL", (office_id,)
    ).fetchone()
    if row is None:
        return CheckItem(
            "identity", "Office identity", "error",
            f"this database's office {office_id} is missing from the office table",
        )
    return CheckItem("identity", "Office identity", "ok", f"office {row[0]} (site {site_id})")


def _timed(check: Callable[[], CheckItem]) -> CheckItem:
    started = time.perf_counter()
    item = check()
    return replace(item, seconds=time.perf_counter() - started)


def check_database(
    database: Database, *, on_item: Callable[[CheckItem], None] | None = None
) -> CheckReport:
    """Run every check on ``database`` (opened with ``open_database(path, migrate=False)``).

    ``on_item`` hears of each result as soon as it is known (the integrity check of a
    national-scale database takes tens of seconds).
    """
    started = time.perf_counter()
    items: list[CheckItem] = []

    def run(check: Callable[[], CheckItem]) -> None:
        item = _timed(check)
        items.append(item)
        if on_item is not None:
            on_item(item)

    run(lambda: _schema(database))
    schema_ok = items[0].severity == "ok"
    connection = database.raw_connection()
    try:
        connection.execute("BEGIN")  # one consistent snapshot for every check
        try:
            run(lambda: _integrity(connection))
            run(lambda: _foreign_keys(connection))
            if schema_ok:  # the later checks need this schema's tables
                run(lambda: _search_index(connection))
                run(lambda: _organisations(connection))
                run(lambda: _identity(connection))
        finally:
            connection.execute("ROLLBACK")
    finally:
        connection.close()
    return CheckReport(items=tuple(items), seconds=time.perf_counter() - started)
