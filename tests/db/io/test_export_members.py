"""Member export to .xlsx and .csv: what lands in each cell, filters and order, options, refusals,
cancel, and files that stay whole."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.io import export_members as em
from db.io.cell_safety import FORMULA_STARTS, needs_escape, unescape_cell
from db.io.export_columns import COLUMNS_BY_KEY, EXPORT_COLUMNS, ExportError, default_columns
from db.io.export_members import ExportCancelled, export_members
from db.members.types import MemberFilter, MemberSort, SortColumn
from db.thai.national_id import format_national_id
from db.thai.phone import format_phone
from tests.db.io.test_export_support import (
    CHIANG_MAI,
    FORMULA_NOTE,
    LINE_AT,
    MINUS_NOTE,
    SOMCHAI_GROUPS,
    Register,
    as_dicts,
    build_register,
    read_csv,
    read_xlsx,
)

THAI_HEADERS = [COLUMNS_BY_KEY[key].header_th for key in default_columns()]  # the default file
NON_PERSONAL = [c.key for c in EXPORT_COLUMNS if not c.personal]  # the groups too
NAME_ORDER = ["เกศินี", "ไพโรจน์", "สมชาย", "สมหญิง", "อรุณ"]  # Thai order of first names


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    database = open_database(tmp_path / "t.sqlite")
    yield build_register(database)
    database.dispose()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export_rows(register: Register, path: Path, **options: object) -> list[list[object]]:
    result = export_members(register.database, out_path=path, **options)  # type: ignore[arg-type]
    rows = read_xlsx(path) if path.suffix == ".xlsx" else read_csv(path)
    assert result.count == len(rows) - 1
    assert result.path == path
    return rows


def by_first_name(rows: list[list[object]]) -> dict[str, dict[str, object]]:
    return {str(row["ชื่อ"]): row for row in as_dicts(rows)}


# --- what lands in the cells ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_default_export_has_every_non_personal_column_in_thai(
    register: Register, out: Path, suffix: str
) -> None:
    default = export_rows(register, out / f"default{suffix}")
    # By default every non-personal column but the groups (asked for: they slow a whole
    # register's export by half).
    assert default[0] == THAI_HEADERS
    rows = export_rows(register, out / f"members{suffix}", columns=NON_PERSONAL)
    assert rows[0] == [c.header_th for c in EXPORT_COLUMNS if not c.personal]
    assert [row[:23] + row[24:] for row in rows] == default
    assert "เลขประจำตัวประชาชน" not in rows[0] and "วันเกิด" not in rows[0]
    assert [row[1] for row in rows[1:]] == NAME_ORDER  # the deleted member is not there
    somchai = by_first_name(rows)["สมชาย"]
    assert somchai == {
        "คำนำหน้า": "ว่าที่ร้อยตรี", "ชื่อ": "สมชาย", "นามสกุล": "ใจดี",
        "ชื่อภาษาอังกฤษ": "Somchai", "นามสกุลภาษาอังกฤษ": "Jaidee", "ชื่อเล่น": "ชาย",
        "เพศ": "ชาย", "ประเภทบุคลากร": "ข้าราชการส่วนท้องถิ่น",
        "ตำแหน่ง": "ปลัดองค์การบริหารส่วนตำบล", "ประเภทตำแหน่ง": "บริหารท้องถิ่น",
        "ระดับตำแหน่ง": "กลาง", "หน่วยงาน": "องค์การบริหารส่วนตำบลหนองบัว",
        "ประเภทหน่วยงาน": "องค์การบริหารส่วนตำบล", "จังหวัด": "ขอนแก่น",
        "โทรศัพท์มือถือ": "081-234-5678", "โทรศัพท์สำนักงาน": "043-123-456",
        "อีเมล": "somchai@example.com", "ไลน์ไอดี": "'" + LINE_AT,
        "ที่อยู่": "99/1 หมู่ 2, ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น 40000",
        "เลขสมาชิก": "000123", "สถานะ": "เป็นสมาชิก", "วันที่เป็นสมาชิก": "2 ต.ค. 2557",
        "วันหมดอายุ": "30 ก.ย. 2570", "กลุ่ม (บทบาท)": SOMCHAI_GROUPS,
        "ความเชี่ยวชาญ": "การเงินการคลัง, กฎหมายท้องถิ่น",
        "วันที่ให้ความยินยอม": "15 ม.ค. 2567",
        "วัตถุประสงค์ความยินยอม": 'ทะเบียนสมาชิก; ติดต่อ "ประชุม"',
        "หมายเหตุ": "'" + FORMULA_NOTE,
    }  # fmt: skip
    arun = by_first_name(rows)["อรุณ"]
    assert arun["สถานะ"] == "รอการอนุมัติ"
    assert {k for k, v in arun.items() if v} == {"ชื่อ", "นามสกุล", "สถานะ"}
    # A name holding ';' and quotes is quoted; a membership that ended (kesini's) is history.
    assert by_first_name(rows)["สมหญิง"]["กลุ่ม (บทบาท)"] == '"เครือข่ายนิติกร; ""ภาคเหนือ"""'
    assert by_first_name(rows)["เกศินี"]["กลุ่ม (บทบาท)"] == ""


