"""A bulk import that leaves its members' search documents for after the commit (the wizard's
way): searches find those members meanwhile, the backlog is written a slice at a time, and
nothing is indexed twice or left out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.check import check_database
from db.engine import Database, open_database
from db.io.import_members import import_members
from db.members.edit import delete_member, save_member
from db.members.query import count_members, member_ids_for_keys, search_member_keys
from db.members.types import MemberFilter, MemberInput
from db.search import (
    BACKLOG_KEY,
    SearchBacklog,
    add_search_backlog,
    check_member_index,
    index_search_backlog,
    rebuild_member_index,
    search_backlog,
)
from tests.db.io.fixtures_import import (
    MESSY_IMPORTED_ROWS,
    write_messy_xlsx,
    write_simple_xlsx,
)


@pytest.fixture
def database(seeded_database: Database) -> Database:
    return seeded_database


def _read(database: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    connection = database.raw_connection()
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _backlog(database: Database):  # type: ignore[no-untyped-def]
    connection = database.raw_connection()
    try:
        return search_backlog(connection)
    finally:
        connection.close()


def _index_is_whole(database: Database) -> bool:
    connection = database.raw_connection()
    try:
        return check_member_index(connection)
    finally:
        connection.close()


def _searches(database: Database) -> list[str]:
    """Texts that find the imported members in every way a search can: names (3+ code
    points, two terms, a short term), an organisation's name, digits of a phone number."""
    (first, last, phone) = _read(
        database,
        "SELECT first_name, last_name, phone FROM member WHERE deleted_at IS NULL"
        " AND phone != '' ORDER BY rowid DESC LIMIT 1",
    )[0]
    (organisation,) = _read(
        database,
        "SELECT o.name FROM member m JOIN organisation o ON o.id = m.organisation_id"
        " ORDER BY m.rowid DESC LIMIT 1",
    )[0]
    return [first, f"{first} {last[:3]}", last[:2], organisation[-4:], phone[-5:], "zzzqqq"]


def _results(database: Database, texts: list[str]) -> dict[str, tuple[list[str], list[str], int]]:
    found = {}
    with database.session() as session:
        for text in texts:
            filters = MemberFilter(text=text)
            every = search_member_keys(session, filters=filters)
            first = search_member_keys(session, filters=filters, limit=3)
            found[text] = (
                member_ids_for_keys(session, keys=list(every)),
                member_ids_for_keys(session, keys=list(first)),
                count_members(session, filters=filters),
            )
    return found


def _catch_up(database: Database, **options: object) -> int:
    return index_search_backlog(
        lambda: database.raw_connection(create=False),
        **options,  # type: ignore[arg-type]
    )


def test_searches_find_the_imported_members_before_and_after_their_documents(
    database: Database, tmp_path: Path
) -> None:
    (before,) = _read(database, "SELECT max(rowid) FROM member")[0]
    report = import_members(
        database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True
    )
    assert report.imported == len(MESSY_IMPORTED_ROWS)
    (after,) = _read(database, "SELECT max(rowid) FROM member")[0]
    backlog = _backlog(database)
    assert backlog is not None and (backlog.after, backlog.upto) == (before, after)
    # The new members have no document yet; the two members there before keep theirs.
    assert _read(database, "SELECT count(*) FROM member_fts")[0][0] == 2
    assert not _index_is_whole(database)
    item = next(i for i in check_database(database).items if i.code == "search_index")
    assert item.severity == "ok" and "being indexed" in item.summary

    texts = _searches(database)
    waiting = _results(database, texts)
    assert all(waiting[text][0] for text in texts[:-1])  # each finds someone
    assert waiting["zzzqqq"] == ([], [], 0)

    assert _catch_up(database) == after - before
    assert _backlog(database) is None
    assert _index_is_whole(database)
    assert _results(database, texts) == waiting  # the same members, in the same order
    item = next(i for i in check_database(database).items if i.code == "search_index")
    assert item.severity == "ok" and "being indexed" not in item.summary


