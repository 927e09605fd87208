"""A member's profile (groups, dues, strengths) and the editor's suggestion lists."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db.dues import record_dues_payment
from db.engine import Database
from db.groups import add_group_member
from db.members.edit import save_member
from db.members.profile import get_member, position_suggestions, strength_suggestions

from .conftest import SmallRegister, add_ref_items, make_member

TODAY = dt.date.today()


def test_profile_has_groups_current_first_and_dues_newest_first(small: SmallRegister) -> None:
    m, g = small.members, small.groups
    with small.database.session() as s:
        add_group_member(s, group_id=g["network"], member_id=m[4], role="advisor")
        old = record_dues_payment(
            s, member_id=m[4], fiscal_year=2566, amount_satang=30_000,
            paid_on=dt.date(2023, 1, 5), receipt_no="2566/001",
        )  # fmt: skip
        new = record_dues_payment(
            s, member_id=m[4], fiscal_year=2567, amount_satang=50_000,
            paid_on=dt.date(2024, 2, 1), receipt_no="2567/001", group_id=g["club"],
        )  # fmt: skip
        profile = get_member(s, member_id=m[4])
    assert profile.data.first_name == "เกศินี"
    assert profile.data.strengths == ("สาธารณสุข",)
    assert [(r.group_name, r.role, r.ended_on is None) for r in profile.groups] == [
        ("เครือข่ายนิติกร", "advisor", True),  # current
        ("ชมรมเชียงใหม่", "member", False),  # ended yesterday
    ]
    assert profile.groups[1].ended_on == TODAY - dt.timedelta(days=1)
    assert [(d.id, d.fiscal_year, d.amount_satang, d.group_name) for d in profile.dues] == [
        (new, 2567, 50_000, "ชมรมเชียงใหม่"),
        (old, 2566, 30_000, ""),
    ]


def test_missing_member_is_a_lookup_error(database: Database) -> None:
    with database.session() as s, pytest.raises(LookupError):
        get_member(s, member_id="nobody")


def test_strength_suggestions(small: SmallRegister) -> None:
    with small.database.session() as s:
        s.connection().exec_driver_sql("DELETE FROM ref_item WHERE kind = 'strength'")
        add_ref_items(s, "strength", ("law", "กฎหมายท้องถิ่น", ""), ("it", "เทคโนโลยีสารสนเทศ", ""))
        assert strength_suggestions(s) == [
            "กฎหมายท้องถิ่น", "การเงินการคลัง", "เทคโนโลยีสารสนเทศ", "สาธารณสุข"
        ]  # fmt: skip
        assert strength_suggestions(s, text="การ") == ["การเงินการคลัง"]
        assert strength_suggestions(s, text="สาร") == ["เทคโนโลยีสารสนเทศ"]
        assert strength_suggestions(s, limit=2) == ["กฎหมายท้องถิ่น", "การเงินการคลัง"]
        # a tag nobody has any more is no longer suggested (unless the list has it)
        member_id = small.members[4]
        data = get_member(s, member_id=member_id).data
        save_member(s, data=dataclasses.replace(data, strengths=()))
        assert "สาธารณสุข" not in strength_suggestions(s)


def test_position_suggestions_most_common_first(small: SmallRegister) -> None:
    with small.database.session() as s:
        s.connection().exec_driver_sql("DELETE FROM ref_item WHERE kind = 'position'")
        add_ref_items(s, "position", ("clerk", "เจ้าพนักงานธุรการ", ""), ("law", "นิติกร", ""))
        make_member(s, "ทดสอบ", position="ครู")
        make_member(s, "ทดสอบ", position="ครู")
        assert position_suggestions(s) == [
            "ครู",  # 3 members
            "นิติกร",  # 2
            "นักวิเคราะห์นโยบายและแผน",  # 1 each, Thai order
            "ปลัด อบต.",
            "เจ้าพนักงานธุรการ",  # only in the shipped list
        ]
        assert position_suggestions(s, text="นิ") == ["นิติกร"]
        assert position_suggestions(s, text="ธุรการ") == ["เจ้าพนักงานธุรการ"]
        assert position_suggestions(s, text="อบต") == ["ปลัด อบต."]
        assert position_suggestions(s, limit=1) == ["ครู"]
