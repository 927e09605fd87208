"""What the merge preview suggests: keep the stronger record, and per field the filled or more
complete value, else the kept record's (never a code or prefix that merely contains the other)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from db.dues import record_dues_payment
from db.engine import Database, open_database
from db.groups import add_group_member, save_group
from db.members.edit import save_member
from db.members.types import MemberInput
from db.merge import MergePreview, merge_preview
from db.organisations import save_organisation

ID_1 = "1101700203450"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def member(session: Session, first: str, last: str, **fields: Any) -> str:
    return save_member(session, data=MemberInput(first_name=first, last_name=last, **fields))


def set_updated_at(session: Session, member_id: str, at: str) -> None:
    session.connection().exec_driver_sql(
        "UPDATE member SET updated_at = ? WHERE id = ?", (at, member_id)
    )


def suggested(preview: MergePreview) -> dict[str, str]:
    """The side suggested for each field whose values differ."""
    return {f.field: f.suggested for f in preview.fields if f.differs}


def test_the_record_with_more_data_and_the_national_id_is_kept(database: Database) -> None:
    """The copy has one more linked row (a dues payment) but far fewer filled fields and no
    national ID: the full record is the one to keep."""
    with database.session() as s:
        org = save_organisation(s, type_code="sao", name="หนองบัว", province_code=40)
        full = member(
            s, "สมชาย", "ใจดี", prefix="นาย", organisation_id=org, national_id=ID_1,
            birth_date=dt.date(1980, 5, 1), phone="0812345678", position="ปลัด", status="active",
        )  # fmt: skip
        copy = member(s, "สมชาย", "ใจดี", email="somchai@example.com", status="inactive")
        association = save_group(s, name="สมาคมปลัด", kind="association")
        add_group_member(s, group_id=association, member_id=full)
        add_group_member(s, group_id=association, member_id=copy, role="secretary")
        record_dues_payment(
            s, member_id=copy, fiscal_year=2567, amount_satang=50_000, paid_on=dt.date(2024, 1, 5)
        )
        preview = merge_preview(s, a_id=copy, b_id=full)
    assert preview.suggested_survivor == "b"
    assert suggested(preview) == {
        "prefix": "b",  # filled against empty
        "national_id": "b",
        "birth_date": "b",
        "position": "b",
        "organisation_id": "b",
        "phone": "b",
        "email": "a",  # empty on the kept record, filled on the other: the filled one
        "status": "b",  # "active" is inside "inactive", but a code is not a longer text
    }
    choices = preview.field_choices(survivor="b")
    assert choices["email"] == "merged" and choices["status"] == "survivor"


def test_conflicting_values_follow_the_kept_record_not_the_newer_one(database: Database) -> None:
    """Both filled and neither holds the other: the stronger record's value, even though the
    weaker record was typed later (the tick used to follow the more recently updated one)."""
    with database.session() as s:
        org = save_organisation(s, type_code="sao", name="หนองบัว", province_code=40)
        strong = member(
            s, "สมชาย", "ใจดี", prefix="นาง", organisation_id=org, national_id=ID_1,
            phone="0812345678", email="somchai@example.com", position="ปลัด",
        )  # fmt: skip
        weak = member(s, "สมชาย", "ใจงาม", prefix="นางสาว", phone="0899999999", position="ปลัดอำเภอ")
        set_updated_at(s, strong, "2024-01-01T00:00:00.000Z")
        set_updated_at(s, weak, "2025-06-01T00:00:00.000Z")
        preview = merge_preview(s, a_id=strong, b_id=weak)
    assert preview.suggested_survivor == "a"
    assert suggested(preview) == {
        "prefix": "a",  # นาง is inside นางสาว, but they are different prefixes
        "last_name": "a",
        "national_id": "a",
        "organisation_id": "a",
        "phone": "a",
        "email": "a",
        "position": "b",  # free text that says the same and more: the more complete one
    }


def test_a_tie_in_data_goes_to_the_record_with_the_national_id(database: Database) -> None:
    with database.session() as s:
        without_id = member(s, "วิภาวดี", "สุขใจ", email="wipa@example.com")
        with_id = member(s, "วิภาวดี", "สุขใจ", national_id=ID_1)
        set_updated_at(s, with_id, "2024-01-01T00:00:00.000Z")
        set_updated_at(s, without_id, "2025-01-01T00:00:00.000Z")  # newer, still not kept
        preview = merge_preview(s, a_id=without_id, b_id=with_id)
        assert preview.suggested_survivor == "b"
        assert merge_preview(s, a_id=with_id, b_id=without_id).suggested_survivor == "a"


def test_a_full_tie_goes_to_the_most_recently_updated_record(database: Database) -> None:
    with database.session() as s:
        first = member(s, "นกน้อย", "บินสูง", email="nok@example.com")
        second = member(s, "นกน้อย", "บินสูง", email="nok@example.org")
        set_updated_at(s, first, "2024-01-01T00:00:00.000Z")
        set_updated_at(s, second, "2024-03-01T00:00:00.000Z")
        assert merge_preview(s, a_id=first, b_id=second).suggested_survivor == "b"
        assert merge_preview(s, a_id=second, b_id=first).suggested_survivor == "a"
        set_updated_at(s, first, "2024-05-01T00:00:00.000Z")  # the older record edited since
        preview = merge_preview(s, a_id=first, b_id=second)
    assert preview.suggested_survivor == "a"
    assert suggested(preview) == {"email": "a"}


def test_keeping_the_other_record_takes_only_values_that_differ(database: Database) -> None:
    with database.session() as s:
        kept = member(s, "สมชาย", "ใจดี", national_id=ID_1, phone="0812345678")
        other = member(s, "สมชาย", "ใจดี", email="somchai@example.com")
        preview = merge_preview(s, a_id=kept, b_id=other)
    assert preview.suggested_survivor == "a"
    taken = preview.field_choices(survivor="b")  # the user keeps the other record
    assert {name for name, side in taken.items() if side == "merged"} == {"national_id", "phone"}
    assert taken["first_name"] == taken["status"] == taken["email"] == "survivor"


def test_a_surname_holding_the_other_is_another_surname_not_a_fuller_one(
    database: Database,
) -> None:
    """สุขใจ and สุขใจดี are two surnames: the kept record's, not the longer."""
    with database.session() as s:
        kept = member(s, "วิภาวดี", "สุขใจ", national_id=ID_1, phone="0812345678")
        other = member(s, "วิภาวดี", "สุขใจดี", address="12 หมู่ 3")
        preview = merge_preview(s, a_id=kept, b_id=other)
    assert preview.suggested_survivor == "a"
    assert suggested(preview)["last_name"] == "a"


def test_suggestions_follow_the_record_kept(database: Database) -> None:
    with database.session() as s:
        strong = member(
            s, "สมชาย", "ใจดี", national_id=ID_1, phone="0812345678", position="ปลัด",
            address="12 หมู่ 3",
        )  # fmt: skip
        weak = member(s, "สมชาย", "ใจงาม", phone="0899999999", address="12 หมู่ 3 ต.บ้านใหม่")
        preview = merge_preview(s, a_id=strong, b_id=weak)
    assert preview.suggested_survivor == "a"
    assert preview.suggestions("a") == {f.field: f.suggested for f in preview.fields}
    switched = preview.suggestions("b")
    # Conflicts follow the record kept; filled and fuller values stay where they are.
    assert (switched["last_name"], switched["phone"]) == ("b", "b")
    assert (switched["national_id"], switched["position"], switched["address"]) == ("a", "a", "b")
