"""A member in several groups: the groups cell (db.io.group_cells) written and read back, and
the importer joining every group named in it, each in its role."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.engine import Database, open_database
from db.groups import add_group_member, save_group
from db.io.group_cells import GROUP_SEPARATOR, format_group, split_groups, split_role
from db.io.import_members import import_members
from db.io.undo_import import undo_import
from db.members.edit import save_member
from db.members.types import MemberInput
from db.thai.text import clean_text
from tests.db.io.fixtures_import import write_simple_xlsx
from tests.db.io.test_export_support import ID_A
from tests.db.io.test_import_second_process import _force

ROLES = {"สมาชิก": "member", "ประธาน": "chair", "เลขานุการ": "secretary"}


def read_cell(text: str) -> list[tuple[str, str]]:
    """(name, role) as the importer reads them (a bracket that is no role is the name's)."""
    found = []
    for item in split_groups(text):
        name, label = split_role(item)
        if label not in ROLES:
            name, label = item, "สมาชิก"
        found.append((name, ROLES[label]))
    return found


def test_a_cell_as_the_export_writes_it() -> None:
    cell = GROUP_SEPARATOR.join([
        format_group("สมาคมบุคลากรท้องถิ่น", "สมาชิก", member=True),
        format_group("ชมรมปลัด (ภาคอีสาน)", "สมาชิก", member=True),
        format_group('เครือข่าย "นิติกร"; ภาคเหนือ', "ประธาน", member=False),
        format_group('"ดี" ชมรม', "เลขานุการ", member=False),
    ])  # fmt: skip
    assert cell == (
        'สมาคมบุคลากรท้องถิ่น; ชมรมปลัด (ภาคอีสาน) (สมาชิก); "เครือข่าย ""นิติกร""; ภาคเหนือ"'
        ' (ประธาน); """ดี"" ชมรม" (เลขานุการ)'
    )
    assert read_cell(cell) == [
        ("สมาคมบุคลากรท้องถิ่น", "member"), ("ชมรมปลัด (ภาคอีสาน)", "member"),
        ('เครือข่าย "นิติกร"; ภาคเหนือ', "chair"), ('"ดี" ชมรม', "secretary"),
    ]  # fmt: skip


def test_a_cell_as_a_secretary_types_it() -> None:
    assert read_cell("ชมรม ก;ชมรม ข(ประธาน) ;; ชมรม (ภาคใต้) ;") == [
        ("ชมรม ก", "member"), ("ชมรม ข", "chair"), ("ชมรม (ภาคใต้)", "member"),
    ]  # fmt: skip
    assert split_groups("  ") == []


_NAMES = st.text(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs"), include_characters="ก;\"()"),
    min_size=1, max_size=20,
).map(clean_text).filter(bool)  # fmt: skip


@given(st.lists(st.tuples(_NAMES, st.sampled_from(sorted(ROLES))), min_size=1, max_size=4))
def test_any_groups_and_roles_come_back_from_their_cell(groups: list[tuple[str, str]]) -> None:
    cell = GROUP_SEPARATOR.join(
        format_group(name, label, member=ROLES[label] == "member") for name, label in groups
    )
    assert read_cell(cell) == [(name, ROLES[label]) for name, label in groups]


@pytest.fixture
def database(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "t.sqlite")
    yield database  # type: ignore[misc]
    database.dispose()


def memberships(database: Database) -> list[tuple[str, str, str]]:
    """(first name, group, role) of every open membership, in the order made."""
    connection = database.raw_connection()
    try:
        return connection.execute(
            "SELECT m.first_name, g.name, gm.role FROM group_membership gm"
            " JOIN member m ON m.id = gm.member_id JOIN network_group g ON g.id = gm.group_id"
            " WHERE gm.deleted_at IS NULL ORDER BY gm.rowid"
        ).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("second_process", [False, True])