@pytest.mark.parametrize("era", ["BE", "CE"])
def test_xlsx_and_csv_hold_the_same_cells(register: Register, out: Path, era: str) -> None:
    """The same texts; a CE workbook's dates are Excel dates, which read as the CE text."""
    options = {"include_personal": True, "era": era}
    workbook = export_rows(register, out / "a.xlsx", **options)
    dates = [cell for row in workbook for cell in row if isinstance(cell, dt.date)]
    assert len(dates) == (5 if era == "CE" else 0)  # somchai's four, somying's joined_on
    as_text = [[c.isoformat() if isinstance(c, dt.date) else c for c in row] for row in workbook]
    assert as_text == export_rows(register, out / "a.csv", **options)


def test_a_ce_workbook_has_date_cells_in_a_date_format(register: Register, out: Path) -> None:
    path = out / "ce.xlsx"
    export_members(register.database, out_path=path, era="CE", include_personal=True,
                   columns=["first_name", "joined_on", "birth_date"])  # fmt: skip
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read(em.SHEET_PART).decode("utf-8")
        styles = archive.read("xl/styles.xml").decode("utf-8")
    assert f'formatCode="{em.EXCEL_DATE_FORMAT}"' in styles
    # somchai joined on 2 Oct 2014 (Excel's day 41914) and was born on 29 Feb 1980 (29280)
    somchai = re.search(r'<row r="(\d+)">(?:(?!</row>).)*สมชาย.*?</row>', sheet)
    assert somchai is not None
    number = somchai.group(1)
    date_style = re.search(rf'<c r="B{number}" s="(\d+)"><v>41914</v></c>', somchai.group())
    assert date_style is not None
    assert f'<c r="C{number}" s="{date_style.group(1)}"><v>29280</v></c>' in somchai.group()
    # Date columns alone (no text column to take the text style from) work as well.
    only = out / "only.xlsx"
    export_members(register.database, out_path=only, era="CE", include_personal=True,
                   columns=["birth_date", "joined_on"])  # fmt: skip
    assert [dt.date(1980, 2, 29), dt.date(2014, 10, 2)] in read_xlsx(only)


def test_every_xlsx_cell_is_text(register: Register, out: Path) -> None:
    path = out / "m.xlsx"
    export_members(register.database, out_path=path, include_personal=True)
    for row in read_xlsx(path):
        assert all(isinstance(cell, str) for cell in row)
    sheet = zipfile.ZipFile(path).read(em.SHEET_PART).decode("utf-8")
    cells = re.findall(r"<c [^>]*>", sheet)
    assert len(cells) > 5 * 10
    assert all('t="inlineStr"' in cell for cell in cells)


def test_personal_columns_only_when_asked(register: Register, out: Path) -> None:
    rows = export_rows(register, out / "p.xlsx", include_personal=True)
    assert rows[0][6:8] == ["เลขประจำตัวประชาชน", "วันเกิด"]
    somchai = by_first_name(rows)["สมชาย"]
    assert somchai["เลขประจำตัวประชาชน"] == "0-1000-00000-01-8"  # leading zero kept
    assert somchai["วันเกิด"] == "29 ก.พ. 2523"
    assert by_first_name(rows)["สมหญิง"]["เลขประจำตัวประชาชน"] == "1-1017-00203-45-0"
    assert by_first_name(rows)["อรุณ"]["เลขประจำตัวประชาชน"] == ""


