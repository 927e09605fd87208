"""Member export read on several connections at once: the same bytes as one reader, one snapshot
for all readers, one reader when the snapshot cannot be had, and cancel leaves nothing behind.
Also the fast CSV statement (cells unquoted, checked after) against the careful one."""

from __future__ import annotations

import sqlite3
import threading
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from db.demo.populate import populate
from db.engine import Database, open_database
from db.io import export_members as em
from db.io.export_members import ExportCancelled, export_members
from tests.db.io.test_export_support import (
    read_csv,
    xlsx_read_in_parallel_too,  # noqa: F401 - autouse
)

MEMBERS = 3_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path)
    populate(database, members=MEMBERS, seed=5)
    database.dispose()
    return path


@pytest.fixture
def database(template: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "t.sqlite"
    with sqlite3.connect(template) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    database = open_database(copy, backup_before_migration=False)
    yield database
    database.dispose()


@pytest.fixture
def readers_used(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small chunks, parallel from 100 members; records how many readers each export used."""
    monkeypatch.setattr(em, "CHUNK", 250)
    monkeypatch.setattr(em, "PARALLEL_FROM", 100)
    used: list[int] = []
    chunks = em._chunks

    def counting(keys: Sequence[int], readers: Sequence[Callable[..., Any]], progress: Any) -> Any:
        used.append(len(readers))
        return chunks(keys, readers, progress)

    monkeypatch.setattr(em, "_chunks", counting)
    return used


def _export(target: Database | Any, path: Path, **options: Any) -> bytes:
    """The file's bytes (.xlsx: its worksheet's, as the workbook's creation time varies)."""
    export_members(target, out_path=path, include_personal=True, **options)
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return archive.read(em.SHEET_PART)
    return path.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_two_readers_write_the_same_bytes_as_one(
    database: Database,
    tmp_path: Path,
    readers_used: list[int],
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    parallel = _export(database, tmp_path / f"two{suffix}")
    monkeypatch.setattr(em, "READERS", 1)
    single = _export(database, tmp_path / f"one{suffix}")
    assert readers_used == [2, 1]
    assert parallel == single
    if suffix == ".csv":
        assert len(read_csv(tmp_path / "two.csv")) == MEMBERS + 1


def test_a_write_committed_meanwhile_is_not_exported(
    database: Database, tmp_path: Path, readers_used: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _export(database, tmp_path / "before.csv")
    keys = em._export_keys
    writes = 0

    def keys_then_a_write(*args: Any, **kwargs: Any) -> Any:
        """The keys, then another connection renames and deletes members of later chunks (the
        readers that did not compute the keys must not see it either)."""
        nonlocal writes
        found = keys(*args, **kwargs)
        writer = database.raw_connection()
        try:
            with writer:
                chosen = [found[position] for position in (300, 600, 2_900)]
                writer.execute(
                    "UPDATE member SET first_name = 'เปลี่ยนแล้ว' WHERE rowid IN (?, ?)", chosen[:2]
                )
                writer.execute(
                    "UPDATE member SET deleted_at = '2030-01-01T00:00:00' WHERE rowid = ?",
                    (chosen[2],),
                )
            writes += 1
        finally:
            writer.close()
        return found

    monkeypatch.setattr(em, "_export_keys", keys_then_a_write)
    during = _export(database, tmp_path / "during.csv")
    xlsx_during = _export(database, tmp_path / "during.xlsx")  # a deleted member would raise
    monkeypatch.setattr(em, "_export_keys", keys)
    after = _export(database, tmp_path / "after.csv")
    assert writes == 2 and readers_used == [2, 2, 2, 2]
    assert during == before
    assert xlsx_during.count(b"<row ") == MEMBERS  # the first write deleted one; not the second
    assert after != before and "เปลี่ยนแล้ว".encode() in after
    assert after.count(b"\r\n") == before.count(b"\r\n") - 2  # one deleted by each write


def test_one_reader_when_a_writer_holds_the_lock(
    database: Database, tmp_path: Path, readers_used: list[int]
) -> None:
    reference = _export(database, tmp_path / "reference.csv")
    writer = database.raw_connection()
    try:
        writer.execute("BEGIN IMMEDIATE")  # an import in progress
        writer.execute("UPDATE member SET first_name = 'ยังไม่บันทึก'")
        busy = _export(database, tmp_path / "busy.csv")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert readers_used == [2, 1]
    assert busy == reference


def test_one_reader_in_the_callers_session(
    database: Database, tmp_path: Path, readers_used: list[int]
) -> None:
    reference = _export(database, tmp_path / "reference.xlsx")
    with database.session() as session:
        in_session = _export(session, tmp_path / "session.xlsx")
    assert readers_used == [2, 1]
    assert in_session == reference


def test_small_exports_use_one_reader(
    database: Database, tmp_path: Path, readers_used: list[int]
) -> None:
    with database.session() as session:
        ids = [row[0] for row in em.dbapi(session).execute("SELECT id FROM member LIMIT 50")]
    _export(database, tmp_path / "some.csv", member_ids=ids)
    assert readers_used == [1]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_cancel_with_two_readers_leaves_no_file_and_no_reader(
    database: Database, tmp_path: Path, readers_used: list[int], suffix: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < 1_000

    with pytest.raises(ExportCancelled):
        export_members(database, out_path=folder / f"m{suffix}", progress=progress)
    assert readers_used == [2]
    assert list(folder.iterdir()) == []
    assert calls[-1] == 1_000 and calls[-1] < MEMBERS
    # No connection of the export still reads an old snapshot: a write, then a checkpoint that
    # must copy every page back (busy = 1 if a reader still held the old snapshot).
    with database.session() as session:
        em.dbapi(session).execute("UPDATE member SET nickname = 'ใหม่' WHERE rowid = 1")
    with database.session() as session:
        (busy, _log, _done) = (
            em.dbapi(session).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        )
    assert busy == 0
    assert threading.active_count() == 1 or not any(
        thread.name.startswith("export-") for thread in threading.enumerate()
    )


def test_an_error_in_one_reader_stops_the_export(
    database: Database, tmp_path: Path, readers_used: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = em._Records.csv
    seen: list[int] = []

    def failing(self: em._Records, keys: Sequence[int]) -> tuple[int, bytes]:
        seen.append(len(seen))
        if len(seen) == 5:
            raise sqlite3.OperationalError("disk I/O error")
        return csv(self, keys)

    monkeypatch.setattr(em._Records, "csv", failing)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        export_members(database, out_path=folder / "m.csv")
    assert list(folder.iterdir()) == []
    assert not any(thread.name.startswith("export-") for thread in threading.enumerate())


# --- the fast CSV statement and the careful one ----------------------------------------------


def _set_notes(database: Database, texts: dict[int, str]) -> None:
    with database.session() as session:
        connection = em.dbapi(session)
        connection.executemany(
            "UPDATE member SET notes = ? WHERE rowid = ?", [(t, k) for k, t in texts.items()]
        )


def _careful_and_fast(database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _export(database, tmp_path / "fast.csv")
    monkeypatch.setattr(em, "CAREFUL_AFTER", 0)  # every chunk quoted by SQL
    careful = _export(database, tmp_path / "careful.csv")
    assert fast == careful


def test_fast_csv_is_the_careful_csv_on_plain_data(
    database: Database, tmp_path: Path, readers_used: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_chunks: list[bool] = []
    csv = em._Records.csv

    def watching(self: em._Records, keys: Sequence[int]) -> tuple[int, bytes]:
        failures = self._fast_failures
        result = csv(self, keys)
        fast_chunks.append(self._fast_failures == failures and failures < em.CAREFUL_AFTER)
        return result

    monkeypatch.setattr(em._Records, "csv", watching)
    fast = _export(database, tmp_path / "fast.csv")
    assert fast_chunks and all(fast_chunks)  # demo data: no cell needs quotes
    monkeypatch.setattr(em, "CAREFUL_AFTER", 0)
    assert _export(database, tmp_path / "careful.csv") == fast


@pytest.mark.parametrize(
    "text",
    [
        "มีจุลภาค, ในหมายเหตุ",
        'มี "อัญประกาศ"',
        "ขึ้น\r\nบรรทัดใหม่",
        "มีเครื่องหมาย\x1e ที่ใช้ภายใน",
        "มีเครื่องหมาย\x1d\x1d และ\x1f",
        "=1+1",
    ],
)
def test_cells_that_need_care_give_the_same_file_fast_or_careful(
    database: Database,
    tmp_path: Path,
    readers_used: list[int],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
) -> None:
    _set_notes(database, {5: text, 900: text, 2_500: "ธรรมดา"})
    _careful_and_fast(database, tmp_path, monkeypatch)
    rows = read_csv(tmp_path / "fast.csv")
    notes = rows[0].index("หมายเหตุ")
    expected = "'" + text if text.startswith("=") else text
    assert sum(row[notes] == expected for row in rows[1:]) == 2


def test_strengths_that_need_care_give_the_same_file_fast_or_careful(
    database: Database, tmp_path: Path, readers_used: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as session:
        connection = em.dbapi(session)
        tagged = [
            row[0]
            for row in connection.execute(
                "SELECT member_id FROM member_strength WHERE deleted_at IS NULL"
                " GROUP BY member_id HAVING count(*) > 1 LIMIT 3"
            )
        ]
        tags = ["ภาษา, อังกฤษ", "-ลบ", "มี\x1eเครื่องหมาย"]
        for member_id, tag in zip(tagged, tags, strict=True):
            connection.execute(
                "UPDATE member_strength SET tag = ? WHERE rowid ="
                " (SELECT min(rowid) FROM member_strength WHERE member_id = ?)",
                (tag, member_id),
            )
    _careful_and_fast(database, tmp_path, monkeypatch)
    rows = read_csv(tmp_path / "fast.csv")
    strengths = rows[0].index("ความเชี่ยวชาญ")
    cells = [row[strengths] for row in rows[1:]]
    assert any(cell.startswith("ภาษา, อังกฤษ, ") for cell in cells)
    assert any(cell.startswith("'-ลบ, ") for cell in cells)
    assert any(cell.startswith("มี\x1eเครื่องหมาย, ") for cell in cells)


@pytest.fixture
def strengths_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The qualified names of the strengths tables the export built (not copied)."""
    built: list[str] = []
    real = em._strengths_table

    def counted(connection: sqlite3.Connection, keys: Sequence[int] | None = None) -> str:
        built.append(real(connection, keys))
        return built[-1]

    monkeypatch.setattr(em, "_strengths_table", counted)
    return built


def test_the_strengths_table_is_built_once_and_copied_to_the_other_reader(
    database: Database, tmp_path: Path, readers_used: list[int], strengths_built: list[str]
) -> None:
    copied = _export(database, tmp_path / "copied.csv")
    assert readers_used == [2] and len(strengths_built) == 1
    assert strengths_built[0].startswith("temp.")
    # Each reader building its own (no serialize in this SQLite) gives the same file.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(em._SharedTables, "possible", staticmethod(lambda: False))
        built_twice = _export(database, tmp_path / "twice.csv")
    assert len(strengths_built) == 3 and readers_used == [2, 2]
    assert copied == built_twice
    with database.session() as session:  # a caller's Session: one reader, its own table
        one = _export(session, tmp_path / "one.csv")
    assert readers_used[-1] == 1 and one == copied


def test_a_failed_build_is_raised_and_the_other_reader_does_not_wait(
    database: Database, tmp_path: Path, readers_used: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = em._strengths_table
    calls: list[int] = []

    def failing_first(connection: sqlite3.Connection, keys: Sequence[int] | None = None) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("disk I/O error")
        return real(connection, keys)

    monkeypatch.setattr(em, "_strengths_table", failing_first)
    finished = threading.Event()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            _export(database, tmp_path / "failed.csv")
        except BaseException as error:  # handed to the test
            errors.append(error)
        finally:
            finished.set()

    threading.Thread(target=run, daemon=True).start()
    assert finished.wait(30), "the second reader waited for a table that never came"
    assert len(errors) == 1 and "disk I/O error" in str(errors[0])
    assert len(calls) == 2  # the second reader built its own
    assert not (tmp_path / "failed.csv").exists()
