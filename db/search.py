"""The member search index (FTS5, trigram tokenizer): rebuilding and checking it.

``member_fts`` holds one document per live member (rowid = ``member.rowid``), kept in step by the
triggers of the migrations. :data:`MEMBER_DOC` is the document those triggers write; a test
checks that both give identical documents, so a migration that changes the document must
change it here too.

The index must be rebuilt after anything that renumbers member rowids (``VACUUM`` may, since
``member`` has a text primary key) or writes members with the triggers switched off.

The backlog: a bulk import may leave its new members' documents to be written after it
commits (indexing 393,000 members takes 6-10 s of the import otherwise). It records the rowids
it left in ``local_setting`` (:func:`add_search_backlog`: members with a rowid in
``(after, upto]`` may have no document yet); searches look those members up without the index
meanwhile (:mod:`db.members.filters`), and :func:`index_search_backlog` writes their documents
a slice at a time, each slice its own short transaction, until none is left. A member of the
backlog that is edited meanwhile gets its document from the update trigger; the slices skip it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

# The document of member alias {m} (as in the migration's triggers).
MEMBER_DOC = """
    {m}.prefix || ' ' || {m}.first_name || ' ' || {m}.last_name
    || ' ' || {m}.first_name || {m}.last_name
    || ' ' || {m}.nickname || ' ' || {m}.first_name_en || ' ' || {m}.last_name_en
    || ' ' || {m}.position || ' ' || {m}.membership_no || ' ' || coalesce({m}.national_id, '')
    || ' ' || {m}.phone || ' ' || {m}.phone_office || ' ' || {m}.email || ' ' || {m}.line_id
    || ' ' || coalesce((SELECT o.name FROM organisation o WHERE o.id = {m}.organisation_id), '')
