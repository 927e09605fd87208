"""The member search index (FTS5, trigram tokenizer): rebuilding and checking it.

``member_fts`` holds one document per live member (rowid = ``member.rowid``), kept in step by the
triggers of the migrations. :data:`MEMBER_DOC` is the document those triggers write; a test
checks that both give identical documents, so a migration that changes the document must
change it here too.

The index must be rebuilt after anything that renumbers member rowids (``VACUUM`` may, since
``member`` has a text primary key) or writes members with the triggers switched off.
"""

from __future__ import annotations

import sqlite3
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
