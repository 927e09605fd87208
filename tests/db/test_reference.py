"""Reference data: what a fresh database holds, Thai order, finding provinces, updating, editing."""

from __future__ import annotations

import csv
import filecmp
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import Database, open_database
from db.reference import paths
from db.reference.loader import (
    LIST_COLUMNS,
    ReferenceDataError,
    load_reference_data,
    read_reference_data,
    update_reference_data,
)
from db.reference.queries import (
    PARENT_KINDS,
    PARENT_REQUIRED,
    deactivate_ref_item,
    find_province,
    get_ref_item,
    list_districts,
    list_provinces,
    list_ref_items,
    list_ref_kinds,
    list_regions,
    list_sub_districts,
    province_matcher,
    ref_labels,
    save_ref_item,
)
from db.reference.types import ReferenceItemError, RefItem

SHARED_DIVISIONS = Path("/work/shared/reference/thai-divisions")
SHIPPED = paths.reference_dir()

# The Interior Ministry's province codes: 77 provinces, Bueng Kan (38) the newest.
OFFICIAL_PROVINCE_CODES = (
    set(range(10, 28)) | set(range(30, 50)) | set(range(50, 59)) | set(range(60, 68))
    | set(range(70, 78)) | set(range(80, 87)) | set(range(90, 97))
)


def _live_csv_rows(name: str) -> int:
    with (SHIPPED / "thai-divisions" / name).open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for row in csv.DictReader(handle) if not row["deleted_at"])


