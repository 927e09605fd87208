"""Sorting: Thai collation through the stored ICU keys, code lists by their Thai labels, blanks
last, descending, and the key order kept by fetch_member_rows."""

from __future__ import annotations

import pytest

from db.engine import Database
from db.members.edit import delete_member
from db.members.query import fetch_member_rows, member_ids_for_keys, search_member_keys
from db.members.types import MemberFilter, MemberSort, SortColumn

from .conftest import SmallRegister, make_member


def sorted_numbers(small: SmallRegister, sort: MemberSort, text: str = "") -> list[int]:
    by_id = {member_id: n for n, member_id in small.members.items()}
    with small.database.session() as s:
        keys = search_member_keys(s, filters=MemberFilter(text=text), sort=sort)
        return [by_id[row.id] for row in fetch_member_rows(s, keys=keys)]


def test_thai_name_order_puts_leading_vowels_under_their_consonant(database: Database) -> None:
    names = ["อรุณ", "ใจ", "ไก่", "สมหญิง", "โกวิท", "ขวัญ", "แก้ว", "กมล", "เกศินี", "สมชาย"]
    with database.session() as s:
        for name in names:
            make_member(s, name, "ทดสอบ")
        keys = search_member_keys(s, filters=MemberFilter(), sort=MemberSort())
        ordered = [r.first_name for r in fetch_member_rows(s, keys=keys)]
        assert ordered == [
            "กมล", "เกศินี", "แก้ว", "โกวิท", "ไก่", "ขวัญ", "ใจ", "สมชาย", "สมหญิง", "อรุณ"
        ]  # fmt: skip
        descending = search_member_keys(
            s, filters=MemberFilter(), sort=MemberSort(SortColumn.NAME, descending=True)
        )
        assert list(descending) == list(reversed(keys))
        # the same order when filtered (another query plan)
        filtered = search_member_keys(s, filters=MemberFilter(text="ทดสอบ"), sort=MemberSort())
        assert list(filtered) == list(keys)


def test_first_name_then_last_name(database: Database) -> None:
    with database.session() as s:
        make_member(s, "สมชาย", "ก")
        make_member(s, "สม", "ใจ")
        make_member(s, "สม", "ก")
        keys = search_member_keys(s, filters=MemberFilter(), sort=MemberSort())
        names = [(r.first_name, r.last_name) for r in fetch_member_rows(s, keys=keys)]
        assert names == [("สม", "ก"), ("สม", "ใจ"), ("สมชาย", "ก")]


