"""A fresh database per test, and small builders that go through the register's own commands."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from db.engine import Database, open_database
from db.members.edit import save_member
from db.members.types import MemberInput
from db.organisations import save_organisation

BANGKOK = 10
CHIANG_MAI = 50
KHON_KAEN = 40

# Valid national IDs (check digit per THAI.md).
ID_A = "1101700203450"
ID_B = "3100600123450"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def add_ref_items(session: Session, kind: str, *codes: tuple[str, str, str]) -> None:
    """Reference list entries (code, Thai name, parent code) the tests rely on, whatever the
    shipped lists hold."""
    connection = session.connection()
    for order, (code, name_th, parent) in enumerate(codes):
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO ref_item (kind, code, name_th, name_en, abbr_th, parent_code,"
            " sort_order, active) VALUES (?, ?, ?, '', '', ?, ?, 1)",
            (kind, code, name_th, parent, order),
        )


def make_org(
    session: Session, name: str, *, type_code: str = "sao", province: int = BANGKOK
) -> str:
    return save_organisation(session, type_code=type_code, name=name, province_code=province)


def make_member(session: Session, first_name: str, last_name: str = "", **fields: Any) -> str:
    return save_member(
        session, data=MemberInput(first_name=first_name, last_name=last_name, **fields)
    )


def member_input(**fields: Any) -> MemberInput:
    base = MemberInput(first_name="สมชาย", last_name="ใจดี")
    return dataclasses.replace(base, **fields)


@dataclasses.dataclass(frozen=True)
class SmallRegister:
    """Six members over four organisations in three provinces, with groups and strengths.

    1 สมชาย ใจดี, อบต.หนองบัว (ขอนแก่น), local_official, ปลัด อบต., active
    2 สมหญิง รักไทย, ทต.บ้านใหม่ (เชียงใหม่), local_official, นิติกร, active
    3 ไพโรจน์ เก่งกาจ, ทน.เชียงใหม่ (เชียงใหม่), teacher, ครู, inactive
    4 เกศินี ศรีสุข, ทต.บ้านใหม่ (เชียงใหม่), contract_employee, นิติกร, active
    5 กมล ทองดี, กรุงเทพมหานคร (กรุงเทพมหานคร), local_official, นักวิเคราะห์..., resigned
    6 อรุณ แสงทอง, no organisation, no personnel type, no position, pending

    Groups: association (1 chair, 5) > club (2; 4 ended yesterday) > committee (3);
    network (6). Strengths: 1 การเงินการคลัง + กฎหมายท้องถิ่น, 2 กฎหมายท้องถิ่น, 4 สาธารณสุข,
    5 การเงินการคลัง.
    """

    database: Database
    members: dict[int, str]  # n -> member id
    orgs: dict[str, str]  # "kk", "ban_mai", "cm_city", "bkk" -> organisation id
    groups: dict[str, str]  # "association", "club", "committee", "network" -> group id


@pytest.fixture
def small(database: Database) -> SmallRegister:
    import datetime as dt

    from db.groups import add_group_member, end_group_membership, save_group

    today = dt.date.today()
    with database.session() as s:
        add_ref_items(
            s, "personnel_type",
            ("local_official", "ข้าราชการส่วนท้องถิ่น", ""),
            ("teacher", "ครูและบุคลากรทางการศึกษาท้องถิ่น", ""),
            ("contract_employee", "พนักงานจ้าง", ""),
        )  # fmt: skip
        orgs = {
            "kk": make_org(s, "องค์การบริหารส่วนตำบลหนองบัว", province=KHON_KAEN),
            "ban_mai": make_org(
                s, "เทศบาลตำบลบ้านใหม่", type_code="subdistrict_municipality", province=CHIANG_MAI
            ),
            "cm_city": make_org(
                s, "เทศบาลนครเชียงใหม่", type_code="city_municipality", province=CHIANG_MAI
            ),
            "bkk": make_org(s, "กรุงเทพมหานคร", type_code="bangkok", province=BANGKOK),
        }
        rows = [
            ("สมชาย", "ใจดี", "kk", "local_official", "ปลัด อบต.", "active",
             ("การเงินการคลัง", "กฎหมายท้องถิ่น"), "0812345678", dt.date(2020, 5, 1)),
            ("สมหญิง", "รักไทย", "ban_mai", "local_official", "นิติกร", "active",
             ("กฎหมายท้องถิ่น",), "0898765432", dt.date(2019, 1, 1)),
            ("ไพโรจน์", "เก่งกาจ", "cm_city", "teacher", "ครู", "inactive", (), "", None),
            ("เกศินี", "ศรีสุข", "ban_mai", "contract_employee", "นิติกร", "active",
             ("สาธารณสุข",), "021234567", dt.date(2021, 3, 3)),
            ("กมล", "ทองดี", "bkk", "local_official", "นักวิเคราะห์นโยบายและแผน", "resigned",
             ("การเงินการคลัง",), "0611111111", dt.date(2018, 8, 8)),
            ("อรุณ", "แสงทอง", None, "", "", "pending", (), "", None),
        ]  # fmt: skip
        members: dict[int, str] = {}
        for n, (first, last, org, personnel, position, status, tags, phone, joined) in enumerate(
            rows, start=1
        ):
            members[n] = make_member(
                s, first, last, organisation_id=orgs[org] if org else None,
                personnel_type=personnel, position=position, status=status, strengths=tags,
                phone=phone, joined_on=joined,
            )  # fmt: skip
        association = save_group(s, name="สมาคมข้าราชการส่วนท้องถิ่น", kind="association")
        club = save_group(s, name="ชมรมเชียงใหม่", kind="club", parent_id=association)
        committee = save_group(s, name="คณะกรรมการอบรม", kind="committee", parent_id=club)
        network = save_group(s, name="เครือข่ายนิติกร", kind="network")
        add_group_member(s, group_id=association, member_id=members[1], role="chair")
        add_group_member(s, group_id=association, member_id=members[5])
        add_group_member(s, group_id=club, member_id=members[2])
        ended = add_group_member(
            s, group_id=club, member_id=members[4], started_on=today - dt.timedelta(days=30)
        )
        end_group_membership(s, membership_id=ended, ended_on=today - dt.timedelta(days=1))
        add_group_member(s, group_id=committee, member_id=members[3], role="secretary")
        add_group_member(s, group_id=network, member_id=members[6])
    groups = {"association": association, "club": club, "committee": committee, "network": network}
    return SmallRegister(database, members, orgs, groups)
