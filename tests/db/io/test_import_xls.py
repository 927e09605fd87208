"""Importing an old Excel 97-2003 (.xls) workbook: the messy sheet, saved as .xls by LibreOffice.

``fixtures/messy.xls`` is ``write_messy_xlsx`` converted with
``soffice --headless --convert-to xls`` (LibreOffice 7, "MS Excel 97" filter). In .xls the
serial typed into a text column comes back as an integer and dates as date cells; the outcome
must be the .xlsx one, row for row.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.io.import_members import import_members, preview
from db.io.readers import read_table
from tests.db.io.fixtures_import import (
    ID_SOMCHAI,
    ID_SOMYING,
    MESSY_DUPLICATE_EXISTING,
    MESSY_DUPLICATE_IN_FILE,
    MESSY_EXPECTED_ERRORS,
    MESSY_EXPECTED_WARNINGS,
    MESSY_IMPORTED_ROWS,
    national_id,
    seed_register,
)

FIXTURE = Path(__file__).parent / "fixtures" / "messy.xls"


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Database, dict[str, str]]]:
    database = open_database(tmp_path / "t.sqlite")
    ids = seed_register(database)
    yield database, ids
    database.dispose()


def _member(database: Database, number: str) -> dict[str, object]:
    connection = sqlite3.connect(database.path)
    connection.row_factory = sqlite3.Row
    try:
        row = connection.execute("SELECT * FROM member WHERE national_id = ?", (number,)).fetchone()
        return dict(row)
    finally:
        connection.close()


def _codes_by_row(issues: list[dict[str, object]]) -> dict[int, str]:
    return {int(i["row"]): str(i["code"]) for i in issues}  # type: ignore[call-overload]


def test_xls_fixture_reads_like_the_xlsx() -> None:
    table = read_table(FIXTURE)
    assert table.sheet == "สมาชิก 2567" and table.sheet_names == ("คำอธิบาย", "สมาชิก 2567")
    assert len(table.rows) == 24 and table.width == 11
    assert table.rows[3][1] == "ชื่อ - นามสกุล" and table.rows[4][4] == "มือถือ"
    assert table.rows[5][1] == "นายสมชาย ใจดี" and table.rows[5][9] == 41640  # a serial


def test_xls_messy_sheet_exact_outcome(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = seeded
    path = tmp_path / "สมาชิก.xls"
    shutil.copy(FIXTURE, path)
    shown = preview(database, path=path)
    assert (shown.header_row, shown.sub_header_row, shown.data_rows) == (4, 5, 18)  # 1 blank

    report = import_members(database, path=path)

    assert report.sheet == "สมาชิก 2567" and report.header_row == 4
    assert (report.rows, report.imported, report.updated, report.skipped, report.rejected) == (
        18, len(MESSY_IMPORTED_ROWS), 0, 3, len(MESSY_EXPECTED_ERRORS)
    )  # fmt: skip
    assert report.imported == 9 and report.rejected == 6
    assert _codes_by_row(report.errors) == MESSY_EXPECTED_ERRORS
    assert len(report.errors) == len(MESSY_EXPECTED_ERRORS)
    assert _codes_by_row(report.warnings) == MESSY_EXPECTED_WARNINGS
    assert {d["row"]: d.get("duplicate_of_row") for d in report.duplicates
            if "duplicate_of_row" in d} == MESSY_DUPLICATE_IN_FILE  # fmt: skip
    existing = {d["row"]: d for d in report.duplicates if "existing_member_id" in d}
    assert {row: d["reason"] for row, d in existing.items()} == MESSY_DUPLICATE_EXISTING

    somchai = _member(database, ID_SOMCHAI)
    assert (somchai["prefix"], somchai["first_name"], somchai["last_name"]) == (
        "นาย",
        "สมชาย",
        "ใจดี",
    )
    assert somchai["birth_date"] == "1977-10-02" and somchai["joined_on"] == "2014-01-01"
    assert somchai["organisation_id"] == ids["องค์การบริหารส่วนตำบลบ้านใหม่"]
    somying = _member(database, ID_SOMYING)
    assert somying["phone"] == "0891234567" and somying["joined_on"] == "2017-01-15"
    assert _member(database, national_id("360020033333"))["phone"] == "0812223333"
    assert _member(database, national_id("140050088888"))["birth_date"] == "1987-05-01"