# Thai name order of the six: กมล(5) เกศินี(4) ไพโรจน์(3) สมชาย(1) สมหญิง(2) อรุณ(6)
@pytest.mark.parametrize(
    ("column", "ascending", "descending"),
    [
        # last names: เก่งกาจ(3) ใจดี(1) ทองดี(5) รักไทย(2) ศรีสุข(4) แสงทอง(6)
        (SortColumn.LAST_NAME, [3, 1, 5, 2, 4, 6], [6, 4, 2, 5, 1, 3]),
        # organisations: กรุงเทพมหานคร(5) เทศบาลตำบลบ้านใหม่(4, 2) เทศบาลนครเชียงใหม่(3)
        # องค์การบริหารส่วนตำบลหนองบัว(1); none(6) last both ways; ties in name order
        (SortColumn.ORGANISATION, [5, 4, 2, 3, 1, 6], [1, 3, 4, 2, 5, 6]),
        # provinces: กรุงเทพมหานคร(5) ขอนแก่น(1) เชียงใหม่(4, 3, 2)
        (SortColumn.PROVINCE, [5, 1, 4, 3, 2, 6], [4, 3, 2, 1, 5, 6]),
        # org type labels: กรุงเทพมหานคร(5) เทศบาลตำบล(4, 2) เทศบาลนคร(3) องค์การบริหารส่วนตำบล(1)
        (SortColumn.ORG_TYPE, [5, 4, 2, 3, 1, 6], [1, 3, 4, 2, 5, 6]),
        # positions: ครู(3) นักวิเคราะห์...(5) นิติกร(4, 2) ปลัด อบต.(1); blank(6) last
        (SortColumn.POSITION, [3, 5, 4, 2, 1, 6], [1, 4, 2, 5, 3, 6]),
        # personnel labels: ข้าราชการส่วนท้องถิ่น(5, 1, 2) ครู...(3) พนักงานจ้าง(4); blank(6)
        (SortColumn.PERSONNEL_TYPE, [5, 1, 2, 3, 4, 6], [4, 3, 5, 1, 2, 6]),
        # status labels: ขาดการติดต่อ(3) เป็นสมาชิก(4, 1, 2) รอการอนุมัติ(6) ลาออก(5)
        (SortColumn.STATUS, [3, 4, 1, 2, 6, 5], [5, 6, 4, 1, 2, 3]),
        # phones as digits: 021234567(4) 0611111111(5) 0812345678(1) 0898765432(2); blanks last
        (SortColumn.PHONE, [4, 5, 1, 2, 3, 6], [2, 1, 5, 4, 3, 6]),
        # joined: 2018(5) 2019(2) 2020(1) 2021(4); none(3, 6) last
        (SortColumn.JOINED_ON, [5, 2, 1, 4, 3, 6], [4, 1, 2, 5, 3, 6]),
    ],
)
def test_sort_columns(
    small: SmallRegister, column: SortColumn, ascending: list[int], descending: list[int]
) -> None:
    assert sorted_numbers(small, MemberSort(column)) == ascending
    assert sorted_numbers(small, MemberSort(column, descending=True)) == descending


def test_every_sort_column_works_with_a_search(small: SmallRegister) -> None:
    for column in SortColumn:
        for descending in (False, True):
            found = sorted_numbers(small, MemberSort(column, descending), text="สม")
            assert sorted(found) == [1, 2], column


def test_fetch_keeps_the_order_of_the_keys(small: SmallRegister) -> None:
    with small.database.session() as s:
        keys = list(search_member_keys(s, filters=MemberFilter(), sort=MemberSort()))
        window = [keys[4], keys[0], keys[2]]
        rows = fetch_member_rows(s, keys=window)
        assert [r.key for r in rows] == window
        assert [r.first_name for r in rows] == ["สมหญิง", "กมล", "ไพโรจน์"]
        assert fetch_member_rows(s, keys=[]) == []
        assert fetch_member_rows(s, keys=[keys[1], 987_654]) == fetch_member_rows(s, keys=[keys[1]])


def test_member_ids_for_keys(small: SmallRegister) -> None:
    with small.database.session() as s:
        keys = list(search_member_keys(s, filters=MemberFilter(), sort=MemberSort()))
        # Thai name order: กมล(5) เกศินี(4) ไพโรจน์(3) สมชาย(1) สมหญิง(2) อรุณ(6)
        assert member_ids_for_keys(s, keys=[keys[3], keys[0], 424_242]) == [
            small.members[1], small.members[5]
        ]  # fmt: skip
        delete_member(s, member_id=small.members[5])
        assert member_ids_for_keys(s, keys=keys[:2]) == [small.members[4]]


def test_member_row_fields(small: SmallRegister) -> None:
    with small.database.session() as s:
        (key,) = search_member_keys(s, filters=MemberFilter(text="ใจดี"), sort=MemberSort())
        (row,) = fetch_member_rows(s, keys=[key])
    assert row.id == small.members[1]
    assert row.full_name == "สมชาย ใจดี"
    assert row.organisation_name == "องค์การบริหารส่วนตำบลหนองบัว"
    assert row.org_type == "sao"
    assert row.province_name == "ขอนแก่น"
    assert (row.position, row.personnel_type, row.status) == (
        "ปลัด อบต.",
        "local_official",
        "active",
    )
    assert row.phone == "0812345678"
    assert row.national_id_masked == ""
    assert row.has_consent is False
