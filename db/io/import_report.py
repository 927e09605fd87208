"""What an import did, as data (JSON for the command line and the run log) and as an .xlsx of
the rejected rows that the secretary can fix and import again."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

import xlsxwriter

from db.io.headers import detect_header
from db.io.issue_texts import thai_text_of
from db.io.readers import Cell, ImportFileError, TableCache, read_table

MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 10, 50  # the error report's columns, in characters
REASON_HEADER = "เหตุผลที่นำเข้าไม่ได้ (Reason)"
ROW_HEADER = "แถวในไฟล์เดิม (Row)"
SHEET_NAMES = {"th": "แถวที่นำเข้าไม่ได้", "en": "Rows not imported"}


@dataclass(slots=True)
class ImportReport:
    """The outcome of an import (or a dry run).

    ``errors`` are problems that rejected a row, ``warnings`` problems that did not; both are
    ``{row, column, code, message}`` with ``row`` as the spreadsheet shows it (1-based,
    counting title and header rows) and ``column`` the header of the column concerned.
    ``duplicates`` are ``{row, existing_member_id | duplicate_of_row, reason, action}`` where
    ``reason`` is ``same_national_id``, ``same_name_and_organisation`` or
    ``same_name_and_birth_date`` and ``action`` what was done (skipped, updated, unchanged,
    imported, rejected).
    """

    file_name: str
    sheet: str
    header_row: int
    on_duplicate: str
    dry_run: bool
    mapping: dict[str, str] = field(default_factory=dict)  # column index -> field
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    rows: int = 0  # data rows read (blank rows not counted)
    errors: list[dict[str, object]] = field(default_factory=list)
    warnings: list[dict[str, object]] = field(default_factory=list)
    duplicates: list[dict[str, object]] = field(default_factory=list)
    created_organisations: list[str] = field(default_factory=list)  # ids
    created_groups: list[str] = field(default_factory=list)  # ids
    run_id: str | None = None
    # New members whose search documents are written after the commit (defer_search_index).
    search_backlog: int = 0
    seconds: float = 0.0
    # Where the time went: read (s), checks (CPU s of the checking thread), inserts (CPU s of
    # the writer thread), finish (s: last index ranges, rebuilt indexes), commit (s).
    phases: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> ImportReport:
        return cls(**json.loads(text))

    def rejected_rows(self) -> dict[int, list[dict[str, object]]]:
        """Row number -> its errors, in row order."""
        rows: dict[int, list[dict[str, object]]] = {}
        for error in self.errors:
            rows.setdefault(int(error["row"]), []).append(error)  # type: ignore[call-overload]
        return dict(sorted(rows.items()))


def reason_text(errors: list[dict[str, object]], *, language: str = "th") -> str:
    """ "เลขประจำตัวประชาชนต้องมี 13 หลัก แต่ช่องนี้มี 12 หลัก (invalid_national_id)
    [เลขบัตรประชาชน]; ..." for one row; in English ("en") the problems' own messages."""
    parts = []
    for error in errors:
        code = str(error["code"])
        text = thai_text_of(error) if language == "th" else str(error.get("message") or code)
        column = f" [{error['column']}]" if error.get("column") else ""
        parts.append(f"{text} ({code}){column}")
    return "; ".join(parts)


def _cell_for_sheet(cell: Cell) -> tuple[str, object]:
    """How to write a source cell back: ('text', str) for text and whole numbers (IDs and
    phones stay text, keeping their leading zeros), ('date', date) or ('number', value)."""
    if isinstance(cell, dt.datetime):
        return "date", cell
    if isinstance(cell, dt.date):
        return "date", dt.datetime(cell.year, cell.month, cell.day)
    if isinstance(cell, bool):
        return "text", "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer() and abs(cell) >= 1e7:
        return "text", str(int(cell))  # an ID or phone number stored as a number
    if isinstance(cell, (int, float)):
        return "number", cell
    return "text", "" if cell is None else str(cell)


def write_error_report(
    report: ImportReport, source: Path | str, out_path: Path | str, *,
    cache: TableCache | None = None, language: str = "th",
) -> int:  # fmt: skip
    """Write the rows ``report`` rejected, read again from ``source`` (the imported file), to
    an .xlsx at ``out_path``: the original header and cells (IDs and phones as text), a reason
    column (Thai explanation, code and column of each problem) and the original row number.
    The file imports again as it is once the rows are fixed. Returns the number of rows written.
    ``cache``: the sheet as the import read it, if still held (not read again). ``language``
    ("th" or "en"): of the sheet's name and the reasons (the header names stay bilingual, so
    that either imports again).
    """
    source = Path(source)
    rejected = report.rejected_rows()
    table = read_table(source, sheet=report.sheet or None, cache=cache)
    if report.header_row < 1 or report.header_row > len(table.rows):
        raise ImportFileError("no_header", f"{source.name} has no row {report.header_row}")
    header = detect_header(table, header_row=report.header_row)
    width = table.width
    while (
        width
        and not header.names[width - 1]
        and all(row[width - 1] in ("", None) for row in table.rows[header.data_start :])
    ):
        width -= 1  # blank columns at the right
    workbook = xlsxwriter.Workbook(str(out_path))
    try:
        sheet = workbook.add_worksheet(SHEET_NAMES.get(language, SHEET_NAMES["th"]))
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        text_format = workbook.add_format({"num_format": "@"})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        reason_format = workbook.add_format({"font_color": "#B00020", "text_wrap": True})
        widths = [_shown_width(name) for name in header.names[:width]]
        for column, name in enumerate(header.names[:width]):
            sheet.write_string(0, column, name, bold)
        sheet.write_string(0, width, REASON_HEADER, bold)
        sheet.set_column(width, width, 60)
        sheet.write_string(0, width + 1, ROW_HEADER, bold)
        sheet.freeze_panes(1, 0)
        out_row = 1
        for row_number, errors in rejected.items():
            index = row_number - 1
            if not 0 <= index < len(table.rows):
                continue
            cells = table.rows[index]
            for column in range(width):
                kind, value = _cell_for_sheet(cells[column] if column < len(cells) else "")
                if kind == "date":
                    sheet.write_datetime(out_row, column, value, date_format)  # type: ignore[arg-type]
                elif kind == "number":
                    sheet.write_number(out_row, column, value)  # type: ignore[arg-type]
                elif value != "":
                    sheet.write_string(out_row, column, value, text_format)  # type: ignore[arg-type]
                    widths[column] = max(widths[column], _shown_width(str(value)))
            reason = reason_text(errors, language=language)
            sheet.write_string(out_row, width, reason, reason_format)
            sheet.write_number(out_row, width + 1, row_number)
            out_row += 1
        for column, shown in enumerate(widths):  # each column as wide as what it shows
            shown = max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, shown + 2))
            sheet.set_column(column, column, shown)
    finally:
        workbook.close()
    return out_row - 1


def _shown_width(text: str) -> int:
    """Characters ``text`` takes across a cell: Thai vowels and tone marks written above or
    below a consonant take none."""
    longest = max(text.splitlines() or [""], key=len)
    return sum(1 for char in longest if unicodedata.category(char) != "Mn")