def _count(database: Database, table: str, where: str = "1") -> int:
    with database.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar_one()


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One fresh database for the tests that only read."""
    db = open_database(tmp_path_factory.mktemp("ref") / "t.sqlite")
    yield db
    db.dispose()


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


@pytest.fixture()
def reference_copy(tmp_path: Path) -> Path:
    """A writable copy of resources/reference, to break or extend."""
    root = tmp_path / "reference"
    shutil.copytree(SHIPPED, root)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root


# --- the shipped files ---------------------------------------------------------------------------


def test_divisions_are_shipped_unchanged_with_their_licence() -> None:
    shipped = SHIPPED / "thai-divisions"
    assert (shipped / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    if SHARED_DIVISIONS.is_dir():
        names = sorted(p.name for p in SHARED_DIVISIONS.iterdir())
        assert sorted(p.name for p in shipped.iterdir()) == names
        _, mismatch, errors = filecmp.cmpfiles(SHARED_DIVISIONS, shipped, names, shallow=False)
        assert mismatch == [] and errors == []


def test_list_files_have_the_common_columns_and_snake_case_codes() -> None:
    files = sorted((SHIPPED / "lists").glob("*.csv"))
    assert {p.stem for p in files} >= {
        "org_type", "name_prefix", "personnel_type", "personnel_title_by_org_type",
        "position_type", "position_level", "position", "group_role", "strength",
        "member_status", "gender", "province_alias",
    }
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            assert tuple(next(csv.reader(handle))) == LIST_COLUMNS, path.name
    data = read_reference_data()
    assert all(code.isascii() and code == code.lower() for _, code, *_ in data.ref_items)


def test_resources_dir_in_source_tree_and_in_a_pyinstaller_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert (paths.resources_dir() / "reference" / "lists" / "org_type.csv").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.reference_dir() == tmp_path / "resources" / "reference"


# --- a fresh database ----------------------------------------------------------------------------


def test_fresh_database_has_every_division(shared_db: Database) -> None:
    assert _count(shared_db, "region") == 6
    assert _count(shared_db, "province") == 77
    assert _count(shared_db, "district") == 929 == _live_csv_rows("districts.csv")
    assert _count(shared_db, "sub_district") == 7451 == _live_csv_rows("sub_districts.csv")
    assert _count(shared_db, "sub_district", "length(zip_code) <> 5") == 0


def test_provinces_carry_official_codes(shared_db: Database) -> None:
    with shared_db.session() as session:
        provinces = {p.code: p for p in list_provinces(session)}
        regions = {r.id: r for r in list_regions(session)}
    assert set(provinces) == OFFICIAL_PROVINCE_CODES
    bangkok = provinces[10]
    assert (bangkok.name_th, bangkok.name_en) == ("กรุงเทพมหานคร", "Bangkok")
    assert regions[bangkok.region_id].name_en == "Central"
    assert regions[bangkok.region_id].name_th == "ภาคกลาง"
    assert provinces[38].name_th == "บึงกาฬ"
    assert regions[provinces[38].region_id].name_en == "Northeast"
    assert provinces[50].name_th == "เชียงใหม่"
    assert provinces[30].name_th == "นครราชสีมา"
    # Every district sits in the province its code names, every sub-district in its district.
    assert _count(shared_db, "district", "code / 100 <> province_code") == 0
    assert _count(shared_db, "sub_district", "code / 100 <> district_code") == 0


def test_regions(shared_db: Database) -> None:
    with shared_db.session() as session:
        regions = list_regions(session)
    assert {r.name_en for r in regions} == {
        "North", "Northeast", "Central", "East", "West", "South"
    }
    assert regions[0].name_th == "ภาคกลาง"  # Thai order, not id order


def test_provinces_in_thai_order(shared_db: Database) -> None:
    with shared_db.session() as session:
        names = [p.name_th for p in list_provinces(session)]
        north = [p.name_th for p in list_provinces(session, region_id=1)]
    assert names[:3] == ["กระบี่", "กรุงเทพมหานคร", "กาญจนบุรี"]
    assert names[-1] == "อุบลราชธานี"
    # Leading vowels sort by the consonant after them: เชียงใหม่ under ช, แพร่ under พ.
    assert names.index("ชุมพร") < names.index("เชียงราย") < names.index("เชียงใหม่")
    assert names.index("เชียงใหม่") < names.index("ตรัง")
    assert names.index("พิษณุโลก") < names.index("แพร่") < names.index("ภูเก็ต")
    assert names != sorted(names)  # code-point order would put เ/แ names last
    assert north == [
        "เชียงราย", "เชียงใหม่", "น่าน", "พะเยา", "แพร่", "แม่ฮ่องสอน", "ลำปาง", "ลำพูน",
        "อุตรดิตถ์",
    ]


def test_districts_and_sub_districts(shared_db: Database) -> None:
    with shared_db.session() as session:
        bangkok = list_districts(session, province_code=10)
        chiang_mai = list_districts(session, province_code=50)
        phra_nakhon = list_sub_districts(session, district_code=1001)
        nothing = list_districts(session, province_code=99)
    assert len(bangkok) == 50
    assert all(d.name_th.startswith("เขต") for d in bangkok)
    names = [d.name_th for d in chiang_mai]
    assert names.index("จอมทอง") < names.index("เชียงดาว") < names.index("ดอยเต่า")
    assert {s.name_th for s in phra_nakhon} >= {"พระบรมมหาราชวัง", "วังบูรพาภิรมย์"}
    assert {s.zip_code for s in phra_nakhon} == {"10200"}
    assert nothing == []


def test_reference_lists(shared_db: Database) -> None:
    with shared_db.session() as session:
        org_type_list = list_ref_items(session, kind="org_type")
        roles = ref_labels(session, kind="group_role")
        prefixes = {i.code: i for i in list_ref_items(session, kind="name_prefix")}
        levels = list_ref_items(session, kind="position_level", parent_code="academic")
        statuses = ref_labels(session, kind="member_status")
        genders = ref_labels(session, kind="gender")
        titles = ref_labels(session, kind="personnel_title_by_org_type")
        kinds = list_ref_kinds(session)
        positions = {i.name_th for i in list_ref_items(session, kind="position")}
        strengths = list_ref_items(session, kind="strength")
    org_types = {i.code: i for i in org_type_list}
    assert org_type_list[0].code == "pao" and org_type_list[-1].code == "other"
    assert set(org_types) == {
        "pao", "city_municipality", "town_municipality", "subdistrict_municipality", "sao",
        "bangkok", "pattaya", "other",
    }
    assert {org_types[c].abbr_th for c in ("city_municipality", "town_municipality",
                                            "subdistrict_municipality", "sao", "pao")} == {
        "ทน.", "ทม.", "ทต.", "อบต.", "อบจ."
    }
    assert roles["member"] == "สมาชิก"
    assert set(roles.values()) == {
        "ประธาน", "รองประธาน", "เลขานุการ", "ผู้ช่วยเลขานุการ", "เหรัญญิก", "ประชาสัมพันธ์",
        "กรรมการ", "สมาชิก", "ที่ปรึกษา",
    }
    assert prefixes["miss"].name_th == "นางสาว" and prefixes["miss"].abbr_th == "น.ส."
    assert prefixes["acting_sub_lt"].abbr_th == "ว่าที่ ร.ต."
    assert prefixes["sgt_maj_1"].abbr_th == "จ.ส.อ."
    assert [i.name_th for i in levels] == ["ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ"]
    assert set(statuses) == {"active", "pending", "inactive", "resigned", "deceased"}
    assert set(genders) == {"male", "female", "other"}
    assert titles["sao"] == "พนักงานส่วนตำบล" and titles["town_municipality"] == "พนักงานเทศบาล"
    assert {"ปลัดเทศบาล", "ปลัดองค์การบริหารส่วนตำบล", "ผู้อำนวยการกองคลัง", "นิติกร", "ครู",
            "นายกเทศมนตรี", "สมาชิกสภาเทศบาล"} <= positions
    assert len(positions) >= 40 and len(strengths) >= 40
    assert "province_alias" in kinds


def test_every_shipped_parent_exists(shared_db: Database) -> None:
    with shared_db.session() as session:
        province_codes = {str(p.code) for p in list_provinces(session)}
        for kind in list_ref_kinds(session):
            items = list_ref_items(session, kind=kind, active_only=False)
            parent_kind = PARENT_KINDS.get(kind)
            if parent_kind is None:
                assert all(i.parent_code == "" for i in items), kind
                continue
            if parent_kind == "province":
                allowed = province_codes
            else:
                allowed = {i.code for i in list_ref_items(session, kind=parent_kind)}
            for item in items:
                if item.parent_code or kind in PARENT_REQUIRED:
                    assert item.parent_code in allowed, (kind, item.code, item.parent_code)


# --- finding a province in free text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("กทม.", 10),
        ("กรุงเทพฯ", 10),
        ("กรุงเทพ", 10),
        ("Bangkok", 10),
        ("จ.เชียงใหม่", 50),
        ("จ. เชียงใหม่", 50),
        ("จังหวัดเชียงใหม่", 50),
        ("เชียง\u200bใหม่ ", 50),
        ("Chiang Mai", 50),
        ("chiangmai province", 50),
        ("โคราช", 30),
        ("Korat", 30),
        ("อยุธยา", 14),
        ("จันทบุรี", 22),  # starts with จ: not mistaken for the "จ." prefix
        ("จ.จันทบุรี", 22),
        ("Lop Buri", 16),
        ("Lopburi", 16),
        ("บึงกาฬ", 38),
        ("ศรีษะเกษ", 33),
    ],
)
def test_find_province(shared_db: Database, typed: str, code: int) -> None:
    with shared_db.session() as session:
        found = find_province(session, text=typed)
    assert found is not None and found.code == code


@pytest.mark.parametrize("typed", ["", "   ", "เชียง", "Atlantis", "จ."])
def test_find_province_none(shared_db: Database, typed: str) -> None:
    with shared_db.session() as session:
        assert find_province(session, text=typed) is None


def test_province_alias_added_by_the_user_is_found(database: Database) -> None:
    with database.session() as session:
        assert find_province(session, text="เมืองดอกบัว") is None
        save_ref_item(
            session,
            item=RefItem(kind="province_alias", code="", name_th="เมืองดอกบัว", parent_code="34"),
        )
    with database.session() as session:
        found = find_province(session, text="เมืองดอกบัว")
        match = province_matcher(session)
    assert found is not None and found.name_th == "อุบลราชธานี"
    assert match("จ.อุบลฯ") is not None and match("จ.อุบลฯ").code == 34


# --- loading and updating ------------------------------------------------------------------------


def test_load_is_fast(tmp_path: Path) -> None:
    from db.migrations import upgrade_to_head

    db = open_database(tmp_path / "t.sqlite", migrate=False)
    upgrade_to_head(db.engine)
    started = time.perf_counter()
    with db.engine.begin() as connection:
        load_reference_data(connection)
    elapsed = time.perf_counter() - started
    print(f"\nload_reference_data: 6 regions, 77 provinces, 929 districts, 7,451 sub-districts,"
          f" {_count(db, 'ref_item')} list items in {elapsed * 1000:.0f} ms")
    assert _count(db, "sub_district") == 7451
    assert elapsed < 1.0
    db.dispose()


def test_update_keeps_user_items_and_is_idempotent(database: Database) -> None:
    with database.session() as session:
        mine = save_ref_item(
            session, item=RefItem(kind="strength", code="", name_th="การเขียนโครงการขอทุน")
        )
        deactivate_ref_item(session, kind="strength", code="gis")
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE ref_item SET name_th = 'แก้ไข' WHERE kind = 'org_type'"
                                " AND code = 'sao'"))
        connection.execute(text("DELETE FROM ref_item WHERE kind = 'group_role'"
                                " AND code = 'advisor'"))
        connection.execute(text("UPDATE province SET name_en = 'X' WHERE code = 50"))

    with database.engine.begin() as connection:
        first = update_reference_data(connection)
    assert first.tables["ref_item"].added == 1  # the deleted role is back
    assert first.tables["ref_item"].changed == 1  # the shipped name of อบต. is back
    assert first.tables["province"].changed == 1
    assert first.tables["sub_district"].added == first.tables["sub_district"].changed == 0
    assert (first.added, first.changed) == (1, 2)

    with database.engine.begin() as connection:
        second = update_reference_data(connection)
    assert (second.added, second.changed) == (0, 0)

    with database.session() as session:
        assert get_ref_item(session, kind="strength", code=mine.code) == mine
        gis = get_ref_item(session, kind="strength", code="gis")
        assert gis is not None and gis.active is False  # the user's switch-off is kept
        assert ref_labels(session, kind="org_type")["sao"] == "องค์การบริหารส่วนตำบล"
        assert ref_labels(session, kind="group_role")["advisor"] == "ที่ปรึกษา"
        chiang_mai = find_province(session, text="Chiang Mai")
    assert chiang_mai is not None and chiang_mai.name_en == "Chiang Mai"


def test_update_brings_new_shipped_items(database: Database, reference_copy: Path) -> None:
    with (reference_copy / "lists" / "strength.csv").open("a", encoding="utf-8") as handle:
        handle.write("drone_survey,การสำรวจด้วยโดรน,Drone surveying,,,990\n")
    with database.engine.begin() as connection:
        result = update_reference_data(connection, root=reference_copy)
    assert result.tables["ref_item"].added == 1 and result.changed == 0
    with database.session() as session:
        assert ref_labels(session, kind="strength")["drone_survey"] == "การสำรวจด้วยโดรน"


@pytest.mark.parametrize(
    ("file", "line", "reason"),
    [
        ("lists/strength.csv", "Bad Code,ชื่อ,,,,10\n", "not ASCII snake_case"),
        ("lists/strength.csv", "gis,ซ้ำ,,,,10\n", "appears twice"),
        ("lists/strength.csv", "no_name,,,,,10\n", "name_th is empty"),
        ("lists/strength.csv", "bad_order,ชื่อ,,,,ten\n", "not a whole number"),
        ("lists/strength.csv", "too_many,ชื่อ,,,,10,extra\n", "more cells than columns"),
        ("thai-divisions/sub_districts.csv", "999901,10200,ใหม่,New,9999,,,,,\n",
         "unknown district_id 9999"),
    ],
)
def test_bad_reference_file_is_refused_and_nothing_changes(
    database: Database, reference_copy: Path, file: str, line: str, reason: str
) -> None:
    with (reference_copy / file).open("a", encoding="utf-8") as handle:
        handle.write(line)
    before = _count(database, "ref_item"), _count(database, "sub_district")
    with pytest.raises(ReferenceDataError) as caught, database.engine.begin() as connection:
        update_reference_data(connection, root=reference_copy)
    assert reason in str(caught.value)
    assert caught.value.path.name == Path(file).name and caught.value.line is not None
    assert (_count(database, "ref_item"), _count(database, "sub_district")) == before


def test_bad_reference_folder_errors(reference_copy: Path) -> None:
    (reference_copy / "lists" / "gender.csv").write_bytes("code,name_th\nmale,ชาย\n".encode())
    with pytest.raises(ReferenceDataError, match="missing column"):
        read_reference_data(reference_copy)
    (reference_copy / "lists" / "gender.csv").write_bytes(
        "code,name_th,name_en,abbr_th,parent_code,sort_order\nmale,ชาย,,,,1\n".encode("cp874")
    )
    with pytest.raises(ReferenceDataError, match="not UTF-8"):
        read_reference_data(reference_copy)
    shutil.rmtree(reference_copy / "lists")
    with pytest.raises(ReferenceDataError, match="folder of reference lists is missing"):
        read_reference_data(reference_copy)


def test_list_file_with_bom_and_blank_sort_order(reference_copy: Path) -> None:
    (reference_copy / "lists" / "gender.csv").write_bytes(
        "code,name_th,name_en,abbr_th,parent_code,sort_order\nmale, ชาย ,Male,,,\n"
        "female,หญิง,Female,,,\n".encode("utf-8-sig")
    )
    items = [i for i in read_reference_data(reference_copy).ref_items if i[0] == "gender"]
    assert items == [("gender", "male", "ชาย", "Male", "", "", 0),
                     ("gender", "female", "หญิง", "Female", "", "", 10)]


# --- editing the lists ---------------------------------------------------------------------------


def test_add_edit_and_deactivate_an_item(database: Database) -> None:
    with database.session() as session:
        last = list_ref_items(session, kind="position")[-1]
        added = save_ref_item(
            session,
            item=RefItem(kind="position", code="", name_th=" นักวิชาการ\u200bการเกษตร ",
                         name_en="Agricultural Officer", parent_code="local_official"),
        )
    assert added.code.startswith("user_") and added.code.isascii()
    assert added.name_th == "นักวิชาการการเกษตร"
    assert added.sort_order > last.sort_order and added.active
    with database.session() as session:
        assert list_ref_items(session, kind="position")[-1] == added
        renamed = save_ref_item(
            session, item=RefItem(**{**_fields(added), "name_en": "Agriculture Officer"})
        )
        assert renamed.code == added.code and renamed.name_en == "Agriculture Officer"
        off = deactivate_ref_item(session, kind="position", code=added.code)
    assert off.active is False
    with database.session() as session:
        assert added.code not in {i.code for i in list_ref_items(session, kind="position")}
        everything = list_ref_items(session, kind="position", active_only=False)
        assert added.code in {i.code for i in everything}
        assert ref_labels(session, kind="position")[added.code] == "นักวิชาการการเกษตร"
        back_on = save_ref_item(session, item=RefItem(**{**_fields(off), "active": True}))
        assert back_on.active is True


def _fields(item: RefItem) -> dict[str, object]:
    return {name: getattr(item, name) for name in RefItem.__slots__}


@pytest.mark.parametrize(
    ("item", "code", "field"),
    [
        (RefItem(kind="no_such_list", code="", name_th="x"), "unknown_kind", "kind"),
        (RefItem(kind="strength", code="", name_th="  \u200b "), "empty_name", "name_th"),
        (RefItem(kind="strength", code="Has Space", name_th="x"), "invalid_code", "code"),
        (RefItem(kind="strength", code="", name_th="ก" * 201), "too_long", "name_th"),
        (RefItem(kind="strength", code="", name_th="การเงินการคลัง"), "duplicate_name",
         "name_th"),
        (RefItem(kind="position", code="", name_th="ตำแหน่งใหม่", parent_code="nobody"),
         "unknown_parent", "parent_code"),
        (RefItem(kind="position_level", code="", name_th="พิเศษ"), "missing_parent",
         "parent_code"),
        (RefItem(kind="org_type", code="", name_th="ใหม่", parent_code="sao"),
         "unexpected_parent", "parent_code"),
        (RefItem(kind="province_alias", code="", name_th="ที่ไหน", parent_code="99"),
         "unknown_parent", "parent_code"),
    ],
)
def test_bad_item_is_refused(database: Database, item: RefItem, code: str, field: str) -> None:
    before = _count(database, "ref_item")
    with pytest.raises(ReferenceItemError) as caught, database.session() as session:
        save_ref_item(session, item=item)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert _count(database, "ref_item") == before


def test_deactivate_unknown_item(database: Database) -> None:
    with pytest.raises(ReferenceItemError) as caught, database.session() as session:
        deactivate_ref_item(session, kind="strength", code="no_such_code")
    assert caught.value.code == "not_found"
