"""A bulk import drops the member INSERT triggers, does their work by rowid ranges and puts
them back: the search index matches, the triggers are there after a commit and a cancel."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.io.import_members import ImportCancelled, import_members
from db.io.import_triggers import bulk_insert_triggers
from db.search import check_member_index
from tests.db.io.fixtures_import import seed_register, write_simple_xlsx


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "t.sqlite")
    yield database
    database.dispose()


def _triggers(database: Database) -> dict[str, str]:
    connection = database.raw_connection()
    try:
        return dict(connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'member'"
        ).fetchall())  # fmt: skip
    finally:
        connection.close()


def _sheet(path: Path, count: int) -> Path:
    rows = [
        (f"นายสมชาย{i:04d} ใจดี", f"ปลัด อบต.{i % 7}", "อบต.บ้านใหม่", "โคราช") for i in range(count)
    ]
    return write_simple_xlsx(path, ("ชื่อ-สกุล", "ตำแหน่ง", "สังกัด", "จังหวัด"), rows)


def test_member_fts_trigger_converts_to_a_range_statement(database: Database) -> None:
    connection = database.raw_connection()
    try:
        converted = bulk_insert_triggers(connection, "member")
        assert converted is not None and [t.name for t in converted] == ["member_fts_insert"]
        connection.execute("BEGIN")
        connection.execute("CREATE TABLE t (a, b)")
        connection.execute("CREATE TABLE log (x)")
        connection.execute(
            "CREATE TRIGGER t_odd AFTER INSERT ON t BEGIN UPDATE log SET x = new.a; END"
        )
        assert bulk_insert_triggers(connection, "t") is None  # not an INSERT: kept as it is
        connection.execute("DROP TRIGGER t_odd")
        connection.execute(
            "CREATE TRIGGER t_log AFTER INSERT ON t WHEN new.b > 0 BEGIN"
            " INSERT INTO log(x) VALUES (new.a || '/' || (SELECT count(*) FROM t)); END"
        )
        (trigger,) = bulk_insert_triggers(connection, "t") or []
        connection.executemany("INSERT INTO t VALUES (?, ?)", [("a", 1), ("b", 0), ("c", 2)])
        connection.execute("DELETE FROM log")
        connection.execute(trigger.range_sql, (1, 3))
        assert connection.execute("SELECT x FROM log").fetchall() == [("c/3",)]
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_bulk_import_keeps_triggers_and_index(database: Database, tmp_path: Path) -> None:
    seed_register(database)
    before = _triggers(database)
    report = import_members(database, path=_sheet(tmp_path / "m.xlsx", 120))
    assert report.imported == 120
    assert _triggers(database) == before
    connection = database.raw_connection()
    try:
        assert check_member_index(connection)
        (found,) = connection.execute(
            "SELECT count(*) FROM member_fts WHERE member_fts MATCH ?", ('"สมชาย0042"',)
        ).fetchone()
        assert found == 1
        (organisation,) = connection.execute(
            "SELECT count(*) FROM member_fts WHERE member_fts MATCH ?", ('"บริหารส่วนตำบลบ้านใหม่"',)
        ).fetchone()
        assert organisation == 121  # 120 imported + the one seeded there
    finally:
        connection.close()
    # A later edit goes through the triggers again.
    with sqlite3.connect(database.path) as plain:
        plain.execute("UPDATE member SET nickname = 'ต้อมต๊อก' WHERE first_name = 'สมชาย0007'")
        (hits,) = plain.execute(
            "SELECT count(*) FROM member_fts WHERE member_fts MATCH ?", ('"ต้อมต๊อก"',)
        ).fetchone()
    assert hits == 1


def test_cancelled_bulk_import_leaves_the_triggers(database: Database, tmp_path: Path) -> None:
    seed_register(database)
    before = _triggers(database)
    calls = 0

    def progress(done: int, total: int) -> bool:
        nonlocal calls
        calls += 1
        return calls < 2  # stop after the first batch was written

    with pytest.raises(ImportCancelled):
        import_members(database, path=_sheet(tmp_path / "m.xlsx", 2_500), progress=progress)
    assert _triggers(database) == before
    connection = database.raw_connection()
    try:
        assert connection.execute("SELECT count(*) FROM member").fetchone() == (2,)
        assert check_member_index(connection)
    finally:
        connection.close()