def test_every_group_of_a_cell_is_joined_in_its_role(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:  # batches of 2 rows, every other one checked by the child
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "g.xlsx", ["ชื่อ", "นามสกุล", "กลุ่ม", "บทบาทในกลุ่ม"], [
        # The role column is the role in each group without brackets; ชมรม ก twice is once.
        ["สมชาย", "ใจดี", "ชมรม ก; ชมรม ข (ประธาน); ชมรม ก", "เลขานุการ"],
        ["สมศรี", "มีสุข", "ชมรม (ภาคใต้)", ""],  # not a role: the bracket is the name's
        ["มานะ", "ใจดี", "ชมรม ข; ชมรม ก (สมาชิก)", "ประธาน"],
        ["ปิติ", "ยินดี", "ชมรม ค (ไม่มีบทบาทนี้)", "ผู้จัดการทีม"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.errors == [] and report.imported == 4
    assert memberships(database) == [
        ("สมชาย", "ชมรม ก", "secretary"), ("สมชาย", "ชมรม ข", "chair"),
        ("สมศรี", "ชมรม (ภาคใต้)", "member"),
        ("มานะ", "ชมรม ข", "chair"), ("มานะ", "ชมรม ก", "member"),
        ("ปิติ", "ชมรม ค (ไม่มีบทบาทนี้)", "member"),
    ]  # fmt: skip
    warnings = [(w["row"], w["code"], w["message"]) for w in report.warnings]
    assert warnings == [
        (2, "group_created", "There is no group 'ชมรม ก': it is created"),
        (2, "group_created", "There is no group 'ชมรม ข': it is created"),
        (3, "group_created", "There is no group 'ชมรม (ภาคใต้)': it is created"),
        (5, "group_created", "There is no group 'ชมรม ค (ไม่มีบทบาทนี้)': it is created"),
        (5, "unknown_group_role", "Unknown role 'ผู้จัดการทีม' in a group: recorded as a member"),
    ]


@pytest.mark.parametrize("second_process", [False, True])
def test_a_role_column_listing_a_role_per_group_pairs_them_in_order(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:
        _force(monkeypatch)
    path = write_simple_xlsx(tmp_path / "g.xlsx", ["ชื่อ", "นามสกุล", "กลุ่ม", "บทบาทในกลุ่ม"], [
        ["สมชาย", "ใจดี", "ชมรม ก; ชมรม ข", "ประธาน; เลขานุการ"],
        # the bracketed role is the group's own: the list is for the others
        ["สมศรี", "มีสุข", "ชมรม ก (เลขานุการ); ชมรม ข; ชมรม ค", "สมาชิก; ประธาน"],
        ["มานะ", "ใจดี", "ชมรม ก; ชมรม ข; ชมรม ค", "ประธาน; เลขานุการ"],  # one short
        ["ปิติ", "ยินดี", "ชมรม ก", "ประธาน; เลขานุการ"],  # one too many
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert report.errors == [] and report.imported == 4
    assert memberships(database) == [
        ("สมชาย", "ชมรม ก", "chair"), ("สมชาย", "ชมรม ข", "secretary"),
        ("สมศรี", "ชมรม ก", "secretary"), ("สมศรี", "ชมรม ข", "member"),
        ("สมศรี", "ชมรม ค", "chair"),
        ("มานะ", "ชมรม ก", "chair"), ("มานะ", "ชมรม ข", "secretary"), ("มานะ", "ชมรม ค", "member"),
        ("ปิติ", "ชมรม ก", "chair"),
    ]  # fmt: skip
    mismatches = [
        (w["row"], w["args"]) for w in report.warnings if w["code"] == "group_roles_mismatch"
    ]
    assert mismatches == [(4, {"roles": "2", "groups": "3"}), (5, {"roles": "2", "groups": "1"})]
    from db.io.issue_texts import thai_text_of

    assert thai_text_of(next(w for w in report.warnings if w["row"] == 4 and "args" in w
                             and w["code"] == "group_roles_mismatch")) == (
        "ช่องบทบาทระบุ 2 บทบาท แต่มี 3 กลุ่ม จับคู่ตามลำดับ กลุ่มที่ไม่มีบทบาทบันทึกเป็นสมาชิก"
    )  # fmt: skip


def test_a_skipped_row_hands_each_new_groups_warning_on(
    database: Database, tmp_path: Path
) -> None:
    """The 'created' warning of each new group goes to the first row taken naming it."""
    path = write_simple_xlsx(tmp_path / "g.xlsx", ["ชื่อ", "นามสกุล", "วันเกิด", "กลุ่ม"], [
        ["สมชาย", "ใจดี", "1 ม.ค. 2520", ""],
        ["สมชาย", "ใจดี", "1 ม.ค. 2520", "ชมรม ก; ชมรม ข"],  # a duplicate of row 2: skipped
        ["สมศรี", "มีสุข", "2 ม.ค. 2521", "ชมรม ข"],
        ["มานะ", "ใจดี", "3 ม.ค. 2522", "ชมรม ก; ชมรม ข"],
    ])  # fmt: skip
    report = import_members(database, path=path)
    assert (report.imported, report.skipped) == (3, 1)
    created = [(w["row"], w["message"]) for w in report.warnings if w["code"] == "group_created"]
    assert created == [
        (4, "There is no group 'ชมรม ข': it is created"),
        (5, "There is no group 'ชมรม ก': it is created"),
    ]
    assert memberships(database) == [
        ("สมศรี", "ชมรม ข", "member"), ("มานะ", "ชมรม ก", "member"), ("มานะ", "ชมรม ข", "member"),
    ]  # fmt: skip


def test_an_update_joins_the_new_groups_changes_roles_given_and_undo_leaves_them(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as s:
        member = save_member(
            s, data=MemberInput(first_name="สมชาย", last_name="ใจดี", national_id=ID_A)
        )
        club = save_group(s, name="ชมรม ก", kind="club")
        add_group_member(s, group_id=club, member_id=member, role="chair")
        other = save_group(s, name="ชมรม ง", kind="club")
        add_group_member(s, group_id=other, member_id=member, role="treasurer")
    header = ["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "กลุ่ม"]
    path = write_simple_xlsx(tmp_path / "g.xlsx", header, [
        ["สมชาย", "ใจดี", ID_A, "ชมรม ก (สมาชิก); ชมรม ข (เลขานุการ); ชมรม ค; ชมรม ง"],
    ])  # fmt: skip
    report = import_members(database, path=path, on_duplicate="update")
    assert report.updated == 1
    assert report.duplicates[0]["changed"] == ["groups"]
    assert memberships(database) == [
        ("สมชาย", "ชมรม ก", "member"),  # the role the row gives
        ("สมชาย", "ชมรม ง", "treasurer"),  # named alone: the role stays
        ("สมชาย", "ชมรม ข", "secretary"), ("สมชาย", "ชมรม ค", "member"),
    ]  # fmt: skip
    # The same sheet again: nothing new.
    again = import_members(database, path=path, on_duplicate="update")
    assert (again.updated, again.skipped) == (0, 1)
    undo_import(database, run_id=str(report.run_id))
    assert memberships(database) == [
        ("สมชาย", "ชมรม ก", "chair"), ("สมชาย", "ชมรม ง", "treasurer"),
    ]


def test_a_role_column_changes_the_role_in_a_group_the_member_is_in(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as s:
        member = save_member(
            s, data=MemberInput(first_name="สมชาย", last_name="ใจดี", national_id=ID_A)
        )
        club = save_group(s, name="ชมรม ก", kind="club")
        add_group_member(s, group_id=club, member_id=member, role="member")
    header = ["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "กลุ่ม", "บทบาทในกลุ่ม"]
    path = write_simple_xlsx(tmp_path / "g.xlsx", header, [
        ["สมชาย", "ใจดี", ID_A, "ชมรม ก", "ประธาน"],
    ])  # fmt: skip
    assert import_members(database, path=path, on_duplicate="update").updated == 1
    assert memberships(database) == [("สมชาย", "ชมรม ก", "chair")]
