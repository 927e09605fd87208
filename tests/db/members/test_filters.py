"""Every filter of the register, alone and combined; groups include their sub-groups."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db.groups import add_group_member, delete_group, end_group_membership, remove_group_membership
from db.members.query import count_members, fetch_member_rows, search_member_keys
from db.members.types import MemberFilter, MemberSort

from .conftest import BANGKOK, CHIANG_MAI, KHON_KAEN, SmallRegister

NORTH, CENTRAL, NORTHEAST = 1, 2, 3


def numbers(small: SmallRegister, filters: MemberFilter) -> list[int]:
    """The small register's member numbers that match, in Thai name order."""
    by_id = {member_id: n for n, member_id in small.members.items()}
    with small.database.session() as s:
        keys = search_member_keys(s, filters=filters, sort=MemberSort())
        found = [by_id[row.id] for row in fetch_member_rows(s, keys=keys)]
        assert count_members(s, filters=filters) == len(found)
    return found


# Thai name order of the six: กมล(5) เกศินี(4) ไพโรจน์(3) สมชาย(1) สมหญิง(2) อรุณ(6)
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (MemberFilter(), [5, 4, 3, 1, 2, 6]),
        (MemberFilter(province_codes=(CHIANG_MAI,)), [4, 3, 2]),
        (MemberFilter(province_codes=(KHON_KAEN,)), [1]),
        (MemberFilter(province_codes=(BANGKOK, CHIANG_MAI)), [5, 4, 3, 2]),
        (MemberFilter(region_ids=(NORTH,)), [4, 3, 2]),
        (MemberFilter(region_ids=(CENTRAL, NORTHEAST)), [5, 1]),
        (MemberFilter(org_type_codes=("subdistrict_municipality",)), [4, 2]),
        (MemberFilter(org_type_codes=("sao", "bangkok")), [5, 1]),
        (MemberFilter(personnel_types=("local_official",)), [5, 1, 2]),
        (MemberFilter(personnel_types=("",)), [6]),
        (MemberFilter(positions=("นิติกร",)), [4, 2]),
        (MemberFilter(statuses=("active",)), [4, 1, 2]),
        (MemberFilter(statuses=("active", "pending")), [4, 1, 2, 6]),
        (MemberFilter(strengths=("กฎหมายท้องถิ่น",)), [1, 2]),
        (MemberFilter(strengths=("กฎหมายท้องถิ่น", "สาธารณสุข")), [4, 1, 2]),
        (MemberFilter(strengths=("ไม่มีใครมี",)), []),
        # combinations: every filter must hold
        (MemberFilter(province_codes=(CHIANG_MAI,), statuses=("active",)), [4, 2]),
        (MemberFilter(province_codes=(CHIANG_MAI,), text="นิติ"), [4, 2]),
        (MemberFilter(province_codes=(CHIANG_MAI,), text="สม"), [2]),
        (MemberFilter(strengths=("กฎหมายท้องถิ่น",), province_codes=(KHON_KAEN,)), [1]),
        (MemberFilter(region_ids=(NORTH,), org_type_codes=("city_municipality",)), [3]),
        (MemberFilter(personnel_types=("local_official",), statuses=("resigned",)), [5]),
        (MemberFilter(positions=("นิติกร",), personnel_types=("local_official",)), [2]),
        (MemberFilter(province_codes=(KHON_KAEN,), region_ids=(NORTH,)), []),
    ],
)
def test_filters(small: SmallRegister, filters: MemberFilter, expected: list[int]) -> None:
    assert numbers(small, filters) == expected


def test_organisation_filter(small: SmallRegister) -> None:
    only = MemberFilter(organisation_ids=(small.orgs["ban_mai"],))
    assert numbers(small, only) == [4, 2]
    both = MemberFilter(organisation_ids=(small.orgs["ban_mai"], small.orgs["kk"]))
    assert numbers(small, both) == [4, 1, 2]
    assert numbers(small, dataclasses.replace(both, statuses=("active",), text="ใจดี")) == [1]


def test_group_filter_includes_sub_groups_and_current_memberships_only(
    small: SmallRegister,
) -> None:
    g = small.groups
    # association: 1 and 5 directly, 2 through the club, 3 through the committee in the club;
    # 4's club membership ended yesterday.
    assert numbers(small, MemberFilter(group_ids=(g["association"],))) == [5, 3, 1, 2]
    assert numbers(small, MemberFilter(group_ids=(g["club"],))) == [3, 2]
    assert numbers(small, MemberFilter(group_ids=(g["committee"],))) == [3]
    assert numbers(small, MemberFilter(group_ids=(g["committee"], g["network"]))) == [3, 6]
    combined = MemberFilter(group_ids=(g["association"],), personnel_types=("local_official",))
    assert numbers(small, combined) == [5, 1, 2]


def test_group_filter_follows_membership_dates_and_deletes(small: SmallRegister) -> None:
    g, m = small.groups, small.members
    today = dt.date.today()
    with small.database.session() as s:
        future = add_group_member(
            s, group_id=g["network"], member_id=m[1], started_on=today + dt.timedelta(days=3)
        )
        ends_tomorrow = add_group_member(s, group_id=g["network"], member_id=m[2])
        end_group_membership(s, membership_id=ends_tomorrow, ended_on=today + dt.timedelta(days=1))
        ends_today = add_group_member(s, group_id=g["network"], member_id=m[4])
        end_group_membership(s, membership_id=ends_today)
    # 1 has not started yet, 2 is a member until tomorrow, 4 stopped being one today
    assert numbers(small, MemberFilter(group_ids=(g["network"],))) == [2, 6]
    with small.database.session() as s:
        remove_group_membership(s, membership_id=future)
        delete_group(s, group_id=g["committee"])
    assert numbers(small, MemberFilter(group_ids=(g["association"],))) == [5, 1, 2]
    assert numbers(small, MemberFilter(group_ids=(g["committee"],))) == []
