"""A real client: LibreOffice Calc opens the exported .xlsx and saves it as CSV (UTF-8 filter,
RECIPES.md). Thai, leading zeros of IDs, phones and membership numbers, line breaks and escaped
formula-like text must all come through as text, exactly as our own CSV export writes them."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import open_database
from db.io.export_members import export_members
from tests.db.io.test_export_support import (
    FORMULA_NOTE,
    Register,
    as_dicts,
    build_register,
    read_csv,
)

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install -y --no-install-recommends"
    " libreoffice-calc): the real-client check of exported .xlsx files is skipped",
)
# Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8), start at line 1.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    database = open_database(tmp_path / "t.sqlite")
    yield build_register(database)
    database.dispose()


def libreoffice_csv(xlsx: Path, work: Path) -> list[list[str]]:
    """What LibreOffice reads from ``xlsx``, saved by it as UTF-8 CSV."""
    out = work / "lo-out"
    profile = work / "lo-profile"  # its own profile: runs may overlap
    finished = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", CSV_FILTER, "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    converted = out / (xlsx.stem + ".csv")
    assert finished.returncode == 0 and converted.exists(), finished.stdout + finished.stderr
    text = converted.read_bytes().decode("utf-8")  # strict: no "?" stand-ins, no mojibake
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_libreoffice_reads_the_xlsx_as_we_wrote_it(register: Register, tmp_path: Path) -> None:
    xlsx, ours = tmp_path / "สมาชิก.xlsx", tmp_path / "ours.csv"  # a Thai file name too
    export_members(register.database, out_path=xlsx, include_personal=True)
    export_members(register.database, out_path=ours, include_personal=True)
    seen = libreoffice_csv(xlsx, tmp_path)
    assert seen == read_csv(ours)
    somchai = {row["ชื่อ"]: row for row in as_dicts(seen)}["สมชาย"]  # type: ignore[misc]
    assert somchai["นามสกุล"] == "ใจดี"
    assert somchai["หน่วยงาน"] == "องค์การบริหารส่วนตำบลหนองบัว"
    assert somchai["เลขประจำตัวประชาชน"] == "0-1000-00000-01-8"
    assert somchai["โทรศัพท์มือถือ"] == "081-234-5678"
    assert somchai["โทรศัพท์สำนักงาน"] == "043-123-456"
    assert somchai["เลขสมาชิก"] == "000123"
    assert somchai["วันที่เป็นสมาชิก"] == "2 ต.ค. 2557"
    assert somchai["ที่อยู่"] == "99/1 หมู่ 2, ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น 40000"
    assert somchai["หมายเหตุ"] == "'" + FORMULA_NOTE  # shown as text, never run


def test_libreoffice_shows_a_ce_workbooks_excel_dates_as_our_csv(
    register: Register, tmp_path: Path
) -> None:
    """Dates in a CE workbook are Excel dates; LibreOffice shows them as the CE text."""
    xlsx, ours = tmp_path / "ce.xlsx", tmp_path / "ce.csv"
    export_members(register.database, out_path=xlsx, include_personal=True, era="CE")
    export_members(register.database, out_path=ours, include_personal=True, era="CE")
    assert b"<v>41914</v>" in zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml")
    seen = libreoffice_csv(xlsx, tmp_path)
    assert seen == read_csv(ours)
    somchai = {row["ชื่อ"]: row for row in as_dicts(seen)}["สมชาย"]  # type: ignore[misc]
    assert (somchai["วันเกิด"], somchai["วันที่เป็นสมาชิก"]) == ("1980-02-29", "2014-10-02")


def test_libreoffice_keeps_bare_digit_text(register: Register, tmp_path: Path) -> None:
    """Digits alone (an ID or phone stored without its check, a membership number) stay text:
    LibreOffice would drop the leading zeros of a number."""
    with register.database.session() as s:
        s.connection().exec_driver_sql(
            "UPDATE member SET phone = '0812', membership_no = '0000001', national_id = '0123'"
            " WHERE id = ?",
            (register.ids["arun"],),
        )
    xlsx = tmp_path / "digits.xlsx"
    export_members(register.database, out_path=xlsx, include_personal=True,
                   columns=["first_name", "national_id", "phone", "membership_no"])  # fmt: skip
    seen = libreoffice_csv(xlsx, tmp_path)
    assert seen[-1] == ["อรุณ", "0123", "0812", "0000001"]


def test_libreoffice_reads_unusual_text_exactly(register: Register, tmp_path: Path) -> None:
    notes = {
        "somchai": "<r><t>ไม่ใช่ rich text</t></r>",
        "somying": "ก & ข < ค > ง _x0041_ ยังเป็นข้อความ",
        "phairot": "  ช่องว่างหน้าและหลัง  ",
        "kesini": "@ไลน์ และ\nขึ้นบรรทัดใหม่",
    }
    with register.database.session() as s:
        for member, text in notes.items():
            s.connection().exec_driver_sql(
                "UPDATE member SET notes = ? WHERE id = ?", (text, register.ids[member])
            )
    xlsx, ours = tmp_path / "odd.xlsx", tmp_path / "odd.csv"
    for path in (xlsx, ours):
        export_members(register.database, out_path=path, columns=["first_name", "notes"])
    seen = libreoffice_csv(xlsx, tmp_path)
    assert seen == read_csv(ours)
    assert dict(seen[1:])["สมหญิง"] == notes["somying"]
    assert dict(seen[1:])["ไพโรจน์"] == notes["phairot"]
