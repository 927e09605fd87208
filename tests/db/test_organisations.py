"""Organisations: completion with type abbreviations, reading, saving with validation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.members.edit import save_member
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberInput
from db.organisations import (
    OrganisationValidationError,
    get_organisation,
    organisation_suggestions,
    save_organisation,
)

BANGKOK, KHON_KAEN, CHIANG_MAI = 10, 40, 50


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    with db.session() as s:
        for type_code, name, province in [
            ("sao", "องค์การบริหารส่วนตำบลหนองบัว", KHON_KAEN),
            ("sao", "องค์การบริหารส่วนตำบลหนองบัว", CHIANG_MAI),
            ("subdistrict_municipality", "เทศบาลตำบลหนองบัว", KHON_KAEN),
            ("subdistrict_municipality", "เทศบาลตำบลบ้านใหม่", CHIANG_MAI),
            ("town_municipality", "เทศบาลเมืองบ้านไผ่", KHON_KAEN),
            ("city_municipality", "เทศบาลนครเชียงใหม่", CHIANG_MAI),
            ("pao", "องค์การบริหารส่วนจังหวัดขอนแก่น", KHON_KAEN),
            ("bangkok", "กรุงเทพมหานคร", BANGKOK),
        ]:
            save_organisation(s, type_code=type_code, name=name, province_code=province)
    yield db
    db.dispose()


def labels(database: Database, text: str, limit: int = 20) -> list[str]:
    with database.session() as s:
        return [c.label for c in organisation_suggestions(s, text=text, limit=limit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "หนองบัว",
            [
                "เทศบาลตำบลหนองบัว (ขอนแก่น)",
                "องค์การบริหารส่วนตำบลหนองบัว (ขอนแก่น)",
                "องค์การบริหารส่วนตำบลหนองบัว (เชียงใหม่)",
            ],
        ),
        ("อบต.หนองบัว", ["องค์การบริหารส่วนตำบลหนองบัว (ขอนแก่น)", "องค์การบริหารส่วนตำบลหนองบัว (เชียงใหม่)"]),
        ("อบต. หนอง", ["องค์การบริหารส่วนตำบลหนองบัว (ขอนแก่น)", "องค์การบริหารส่วนตำบลหนองบัว (เชียงใหม่)"]),
        ("อบต หนองบัว", ["องค์การบริหารส่วนตำบลหนองบัว (ขอนแก่น)", "องค์การบริหารส่วนตำบลหนองบัว (เชียงใหม่)"]),
        ("ทต.หนองบัว", ["เทศบาลตำบลหนองบัว (ขอนแก่น)"]),
        ("ทต.", ["เทศบาลตำบลบ้านใหม่ (เชียงใหม่)", "เทศบาลตำบลหนองบัว (ขอนแก่น)"]),
        ("ทม.บ้านไผ่", ["เทศบาลเมืองบ้านไผ่ (ขอนแก่น)"]),
        ("ทน.เชียงใหม่", ["เทศบาลนครเชียงใหม่ (เชียงใหม่)"]),
        ("อบจ.ขอนแก่น", ["องค์การบริหารส่วนจังหวัดขอนแก่น (ขอนแก่น)"]),
        ("กทม.", ["กรุงเทพมหานคร (กรุงเทพมหานคร)"]),
        ("เทศบาลตำบล หนองบัว", ["เทศบาลตำบลหนองบัว (ขอนแก่น)"]),  # spaces ignored
        ("ทต.เชียงใหม่", []),
        ("ไม่มี", []),
    ],
)
def test_suggestions(database: Database, text: str, expected: list[str]) -> None:
    assert labels(database, text) == expected


def test_suggestions_are_in_thai_order_and_limited(database: Database) -> None:
    everything = labels(database, "")
    assert everything[0] == "กรุงเทพมหานคร (กรุงเทพมหานคร)"
    assert everything[1:3] == ["เทศบาลตำบลบ้านใหม่ (เชียงใหม่)", "เทศบาลตำบลหนองบัว (ขอนแก่น)"]
    assert len(everything) == 8
    assert labels(database, "เทศบาล", limit=2) == everything[1:3]


def test_save_validates(database: Database) -> None:
    cases = [
        ({"type_code": "sao", "name": " ", "province_code": KHON_KAEN}, "missing_name"),
        ({"type_code": "castle", "name": "ปราสาท", "province_code": KHON_KAEN}, "unknown_code"),
        ({"type_code": "sao", "name": "ก", "province_code": 99}, "unknown_province"),
        ({"type_code": "sao", "name": "ก", "province_code": None}, "unknown_province"),
        (
            {"type_code": "sao", "name": "ก", "province_code": KHON_KAEN, "district_code": 5001},
            "unknown_district",
        ),
        (
            {
                "type_code": "sao",
                "name": "ก",
                "province_code": KHON_KAEN,
                "official_code": "9" * 21,
            },
            "too_long",
        ),
        (
            {"type_code": "sao", "name": "องค์การบริหารส่วนตำบล หนองบัว", "province_code": KHON_KAEN},
            "duplicate_organisation",
        ),
    ]
    for fields, code in cases:
        with database.session() as s, pytest.raises(OrganisationValidationError) as raised:
            save_organisation(s, **fields)
        assert [e.code for e in raised.value.errors] == [code], fields


def test_save_get_and_rename(database: Database) -> None:
    with database.session() as s:
        org_id = save_organisation(
            s, type_code="sao", name=" องค์การบริหารส่วนตำบล\u200bโนนสูง ", province_code=KHON_KAEN,
            district_code=4001, official_code="๖๔๐๑๐๑",
        )  # fmt: skip
        org = get_organisation(s, organisation_id=org_id)
        assert (org.name, org.type_code, org.province_code, org.province_name) == (
            "องค์การบริหารส่วนตำบลโนนสูง", "sao", KHON_KAEN, "ขอนแก่น"
        )  # fmt: skip
        assert (org.district_code, org.official_code) == (4001, "640101")
        save_member(s, data=MemberInput(first_name="สมชาย", organisation_id=org_id))
        # the same name in another province is another organisation
        save_organisation(s, type_code="sao", name=org.name, province_code=CHIANG_MAI)
        # saving itself unchanged is no duplicate
        save_organisation(
            s, id=org_id, type_code="sao", name=org.name, province_code=KHON_KAEN,
            district_code=4001,
        )  # fmt: skip
        save_organisation(
            s, id=org_id, type_code="subdistrict_municipality", name="เทศบาลตำบลโนนสูง",
            province_code=KHON_KAEN,
        )  # fmt: skip
        renamed = get_organisation(s, organisation_id=org_id)
        assert (renamed.name, renamed.type_code, renamed.district_code) == (
            "เทศบาลตำบลโนนสูง", "subdistrict_municipality", None
        )  # fmt: skip
        assert len(search_member_keys(s, filters=MemberFilter(text="เทศบาลตำบลโนนสูง"))) == 1
        assert len(search_member_keys(s, filters=MemberFilter(text="องค์การบริหาร"))) == 0
        with pytest.raises(LookupError):
            get_organisation(s, organisation_id="nope")
        with pytest.raises(LookupError):
            save_organisation(s, id="nope", type_code="sao", name="x", province_code=KHON_KAEN)
