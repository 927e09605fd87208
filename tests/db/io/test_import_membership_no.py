"""The membership number as a duplicate key of the member import: the export -> edit in Excel ->
re-import loop with "update" updates the members it names and creates nobody (default export
columns: no national ID, no birth date); two rows with one number are one member; a number held
by someone the row is not (another name, another national ID) is never taken over."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db.__main__ import main
from db.engine import Database, open_database
from db.io import import_members as import_module
from db.io.export_members import export_members
from db.io.import_members import import_members
from db.io.issue_texts import thai_text_of
from db.io.readers import read_table
from db.members.edit import save_member
from db.members.types import MemberInput
from db.organisations import save_organisation
from tests.db.io.fixtures_import import national_id, write_simple_xlsx
from tests.db.io.test_import_second_process import _force

ID_A = national_id("110170020743")
ID_B = national_id("310050012345")
ID_C = national_id("550060011111")
HEADER = ["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "เลขสมาชิก", "มือถือ"]


@pytest.fixture
def database(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "t.sqlite")
    yield database  # type: ignore[misc]
    database.dispose()


def rows(database: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    connection = database.raw_connection()
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def register(database: Database) -> dict[str, str]:
    """Members as a secretary keeps them: most without an organisation or a birth date (and
    the export leaves national IDs out), each with its membership number; first name -> id."""
    ids: dict[str, str] = {}
    with database.session() as session:
        organisation = save_organisation(
            session, type_code="sao", name="องค์การบริหารส่วนตำบลบ้านใหม่", province_code=30
        )
        for first, last, number, extra in (
            ("สมชาย", "ใจดี", "67-000001", {"national_id": ID_A}),
            ("สมศรี", "มีสุข", "67-000002", {}),
            ("มานะ", "อดทน", "67-000003", {"organisation_id": organisation}),
            ("วันดี", "มีชัย", "00123", {"phone": "0812345678"}),
            ("ปิติ", "ยินดี", "1.50", {"nickname": "ปิ"}),
            ("ชูใจ", "ใจงาม", "", {}),  # no number: found by nothing in a default export
        ):
            ids[first] = save_member(session, data=MemberInput(
                first_name=first, last_name=last, membership_no=number, **extra,
            ))  # fmt: skip
        session.commit()
    return ids


def members(database: Database) -> list[tuple[str, str, str]]:
    return rows(database, "SELECT first_name, membership_no, phone FROM member"
                " WHERE deleted_at IS NULL ORDER BY rowid")  # fmt: skip


def export_and_edit(database: Database, tmp_path: Path, name: str = "export") -> Path:
    """The default export, with one mobile phone changed (as in Excel), as a new .xlsx."""
    exported = tmp_path / f"{name}.xlsx"
    export_members(database, out_path=exported)
    table = read_table(exported)
    header = [str(cell) for cell in table.rows[0]]
    assert "เลขสมาชิก" in header and "เลขประจำตัวประชาชน" not in header
    assert "วันเกิด" not in header
    body = [list(row) for row in table.rows[1:]]
    first = header.index("ชื่อ")
    phone = header.index("โทรศัพท์มือถือ")
    for row in body:
        if row[first] == "สมศรี":
            row[phone] = "099-999-9999"
    return write_simple_xlsx(tmp_path / f"{name}_edited.xlsx", header, body)


def duplicates(report: object) -> list[tuple[object, ...]]:
    return sorted((d["row"], d["reason"], d["action"]) for d in report.duplicates)  # type: ignore[attr-defined]


@pytest.mark.parametrize("second_process", [False, True])
def test_export_edit_reimport_with_update_updates_and_creates_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:  # batches of 2 rows, every other one checked by the child
        _force(monkeypatch)
    ids = register(database)
    before = members(database)
    path = export_and_edit(database, tmp_path)
    report = import_members(database, path=path, on_duplicate="update")
    assert report.errors == [] and report.warnings == []
    # ชูใจ has no number, no organisation and no birth date in the file: nothing says who she
    # is, so she is a new member as before; everyone else is found by the number.
    assert (report.imported, report.updated, report.skipped, report.rejected) == (1, 1, 4, 0)
    by_row = {d["row"]: d for d in report.duplicates}
    assert sorted((d["reason"], d["action"]) for d in by_row.values()) == [
        ("same_membership_no", "unchanged"), ("same_membership_no", "unchanged"),
        ("same_membership_no", "unchanged"), ("same_membership_no", "unchanged"),
        ("same_membership_no", "updated"),
    ]  # the number comes before name and organisation (มานะ)
    updated = next(d for d in by_row.values() if d["action"] == "updated")
    assert updated["existing_member_id"] == ids["สมศรี"]
    after = members(database)
    assert after[: len(before)] == [
        (first, number, "0999999999" if first == "สมศรี" else phone)
        for first, number, phone in before
    ]
    assert after[len(before) :] == [("ชูใจ", "", "")]
    # A second round creates nothing more (ชูใจ's two records are the Duplicates page's work).
    again = import_members(database, path=export_and_edit(database, tmp_path, "again"),
                           on_duplicate="update")  # fmt: skip
    assert (again.imported, again.updated, again.rejected) == (2, 0, 0)
    assert {d["reason"] for d in again.duplicates} == {"same_membership_no"}


def test_the_same_loop_with_skip_skips_every_numbered_member(
    database: Database, tmp_path: Path
) -> None:
    register(database)
    report = import_members(database, path=export_and_edit(database, tmp_path))
    assert (report.imported, report.updated, report.skipped, report.rejected) == (1, 0, 5, 0)
    assert {(d["reason"], d["action"]) for d in report.duplicates} == {
        ("same_membership_no", "skipped")
    }


@pytest.mark.parametrize("second_process", [False, True])
def test_two_rows_with_one_number_are_one_member(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "d.xlsx", HEADER, [
        ["สมชาย", "ใจดี", "", "67-000001", "0811111111"],
        ["สมชาย", "ใจดี", "", "67-000001", "0822222222"],  # the same member, listed twice
        ["สมชาย", "ใจดี", ID_A, "67-000001", ""],  # still him: one row had no ID
        ["สมศรี", "มีสุข", "", "67-000001", ""],  # another name: the number is row 2's
        ["สมศรี", "มีสุข", "", "67-000002", ""],  # the same woman with her own number
        ["มานะ", "อดทน", ID_B, "67-000003", ""],
        ["มานะ", "อดทน", ID_C, "67-000003", ""],  # another national ID: another man
    ])  # fmt: skip
    for policy in ("skip", "update", "new"):  # within the file the policy does not matter
        report = import_members(database, path=path, on_duplicate=policy, dry_run=True)
        assert duplicates(report) == [
            (3, "same_membership_no", "skipped"), (4, "same_membership_no", "skipped"),
        ]
        assert [(e["row"], e["code"], e["detail"], e["args"]) for e in report.errors] == [
            (5, "membership_no_taken", "in_file", {"number": "67-000001", "row": "2"}),
            (8, "membership_no_taken", "in_file", {"number": "67-000003", "row": "7"}),
        ]
        assert (report.imported, report.skipped, report.rejected) == (3, 2, 2)
    report = import_members(database, path=path)
    assert (report.imported, report.skipped, report.rejected) == (3, 2, 2)
    sql = "SELECT first_name, membership_no, phone, national_id FROM member ORDER BY rowid"
    assert rows(database, sql) == [
        ("สมชาย", "67-000001", "0811111111", None),
        ("สมศรี", "67-000002", "", None),
        ("มานะ", "67-000003", "", ID_B),
    ]
    error = report.errors[0]
    assert error["message"] == (
        "Membership no. 67-000001 is that of row 2, with another name or national ID: correct"
        " the number or the name (or leave the number out) and import the row again"
    )
    assert thai_text_of(error) == (
        "เลขสมาชิก 67-000001 ซ้ำกับแถวที่ 2 ซึ่งชื่อหรือเลขประจำตัวประชาชนไม่ตรงกัน"
        " แก้เลขสมาชิกหรือชื่อ (หรือเว้นเลขสมาชิกไว้) แล้วนำเข้าแถวนี้อีกครั้ง"
    )


def test_a_row_rejected_for_its_number_leaves_its_id_to_a_later_row(
    database: Database, tmp_path: Path
) -> None:
    path = write_simple_xlsx(tmp_path / "d.xlsx", HEADER, [
        ["สมชาย", "ใจดี", "", "1", ""],
        ["สมศรี", "มีสุข", ID_B, "1", ""],  # a wrong number: rejected
        ["สมศรี", "มีสุข", ID_B, "2", ""],  # her row, corrected further down: imported
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert [(e["row"], e["code"]) for e in report.errors] == [(3, "membership_no_taken")]
    assert report.duplicates == [] and (report.imported, report.rejected) == (2, 1)


@pytest.fixture(params=["preloaded", "looked_up"])
def numbered(
    request: pytest.FixtureRequest, database: Database, monkeypatch: pytest.MonkeyPatch
) -> tuple[Database, dict[str, str]]:
    """The register, held in memory or (as a big one is) asked per batch."""
    if request.param == "looked_up":
        monkeypatch.setattr(import_module, "PRELOAD_LIMIT", 0)
    return database, register(database)


def test_a_number_held_by_another_name_is_not_taken_by_a_new_member(
    numbered: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, _ids = numbered
    before = members(database)
    path = write_simple_xlsx(tmp_path / "c.xlsx", HEADER, [
        ["สมศรี", "มีสุขใจ", "", "67-000002", "0899999999"],  # another surname: not her
        ["สมชาย", "ใจดี", ID_C, "67-000001", ""],  # his name with another ID: not him either
    ])  # fmt: skip
    for policy in ("skip", "update", "new"):
        report = import_members(database, path=path, on_duplicate=policy)
        assert (report.imported, report.updated, report.skipped, report.rejected) == (0, 0, 0, 2)
        assert report.duplicates == [] and report.warnings == []
        assert [(e["row"], e["code"], e["detail"], e["column"]) for e in report.errors] == [
            (2, "membership_no_taken", "registered", "เลขสมาชิก"),
            (3, "membership_no_taken", "registered", "เลขสมาชิก"),
        ]
        assert members(database) == before
    assert report.errors[0]["message"] == (
        "Membership no. 67-000002 is a registered member's, with another name or national ID:"
        " a new member cannot take it. Correct the number or the name (or leave the number"
        " out) and import the row again"
    )
    assert thai_text_of(report.errors[0]).startswith(
        "เลขสมาชิก 67-000002 เป็นของสมาชิกในทะเบียนที่ชื่อหรือเลขประจำตัวประชาชนไม่ตรงกับแถวนี้"
    )


def test_a_row_found_by_its_id_updates_its_member_without_anothers_number(
    numbered: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = numbered
    path = write_simple_xlsx(tmp_path / "c.xlsx", HEADER, [
        # สมชาย by his ID, with สมศรี's number (a slip of the eye in Excel)
        ["สมชาย", "ใจดี", ID_A, "67-000002", "0899999999"],
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="update")
    assert (report.imported, report.updated, report.rejected) == (0, 1, 0)
    assert report.duplicates == [{"row": 2, "existing_member_id": ids["สมชาย"],
                                  "reason": "same_national_id", "action": "updated",
                                  "changed": ["phone"]}]
    (warning,) = report.warnings
    assert (warning["code"], warning["detail"], warning["args"]) == (
        "membership_no_left_out", "registered", {"number": "67-000002"}
    )
    assert warning["message"] == (
        "Membership no. 67-000002 is another registered member's: it is left out of this"
        " member's update"
    )
    assert thai_text_of(warning) == (
        "เลขสมาชิก 67-000002 เป็นของสมาชิกคนอื่นในทะเบียน จึงไม่ใช้เลขสมาชิกนี้กับสมาชิกคนนี้"
    )
    assert rows(database, "SELECT membership_no, phone FROM member WHERE id = ?",
                (ids["สมชาย"],)) == [("67-000001", "0899999999")]  # fmt: skip
    assert rows(database, "SELECT count(*) FROM member WHERE membership_no = '67-000002'") == [
        (1,)
    ]
    # Skipped, the row writes nothing and says nothing about the number.
    report = import_members(database, path=path)
    assert (report.skipped, report.warnings, report.errors) == (1, [], [])


def test_the_number_finds_the_member_and_the_row_brings_the_national_id(
    numbered: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = numbered
    path = write_simple_xlsx(tmp_path / "c.xlsx", HEADER, [
        ["สมศรี", "มีสุข", ID_B, "67-000002", ""],  # registered without an ID
        ["สมชาย", "ใจดี", ID_A, "67-000009", ""],  # found by his ID: a new number, free
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="update")
    assert report.errors == [] and report.warnings == []
    assert (report.imported, report.updated, report.skipped) == (0, 2, 0)
    assert duplicates(report) == [
        (2, "same_membership_no", "updated"), (3, "same_national_id", "updated")
    ]
    sql = "SELECT national_id, membership_no FROM member WHERE id IN (?, ?) ORDER BY rowid"
    assert rows(database, sql, (ids["สมชาย"], ids["สมศรี"])) == [
        (ID_A, "67-000009"), (ID_B, "67-000002"),
    ]


def test_with_new_a_duplicate_of_a_numbered_member_cannot_take_the_number(
    numbered: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    database, ids = numbered
    before = members(database)
    path = write_simple_xlsx(tmp_path / "c.xlsx", HEADER, [
        ["สมศรี", "มีสุข", "", "67-000002", ""],
        ["สมศรี", "มีสุข", "", "", ""],  # no number: imported as new, as "new" asks
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="new")
    assert report.duplicates == [{"row": 2, "existing_member_id": ids["สมศรี"],
                                  "reason": "same_membership_no", "action": "rejected"}]
    assert [(e["row"], e["code"], e["detail"]) for e in report.errors] == [
        (2, "membership_no_taken", "duplicate")
    ]
    assert (report.imported, report.rejected) == (1, 1)
    assert members(database) == [*before, ("สมศรี", "", "")]


def test_copies_sharing_a_number_update_the_first(database: Database, tmp_path: Path) -> None:
    """Copies an earlier import made (numbers are not unique in the schema): the first
    registered is updated, and nothing new is made."""
    data = MemberInput(first_name="สมศรี", last_name="มีสุข", membership_no="67-000002")
    with database.session() as session:
        first, copy = (save_member(session, data=data) for _ in range(2))
        session.commit()
    path = write_simple_xlsx(tmp_path / "c.xlsx", HEADER, [
        ["สมศรี", "มีสุข", "", "67-000002", "0899999999"],
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="update")
    assert report.duplicates == [{"row": 2, "existing_member_id": first,
                                  "reason": "same_membership_no", "action": "updated",
                                  "changed": ["phone"]}]
    assert rows(database, "SELECT id, phone FROM member ORDER BY rowid") == [
        (first, "0899999999"), (copy, ""),
    ]


def test_the_command_lines_report_names_the_number(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = register(database)
    path = export_and_edit(database, tmp_path)
    clash = write_simple_xlsx(tmp_path / "clash.xlsx", HEADER, [
        ["สมศรี", "มีสุขใจ", "", "67-000002", ""],
    ])  # fmt: skip
    report_path = tmp_path / "report.json"
    arguments = ["--db", str(database.path), "--on-duplicate", "update", "--report",
                 str(report_path)]  # fmt: skip
    assert main(["import", "members", str(path), *arguments]) == 0
    capsys.readouterr()
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert (report["imported"], report["updated"], report["skipped"]) == (1, 1, 4)
    somsri = next(d for d in report["duplicates"] if d["action"] == "updated")
    assert somsri["existing_member_id"] == ids["สมศรี"]
    assert {d["reason"] for d in report["duplicates"]} == {"same_membership_no"}
    assert main(["import", "members", str(clash), *arguments]) == 0
    capsys.readouterr()
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert (report["imported"], report["rejected"]) == (0, 1)
    assert [(e["row"], e["code"], e["detail"], e["args"]) for e in report["errors"]] == [
        (2, "membership_no_taken", "registered", {"number": "67-000002"})
    ]


def test_the_numbers_are_read_as_the_register_holds_them(database: Database) -> None:
    """The register's numbers in memory and through its index find the same members."""
    register(database)
    connection = database.raw_connection()
    try:
        dbapi_connection: sqlite3.Connection = connection  # type: ignore[assignment]
        preloaded = import_module._ExistingMembers(dbapi_connection, expected=1)
        assert preloaded.preloaded
        numbers = ["67-000002", "00123", "1.50", "nobody's"]
        _, _, in_memory = preloaded.lookup([], [], [])
        import_module.PRELOAD_LIMIT, limit = 0, import_module.PRELOAD_LIMIT
        try:
            asked = import_module._ExistingMembers(dbapi_connection, expected=1)
        finally:
            import_module.PRELOAD_LIMIT = limit
        assert not asked.preloaded
        _, _, looked_up = asked.lookup([], [], numbers)
        for number in numbers:
            assert [h.id for h in in_memory.holders(number)] == [
                h.id for h in looked_up.holders(number)
            ]
        assert [len(in_memory.holders(n)) for n in numbers] == [1, 1, 1, 0]
    finally:
        connection.close()


