"""Facet counts: per value of one dimension, under every active filter except the facet's own."""

from __future__ import annotations

from db.members.edit import delete_member
from db.members.facets import BLANK_LABEL
from db.members.query import facet_counts
from db.members.types import Facet, FacetCount, MemberFilter

from .conftest import CHIANG_MAI, KHON_KAEN, SmallRegister


def facets(small: SmallRegister, facet: Facet, filters: MemberFilter, **kw: int) -> list[tuple]:
    with small.database.session() as s:
        counts = facet_counts(s, filters=filters, facet=facet, **kw)
    assert all(isinstance(c, FacetCount) for c in counts)
    return [(c.value, c.label, c.count) for c in counts]


def test_province_facet_ignores_its_own_filter(small: SmallRegister) -> None:
    everyone = [("50", "เชียงใหม่", 3), ("10", "กรุงเทพมหานคร", 1), ("40", "ขอนแก่น", 1)]
    assert facets(small, Facet.PROVINCE, MemberFilter()) == everyone
    assert facets(small, Facet.PROVINCE, MemberFilter(province_codes=(KHON_KAEN,))) == everyone
    active = MemberFilter(province_codes=(KHON_KAEN,), statuses=("active",))
    assert facets(small, Facet.PROVINCE, active) == [("50", "เชียงใหม่", 2), ("40", "ขอนแก่น", 1)]


def test_region_and_org_type_facets(small: SmallRegister) -> None:
    assert facets(small, Facet.REGION, MemberFilter()) == [
        ("1", "ภาคเหนือ", 3), ("2", "ภาคกลาง", 1), ("3", "ภาคตะวันออกเฉียงเหนือ", 1)
    ]  # fmt: skip
    assert facets(small, Facet.REGION, MemberFilter(region_ids=(1,), text="ใจดี")) == [
        ("3", "ภาคตะวันออกเฉียงเหนือ", 1)
    ]  # fmt: skip
    assert facets(small, Facet.ORG_TYPE, MemberFilter(province_codes=(CHIANG_MAI,))) == [
        ("subdistrict_municipality", "เทศบาลตำบล", 2), ("city_municipality", "เทศบาลนคร", 1)
    ]  # fmt: skip
    by_type = facets(small, Facet.ORG_TYPE, MemberFilter(org_type_codes=("bangkok",)))
    assert by_type == [
        ("subdistrict_municipality", "เทศบาลตำบล", 2),
        ("bangkok", "กรุงเทพมหานคร", 1),
        ("city_municipality", "เทศบาลนคร", 1),
        ("sao", "องค์การบริหารส่วนตำบล", 1),
    ]


def test_member_column_facets(small: SmallRegister) -> None:
    assert facets(small, Facet.PERSONNEL_TYPE, MemberFilter()) == [
        ("local_official", "ข้าราชการส่วนท้องถิ่น", 3),
        ("teacher", "ครูและบุคลากรทางการศึกษาท้องถิ่น", 1),
        ("contract_employee", "พนักงานจ้าง", 1),
        ("", BLANK_LABEL, 1),
    ]
    in_chiang_mai = MemberFilter(province_codes=(CHIANG_MAI,), statuses=("inactive",))
    assert facets(small, Facet.STATUS, in_chiang_mai) == [
        ("active", "เป็นสมาชิก", 2), ("inactive", "ขาดการติดต่อ/พักสมาชิกภาพ", 1)
    ]  # fmt: skip
    assert facets(small, Facet.POSITION, MemberFilter(positions=("ครู",))) == [
        ("นิติกร", "นิติกร", 2),
        ("ครู", "ครู", 1),
        ("นักวิเคราะห์นโยบายและแผน", "นักวิเคราะห์นโยบายและแผน", 1),
        ("ปลัด อบต.", "ปลัด อบต.", 1),
        ("", BLANK_LABEL, 1),
    ]
    assert facets(small, Facet.POSITION, MemberFilter(), limit=2) == [
        ("นิติกร", "นิติกร", 2), ("ครู", "ครู", 1)
    ]  # fmt: skip


def test_strength_facet(small: SmallRegister) -> None:
    assert facets(small, Facet.STRENGTH, MemberFilter(strengths=("สาธารณสุข",))) == [
        ("กฎหมายท้องถิ่น", "กฎหมายท้องถิ่น", 2),
        ("การเงินการคลัง", "การเงินการคลัง", 2),
        ("สาธารณสุข", "สาธารณสุข", 1),
    ]
    assert facets(small, Facet.STRENGTH, MemberFilter(province_codes=(CHIANG_MAI,))) == [
        ("กฎหมายท้องถิ่น", "กฎหมายท้องถิ่น", 1), ("สาธารณสุข", "สาธารณสุข", 1)
    ]  # fmt: skip


def test_group_facet_counts_sub_group_members(small: SmallRegister) -> None:
    g = small.groups
    assert facets(small, Facet.GROUP, MemberFilter(group_ids=(g["network"],))) == [
        (g["association"], "สมาคมข้าราชการส่วนท้องถิ่น", 4),
        (g["club"], "ชมรมเชียงใหม่", 2),
        (g["committee"], "คณะกรรมการอบรม", 1),
        (g["network"], "เครือข่ายนิติกร", 1),
    ]
    assert facets(small, Facet.GROUP, MemberFilter(statuses=("active",))) == [
        (g["association"], "สมาคมข้าราชการส่วนท้องถิ่น", 2),
        (g["club"], "ชมรมเชียงใหม่", 1),
    ]


def test_deleted_members_are_not_counted(small: SmallRegister) -> None:
    with small.database.session() as s:
        delete_member(s, member_id=small.members[2])
    assert facets(small, Facet.PROVINCE, MemberFilter())[0] == ("50", "เชียงใหม่", 2)
    assert ("กฎหมายท้องถิ่น", "กฎหมายท้องถิ่น", 1) in facets(small, Facet.STRENGTH, MemberFilter())
    g = small.groups
    assert facets(small, Facet.GROUP, MemberFilter()) == [
        (g["association"], "สมาคมข้าราชการส่วนท้องถิ่น", 3),
        (g["committee"], "คณะกรรมการอบรม", 1),  # Thai order: คณะ < เครือ < ชมรม
        (g["network"], "เครือข่ายนิติกร", 1),
        (g["club"], "ชมรมเชียงใหม่", 1),  # 3 through its committee
    ]
