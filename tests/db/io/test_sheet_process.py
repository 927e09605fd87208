"""Big workbooks read by a child process: the same table as in-process, the same errors."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from db.io import readers, sheet_process
from db.io.headers import header_score
from db.io.readers import ImportFileError, TableCache, read_table, read_workbook
from tests.db.io.fixtures_import import write_messy_xlsx, write_simple_xlsx


@pytest.fixture
def every_file_in_a_child(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every workbook counts as big; the paths read by a child are listed."""
    monkeypatch.setattr(sheet_process, "CHILD_FROM_BYTES", 0)
    monkeypatch.setattr(sheet_process, "CHUNK_ROWS", 4)  # several chunks even for small sheets
    read: list[Path] = []
    real = sheet_process.read_in_child

    def counted(path: Path, **kwargs: object) -> readers.SheetTable | None:
        table = real(path, **kwargs)  # type: ignore[arg-type]
        if table is not None:
            read.append(path)
        return table

    monkeypatch.setattr(sheet_process, "read_in_child", counted)
    return read


def test_the_child_reads_the_table_the_process_would(
    every_file_in_a_child: list[Path], tmp_path: Path
) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    here = read_workbook(path, sheet=None, max_rows=None, score=header_score)
    cache = TableCache(read_in_child=True)
    there = read_table(path, cache=cache)
    assert every_file_in_a_child == [path]
    assert there.sheet == here.sheet == "สมาชิก 2567"  # the best sheet chosen by the child
    assert there.sheet_names == here.sheet_names
    assert there.rows == here.rows and len(there.rows) > 8
    assert there.merged == here.merged and there.merged
    assert there.first_column == here.first_column
    assert read_table(path, cache=cache) is there  # cached as before
    # A limited read, and a named sheet.
    top = read_table(path, sheet="สมาชิก 2567", max_rows=5, cache=TableCache(read_in_child=True))
    assert top.rows == here.rows[:5]


def test_small_files_and_plain_caches_are_read_in_process(tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "s.xlsx", ("ชื่อ", "นามสกุล"), [("สมปอง", "ดีใจ")])
    assert not sheet_process.worth_a_child(path)  # a few KB
    assert read_table(path, cache=TableCache(read_in_child=True)).rows[1] == ["สมปอง", "ดีใจ"]


def test_the_childs_errors_are_the_same_errors(
    every_file_in_a_child: list[Path], tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.xlsx"
    good = write_messy_xlsx(tmp_path / "messy.xlsx").read_bytes()
    damaged.write_bytes(good[: len(good) // 2])  # a zip cut in half
    with pytest.raises(ImportFileError) as in_child:
        read_table(damaged, cache=TableCache(read_in_child=True))
    with pytest.raises(ImportFileError) as here:
        read_table(damaged)
    assert in_child.value.code == here.value.code == "unreadable_file"
    path = tmp_path / "messy.xlsx"
    with pytest.raises(ImportFileError) as missing:
        read_table(path, sheet="ไม่มี", cache=TableCache(read_in_child=True))
    assert missing.value.code == "sheet_not_found" and "ไม่มี" in missing.value.message
    assert every_file_in_a_child == []


def test_no_child_process_means_reading_in_process(
    every_file_in_a_child: list[Path], tmp_path: Path
) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")

    def score(rows: list[list[object]]) -> int:  # a local function cannot go to a child
        return header_score(rows)  # type: ignore[arg-type]

    table = read_table(path, score=score, cache=TableCache(read_in_child=True))
    assert every_file_in_a_child == []
    assert table.sheet == "สมาชิก 2567"


def test_a_child_that_stops_midway_is_an_unreadable_file(tmp_path: Path) -> None:
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sender.send(("table", "Sheet1", ("Sheet1",), 0, (), 10))
    sender.send(("rows", [["a"]] * 4))
    sender.close()  # the child died before the other six rows
    with pytest.raises(ImportFileError) as error:
        sheet_process._receive(receiver, tmp_path / "big.xlsx")
    assert error.value.code == "unreadable_file" and "big.xlsx" in error.value.message