def test_chosen_columns_in_the_chosen_order(register: Register, out: Path) -> None:
    rows = export_rows(
        register, out / "c.csv", columns=["phone", "first_name", "national_id"],
        include_personal=True,
    )  # fmt: skip
    assert rows[0] == ["โทรศัพท์มือถือ", "ชื่อ", "เลขประจำตัวประชาชน"]
    assert rows[1:] == [
        ["053-123-456", "เกศินี", "3-1006-00123-45-0"],
        ["", "ไพโรจน์", ""],
        ["081-234-5678", "สมชาย", "0-1000-00000-01-8"],
        ["089-876-5432", "สมหญิง", "1-1017-00203-45-0"],
        ["", "อรุณ", ""],
    ]


def test_english_headers_labels_and_dates(register: Register, out: Path) -> None:
    every = [c.key for c in EXPORT_COLUMNS]
    rows = export_rows(register, out / "en.xlsx", language="en", include_personal=True,
                       columns=every)  # fmt: skip
    assert rows[0] == [c.header_en for c in EXPORT_COLUMNS]
    somchai = {str(r["First name"]): r for r in as_dicts(rows)}["สมชาย"]
    assert somchai["Gender"] == "Male"
    assert somchai["Status"] == "Active"
    assert somchai["Province"] == "Khon Kaen"
    assert somchai["Organisation type"] == "Subdistrict Administrative Organisation"
    assert somchai["Joined"] == "2 Oct 2557"
    assert somchai["Birth date"] == "29 Feb 2523"
    # the dialog's example of each era says the same as the file
    joined = dt.date(2014, 10, 2)
    assert em.date_cell_text(joined, era="BE", language="en") == somchai["Joined"]
    assert em.date_cell_text(joined, era="BE", language="th") == "2 ต.ค. 2557"
    assert em.date_cell_text(joined, era="CE", language="en") == "2014-10-02"


def test_ce_dates_are_iso(register: Register, out: Path) -> None:
    rows = export_rows(register, out / "ce.csv", era="CE", include_personal=True)
    somchai = by_first_name(rows)["สมชาย"]
    assert somchai["วันที่เป็นสมาชิก"] == "2014-10-02"
    assert somchai["วันเกิด"] == "1980-02-29"
    assert somchai["วันหมดอายุ"] == "2027-09-30"


def test_exported_dates_read_back_as_the_stored_dates(register: Register, out: Path) -> None:
    from db.thai.dates import parse_thai_date

    for era in ("BE", "CE"):
        for language in ("th", "en"):
            rows = export_rows(
                register, out / f"d-{era}-{language}.csv", era=era, language=language,
                columns=["joined_on", "birth_date"], include_personal=True,
            )  # fmt: skip
            joined = [parse_thai_date(row[0]) for row in rows[1:] if row[0]]
            assert sorted(joined) == [dt.date(2014, 10, 2), dt.date(2019, 1, 1)]
            assert [parse_thai_date(row[1]) for row in rows[1:] if row[1]] == [dt.date(1980, 2, 29)]


# --- formulas never leak ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_no_cell_can_start_a_formula(register: Register, out: Path, suffix: str) -> None:
    rows = export_rows(register, out / f"f{suffix}", include_personal=True)
    for row in rows:
        for cell in row:
            text = str(cell)
            assert not needs_escape(text) or text.startswith("'"), text
            assert text[:1] not in FORMULA_STARTS or text == "-", text
    cells = by_first_name(rows)
    assert cells["สมชาย"]["หมายเหตุ"] == "'" + FORMULA_NOTE
    assert cells["สมหญิง"]["หมายเหตุ"] == "'" + MINUS_NOTE
    assert unescape_cell(str(cells["สมชาย"]["หมายเหตุ"])) == FORMULA_NOTE
    assert unescape_cell(str(cells["สมชาย"]["ไลน์ไอดี"])) == LINE_AT


