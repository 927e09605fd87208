"""Messy member sheets for the import tests, made the way real ones arrive.

Each builder writes a file and returns its path; the layout each test relies on is spelled
out here (row numbers are the ones the spreadsheet shows).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import xlsxwriter

from db.engine import Database
from db.members.edit import save_member
from db.members.types import MemberInput
from db.organisations import save_organisation
from db.thai.digits import to_thai_digits
from db.thai.national_id import check_digit

ZWSP = "\u200b"


def national_id(first_twelve: str) -> str:
    """A valid 13-digit ID from 12 digits."""
    return first_twelve + check_digit(first_twelve)


def dashed(number: str) -> str:
    return f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"


def bad_checksum(number: str) -> str:
    return number[:12] + str((int(number[12]) + 1) % 10)


ID_SOMCHAI = national_id("110170020743")
ID_SOMYING = national_id("310050012345")
ID_PRAYUT = national_id("550060011111")
ID_MANA = national_id("170090022222")  # already in the register
ID_THANA = national_id("360020033333")
ID_SUDA = national_id("380010044444")
ID_PRASERT = national_id("150030055555")
ID_KENG = national_id("120040066666")
ID_MALEE_BKK = national_id("110080077777")
ID_NOK = national_id("140050088888")

# Organisations in the test register (province codes: 10 Bangkok, 30 Nakhon Ratchasima,
# 41 Udon Thani).
ORGANISATIONS = (
    ("sao", "องค์การบริหารส่วนตำบลบ้านใหม่", 30),
    ("subdistrict_municipality", "เทศบาลตำบลหนองบัว", 41),
    ("city_municipality", "เทศบาลนครนครราชสีมา", 30),
    ("bangkok", "กรุงเทพมหานคร", 10),
)


def seed_register(database: Database) -> dict[str, str]:
    """The organisations above, and two members the messy sheet duplicates: name -> id."""
    ids: dict[str, str] = {}
    with database.session() as session:
        for type_code, name, province in ORGANISATIONS:
            ids[name] = save_organisation(
                session, type_code=type_code, name=name, province_code=province
            )
        ids["มานะ"] = save_member(session, data=MemberInput(
            prefix="นาย", first_name="มานะ", last_name="อดทน", national_id=ID_MANA,
            organisation_id=ids["เทศบาลนครนครราชสีมา"], position="นิติกร",
        ))  # fmt: skip
        ids["วันดี"] = save_member(session, data=MemberInput(
            prefix="นาง", first_name="วันดี", last_name="มีชัย",
            organisation_id=ids["องค์การบริหารส่วนตำบลบ้านใหม่"],
        ))  # fmt: skip
    return ids


# The messy sheet: column A left empty, a merged title on row 1, a note on row 2, a blank row 3,
# the header on row 4 with "การติดต่อ" merged over two columns and named by a sub-header on row 5
# ("มือถือ" / "อีเมล"), data from row 6 with a blank row in the middle.
MESSY_HEADERS = (
    "ลำดับ", "ชื่อ - นามสกุล", "เลขประจำตัวประชาชน", "วัน/เดือน/ปีเกิด", "การติดต่อ", "",
    "ตำแหน่ง", "สังกัด", "จังหวัด", "วันที่สมัคร", "ความเชี่ยวชาญ",
)  # fmt: skip
MESSY_SUB_HEADERS = ("", "", "", "", "มือถือ", "อีเมล", "", "", "", "", "")
# Expected outcome per data row (spreadsheet row number).
MESSY_EXPECTED_ERRORS = {
    8: "invalid_national_id",
    10: "invalid_phone",
    11: "missing_name",
    12: "unknown_province",
    13: "invalid_email",
    15: "invalid_date",
}
MESSY_EXPECTED_WARNINGS = {
    17: "organisation_fuzzy_match",
    18: "organisation_created",
    19: "organisation_unknown",
    20: "be_year_in_date",
}
MESSY_DUPLICATE_IN_FILE = {14: 6}  # row 14 repeats row 6 (same national ID)
MESSY_DUPLICATE_EXISTING = {22: "same_national_id", 23: "same_name_and_organisation"}
MESSY_IMPORTED_ROWS = (6, 7, 16, 17, 18, 19, 20, 21, 24)  # with skip for duplicates


def messy_rows() -> list[tuple[object, ...]]:
    """The data rows (from row 6); a value of None leaves the cell empty; ("serial", n) writes
    a plain number; ("date", d) a date cell; the rest is text."""
    return [
        # 6: full name with prefix, dashed ID, Thai short month BE, Excel serial for joined
        (1, "นายสมชาย ใจดี", dashed(ID_SOMCHAI), "2 ต.ค. 2520", "081-234-5678",
         "somchai@example.com", "ปลัด อบต.", "อบต.บ้านใหม่", "โคราช", ("serial", 41640),
         "การเงินการคลัง, กฎหมายท้องถิ่น"),
        # 7: zero-width space and double spaces, Thai digits, numeric BE date, a date cell
        (2, f"นางสาว{ZWSP}สมหญิง  รักไทย ", to_thai_digits(ID_SOMYING), "02/10/2525",
         to_thai_digits("089 123 4567"), "", "นักวิเคราะห์นโยบายและแผน", "ทต.หนองบัว",
         "อุดรธานี", ("date", dt.date(2017, 1, 15)), ""),
        # 8: stacked prefixes, bad check digit
        (3, "ว่าที่ ร.ต. ดร. ประยุทธ มั่นคง", dashed(bad_checksum(ID_PRAYUT)), "1 มกราคม 2515",
         "0812345679", "", "ผู้อำนวยการกองช่าง", "เทศบาลนครนครราชสีมา", "นครราชสีมา", None, ""),
        None,  # 9: blank row
        # 10: ISO BE date, broken phone
        (5, "นางมาลี ศรีสุข", "", "2510-10-02", "12345", "", "", "", "", None, ""),
        # 11: no name at all
        (6, None, "", "", "0891112222", "", "นิติกร", "", "", None, ""),
        # 12: a province that does not exist
        (7, "นายวิชัย เก่งกาจ", "", "", "", "", "", "อบต.บ้านใหม่", "เมืองลับแล", None, ""),
        # 13: bad e-mail
        (8, "นายเอก ทดสอบ", "", "", "", "bad@", "", "", "", None, ""),
        # 14: row 6 again (same ID, written without dashes)
        (9, "นายสมชาย ใจดี", ID_SOMCHAI, "", "", "", "", "", "", None, ""),
        # 15: 31 February
        (10, "นางสาวกานดา มีสุข", "", "31 ก.พ. 2530", "", "", "", "", "", None, ""),
        # 16: exact full organisation name, phone stored as a number (leading 0 lost)
        (11, "นายธนา พัฒนา", ID_THANA, "", ("serial", 812223333), "", "", "เทศบาลนครนครราชสีมา",
         "นครราชสีมา", None, ""),
        # 17: a misspelt organisation (ไหม่ for ใหม่): fuzzy match
        (12, "นางสุดา ใจงาม", ID_SUDA, "", "", "", "", "อบต. บ้านไหม่", "จ.นครราชสีมา", None, ""),
        # 18: an organisation not in the register, type and province known: created
        (13, "นายประเสริฐ ดีมาก", ID_PRASERT, "", "", "", "", "อบต.ท่าช้าง", "เชียงใหม่", None, ""),
        # 19: an organisation that cannot be matched or created (no type, no province)
        (14, "นายเก่ง กล้า", ID_KENG, "", "", "", "", "ชมรมคนรักถิ่น", "", None, ""),
        # 20: a BE year typed into a date cell (Excel keeps the year 2530)
        (15, "นางนก บินสูง", ID_NOK, ("date", dt.date(2530, 5, 1)), "", "", "", "", "", None, ""),
        # 21: Bangkok by its abbreviation, organisation by the Bangkok type abbreviation
        (16, "นางมาลี กรุงเทพ", ID_MALEE_BKK, "", "", "", "", "กทม.", "กทม.", None, ""),
        # 22: already in the register (same ID), with a new phone number
        (17, "นายมานะ อดทน", dashed(ID_MANA), "", "0899999999", "", "", "", "", None, ""),
        # 23: already in the register by name and organisation
        (18, "นางวันดี มีชัย", "", "", "0877777777", "", "", "อบต.บ้านใหม่", "นครราชสีมา", None,
         ""),
        # 24: an English name with an English prefix
        (19, "Mr. John Smith", "", "", "", "john@example.org", "", "", "", None, ""),
    ]  # fmt: skip


def _write_cell(sheet, row: int, column: int, value: object, date_format, text_format) -> None:
    if value is None:
        return
    if isinstance(value, tuple) and value[0] == "serial":
        sheet.write_number(row, column, value[1])
    elif isinstance(value, tuple) and value[0] == "date":
        d = value[1]
        sheet.write_datetime(row, column, dt.datetime(d.year, d.month, d.day), date_format)
    elif isinstance(value, int):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value), text_format)


def write_messy_xlsx(path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    text_format = workbook.add_format({"num_format": "@"})
    notes = workbook.add_worksheet("คำอธิบาย")
    notes.write_string(0, 0, "ไฟล์นี้มีรายชื่อสมาชิกในแผ่นงานถัดไป")
    sheet = workbook.add_worksheet("สมาชิก 2567")
    first = 1  # column B
    sheet.merge_range(0, first, 0, first + 10, "ทะเบียนสมาชิกสมาคมปลัด อปท. ประจำปี ๒๕๖๗", bold)
    sheet.write_string(1, first, "ข้อมูล ณ วันที่ 1 ต.ค. 2567")
    for offset, name in enumerate(MESSY_HEADERS):
        if name and offset != 4:
            sheet.write_string(3, first + offset, name, bold)
    sheet.merge_range(3, first + 4, 3, first + 5, "การติดต่อ", bold)
    for offset, name in enumerate(MESSY_SUB_HEADERS):
        if name:
            sheet.write_string(4, first + offset, name, bold)
    for index, values in enumerate(messy_rows()):
        if values is None:
            continue
        for offset, value in enumerate(values):
            _write_cell(sheet, 5 + index, first + offset, value, date_format, text_format)
    workbook.close()
    return path


# A plain CSV layout, written in several encodings and delimiters.
CSV_HEADER = ("คำนำหน้า", "ชื่อ", "นามสกุล", "เลขบัตรประชาชน", "วันเกิด", "โทรศัพท์", "จังหวัด",
              "สังกัด")  # fmt: skip
CSV_ROWS = (
    ("นาย", "สมศักดิ์", "ทองดี", dashed(national_id("310010012345")), "5 มี.ค. 2519",
     "081-111-2222", "นครราชสีมา", "อบต.บ้านใหม่"),
    ("นางสาว", "ปราณี", "ศรีงาม", national_id("410020023456"), "๑๒/๐๘/๒๕๒๘", "๐๘๙๒๒๒๓๓๓๓",
     "อุดรธานี", "ทต.หนองบัว"),
    ("นาง", "ลำดวน", "ใจเย็น", "1234567890123", "2528-13-45", "021234567", "กรุงเทพฯ",
     "กรุงเทพมหานคร"),
)  # fmt: skip
CSV_EXPECTED_ERRORS = {4: {"invalid_national_id", "invalid_date"}}


def csv_text(delimiter: str = ",") -> str:
    def quote(value: str) -> str:
        return f'"{value}"' if delimiter in value or '"' in value else value

    lines = [delimiter.join(quote(v) for v in row) for row in (CSV_HEADER, *CSV_ROWS)]
    return "\r\n".join(lines) + "\r\n"


def write_csv(path: Path, *, encoding: str, delimiter: str = ",") -> Path:
    path.write_bytes(csv_text(delimiter).encode(encoding))
    return path


def write_simple_xlsx(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], *, sheet: str = "Sheet1"
) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    text_format = workbook.add_format({"num_format": "@"})
    for column, name in enumerate(header):
        worksheet.write_string(0, column, name)
    for index, values in enumerate(rows):
        for column, value in enumerate(values):
            _write_cell(worksheet, index + 1, column, value, date_format, text_format)
    workbook.close()
    return path


def write_ods(path: Path, rows: Sequence[Sequence[str]], *, sheet: str = "สมาชิก") -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, without LibreOffice)."""
    cells_xml = []
    for row in rows:
        cells = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
            "</table:table-cell>" if v else "<table:table-cell/>"
            for v in row
        )
        cells_xml.append(f"<table:table-row>{cells}</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        f"{''.join(cells_xml)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )  # fmt: skip
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def write_encrypted_lookalike(path: Path) -> Path:
    """The start of an OLE2 compound file naming an EncryptedPackage stream, as Excel writes a
    password-protected .xlsx (enough for the reader to recognise it)."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    directory = "EncryptedPackage".encode("utf-16-le") + bytes(64)
    path.write_bytes(header + directory + bytes(1024))
    return path
