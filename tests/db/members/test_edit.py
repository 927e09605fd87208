"""Validating, saving, deleting and restoring members."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from db.members.edit import delete_member, restore_member, save_member, validate_member
from db.members.profile import get_member
from db.members.types import MemberInput, MemberValidationError

from .conftest import CHIANG_MAI, ID_A, ID_B, add_ref_items, make_org, member_input

TODAY = dt.date.today()


def codes(database: Database, data: MemberInput) -> list[tuple[str, str]]:
    with database.session() as s:
        return [(e.field, e.code) for e in validate_member(s, data=data)]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"first_name": " \u200b "}, [("first_name", "missing_name")]),
        ({"national_id": "1101700203451"}, [("national_id", "invalid_national_id")]),
        ({"national_id": "12345"}, [("national_id", "invalid_national_id")]),
        ({"national_id": "11017OO203450"}, [("national_id", "invalid_national_id")]),
        ({"phone": "12345"}, [("phone", "invalid_phone")]),
        ({"phone_office": "+1 212 555 0100"}, [("phone_office", "invalid_phone")]),
        ({"email": "somchai@"}, [("email", "invalid_email")]),
        ({"email": "som chai@example.com"}, [("email", "invalid_email")]),
        ({"birth_date": TODAY + dt.timedelta(days=1)}, [("birth_date", "invalid_date")]),
        ({"birth_date": dt.date(1850, 1, 1)}, [("birth_date", "invalid_date")]),
        ({"birth_date": TODAY.replace(year=TODAY.year - 5)}, [("birth_date", "invalid_date")]),
        ({"birth_date": dt.date(2530, 1, 1)}, [("birth_date", "invalid_date")]),  # BE as CE
        (
            {"joined_on": dt.date(2020, 1, 1), "expires_on": dt.date(2019, 12, 31)},
            [("expires_on", "invalid_date")],
        ),
        (
            {"consent_date": TODAY + dt.timedelta(days=2), "consent_purpose": "x"},
            [("consent_date", "invalid_date")],
        ),
        ({"status": "sleeping"}, [("status", "unknown_code")]),
        ({"status": ""}, [("status", "unknown_code")]),
        ({"gender": "robot"}, [("gender", "unknown_code")]),
        ({"personnel_type": "astronaut"}, [("personnel_type", "unknown_code")]),
        ({"position_type": "nope"}, [("position_type", "unknown_code")]),
        ({"position_level": "nope"}, [("position_level", "unknown_code")]),
        ({"organisation_id": "no-such-org"}, [("organisation_id", "unknown_organisation")]),
        ({"consent_date": dt.date(2024, 1, 1)}, [("consent_purpose", "missing_consent_purpose")]),
        ({"consent_purpose": "ข่าวสาร"}, [("consent_date", "missing_consent_date")]),
        ({"membership_no": "M" * 41}, [("membership_no", "too_long")]),
        ({"strengths": ("ก" * 81,)}, [("strengths", "too_long")]),
        (
            {"first_name": "", "phone": "abc", "email": "x"},
            [
                ("first_name", "missing_name"),
                ("phone", "invalid_phone"),
                ("email", "invalid_email"),
            ],
        ),
    ],
)
def test_validation_codes(database: Database, fields: dict, expected: list) -> None:
    assert codes(database, member_input(**fields)) == expected


def test_valid_input_has_no_errors(database: Database) -> None:
    with database.session() as s:
        add_ref_items(s, "position_type", ("academic", "วิชาการ", ""), ("general", "ทั่วไป", ""))
        add_ref_items(
            s, "position_level",
            ("practitioner", "ปฏิบัติการ", "academic"), ("senior", "อาวุโส", "general"),
        )  # fmt: skip
        org = make_org(s, "เทศบาลตำบลบ้านใหม่", province=CHIANG_MAI)
    good = member_input(
        national_id="1-1017-00203-45-0", phone="๐๘๑ ๒๓๔ ๕๖๗๘", phone_office="02-123-4567 ต่อ 12",
        email="somchai@example.go.th", birth_date=dt.date(1980, 2, 29), gender="male",
        position_type="academic", position_level="practitioner", organisation_id=org,
        joined_on=dt.date(2020, 1, 1), expires_on=dt.date(2020, 1, 1),
        consent_date=dt.date(2024, 1, 1), consent_purpose="รับข่าวสารของเครือข่าย",
    )  # fmt: skip
    assert codes(database, good) == []
    mismatched = member_input(position_type="academic", position_level="senior")
    assert codes(database, mismatched) == [("position_level", "unknown_code")]


def test_save_normalises_and_round_trips(database: Database) -> None:
    with database.session() as s:
        org = make_org(s, "เทศบาลตำบลบ้านใหม่", province=CHIANG_MAI)
        data = member_input(
            prefix=" นาย ", first_name="สม\u200bชาย", last_name="ใจดี  ", nickname="ต้น",
            national_id="๑-๑๐๑๗-๐๐๒๐๓-๔๕-๐", phone="+66 81 234 5678", phone_office="",
            email=" somchai@example.com ", position="นักวิชาการ  ศึกษา ๒",
            organisation_id=org, birth_date=dt.date(1980, 5, 17), gender="male",
            address="  ๑๒ หมู่ ๓\n ต.บ้านใหม่  \n", membership_no="ม.๐๐๑",
            joined_on=dt.date(2020, 1, 1),
            strengths=(" การเงินการคลัง ", "งานช่าง", "งานช่าง", "พัสดุ, บัญชี/งานช่าง"),
            consent_date=dt.date(2024, 1, 2), consent_purpose="ข่าวสาร",
        )  # fmt: skip
        member_id = save_member(s, data=data)
    with database.session() as s:
        profile = get_member(s, member_id=member_id)
    saved = profile.data
    assert saved.id == member_id
    assert (saved.prefix, saved.first_name, saved.last_name) == ("นาย", "สมชาย", "ใจดี")
    assert saved.national_id == "1101700203450"
    assert saved.phone == "0812345678"
    assert saved.email == "somchai@example.com"
    assert saved.position == "นักวิชาการ ศึกษา 2"
    assert saved.membership_no == "ม.001"
    assert saved.address == "๑๒ หมู่ ๓\nต.บ้านใหม่"  # free text keeps its lines and digits
    # A tag typed with separators is several (an export's cell gives each back as it was).
    assert saved.strengths == ("การเงินการคลัง", "งานช่าง", "พัสดุ", "บัญชี")
    assert (saved.birth_date, saved.joined_on) == (dt.date(1980, 5, 17), dt.date(2020, 1, 1))
    assert (saved.consent_date, saved.consent_purpose) == (dt.date(2024, 1, 2), "ข่าวสาร")
    assert profile.organisation_name == "เทศบาลตำบลบ้านใหม่"
    assert profile.province_name == "เชียงใหม่"
    assert profile.created_at == profile.updated_at


def test_sync_fields_on_create_and_update(database: Database) -> None:
    with database.session() as s:
        member_id = save_member(s, data=member_input())
        (office,) = (
            s.connection()
            .exec_driver_sql("SELECT value FROM local_setting WHERE key = 'this_office_id'")
            .one()
        )
        first = (
            s.connection()
            .exec_driver_sql(
                "SELECT owner_office_id, created_at, updated_at, hlc, name_key FROM member"
                " WHERE id = ?",
                (member_id,),
            )
            .one()
        )
    assert len(member_id) == 36 and member_id[14] == "7"  # UUID v7
    assert first.owner_office_id == office
    with database.session() as s:
        profile = get_member(s, member_id=member_id)
        changed = save_member(s, data=member_input(id=member_id, last_name="ใจงาม"))
        assert changed == member_id
        second = (
            s.connection()
            .exec_driver_sql(
                "SELECT owner_office_id, created_at, updated_at, hlc, name_key FROM member"
                " WHERE id = ?",
                (member_id,),
            )
            .one()
        )
    assert second.owner_office_id == office and second.created_at == first.created_at
    assert second.hlc > first.hlc
    assert second.updated_at >= first.updated_at
    assert second.name_key != first.name_key
    assert profile.data.last_name == "ใจดี"


def test_invalid_save_writes_nothing(database: Database) -> None:
    with database.session() as s, pytest.raises(MemberValidationError) as raised:
        save_member(s, data=member_input(first_name="", phone="123"))
    assert [e.code for e in raised.value.errors] == ["missing_name", "invalid_phone"]
    with database.session() as s:
        count = s.connection().exec_driver_sql("SELECT count(*) FROM member").scalar_one()
    assert count == 0


def test_updating_a_missing_member_is_a_lookup_error(database: Database) -> None:
    with database.session() as s, pytest.raises(LookupError):
        save_member(s, data=member_input(id="01900000-0000-7000-8000-000000000000"))


def test_national_id_unique_among_live_members_only(database: Database) -> None:
    with database.session() as s:
        first = save_member(s, data=member_input(national_id=ID_A))
        # the same person's own ID is no clash when they are edited
        assert validate_member(s, data=member_input(id=first, national_id=ID_A)) == ()
        with pytest.raises(MemberValidationError) as raised:
            save_member(s, data=member_input(first_name="สมศรี", national_id=ID_A))
        assert [e.code for e in raised.value.errors] == ["duplicate_national_id"]
        delete_member(s, member_id=first)
        second = save_member(s, data=member_input(first_name="สมศรี", national_id=ID_A))
        # the deleted one cannot come back while a live member has its ID
        with pytest.raises(MemberValidationError) as raised:
            restore_member(s, member_id=first)
        assert [e.code for e in raised.value.errors] == ["duplicate_national_id"]
        save_member(s, data=member_input(id=second, first_name="สมศรี", national_id=ID_B))
        restore_member(s, member_id=first)
        assert get_member(s, member_id=first).data.national_id == ID_A


def test_members_without_national_id_do_not_clash(database: Database) -> None:
    with database.session() as s:
        save_member(s, data=member_input(national_id=""))
        save_member(s, data=member_input(national_id="  "))
        ids = s.connection().exec_driver_sql("SELECT national_id FROM member").scalars().all()
    assert ids == [None, None]


def test_strengths_are_replaced_keeping_unchanged_rows(database: Database) -> None:
    with database.session() as s:
        member_id = save_member(s, data=member_input(strengths=("ก", "ข")))
        before = dict(
            s.connection()
            .exec_driver_sql(
                "SELECT tag, id FROM member_strength WHERE member_id = ?", (member_id,)
            )
            .all()
        )
        save_member(s, data=member_input(id=member_id, strengths=("ข", "ค")))
        rows = (
            s.connection()
            .exec_driver_sql(
                "SELECT tag, id, deleted_at IS NOT NULL FROM member_strength WHERE member_id = ?"
                " ORDER BY rowid",
                (member_id,),
            )
            .all()
        )
        assert [(r[0], bool(r[2])) for r in rows] == [("ก", True), ("ข", False), ("ค", False)]
        assert rows[1][1] == before["ข"]  # the unchanged tag kept its row
        assert get_member(s, member_id=member_id).data.strengths == ("ข", "ค")
        save_member(s, data=member_input(id=member_id, strengths=()))
        assert get_member(s, member_id=member_id).data.strengths == ()


def test_delete_and_restore(database: Database) -> None:
    with database.session() as s:
        member_id = save_member(s, data=member_input())
        delete_member(s, member_id=member_id)
        with pytest.raises(LookupError):
            get_member(s, member_id=member_id)
        with pytest.raises(LookupError):
            delete_member(s, member_id=member_id)
        with pytest.raises(LookupError):
            save_member(s, data=member_input(id=member_id))
        restore_member(s, member_id=member_id)
        assert get_member(s, member_id=member_id).data.first_name == "สมชาย"
        with pytest.raises(LookupError):
            restore_member(s, member_id=member_id)