def _set_raw(register: Register, member: str, **values: object) -> None:
    """Store values as they are, past the editor's cleaning (data from elsewhere)."""
    with register.database.session() as s:
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        s.connection().exec_driver_sql(
            f"UPDATE member SET {assignments} WHERE id = :id",
            {**values, "id": register.ids[member]},
        )


def test_labels_and_organisation_names_are_escaped_too(register: Register, out: Path) -> None:
    with register.database.session() as s:
        c = s.connection()
        c.exec_driver_sql("UPDATE ref_item SET name_th = '=1+1' WHERE kind = 'member_status'"
                          " AND code = 'inactive'")  # fmt: skip
        c.exec_driver_sql(
            "UPDATE organisation SET name = '@เทศบาล' WHERE id = ?", (register.orgs["cm_city"],)
        )
    phairot = by_first_name(export_rows(register, out / "l.csv"))["ไพโรจน์"]
    assert phairot["สถานะ"] == "'=1+1"
    assert phairot["หน่วยงาน"] == "'@เทศบาล"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_unusual_text_comes_back_exactly(register: Register, out: Path, suffix: str) -> None:
    notes = {
        "somchai": "<r><t>ไม่ใช่ rich text</t></r>",
        "somying": "ก & ข < ค > ง _x0041_ ยังเป็นข้อความ",
        "phairot": "  ช่องว่างหน้าและหลัง  ",
        "kesini": "ตัวควบคุม\x07 และ\rขึ้นบรรทัด\r\nใหม่",
        "arun": "'=เคยมีเครื่องหมาย",
    }
    for member, text in notes.items():
        _set_raw(register, member, notes=text, phone="-" if member == "arun" else "")
    _set_raw(register, "phairot", address="+66 53 123 456 (โทร)")
    rows = export_rows(register, out / f"u{suffix}", columns=["first_name", "notes", "phone",
                                                               "address"])  # fmt: skip
    cells = {str(row[0]): row for row in rows[1:]}
    for member, first in (("somchai", "สมชาย"), ("somying", "สมหญิง"), ("phairot", "ไพโรจน์"),
                          ("kesini", "เกศินี"), ("arun", "อรุณ")):  # fmt: skip
        assert unescape_cell(str(cells[first][1])) == notes[member], member
    assert cells["อรุณ"][1] == "''=เคยมีเครื่องหมาย"
    assert cells["อรุณ"][2] == "-"  # a lone dash is not a formula: left alone
    assert cells["ไพโรจน์"][3] == "'+66 53 123 456 (โทร)"


@pytest.mark.parametrize("chunks", ["fast", "careful"])
def test_a_stored_nul_is_left_out_of_csv_cells_and_the_rest_kept(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch, chunks: str
) -> None:
    """A NUL stored before the editor and the import dropped it (SQLite's printf stopped
    there: the rest of the cell was lost): the CSV cell holds the text around it; the
    workbook holds it whole."""
    if chunks == "careful":
        monkeypatch.setattr(em, "CAREFUL_AFTER", 0)  # every chunk quoted cell by cell
    _set_raw(register, "phairot", notes="ก่อน\x00หลัง, และต่อ", nickname="\x00=1+1")
    _set_raw(register, "kesini", notes="ปกติ")
    with register.database.session() as s:  # an organisation's name too
        s.connection().exec_driver_sql(
            "UPDATE organisation SET name = :name WHERE id ="
            " (SELECT organisation_id FROM member WHERE id = :id)",
            {"name": "เทศบาล\x00นครเชียงใหม่", "id": register.ids["phairot"]},
        )
        s.commit()
    columns = ["first_name", "nickname", "notes", "organisation"]
    csv_rows = by_first_name(export_rows(register, out / "n.csv", columns=columns))
    assert csv_rows["ไพโรจน์"]["หมายเหตุ"] == "ก่อนหลัง, และต่อ"
    assert csv_rows["ไพโรจน์"]["ชื่อเล่น"] == "'=1+1"  # escaped once the NUL is gone
    assert csv_rows["เกศินี"]["หมายเหตุ"] == "ปกติ"
    assert csv_rows["ไพโรจน์"]["หน่วยงาน"] == "เทศบาลนครเชียงใหม่"
    assert b"\x00" not in (out / "n.csv").read_bytes()
    xlsx_rows = by_first_name(export_rows(register, out / "n.xlsx", columns=columns))
    assert xlsx_rows["ไพโรจน์"]["หมายเหตุ"] == "ก่อน\x00หลัง, และต่อ"
    assert xlsx_rows["ไพโรจน์"]["หน่วยงาน"] == "เทศบาล\x00นครเชียงใหม่"


