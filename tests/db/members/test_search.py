"""Search text: Thai substrings (trigram index, short-term fallback), digits, AND of terms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from db.engine import Database
from db.members import filters
from db.members.edit import delete_member, restore_member
from db.members.filters import parse_search_text
from db.members.query import count_members, fetch_member_rows, search_member_keys
from db.members.types import MemberFilter, MemberSort
from db.organisations import save_organisation

from .conftest import CHIANG_MAI, ID_A, ID_B, KHON_KAEN, make_member, make_org


@pytest.fixture
def register(database: Database) -> Iterator[Database]:
    with database.session() as s:
        nong_bua = make_org(s, "องค์การบริหารส่วนตำบลหนองบัว", province=KHON_KAEN)
        ban_mai = make_org(
            s, "เทศบาลตำบลบ้านใหม่", type_code="subdistrict_municipality", province=CHIANG_MAI
        )
        make_member(
            s, "สมชาย", "ใจดี", prefix="นาย", nickname="ต้น", organisation_id=nong_bua,
            position="นักวิเคราะห์นโยบายและแผน", phone="081-234-5678", national_id=ID_A,
            membership_no="A-00123",
        )  # fmt: skip
        make_member(
            s, "สมหญิง", "รักไทย", prefix="นางสาว", nickname="ญา", organisation_id=ban_mai,
            position="นิติกร", phone="0898765432", national_id=ID_B,
        )  # fmt: skip
        make_member(s, "ไพโรจน์", "เก่งกาจ", position="ปลัดเทศบาล")
        make_member(s, "เกศินี", "ศรีสุข", nickname="ญาญ่า", organisation_id=ban_mai)
        make_member(s, "กมล", "ทองดี", organisation_id=nong_bua, first_name_en="Kamon")
    yield database


def first_names(session: Session, text: str) -> list[str]:
    keys = search_member_keys(session, filters=MemberFilter(text=text), sort=MemberSort())
    return [row.first_name for row in fetch_member_rows(session, keys=keys)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ชาย", ["สมชาย"]),  # inside a first name (trigram index)
        ("ใจดี", ["สมชาย"]),  # last name
        ("ชายใจ", ["สมชาย"]),  # across first and last name
        ("สมชาย ใจดี", ["สมชาย"]),  # full name as two terms
        ("ญาญ่า", ["เกศินี"]),  # nickname
        ("นโยบาย", ["สมชาย"]),  # position
        ("หนองบัว", ["กมล", "สมชาย"]),  # organisation name, results in Thai order
        ("kamon", ["กมล"]),  # English name, any case
        ("KAM", ["กมล"]),
        ("a-00123", ["สมชาย"]),  # membership number
        ("ไม่มีใคร", []),
    ],
)
def test_text_finds_thai_substrings(register: Database, text: str, expected: list[str]) -> None:
    with register.session() as s:
        assert first_names(s, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ญา", ["เกศินี", "สมหญิง"]),  # 2 code points: no trigram, instr on nickname
        ("สม", ["สมชาย", "สมหญิง"]),  # 2 code points in first names
        ("ดี", ["กมล", "สมชาย"]),  # in last names
        ("ไ", ["ไพโรจน์", "สมหญิง"]),  # 1 code point: ไพโรจน์, รักไทย
        ("หน", []),  # short terms look in names only, not in organisation names
        ("สม ดี", ["สมชาย"]),  # two short terms: both must match
        ("ฏฏ", []),  # in no document at all
        ("ka", ["กมล"]),  # Latin, any case
    ],
)
def test_short_terms_fall_back_to_names(
    register: Database, text: str, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with register.session() as s:
        assert first_names(s, text) == expected  # FTS candidates, then the names checked
        monkeypatch.setattr(filters, "SHORT_TERM_CANDIDATE_LIMIT", -1)
        assert first_names(s, text) == expected  # every member's names read
        assert count_members(s, filters=MemberFilter(text=text)) == len(expected)


@pytest.mark.parametrize(
    "text",
    [
        "081",  # phone digits
        "๐๘๑",  # the same in Thai digits
        "๕๖๗๘",
        "081-234",  # typed with a dash
        "+66 81 234 5678",  # international form with spaces: one number
        "1101700",  # national ID digits
        "1-1017-00203-45-0",  # national ID as printed
        "๑๑๐๑๗๐๐๒๐๓๔๕๐",  # national ID in Thai digits
        "สมชาย 081",  # a name and a phone number
    ],
)
def test_digits_find_phone_and_national_id(register: Database, text: str) -> None:
    with register.session() as s:
        assert first_names(s, text) == ["สมชาย"]


def test_every_term_must_match(register: Database) -> None:
    with register.session() as s:
        assert first_names(s, "สมชาย นิติกร") == []
        assert first_names(s, "สม นิติกร") == ["สมหญิง"]
        assert first_names(s, "บ้านใหม่ ญา") == ["เกศินี", "สมหญิง"]
        assert first_names(s, "บ้านใหม่ ศรีสุข") == ["เกศินี"]
        assert count_members(s, filters=MemberFilter(text="บ้านใหม่ ญา")) == 2


@pytest.mark.parametrize("text", ['ส"ม', '"', "NEAR(", "สม*", "AND", "OR OR", "(", "^", ":"])
def test_fts_syntax_in_text_is_literal(register: Database, text: str) -> None:
    with register.session() as s:
        assert first_names(s, text) == []


def test_blank_text_is_everyone(register: Database) -> None:
    with register.session() as s:
        assert len(first_names(s, "  \u200b ")) == 5


def test_parse_search_text_splits_terms() -> None:
    terms = parse_search_text("สมชาย  ญา ๐๘๑-๒๓๔ สมชาย")
    assert terms.fts == ("สมชาย", "081234")
    assert terms.short == ("ญา",)
    assert terms.match_expression == '"สมชาย" "081234"'
    assert parse_search_text('a"bc').match_expression == '"a""bc"'


def test_deleted_member_leaves_search_and_index(register: Database) -> None:
    with register.session() as s:
        (key,) = search_member_keys(s, filters=MemberFilter(text="ใจดี"))
        member_id = fetch_member_rows(s, keys=[key])[0].id
        delete_member(s, member_id=member_id)
    with register.session() as s:
        assert first_names(s, "ใจดี") == []
        assert first_names(s, "สม") == ["สมหญิง"]  # the short-term path too
        fts = s.connection().exec_driver_sql(
            "SELECT count(*) FROM member_fts WHERE rowid = ?", (key,)
        )
        assert fts.scalar_one() == 0
        assert fetch_member_rows(s, keys=[key]) == []
        restore_member(s, member_id=member_id)
    with register.session() as s:
        assert first_names(s, "ใจดี") == ["สมชาย"]


def test_renamed_organisation_is_searched_by_its_new_name(register: Database) -> None:
    with register.session() as s:
        (org_id,) = (
            s.connection()
            .exec_driver_sql("SELECT id FROM organisation WHERE name = 'องค์การบริหารส่วนตำบลหนองบัว'")
            .one()
        )
        save_organisation(
            s, id=org_id, type_code="sao", name="องค์การบริหารส่วนตำบลโนนสูง",
            province_code=KHON_KAEN,
        )  # fmt: skip
    with register.session() as s:
        assert first_names(s, "หนองบัว") == []
        assert first_names(s, "โนนสูง") == ["กมล", "สมชาย"]
