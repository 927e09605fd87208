"""Reading sheets: formats, encodings, delimiters, clear errors; headers; column mapping."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
import xlsxwriter

from db.engine import open_database
from db.io.headers import detect_header
from db.io.mapping import (
    FIELD_LABELS_EN,
    FIELD_LABELS_TH,
    FIELDS,
    ColumnMapping,
    HeaderMatch,
    auto_map,
    header_signature,
    load_mapping,
    match_header,
    save_mapping,
)
from db.io.readers import ImportFileError, decode_text, list_sheets, read_table, sniff_delimiter
from tests.db.io.fixtures_import import (
    CSV_HEADER,
    CSV_ROWS,
    MESSY_HEADERS,
    write_csv,
    write_encrypted_lookalike,
    write_messy_xlsx,
    write_ods,
    write_simple_xlsx,
)


def error_code(path: Path, **kwargs: object) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    assert caught.value.message and "Traceback" not in caught.value.message
    return caught.value.code


# --- spreadsheets ------------------------------------------------------------------------------


def test_messy_xlsx_keeps_spreadsheet_row_numbers_and_columns(tmp_path: Path) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    assert list_sheets(path) == ["คำอธิบาย", "สมาชิก 2567"]
    table = read_table(path, sheet="สมาชิก 2567")
    assert table.sheet == "สมาชิก 2567"
    assert table.first_column == 1 and table.column_letter(0) == "B"
    assert table.rows[0][0].startswith("ทะเบียนสมาชิก")  # row 1: the title
    assert table.rows[3][1] == "ชื่อ - นามสกุล"  # row 4: the header
    assert table.rows[5][1] == "นายสมชาย ใจดี"  # row 6: the first member
    assert all(cell == "" for cell in table.rows[8])  # row 9: blank
    assert table.rows[5][9] == 41640.0  # an Excel serial stays a number
    assert table.rows[6][9] == dt.date(2017, 1, 15)  # a date cell arrives as a date
    assert ((3, 5), (3, 6)) in table.merged  # "การติดต่อ" over F4:G4


def test_without_a_sheet_name_the_member_sheet_is_chosen(tmp_path: Path) -> None:
    table = read_table(write_messy_xlsx(tmp_path / "messy.xlsx"))
    assert table.sheet == "สมาชิก 2567"  # not the first sheet, which holds a note
    assert error_code(tmp_path / "messy.xlsx", sheet="ไม่มี") == "sheet_not_found"


def test_ods_is_read(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "m.ods", [list(CSV_HEADER), *[list(r) for r in CSV_ROWS]])
    assert list_sheets(path) == ["สมาชิก"]
    table = read_table(path)
    assert table.rows[0][1] == "ชื่อ" and table.rows[1][1] == "สมศักดิ์"
    assert len(table.rows) == 1 + len(CSV_ROWS)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("nothing.xlsx", None, "file_not_found"),
        ("empty.csv", b"", "empty_file"),
        ("broken.xlsx", b"this is not a spreadsheet at all", "unreadable_file"),
        ("zip.xlsx", b"PK\x03\x04" + bytes(200), "unreadable_file"),
        ("report.pdf", b"%PDF-1.4 ...", "unsupported_format"),
        ("binary.csv", b"a,b\x00\x01\x02c", "unsupported_format"),
        ("spaces.csv", b" \r\n \r\n", "empty_sheet"),
    ],
)
def test_unusable_files_give_a_code_not_a_traceback(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert error_code(path) == code


def test_password_protected_workbook(tmp_path: Path) -> None:
    assert error_code(write_encrypted_lookalike(tmp_path / "locked.xlsx")) == "password_protected"


def test_workbook_without_data(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("ว่าง")
    workbook.close()
    assert error_code(path) == "empty_sheet"
    assert error_code(path, sheet="ว่าง") == "empty_sheet"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "x.csv"
    folder.mkdir()
    assert error_code(folder) == "unreadable_file"


# --- text files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "found"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874")]
)
def test_csv_encodings_give_the_same_thai(tmp_path: Path, encoding: str, found: str) -> None:
    table = read_table(write_csv(tmp_path / f"{encoding}.csv", encoding=encoding))
    assert table.encoding == found
    assert table.rows[0] == list(CSV_HEADER)  # no BOM left on the first header
    assert [tuple(row) for row in table.rows[1:]] == list(CSV_ROWS)


def test_tis620_bytes_are_never_read_as_another_encoding() -> None:
    thai = "นางสาวสมหญิง รักไทย ต.ค. ๒๕๖๗ องค์การบริหารส่วนตำบล"
    data = thai.encode("tis-620")
    assert decode_text(data) == (thai, "cp874")
    # A short sample that is valid in many single-byte encodings still decodes as Thai.
    assert decode_text("ชื่อ".encode("cp874"))[0] == "ชื่อ"


def test_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = "ชื่อ\tนามสกุล\r\nสมชาย\tใจดี\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    table = read_table(path)
    assert table.delimiter == "\t" and table.rows == [["ชื่อ", "นามสกุล"], ["สมชาย", "ใจดี"]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    table = read_table(write_csv(tmp_path / "d.csv", encoding="utf-8", delimiter=delimiter))
    assert table.delimiter == delimiter
    assert table.rows[1][:3] == ["นาย", "สมศักดิ์", "ทองดี"]


def test_commas_inside_quotes_do_not_fool_the_sniffer() -> None:
    text = 'ชื่อ;ที่อยู่;จังหวัด\nสมชาย;"12 หมู่ 3, ต.บ้านใหม่";โคราช\nสุดา;"5, ถนนมิตรภาพ";ขอนแก่น\n'
    assert sniff_delimiter(text) == ";"


# --- headers -----------------------------------------------------------------------------------


def test_header_under_a_title_with_a_merged_two_row_header(tmp_path: Path) -> None:
    table = read_table(write_messy_xlsx(tmp_path / "messy.xlsx"))
    header = detect_header(table)
    assert header.row_number == 4
    assert header.sub_header_index == 4  # row 5
    assert header.data_start == 5  # data from row 6
    expected = list(MESSY_HEADERS)
    expected[4:6] = ["มือถือ", "อีเมล"]
    assert list(header.names) == expected


def test_split_name_under_a_merged_name_header(tmp_path: Path) -> None:
    path = tmp_path / "split.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write(0, 0, "รายชื่อผู้เข้าร่วม")
    sheet.write(2, 0, "ที่")
    sheet.merge_range(2, 1, 2, 3, "ชื่อ-สกุล")
    sheet.write(2, 4, "ที่อยู่")
    sheet.merge_range(2, 5, 2, 6, "หมายเหตุ")
    for column, name in ((1, "คำนำหน้า"), (2, "ชื่อ"), (3, "นามสกุล")):
        sheet.write(3, column, name)
    sheet.write_row(4, 0, [1, "นาย", "สมชาย", "ใจดี", "12 หมู่ 3", "ก", "ข"])
    workbook.close()
    header = detect_header(read_table(path))
    assert header.row_number == 3 and header.data_start == 4
    assert header.names == ("ที่", "คำนำหน้า", "ชื่อ", "นามสกุล", "ที่อยู่", "หมายเหตุ", "หมายเหตุ (2)")
    assert auto_map(header.names).columns == {
        1: "prefix", 2: "first_name", 3: "last_name", 4: "address", 5: "notes",
    }  # fmt: skip


def test_a_data_row_under_the_header_is_not_a_sub_header(tmp_path: Path) -> None:
    path = write_simple_xlsx(
        tmp_path / "s.xlsx", ["ชื่อ", "นามสกุล", "ตำแหน่ง"], [["ตำแหน่ง", "ชื่อ", "นิติกร"]]
    )
    header = detect_header(read_table(path))
    assert header.row_number == 1 and header.sub_header_index is None and header.data_start == 1


def test_header_row_chosen_by_the_user_and_sheets_without_known_names(tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "s.xlsx", ["รหัส", "คำอธิบาย"], [["1", "a"], ["2", "b"]])
    table = read_table(path)
    assert detect_header(table).row_number == 1  # no known name: first row with two cells
    assert detect_header(table, header_row=2).names == ("1", "a")
    with pytest.raises(ImportFileError) as caught:
        detect_header(table, header_row=9)
    assert caught.value.code == "no_header"


# --- mapping -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ชื่อ", "first_name"),
        ("ชื่อจริง", "first_name"),
        ("นามสกุล", "last_name"),
        ("สกุล", "last_name"),
        ("ชื่อ-สกุล", "full_name"),
        ("ชื่อ - นามสกุล", "full_name"),
        ("คำนำหน้า", "prefix"),
        ("คำนำหน้าชื่อ", "prefix"),
        ("เลขบัตรประชาชน", "national_id"),
        ("เลขประจำตัวประชาชน", "national_id"),
        ("เลขบัตร", "national_id"),
        ("วันเกิด", "birth_date"),
        ("วัน/เดือน/ปีเกิด", "birth_date"),
        ("โทรศัพท์", "phone"),
        ("มือถือ", "phone"),
        ("เบอร์โทร", "phone"),
        ("อีเมล", "email"),
        ("E-mail", "email"),
        ("ไลน์", "line_id"),
        ("Line ID", "line_id"),
        ("ตำแหน่ง", "position"),
        ("สังกัด", "organisation_name"),
        ("หน่วยงาน", "organisation_name"),
        ("อปท.", "organisation_name"),
        ("จังหวัด", "province"),
        ("อำเภอ", "district"),
        ("เลขสมาชิก", "membership_no"),
        ("วันที่สมัคร", "joined_on"),
        (" First Name ", "first_name"),
        ("SURNAME", "last_name"),
        ("อี\u200bเมล", "email"),
        ("ชื่อ (Name)", "first_name"),
        ("๑. ชื่อ", "first_name"),
        ("(2) นามสกุล", "last_name"),
        ("ลำดับ", "ignore"),
        ("สีที่ชอบ", None),
    ],
)
def test_header_synonyms(header: str, field: str | None) -> None:
    found = match_header(header)
    assert (found.field if found else None) == field
    if found is not None:
        assert not found.fuzzy


def test_fuzzy_header_is_flagged() -> None:
    found = match_header("เลขประจำตัวประชาชาน")  # a typo
    assert found is not None and found.field == "national_id" and found.fuzzy
    mapping = auto_map(["ชื่อ", "นามสกุล", "เลขประจำตัวประชาชาน"])
    assert mapping.columns[2] == "national_id" and mapping.fuzzy == frozenset({2})


def test_every_field_a_column_can_fill_is_named_in_thai_and_english() -> None:
    assert set(FIELD_LABELS_TH) == set(FIELD_LABELS_EN) == set(FIELDS)
    assert FIELD_LABELS_EN["national_id"] == "National ID"
    assert all(label.isascii() for label in FIELD_LABELS_EN.values())


@pytest.mark.parametrize("labels", [FIELD_LABELS_TH, FIELD_LABELS_EN], ids=["th", "en"])
def test_the_apps_own_field_labels_map_back_to_their_fields(labels: dict[str, str]) -> None:
    # A sheet whose headers were typed from the wizard's labels ("Role in the group",
    # "Membership expires") maps without a question.
    for field, label in labels.items():
        assert match_header(label) == HeaderMatch(field, 100.0, fuzzy=False), label


def test_auto_map_takes_each_field_once_and_a_lone_name_column_as_full_name() -> None:
    assert auto_map(["ลำดับ", "ชื่อ", "เบอร์โทร", "โทรศัพท์"]).columns == {1: "full_name", 2: "phone"}
    mapping = ColumnMapping({0: "first_name"})
    assert mapping.with_column(1, "first_name").columns == {1: "first_name"}
    assert mapping.with_column(0, None).columns == {}
    with pytest.raises(ValueError, match="both mapped"):
        ColumnMapping({0: "phone", 1: "phone"})
    with pytest.raises(ValueError, match="not a field"):
        ColumnMapping({0: "salary"})


def test_saved_mapping_is_found_by_header_layout(tmp_path: Path) -> None:
    database = open_database(tmp_path / "t.sqlite")
    headers = ["รหัส", "ชื่อ-สกุล", "หมายเลข"]
    mapping = ColumnMapping({0: "membership_no", 1: "full_name", 2: "phone"})
    with database.session() as session:
        assert load_mapping(session, headers=headers) is None
        save_mapping(session, headers=headers, mapping=mapping)
    with database.session() as session:
        # Spacing and case of the names do not matter; the order does.
        assert load_mapping(session, headers=["รหัส ", "ชื่อ - สกุล", "หมายเลข"]) == mapping
        assert load_mapping(session, headers=["ชื่อ-สกุล", "รหัส", "หมายเลข"]) is None
    # An error report adds its reason and row columns at the right: same layout.
    assert header_signature([*headers, "เหตุผลที่นำเข้าไม่ได้ (Reason)", "แถวในไฟล์เดิม (Row)"]) == (
        header_signature(headers)
    )
    database.dispose()


def test_a_table_cache_reads_an_unchanged_file_once(tmp_path: Path) -> None:
    import os

    from db.io import readers
    from db.io.readers import TableCache, read_table
    from tests.db.io.fixtures_import import write_messy_xlsx

    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    cache = TableCache()
    first = read_table(path, cache=cache)  # the best sheet, asked for without a name
    assert read_table(path, cache=cache) is first
    assert read_table(path, sheet=first.sheet, cache=cache) is first  # then by its name
    assert cache.hits == 2
    assert read_table(path, sheet=first.sheet, max_rows=5, cache=cache) is not first
    assert read_table(path, cache=cache) is not first  # one table kept: read again
    again = read_table(path, cache=cache)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # saved again
    changed = read_table(path, cache=cache)
    assert changed is not again and changed.rows == again.rows
    cache.release()
    assert cache.get(TableCache.key(path, None, None)) is None
    assert readers.read_table(path).rows == first.rows  # no cache: as before


def test_release_frees_the_cached_rows_and_forgets_them(tmp_path: Path) -> None:
    from db.io.readers import TableCache, read_table
    from tests.db.io.fixtures_import import write_messy_xlsx

    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    cache = TableCache()
    table = read_table(path, cache=cache)
    assert table.rows
    cache.release()
    assert table.rows == []  # freed a slice at a time
    assert cache.get(TableCache.key(path, None, None)) is None
    cache.release()  # nothing held: nothing to do


def test_bulk_work_leaves_its_survivors_out_of_the_collector() -> None:
    import gc

    from db.io import collector

    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with collector.paused():
            assert not gc.isenabled()
            kept = [[str(n)] for n in range(1_000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)  # not walked by the next pass
    finally:
        gc.unfreeze()
    collector.trim_heap()  # harmless anywhere (a no-op without glibc)


def test_release_empties_lists_dicts_and_sets_in_slices() -> None:
    from db.io import collector

    rows = [[str(n)] for n in range(2_345)]
    seen = {n: (n, True) for n in range(1_234)}
    keys = set(range(1_001))
    collector.release(rows, seen, keys)
    assert rows == [] and seen == {} and keys == set()


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("cp874", "\t")])
def test_text_saved_under_a_spreadsheets_name_is_read_as_text(
    tmp_path: Path, suffix: str, encoding: str, delimiter: str
) -> None:
    """Some programs export tab-separated text named .xls; a CSV renamed .xlsx is the same."""
    path = tmp_path / f"export{suffix}"
    lines = ["ชื่อ-สกุล{d}จังหวัด", "นายสมชาย ใจดี{d}ขอนแก่น", "นางสมศรี มีสุข{d}เลย"]
    path.write_bytes("\r\n".join(line.format(d=delimiter) for line in lines).encode(encoding))
    assert list_sheets(path) == [""]
    table = read_table(path)
    assert table.rows == [["ชื่อ-สกุล", "จังหวัด"], ["นายสมชาย ใจดี", "ขอนแก่น"],
                          ["นางสมศรี มีสุข", "เลย"]]  # fmt: skip


def test_a_web_page_saved_under_a_spreadsheets_name_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_text(
        "<html><body><table><tr><td>ชื่อ</td><td>จังหวัด</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert error_code(path) == "web_page"