def test_a_cell_too_long_for_excel_is_refused_and_csv_takes_it(
    register: Register, out: Path
) -> None:
    long_notes = "ก" * 20_000 + "😀" * 6_384  # 32,768 UTF-16 units: one more than Excel holds
    _set_raw(register, "kesini", notes=long_notes)
    target = out / "long.xlsx"
    with pytest.raises(ExportError) as error:
        export_members(register.database, out_path=target)
    assert error.value.code == "cell_too_long"
    assert "notes" in error.value.message and "row 2" in error.value.message
    assert list(out.iterdir()) == []
    _set_raw(register, "kesini", notes=long_notes[:-1])  # 32,766 units fit
    rows = export_rows(register, target, columns=["first_name", "notes"])
    assert rows[1] == ["เกศินี", long_notes[:-1]]
    rows = export_rows(register, out / "long.csv", columns=["first_name", "notes"])
    assert rows[1] == ["เกศินี", long_notes[:-1]]


# --- which members, in which order -------------------------------------------------------------


def first_names(register: Register, path: Path, **options: object) -> list[str]:
    rows = export_rows(register, path, columns=["first_name"], **options)
    return [str(row[0]) for row in rows[1:]]


def test_filters_and_sort_are_the_registers(register: Register, out: Path) -> None:
    f = out / "f.csv"
    assert first_names(register, f, filters=MemberFilter(province_codes=(CHIANG_MAI,))) == [
        "เกศินี", "ไพโรจน์", "สมหญิง",
    ]  # fmt: skip
    assert first_names(register, f, filters=MemberFilter(statuses=("inactive", "pending"))) == [
        "ไพโรจน์", "อรุณ",
    ]  # fmt: skip
    assert first_names(register, f, filters=MemberFilter(text="สมชาย")) == ["สมชาย"]
    assert first_names(register, f, filters=MemberFilter(org_type_codes=("sao",))) == ["สมชาย"]
    by_phone = MemberSort(SortColumn.PHONE, descending=True)
    assert first_names(register, f, sort=by_phone) == [
        "สมหญิง", "สมชาย", "เกศินี", "ไพโรจน์", "อรุณ",
    ]  # fmt: skip


def test_selected_members_only_in_sort_order(register: Register, out: Path) -> None:
    ids = register.ids
    selected = [ids["somying"], ids["gone"], ids["kesini"], "no-such-id", ids["somying"]]
    assert first_names(register, out / "s.csv", member_ids=selected) == ["เกศินี", "สมหญิง"]
    assert first_names(register, out / "s.csv", member_ids=[]) == []
    assert first_names(
        register, out / "s.csv", member_ids=[ids["somchai"], ids["phairot"]],
        filters=MemberFilter(province_codes=(CHIANG_MAI,)),
    ) == ["ไพโรจน์"]  # fmt: skip


def test_nobody_matches_gives_a_header_only_file(register: Register, out: Path) -> None:
    for suffix in (".xlsx", ".csv"):
        rows = export_rows(register, out / f"e{suffix}", filters=MemberFilter(text="ไม่มีใครชื่อนี้"))
        assert rows == [THAI_HEADERS]


def test_session_or_database(register: Register, out: Path) -> None:
    with register.database.session() as session:
        result = export_members(session, out_path=out / "s.xlsx")
    assert result.count == 5
    assert read_xlsx(out / "s.xlsx") == export_rows(register, out / "d.xlsx")


