"""Member import: exact outcomes of messy sheets, duplicates, all or nothing, preview, error
report round trip, undo, and the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from db.__main__ import main
from db.engine import Database, open_database
from db.io import import_members as import_module
from db.io.import_members import ImportCancelled, import_members, preview
from db.io.import_report import REASON_HEADER, ImportReport, write_error_report
from db.io.mapping import ColumnMapping
from db.io.readers import ImportFileError, read_table
from db.io.undo_import import UndoImportError, undo_import
from db.members.edit import save_member, validate_member
from db.members.types import MemberInput
from db.search import check_member_index
from tests.db.io.fixtures_import import (
    CSV_EXPECTED_ERRORS,
    ID_MANA,
    ID_SOMCHAI,
    ID_SOMYING,
    MESSY_DUPLICATE_EXISTING,
    MESSY_DUPLICATE_IN_FILE,
    MESSY_EXPECTED_ERRORS,
    MESSY_EXPECTED_WARNINGS,
    MESSY_IMPORTED_ROWS,
    national_id,
    seed_register,
    write_csv,
    write_messy_xlsx,
    write_simple_xlsx,
)
from tests.db.io.test_import_second_process import _force

TABLES = ("member", "member_strength", "group_membership", "organisation", "network_group",
          "import_run", "import_run_item", "local_setting")  # fmt: skip


@pytest.fixture
def database(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "t.sqlite")
    yield database  # type: ignore[misc]
    database.dispose()


@pytest.fixture
def seeded(database: Database) -> tuple[Database, dict[str, str]]:
    return database, seed_register(database)


def rows(database: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    connection = database.raw_connection()
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def snapshot(database: Database) -> dict[str, list[tuple]]:
    """Every row of every table an import touches (to prove nothing changed)."""
    return {t: rows(database, f"SELECT * FROM {t} ORDER BY rowid") for t in TABLES}


def member(database: Database, national_id: str) -> dict[str, object]:
    connection = database.raw_connection()
    connection.row_factory = sqlite3.Row
    try:
        row = connection.execute(
            "SELECT * FROM member WHERE national_id = ? AND deleted_at IS NULL", (national_id,)
        ).fetchone()
        return dict(row) if row else {}
    finally:
        connection.close()


def codes_by_row(items: list[dict[str, object]]) -> dict[int, str]:
    return {int(i["row"]): str(i["code"]) for i in items}  # type: ignore[call-overload]


# --- the messy sheet ---------------------------------------------------------------------------


def test_messy_sheet_exact_outcome(seeded: tuple[Database, dict[str, str]], tmp_path: Path) -> None:
    database, ids = seeded
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    report = import_members(database, path=path)
    assert report.sheet == "สมาชิก 2567" and report.header_row == 4
    assert (report.rows, report.imported, report.updated, report.skipped, report.rejected) == (
        18, len(MESSY_IMPORTED_ROWS), 0, 3, len(MESSY_EXPECTED_ERRORS)
    )
    assert codes_by_row(report.errors) == MESSY_EXPECTED_ERRORS
    assert len(report.errors) == len(MESSY_EXPECTED_ERRORS)  # one problem per rejected row
    assert codes_by_row(report.warnings) == MESSY_EXPECTED_WARNINGS
    assert {d["row"]: d.get("duplicate_of_row") for d in report.duplicates
            if "duplicate_of_row" in d} == MESSY_DUPLICATE_IN_FILE  # fmt: skip
    existing = {d["row"]: d for d in report.duplicates if "existing_member_id" in d}
    assert {row: d["reason"] for row, d in existing.items()} == MESSY_DUPLICATE_EXISTING
    assert existing[22]["existing_member_id"] == ids["มานะ"]
    assert existing[23]["existing_member_id"] == ids["วันดี"]
    assert all(d["action"] == "skipped" for d in report.duplicates)
    errors = {int(e["row"]): e for e in report.errors}  # type: ignore[call-overload]
    assert errors[8]["column"] == "เลขประจำตัวประชาชน" and errors[12]["column"] == "จังหวัด"
    # Personal data never appears in messages.
    assert ID_SOMCHAI not in report.to_json() and "0812345679" not in report.to_json()

    somchai = member(database, ID_SOMCHAI)
    assert (somchai["prefix"], somchai["first_name"], somchai["last_name"]) == (
        "นาย", "สมชาย", "ใจดี"
    )
    assert somchai["birth_date"] == "1977-10-02" and somchai["joined_on"] == "2014-01-01"
    assert somchai["phone"] == "0812345678" and somchai["position"] == "ปลัด อบต."
    assert somchai["organisation_id"] == ids["องค์การบริหารส่วนตำบลบ้านใหม่"]
    assert sorted(t for (t,) in rows(
        database, "SELECT tag FROM member_strength WHERE member_id = ?", (somchai["id"],)
    )) == ["กฎหมายท้องถิ่น", "การเงินการคลัง"]  # fmt: skip
    somying = member(database, ID_SOMYING)  # zero-width space, double spaces, Thai digits
    assert (somying["prefix"], somying["first_name"], somying["last_name"]) == (
        "นางสาว", "สมหญิง", "รักไทย"
    )
    assert somying["phone"] == "0891234567" and somying["birth_date"] == "1982-10-02"
    assert somying["joined_on"] == "2017-01-15"
    assert somying["organisation_id"] == ids["เทศบาลตำบลหนองบัว"]
    assert member(database, national_id("360020033333"))["phone"] == "0812223333"  # leading 0
    assert member(database, national_id("380010044444"))["organisation_id"] == (
        ids["องค์การบริหารส่วนตำบลบ้านใหม่"]
    )  # fuzzy
    created = rows(database, "SELECT id, name, type_code, province_code FROM organisation"
                   " WHERE name = 'องค์การบริหารส่วนตำบลท่าช้าง'")  # fmt: skip
    assert len(created) == 1 and created[0][2:] == ("sao", 50)
    assert report.created_organisations == [created[0][0]]
    assert member(database, national_id("150030055555"))["organisation_id"] == created[0][0]
    assert member(database, national_id("120040066666"))["organisation_id"] is None
    assert member(database, national_id("140050088888"))["birth_date"] == "1987-05-01"
    assert member(database, national_id("110080077777"))["organisation_id"] == (
        ids["กรุงเทพมหานคร"]
    )
    john = rows(database, "SELECT prefix, first_name, last_name, email FROM member"
                " WHERE first_name = 'John'")  # fmt: skip
    assert john == [("Mr.", "John", "Smith", "john@example.org")]
    # The existing members were left alone (skip), the search index is current.
    assert member(database, ID_MANA)["phone"] == ""
    (live,) = rows(database, "SELECT count(*) FROM member WHERE deleted_at IS NULL")[0]
    assert live == 2 + len(MESSY_IMPORTED_ROWS)
    connection = database.raw_connection()
    try:
        assert check_member_index(connection)
        found = connection.execute(
            "SELECT count(*) FROM member_fts WHERE member_fts MATCH 'ท่าช้าง'"
        ).fetchone()
        assert found == (1,)
    finally:
        connection.close()
    # The run log.
    run = rows(database, "SELECT file_name, sheet, imported, skipped, rejected, report_json"
               " FROM import_run WHERE id = ?", (report.run_id,))[0]  # fmt: skip
    assert run[:5] == ("messy.xlsx", "สมาชิก 2567", 9, 3, 6)
    assert ImportReport.from_json(run[5]).errors == report.errors
    items = rows(database, "SELECT action, row_number FROM import_run_item WHERE run_id = ?"
                 " ORDER BY row_number", (report.run_id,))  # fmt: skip
    assert items == [("created", row) for row in MESSY_IMPORTED_ROWS]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_csv_in_each_encoding(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path, encoding: str
) -> None:
    database, ids = seeded
    report = import_members(database, path=write_csv(tmp_path / "m.csv", encoding=encoding))
    assert (report.imported, report.rejected, report.skipped) == (2, 1, 0)
    assert {int(e["row"]) for e in report.errors} == set(CSV_EXPECTED_ERRORS)  # type: ignore[call-overload]
    assert {str(e["code"]) for e in report.errors} == CSV_EXPECTED_ERRORS[4]
    pranee = rows(database, "SELECT prefix, first_name, last_name, birth_date, phone,"
                  " organisation_id FROM member WHERE first_name = 'ปราณี'")  # fmt: skip
    assert pranee == [("นางสาว", "ปราณี", "ศรีงาม", "1985-08-12", "0892223333",
                       ids["เทศบาลตำบลหนองบัว"])]  # fmt: skip


def test_a_nul_in_a_csv_cell_is_left_out(database: Database, tmp_path: Path) -> None:
    """A NUL past the part that decides whether a file is text: the member is imported, the
    NUL left out as an invisible character (SQLite's text functions stop at it)."""
    lines = ["ชื่อ-สกุล,ชื่อเล่น,หมายเหตุ"]
    lines += [f"นายสมชาย ใจดี{i},ชาย,ปกติ" for i in range(200)]  # past the first 4,096 bytes
    lines.append("นายหนึ่ง ใจ\x00ดี,ต\x00อ,ก่อน\x00หลัง")
    path = tmp_path / "nul.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    assert b"\x00" not in path.read_bytes()[:4096]
    report = import_members(database, path=path)
    assert (report.imported, report.rejected) == (201, 0)
    assert rows(database, "SELECT last_name, nickname, notes FROM member"
                " WHERE first_name = 'หนึ่ง'") == [("ใจดี", "ตอ", "ก่อนหลัง")]  # fmt: skip


def test_the_editor_leaves_a_nul_out(database: Database) -> None:
    with database.session() as session:
        member_id = save_member(session, data=MemberInput(
            first_name="สม\x00ชาย", last_name="ใจดี", notes="บรรทัด\x00หนึ่ง\nสอง",
        ))  # fmt: skip
        session.commit()
    assert rows(database, f"SELECT first_name, notes FROM member WHERE id = '{member_id}'") == [
        ("สมชาย", "บรรทัดหนึ่ง\nสอง")
    ]


def test_rules_agree_with_the_member_editor(database: Database, tmp_path: Path) -> None:
    """Each value the editor refuses is refused by the import with the same code, and each it
    accepts is accepted."""
    cases = [
        ("national_id", "1-2345-67890-12-1", "เลขบัตร"),
        ("national_id", national_id("110170020743"), "เลขบัตร"),
        ("phone", "02-123-4567", "โทรศัพท์"),
        ("phone", "0612345", "โทรศัพท์"),
        ("phone", "+66 81 234 5678", "โทรศัพท์"),
        ("email", "someone@example", "อีเมล"),
        ("email", "a.b@example.co.th", "อีเมล"),
        ("birth_date", dt.date(1890, 1, 1), "วันเกิด"),
        ("birth_date", dt.date.today() - dt.timedelta(days=365 * 10), "วันเกิด"),
        ("birth_date", dt.date(1980, 1, 1), "วันเกิด"),
        ("membership_no", "x" * 41, "เลขสมาชิก"),
        ("consent_purpose", "ส่งข่าวสาร", "วัตถุประสงค์ความยินยอม"),
    ]
    fields = list(dict.fromkeys(field for field, _, _ in cases))
    header = ["ชื่อ"] + [next(c for f, _, c in cases if f == field) for field in fields]
    sheet_rows: list[list[object]] = []
    expected: list[set[str]] = []
    with database.session() as session:
        for field, value, _ in cases:
            data = MemberInput(first_name="ทดสอบ", **{field: value})  # type: ignore[arg-type]
            expected.append({e.code for e in validate_member(session, data=data)})
    for field, value, _ in cases:
        cells: list[object] = ["ทดสอบ"] + [None] * len(fields)
        cells[fields.index(field) + 1] = ("date", value) if isinstance(value, dt.date) else value
        sheet_rows.append(cells)
    path = write_simple_xlsx(tmp_path / "rules.xlsx", header, sheet_rows)
    mapping = ColumnMapping({0: "first_name", **{i + 1: f for i, f in enumerate(fields)}})
    report = import_members(database, path=path, mapping=mapping, on_duplicate="new")
    got: list[set[str]] = [set() for _ in cases]
    for error in report.errors:
        got[int(error["row"]) - 2].add(str(error["code"]))  # type: ignore[call-overload]
    assert got == expected
    assert any(expected) and not all(expected)


# --- duplicates --------------------------------------------------------------------------------


def test_update_fills_existing_members_and_logs_old_values(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = seeded
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    report = import_members(database, path=path, on_duplicate="update")
    assert (report.imported, report.updated, report.skipped) == (9, 2, 1)  # row 14: in-file
    actions = {d["row"]: d["action"] for d in report.duplicates}
    assert actions == {14: "skipped", 22: "updated", 23: "updated"}
    mana = member(database, ID_MANA)
    assert mana["phone"] == "0899999999" and mana["position"] == "นิติกร"  # kept: sheet blank
    (log,) = rows(database, "SELECT old_values_json FROM import_run_item WHERE member_id = ?"
                  " AND action = 'updated'", (ids["มานะ"],))[0]  # fmt: skip
    assert {k: v for k, v in json.loads(log).items() if not k.startswith("_")} == {"phone": ""}
    wandee = rows(database, "SELECT phone FROM member WHERE id = ?", (ids["วันดี"],))
    assert wandee == [("0877777777",)]


def test_new_imports_name_duplicates_but_never_a_second_national_id(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    report = import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"),
                            on_duplicate="new")  # fmt: skip
    actions = {d["row"]: d["action"] for d in report.duplicates}
    assert actions == {14: "skipped", 22: "rejected", 23: "imported"}
    assert codes_by_row(report.errors)[22] == "duplicate_national_id"
    assert (report.imported, report.rejected, report.skipped) == (10, 7, 1)
    assert rows(database, "SELECT count(*) FROM member WHERE first_name = 'วันดี'") == [(2,)]


def test_same_name_with_birth_date_within_the_file(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "d.xlsx", ["ชื่อ", "นามสกุล", "วันเกิด"], [
        ["สมชาย", "ใจดี", "1 ม.ค. 2520"],
        ["สมชาย", "ใจดี", "01/01/2520"],  # the same person, date written differently
        ["สมชาย", "ใจดี", "2 ม.ค. 2520"],  # another birth date: another person
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.duplicates == [{"row": 3, "duplicate_of_row": 2,
                                  "reason": "same_name_and_birth_date", "action": "skipped"}]
    assert (report.imported, report.skipped) == (2, 1)


def test_a_row_with_text_only_in_columns_not_imported_is_rejected_not_a_nameless_member(
    database: Database, tmp_path: Path
) -> None:
    path = write_simple_xlsx(tmp_path / "t.xlsx", ["ที่", "ชื่อ-สกุล", "จังหวัด"], [
        [1, "นายสมชาย ใจดี", "ขอนแก่น"],
        ["รวม 1 คน", "", ""],  # a totals row: its text is in the "ที่" column, not imported
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert (report.imported, report.rejected) == (1, 1)
    assert codes_by_row(report.errors) == {3: "missing_name"}
    assert rows(database, "SELECT count(*) FROM member WHERE first_name = ''") == [(0,)]


def test_a_year_typed_as_a_number_in_a_date_column_is_not_read_as_a_serial(
    database: Database, tmp_path: Path
) -> None:
    """A list of birth years ("ปีเกิด", matched to the birth date): the members are kept, each
    year in the notes with a warning, whether typed as a number, as text or in Thai digits."""
    path = write_simple_xlsx(tmp_path / "y.xlsx", ["ชื่อ", "นามสกุล", "ปีเกิด", "หมายเหตุ"], [
        ["สมชาย", "ใจดี", 2525, ""],  # BE year alone: as a serial it would be 29 Nov 1906
        ["สมศรี", "ใจดี", 1982, "ประธาน"],  # CE year alone
        ["มานะ", "ใจดี", 30000, ""],  # a real serial (Excel's date without its format)
        ["ปิติ", "ยินดี", "2510", ""],
        ["ชูใจ", "ยินดี", "๒๕๓๐", ""],
        ["วีระ", "ยินดี", "พ.ศ. 2515", ""],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.errors == [] and report.imported == 6
    assert [(w["row"], w["code"]) for w in report.warnings] == [
        (row, "date_year_only") for row in (2, 3, 5, 6, 7)
    ]
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]) == (
        "“2525” มีแต่ปี ไม่มีวันและเดือน จึงไม่ได้บันทึกวันเกิด แต่บันทึกปีไว้ในหมายเหตุ"
    )
    assert rows(
        database, "SELECT first_name, birth_date, notes FROM member ORDER BY rowid"
    ) == [
        ("สมชาย", None, "วันเกิด: 2525"), ("สมศรี", None, "ประธาน\nวันเกิด: 1982"),
        ("มานะ", "1982-02-18", ""), ("ปิติ", None, "วันเกิด: 2510"),
        ("ชูใจ", None, "วันเกิด: 2530"), ("วีระ", None, "วันเกิด: พ.ศ. 2515"),
    ]  # fmt: skip


@pytest.mark.parametrize("second_process", [False, True])
def test_a_cell_with_several_phone_numbers_keeps_the_first_and_notes_the_others(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "p.xlsx", ["ชื่อ-สกุล", "มือถือ", "หมายเหตุ"], [
        ["นายสมชาย ใจดี", "081-234-5678 / 02-123-4567", ""],
        ["นางสมศรี ใจดี", "089-765-4321, 086-111-2222 หรือ 087-333-4444", "ประธานชมรม"],
        ["นายมานะ ใจดี", "081-234-5678 / โทรหลัง 5 โมง", ""],  # not only numbers: rejected
        ["นายสุดา ใจดี", "081-234-5678, 081-234", ""],  # the second is no number: rejected
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 2
    assert codes_by_row(report.errors) == {4: "invalid_phone", 5: "invalid_phone"}
    assert codes_by_row(report.warnings) == {2: "several_phones", 3: "several_phones"}
    # The landline goes to the empty office phone; mobiles beyond the first to the notes.
    assert rows(
        database, "SELECT first_name, phone, phone_office, notes FROM member ORDER BY first_name"
    ) == [
        ("สมชาย", "0812345678", "021234567", ""),
        ("สมศรี", "0897654321", "", "ประธานชมรม\nโทรศัพท์มือถือ: 0861112222, 0873334444"),
    ]
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]) == (
        "ช่องนี้มี 2 หมายเลข ใช้ 0812345678 ส่วน 021234567 บันทึกเป็นโทรศัพท์ที่ทำงาน"
    )
    assert report.warnings[0]["message"] == (
        "The cell holds 2 phone numbers: 0812345678 is kept here, 021234567 goes to the office"
        " phone field"
    )
    assert thai_text_of(report.warnings[1]) == (
        "ช่องนี้มี 3 หมายเลข ใช้ 0897654321 ส่วน 0861112222, 0873334444 บันทึกไว้ในหมายเหตุ"
    )


@pytest.mark.parametrize("second_process", [False, True])
def test_several_phone_numbers_are_shared_between_the_phone_fields_and_the_notes(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "p.xlsx", ["ชื่อ-สกุล", "มือถือ", "โทรศัพท์ที่ทำงาน"], [
        # the mobile first in the mobile field, though the cell starts with a landline
        ["นายสมชาย ใจดี", "02-123-4567 / 081-234-5678 / 044-111-222", ""],
        # the office phone filled already: the landline goes to the notes
        ["นางสมศรี ใจดี", "081-234-5678, 02-999-8888", "02-555-6666"],
        # several in the office column: the mobile goes to the empty mobile field
        ["นายมานะ ใจดี", "", "02-123-4567 หรือ 089-765-4321"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 3 and not report.errors
    assert rows(
        database, "SELECT first_name, phone, phone_office, notes FROM member ORDER BY first_name"
    ) == [
        ("มานะ", "0897654321", "021234567", ""),
        ("สมชาย", "0812345678", "021234567", "โทรศัพท์มือถือ: 044111222"),
        ("สมศรี", "0812345678", "025556666", "โทรศัพท์มือถือ: 029998888"),
    ]
    details = {w["row"]: w.get("detail", "") for w in report.warnings}
    assert details == {2: "other_field_and_notes", 3: "", 4: "other_field"}
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]) == (
        "ช่องนี้มี 3 หมายเลข ใช้ 0812345678 ส่วน 021234567 บันทึกเป็นโทรศัพท์ที่ทำงาน"
        " และ 044111222 บันทึกไว้ในหมายเหตุ"
    )
    assert thai_text_of(report.warnings[2]) == (
        "ช่องนี้มี 2 หมายเลข ใช้ 021234567 ส่วน 0897654321 บันทึกเป็นโทรศัพท์มือถือ"
    )


def test_an_update_adds_the_sheets_notes_to_the_registered_ones(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        save_member(session, data=MemberInput(
            first_name="สมชาย", last_name="ใจดี", national_id=ID_SOMCHAI, notes="ชอบงานอาสา",
            phone_office="025556666",
        ))  # fmt: skip
        session.commit()
    header = ["ชื่อ-สกุล", "เลขประจำตัวประชาชน", "มือถือ", "หมายเหตุ"]
    first = write_simple_xlsx(tmp_path / "a.xlsx", header, [
        ["นายสมชาย ใจดี", ID_SOMCHAI, "081-234-5678 / 02-123-4567", ""],
    ])  # fmt: skip
    dry = import_members(database, path=first, on_duplicate="update", dry_run=True)
    report = import_members(database, path=first, on_duplicate="update")
    assert report.updated == 1
    assert dry.warnings == report.warnings  # a dry run says what the import does
    # The second number would go to the office phone, but the member has another one there
    # (the sheet has no office phone column): it goes to the notes, and the warning says so.
    notes = "ชอบงานอาสา\nโทรศัพท์มือถือ: 021234567"
    assert rows(database, "SELECT phone, phone_office, notes FROM member") == [
        ("0812345678", "025556666", notes)
    ]
    assert [w.get("detail", "") for w in report.warnings] == [""]
    assert report.warnings[0]["message"] == (
        "The cell holds 2 phone numbers: 0812345678 is kept here, 021234567 added to the notes"
    )
    # The same sheet again changes nothing; notes that hold the registered ones replace them.
    assert import_members(database, path=first, on_duplicate="update").updated == 0
    edited = write_simple_xlsx(tmp_path / "b.xlsx", header, [
        ["นายสมชาย ใจดี", ID_SOMCHAI, "", notes + " (ย้ายแล้ว)"],
    ])  # fmt: skip
    assert import_members(database, path=edited, on_duplicate="update").updated == 1
    assert rows(database, "SELECT notes FROM member") == [(notes + " (ย้ายแล้ว)",)]


@pytest.mark.parametrize("second_process", [False, True])
def test_totals_signature_lines_and_rows_numbered_in_advance_are_no_members(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "f.xlsx", ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง"], [
        [1, "นายสมชาย ใจดี", "ปลัด"],
        [2, "นายรวมพล ใจดี", ""],  # a name that starts like a total is still a name
        [3, "นางสมศรี ใจดี 2", ""],  # digits are kept (a name told apart by a number)
        [4, None, None],  # a form numbered in advance: nothing to import
        ["5.", "", ""],
        [None, "รวม 20 คน", None],
        [None, "ผู้จัดทำ นางสาวสมใจ รักงาน (เลขานุการ)", None],
    ])  # fmt: skip
    shown = preview(database, path=path)
    assert shown.data_rows == 5
    report = import_members(database, path=path)
    assert (report.imported, report.rejected, report.rows) == (3, 2, 5)
    assert [(e["row"], e["code"], e.get("detail")) for e in report.errors] == [
        (7, "not_a_member", "footer"), (8, "not_a_member", "footer"),
    ]  # fmt: skip
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.errors[0]) == (
        "“รวม 20 คน” เป็นบรรทัดสรุปยอดหรือบรรทัดลงชื่อ ไม่ใช่ชื่อสมาชิก จึงไม่ได้นำเข้าแถวนี้"
    )
    assert rows(database, "SELECT first_name FROM member ORDER BY first_name") == [
        ("รวมพล",), ("สมชาย",), ("สมศรี",),
    ]


def test_notes_of_an_update_merge_line_by_line_without_repeating_the_imports_own_lines() -> None:
    from db.io.import_members import merged_notes

    registered = "ประธานชมรม\nวันเกิด: 2510\nโทรศัพท์ที่ทำงาน: 021234567 ต่อ 12"
    edited = "ประธานชมรม ปี 2567\nวันเกิด: 2510\nโทรศัพท์ที่ทำงาน: 021234567 ต่อ 12"
    # The edited line replaces the one it holds; the lines the import wrote are not repeated.
    assert merged_notes(registered, edited) == edited
    assert merged_notes(edited, edited) == edited
    assert merged_notes("ชอบงานอาสา", "ย้ายแล้ว") == "ชอบงานอาสา\nย้ายแล้ว"
    assert merged_notes("ชอบงานอาสา\nวันเกิด: 2510", "วันเกิด: 2510") == "ชอบงานอาสา\nวันเกิด: 2510"
    assert merged_notes("", "ใหม่") == "ใหม่" and merged_notes("เดิม", "") == "เดิม"


def test_provinces_without_an_organisation_column_are_said_not_kept(
    database: Database, tmp_path: Path
) -> None:
    path = write_simple_xlsx(tmp_path / "p.xlsx", ["ลำดับ", "ชื่อ-สกุล", "จังหวัด", "อำเภอ"], [
        [None, None, None, None],
        [1, "นายสมชาย ใจดี", "ขอนแก่น", "เมืองขอนแก่น"],
        [2, "นางสมศรี ใจดี", "ขอนแก่น", "เมืองขอนแก่น"],
    ])  # fmt: skip
    shown = preview(database, path=path)
    assert shown.data_rows == 2  # the blank row not counted
    report = import_members(database, path=path)
    assert report.imported == 2
    assert report.warnings == [{
        "row": 2, "column": "จังหวัด", "code": "organisation_hints_not_kept",
        "message": report.warnings[0]["message"], "args": {"fields": "province, district"},
    }]  # fmt: skip
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]).startswith("แผ่นงานนี้ไม่มีคอลัมน์หน่วยงาน")
    with_organisation = write_simple_xlsx(
        tmp_path / "o.xlsx", ["ชื่อ-สกุล", "จังหวัด", "หน่วยงาน"],
        [["นายมานะ ใจดี", "ขอนแก่น", "องค์การบริหารส่วนตำบลบ้านใหม่"]],
    )  # fmt: skip
    codes = {w["code"] for w in import_members(database, path=with_organisation).warnings}
    assert "organisation_hints_not_kept" not in codes


def test_the_error_reports_columns_are_as_wide_as_what_they_show(
    database: Database, tmp_path: Path
) -> None:
    import re
    import zipfile

    long_name = "ว่าที่ร้อยตรีสมชาย ศรีสุวรรณวงศ์ไพบูลย์"  # 39 characters, 29 across
    path = write_simple_xlsx(tmp_path / "w.xlsx", ["ชื่อ", "อีเมล", "ที่"], [
        [long_name, "bad@", "1"],
        ["สมศรี", "x" * 200 + "@", "2"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    out = tmp_path / "errors.xlsx"
    assert write_error_report(report, path, out) == 2
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    widths = {  # column number -> width (xlsxwriter adds its padding: 31 -> 31.71)
        int(first): int(float(width))
        for first, width in re.findall(r'<col min="(\d+)" max="\d+" width="([\d.]+)"', sheet)
    }
    assert widths[1] == 31  # the name's width across (marks above and below take none) + 2
    assert widths[2] == 50  # capped
    assert widths[3] == 10  # at least


def test_numbers_excel_wrote_without_their_zero_or_rounded_are_explained(
    database: Database, tmp_path: Path
) -> None:
    """A CSV as Excel saves it: phones held as numbers lost their leading 0, a long ID was
    rounded to 3.10050012346E+12. The phones are read as the .xlsx gives them; the ID's
    problem is said as it is. The error report, fixed and imported again, takes every row."""
    path = tmp_path / "excel.csv"
    path.write_text(
        "ชื่อ-สกุล,มือถือ,โทรศัพท์ที่ทำงาน,เลขประจำตัวประชาชน,อีเมล\n"
        "นายสมชาย ใจดี,812345678,21234567,,somchai@example\n"
        "นางสมศรี ใจดี,๘๙๑๒๓๔๕๖๗,,3.10050012346E+12,\n"
        "นายมานะ ใจดี,1234567,,,\n",  # too short even with a 0: still a bad number
        encoding="utf-8-sig",
    )
    report = import_members(database, path=path)
    assert [(e["row"], e["code"]) for e in report.errors] == [
        (2, "invalid_email"), (3, "invalid_national_id"), (4, "invalid_phone"),
    ]  # the phones of row 2 and 3 are read: only the e-mail and the ID are wrong
    assert report.errors[1]["detail"] == "scientific"
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.errors[1]) == (
        "Excel แสดงเลขนี้เป็น 3.10050012346E+12 ซึ่งปัดเศษไปแล้ว ตัวเลขหลักท้ายของเลขประจำตัวประชาชน"
        "หายไป ให้จัดรูปแบบคอลัมน์เป็นข้อความ แล้วพิมพ์เลขประจำตัวใหม่"
    )
    # The error report of an .xlsx whose phone cells are numbers writes them as text; fixed
    # (the e-mail only), it imports with the phones as the first import read them.
    sheet = write_simple_xlsx(tmp_path / "n.xlsx", ["ชื่อ-สกุล", "มือถือ", "อีเมล"], [
        ["นายปิติ ยินดี", 891234567, "piti@example"],
    ])  # fmt: skip
    first = import_members(database, path=sheet)
    assert [e["code"] for e in first.errors] == ["invalid_email"]
    out = tmp_path / "errors.xlsx"
    assert write_error_report(first, sheet, out) == 1
    fixed = read_table(out).rows
    fixed[1][2] = "piti@example.org"
    again = write_simple_xlsx(tmp_path / "fixed.xlsx", [str(c) for c in fixed[0]], fixed[1:])
    assert import_members(database, path=again).imported == 1
    assert rows(database, "SELECT phone FROM member WHERE first_name = 'ปิติ'") == [
        ("0891234567",)
    ]


def test_the_error_report_speaks_the_interface_language(
    database: Database, tmp_path: Path
) -> None:
    sheet = write_simple_xlsx(tmp_path / "n.xlsx", ["ชื่อ-สกุล", "อีเมล"], [
        ["นายปิติ ยินดี", "piti@example"],
    ])  # fmt: skip
    report = import_members(database, path=sheet)
    out = tmp_path / "errors.xlsx"
    write_error_report(report, sheet, out, language="en")
    table = read_table(out)
    assert table.sheet == "Rows not imported"
    assert str(table.rows[1][2]).startswith(report.errors[0]["message"] + " (invalid_email)")
    write_error_report(report, sheet, out)
    assert read_table(out).sheet == "แถวที่นำเข้าไม่ได้"


def test_an_unknown_value_of_a_list_keeps_the_member_but_not_an_unknown_status(
    database: Database, tmp_path: Path
) -> None:
    """A generic "ประเภท" column holding organisation types is read as the personnel type: the
    members are kept, each value in the notes with a warning. An unknown membership status
    still rejects the row (it could say the member resigned)."""
    path = write_simple_xlsx(tmp_path / "t.xlsx", ["ชื่อ-สกุล", "ประเภท", "สถานะ"], [
        ["นายสมชาย ใจดี", "อบต.", ""],
        ["นางสมศรี ใจดี", "พนักงานส่วนตำบล", ""],
        ["นายมานะ ใจดี", "", "พ้นสภาพไปแล้วจ้า"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 2
    assert [(e["row"], e["code"], e["detail"]) for e in report.errors] == [
        (4, "unknown_code", "unknown_label")
    ]
    assert [(w["row"], w["code"], w["detail"]) for w in report.warnings] == [
        (2, "unknown_code", "unknown_label_noted")
    ]
    assert rows(
        database, "SELECT first_name, personnel_type, notes FROM member ORDER BY first_name"
    ) == [("สมชาย", "", "ประเภทบุคลากร: อบต."), ("สมศรี", "local_official", "")]


def test_a_phone_extension_is_kept_in_the_notes(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "x.xlsx", ["ชื่อ-สกุล", "โทรศัพท์ที่ทำงาน", "หมายเหตุ"], [
        ["นายสมชาย ใจดี", "02-123-4567 ต่อ 12", "ประธาน"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 1
    assert [w["code"] for w in report.warnings] == ["phone_extension"]
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]) == (
        "บันทึกเบอร์ต่อ 12 ไว้ในหมายเหตุ ช่องโทรศัพท์ที่ทำงานเก็บเฉพาะหมายเลข"
    )
    assert rows(database, "SELECT phone_office, notes FROM member") == [
        ("021234567", "ประธาน\nโทรศัพท์ที่ทำงาน: 021234567 ต่อ 12")
    ]


@pytest.mark.parametrize("second_process", [False, True])
def test_brackets_after_a_name_are_a_nickname_or_a_note_not_the_surname(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "b.xlsx", ["ชื่อ-สกุล", "ชื่อเล่น"], [
        ["นายสมศักดิ์ ใจดี (ต้น)", ""],
        ["นางสมศรี ใจดี (ย้ายไปเทศบาลเมือง)", ""],  # more than a nickname: the notes
        ["นายมานะ ใจดี (นก)", "แดง"],  # the sheet's nickname stays: the bracket to the notes
        ["นายปิติ ยินดี (ต้อม) (อดีตนายก)", ""],  # each bracket in order
        ["นายวีระ ยินดี (เอ)", "เอ"],  # the sheet's nickname again: dropped
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 5 and not report.errors
    assert [(w["row"], w["detail"]) for w in report.warnings] == [
        (3, "notes"), (4, "notes"), (5, "notes"),
    ]
    assert rows(
        database, "SELECT first_name, last_name, nickname, notes FROM member ORDER BY rowid"
    ) == [
        ("สมศักดิ์", "ใจดี", "ต้น", ""), ("สมศรี", "ใจดี", "", "(ย้ายไปเทศบาลเมือง)"),
        ("มานะ", "ใจดี", "แดง", "(นก)"), ("ปิติ", "ยินดี", "ต้อม", "(อดีตนายก)"),
        ("วีระ", "ยินดี", "เอ", ""),
    ]  # fmt: skip


@pytest.mark.parametrize("second_process", [False, True])
def test_phone_cells_of_several_numbers_with_extensions_repeats_and_landlines(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "p.xlsx", ["ชื่อ-สกุล", "มือถือ", "โทรศัพท์ที่ทำงาน"], [
        ["นายสมชาย ใจดี", "02-123-4567 ต่อ 12 / 081-234-5678", ""],
        ["นางสมศรี ใจดี", "", "081-234-5679, 02-123-4568"],  # the office keeps the landline
        ["นายมานะ ใจดี", "081-234-5670 / 081-234-5670", ""],  # the same number twice
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 3 and not report.errors
    assert [(w["row"], w["code"]) for w in report.warnings] == [
        (2, "phone_extension"), (2, "several_phones"), (3, "several_phones"),
    ]
    assert rows(
        database, "SELECT first_name, phone, phone_office, notes FROM member ORDER BY rowid"
    ) == [
        ("สมชาย", "0812345678", "021234567", "โทรศัพท์มือถือ: 021234567 ต่อ 12"),
        ("สมศรี", "0812345679", "021234568", ""),
        ("มานะ", "0812345670", "", ""),
    ]


def test_names_that_start_like_a_total_are_names(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "n.xlsx", ["ชื่อ-สกุล"], [
        ["นายรวม ใจดี"], ["นางสาวจำนวน สุขใจ"], ["Sum Lee"], ["Note Smith"], ["จำนวนสมาชิก 20 คน"],
        ["Total: 4"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 4
    assert [(e["row"], e["code"]) for e in report.errors] == [
        (6, "not_a_member"), (7, "not_a_member"),
    ]


def test_a_phone_with_a_note_keeps_the_number_and_the_note(
    database: Database, tmp_path: Path
) -> None:
    path = write_simple_xlsx(tmp_path / "n.xlsx", ["ชื่อ-สกุล", "มือถือ"], [
        ["นายสมชาย ใจดี", "081-234-5678 (ส่วนตัว)"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 1 and [w["code"] for w in report.warnings] == ["phone_note"]
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(report.warnings[0]) == (
        "“ส่วนตัว” ต่อท้ายหมายเลข บันทึกไว้ในหมายเหตุ ช่องโทรศัพท์มือถือเก็บเฉพาะหมายเลข"
    )
    assert rows(database, "SELECT phone, notes FROM member") == [
        ("0812345678", "โทรศัพท์มือถือ: 0812345678 (ส่วนตัว)")
    ]


def test_a_type_column_of_organisation_types_gives_the_organisations_type(
    database: Database, tmp_path: Path
) -> None:
    """"ประเภท" maps to the personnel type; when it holds organisation types and no column
    gives those, it is the organisation's type, so a new organisation can be made."""
    header = ["ชื่อ-สกุล", "หน่วยงาน", "ประเภท", "อำเภอ", "จังหวัด"]
    path = write_simple_xlsx(tmp_path / "t.xlsx", header, [
        ["นายสมชาย ใจดี", "บ้านโนนสูงใหม่", "อบต.", "โนนสูง", "นครราชสีมา"],
        ["นางสมศรี ใจดี", "อบต.บ้านโนนสูงใหม่", "พนักงานส่วนตำบล", "โนนสูง", "นครราชสีมา"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.imported == 2 and not report.errors
    assert [w["code"] for w in report.warnings] == ["organisation_created"]
    assert rows(database, "SELECT m.first_name, m.personnel_type, o.type_code, o.name FROM member m"
                " LEFT JOIN organisation o ON o.id = m.organisation_id ORDER BY m.rowid") == [
        ("สมชาย", "", "sao", "องค์การบริหารส่วนตำบลบ้านโนนสูงใหม่"),
        ("สมศรี", "local_official", "sao", "องค์การบริหารส่วนตำบลบ้านโนนสูงใหม่"),
    ]  # fmt: skip


def test_strengths_separated_by_slashes_are_several(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "s.xlsx", ["ชื่อ-สกุล", "ความเชี่ยวชาญ"], [
        ["นายสมชาย ใจดี", "บัญชี/การเงิน / พัสดุ"],
    ])  # fmt: skip
    import_members(database, path=path)
    assert rows(database, "SELECT tag FROM member_strength ORDER BY tag") == [
        ("การเงิน",), ("บัญชี",), ("พัสดุ",)
    ]


@pytest.mark.parametrize("second_process", [False, True])
def test_a_created_warning_goes_to_the_first_row_taken_not_to_a_skipped_duplicate(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:  # batches of 2 rows, every other one checked by the child
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "g.xlsx", ["ชื่อ", "นามสกุล", "วันเกิด", "กลุ่ม"], [
        ["สมชาย", "ใจดี", "1 ม.ค. 2520", ""],
        ["สมชาย", "ใจดี", "01/01/2520", "ชมรมช่างท้องถิ่น"],  # a duplicate of row 2: skipped
        ["สมศรี", "มีสุข", "2 ม.ค. 2521", "ชมรมช่างท้องถิ่น"],  # the first row taken naming it
        ["มานะ", "ใจดี", "1 ม.ค. 2520", "ชมรมช่างท้องถิ่น"],
        ["สมชาย", "ใจดี", "1 ม.ค. 2520", "ชมรมคนรักการคลัง"],  # skipped: its group never made
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert (report.imported, report.skipped) == (3, 2)
    created = [(w["row"], w["code"]) for w in report.warnings if str(w["code"]).endswith("created")]
    assert created == [(4, "group_created")]
    assert rows(database, "SELECT name FROM network_group") == [("ชมรมช่างท้องถิ่น",)]
    assert rows(database, "SELECT count(*) FROM group_membership") == [(2,)]


# --- all or nothing ----------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_reports_the_same(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    before = snapshot(database)
    dry = import_members(database, path=path, dry_run=True)
    assert snapshot(database) == before
    assert dry.run_id is None and dry.dry_run
    real = import_members(database, path=path)
    for name in ("imported", "updated", "skipped", "rejected", "errors", "warnings"):
        assert getattr(dry, name) == getattr(real, name), name
    assert [{k: v for k, v in d.items() if k != "existing_member_id"} for d in dry.duplicates] == [
        {k: v for k, v in d.items() if k != "existing_member_id"} for d in real.duplicates
    ]


def test_the_import_tables_are_released_on_a_thread_of_their_own(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables of rows seen (and the sheet's rows) are freed after the import returned,
    on a thread of their own, not before the commit and the result."""
    import threading

    released: list[str] = []
    real = import_module._Seen.release

    def release(self: object) -> None:
        released.append(threading.current_thread().name)
        real(self)  # type: ignore[arg-type]

    monkeypatch.setattr(import_module._Seen, "release", release)
    report = import_members(database, path=write_csv(tmp_path / "m.csv", encoding="utf-8"))
    assert report.imported == 2
    for thread in threading.enumerate():
        if thread.name == "khrueakhai-import-release":
            thread.join(10)
    assert released == ["khrueakhai-import-release"]


def test_cancel_leaves_the_database_as_it_was(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _ = seeded
    monkeypatch.setattr(import_module, "BATCH_ROWS", 4)
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    before = snapshot(database)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 3  # cancel after two batches were written

    with pytest.raises(ImportCancelled):
        import_members(database, path=path, progress=progress)
    # The rows to import (not the blank one), as many as the wizard's file page says.
    assert calls[0] == (0, preview(database, path=path).data_rows) == (0, 18)
    assert calls[1][0] > 0
    assert snapshot(database) == before


def test_cancel_while_the_indexes_are_rebuilt_leaves_the_database_as_it_was(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    """The last steps of a bulk import (indexes rebuilt: seconds at national scale) ask
    whether to go on between steps, so Cancel acts there too."""
    database, _ = seeded
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    schema = "SELECT name, sql FROM sqlite_master ORDER BY name"
    before, before_schema = snapshot(database), rows(database, schema)
    finishing: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        if done == total and done:
            finishing.append((done, total))
        return len(finishing) < 4  # the third step after the rows were all checked

    with pytest.raises(ImportCancelled):
        import_members(database, path=path, progress=progress)
    assert len(finishing) == 4
    assert snapshot(database) == before
    assert rows(database, schema) == before_schema  # indexes and triggers back as they were
    # Going on to the end asks between every step and imports.
    steps: list[int] = []

    def keep_going(done: int, total: int) -> bool:
        steps.append(done)
        return True

    report = import_members(database, path=path, progress=keep_going)
    assert report.imported == len(MESSY_IMPORTED_ROWS)
    assert steps.count(steps[-1]) > 5  # the rows' last batch, then each index rebuilt


def test_the_last_search_index_range_is_done_in_slices_that_ask_to_go_on(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _ = seeded
    path = write_messy_xlsx(tmp_path / "m.xlsx")

    def asks(database: Database) -> int:
        done: list[tuple[int, int]] = []

        def progress(d: int, total: int) -> bool:
            done.append((d, total))
            return True

        report = import_members(database, path=path, progress=progress)
        undo_import(database, run_id=str(report.run_id))
        return sum(1 for d, total in done if d == total and total)

    whole = asks(database)
    monkeypatch.setattr(import_module, "FINAL_RANGE_ROWS", 2)
    sliced = asks(database)
    assert sliced - whole == 4  # 9 new members: 5 slices of 2 instead of 1 range
    connection = database.raw_connection()
    try:
        assert check_member_index(connection)
    finally:
        connection.close()


def test_the_commit_leaves_the_copy_into_the_file_for_a_checkpoint_after_the_result(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    # Every connection of the engine checkpoints after one page of log: a plain COMMIT of the
    # import would copy it into the database file before the result could be shown.
    event.listen(
        database.engine, "connect", lambda c, _r: c.execute("PRAGMA wal_autocheckpoint = 1")
    )
    database.engine.dispose()
    assert database.checkpoint()
    log = Path(f"{database.path}-wal")
    before = hashlib.sha256(database.path.read_bytes()).hexdigest()

    report = import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), checkpoint=False)

    assert report.imported == len(MESSY_IMPORTED_ROWS)
    assert hashlib.sha256(database.path.read_bytes()).hexdigest() == before
    assert log.stat().st_size > 0
    assert "checkpoint" not in report.phases
    with database.engine.connect() as connection:  # the import's setting was given back
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1
        assert connection.exec_driver_sql(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
        ).scalar() == len(MESSY_IMPORTED_ROWS) + 2  # committed: seen from another connection
    assert database.checkpoint()
    assert log.stat().st_size == 0
    assert hashlib.sha256(database.path.read_bytes()).hexdigest() != before

    undo_import(database, run_id=str(report.run_id))
    again = import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"))
    assert again.imported == len(MESSY_IMPORTED_ROWS)
    assert "checkpoint" in again.phases
    assert log.stat().st_size == 0  # checkpointed before it returned


def test_an_error_midway_leaves_the_database_as_it_was(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _ = seeded
    monkeypatch.setattr(import_module, "BATCH_ROWS", 4)
    original = import_module._Writer.write
    calls = {"n": 0}

    def failing(self: object, *args: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(import_module._Writer, "write", failing)
    before = snapshot(database)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"))
    assert calls["n"] == 3
    assert snapshot(database) == before


def test_inside_a_callers_session_only_the_import_is_rolled_back(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    with database.session() as session:
        save_member(session, data=MemberInput(first_name="ก่อนนำเข้า"))
        with pytest.raises(ImportCancelled):
            import_members(session, path=path, progress=lambda done, total: done == 0)
        save_member(session, data=MemberInput(first_name="หลังนำเข้า"))
    names = {n for (n,) in rows(database, "SELECT first_name FROM member")}
    assert names == {"มานะ", "วันดี", "ก่อนนำเข้า", "หลังนำเข้า"}
    assert rows(database, "SELECT count(*) FROM import_run") == [(0,)]


KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from db.engine import open_database
from db.io import import_members as m
m.BATCH_ROWS = 4
def progress(done, total):
    if done >= 8:
        os.kill(os.getpid(), signal.SIGKILL)
    return True
m.import_members(open_database(Path(sys.argv[1])), path=Path(sys.argv[2]), progress=progress)
"""


def test_a_killed_import_leaves_the_database_as_it_was(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    before = snapshot(database)
    database.dispose()
    result = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(database.path), str(path)],
        cwd=Path(__file__).resolve().parents[3], capture_output=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    reopened = open_database(database.path)
    assert snapshot(reopened) == before
    assert rows(reopened, "PRAGMA integrity_check") == [("ok",)]
    reopened.dispose()


# --- preview, mapping, error report ------------------------------------------------------------


def test_preview_shows_header_mapping_and_row_problems(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    before = snapshot(database)
    shown = preview(database, path=write_messy_xlsx(tmp_path / "m.xlsx"), limit=5)
    assert snapshot(database) == before
    assert (shown.sheet, shown.header_row, shown.sub_header_row) == ("สมาชิก 2567", 4, 5)
    assert shown.sheet_names == ("คำอธิบาย", "สมาชิก 2567")
    assert shown.mapping_source == "auto" and shown.mapping.columns[1] == "full_name"
    assert shown.data_rows == 18  # row 9 of the sheet is blank
    assert [r.row for r in shown.rows] == [6, 7, 8, 10, 11]  # the blank row 9 is left out
    first = shown.rows[0]
    assert first.values["first_name"] == "สมชาย" and first.values["prefix"] == "นาย"
    assert first.values["organisation_name"] == "องค์การบริหารส่วนตำบลบ้านใหม่"
    assert first.cells[1] == "นายสมชาย ใจดี" and not first.errors
    assert [e.code for e in shown.rows[2].errors] == ["invalid_national_id"]
    assert [e.code for e in shown.rows[3].errors] == ["invalid_phone"]


def test_a_mapping_used_once_maps_the_same_layout_next_time(
    database: Database, tmp_path: Path
) -> None:
    header = ["รหัส", "ชื่อ-สกุล", "หมายเลข"]  # "รหัส" and "หมายเลข" map to nothing by name
    first = write_simple_xlsx(tmp_path / "a.xlsx", header, [["A-1", "นายสมชาย ใจดี", "0811111111"]])
    assert preview(database, path=first).mapping.columns == {1: "full_name"}
    mapping = ColumnMapping({0: "membership_no", 1: "full_name", 2: "phone"})
    import_members(database, path=first, mapping=mapping)
    second = write_simple_xlsx(
        tmp_path / "b.xlsx", header, [["A-2", "นางสาวสุดา ใจงาม", "0822222222"]]
    )
    shown = preview(database, path=second)
    assert shown.mapping_source == "saved" and shown.mapping.columns == mapping.columns
    import_members(database, path=second)
    assert rows(database, "SELECT membership_no, phone FROM member ORDER BY membership_no") == [
        ("A-1", "0811111111"), ("A-2", "0822222222")
    ]


def test_no_name_column_is_refused(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "n.xlsx", ["โทรศัพท์", "อีเมล"], [["0811111111", "a@b.co"]])
    with pytest.raises(ImportFileError) as caught:
        import_members(database, path=path)
    assert caught.value.code == "no_name_column"
    with pytest.raises(ValueError, match="on_duplicate"):
        import_members(database, path=path, on_duplicate="merge")


def test_error_report_fixed_and_imported_again(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    source = write_messy_xlsx(tmp_path / "m.xlsx")
    report = import_members(database, path=source)
    out = tmp_path / "errors.xlsx"
    assert write_error_report(report, source, out) == 6
    table = read_table(out)
    header = table.rows[0]
    assert header[-2] == REASON_HEADER and header[1] == "ชื่อ - นามสกุล" and header[4] == "มือถือ"
    by_row = {int(r[-1]): r for r in table.rows[1:]}
    assert sorted(by_row) == sorted(MESSY_EXPECTED_ERRORS)
    # Each reason says in Thai what exactly is wrong (not only the kind of problem).
    assert {number: row[-2] for number, row in by_row.items()} == {
        8: "เลขประจำตัวประชาชนผิด (หลักตรวจสอบไม่ตรง) น่าจะพิมพ์ตัวเลขผิดไปหนึ่งหลัก"
        " (invalid_national_id) [เลขประจำตัวประชาชน]",
        10: "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 06, 08 หรือ 09 (มือถือ) หรือ 02 ถึง 07 (โทรศัพท์บ้าน)"
        " (invalid_phone) [มือถือ]",
        11: "ไม่มีชื่อ (missing_name) [ชื่อ - นามสกุล]",
        12: "ไม่พบจังหวัดชื่อ “เมืองลับแล” (unknown_province) [จังหวัด]",
        13: "อีเมลไม่ถูกต้อง (invalid_email) [อีเมล]",
        15: "ไม่มีวันที่นี้ในปฏิทิน (วันหรือเดือนเกิน) (invalid_date) [วัน/เดือน/ปีเกิด]",
    }
    assert by_row[10][4] == "12345"  # a phone stays text
    assert by_row[15][3] == "31 ก.พ. 2530"
    # The secretary fixes the rows in the report and imports it again.
    from tests.db.io.fixtures_import import ID_PRAYUT
    from tests.db.io.fixtures_import import write_simple_xlsx as write

    fixed = [list(r) for r in table.rows[1:]]
    for row in fixed:
        number = int(row[-1])
        if number == 8:
            row[2] = ID_PRAYUT
        elif number == 10:
            row[4] = "0861234567"
        elif number == 11:
            row[1] = "นายไม่มีชื่อ มาก่อน"
        elif number == 12:
            row[8] = "สุโขทัย"
            row[7] = ""
        elif number == 13:
            row[5] = "ek@example.com"
        elif number == 15:
            row[3] = "28 ก.พ. 2530"
        row[-2] = ""
    again = write(tmp_path / "fixed.xlsx", header, fixed)
    second = import_members(database, path=again)
    assert (second.imported, second.rejected, second.errors) == (6, 0, [])
    assert member(database, ID_PRAYUT)["prefix"] == "ว่าที่ ร.ต. ดร."


# --- undo --------------------------------------------------------------------------------------


def test_undo_deletes_created_restores_updated_and_refuses_twice(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = seeded
    before_mana = member(database, ID_MANA)
    report = import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"),
                            on_duplicate="update")  # fmt: skip
    summary = undo_import(database, run_id=str(report.run_id))
    assert (summary.deleted, summary.restored, summary.kept_changed) == (9, 2, ())
    assert summary.organisations_deleted == 1
    assert rows(database, "SELECT count(*) FROM member WHERE deleted_at IS NULL") == [(2,)]
    mana = member(database, ID_MANA)
    assert mana["phone"] == "" and mana["name_key"] == before_mana["name_key"]
    assert rows(database, "SELECT phone FROM member WHERE id = ?", (ids["วันดี"],)) == [("",)]
    assert rows(database, "SELECT count(*) FROM member_strength WHERE deleted_at IS NULL") == [
        (0,)
    ]
    connection = database.raw_connection()
    try:
        assert check_member_index(connection)
    finally:
        connection.close()
    with pytest.raises(UndoImportError) as caught:
        undo_import(database, run_id=str(report.run_id))
    assert caught.value.code == "already_undone"
    with pytest.raises(UndoImportError) as caught:
        undo_import(database, run_id="no-such-run")
    assert caught.value.code == "unknown_run"


def test_undo_refuses_when_members_changed_since(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ = seeded
    report = import_members(database, path=write_messy_xlsx(tmp_path / "m.xlsx"))
    changed_id = str(member(database, ID_SOMCHAI)["id"])
    with database.session() as session:
        edited = MemberInput(
            id=changed_id, first_name="สมชาย", last_name="ใจดีมาก", national_id=ID_SOMCHAI
        )
        save_member(session, data=edited)
    before = snapshot(database)
    with pytest.raises(UndoImportError) as caught:
        undo_import(database, run_id=str(report.run_id))
    assert caught.value.code == "changed_since_import"
    assert caught.value.member_ids == (changed_id,)
    assert caught.value.member_names == ("สมชาย ใจดีมาก",)  # saved without its prefix
    assert "(สมชาย ใจดีมาก)" in caught.value.message
    assert snapshot(database) == before
    summary = undo_import(database, run_id=str(report.run_id), keep_changed=True)
    assert summary.deleted == 8 and summary.kept_changed == (changed_id,)
    assert member(database, ID_SOMCHAI)["last_name"] == "ใจดีมาก"
    assert summary.organisations_deleted == 1


# --- command line ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_cli_import_members_report_and_errors_xlsx(
    seeded: tuple[Database, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, _ = seeded
    source = write_messy_xlsx(tmp_path / "m.xlsx")
    report_path, errors_path = tmp_path / "report.json", tmp_path / "errors.xlsx"
    code, out, err = run(capsys, "import", "members", str(source), "--db", str(database.path),
                         "--dry-run", "--report", str(report_path))  # fmt: skip
    assert code == 0 and "Dry run" in out
    assert rows(database, "SELECT count(*) FROM member") == [(2,)]
    code, out, err = run(
        capsys, "import", "members", str(source), "--db", str(database.path), "--on-duplicate",
        "update", "--sheet", "สมาชิก 2567", "--report", str(report_path), "--errors-xlsx",
        str(errors_path),
    )  # fmt: skip
    assert code == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {"imported", "updated", "skipped", "errors", "warnings", "duplicates"} <= report.keys()
    assert (report["imported"], report["updated"], report["skipped"]) == (9, 2, 1)
    assert set(report["errors"][0]) == {"row", "column", "code", "message", "detail"}
    assert report["errors"][0]["detail"] == "bad_checksum"
    province = next(e for e in report["errors"] if e["code"] == "unknown_province")
    assert province["args"] == {"name": "เมืองลับแล"} and "detail" not in province
    assert codes_by_row(report["errors"]) == MESSY_EXPECTED_ERRORS
    assert "imported" in out and "rejected" in out and "invalid_national_id" in out
    assert "6 rejected row(s)" in err
    assert len(read_table(errors_path).rows) == 7
    run_id = report["run_id"]
    code, out, _ = run(capsys, "import", "undo", run_id, "--db", str(database.path))
    assert code == 0 and json.loads(out)["deleted"] == 9
    code, _, err = run(capsys, "import", "undo", run_id, "--db", str(database.path))
    assert code == 2 and "already_undone" in err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.xlsx", "no file at"),
        (lambda d: (d / "bad.xlsx").write_bytes(b"junk") and d / "bad.xlsx", "unreadable_file"),
        (lambda d: (d / "x.pdf").write_bytes(b"%PDF") and d / "x.pdf", "unsupported_format"),
    ],
)
def test_cli_unusable_file_one_line_and_exit_2(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str
) -> None:
    path = make(tmp_path)
    code, _, err = run(capsys, "import", "members", str(path), "--db", str(database.path),
                       "--report", str(tmp_path / "r.json"))  # fmt: skip
    assert code == 2 and message in err and len(err.strip().splitlines()) <= 2
    assert not (tmp_path / "r.json").exists()


def test_cli_needs_a_report_path(database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", encoding="utf-8")
    assert main(["import", "members", str(path), "--db", str(database.path)]) == 2


def test_a_checkpoint_of_a_file_gone_meanwhile_creates_nothing(tmp_path: Path) -> None:
    database = open_database(tmp_path / "ที่ตั้ง มี ช่องว่าง" / "t.sqlite")
    assert database.checkpoint()
    database.dispose()
    moved = tmp_path / "moved.sqlite"
    database.path.rename(moved)
    assert not database.checkpoint()
    assert not database.path.exists()
