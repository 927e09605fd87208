"""A register with one member holding every kind of personal data, and copies of it elsewhere:
a record merged into them, an import's undo log, groups, dues and strengths."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from db.dues import record_dues_payment
from db.engine import Database, open_database
from db.groups import add_group_member, save_group
from db.members.edit import save_member
from db.members.types import MemberInput
from db.merge import merge_members
from db.organisations import save_organisation

NATIONAL_ID = "1101700203450"
OTHER_ID = "3100600123450"
PHONE = "0812345678"
EMAIL = "somchai.jaidee@example.org"
LINE_ID = "somchai_line"
ADDRESS = "99/9 หมู่ 3 ตำบลหนองบัว อำเภอเมือง"
NOTES = "แพ้อาหารทะเล"
ADMIN = SimpleNamespace(can_erase_personal_data=True)
SECRETARY = SimpleNamespace(can_erase_personal_data=False)


@dataclasses.dataclass(frozen=True)
class Register:
    database: Database
    member_id: str  # สมชาย ใจดี, everything filled in
    merged_id: str  # an older record of สมชาย merged into member_id
    other_id: str  # someone else, never touched
    organisation_id: str
    group_id: str
    run_id: str


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


@pytest.fixture
def register(database: Database) -> Register:
    with database.session() as s:
        org = save_organisation(
            s, type_code="sao", name="องค์การบริหารส่วนตำบลหนองบัว", province_code=40
        )
        member_id = save_member(
            s,
            data=MemberInput(
                prefix="นาย", first_name="สมชาย", last_name="ใจดี", first_name_en="Somchai",
                last_name_en="Jaidee", nickname="ชาย", national_id=NATIONAL_ID,
                birth_date=dt.date(1980, 10, 2), gender="male", personnel_type="local_official",
                position="ปลัด อบต.", position_type="executive", position_level="executive_middle",
                organisation_id=org, phone=PHONE, phone_office="043123456", email=EMAIL,
                line_id=LINE_ID, address=ADDRESS, membership_no="M-0042", status="active",
                joined_on=dt.date(2014, 10, 2), notes=NOTES, consent_date=dt.date(2024, 1, 15),
                consent_purpose="ติดต่อข่าวสารสมาคม", strengths=("การเงินการคลัง", "ภาษาญี่ปุ่น"),
            ),
        )  # fmt: skip
        merged_id = save_member(
            s,
            data=MemberInput(
                prefix="นาย", first_name="สมชาย", last_name="ใจดีมาก", organisation_id=org,
                phone="0899999999", email="old.somchai@example.org", strengths=("กฎหมาย",),
            ),
        )  # fmt: skip
        other_id = save_member(
            s,
            data=MemberInput(
                first_name="สมหญิง", last_name="รักไทย", national_id=OTHER_ID,
                organisation_id=org, phone="0898765432",
            ),
        )  # fmt: skip
        group = save_group(s, name="สมาคมข้าราชการส่วนท้องถิ่น", kind="association")
        add_group_member(
            s, group_id=group, member_id=member_id, role="chair", started_on=dt.date(2020, 1, 1)
        )
        record_dues_payment(
            s, member_id=member_id, fiscal_year=2568, amount_satang=50_000,
            paid_on=dt.date(2024, 11, 1), receipt_no="R-68/001",
        )  # fmt: skip
        merge_members(
            s, survivor_id=member_id, merged_id=merged_id, field_choices={"last_name": "survivor"}
        )
        # An import that updated the member: its undo log keeps the values it replaced.
        run_id = "0190f000-0000-7000-8000-000000000001"
        connection = s.connection()
        connection.exec_driver_sql(
            "INSERT INTO import_run (id, owner_office_id, created_at, updated_at, hlc, file_name,"
            " sheet, on_duplicate, imported, updated, skipped, rejected, report_json)"
            " VALUES (?, 'office', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z',"
            " 'hlc', 'สมาชิก.xlsx', '', 'update', 0, 1, 0, 0, '{}')",
            (run_id,),
        )
        old_values = {"phone": "0811111111", "address": "บ้านเก่า", "position": "รองปลัด"}
        connection.exec_driver_sql(
            "INSERT INTO import_run_item (run_id, member_id, action, old_values_json, row_number)"
            " VALUES (?, ?, 'updated', ?, 7)",
            (run_id, member_id, json.dumps(old_values, ensure_ascii=False)),
        )
    return Register(database, member_id, merged_id, other_id, org, group, run_id)