def test_chunks_and_strengths_table_give_the_same_file(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = export_rows(register, out / "one.xlsx", include_personal=True)
    monkeypatch.setattr(em, "CHUNK", 2)
    monkeypatch.setattr(em, "STRENGTHS_TABLE_FROM", 0)
    assert export_rows(register, out / "many.xlsx", include_personal=True) == expected
    assert export_rows(register, out / "many.csv", include_personal=True) == expected
    with register.database.session() as s:
        temp = s.connection().exec_driver_sql("SELECT name FROM sqlite_temp_master").all()
    assert temp == []


# --- the .xlsx as a workbook ----------------------------------------------------------------------


def test_workbook_header_frozen_filtered_and_sized(register: Register, out: Path) -> None:
    path = out / "w.xlsx"
    export_members(register.database, out_path=path)
    archive = zipfile.ZipFile(path)
    sheet = archive.read(em.SHEET_PART).decode("utf-8")
    last = em._column_letters(len(THAI_HEADERS))[-1]
    assert f'<dimension ref="A1:{last}6"/>' in sheet
    assert re.search(r'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"',
                     sheet)  # fmt: skip
    assert f'<autoFilter ref="A1:{last}6"/>' in sheet
    widths: list[float] = []
    for first, last_col, width in re.findall(
        r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet
    ):  # xlsxwriter joins neighbours of the same width
        widths.extend([float(width)] * (int(last_col) - int(first) + 1))
    assert len(widths) == len(THAI_HEADERS)
    assert widths[0] < 14 < widths[THAI_HEADERS.index("ที่อยู่")]
    styles = archive.read("xl/styles.xml").decode("utf-8")
    assert "<b/>" in styles and 'formatCode="@"' in styles  # bold header, text format
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    assert 'name="สมาชิก"' in workbook
    assert "_xlnm._FilterDatabase" in workbook
    assert archive.testzip() is None


# --- refusals, cancel, whole files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"columns": ["national_id"]}, "personal_data_not_included"),
        ({"columns": ["first_name", "birth_date"]}, "personal_data_not_included"),
        ({"columns": ["first_name", "shoe_size"]}, "unknown_column"),
        ({"columns": []}, "no_columns"),
        ({"columns": [" "]}, "no_columns"),
        ({"fmt": "pdf"}, "unknown_format"),
        ({"era": "AD"}, "unknown_era"),
        ({"language": "fr"}, "unknown_language"),
    ],
)
def test_bad_requests_are_refused_before_writing(
    register: Register, out: Path, options: dict[str, object], code: str
) -> None:
    target = out / "x.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as error:
        export_members(register.database, out_path=target, **options)  # type: ignore[arg-type]
    assert error.value.code == code
    assert error.value.message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in out.iterdir()) == ["x.xlsx"]


def test_format_from_the_file_name(register: Register, out: Path) -> None:
    with pytest.raises(ExportError) as error:
        export_members(register.database, out_path=out / "members.txt")
    assert error.value.code == "unknown_format"
    result = export_members(register.database, out_path=out / "members.TXT", fmt="csv")
    assert read_csv(result.path)[0] == THAI_HEADERS
    export_members(register.database, out_path=out / "MEMBERS.XLSX")
    assert read_xlsx(out / "MEMBERS.XLSX")[0] == THAI_HEADERS


def test_destination_problems(register: Register, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    for target, detail, path in (
        (missing / "m.xlsx", "no_folder", missing),
        (tmp_path, "is_folder", tmp_path),
    ):
        with pytest.raises(ExportError) as error:
            export_members(register.database, out_path=target, fmt="xlsx")
        assert error.value.code == "cannot_write"
        # what the app needs to say it in the user's language
        assert (error.value.detail, error.value.path) == (detail, str(path))


def test_a_folder_that_refuses_the_file_is_no_permission(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "touch", refuse)  # as a read-only folder does (tests run as root)
    with pytest.raises(ExportError) as error:
        export_members(register.database, out_path=out / "m.xlsx")
    assert (error.value.code, error.value.detail) == ("cannot_write", "no_permission")
    assert error.value.path == str(out)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".vcf"])
