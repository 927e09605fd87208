"""Every row problem an import reports is said in Thai as precisely as in English: which case
of the problem it is and the values concerned, not only its kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.engine import Database
from db.io.import_members import import_members
from db.io.import_problems import problems_of_file
from db.io.issue_texts import _TEMPLATES_TH, MESSAGES_TH, thai_issue_text, thai_text_of
from tests.db.io.fixtures_import import (
    MESSY_EXPECTED_WARNINGS,
    national_id,
    write_messy_xlsx,
    write_simple_xlsx,
)

ROOT = Path(__file__).resolve().parents[3]
HEADER = ["ชื่อ - นามสกุล", "เลขประจำตัวประชาชน", "วันเกิด", "มือถือ", "จังหวัด", "อำเภอ",
          "ประเภท อปท.", "หน่วยงาน", "กลุ่ม", "บทบาทในกลุ่ม", "เพศ", "เลขสมาชิก",
          "วันที่สมัคร", "วันหมดอายุสมาชิก"]  # fmt: skip
# Row number as the sheet shows it -> (cells by header, the code, the Thai text expected).
CASES: dict[int, tuple[dict[str, object], str, str]] = {
    2: ({"เลขประจำตัวประชาชน": "1-2345-67890"}, "invalid_national_id",
        "เลขประจำตัวประชาชนต้องมี 13 หลัก แต่ช่องนี้มี 10 หลัก"),
    3: ({"เลขประจำตัวประชาชน": "1-2345-6789O-12-3"}, "invalid_national_id",
        "เลขประจำตัวประชาชนต้องเป็นตัวเลข (มีเว้นวรรคหรือขีดคั่นได้) แต่ช่องนี้มีตัวอักษรอื่นปน"),
    4: ({"วันเกิด": "ไม่ทราบ"}, "invalid_date",
        "อ่านเป็นวันที่ไม่ได้ ให้เขียนแบบ 2 ต.ค. 2557, 2 ตุลาคม 2557 หรือ 02/10/2557"),
    5: ({"วันเกิด": "2 ตุลาก 2530"}, "invalid_date",
        "ไม่รู้จักชื่อเดือนในวันที่นี้ ให้เขียนแบบ ต.ค. หรือ ตุลาคม"),
    6: ({"วันเกิด": "2 ต.ค. 1700"}, "invalid_date",
        "ปีในวันที่นี้ไม่ถูกต้อง ให้ใช้ปี พ.ศ. (ตั้งแต่ 2400) หรือปี ค.ศ. (หลัง 1800)"),
    7: ({"วันเกิด": 2525}, "date_year_only",
        "“2525” มีแต่ปี ไม่มีวันและเดือน จึงไม่ได้บันทึกวันเกิด แต่บันทึกปีไว้ในหมายเหตุ"),
    8: ({"วันเกิด": "31/02/2530"}, "invalid_date", "ไม่มีวันที่นี้ในปฏิทิน (วันหรือเดือนเกิน)"),
    9: ({"วันเกิด": "2/10/2300"}, "invalid_date",
        "ปี 2300 เป็นไปไม่ได้ อาจพิมพ์ปี พ.ศ. ลงในช่องวันที่แบบ ค.ศ. (พ.ศ. 2300 คือ ค.ศ. 1757)"),
    10: ({"วันเกิด": "2 ต.ค. 2599"}, "invalid_date", "วันที่นี้ยังมาไม่ถึง (เป็นวันในอนาคต)"),
    11: ({"วันเกิด": "2 ต.ค. 2440"}, "invalid_date",
         "วันเกิดก่อนปี ค.ศ. 1900 (พ.ศ. 2443) ซึ่งเป็นไปไม่ได้"),
    12: ({"วันเกิด": "1 ม.ค. 2565"}, "invalid_date", "วันเกิดนี้ทำให้สมาชิกอายุไม่ถึง 15 ปี"),
    13: ({"วันที่สมัคร": "1 ม.ค. 2560", "วันหมดอายุสมาชิก": "1 ม.ค. 2550"}, "invalid_date",
         "วันหมดอายุสมาชิกอยู่ก่อนวันที่สมัคร"),
    14: ({"มือถือ": "+1 555 123 4567"}, "invalid_phone",
         "รับเฉพาะหมายเลขโทรศัพท์ในประเทศไทย (+66)"),
    15: ({"มือถือ": "081-234-567"}, "invalid_phone",
         "หมายเลขโทรศัพท์มีจำนวนหลักไม่ถูกต้อง: มือถือ 10 หลัก โทรศัพท์บ้าน 9 หลัก"
         " (รวมเลข 0 ตัวหน้า)"),
    16: ({"มือถือ": "08l-234-5678"}, "invalid_phone",
         "หมายเลขโทรศัพท์มีได้แต่ตัวเลข เว้นวรรค จุด ขีด วงเล็บ + นำหน้า และเบอร์ต่อหลังคำว่า"
         " “ต่อ” (ช่องละหนึ่งหมายเลข)"),
    17: ({"มือถือ": "1234567890"}, "invalid_phone",
         "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 06, 08 หรือ 09 (มือถือ) หรือ 02 ถึง 07 (โทรศัพท์บ้าน)"),
    18: ({"จังหวัด": "เมืองลับแล"}, "unknown_province", "ไม่พบจังหวัดชื่อ “เมืองลับแล”"),
    19: ({"เพศ": "ไม่บอก"}, "unknown_code",
         "ไม่รู้จักเพศ “ไม่บอก” จึงเว้นช่องนี้ไว้ และบันทึกค่าไว้ในหมายเหตุ"),
    20: ({"เลขสมาชิก": "9" * 41}, "too_long", "เลขสมาชิกยาวเกิน 40 ตัวอักษร"),
    21: ({"จังหวัด": "นครราชสีมา", "อำเภอ": "อำเภอไม่มีจริง"}, "unknown_district",
         "ไม่พบอำเภอ “อำเภอไม่มีจริง” ในจังหวัดที่ระบุ จึงไม่ได้บันทึกอำเภอ"),
    22: ({"ประเภท อปท.": "สหกรณ์"}, "unknown_org_type",
         "ไม่รู้จักประเภทหน่วยงาน “สหกรณ์” จึงไม่ได้บันทึกประเภท"),
    23: ({"กลุ่ม": "ชมรมคนรักป่า"}, "group_created",
         "ไม่พบกลุ่ม “ชมรมคนรักป่า” สร้างกลุ่มใหม่ให้แล้ว"),
    24: ({"กลุ่ม": "ชมรมคนรักป่า", "บทบาทในกลุ่ม": "ผู้อุปถัมภ์"}, "unknown_group_role",
         "ไม่รู้จักบทบาท “ผู้อุปถัมภ์” ในกลุ่ม บันทึกเป็นสมาชิก"),
    25: ({"หน่วยงาน": "สำนักงานลึกลับ"}, "organisation_unknown",
         "ไม่พบ “สำนักงานลึกลับ” ในทะเบียน และสร้างใหม่ไม่ได้เพราะไม่ได้ระบุจังหวัด"
         " จึงนำเข้าโดยไม่ระบุหน่วยงาน"),
}  # fmt: skip
MESSY_WARNINGS_TH = {
    17: "“อบต. บ้านไหม่” จับคู่กับหน่วยงาน “องค์การบริหารส่วนตำบลบ้านใหม่” (คล้ายกัน",
    18: "ไม่พบ “อบต.ท่าช้าง” ในทะเบียน สร้างหน่วยงานใหม่ชื่อ “องค์การบริหารส่วนตำบลท่าช้าง” แล้ว",
    19: "ไม่พบ “ชมรมคนรักถิ่น” ในทะเบียน และสร้างใหม่ไม่ได้เพราะไม่ได้ระบุจังหวัด"
    " จึงนำเข้าโดยไม่ระบุหน่วยงาน",
    20: "ช่องนี้มีปี 2530 (ปี พ.ศ. ที่ Excel เก็บเป็นปี ค.ศ.) อ่านเป็นวันที่ 1 พ.ค. 2530 แล้ว",
}


@pytest.fixture
def database(seeded_database: Database) -> Database:
    return seeded_database


def _sheet(path: Path) -> Path:
    rows = []
    for number, (cells, _, _) in CASES.items():
        row: list[object] = [None] * len(HEADER)
        row[0] = f"นายกรณี ทดสอบ{number}"
        for header, value in cells.items():
            row[HEADER.index(header)] = value
        rows.append(row)
    return write_simple_xlsx(path, HEADER, rows)


def test_each_problem_is_said_in_thai_with_its_case_and_values(
    database: Database, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "cases.xlsx")
    with database.session() as session:
        report = import_members(session, path=path, dry_run=True)
    found = {
        int(issue["row"]): (str(issue["code"]), thai_text_of(issue))  # type: ignore[call-overload]
        for issue in (*report.errors, *report.warnings)
    }
    assert found == {number: (code, text) for number, (_, code, text) in CASES.items()}
    # The problems listed after an import carry the same: the screen says the same.
    listed = problems_of_file(report, path).problems
    assert {
        p.row: thai_issue_text(p.code, p.detail, p.args, p.message) for p in listed
    } == {number: text for number, (_, _, text) in CASES.items()}


def test_the_warnings_of_the_messy_sheet_name_their_values_in_thai(
    database: Database, tmp_path: Path
) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    with database.session() as session:
        report = import_members(session, path=path, dry_run=True)
    texts = {int(w["row"]): thai_text_of(w) for w in report.warnings}  # type: ignore[call-overload]
    assert texts.keys() == MESSY_EXPECTED_WARNINGS.keys()
    for row, start in MESSY_WARNINGS_TH.items():
        assert texts[row].startswith(start), (row, texts[row])


def test_missing_values_or_unknown_cases_fall_back_to_the_text_of_the_code() -> None:
    assert thai_issue_text("unknown_province", "", None, "x") == "ไม่พบจังหวัดนี้"
    assert thai_issue_text("invalid_national_id", "new_case", None) == (
        "เลขประจำตัวประชาชนไม่ถูกต้อง"
    )
    assert thai_issue_text("invalid_national_id", "wrong_length", {}) == (
        "เลขประจำตัวประชาชนไม่ถูกต้อง"
    )
    assert thai_issue_text("some_new_code", "", None, "English text") == "English text"
    # A report read back from JSON written before details existed.
    assert thai_text_of({"row": 2, "code": "invalid_date", "message": "m"}) == "วันที่ไม่ถูกต้อง"


def test_every_template_has_a_plain_text_and_every_reason_a_template() -> None:
    assert {code for code, _ in _TEMPLATES_TH} <= MESSAGES_TH.keys()
    sources = {
        "invalid_national_id": "db/thai/national_id.py",
        "invalid_phone": "db/thai/phone.py",
        "invalid_date": "db/thai/dates.py",
    }
    for code, source in sources.items():
        reasons = set(re.findall(r'reason="(\w+)"', (ROOT / source).read_text(encoding="utf-8")))
        reasons.discard("bad_time")  # times are never imported
        missing = {reason for reason in reasons if (code, reason) not in _TEMPLATES_TH}
        assert not missing, (code, missing)


def test_a_valid_id_in_the_sheet_has_no_problem(database: Database, tmp_path: Path) -> None:
    rows = [["นายดี มาก", national_id("110000000001")]]
    path = write_simple_xlsx(tmp_path / "ok.xlsx", HEADER[:2], rows)
    with database.session() as session:
        report = import_members(session, path=path, dry_run=True)
    assert (report.errors, report.warnings) == ([], [])
