"""``--self-check``: is this installation whole? Exit 0 when it is.

Opens a temporary database (in a folder with a Thai name) through the normal path (migrations,
reference data), and draws a Thai string offscreen with the bundled font: Sarabun must be the
font really used for every glyph, no glyph may be a box, the text must paint pixels, and a tone
mark above an upper vowel must be drawn (fonts such as Noto Looped Thai drop it). Also checks that
the Thai translation is loaded and that a child process reads a workbook (as big ones are read).
Works without a display (``QT_QPA_PLATFORM=offscreen``).

The report is for support staff and goes to stdout and the log, in English.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QImage, QPainter, QTextLayout

from desktop import fonts, i18n

log = logging.getLogger(__name__)

SAMPLE = "ผู้ใหญ่ถิ่นฐาน ปลัดเทศบาล"
SAMPLE_POINT_SIZE = 28


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_database() -> list[Check]:
    """A temporary database migrated to head, and a big import's row checker (a child process,
    db.io.check_process) checking a row from it."""
    from db.engine import open_database
    from db.migrations import current_revision, head_revision

    folder = tempfile.TemporaryDirectory(prefix="khrueakhai-ตรวจสอบ-", ignore_cleanup_errors=True)
    with folder as tmp:
        database = open_database(Path(tmp) / "ฐานข้อมูลทดสอบ.sqlite")
        try:
            revision = current_revision(database.engine)
        finally:
            database.dispose()
        checker = check_row_checker(database.path)
    head = head_revision()
    return [
        Check("database", revision == head, f"temporary database at revision {revision}"
              f" (head {head})"),
        checker,
    ]  # fmt: skip


def check_row_checker(path: Path) -> Check:
    """A big import checks rows in a child process: one must start, also from a packaged build,
    read the database's reference lists and check a row."""
    from db.io.check_process import CheckerFailed, CheckerProcess
    from db.io.mapping import ColumnMapping

    try:
        checker = CheckerProcess(path=path, today=dt.date.today())
    except Exception as error:  # any failure to start is the finding
        return Check("row_checker", False, f"no child process could start ({error})")
    try:
        checker.configure(ColumnMapping({0: "full_name"}), ["ชื่อ-สกุล"], None)
        checker.send(1, [(2, ["นายสมชาย ใจดี"])])
        (row,) = checker.results(1)
    except CheckerFailed as error:
        return Check("row_checker", False, f"the child process failed ({error})")
    finally:
        checker.close()
    values = row.values
    ok = (values["prefix"], values["first_name"], values["last_name"]) == ("นาย", "สมชาย", "ใจดี")
    return Check("row_checker", ok, "a child process checked a row")


def sample_font(point_size: float = SAMPLE_POINT_SIZE) -> QFont:
    font = QFont(fonts.load_fonts())
    font.setPointSizeF(point_size)
    return font


def render_text(text: str, font: QFont) -> QImage:
    """``text`` drawn black on white in a tight white image (offscreen, no window)."""
    metrics = QFontMetrics(font)
    image = QImage(
        metrics.horizontalAdvance(text) + 20, metrics.height() * 2, QImage.Format.Format_RGB32
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPointF(10, metrics.height() * 1.3), text)
    painter.end()
    return image


def ink(image: QImage) -> int:
    """How many pixels are darker than mid-grey."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    width, stride = gray.width(), gray.bytesPerLine()
    return sum(
        sum(1 for value in data[row : row + width] if value < 128)
        for row in range(0, stride * gray.height(), stride)
    )


def glyph_fonts(text: str, font: QFont) -> tuple[set[str], int]:
    """The families Qt really uses to shape ``text`` and the number of missing (box) glyphs."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families: set[str] = set()
    missing = 0
    for glyph_run in layout.glyphRuns():
        families.add(glyph_run.rawFont().familyName())
        missing += sum(1 for index in glyph_run.glyphIndexes() if index == 0)
    return families, missing


def check_font() -> list[Check]:
    font = sample_font()
    resolved = QFontInfo(font).family()
    families, missing = glyph_fonts(SAMPLE, font)
    painted = ink(render_text(SAMPLE, font))
    with_tone, without_tone = ink(render_text("ถิ่น", font)), ink(render_text("ถิน", font))
    return [
        Check("font", resolved == fonts.FAMILY, f"{resolved} from {fonts.font_dir()}"),
        Check("shaping", families == {fonts.FAMILY} and missing == 0,
              f"glyphs from {sorted(families)}, {missing} missing"),
        Check("painting", painted > 500, f"{painted} dark pixels for {SAMPLE!r}"),
        Check("tone marks", with_tone > without_tone,
              f"ถิ่น {with_tone} dark pixels, ถิน {without_tone}"),
    ]


def check_sheet_reader() -> Check:
    """Big workbooks are read by a child process (db.io.sheet_process): one must start, also
    from a packaged build, and read a workbook."""
    import xlsxwriter

    from db.io.headers import header_score
    from db.io.sheet_process import read_in_child

    folder = tempfile.TemporaryDirectory(prefix="khrueakhai-ตรวจสอบ-", ignore_cleanup_errors=True)
    with folder as tmp:
        path = Path(tmp) / "ทะเบียน.xlsx"
        workbook = xlsxwriter.Workbook(str(path))
        sheet = workbook.add_worksheet("สมาชิก")
        sheet.write_row(0, 0, ["ชื่อ", "นามสกุล"])
        sheet.write_row(1, 0, ["สมชาย", "ใจดี"])
        workbook.close()
        table = read_in_child(path, sheet=None, max_rows=None, score=header_score)
    if table is None:
        return Check("sheet_reader", False, "no child process could start")
    return Check("sheet_reader", table.rows[1] == ["สมชาย", "ใจดี"],
                 f"a child process read {len(table.rows)} rows")  # fmt: skip


def check_translation() -> Check:
    text = QCoreApplication.translate("SelfCheck", "Thai translation loaded")
    return Check("translation", text != "Thai translation loaded",
                 f"{text!r} from {i18n.installed_catalogues()}")


def run_checks(checks: Sequence[Callable[[], Check | list[Check]]]) -> list[Check]:
    results: list[Check] = []
    for check in checks:
        try:
            outcome = check()
        except Exception as error:  # a broken installation must still be reported
            log.exception("self-check step %s failed", check.__name__)
            outcome = Check(check.__name__.removeprefix("check_"), False, repr(error))
        results.extend(outcome if isinstance(outcome, list) else [outcome])
    return results


def run_self_check(argv: Sequence[str] | None = None) -> int:
    """Run every check, print a line for each; 0 when all passed, 1 otherwise."""
    from desktop.app import app_version, create_application

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    create_application(argv, language="th")
    results = run_checks([check_database, check_font, check_sheet_reader, check_translation])
    passed = all(result.ok for result in results)
    lines = [f"{'ok  ' if r.ok else 'FAIL'} {r.name}: {r.detail}" for r in results]
    lines.append(f"Khrueakhai {app_version()} self-check {'passed' if passed else 'FAILED'}")
    report = "\n".join(lines)
    if sys.stdout is not None:  # None in a windowed Windows program
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:  # a Windows pipe may not take Thai
            reconfigure(errors="backslashreplace")
        print(report, flush=True)
    (log.info if passed else log.error)("self-check\n%s", report)
    return 0 if passed else 1
