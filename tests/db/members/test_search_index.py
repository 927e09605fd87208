"""db.search: the rebuilt index has exactly the documents the migration's triggers write."""

from __future__ import annotations

from db.engine import Database
from db.search import MEMBER_DOC, check_member_index, rebuild_member_index

from .conftest import SmallRegister


def documents(database: Database) -> dict[int, str]:
    with database.engine.connect() as connection:
        return dict(connection.exec_driver_sql("SELECT rowid, doc FROM member_fts").all())


def test_member_doc_is_the_one_the_triggers_use(database: Database) -> None:
    with database.engine.connect() as connection:
        triggers = dict(
            connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                " AND name IN ('member_fts_insert', 'member_fts_update', 'organisation_rename_fts')"
            ).all()
        )
    assert MEMBER_DOC.format(m="new") in triggers["member_fts_insert"]
    assert MEMBER_DOC.format(m="new") in triggers["member_fts_update"]
    assert MEMBER_DOC.format(m="m") in triggers["organisation_rename_fts"]


def test_rebuild_gives_the_trigger_documents(small: SmallRegister) -> None:
    by_triggers = documents(small.database)
    assert len(by_triggers) == 6
    assert any("สมชาย ใจดี สมชายใจดี" in doc for doc in by_triggers.values())
    with small.database.engine.begin() as connection:
        assert check_member_index(connection)
        assert rebuild_member_index(connection) == 6
        assert check_member_index(connection)
    assert documents(small.database) == by_triggers


def test_check_finds_stale_missing_and_extra_documents(small: SmallRegister) -> None:
    with small.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE member_fts SET doc = 'stale' WHERE rowid = (SELECT min(rowid) FROM member_fts)"
        )
        assert not check_member_index(connection)
        rebuild_member_index(connection)
        assert check_member_index(connection)
        connection.exec_driver_sql(
            "DELETE FROM member_fts WHERE rowid = (SELECT max(rowid) FROM member_fts)"
        )
        assert not check_member_index(connection)
        rebuild_member_index(connection)
        connection.exec_driver_sql("INSERT INTO member_fts (rowid, doc) VALUES (999999, 'ghost')")
        assert not check_member_index(connection)


def test_rebuild_on_a_plain_sqlite3_connection(small: SmallRegister) -> None:
    expected = documents(small.database)
    connection = small.database.raw_connection()
    try:
        connection.execute("BEGIN")
        connection.execute("DELETE FROM member_fts")
        assert not check_member_index(connection)
        assert rebuild_member_index(connection) == 6
        connection.execute("COMMIT")
    finally:
        connection.close()
    assert documents(small.database) == expected
