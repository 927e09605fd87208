"""Member export read on two connections at once, more checks beside test_export_parallel.py:
the same bytes as one reader with every column and option; one snapshot whatever is written and
whenever (before the first chunk, after it, while the keys are found; the whole register or a
filter); the CSV of awkward cells (separators, quotes, line breaks, the marks the fast statement
uses, formula starts, a strength tag holding the tags' separator) byte for byte what the careful
Python path (``_ChunkReader``, quoted field by field) writes, with one reader and two; cancel
before or during the reading; an error raised inside SQL on a reader thread, or while a second
reader is set up, reaches the caller with no file and no reader left; readers stop a few chunks
ahead of a slow writer.

The demo register here is small, so the thresholds (``PARALLEL_FROM``, ``CHUNK``,
``STRENGTHS_TABLE_FROM``) are lowered: many chunks, read by both readers, with the strengths
table of every member as at full scale.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import sqlite3
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.demo import populate
from db.engine import Database, open_database
from db.io import export_members as em
from db.io.cell_safety import escape_cell
from db.io.export_columns import EXPORT_COLUMNS, ExportError, resolve_columns
from db.io.export_members import ExportCancelled, export_members
from db.members.types import MemberFilter, MemberSort
from tests.db.io.test_export_support import (
    read_csv,
    read_xlsx,
    xlsx_read_in_parallel_too,  # noqa: F401 - autouse
)

MEMBERS = 2_400
ALL_COLUMNS = [column.key for column in EXPORT_COLUMNS]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path)
    populate(database, members=MEMBERS, seed=5, today=dt.date(2026, 11, 24))
    database.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo register of this test's own (tests write to it)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    database = open_database(path, migrate=False)
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def small_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(em, "CHUNK", 150)
    monkeypatch.setattr(em, "STRENGTHS_TABLE_FROM", 100)
    monkeypatch.setattr(em, "DATES_TABLE_FROM", 100)


def one_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(em, "PARALLEL_FROM", 10**9)


def two_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(em, "PARALLEL_FROM", 1)


def readers_now() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith("export-read")}


class ReaderCount:
    """A progress callback noting the most export reader threads seen at once."""

    def __init__(self) -> None:
        self.most = 0

    def __call__(self, done: int, total: int) -> bool:
        if done:
            self.most = max(self.most, len(readers_now()))
        return True


def content(path: Path) -> bytes:
    """A .csv's bytes, or an .xlsx's worksheet XML (the package holds its time of writing)."""
    if path.suffix == ".csv":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return archive.read(em.SHEET_PART)


def export(database: Database, path: Path, **options: object) -> bytes:
    result = export_members(database, out_path=path, **options)  # type: ignore[arg-type]
    assert result.count > 0
    return content(path)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_two_readers_write_the_same_bytes_as_one_with_every_option(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    options = {"columns": ALL_COLUMNS, "include_personal": True, "era": "CE", "language": "en"}
    one_reader(monkeypatch)
    seen = ReaderCount()
    single = export(demo, tmp_path / f"one.{fmt}", progress=seen, **options)
    assert seen.most == 1

    two_readers(monkeypatch)
    seen = ReaderCount()
    double = export(demo, tmp_path / f"two.{fmt}", progress=seen, **options)
    assert seen.most == 2, "the export did not read on two connections"
    assert double == single
    assert not readers_now()


def _member_columns(connection: sqlite3.Connection) -> list[str]:
    return [row[1] for row in connection.execute("PRAGMA table_info(member)")]


def write_meanwhile(database: Database) -> None:
    """Commit, on a connection of its own, changes that an export would show in every chunk:
    every member's notes, one member deleted and one added."""
    connection = database.raw_connection()
    try:
        keys = [
            key for (key,) in connection.execute(
                "SELECT rowid FROM member WHERE deleted_at IS NULL ORDER BY name_key"
            )
        ]  # fmt: skip
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE member SET notes = 'changed meanwhile'")
        connection.execute(
            "UPDATE member SET deleted_at = '2026-11-24T00:00:00Z' WHERE rowid = ?",
            (keys[len(keys) // 2],),
        )
        columns = _member_columns(connection)
        copied = ", ".join(
            {"id": "?", "national_id": "NULL"}.get(column, column) for column in columns
        )
        connection.execute(
            f"INSERT INTO member ({', '.join(columns)}) SELECT {copied} FROM member"
            " WHERE rowid = ?",
            (str(uuid.uuid4()), keys[0]),
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


# Every member, but not the whole register as such (an export may prepare differently for that).
EVERY_STATUS = MemberFilter(statuses=("active", "pending", "inactive", "resigned", "deceased"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("when", ["before-reading", "after-first-chunk", "while-finding-keys"])
@pytest.mark.parametrize("filters", [MemberFilter(), EVERY_STATUS], ids=["all", "filtered"])
def test_a_write_committed_during_the_export_is_not_in_it(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, when: str,
    filters: MemberFilter,
) -> None:  # fmt: skip
    two_readers(monkeypatch)
    before = export(demo, tmp_path / f"before.{fmt}", filters=filters)

    written = threading.Event()

    def write_once() -> None:
        if not written.is_set():
            write_meanwhile(demo)
            written.set()

    def progress(done: int, total: int) -> bool:
        if (when == "before-reading" and done == 0) or (when == "after-first-chunk" and done > 0):
            write_once()
        return True

    find_keys = em._export_keys
    if when == "while-finding-keys":
        # Between the snapshot and the keys: the writer commits on another thread (it would
        # wait for a write lock still held, and must not dead-lock the export).

        def keys_after_a_write(*args: object, **kwargs: object) -> object:
            writer = threading.Thread(target=write_once)
            writer.start()
            writer.join(timeout=30)
            assert written.is_set()
            return find_keys(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(em, "_export_keys", keys_after_a_write)
    seen = ReaderCount()

    def watched(done: int, total: int) -> bool:
        seen(done, total)
        return progress(done, total)

    during = export(demo, tmp_path / f"during.{fmt}", progress=watched, filters=filters)
    assert written.is_set()
    assert seen.most == 2
    assert during == before
    monkeypatch.setattr(em, "_export_keys", find_keys)
    after = export(demo, tmp_path / f"after.{fmt}", filters=filters)
    assert after != before  # the write is there for the next export
    assert b"changed meanwhile" in after


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def assert_database_free(database: Database) -> None:
    """No reader is left in a transaction: a checkpoint can reset the whole WAL."""
    connection = database.raw_connection()
    try:
        connection.execute("UPDATE member SET notes = notes WHERE rowid = 1")
        busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
    finally:
        connection.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("stop_after", [0, 5])
def test_cancel_leaves_no_file_and_no_reader(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, stop_after: int
) -> None:
    two_readers(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"members.{fmt}"
    target.write_bytes(b"the old file")
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) <= stop_after

    with pytest.raises(ExportCancelled):
        export_members(demo, out_path=target, progress=progress)
    assert leftovers(out) == [f"members.{fmt}"]
    assert target.read_bytes() == b"the old file"
    assert not readers_now()
    assert_database_free(demo)


def test_an_error_on_the_second_reader_reaches_the_caller(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell too long for Excel in a chunk the second reader reads: ExportError, no file."""
    two_readers(monkeypatch)
    connection = demo.raw_connection()
    try:
        keys = [
            key for (key,) in connection.execute(
                "SELECT rowid FROM member WHERE deleted_at IS NULL ORDER BY name_key"
            )
        ]  # fmt: skip
        with connection:
            connection.execute("BEGIN")
            for position in (em.CHUNK + 3, 2 * em.CHUNK + 3, 7 * em.CHUNK + 3):
                connection.execute(
                    "UPDATE member SET notes = ? WHERE rowid = ?",
                    ("ก" * (em.XLSX_MAX_CELL + 1), keys[position]),
                )
    finally:
        connection.close()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError) as raised:
        export_members(demo, out_path=out / "m.xlsx")
    assert raised.value.code == "cell_too_long"
    assert leftovers(out) == []
    assert not readers_now()
    assert_database_free(demo)


def test_an_error_setting_up_the_second_reader_reaches_the_caller(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_readers(monkeypatch)
    made: list[threading.Thread] = []
    original = em._Records.__init__

    def fail_on_another_thread(self: em._Records, *args: object, **kwargs: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            made.append(threading.current_thread())
            raise sqlite3.OperationalError("disk I/O error (made up)")
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(em._Records, "__init__", fail_on_another_thread)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(sqlite3.OperationalError, match="made up"):
        export_members(demo, out_path=out / "m.csv")
    assert made, "no reader was set up on another thread"
    assert leftovers(out) == []
    assert not readers_now()
    assert_database_free(demo)


def test_memory_stays_bounded_when_the_writer_is_slow(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The readers stop a few chunks ahead of a writer that does not keep up."""
    two_readers(monkeypatch)
    read: list[int] = []
    written: list[int] = []
    ahead: list[int] = []
    original: Callable[..., tuple[int, bytes]] = em._Records.csv

    def counted(self: em._Records, keys: object) -> tuple[int, bytes]:
        result = original(self, keys)
        read.append(result[0])
        ahead.append(len(read) - len(written))
        return result

    def slow(done: int, total: int) -> bool:
        written.append(done)
        time.sleep(0.01)
        return True

    monkeypatch.setattr(em._Records, "csv", counted)
    export(demo, tmp_path / "m.csv", progress=slow)
    assert len(read) > 10
    assert max(ahead) <= 6, f"readers ran {max(ahead)} chunks ahead of the writer"


# Cells that need quoting in CSV, or care: separators and control characters an export might use
# inside its own records, formula starts, and a strength tag holding the tags' own separator.
AWKWARD_NOTES = [
    "จุลภาค, ในหมายเหตุ", 'อัญประกาศ "คำ"', "หลาย\nบรรทัด", "cr\rhere", "unit\x1fsep",
    "record\x1esep", "group\x1dsep", "file\x1csep", "=1+2", "-5", "@shop", " =spaced", "'quoted",
    "ธรรมดา",
]  # fmt: skip
AWKWARD_TAGS = ["ช่าง, ไม้", 'tag "quoted"', "tab\tin", "rs\x1ehere", "=SUM(1)", "ดนตรี"]


def make_awkward(database: Database, every: int) -> None:
    """Awkward notes, names and strength tags on every ``every``-th member in name order (the
    others stay plain, so some chunks need no quoting and others do)."""
    connection = database.raw_connection()
    try:
        rows = connection.execute(
            "SELECT rowid, id, owner_office_id FROM member WHERE deleted_at IS NULL"
            " ORDER BY name_key"
        ).fetchall()
        connection.execute("BEGIN")
        for number, (key, member_id, office) in enumerate(rows[::every]):
            note = AWKWARD_NOTES[number % len(AWKWARD_NOTES)]
            connection.execute(
                "UPDATE member SET notes = ?, address = ?, first_name = first_name || ? WHERE"
                " rowid = ?",
                (note, note[::-1], "," if number % 5 == 0 else "", key),
            )
            for tag in (AWKWARD_TAGS[number % len(AWKWARD_TAGS)], "ทำอาหาร"):
                connection.execute(
                    "INSERT INTO member_strength (id, owner_office_id, created_at, updated_at,"
                    " hlc, deleted_at, member_id, tag) VALUES (?, ?, '2026-11-24T00:00:00Z',"
                    " '2026-11-24T00:00:00Z', '0', NULL, ?, ?)",
                    (str(uuid.uuid4()), office, member_id, tag),
                )
        connection.execute("COMMIT")
    finally:
        connection.close()


def careful_csv(database: Database) -> bytes:
    """The register's default CSV as the careful Python path renders each cell
    (:class:`em._ChunkReader`, then quoted field by field): the reference."""
    columns = resolve_columns(  # every non-personal column, the groups too
        [column.key for column in EXPORT_COLUMNS if not column.personal], include_personal=False
    )
    with database.session() as session:
        keys = em._export_keys(session, filters=MemberFilter(), sort=MemberSort(), member_ids=None)
        connection = em.dbapi(session)
        tables: dict[str, str] = {}
        em._member_tables(connection, columns, None, language="th",
                          today=dt.date.today().isoformat(), tables=tables)  # fmt: skip
        reader = em._ChunkReader(
            connection, columns, era="BE", language="th", strengths_table=tables["strengths"],
            groups_table=tables["groups"],
        )  # fmt: skip
        cells = reader.read(keys)
        for table in tables.values():
            connection.execute(f"DROP TABLE {table}")
    header = ",".join(em._csv_field(escape_cell(column.header("th"))) for column in columns)
    lines = [",".join(map(em._csv_field, map(str, row))) for row in zip(*cells, strict=True)]
    return ("\ufeff" + header + "\r\n" + "".join(line + "\r\n" for line in lines)).encode()


@pytest.mark.parametrize("every", [1, 7, 400], ids=["all-awkward", "some", "few"])
@pytest.mark.parametrize("readers", ["one", "two"])
def test_csv_with_awkward_cells_is_what_the_careful_path_writes(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, every: int, readers: str
) -> None:
    make_awkward(demo, every)
    (one_reader if readers == "one" else two_readers)(monkeypatch)
    expected = careful_csv(demo)
    non_personal = [column.key for column in EXPORT_COLUMNS if not column.personal]
    got = export(demo, tmp_path / "m.csv", columns=non_personal)  # the groups asked for too
    assert got.count(b"\r\n") == expected.count(b"\r\n")
    for number, (line, wanted) in enumerate(
        zip(got.split(b"\r\n"), expected.split(b"\r\n"), strict=True)
    ):
        assert line == wanted, f"line {number}"
    assert got == expected
    # and a CSV reader gets every awkward text back whole
    rows = list(csv.reader(io.StringIO(got[3:].decode("utf-8"), newline="")))
    notes = {row[-1] for row in rows[1:]}
    awkward = -(-(len(rows) - 1) // every)  # members made awkward
    assert {escape_cell(note) for note in AWKWARD_NOTES[:awkward]} <= notes


# Stored date values: well inside any range, at and past the edges of a range an export might
# prepare, invalid, odd text, formula-like text, empty.
ODD_DATES = [
    "2014-10-02", "2024-02-29", "1899-12-31", "1900-01-01", "2099-12-31", "2100-01-01",
    "0001-01-01", "9999-12-31", "2023-02-30", "2023-13-01", "2/10/2557", " 2014-10-02",
    "2014-10-02T00:00:00", "=1+1", "", None,
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("era", ["BE", "CE"])
@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("dates_table", [True, False], ids=["dates-table", "no-dates-table"])
def test_every_stored_date_value_gets_the_python_date_text(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, era: str,
    language: str, dates_table: bool,
) -> None:  # fmt: skip
    two_readers(monkeypatch)
    monkeypatch.setattr(em, "DATES_TABLE_FROM", 100 if dates_table else 10**9)
    made = em._Records._make_dates_table
    tables: list[str] = []

    def noted(self: em._Records) -> str:
        tables.append(made(self))
        return tables[-1]

    monkeypatch.setattr(em._Records, "_make_dates_table", noted)
    connection = demo.raw_connection()
    try:
        keys = [key for (key,) in connection.execute("SELECT rowid FROM member LIMIT 400")]
        with connection:
            connection.execute("BEGIN")
            for number, value in enumerate(ODD_DATES):
                connection.execute(
                    "UPDATE member SET first_name = ?, joined_on = ?, birth_date = ? WHERE"
                    " rowid = ?",
                    (f"วันที่{number:02d}", value, value, keys[number * 25]),
                )
    finally:
        connection.close()
    path = tmp_path / f"dates.{fmt}"
    export_members(
        demo, out_path=path, columns=["first_name", "joined_on", "birth_date"],
        include_personal=True, era=era, language=language,  # type: ignore[arg-type]
    )  # fmt: skip
    rows = read_xlsx(path) if fmt == "xlsx" else read_csv(path)
    cells = {str(row[0]): row[1:] for row in rows[1:]}
    dates = em._Dates(era, language)  # type: ignore[arg-type]
    for number, value in enumerate(ODD_DATES):
        wanted = dates[value]
        got = cells[f"วันที่{number:02d}"]
        assert [str(cell or "") for cell in got] == [wanted, wanted], value
        # A CE workbook holds the dates Excel can (from 1900-03-01) as Excel dates.
        as_date = fmt == "xlsx" and era == "CE" and em.excel_serial(wanted) is not None
        assert [isinstance(cell, dt.date) for cell in got] == [as_date, as_date], value
    assert [isinstance(cells[f"วันที่{n:02d}"][0], dt.date) for n in range(8)] == (
        [True, True, False, False, True, True, False, True] if fmt == "xlsx" and era == "CE"
        else [False] * 8
    )
    # The table of date texts is not needed for Excel dates.
    assert bool(tables) is (dates_table and not (fmt == "xlsx" and era == "CE"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_date_cells_are_looked_up_by_key(demo: Database, fmt: str) -> None:
    """Each date column finds its text by the dates table's key (comparing a TEXT key with the
    member's DATE column would not use it, and every cell would scan ~73,000 rows)."""
    columns = [column for column in EXPORT_COLUMNS if column.kind.value == "date"]
    assert len(columns) >= 3
    with demo.session() as session:
        connection = em.dbapi(session)
        strengths = em._strengths_table(connection, [1])
        records = em._Records(
            connection, columns, fmt=fmt, era="BE", language="th",  # type: ignore[arg-type]
            strengths_table=strengths, dates_table=True,
        )  # fmt: skip
        try:
            plan = [
                row[3] for row in connection.execute(
                    "EXPLAIN QUERY PLAN " + records._sql, {"keys": "[1]", "first": 0}
                )
            ]  # fmt: skip
        finally:
            records.close()
            connection.execute(f"DROP TABLE {strengths}")
    lookups = [step for step in plan if step.startswith(("SEARCH d", "SCAN d"))]
    assert len(lookups) == len(columns), plan
    assert all(step.startswith("SEARCH d") and "PRIMARY KEY" in step for step in lookups), plan