"""

AnyConnection = Connection | sqlite3.Connection

INSERT_TRIGGER = "member_fts_insert"  # the migrations' trigger that writes a new document
BACKLOG_KEY = "member_search_backlog"
BACKLOG_SLICE_ROWS = 20_000  # documents written per transaction (~0.3-0.5 s at 393,000)
# While a slice is written, FTS5 keeps this much of it in memory before writing a segment (its
# default, 1 MB, writes dozens of small segments per slice, merged again later).
BACKLOG_HASHSIZE = 64 * 1024 * 1024
FTS5_DEFAULT_HASHSIZE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SearchBacklog:
    """Members with ``after < rowid <= upto`` may have no search document yet."""

    after: int
    upto: int

    @property
    def size(self) -> int:
        return self.upto - self.after


def _execute(connection: AnyConnection, sql: str) -> Any:
    if isinstance(connection, sqlite3.Connection):
        return connection.execute(sql)
    return connection.exec_driver_sql(sql)


def rebuild_member_index(connection: AnyConnection) -> int:
    """Refill ``member_fts`` from the live members; returns the number of documents.

    Runs inside the caller's transaction (a SQLAlchemy connection in ``begin()``, or a sqlite3
    connection whose transaction the caller commits).
    """
    _execute(connection, "DELETE FROM member_fts")
    _execute(connection, f"DELETE FROM local_setting WHERE key = '{BACKLOG_KEY}'")
    _execute(
        connection,
        "INSERT INTO member_fts (rowid, doc)"
        f" SELECT m.rowid, {MEMBER_DOC.format(m='m')} FROM member m WHERE m.deleted_at IS NULL",
    )
    _execute(connection, "INSERT INTO member_fts (member_fts) VALUES ('optimize')")
    (count,) = _execute(connection, "SELECT count(*) FROM member_fts").fetchone()
    return int(count)


def check_member_index(connection: AnyConnection) -> bool:
    """True if ``member_fts`` holds exactly one up-to-date document per live member and its
    FTS5 structure is sound."""
    try:
        _execute(connection, "INSERT INTO member_fts (member_fts) VALUES ('integrity-check')")
    except Exception as error:  # sqlite3 or SQLAlchemy wrapping it: a corrupt index
        if "malformed" in str(error) or "corrupt" in str(error):
            return False
        raise
    (documents,) = _execute(connection, "SELECT count(*) FROM member_fts").fetchone()
    (current,) = _execute(
        connection,
        "SELECT count(*) FROM member m JOIN member_fts f ON f.rowid = m.rowid"
        f" WHERE m.deleted_at IS NULL AND f.doc = {MEMBER_DOC.format(m='m')}",
    ).fetchone()
    (live,) = _execute(
        connection, "SELECT count(*) FROM member WHERE deleted_at IS NULL"
    ).fetchone()
    return int(documents) == int(live) == int(current)


def search_backlog(connection: sqlite3.Connection) -> SearchBacklog | None:
    """The members that may still lack their search document, or None (the usual case)."""
    row = connection.execute(
        "SELECT value FROM local_setting WHERE key = ?", (BACKLOG_KEY,)
    ).fetchone()
    if row is None:
        return None
    try:
        after, upto = (int(part) for part in str(row[0]).split(","))
    except ValueError:  # unreadable: assume every member may lack it (searches stay right)
        (top,) = connection.execute("SELECT coalesce(max(rowid), 0) FROM member").fetchone()
        return SearchBacklog(0, int(top))
    return SearchBacklog(after, upto) if upto > after else None


def add_search_backlog(connection: sqlite3.Connection, *, after: int, upto: int) -> None:
    """Record, in the caller's transaction, that members with ``after < rowid <= upto`` were
    written without their search documents (merged with a backlog left before)."""
    if upto <= after:
        return
    current = search_backlog(connection)
    if current is not None:
        after, upto = min(after, current.after), max(upto, current.upto)
    connection.execute(
        "INSERT INTO local_setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (BACKLOG_KEY, f"{after},{upto}"),
    )


def write_search_backlog_slice(
    connection: sqlite3.Connection, *, rows: int = BACKLOG_SLICE_ROWS
) -> tuple[int, bool]:
    """In the caller's transaction: the documents of the backlog's next ``rows`` rowids.
    Returns (rowids covered, whether some backlog is left)."""
    backlog = search_backlog(connection)
    if backlog is None:
        return 0, False
    end = min(backlog.upto, backlog.after + rows)
    row = connection.execute("SELECT v FROM member_fts_config WHERE k = 'hashsize'").fetchone()
    _set_hashsize(connection, BACKLOG_HASHSIZE)
    connection.execute(
        "INSERT INTO member_fts (rowid, doc)"
        f" SELECT m.rowid, {MEMBER_DOC.format(m='m')} FROM member m"
        " WHERE m.rowid > ? AND m.rowid <= ? AND m.deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM member_fts f WHERE f.rowid = m.rowid)"
        " ORDER BY m.rowid",
        (backlog.after, end),
    )
    _set_hashsize(connection, int(row[0]) if row else FTS5_DEFAULT_HASHSIZE)
    if end >= backlog.upto:
        connection.execute("DELETE FROM local_setting WHERE key = ?", (BACKLOG_KEY,))
    else:
        connection.execute(
            "UPDATE local_setting SET value = ? WHERE key = ?",
            (f"{end},{backlog.upto}", BACKLOG_KEY),
        )
    return end - backlog.after, end < backlog.upto


def index_search_backlog_slice(*, session: Any, rows: int | None = None) -> tuple[int, bool]:
    """:func:`write_search_backlog_slice` in a session's transaction (the app's database
    thread runs it between the user's own writes, so that neither finds the other's commit
    in the way of its write)."""
    from db.members._sql import dbapi  # here: db.members imports this module

    return write_search_backlog_slice(dbapi(session), rows=rows or BACKLOG_SLICE_ROWS)


def _set_hashsize(connection: sqlite3.Connection, value: int) -> None:
    connection.execute("INSERT INTO member_fts(member_fts, rank) VALUES ('hashsize', ?)", (value,))


def index_search_backlog(
    connect: Callable[[], sqlite3.Connection],
    *,
    rows: int = BACKLOG_SLICE_ROWS,
    stop: Callable[[], bool] = lambda: False,
) -> int:
    """Write the backlog's documents, ``rows`` rowids per transaction, until none is left or
    ``stop()`` answers True between two slices (the rest stays recorded for next time).
    ``connect`` opens the connection used (closed here; it must not be in a transaction).
    Returns how many rowids of the backlog were covered. Other connections read and write
    between the slices; a slice waits for the write lock as any writer does."""
    connection = connect()
    covered = 0
    try:
        backlog = search_backlog(connection)
        left = backlog is not None
        while left and not stop():
            connection.execute("BEGIN IMMEDIATE")
            try:
                done, left = write_search_backlog_slice(connection, rows=rows)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            covered += done
    finally:
        connection.close()
    return covered