def test_members_edited_or_deleted_meanwhile_are_indexed_once(
    database: Database, tmp_path: Path
) -> None:
    import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True)
    edited, deleted = (r[0] for r in _read(
        database, "SELECT id FROM member ORDER BY rowid DESC LIMIT 2"
    ))  # fmt: skip
    with database.session() as session:
        (row,) = _read(database, "SELECT first_name, last_name FROM member WHERE id = ?", (edited,))
        save_member(session, data=MemberInput(id=edited, first_name="ประภาพร", last_name=row[1]))
        delete_member(session, member_id=deleted)
    # The update trigger wrote the edited member's document; the deleted one needs none.
    assert _read(database, "SELECT count(*) FROM member_fts")[0][0] == 3

    assert _catch_up(database, rows=2) > 0  # two rowids per transaction
    assert _index_is_whole(database)
    (documents,) = _read(database, "SELECT count(*) FROM member_fts")[0]
    assert documents == len(MESSY_IMPORTED_ROWS) + 2 - 1
    with database.session() as session:
        keys = search_member_keys(session, filters=MemberFilter(text="ประภาพร"))
        assert member_ids_for_keys(session, keys=list(keys)) == [edited]


def test_a_stopped_catch_up_leaves_the_rest_for_next_time(
    database: Database, tmp_path: Path
) -> None:
    import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True)
    whole = _backlog(database)
    assert whole is not None
    slices: list[int] = []

    def stop() -> bool:
        slices.append(1)
        return len(slices) > 2  # asked before each slice: two slices written

    assert _catch_up(database, rows=3, stop=stop) == 6
    rest = _backlog(database)
    assert rest is not None and (rest.after, rest.upto) == (whole.after + 6, whole.upto)
    assert _catch_up(database) == whole.size - 6
    assert _backlog(database) is None and _index_is_whole(database)


def test_only_a_bulk_import_asked_to_defers(database: Database, tmp_path: Path) -> None:
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    import_members(database, path=path)  # the command line's way: indexed before the commit
    assert _backlog(database) is None and _index_is_whole(database)
    # Into a register bigger than the file: the triggers stay on, nothing to defer.
    small = write_simple_xlsx(tmp_path / "s.xlsx", ["ชื่อ", "นามสกุล"], [["ประภาพร", "ใจงาม"]])
    report = import_members(database, path=small, defer_search_index=True)
    assert report.imported == 1
    assert _backlog(database) is None and _index_is_whole(database)


def test_a_second_backlog_widens_the_first(database: Database, tmp_path: Path) -> None:
    import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True)
    first = _backlog(database)
    assert first is not None
    connection = database.raw_connection()
    try:
        add_search_backlog(connection, after=first.after + 2, upto=first.upto + 5)
        assert search_backlog(connection) == SearchBacklog(first.after, first.upto + 5)
        add_search_backlog(connection, after=1, upto=first.upto)
        assert search_backlog(connection) == SearchBacklog(1, first.upto + 5)
        add_search_backlog(connection, after=9, upto=9)  # nothing left out: no change
        assert search_backlog(connection) == SearchBacklog(1, first.upto + 5)
    finally:
        connection.close()
    _catch_up(database)
    assert _backlog(database) is None and _index_is_whole(database)


def test_a_backlog_value_that_cannot_be_read_covers_every_member(
    database: Database, tmp_path: Path
) -> None:
    import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True)
    texts = _searches(database)
    expected = _results(database, texts)
    connection = database.raw_connection()
    try:
        connection.execute(
            "UPDATE local_setting SET value = 'garbage' WHERE key = ?", (BACKLOG_KEY,)
        )
        (top,) = connection.execute("SELECT max(rowid) FROM member").fetchone()
        backlog = search_backlog(connection)
        assert backlog is not None and (backlog.after, backlog.upto) == (0, top)
    finally:
        connection.close()
    assert _results(database, texts) == expected
    _catch_up(database)
    assert _backlog(database) is None and _index_is_whole(database)


def test_a_rebuilt_index_has_no_backlog(database: Database, tmp_path: Path) -> None:
    import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), defer_search_index=True)
    connection = database.raw_connection()
    try:
        connection.execute("BEGIN")
        rebuild_member_index(connection)
        connection.execute("COMMIT")
    finally:
        connection.close()
    assert _backlog(database) is None and _index_is_whole(database)


def test_a_catch_up_on_a_file_gone_raises_and_creates_nothing(tmp_path: Path) -> None:
    database = open_database(tmp_path / "gone.sqlite")
    database.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database.path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(sqlite3.Error):
        _catch_up(database)
    assert not database.path.exists()