def test_cancel_leaves_no_file_and_the_old_one_whole(
    register: Register, out: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(em, "CHUNK", 2)
    target = out / f"m{suffix}"
    target.write_bytes(b"last week's export")
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 4

    with pytest.raises(ExportCancelled):
        export_members(register.database, out_path=target, progress=progress)
    assert calls == [(0, 5), (2, 5), (4, 5)]
    assert target.read_bytes() == b"last week's export"
    assert sorted(p.name for p in out.iterdir()) == [target.name]


def test_progress_reaches_the_total(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(em, "CHUNK", 2)
    calls: list[tuple[int, int]] = []
    export_members(register.database, out_path=out / "m.csv",
                   progress=lambda done, total: calls.append((done, total)) is None)  # fmt: skip
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_an_error_while_writing_leaves_nothing(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> str:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(em._SheetRows, "xml", broken)
    with pytest.raises(sqlite3.OperationalError):
        export_members(register.database, out_path=out / "m.xlsx")
    assert list(out.iterdir()) == []


def test_the_file_gets_the_users_normal_permissions(register: Register, out: Path) -> None:
    previous = os.umask(0o022)
    try:
        export_members(register.database, out_path=out / "m.csv")
    finally:
        os.umask(previous)
    assert (out / "m.csv").stat().st_mode & 0o777 == 0o644


def test_csv_is_utf8_with_bom_and_crlf(register: Register, out: Path) -> None:
    path = out / "m.csv"
    export_members(register.database, out_path=path, columns=["first_name", "address"])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + "ชื่อ,ที่อยู่\r\n".encode())
    records = data[3:].split(b"\r\n")
    assert records[-1] == b"" and len(records) == 7  # header + 5 members, each ended by CRLF
    expected = 'สมชาย,"99/1 หมู่ 2, ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น 40000"'
    assert records[3] == expected.encode()


def test_default_columns_helper() -> None:
    assert len(default_columns()) == len(EXPORT_COLUMNS) - 3  # no personal data, no groups
    assert default_columns(include_personal=True) == tuple(
        c.key for c in EXPORT_COLUMNS if c.key != "groups"
    )


# --- SQL formatting agrees with db.thai ----------------------------------------------------------


def test_sql_phone_and_id_grouping_match_db_thai() -> None:
    connection = sqlite3.connect(":memory:")
    phones = ["0812345678", "0612345678", "021234567", "053123456", "0431234567",
              "-", "", "12345", "081234567x", "+66812345678", "0๘12345678"]  # fmt: skip
    for phone in phones:
        (grouped,) = connection.execute(
            f"WITH t(x) AS (SELECT ?) SELECT {em.phone_sql('x')} FROM t", (phone,)
        ).fetchone()
        try:
            expected = format_phone(phone) if phone.isascii() and phone.isdigit() else phone
        except ValueError:
            expected = phone
        assert grouped == expected, phone
    for number in ["0100000000018", "1101700203450", "12345", "110170020345x", ""]:
        (grouped,) = connection.execute(
            f"WITH t(x) AS (SELECT ?) SELECT {em.national_id_sql('x')} FROM t", (number,)
        ).fetchone()
        expected = format_national_id(number) if len(number) == 13 and number.isdigit() else number
        assert grouped == expected, number
    (null,) = connection.execute(f"SELECT {em.phone_sql('NULL')}").fetchone()
    assert null == ""


def test_a_database_path_that_is_new_works(tmp_path: Path) -> None:
    database: Database = open_database(tmp_path / "empty.sqlite")
    try:
        result = export_members(database, out_path=tmp_path / "none.xlsx")
    finally:
        database.dispose()
    assert result.count == 0
    assert read_xlsx(tmp_path / "none.xlsx") == [THAI_HEADERS]


def _local_extra(path: Path, name: str) -> bytes:
    """The extra field of ``name``'s local header in the zip file (ZIP64 sizes live there)."""
    import struct

    info = zipfile.ZipFile(path).getinfo(name)
    with path.open("rb") as handle:
        handle.seek(info.header_offset)
        header = handle.read(30)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        handle.seek(info.header_offset + 30 + name_length)
        return handle.read(extra_length)


def test_zip64_only_when_the_sheet_may_need_it(
    register: Register, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    normal = out / "normal.xlsx"
    export_members(register.database, out_path=normal)
    assert not _local_extra(normal, em.SHEET_PART).startswith(b"\x01\x00")  # no ZIP64 field
    monkeypatch.setattr(em, "ZIP64_FROM", 2_000)  # as if the sheet were huge
    huge = out / "huge.xlsx"
    export_members(register.database, out_path=huge)
    assert _local_extra(huge, em.SHEET_PART).startswith(b"\x01\x00")
    assert read_xlsx(huge) == read_xlsx(normal)
