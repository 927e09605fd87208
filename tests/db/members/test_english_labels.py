"""The register's reference names in English for the English interface: regions, provinces,
organisation types, statuses and personnel types (names of people and organisations stay as
they are written)."""

from __future__ import annotations

from db.engine import Database
from db.members.facets import facet_counts
from db.members.profile import get_member
from db.members.query import fetch_member_rows, search_member_keys
from db.members.types import Facet, MemberFilter, MemberSort, SortColumn
from db.reference.queries import list_ref_items, ref_labels
from db.reference.types import RefItem
from tests.db.members.conftest import BANGKOK, CHIANG_MAI, KHON_KAEN, make_member, make_org


def _register(database: Database) -> str:
    with database.session() as session:
        org = make_org(session, "องค์การบริหารส่วนตำบลสุเทพ", province=CHIANG_MAI)
        member = make_member(session, "สมชาย", "ใจดี", organisation_id=org, status="active")
        make_member(session, "สมหญิง", "ใจดี")  # no organisation, no personnel type
        session.commit()
    return member


def test_facets_name_places_types_and_blanks_in_english(database: Database) -> None:
    _register(database)
    with database.session() as session:

        def labels(facet: Facet, language: str) -> set[str]:
            return {c.label for c in facet_counts(session, filters=MemberFilter(), facet=facet,
                                                    language=language)}  # type: ignore[arg-type]  # fmt: skip

        assert labels(Facet.PROVINCE, "en") == {"Chiang Mai"}
        assert labels(Facet.PROVINCE, "th") == {"เชียงใหม่"}
        assert labels(Facet.REGION, "en") == {"North"}
        assert labels(Facet.ORG_TYPE, "en") == {"Subdistrict Administrative Organisation"}
        assert labels(Facet.ORG_TYPE, "th") == {"องค์การบริหารส่วนตำบล"}
        assert "Active" in labels(Facet.STATUS, "en")
        assert "Not given" in labels(Facet.PERSONNEL_TYPE, "en")
        assert "ไม่ระบุ" in labels(Facet.PERSONNEL_TYPE, "th")


def test_the_list_and_the_profile_name_the_province_in_english(database: Database) -> None:
    member = _register(database)
    with database.session() as session:
        keys = search_member_keys(session, filters=MemberFilter(), sort=MemberSort())
        english = {r.first_name: r.province_name for r in
                   fetch_member_rows(session, keys=keys, language="en")}  # fmt: skip
        thai = {r.first_name: r.province_name for r in fetch_member_rows(session, keys=keys)}
        assert english == {"สมชาย": "Chiang Mai", "สมหญิง": ""}
        assert thai == {"สมชาย": "เชียงใหม่", "สมหญิง": ""}
        assert get_member(session, member_id=member, language="en").province_name == "Chiang Mai"
        assert get_member(session, member_id=member).province_name == "เชียงใหม่"


def test_list_labels_in_english_fall_back_to_thai(database: Database) -> None:
    with database.session() as session:
        statuses = ref_labels(session, kind="member_status", language="en")
        assert statuses["active"] == "Active"
        assert ref_labels(session, kind="member_status")["active"] == "เป็นสมาชิก"
        assert all(item.label("en") for item in list_ref_items(session, kind="gender"))
    assert RefItem("x", "c", "ไทย", "").label("en") == "ไทย"  # no English name: the Thai one
    assert RefItem("x", "c", "ไทย", "Thai").label("en") == "Thai"
    assert RefItem("x", "c", "ไทย", "Thai").label("th") == "ไทย"


def test_sorting_by_province_follows_the_names_shown(database: Database) -> None:
    with database.session() as session:
        # Thai order: กรุงเทพมหานคร, ขอนแก่น, เชียงใหม่; English: Bangkok, Chiang Mai, Khon Kaen.
        for province, name in ((BANGKOK, "ก"), (KHON_KAEN, "ข"), (CHIANG_MAI, "ค")):
            org = make_org(session, f"เทศบาลตำบล{name}", province=province)
            make_member(session, f"สมาชิก{name}", organisation_id=org)
        make_member(session, "ไม่มีหน่วยงาน")
        session.commit()
        by_province = MemberSort(SortColumn.PROVINCE)

        def provinces(language: str) -> list[str]:
            keys = search_member_keys(session, filters=MemberFilter(), sort=by_province,
                                      language=language)  # type: ignore[arg-type]  # fmt: skip
            rows = fetch_member_rows(session, keys=keys, language=language)  # type: ignore[arg-type]
            return [row.province_name for row in rows]

        assert provinces("th") == ["กรุงเทพมหานคร", "ขอนแก่น", "เชียงใหม่", ""]
        assert provinces("en") == ["Bangkok", "Chiang Mai", "Khon Kaen", ""]  # blank last