@pytest.mark.parametrize("second_process", [False, True])
def test_rows_with_one_name_and_two_numbers_are_two_members(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    """Like two national IDs: a list numbering two rows apart lists two members, however alike
    their names, organisations or birth dates (a number edited against the register is not
    vetoed: the row may update its member by name)."""
    if second_process:
        _force(monkeypatch)
    header = ["ชื่อ", "นามสกุล", "หน่วยงาน", "จังหวัด", "วันเกิด", "เลขสมาชิก"]
    organisation = "อบต.บ้านใหม่"
    path = write_simple_xlsx(tmp_path / "d.xlsx", header, [
        ["มานะ", "อดทน", organisation, "นครราชสีมา", "", "67-000003"],
        ["มานะ", "อดทน", organisation, "นครราชสีมา", "", "67-000004"],  # another มานะ
        ["มานะ", "อดทน", organisation, "นครราชสีมา", "", ""],  # no number: one of them
        ["สมศรี", "มีสุข", "", "", "1 ม.ค. 2520", "7"],
        ["สมศรี", "มีสุข", "", "", "01/01/2520", "8"],
        ["สมศรี", "มีสุข", "", "", "01/01/2520", ""],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.errors == [] and [w["code"] for w in report.warnings] == [
        "organisation_created"
    ]
    assert duplicates(report) == [
        (4, "same_name_and_organisation", "skipped"), (7, "same_name_and_birth_date", "skipped"),
    ]
    assert (report.imported, report.skipped) == (4, 2)
    # Exported and imported again with "update": each finds its own member by its number.
    export = export_and_edit(database, tmp_path)
    again = import_members(database, path=export, on_duplicate="update")
    assert (again.imported, again.updated, again.skipped, again.rejected) == (0, 2, 2, 0)
    assert sorted((d["reason"], d["action"]) for d in again.duplicates) == [
        ("same_membership_no", "unchanged"), ("same_membership_no", "unchanged"),
        ("same_membership_no", "updated"), ("same_membership_no", "updated"),  # both สมศรี
    ]
    assert rows(database, "SELECT phone FROM member WHERE first_name = 'สมศรี'") == [
        ("0999999999",), ("0999999999",)
    ]
    # A number changed in the sheet: a registered member's number is never changed through a
    # namesake (two numbers are two members, as within a file); the row says so.
    renumbered = write_simple_xlsx(tmp_path / "r.xlsx", header, [
        ["มานะ", "อดทน", organisation, "นครราชสีมา", "", "67-000005"],
    ])  # fmt: skip
    report = import_members(database, path=renumbered, on_duplicate="update")
    assert duplicates(report) == [] and report.imported == 1
    assert [(w["code"], w["args"]) for w in report.warnings] == [
        ("namesake_numbered", {"number": "67-000004", "row_number": "67-000005"})
    ]


@pytest.mark.parametrize("looked_up", [False, True])
def test_a_namesake_with_another_number_is_another_member(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, looked_up: bool
) -> None:
    """The same name at the same organisation, numbered apart from the registered member: two
    other members (as within a file), not an update of the registered one's number."""
    if looked_up:  # the register asked per batch, not held in memory
        monkeypatch.setattr(import_module, "PRELOAD_LIMIT", 0)
    with database.session() as s:
        org = save_organisation(
            s, type_code="sao", name="องค์การบริหารส่วนตำบลบ้านใหม่", province_code=30
        )
        save_member(s, data=MemberInput(
            first_name="สมชาย", last_name="ใจดี", membership_no="0047", organisation_id=org,
            phone="0811111111",
        ))  # fmt: skip
        s.commit()
    header = ["ชื่อ", "นามสกุล", "เลขสมาชิก", "หน่วยงาน", "จังหวัด", "มือถือ"]
    path = write_simple_xlsx(tmp_path / "n.xlsx", header, [
        ["สมชาย", "ใจดี", "0052", "องค์การบริหารส่วนตำบลบ้านใหม่", "นครราชสีมา", "0822222222"],
        ["สมชาย", "ใจดี", "0053", "องค์การบริหารส่วนตำบลบ้านใหม่", "นครราชสีมา", "0833333333"],
        ["สมชาย", "ใจดี", "0047", "องค์การบริหารส่วนตำบลบ้านใหม่", "นครราชสีมา", "0844444444"],
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="update")
    assert (report.imported, report.updated, report.errors) == (2, 1, [])
    assert rows(database, "SELECT membership_no, phone FROM member ORDER BY membership_no") == [
        ("0047", "0844444444"), ("0052", "0822222222"), ("0053", "0833333333"),
    ]
