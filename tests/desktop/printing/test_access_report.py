"""The access report PDF: Thai text intact (pdftotext), A4, the association's header, atomic."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from db.engine import Database
from db.privacy.access import member_data
from desktop.printing.access_report import access_report_html, build_access_report
from desktop.printing.pdf import PdfError, new_document, write_pdf
from tests.db.privacy.conftest import Register
from tests.db.privacy.conftest import register as register
from tests.desktop.printing.thai_interface import thai_interface

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="apt-get install -y poppler-utils"
)


@pytest.fixture
def thai(qapp: QApplication) -> Iterator[None]:
    with thai_interface():
        yield


def logo_png() -> bytes:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f6f8b"))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "ส")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


ASSOCIATION = SimpleNamespace(
    name_th="สมาคมข้าราชการส่วนท้องถิ่นแห่งประเทศไทย",
    address="123 ถนนราชดำเนิน\nเขตพระนคร กรุงเทพมหานคร 10200",
    phone="02-123-4567", email="", logo_png=None, signatories=(),
)  # fmt: skip


def data_of(register: Register) -> dict[str, Any]:
    with register.database.session() as s:
        return member_data(s, member_id=register.member_id)


TONE_MARKS = dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b"))


def comparable(text: str) -> str:
    """pdftotext reads Sarabun's combined glyphs (upper vowel + tone mark, sara am) back as the
    vowel alone or as nikhahit + sara aa; the glyphs themselves are right (see the page image)."""
    return text.replace("\u0e4d\u0e32", "\u0e33").translate(TONE_MARKS)


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return comparable(done.stdout.decode("utf-8"))


@needs_poppler
def test_pdf_has_the_members_data_in_thai(thai: None, register: Register, tmp_path: Path) -> None:
    association = SimpleNamespace(**{**vars(ASSOCIATION), "logo_png": logo_png()})
    document = build_access_report(data_of(register), association=association)
    folder = tmp_path / "รายงาน"
    folder.mkdir()
    path = write_pdf(document, folder / "สมชาย ใจดี-2026-11-24.pdf")
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF") and b"Sarabun" in raw  # the font is embedded
    text = pdf_text(path)
    for expected in (
        "ข้อมูลส่วนบุคคลของสมาชิกที่เก็บรักษาไว้", "สมาคมข้าราชการส่วนท้องถิ่นแห่งประเทศไทย",
        "นายสมชาย ใจดี", "1-1017-00203-45-0", "2 ตุลาคม 2523", "ปลัด อบต.", "ขอนแก่น",
        "องค์การบริหารส่วนตำบลหนองบัว", "กลุ่มและบทบาท", "สมาคมข้าราชการส่วนท้องถิ่น",
        "500.00", "2568", "ภาษาญี่ปุ่น", "ประวัติการเปลี่ยนแปลง", "สมาชิก.xlsx",
        "ระเบียนที่รวมเข้ามา", "ใจดีมาก",
    ):  # fmt: skip
        assert comparable(expected) in text, expected
    assert [p.name for p in folder.iterdir()] == [path.name]
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path),
             str(tmp_path / "page")], check=True, timeout=60,
        )  # fmt: skip
        shutil.copy(tmp_path / "page-1.png", Path("/tmp/access_report_page1.png"))


def test_html_leaves_out_empty_fields_and_escapes(qapp: QApplication, register: Register) -> None:
    data = data_of(register)
    data["member"]["notes"] = "<b>แพ้อาหารทะเล</b>"
    data["member"]["nickname"] = ""
    data["history"] = []  # (the history names the nickname field it created)
    html = access_report_html(data)
    assert "&lt;b&gt;แพ้อาหารทะเล&lt;/b&gt;" in html
    assert "Nickname" not in html and "ชื่อเล่น" not in html


def test_header_only_when_the_association_is_set(qapp: QApplication, register: Register) -> None:
    data = data_of(register)
    assert "<hr/>" not in access_report_html(data)
    empty = SimpleNamespace(name_th="", address="", phone="", email="", logo_png=None)
    assert "<hr/>" not in access_report_html(data, association=empty)
    assert "ถนนราชดำเนิน" in access_report_html(data, association=ASSOCIATION)


def test_write_pdf_to_a_missing_folder_is_a_clear_error(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(PdfError, match="does not exist"):
        write_pdf(new_document("<p>ทดสอบ</p>"), tmp_path / "ไม่มี" / "x.pdf")


def test_write_pdf_failure_keeps_the_old_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")

    def disk_full(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.printing.pdf.os.replace", disk_full)
    with pytest.raises(PdfError, match="No space"):
        write_pdf(new_document("<p>ทดสอบ</p>"), target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_pdf_is_a4(qapp: QApplication, tmp_path: Path) -> None:
    path = write_pdf(new_document("<p>ทดสอบภาษาไทย</p>"), tmp_path / "a4.pdf")
    raw = path.read_bytes()
    assert b"/MediaBox [0 0 595" in raw and b" 842" in raw  # A4 in points


def unused(_database: Database) -> None:  # keeps the Database import honest for type checkers
    pass
